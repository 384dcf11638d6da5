"""Item views with a viewport made in Python.

Qt makes a scroll area's viewport in C++. The first time PySide meets such a QWidget (a call
to viewport(), an event filter watching it) it searches its widget classes for the object's
type: 12-15 ms of the window's start, before its first paint. A viewport made here has a
Python wrapper from the start. (Not for QTextEdit and QTextBrowser: they keep a pointer to
their first viewport, and replacing it crashes them.)
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QWidget


def own_viewport(view: QAbstractItemView) -> None:
    """Give an item view a viewport set up as Qt sets up its own (name, background)."""
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")
    viewport.setBackgroundRole(QPalette.ColorRole.Base)
    viewport.setAutoFillBackground(True)
    view.setViewport(viewport)
