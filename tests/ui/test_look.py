"""Look: the reading pane is readable in the light and the dark palette, and the first window
fits a 1366x768 laptop screen, also at a HiDPI scale of 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from ui_helpers import click_row

from reader.ui import theme
from reader.ui.mainwindow import MainWindow


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.redF())
        + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF())
    )


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(QColor(a)), _luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.fixture
def dark(qapp, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("READER_THEME", "dark")
    light = QPalette(qapp.palette())
    assert theme.apply(qapp) == "dark"
    yield
    qapp.styleHints().unsetColorScheme()
    qapp.setPalette(light)


def _pane_colors(qtbot, window: MainWindow) -> tuple[str, dict[str, str]]:  # type: ignore[no-untyped-def]
    click_row(qtbot, window.table, window.articles.index(0, 0))
    qtbot.waitUntil(lambda: window.pane.article is not None)
    base = window.pane.palette().color(QPalette.ColorRole.Base).name()
    colors = window.pane._colors()
    return base, {"text": colors.text, "meta": colors.meta, "link": colors.link}


def _check_readable(base: str, colors: dict[str, str], html: str) -> None:
    assert contrast(colors["text"], base) >= 7, "body text"
    assert contrast(colors["link"], base) >= 3, "links"
    assert contrast(colors["meta"], base) >= 3, "dates, captions"
    assert colors["text"] in html  # the page uses the palette's colours, not fixed ones


def test_the_pane_is_readable_in_the_light_palette(qtbot, window):
    base, colors = _pane_colors(qtbot, window)
    assert QColor(base).lightnessF() > 0.5
    _check_readable(base, colors, window.pane.toHtml())


def test_the_pane_follows_the_dark_palette(qtbot, dark, service):
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded and window.articles.rowCount() > 0)
    base, colors = _pane_colors(qtbot, window)
    assert QColor(base).lightnessF() < 0.3
    _check_readable(base, colors, window.pane.toHtml())
    window.shutdown()


def test_an_open_window_follows_the_desktop_switching_to_dark(qtbot, window, qapp):
    light = QPalette(qapp.palette())
    _base, colors = _pane_colors(qtbot, window)
    try:
        theme.follow(qapp, Qt.ColorScheme.Dark)  # what a desktop's switch leads to
        qtbot.waitUntil(lambda: window.pane._colors().text != colors["text"])
        dark_base, dark_colors = _pane_colors(qtbot, window)
        assert QColor(dark_base).lightnessF() < 0.3
        _check_readable(dark_base, dark_colors, window.pane.toHtml())
        theme.follow(qapp, Qt.ColorScheme.Light)
        qtbot.waitUntil(lambda: window.pane._colors().text == colors["text"])
    finally:
        qapp.setPalette(light)


SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from reader.core.service import Service
from reader.ui.mainwindow import MainWindow
service = Service(Path(sys.argv[1]))
window = MainWindow(service)
window.show()
screen = window.screen().availableGeometry()
frame = window.frameGeometry()
title = window.table.header().sectionSize(0)
print(json.dumps({"screen": [screen.width(), screen.height()],
                  "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                  "ratio": window.devicePixelRatio(),
                  "title": title, "list": window.table.viewport().width()}))
window.shutdown()
service.close()
"""


@pytest.mark.parametrize("scale", ["1", "2"])
def test_the_first_window_fits_a_1366x768_screen(tmp_path: Path, scale: str) -> None:
    config = tmp_path / "screens.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "QT_SCALE_FACTOR": scale,
    }
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    shown = json.loads(out.stdout.strip().splitlines()[-1])
    width, height = shown["screen"]
    assert (width, height) == (1366 // int(scale), 768 // int(scale))
    assert shown["ratio"] == int(scale)
    x, y, w, h = shown["frame"]
    assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, shown
    assert w >= width * 0.8 and h >= height * 0.8, "a small screen is used in full"
    assert shown["title"] >= shown["list"] * 0.4, "the titles keep room in the list"
