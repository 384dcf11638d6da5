"""The sidebar: smart views and feeds on top, categories with a filter box below.

The upper tree shows the SidebarModel, the lower one its `categories` model. One entry is
selected across the two; selecting it emits `selected`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSignalBlocker,
    Qt,
    Signal,
)
from PySide6.QtGui import QFontMetrics, QHelpEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStyleOptionViewItem,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.models.entries import CATEGORIES, FEEDS, Key
from reader.ui.models.sidebar import SidebarModel
from reader.ui.widgets.articlelist import RoomyDelegate, isolate
from reader.ui.widgets.viewport import own_viewport

_NO_UPDATE = QItemSelectionModel.SelectionFlag.NoUpdate
_SELECT_ROW = (
    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
)


class _NameDelegate(RoomyDelegate):
    """Each name in its own direction: an English feed in a right-to-left window, an Arabic
    category in a left-to-right one, a feed named by its URL (see isolate)."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        isolate(option)


class _CountsDelegate(_NameDelegate):
    """Counts in the palette's quiet text colour (the categories' model is C++ items, which
    would keep a colour of the old palette after a theme change)."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.column() == 1:
            placeholder = option.palette.brush(QPalette.ColorRole.PlaceholderText)
            option.palette.setBrush(QPalette.ColorRole.Text, placeholder)


def _tree(
    model: QAbstractItemModel, name: str, delegate: type[RoomyDelegate] = _NameDelegate
) -> QTreeView:
    view = QTreeView()
    own_viewport(view)
    view.setObjectName(name)
    view.header().setStretchLastSection(False)  # before the model: no relayout for it
    view.setModel(model)
    view.setItemDelegate(delegate(view, extra=4))
    view.setIndentation(14)
    view.setHeaderHidden(True)
    view.setUniformRowHeights(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.setFrameShape(QTreeView.Shape.NoFrame)
    header = view.header()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    # Not ResizeToContents: that measures every row (thousands of categories) on each update.
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
    return view


class SidebarPanel(QWidget):
    """Signals:
    selected(object): the user chose an entry (its model key).
    context_menu(object, QPoint): a right click on an entry (key, global position).
    """

    selected = Signal(object)
    context_menu = Signal(object, QPoint)

    def __init__(self, model: SidebarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.feeds_view = _tree(model, "feeds")
        self.feeds_view.setAccessibleName(self.tr("Views and feeds"))
        self.feeds_view.setAccessibleDescription(
            self.tr("All articles, Unread, Favorites and your feeds. Alt+1 comes back here.")
        )
        self.feeds_view.setDragEnabled(True)
        self.feeds_view.setAcceptDrops(True)
        self.feeds_view.setDropIndicatorShown(True)
        self.feeds_view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.feeds_view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.categories_view = _tree(model.categories, "categories", _CountsDelegate)
        self.categories_view.setAccessibleName(self.tr("Categories"))
        self.categories_view.setRootIsDecorated(False)
        self.categories_view.viewport().installEventFilter(self)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter categories"))
        self.filter.setAccessibleName(self.tr("Filter categories"))
        self.filter.textChanged.connect(self.model.set_category_filter)
        self.filter.returnPressed.connect(self._choose_first_category)
        title = QLabel(self.tr("Categories"))
        title.setBuddy(self.filter)
        font = title.font()
        font.setBold(True)
        title.setFont(font)

        lower = QWidget()
        box = QVBoxLayout(lower)
        box.setContentsMargins(6, 6, 0, 0)
        box.setSpacing(4)
        box.addWidget(title)
        box.addWidget(self.filter)
        box.addWidget(self.categories_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("sidebar-splitter")
        self.splitter.addWidget(self.feeds_view)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        for view in (self.feeds_view, self.categories_view):
            view.selectionModel().selectionChanged.connect(
                lambda *_args, v=view: self._on_selection(v)
            )
            view.customContextMenuRequested.connect(lambda pos, v=view: self._on_menu(v, pos))
            # Enter (or Space) chooses the entry under the keyboard cursor, even when it is
            # current without being selected (after the filter narrowed the list to it).
            view.activated.connect(lambda index, v=view: self._choose(v, index))
        self.collapsed: set[str] = set()
        self._updating = False
        self.feeds_view.collapsed.connect(lambda index: self._on_fold(index, False))
        self.feeds_view.expanded.connect(lambda index: self._on_fold(index, True))
        model.rowsInserted.connect(self._on_rows_inserted)
        model.refreshed.connect(self._fit_counts)
        model.modelReset.connect(self._expand_feeds)
        self._expand_feeds()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A category's tooltip, made when asked for (see CategoryModel.tooltip)."""
        if event.type() == QEvent.Type.ToolTip and watched is self.categories_view.viewport():
            assert isinstance(event, QHelpEvent)
            index = self.categories_view.indexAt(event.pos())
            text = self.model.categories.tooltip(index)
            if text:
                QToolTip.showText(event.globalPos(), text, self.categories_view)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().eventFilter(watched, event)

    # --- selection ---

    def current_key(self) -> Key | None:
        for view in (self.feeds_view, self.categories_view):
            rows = view.selectionModel().selectedRows()
            if rows:
                return self.model.key_of(rows[0])  # of either model
        return None

    def select_key(self, key: Key) -> bool:
        """Select an entry without emitting `selected`; False when it is not shown."""
        if key[0] == "within":  # a smart view narrowed to a category: both stay selected
            self.select_key((key[1],))
            index = self.model.index_for_key(("category", key[2]))
            with QSignalBlocker(self.categories_view.selectionModel()):
                self.categories_view.selectionModel().setCurrentIndex(index, _SELECT_ROW)
            self.categories_view.viewport().update()
            return index.isValid()
        index = self.model.index_for_key(key)
        if key[0] == "category" and not index.isValid() and self.model.category_filter:
            self.filter.clear()
            index = self.model.index_for_key(key)
        target = self.categories_view if key[0] == "category" else self.feeds_view
        other = self.feeds_view if target is self.categories_view else self.categories_view
        with QSignalBlocker(other.selectionModel()):
            other.selectionModel().clearSelection()
            other.selectionModel().setCurrentIndex(QModelIndex(), _NO_UPDATE)
        other.viewport().update()
        if not index.isValid():
            with QSignalBlocker(target.selectionModel()):
                target.selectionModel().clearSelection()
            target.viewport().update()
            return False
        with QSignalBlocker(target.selectionModel()):
            target.selectionModel().setCurrentIndex(index, _SELECT_ROW)
        target.scrollTo(index)
        target.viewport().update()
        return True

    def _choose(self, view: QTreeView, index: QModelIndex) -> None:
        if index.isValid() and not view.selectionModel().isSelected(index):
            view.selectionModel().setCurrentIndex(index, _SELECT_ROW)

    def _choose_first_category(self) -> None:
        """Enter in the filter box: show the first category left, and go to the list of them."""
        view = self.categories_view
        first = self.model.categories.index(0, 0)
        if first.isValid():
            self._choose(view, first)
            view.setFocus(Qt.FocusReason.OtherFocusReason)

    def update_model(self, apply: Callable[[], None]) -> None:
        """Run a model update; selection moves it causes (a removed row) are not the user's."""
        self._updating = True
        try:
            apply()
        finally:
            self._updating = False

    def _on_selection(self, view: QTreeView) -> None:
        rows = view.selectionModel().selectedRows()
        if not rows or self._updating:
            return
        other = self.feeds_view if view is self.categories_view else self.categories_view
        with QSignalBlocker(other.selectionModel()):
            other.selectionModel().clearSelection()
        other.viewport().update()
        key = self.model.key_of(rows[0])
        if key is not None:
            self.selected.emit(key)

    def _on_menu(self, view: QTreeView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        key = self.model.key_of(index) if index.isValid() else None
        if key is not None:
            self.context_menu.emit(key, view.viewport().mapToGlobal(pos))

    # --- keeping the feeds open ---

    def _expand_feeds(self) -> None:
        self.feeds_view.expand(self.model.index_for_key(FEEDS))

    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if self.model.key_of(parent) == FEEDS:
            for row in range(first, last + 1):
                index = self.model.index(row, 0, parent)
                key = self.model.key_of(index)
                if key and key[0] == "folder" and key[1] not in self.collapsed:
                    self.feeds_view.expand(index)
        if not parent.isValid():
            self._expand_feeds()

    def _fit_counts(self) -> None:
        for view, section in ((self.feeds_view, FEEDS), (self.categories_view, CATEGORIES)):
            view.viewport().update()  # counts a refresh changed quietly (SidebarModel._replace)
            font = view.font()
            font.setBold(True)
            text = self.model.widest_count(section) or "0"
            width = QFontMetrics(font).horizontalAdvance(text) + 14
            if view.header().sectionSize(1) != width:
                view.header().resizeSection(1, width)

    def _on_fold(self, index: QModelIndex, expanded: bool) -> None:
        key = self.model.key_of(index)
        if key and key[0] == "folder":
            if expanded:
                self.collapsed.discard(key[1])
            else:
                self.collapsed.add(key[1])
