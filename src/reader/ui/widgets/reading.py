"""The reading pane: one article as a page, in a QTextBrowser that never touches the network.

QTextBrowser runs no script. On top of that, links are never followed by the widget
(setOpenLinks(False)): every click goes through `_on_anchor`, and `loadResource` returns a
placeholder for anything that is not a local file, so showing an article cannot make a request.

The widget itself keeps the interface's direction (its scroll bar stays where the window's
are); a right-to-left article sets the direction of its own blocks only (article_html.render).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPalette,
    QResizeEvent,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from reader.core.types import ArticleDetail
from reader.ui.widgets import article_html

_IMAGE = QTextDocument.ResourceType.ImageResource.value
MARGIN = 18
READING_COLUMN_CHARS = 100  # average characters a line, at most
PANE_FONT_MIN, PANE_FONT_MAX = 6, 48  # points (the preference; 0 follows the system)
FOCUS_FRAME = 2  # pixels
SYSTEM_SCALE = 1.15  # the pane's text is this much larger than the system font by default


def _mix(a: QColor, b: QColor, amount: float) -> str:
    """a blended towards b by amount (0..1), as #rrggbb."""
    r = a.redF() + (b.redF() - a.redF()) * amount
    g = a.greenF() + (b.greenF() - a.greenF()) * amount
    bl = a.blueF() + (b.blueF() - a.blueF()) * amount
    return QColor.fromRgbF(r, g, bl).name()


def _file_urls(images: Mapping[str, Path]) -> dict[str, str]:
    return {url: QUrl.fromLocalFile(str(path)).toString() for url, path in images.items()}


