"""Small helpers for driving the window like a user: click a sidebar entry, a pane link;
and real PNG bytes for the images a test server serves."""

from __future__ import annotations

import struct
import zlib

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


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A real PNG file of one colour (what an image server sends)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )
