"""The article list with its search box, and the welcome page shown before any feed is added."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.ui import icons
from reader.ui.models.articles import ArticleListModel
from reader.ui.widgets.viewport import own_viewport

SEARCH_DELAY_MS = 250


def isolate(option: QStyleOptionViewItem) -> None:
    """Lay out an item's text in its own direction, the one of its first letter (as HTML's
    dir="auto"), not the view's: an English title in a right-to-left window keeps its "?" at
    its end, an Arabic title in a left-to-right window too, and a feed named by its URL reads
    host first. The text is drawn as a first-strong isolate (FSI ... PDI); the row keeps the
    view's direction, so its icon and alignment match the other rows, and Qt's elision keeps
    the closing mark, so the ellipsis lands at the text's own end. Only what is drawn changes:
    the model's text, and what screen readers say, stay as they are."""
    text = option.text
    if text and not (text.isascii() and option.direction == Qt.LayoutDirection.LeftToRight):
        option.text = f"\u2068{text}\u2069"


class RoomyDelegate(QStyledItemDelegate):
    """Rows a few pixels taller than the style's minimum: easier to read and to click."""

    def __init__(self, parent: QWidget | None = None, *, extra: int = 6) -> None:
        super().__init__(parent)
        self.extra = extra

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + self.extra)


class FlatRowDelegate(QStyledItemDelegate):
    """Cells of a row-selected table: no focus rectangle around the single current cell."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.state &= ~QStyle.StateFlag.State_HasFocus
        isolate(option)


class ArticleTable(QTableView):
    """A flat, fast list that says so when it is empty.

    A QTableView rather than a QTreeView: a tree lays out every row when its model resets
    (hundreds of milliseconds for 100,000 articles); a table only looks at the visible rows.
    """

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(self)
        self.setObjectName("articles")
        self.setAccessibleName(self.tr("Articles"))
        self.setAccessibleDescription(
            self.tr("J and K move between articles, S stars, M marks read, O opens the link.")
        )
        self.setModel(model)
        self.setItemDelegate(FlatRowDelegate(self))
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the list (to the reading pane)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setFrameShape(QTableView.Shape.NoFrame)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.empty_text = self.tr("No articles")
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setAccessibleName(self.tr("Columns"))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(ArticleListModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ArticleListModel.STAR, QHeaderView.ResizeMode.Fixed)
        self.default_widths()

    def header(self) -> QHeaderView:
        return self.horizontalHeader()

    def default_widths(self) -> None:
        header = self.header()
        width = max(self.fontMetrics().horizontalAdvance("M") * 12, 120)
        header.resizeSection(ArticleListModel.FEED, int(width * 1.2))
        header.resizeSection(ArticleListModel.TIME, width)
        header.resizeSection(ArticleListModel.STAR, 28)
        header.resizeSection(ArticleListModel.CATEGORIES, int(width * 1.3))

    def fit_columns(self, width: int) -> None:
        """Share a narrow list's width (a small or HiDPI screen) so the title keeps about half
        of it: the other columns shrink in proportion, down to a few characters each."""
        header = self.header()
        columns = (ArticleListModel.FEED, ArticleListModel.TIME, ArticleListModel.CATEGORIES)
        natural = sum(header.sectionSize(c) for c in columns)
        room = max(width // 2 - header.sectionSize(ArticleListModel.STAR), 0)
        if natural <= room:
            return
        least = self.fontMetrics().horizontalAdvance("M") * 5
        for column in columns:
            header.resizeSection(column, max(header.sectionSize(column) * room // natural, least))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount(QModelIndex()) == 0:
            painter = QPainter(self.viewport())
            color = self.palette().color(QPalette.ColorRole.PlaceholderText)
            painter.setPen(color)
            rect = QRect(self.viewport().rect()).adjusted(12, 24, -12, 0)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(rect, int(flags) | int(Qt.TextFlag.TextWordWrap), self.empty_text)
            painter.end()


class FeedProblemBar(QFrame):
    """Above the list of a failed feed: its error and the action that fixes it.

    A feed gone for good (410) offers to unsubscribe, a web page instead of a feed offers to
    find the site's feed (autodiscovery), any other failure offers to try again.

    Signals:
        acted(str, int): the problem kind ('gone', 'web_page', 'failed') and the feed id.
    """

    acted = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feed-problem")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.icon = QLabel()
        self.icon.setPixmap(icons.warning().pixmap(16, 16))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName(self.tr("Feed problem"))
        self.button = QPushButton()
        self.button.setObjectName("feed-problem-action")
        self.button.clicked.connect(lambda: self.acted.emit(self.kind, self.feed_id))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.kind, self.feed_id = "", 0
        self.hide()

    def show_problem(self, feed_id: int, kind: str | None, error: str) -> None:
        """Show the bar for a feed's problem, or hide it (kind None)."""
        self.kind, self.feed_id = kind or "", feed_id
        if kind is None:
            self.hide()
            return
        labels = {
            "gone": self.tr("Unsubscribe…"),
            "web_page": self.tr("Find the site's feed…"),
            "failed": self.tr("Try again"),
        }
        self.text.setText(error)
        self.button.setText(labels[kind])
        self.button.setAccessibleName(labels[kind])
        self.show()


