"""The window's start asks shiboken6 to unpack its support code once, and again after an
upgrade; a failed import or a folder it cannot write leaves nothing behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
    unpacked = shiboken_files.prepare(package)
    assert unpacked == package / "files.dir"
    _import_unpacks(unpacked)
    shiboken_files.finish(unpacked, imported=True)
    assert "SBK_EMBED" not in os.environ  # child processes import as usual
    assert (unpacked / shiboken_files.STAMP).is_file()
    assert shiboken_files.prepare(package) is None
    assert "SBK_EMBED" not in os.environ


def test_an_upgraded_shiboken_is_unpacked_again(package: Path) -> None:
    unpacked = shiboken_files.prepare(package)
    assert unpacked is not None
    _import_unpacks(unpacked)
    (unpacked / "shibokensupport" / "old_module.py").write_text("")
    shiboken_files.finish(unpacked, imported=True)
    (package / "__init__.py").write_text('__version__ = "6.12.0"\n')
    again = shiboken_files.prepare(package)
    assert again == unpacked
    assert not unpacked.exists()  # the old version's files are gone before the new ones come
    shiboken_files.finish(again, imported=False)


def test_a_failed_import_leaves_no_folder(package: Path) -> None:
    unpacked = shiboken_files.prepare(package)
    assert unpacked is not None
    (unpacked / "shibokensupport").mkdir(parents=True)  # cut short
    shiboken_files.finish(unpacked, imported=False)
    assert not unpacked.exists()
    assert "SBK_EMBED" not in os.environ
    assert shiboken_files.prepare(package) == unpacked  # the next start tries again
    shiboken_files.finish(unpacked, imported=False)


def test_the_users_own_switch_is_left_alone(package: Path, monkeypatch) -> None:
    monkeypatch.setenv("SBK_EMBED", "1")
    assert shiboken_files.prepare(package) is None
    assert os.environ["SBK_EMBED"] == "1"


def test_a_read_only_install_is_left_alone(package: Path, monkeypatch) -> None:
    monkeypatch.setattr(shiboken_files.os, "access", lambda path, mode: False)  # root writes all
    assert shiboken_files.prepare(package) is None
    assert "SBK_EMBED" not in os.environ
    assert not (package / "files.dir").exists()
