"""Icons: the desktop theme's when it has one, else a QStyle standard icon or a small drawn glyph.

Drawn glyphs (star, feed, tag, plus) keep the window legible where no icon theme is installed
(minimal desktops, Xvfb); they take their colours from the palette so dark themes work too.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QApplication, QStyle

_SIZES = (16, 22, 32, 48)
STAR_COLOR = QColor("#e8a317")
FEED_COLOR = QColor("#f26522")


def _standard(pixmap: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(pixmap)


def themed(name: str, fallback: QStyle.StandardPixmap | QIcon) -> QIcon:
    """The theme icon `name`, else the fallback (a QStyle standard pixmap or an icon)."""
    if QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    if isinstance(fallback, QIcon):
        return fallback
    return _standard(fallback)


def _drawn(paint: object) -> QIcon:
    icon = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint(painter, float(size))  # type: ignore[operator]
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _star_polygon(size: float) -> QPolygonF:
    import math

    center = QPointF(size / 2, size / 2 + size * 0.04)
    outer, inner = size * 0.47, size * 0.2
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        points.append(
            QPointF(center.x() + radius * math.cos(angle), center.y() - radius * math.sin(angle))
        )
    return QPolygonF(points)


@cache
def star(filled: bool = True) -> QIcon:
    def paint(p: QPainter, size: float) -> None:
        if filled:
            p.setPen(QPen(STAR_COLOR.darker(120), max(1.0, size / 16)))
            p.setBrush(STAR_COLOR)
        else:
            color = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            p.setPen(QPen(color, max(1.0, size / 16)))
            p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPolygon(_star_polygon(size))

    return _drawn(paint)


@cache
def feed() -> QIcon:
    def paint(p: QPainter, size: float) -> None:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(FEED_COLOR)
        p.drawRoundedRect(QRectF(1, 1, size - 2, size - 2), size * 0.18, size * 0.18)
        white = QPen(QColor("white"), size * 0.11)
        white.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(white)
        p.setBrush(Qt.BrushStyle.NoBrush)
        origin = QPointF(size * 0.27, size * 0.73)
        for radius in (size * 0.26, size * 0.45):
            rect = QRectF(origin.x() - radius, origin.y() - radius, 2 * radius, 2 * radius)
            p.drawArc(rect, 0, 90 * 16)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("white"))
        p.drawEllipse(origin, size * 0.08, size * 0.08)

    return _drawn(paint)


@cache
def tag() -> QIcon:
    def paint(p: QPainter, size: float) -> None:
        color = QApplication.palette().color(QPalette.ColorRole.Text)
        color.setAlphaF(0.55)
        path = QPainterPath()
        s = size
        path.moveTo(s * 0.12, s * 0.12)
        path.lineTo(s * 0.52, s * 0.12)
        path.lineTo(s * 0.9, s * 0.5)
        path.lineTo(s * 0.52, s * 0.88)
        path.lineTo(s * 0.12, s * 0.48)
        path.closeSubpath()
        p.setPen(QPen(color, max(1.0, s / 14)))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setBrush(color)
        p.drawEllipse(QPointF(s * 0.32, s * 0.32), s * 0.06, s * 0.06)

    return _drawn(paint)


@cache
def plus() -> QIcon:
    def paint(p: QPainter, size: float) -> None:
        color = QColor("#2e8b57")
        pen = QPen(color, size * 0.16)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawLine(QPointF(size / 2, size * 0.18), QPointF(size / 2, size * 0.82))
        p.drawLine(QPointF(size * 0.18, size / 2), QPointF(size * 0.82, size / 2))

    return _drawn(paint)


@cache
def unread_dot() -> QIcon:
    def paint(p: QPainter, size: float) -> None:
        color = QApplication.palette().color(QPalette.ColorRole.Highlight)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawEllipse(QPointF(size / 2, size / 2), size * 0.3, size * 0.3)

    return _drawn(paint)


def app_icon() -> QIcon:
    return themed("reader-desktop", feed())


def badge(base: QIcon, count: int, size: int = 32) -> QIcon:
    """The icon with an unread count drawn in its corner (for the tray)."""
    pixmap = base.pixmap(size, size)
    if count <= 0:
        return QIcon(pixmap)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = str(count) if count < 1000 else "999+"
    font = painter.font()
    font.setPixelSize(int(size * 0.42))
    font.setBold(True)
    painter.setFont(font)
    width = max(painter.fontMetrics().horizontalAdvance(text) + 6, int(size * 0.5))
    rect = QRectF(size - width, size * 0.5, width, size * 0.5)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#d62d20"))
    painter.drawRoundedRect(rect, size * 0.2, size * 0.2)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return QIcon(pixmap)


# Named standard icons used by menus and toolbars.
def refresh() -> QIcon:
    return themed("view-refresh", QStyle.StandardPixmap.SP_BrowserReload)


def stop() -> QIcon:
    return themed("process-stop", QStyle.StandardPixmap.SP_BrowserStop)


def folder() -> QIcon:
    return themed("folder", QStyle.StandardPixmap.SP_DirIcon)


def new_folder() -> QIcon:
    return themed("folder-new", QStyle.StandardPixmap.SP_FileDialogNewFolder)


def warning() -> QIcon:
    return themed("dialog-warning", QStyle.StandardPixmap.SP_MessageBoxWarning)


def open_external() -> QIcon:
    return themed("internet-web-browser", QStyle.StandardPixmap.SP_ArrowRight)


def mark_read() -> QIcon:
    return themed("mail-mark-read", QStyle.StandardPixmap.SP_DialogApplyButton)


def all_articles() -> QIcon:
    return themed("mail-folder-inbox", QStyle.StandardPixmap.SP_FileDialogDetailedView)


def unread() -> QIcon:
    return themed("mail-unread", unread_dot())


def remove() -> QIcon:
    return themed("edit-delete", QStyle.StandardPixmap.SP_TrashIcon)


def properties() -> QIcon:
    return themed("document-properties", QStyle.StandardPixmap.SP_FileDialogInfoView)


def import_file() -> QIcon:
    return themed("document-open", QStyle.StandardPixmap.SP_DialogOpenButton)


def export_file() -> QIcon:
    return themed("document-save", QStyle.StandardPixmap.SP_DialogSaveButton)


def quit_app() -> QIcon:
    return themed("application-exit", QStyle.StandardPixmap.SP_DialogCloseButton)


def help_icon() -> QIcon:
    return themed("help-contents", QStyle.StandardPixmap.SP_DialogHelpButton)


def search() -> QIcon:
    return themed("edit-find", QStyle.StandardPixmap.SP_FileDialogContentsView)
