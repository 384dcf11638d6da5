"""Starting the window (a placeholder until the window issue lands)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from reader.core.service import Service


def run(service: Service) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Reader")
    counts = service.counts()
    window.setCentralWidget(QLabel(f"{counts['all']} articles, {counts['unread']} unread"))
    window.resize(1100, 700)
    window.show()
    code = app.exec()
    service.close()
    return code
