"""The window's start loads Qt's libraries in a thread while the engine's Python runs
(ui/preload.py): they are loaded before PySide6 is imported, and Qt works as usual after."""

from __future__ import annotations

import pytest
from qt_child import run_python

from reader.ui import preload

_PRELOADED_THEN_IMPORTED = """
import sys
from reader.ui import preload
thread = preload.start()
thread.join()
with open("/proc/self/maps") as maps:
    loaded = maps.read()
print("libQt6Widgets" in loaded, "libqoffscreen" in loaded, "PySide6" in sys.modules)
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
print(QLabel("still Qt").text())
"""


def test_qt_libraries_are_loaded_before_pyside_is_imported_and_qt_works() -> None:
    printed = run_python(_PRELOADED_THEN_IMPORTED)
    assert printed.split("\n")[:2] == ["True True False", "still Qt"]


def test_nothing_is_started_without_a_display(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert preload.start() is None