class ArticleListPanel(QWidget):
    """Search box, article count and the list.

    Signals:
        search_changed(str): the search text, once typing pauses for SEARCH_DELAY_MS.
    """

    search_changed = Signal(str)

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search articles  (Ctrl+F)"))
        self.search.addAction(icons.search(), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setAccessibleName(self.tr("Search articles"))
        self.count = QLabel()
        self.count.setObjectName("article-count")
        self.count.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.count.setAccessibleName(self.tr("Number of articles"))
        self.table = ArticleTable(model)
        self.problem = FeedProblemBar()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.search_changed.emit(self.search.text().strip()))
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._search_now)

        top = QHBoxLayout()
        top.setContentsMargins(6, 6, 6, 6)
        top.setSpacing(8)
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)

    def _search_now(self) -> None:
        self._timer.stop()
        self.search_changed.emit(self.search.text().strip())

    def set_count(self, total: int | None) -> None:
        """The number of articles listed; None while it is not known yet."""
        if total is None:
            self.count.setText("")
            return
        self.count.setText(
            self.tr("%Ln article", "", total) if total == 1 else self.tr("%Ln articles", "", total)
        )


class WelcomePage(QWidget):
    """Shown while there are no feeds and no articles.

    Signals:
        add_clicked(): the user wants to add a feed.
        import_clicked(): the user wants to import an OPML file.
        suggested_clicked(): the user takes the suggested starter feeds.
    """

    add_clicked = Signal()
    import_clicked = Signal()
    suggested_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(self.tr("Welcome to Reader"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "You have no feeds yet. Add the address of a news site or of its feed, or "
                "import the OPML file exported from another reader. Articles are kept for "
                "offline reading, and favorites stay even after you unsubscribe."
            )
        )
        text.setWordWrap(True)
        text.setMaximumWidth(460)  # a readable line, yet narrower on a tiny screen
        text.setMinimumWidth(200)
        add = QPushButton(icons.plus(), self.tr("Add a feed…"))
        add.setObjectName("welcome-add")
        add.clicked.connect(self.add_clicked)
        add.setDefault(True)
        opml = QPushButton(icons.import_file(), self.tr("Import OPML…"))
        opml.setObjectName("welcome-import")
        opml.clicked.connect(self.import_clicked)
        suggested = QPushButton(icons.plus(), self.tr("Add suggested feeds"))
        suggested.setObjectName("welcome-suggested")
        suggested.setToolTip(
            self.tr("World news in English and Arabic, technology and science, in folders")
        )
        suggested.clicked.connect(self.suggested_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(opml)
        buttons.addWidget(suggested)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)
