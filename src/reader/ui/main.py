"""Starting the window: the QApplication, the main window, and a clean stop."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.core.service import Service
from reader.ui import icons
from reader.ui.mainwindow import MainWindow


def run(service: Service) -> int:
    """Show the window over this service until the user quits; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Reader")
    app.setApplicationDisplayName("Reader")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("reader-desktop")
    app.setDesktopFileName("reader-desktop")
    app.setWindowIcon(icons.app_icon())
    window = MainWindow(service)
    window.show()
    try:
        return app.exec()
    finally:
        window.shutdown()
        service.close()
