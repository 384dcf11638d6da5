"""The window's start asks shiboken6 to unpack its support code once, and again after an
upgrade; a failed import or a folder it cannot write leaves nothing behind."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from qt_child import run_python

from reader.ui import shiboken_files


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SBK_EMBED", "")  # so that the test's end restores the variable as it was
    monkeypatch.delenv("SBK_EMBED")
    folder = tmp_path / "shiboken6"
    folder.mkdir()
    (folder / "__init__.py").write_text('__version__ = "6.11.3"\nimport sys\n')
    return folder


def _import_unpacks(unpacked: Path) -> None:
    """What shiboken6 does on import with SBK_EMBED=0."""
    assert os.environ["SBK_EMBED"] == "0"
    (unpacked / "shibokensupport").mkdir(parents=True)


def test_the_first_start_unpacks_and_later_starts_leave_it(package: Path) -> None:
    unpacking = shiboken_files.prepare(package)
    assert unpacking is not None
    unpacked = unpacking.folder
    assert unpacked == package / "files.dir"
    _import_unpacks(unpacked)
    shiboken_files.finish(unpacking, imported=True)
    assert "SBK_EMBED" not in os.environ  # child processes import as usual
    assert (unpacked / shiboken_files.STAMP).is_file()
    assert shiboken_files.prepare(package) is None
    assert "SBK_EMBED" not in os.environ


def test_an_upgraded_shiboken_is_unpacked_again(package: Path) -> None:
    unpacking = shiboken_files.prepare(package)
    assert unpacking is not None
    unpacked = unpacking.folder
    _import_unpacks(unpacked)
    (unpacked / "shibokensupport" / "old_module.py").write_text("")
    shiboken_files.finish(unpacking, imported=True)
    (package / "__init__.py").write_text('__version__ = "6.12.0"\n')
    again = shiboken_files.prepare(package)
    assert again is not None and again.folder == unpacked
    assert not unpacked.exists()  # the old version's files are gone before the new ones come
    shiboken_files.finish(again, imported=False)


def test_a_failed_import_leaves_no_folder(package: Path) -> None:
    unpacking = shiboken_files.prepare(package)
    assert unpacking is not None
    unpacked = unpacking.folder
    (unpacked / "shibokensupport").mkdir(parents=True)  # cut short
    shiboken_files.finish(unpacking, imported=False)
    assert not unpacked.exists()
    assert "SBK_EMBED" not in os.environ
    again = shiboken_files.prepare(package)  # the next start tries again
    assert again is not None and again.folder == unpacked
    shiboken_files.finish(again, imported=False)


def test_the_users_own_switch_is_left_alone(package: Path, monkeypatch) -> None:
    monkeypatch.setenv("SBK_EMBED", "1")
    assert shiboken_files.prepare(package) is None
    assert os.environ["SBK_EMBED"] == "1"


def test_a_read_only_install_is_left_alone(package: Path, monkeypatch) -> None:
    monkeypatch.setattr(shiboken_files.os, "access", lambda path, mode: False)  # root writes all
    assert shiboken_files.prepare(package) is None
    assert "SBK_EMBED" not in os.environ
    assert not (package / "files.dir").exists()


def test_a_second_start_waits_for_the_unpacking_under_way(package: Path) -> None:
    """Two windows started at once on a new install: the second neither reads half the files
    nor removes them, and it asks for no unpacking of its own."""
    unpacking = shiboken_files.prepare(package)
    assert unpacking is not None
    _import_unpacks(unpacking.folder)
    script = (
        "import os, sys, time; from pathlib import Path; from reader.ui import shiboken_files; "
        "t = time.monotonic(); u = shiboken_files.prepare(Path(sys.argv[1])); "
        "print(u is None, 'SBK_EMBED' in os.environ, round(time.monotonic() - t, 1))"
    )
    launch_env = {k: v for k, v in os.environ.items() if k != "SBK_EMBED"}  # a separate launch
    second = subprocess.Popen(
        [sys.executable, "-c", script, str(package)],
        stdout=subprocess.PIPE,
        text=True,
        env=launch_env,
    )
    time.sleep(1.0)
    assert second.poll() is None  # waiting on the lock
    shiboken_files.finish(unpacking, imported=True)
    out, _ = second.communicate(timeout=30)
    nothing_asked, switch_set, waited = out.split()
    assert (nothing_asked, switch_set) == ("True", "False")
    assert float(waited) >= 0.9
    assert (unpacking.folder / "shibokensupport").is_dir()


_IMPORT_AFTER_QT = """
import builtins, linecache, sys
{setup}
import colorsys  # any module imported after PySide
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("still Qt")
label.setAlignment(Qt.AlignmentFlag.AlignRight)
print(colorsys.__file__ in linecache.cache, builtins.__import__ is builtins.__orig_import__,
      label.alignment() == Qt.AlignmentFlag.AlignRight)
"""


def _after_qt(setup: str) -> list[str]:
    return run_python(_IMPORT_AFTER_QT.format(setup=setup)).split()


def test_the_window_imports_qt_without_pyside_reading_every_later_module() -> None:
    # PySide alone reads each module imported after it (for its `__feature__` opt-in) ...
    assert _after_qt("import PySide6.QtWidgets") == ["True", "False", "True"]
    # ... the window's import of Qt puts Python's own import back, and Qt works as before.
    assert _after_qt("from reader.app import _import_qt; _import_qt()") == ["False", "True", "True"]


_WRONG_CALL = """
import re._compiler, sys
compiled = []
compile_now = re._compiler.compile
def counting(pattern, flags=0):
    compiled.append(len(pattern))
    return compile_now(pattern, flags)
re._compiler.compile = counting
{setup}
at_import = [n for n in compiled if n >= 1000]
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
try:
    QWidget().resize("not a size")
except TypeError as exc:
    message = str(exc)
print(repr((at_import, message)))
"""


def _wrong_call(setup: str) -> tuple[list[int], str]:
    return ast.literal_eval(run_python(_WRONG_CALL.format(setup=setup)))


def test_the_window_imports_qt_without_compiling_its_signature_patterns() -> None:
    # PySide alone compiles its long signature patterns while it is imported ...
    alone_compiled, alone_message = _wrong_call("import PySide6.QtWidgets")
    assert len(alone_compiled) >= 2
    # ... the window's import leaves them for their first use, and a wrong call to Qt still
    # gets the same message, its supported signatures read with those patterns.
    compiled, message = _wrong_call("from reader.app import _import_qt; _import_qt()")
    assert compiled == []
    assert message == alone_message
    assert "resize(w: int, h: int, /)" in message


def test_a_deferred_pattern_behaves_as_the_compiled_one() -> None:
    source = "(?P<word>[a-z]+)" + " " * shiboken_files.LONG_PATTERN  # long, like shiboken's
    with shiboken_files.deferred_patterns():
        pattern = re.compile(source, re.VERBOSE)
        split = pattern.split  # fetched at class definition, as shiboken does
    assert isinstance(pattern, shiboken_files.DeferredPattern)
    assert split("ab, cd") == ["", "ab", ", ", "cd", ""]
    assert pattern.groupindex == {"word": 1}
    assert pattern.sub("x", "ab cd") == "x x"
    assert isinstance(re.compile("[a-z]+"), re.Pattern)  # outside, compile is Python's own
    with shiboken_files.deferred_patterns():
        assert isinstance(re.compile("[a-z]+"), re.Pattern)  # short ones compile at once