class ArticleView(QTextBrowser):
    """Shows one ArticleDetail.

    Signals:
        category_clicked(str): a category chip was clicked.
        star_clicked(int, bool): the star toggle was clicked: article id and the wanted state.
        open_url(QUrl): the user asked to open a link outside (browser, mail client).
    """

    category_clicked = Signal(str)
    star_clicked = Signal(int, bool)
    open_url = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None, *, local_root: Path | None = None) -> None:
        super().__init__(parent)
        self._local_root = local_root.resolve() if local_root else None
        self._detail: ArticleDetail | None = None
        self._images: dict[str, str] = {}
        self._note: str | None = None
        self._font_size = 0  # points; 0: the system font x SYSTEM_SCALE
        self._placeholder = self.tr("Select an article to read it.")
        self.blocked: list[str] = []  # URLs the document asked for and did not get
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # A thin frame, in the base colour until the pane has the keyboard focus (then in the
        # highlight colour): focus is visible, and the text never reflows when it moves.
        self.setFrameStyle(QFrame.Shape.Box | QFrame.Shadow.Plain)
        self.setLineWidth(FOCUS_FRAME)
        self._frame_color = ""
        self._framing = False
        self.document().setDocumentMargin(MARGIN)
        self.setAccessibleName(self.tr("Article"))
        self.setAccessibleDescription(
            self.tr("The article's text. Tab moves through its links; Enter opens one.")
        )
        self.anchorClicked.connect(self._on_anchor)
        self.highlighted.connect(self._on_hover)
        self._apply_font()
        self._paint_frame()
        self.show_placeholder(self._placeholder)

    # --- content ---

    @property
    def article(self) -> ArticleDetail | None:
        return self._detail

    @property
    def article_id(self) -> int | None:
        return self._detail.id if self._detail else None

    def show_article(
        self,
        detail: ArticleDetail,
        images: Mapping[str, Path] | None = None,
        *,
        note: str | None = None,
    ) -> None:
        """Show an article (the scroll position is kept when it is the one already shown).

        Args:
            images: image URL -> stored copy (the engine's image_map); the others are shown
                as small links.
            note: why the full article could not be downloaded (the engine's
                full_text_error), shown as a muted line above the body.
        """
        same = self._detail is not None and self._detail.id == detail.id
        scroll = self.verticalScrollBar().value() if same else 0
        self._detail = detail
        self._images = _file_urls(images or {})
        self._note = note
        self._render(scroll)

    def update_article(
        self,
        detail: ArticleDetail,
        images: Mapping[str, Path] | None = None,
        *,
        note: str | None = None,
    ) -> bool:
        """Show the article again if its text, images or note changed (after a refresh
        stored its full text or images); False when it is not the one shown or nothing
        changed. The read and star marks stay as shown: the window keeps those current."""
        shown = self._detail
        if shown is None or shown.id != detail.id:
            return False
        detail = replace(detail, read=shown.read, starred=shown.starred)
        urls = _file_urls(images or {})
        if detail == shown and urls == self._images and note == self._note:
            return False
        self.show_article(detail, images, note=note)
        return True

    def set_starred(self, article_id: int, starred: bool) -> None:
        if self._detail is not None and self._detail.id == article_id:
            self._detail = replace(self._detail, starred=starred)
            self._render(self.verticalScrollBar().value())

    def _render(self, scroll: int = 0) -> None:
        detail = self._detail
        if detail is None:
            return
        direction = (
            Qt.LayoutDirection.RightToLeft
            if detail.direction == "rtl"
            else Qt.LayoutDirection.LeftToRight
        )
        option = QTextOption(self.document().defaultTextOption())
        option.setTextDirection(direction)
        option.setAlignment(Qt.AlignmentFlag.AlignLeading)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        rtl_ui = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        page = article_html.render(
            detail,
            self._colors(),
            now=datetime.now().astimezone(),
            images=self._images,
            note=self._note,
            ui_direction="rtl" if rtl_ui else "ltr",
        )
        self.setHtml(page)
        self._fit_width()
        self.verticalScrollBar().setValue(scroll)
        self.setAccessibleName(self.tr("Article: %1").replace("%1", detail.title or ""))

    def show_placeholder(self, text: str) -> None:
        self._detail = None
        self._note = None
        self._placeholder = text
        option = QTextOption(self.document().defaultTextOption())
        option.setTextDirection(QGuiApplication.layoutDirection())
        self.document().setDefaultTextOption(option)
        self.setHtml(article_html.placeholder(text, self._colors()))
        self._fit_width()
        self.setAccessibleName(self.tr("Article"))

    def scroll_page(self) -> bool:
        """Scroll one page down; False when already at the end (Space then moves on)."""
        bar = self.verticalScrollBar()
        if bar.value() >= bar.maximum():
            return False
        bar.setValue(bar.value() + max(bar.pageStep() - 40, 40))
        return True

    # --- links ---

    def _on_anchor(self, url: QUrl) -> None:
        detail = self._detail
        if url.scheme() == "reader":
            if detail is None:
                return
            action, _, arg = url.path().partition("/")
            if action == "category" and arg.isdigit() and int(arg) < len(detail.categories):
                self.category_clicked.emit(detail.categories[int(arg)])
            elif action == "star":
                self.star_clicked.emit(detail.id, not detail.starred)
            elif action == "open" and detail.link:
                self.open_url.emit(QUrl(detail.link))
            elif action == "comments" and detail.comments:
                self.open_url.emit(QUrl(detail.comments))
            elif action == "enclosure" and arg.isdigit() and int(arg) < len(detail.enclosures):
                self.open_url.emit(QUrl(detail.enclosures[int(arg)].url))
            return
        if url.scheme() in ("http", "https", "mailto", "ftp", "magnet", "tel", "geo"):
            self.open_url.emit(url)

    def _on_hover(self, url: QUrl) -> None:
        if url.isEmpty() or url.scheme() == "reader":
            self.setToolTip("")
        else:
            self.setToolTip(url.toDisplayString())

    def loadResource(self, kind: int, name: QUrl) -> Any:
        """Local images only (scaled to the pane); nothing is ever fetched from the network."""
        image_kind = int(getattr(kind, "value", kind)) == _IMAGE
        if image_kind and name.isLocalFile():
            path = Path(name.toLocalFile()).resolve()
            inside = self._local_root is not None and path.is_relative_to(self._local_root)
            if inside and path.is_file():
                image = QImage(str(path))
                frame = self.document().rootFrame().frameFormat()
                column = self._page_width() - frame.leftMargin() - frame.rightMargin()
                width = int(max(column - 8, 100))
                if not image.isNull() and image.width() > width:
                    image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                return image
        self.blocked.append(name.toString())
        if image_kind:
            image = QImage(1, 1, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            return image
        return QByteArray()

    # --- looks ---

    def _page_width(self) -> int:
        """The viewport's width, worked out from the frame and the scroll bar: viewport() at
        the window's start costs ~12 ms (see widgets/viewport.py)."""
        width = self.maximumViewportSize().width()
        bar = self.verticalScrollBar()
        return width - bar.width() if bar.isVisible() else width

    def _fit_width(self) -> None:
        """Keep lines to a readable length: a centred column on a wide pane, as on news sites.
        A placeholder (one short centred line) needs none, which also spares the window's
        start PySide's making of QTextFormat's enums (~2 ms)."""
        if self._detail is None:
            return
        doc = self.document()
        limit = QFontMetricsF(doc.defaultFont()).averageCharWidth() * READING_COLUMN_CHARS
        side = max(MARGIN, (self._page_width() - limit) / 2)
        frame = doc.rootFrame()
        fmt = frame.frameFormat()
        if abs(fmt.leftMargin() - side) > 0.5 or abs(fmt.rightMargin() - side) > 0.5:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._paint_frame()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._paint_frame()

    def _paint_frame(self) -> None:
        """The frame is drawn in WindowText: set that role alone (the others still follow the
        application's palette)."""
        palette = self.palette()
        role = QPalette.ColorRole.Highlight if self.hasFocus() else QPalette.ColorRole.Base
        color = palette.color(role)
        if color.name() != self._frame_color:
            self._frame_color = color.name()
            palette.setColor(QPalette.ColorRole.WindowText, color)
            self._framing = True
            try:
                self.setPalette(palette)
            finally:
                self._framing = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_width()

    def _colors(self) -> article_html.Colors:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        link = palette.color(QPalette.ColorRole.Link)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        dark = base.lightnessF() < 0.5
        return article_html.Colors(
            text=text.name(),
            meta=_mix(text, base, 0.45),
            link=link.name(),
            chip_fg=_mix(highlight, text, 0.35) if not dark else _mix(highlight, text, 0.6),
            chip_bg=_mix(base, highlight, 0.16 if not dark else 0.35),
            rule=_mix(text, base, 0.8),
        )

    def font_size(self) -> int:
        """The text's size in points, as shown now."""
        return round(self.document().defaultFont().pointSizeF())

    def set_font_size(self, points: int) -> None:
        """The text's size in points; 0 follows the system font (a little larger)."""
        if points:
            points = min(max(points, PANE_FONT_MIN), PANE_FONT_MAX)
        if points != self._font_size:
            self._font_size = points
            self._apply_font()
            self._refresh()

    def _apply_font(self) -> None:
        font = self.font()
        if self._font_size > 0:
            font.setPointSizeF(self._font_size)
        elif font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * SYSTEM_SCALE)
        self.document().setDefaultFont(font)
        self.document().setDefaultStyleSheet(article_html.style(self._colors()))

    def _refresh(self) -> None:
        if self._detail is not None:
            self._render(self.verticalScrollBar().value())
        else:
            self.show_placeholder(self._placeholder)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not hasattr(self, "_placeholder") or getattr(self, "_framing", False):
            return  # called while QTextBrowser's constructor runs, or for the focus frame
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_frame()  # the application's colours changed (dark <-> light)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._apply_font()
            self._refresh()
