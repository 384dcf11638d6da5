"""Light or dark: follow the desktop's colour scheme, or READER_THEME=dark|light.

Qt follows the desktop's scheme itself where the platform tells it (GNOME, KDE, Windows,
macOS); READER_THEME forces one, for desktops that do not say and for screenshots. Every
colour of the reading pane is derived from the palette (widgets/reading.py), so it stays
readable either way and follows a change while the window is open.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_DARK = {
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#26282b",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#8c8f94",
    QPalette.ColorRole.Button: "#35373b",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#3d6fb4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
    QPalette.ColorRole.ToolTipBase: "#35373b",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.Light: "#4a4d52",
    QPalette.ColorRole.Midlight: "#3e4045",
    QPalette.ColorRole.Mid: "#2f3134",
    QPalette.ColorRole.Dark: "#1a1b1e",
    QPalette.ColorRole.Shadow: "#0d0d0f",
}
_DISABLED = {
    QPalette.ColorRole.WindowText: "#7c7f84",
    QPalette.ColorRole.Text: "#7c7f84",
    QPalette.ColorRole.ButtonText: "#7c7f84",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in _DARK.items():
        palette.setColor(role, QColor(color))
    for role, color in _DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def apply(app: QApplication, choice: str | None = None) -> str:
    """Apply READER_THEME (or `choice`): "dark", "light" or "auto" (the desktop's, followed
    when it changes); returns the scheme in use ("dark" or "light")."""
    choice = (choice or os.environ.get("READER_THEME") or "auto").lower()
    hints = app.styleHints()
    if choice in ("dark", "light"):
        scheme = Qt.ColorScheme.Dark if choice == "dark" else Qt.ColorScheme.Light
        hints.setColorScheme(scheme)
        follow(app, scheme)
    else:
        follow(app, hints.colorScheme())
        hints.colorSchemeChanged.connect(lambda scheme: follow(app, scheme))
    return "dark" if is_dark(app.palette()) else "light"


def follow(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Make the palette match the scheme when the platform's palette does not (X11 without a
    platform theme, Xvfb): Fusion with our dark palette, or the style's light one."""
    dark = is_dark(app.palette())
    if scheme == Qt.ColorScheme.Dark and not dark:
        app.setStyle("Fusion")  # a style that draws with the palette everywhere
        app.setPalette(dark_palette())
    elif scheme == Qt.ColorScheme.Light and dark:
        app.setStyle("Fusion")
        app.setPalette(app.style().standardPalette())
