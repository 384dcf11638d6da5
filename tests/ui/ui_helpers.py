"""Small helpers for driving the window like a user: click a sidebar entry, a pane link."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTreeView


def anchor_point(view: QTextBrowser, href: str) -> QPoint | None:
    """Viewport position of the middle of the first link to href, or None."""
    doc = view.document()
    block = doc.begin()
    while block.isValid():
        for item in block:
            fragment = item.fragment()
            if fragment.isValid() and fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(fragment.position() + max(fragment.length() // 2, 1))
                return view.cursorRect(cursor).center()
        block = block.next()
    return None


def click_anchor(qtbot, view: QTextBrowser, href: str) -> None:  # type: ignore[no-untyped-def]
    point = anchor_point(view, href)
    assert point is not None, f"no link to {href} in the pane"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def click_row(qtbot, view: QTreeView, index) -> None:  # type: ignore[no-untyped-def]
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid(), "the row is not shown"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
