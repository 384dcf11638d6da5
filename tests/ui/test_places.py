"""State and places: the rotating log file where uncaught errors land with their traceback, and
the About page that says where everything is kept."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.core import paths
from reader.ui import logs, places
from reader.ui.dialogs.about import AboutDialog


@pytest.fixture
def log_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    handler = logs.install(tmp_path / "logs", max_bytes=4000, backups=2)
    yield tmp_path / "logs" / logs.LOG_NAME
    logs.uninstall(handler)


def _raise(message: str) -> None:
    raise RuntimeError(message)


def test_an_uncaught_error_lands_in_the_log_with_its_traceback(log_file: Path, capsys) -> None:
    try:
        _raise("the main thread broke")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    text = log_file.read_text(encoding="utf-8")
    assert "uncaught exception" in text
    assert "Traceback (most recent call last)" in text
    assert "in _raise" in text and "RuntimeError: the main thread broke" in text
    assert "the main thread broke" in capsys.readouterr().err  # still printed too


def test_an_error_in_a_worker_thread_lands_in_the_log(log_file: Path) -> None:
    worker = threading.Thread(target=_raise, args=("a worker broke",), name="worker-7")
    worker.start()
    worker.join()
    text = log_file.read_text(encoding="utf-8")
    assert "uncaught exception in thread worker-7" in text
    assert "RuntimeError: a worker broke" in text and "in _raise" in text


def test_the_log_rotates_and_keeps_a_bounded_number_of_files(log_file: Path) -> None:
    log = logging.getLogger("reader.test")
    for number in range(200):
        log.warning("line %d of a long session %s", number, "x" * 40)
    folder = log_file.parent
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["reader.log", "reader.log.1", "reader.log.2"]
    assert all((folder / name).stat().st_size <= 4000 for name in names)
    assert "line 199 " in log_file.read_text(encoding="utf-8")


def test_uninstall_restores_the_previous_hooks(tmp_path: Path) -> None:
    before = sys.excepthook, threading.excepthook
    handler = logs.install(tmp_path)
    assert sys.excepthook is not before[0]
    logs.uninstall(handler)
    assert (sys.excepthook, threading.excepthook) == before


WINDOW = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reader.core.service import Service
from reader.ui import main
app = QApplication(sys.argv)
service = Service(Path(sys.argv[1]))
def broken_slot():
    raise ValueError("a slot broke")
QTimer.singleShot(0, broken_slot)
QTimer.singleShot(500, app.quit)
sys.exit(main.run(service))
"""


def test_the_window_logs_an_error_raised_in_a_slot(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "READER_DATA_DIR": str(data)}
    subprocess.run(
        [sys.executable, "-c", WINDOW, str(data)], env=env, timeout=60, capture_output=True
    )
    text = (data / "logs" / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "ValueError: a slot broke" in text and "in broken_slot" in text


def test_the_log_goes_to_the_platform_folder_unless_a_data_folder_is_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("READER_DATA_DIR", raising=False)
    default = paths.data_dir(None)
    assert logs.log_dir(default).name.lower() in ("log", "logs")
    assert default not in logs.log_dir(default).parents
    assert places.config_dir(default) != default
    assert logs.log_dir(tmp_path) == tmp_path / "logs"
    assert places.config_dir(tmp_path) == tmp_path
    monkeypatch.setenv("READER_DATA_DIR", str(default))  # chosen by hand, even if the same
    assert logs.log_dir(default) == default / "logs"


def test_window_settings_move_to_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data folder is the platform's: window.ini of an earlier version is carried over."""
    monkeypatch.delenv("READER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    data = paths.data_dir(None)
    data.mkdir(parents=True)
    (data / "window.ini").write_text("[window]\npane_right=true\n")
    moved = places.settings_file(data)
    assert moved == tmp_path / "config-home" / paths.APP_NAME / "window.ini"
    assert moved.read_text() == "[window]\npane_right=true\n"


def test_about_shows_the_version_and_every_place(qtbot, window, service) -> None:
    window.act.about.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AboutDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, AboutDialog)
    labels = " ".join(label.text() for label in dialog.findChildren(type(window.summary)))
    assert __version__ in labels
    data = service.data_dir
    assert dialog.fields["data"].text() == str(data)
    assert dialog.fields["cache"].text() == str(paths.cache_dir(data))
    assert dialog.fields["config"].text() == str(data / "window.ini")  # a --data-dir folder
    assert dialog.fields["log"].text() == str(logs.log_dir(data) / logs.LOG_NAME)
    dialog.reject()


def test_a_log_folder_that_cannot_be_written_does_not_break_logging(tmp_path: Path, capsys):
    folder = tmp_path / "logs"
    handler = logs.install(folder)
    folder.rmdir()
    (tmp_path / "logs").write_text("a file where the folder was")  # the log cannot be opened
    try:
        logging.getLogger("reader.test").warning("still running")  # raises nothing
    finally:
        logs.uninstall(handler)
    assert "still running" in capsys.readouterr().err  # logging's own report, on stderr
