"""The window's size, splitters, list columns, folded folders and pane side, kept in its
settings file between runs (the first run fits the window to the screen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QGuiApplication

from reader.ui import actions as window_actions

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter

    from reader.ui.mainwindow import MainWindow


def _splitters(window: MainWindow) -> list[tuple[str, QSplitter]]:
    return [
        ("window/main_splitter", window.splitter),
        ("window/content_splitter", window.content),
        ("window/sidebar_splitter", window.sidebar.splitter),
    ]


def restore(window: MainWindow) -> None:
    s = window.settings
    geometry = s.value("window/geometry")
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        default_geometry(window)
    for key, splitter in _splitters(window):
        value = s.value(key)
        if isinstance(value, QByteArray):
            splitter.restoreState(value)
    header = s.value("window/list_header")
    if isinstance(header, QByteArray):
        window.table.header().restoreState(header)
    collapsed = s.value("window/collapsed_folders", [])
    window.sidebar.collapsed = {collapsed} if isinstance(collapsed, str) else set(collapsed or [])
    window_actions.set_pane_right(window, s.value("window/pane_right", "false") == "true")


def default_geometry(window: MainWindow) -> None:
    """Fill a small screen (1366x768 laptops, or 2732x1536 at scale 2, which Qt reports as
    1366x768); a comfortable centred size on larger ones. Sizes are device-independent
    pixels, so a HiDPI scale never makes the window larger than the screen."""
    screen = QGuiApplication.primaryScreen().availableGeometry()
    if screen.width() <= 1600 or screen.height() <= 900:
        # Maximized: the window manager fits the frame inside the screen.
        window.resize(screen.width() * 9 // 10, screen.height() * 9 // 10)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        width, height = screen.width(), screen.height()
    else:
        window.resize(1400, 880)
        window.move(screen.center() - window.rect().center())
        width, height = window.width(), window.height()
    side = min(max(200, width // 5), 320)
    window.splitter.setSizes([side, width - side])
    window.table.fit_columns(width - side)
    window.content.setSizes([int(height * 0.42), int(height * 0.58)])


def save(window: MainWindow) -> None:
    s = window.settings
    s.setValue("window/geometry", window.saveGeometry())
    for key, splitter in _splitters(window):
        s.setValue(key, splitter.saveState())
    s.setValue("window/list_header", window.table.header().saveState())
    s.setValue("window/collapsed_folders", sorted(window.sidebar.collapsed))
    pane_right = window.content.orientation() == Qt.Orientation.Horizontal
    s.setValue("window/pane_right", "true" if pane_right else "false")
    s.sync()
