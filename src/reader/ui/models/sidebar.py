"""The sidebar tree: smart views and feeds in folders, each with its counts; and the categories.

Top level: "All articles", "Unread", "Favorites", then a "Feeds" section (folders holding
feeds, then feeds outside any folder). The categories (sorted by article count, narrowed by
a filter text) are a model of their own, `categories` (models/categories.py), which this one
fills and whose keys it resolves too. Every entry has a stable key (models/entries.py). An
update changes as few rows as it can: removed and added entries become row removals and
inserts, a new order becomes a layout change, and only rows whose text changed get
dataChanged, so selection and expansion survive a refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from reader.core.types import Feed, Folder
from reader.ui import icons
from reader.ui.engine_text import translated
from reader.ui.models.categories import CategoryModel
from reader.ui.models.entries import (
    ALL,
    CATEGORIES,
    FEED_MIME,
    FEEDS,
    STARRED,
    UNREAD,
    Key,
    Node,
    SidebarData,
    digits,
    runs,
)

AnyIndex = QModelIndex | QPersistentModelIndex

_ENABLED = Qt.ItemFlag.ItemIsEnabled
_SELECTABLE = _ENABLED | Qt.ItemFlag.ItemIsSelectable
_FLAGS = {  # by entry kind, computed once: views ask for every row they lay out
    "all": _SELECTABLE,
    "unread": _SELECTABLE,
    "starred": _SELECTABLE,
    "feed": _SELECTABLE | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren,
    "folder": _SELECTABLE | Qt.ItemFlag.ItemIsDropEnabled,
    "section": _ENABLED,
}
_FLAGS_FEEDS = _ENABLED | Qt.ItemFlag.ItemIsDropEnabled
# Rows changed by an update are announced to the views (dataChanged) at most this many per
# turn of the event loop (see _announce_stale).
ROWS_PER_TURN = 100


class SidebarModel(QAbstractItemModel):
    """Two columns: the name and its count.

    Signals:
        feed_dropped(int, object): a feed was dragged onto a folder (str) or out of one (None).
        refreshed(): new data or a new category filter was applied (views resize their count
            column and repaint).
    """

    KeyRole = Qt.ItemDataRole.UserRole + 1
    ErrorRole = Qt.ItemDataRole.UserRole + 2
    UnreadRole = Qt.ItemDataRole.UserRole + 3

    feed_dropped = Signal(int, object)
    refreshed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = Node(("root",), "")
        self._locale = QLocale()
        self._views = [
            Node(ALL, self.tr("All articles")),
            Node(UNREAD, self.tr("Unread")),
            Node(STARRED, self.tr("Favorites")),
        ]
        self._feeds = Node(FEEDS, self.tr("Feeds"))
        self._root.adopt([*self._views, self._feeds])
        self.categories = CategoryModel(self)
        self.categories.completed.connect(self.refreshed)
        self._feed_list: list[Feed] = []
        self._bold: QFont | None = None
        # Tooltips by what they say: a refresh re-reads hundreds of mostly unchanged counts.
        self._feed_tips: dict[tuple[object, ...], str] = {}
        self._count_texts: dict[tuple[str, int, int], str] = {}
        self._by_key: dict[Key, Node] | None = None  # index_for_key's map, rebuilt on demand
        self._keep_order = False
        # Parents whose rows changed unannounced (see _replace): key -> the first row left.
        self._stale: dict[Key, int] = {}
        self._quiet = False  # the last update was a refresh's (keep_order)
        self._announce_queued = False
        self._budget = ROWS_PER_TURN

    # --- updates ---

    def set_data(self, data: SidebarData, *, keep_order: bool = False) -> None:
        """Show new data. keep_order: entries already shown keep their rows and new ones come
        last (a refresh's updates: no re-sorting of thousands of rows while counts change)."""
        self._keep_order = keep_order
        self._budget = ROWS_PER_TURN  # rows announced now; more are announced later
        counts = data.counts
        all_, unread, starred = self._views
        all_.unread, all_.total = counts.get("unread", 0), counts.get("all", 0)
        n = self._n
        all_.tooltip = (
            self.tr("%1 articles, %2 unread")
            .replace("%1", n(all_.total))
            .replace("%2", n(all_.unread))
        )
        unread.unread = unread.total = counts.get("unread", 0)
        unread.tooltip = self.tr("%1 unread articles").replace("%1", n(unread.unread))
        starred.unread = starred.total = counts.get("starred", 0)
        starred.tooltip = self.tr("%1 favorites (kept even after you unsubscribe)").replace(
            "%1", n(starred.total)
        )
        self._changed(self._root, 0, len(self._views) - 1)  # three rows: always repaint
        self._feed_list = list(data.feeds)
        if len(self._feed_tips) > 4 * len(self._feed_list) + 100:
            self._feed_tips.clear()
        self._replace(self._feeds, self._feed_nodes(data.feeds, data.folders))
        self.categories.set_categories(data.categories, keep_order=keep_order)
        self._keep_order = False
        self._quiet = keep_order
        self._queue_announce()
        self.refreshed.emit()

    def set_category_filter(self, text: str) -> None:
        if self.categories.set_filter(text):
            self.refreshed.emit()

    @property
    def category_filter(self) -> str:
        return self.categories.filter_text

    @property
    def feeds(self) -> list[Feed]:
        return self._feed_list

    @property
    def category_count(self) -> int:
        return self.categories.total

    def _feed_nodes(self, feeds: Sequence[Feed], folders: Sequence[Folder]) -> list[Node]:
        by_folder: dict[str, list[Node]] = {f.name: [] for f in folders}
        loose: list[Node] = []
        for feed in feeds:
            node = Node(("feed", feed.id), feed.title or feed.url)
            node.unread, node.total, node.error = feed.unread, feed.total, feed.error
            tip_key = (feed.title, feed.url, feed.unread, feed.total, feed.error)
            tip = self._feed_tips.get(tip_key)
            if tip is None:
                lines = [feed.title, feed.url, self._unread_of(feed.unread, feed.total)]
                if feed.error:
                    error = translated(feed.error)
                    lines.append(self.tr("Last refresh failed: %1").replace("%1", error))
                tip = self._feed_tips[tip_key] = "\n".join(lines)
            node.tooltip = tip
            if feed.folder:
                by_folder.setdefault(feed.folder, []).append(node)
            else:
                loose.append(node)
        nodes = []
        for name in sorted(by_folder, key=str.casefold):
            folder = Node(("folder", name), name)
            folder.adopt(by_folder[name])
            folder.unread = sum(child.unread for child in folder.children)
            folder.total = sum(child.total for child in folder.children)
            errors = sum(1 for child in folder.children if child.error)
            folder.tooltip = (
                self.tr("%1 feeds, %2 unread")
                .replace("%1", self._n(len(folder.children)))
                .replace("%2", self._n(folder.unread))
            )
            if errors:
                folder.tooltip += self.tr(", %1 failing").replace("%1", self._n(errors))
            nodes.append(folder)
        return nodes + loose

    def _replace(self, parent: Node, nodes: list[Node]) -> None:
        """Make parent's children match nodes (by key), changing as few rows as possible.

        Existing nodes are kept (so selection, current item and expansion survive): vanished
        keys are removed, new keys appended, then rows are reordered with a layout change
        (unless the order is kept, see set_data), and only rows whose text changed get a
        dataChanged.
        """
        index = self._index_of(parent)
        wanted = {node.key: node for node in nodes}
        gone = [child.row for child in parent.children if child.key not in wanted]
        if gone or len(wanted) != len(parent.children):
            self._by_key = None
        for first, last in reversed(runs(gone)):
            self.beginRemoveRows(index, first, last)
            del parent.children[first : last + 1]
            parent.renumber()
            self.endRemoveRows()
        have = {child.key for child in parent.children}
        fresh = [node for node in nodes if node.key not in have]
        if fresh:
            start = len(parent.children)
            self.beginInsertRows(index, start, start + len(fresh) - 1)
            parent.adopt(parent.children + fresh)
            self.endInsertRows()
        if not self._keep_order and [child.key for child in parent.children] != list(wanted):
            self._reorder(parent, index, list(wanted))
        changed = []
        for child in parent.children:
            new = wanted[child.key]
            if new is child:
                continue
            if (child.label, child.unread, child.total, child.error, child.tooltip) != (
                new.label,
                new.unread,
                new.total,
                new.error,
                new.tooltip,
            ):
                child.label, child.unread, child.total = new.label, new.unread, new.total
                child.error, child.tooltip = new.error, new.tooltip
                changed.append(child.row)
            if child.children or new.children:
                self._replace(child, new.children)
        if not changed:
            return
        if self._keep_order or len(changed) > self._budget:
            # No dataChanged over hundreds of rows at once: Qt's views answer one by calling
            # back into Python for every row in it. The views repaint on `refreshed`, and the
            # rows are announced in slices after the update (or after the refresh).
            self._stale[parent.key] = 0
            return
        self._budget -= len(changed)
        spans = runs(changed)
        if len(spans) > 16:  # one signal over the span: cheaper than many for the views
            spans = [(spans[0][0], spans[-1][1])]
        for first, last in spans:
            self._changed(parent, first, last)

    def _announce_stale(self) -> None:
        """dataChanged over the rows updated quietly, ROWS_PER_TURN of them per turn of the
        event loop: a view answers each changed row with calls back into Python (~10-30 us)."""
        self._announce_queued = False
        if self._quiet:
            return  # another refresh's updates began: announced after it
        budget = ROWS_PER_TURN
        while self._stale and budget > 0:
            key = min(self._stale)
            index = self.index_for_key(key)
            node = self._node(index) if index.isValid() else None  # None: gone since
            first = self._stale[key]
            size = 0 if node is None else len(node.children)
            last = min(first + budget, size) - 1
            if last >= first:
                self._changed(node, first, last)
                budget -= last - first + 1
            if last + 1 >= size:
                del self._stale[key]
            else:
                self._stale[key] = last + 1
        self._queue_announce()

    def _queue_announce(self) -> None:
        if self._stale and not self._quiet and not self._announce_queued:
            self._announce_queued = True
            QTimer.singleShot(0, self._announce_stale)

    def _reorder(self, parent: Node, index: QModelIndex, keys: list[Key]) -> None:
        self.layoutAboutToBeChanged.emit()
        moved = [
            (QModelIndex(p), p.internalPointer())
            for p in self.persistentIndexList()
            if p.isValid() and getattr(p.internalPointer(), "parent", None) is parent
        ]
        by_key = {child.key: child for child in parent.children}
        parent.adopt([by_key[key] for key in keys])
        self.changePersistentIndexList(
            [old for old, _node in moved],
            [self.createIndex(node.row, old.column(), node) for old, node in moved],
        )
        self.layoutChanged.emit()

    def _changed(self, parent: Node, first: int, last: int) -> None:
        index = self._index_of(parent)
        self.dataChanged.emit(self.index(first, 0, index), self.index(last, 1, index))

    def widest_count(self, section: Key) -> str:
        """The longest count text shown under a section (FEEDS also covers the smart views).

        Found from the numbers (how many digits each count text has), then only the widest
        is formatted: formatting thousands of counts at each update cost the GUI thread ~10 ms.
        """
        if section == CATEGORIES:
            return self.categories.widest_count()
        parent = self._feeds
        widest, most = None, 0

        def walk(node: Node) -> None:
            nonlocal widest, most
            for child in node.children:
                size = _count_chars(child)
                if size > most:
                    widest, most = child, size
                walk(child)

        walk(parent)
        for view in self._views:
            if _count_chars(view) > most:
                widest, most = view, _count_chars(view)
        return self._count_text(widest) if widest is not None else ""

    # --- lookups ---

    def _index_of(self, node: Node) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def _node(self, index: AnyIndex) -> Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, Node)
        return node

    def index_for_key(self, key: Key) -> QModelIndex:
        """The entry's index: in this model, or in `categories` for a category."""
        if key[0] == "category":
            return self.categories.index_for(key[1])
        by_key = self._by_key
        if by_key is None:
            by_key = self._by_key = {}
            stack = list(self._root.children)
            while stack:
                node = stack.pop()
                by_key.setdefault(node.key, node)
                stack.extend(node.children)
        found = by_key.get(key)
        return QModelIndex() if found is None else self._index_of(found)

    def key_of(self, index: AnyIndex) -> Key | None:
        """The key of an index of this model or of `categories`."""
        if index.model() is self.categories:
            return self.categories.key_of(index)
        return self._node(index).key if index.isValid() else None

    # --- Qt model API ---

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Bounds checked by hand: hasIndex() would call rowCount()/columnCount() back in Python,
        # and views call index() for every row they lay out.
        node = parent.internalPointer() if parent.isValid() else self._root
        if column < 0 or column > 1 or row < 0 or row >= len(node.children):
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._root.children)
        if parent.column() != 0:
            return 0
        return len(parent.internalPointer().children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        key = index.internalPointer().key
        return _FLAGS_FEEDS if key == FEEDS else _FLAGS[key[0]]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        column = index.column()
        kind = node.key[0]
        if role == self.KeyRole:
            return node.key
        if role == self.ErrorRole:
            return node.error
        if role == self.UnreadRole:
            return node.unread
        if role == Qt.ItemDataRole.DisplayRole:
            return node.label if column == 0 else self._count_text(node)
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip or None
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 1 and kind != "section":
            # "2/7" read aloud as words: the count's meaning, as in the tooltip.
            tip = node.tooltip
            return tip.replace("\n", ", ") if tip else self._count_text(node)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icon(node)
        if role == Qt.ItemDataRole.FontRole:
            if kind == "section" or (node.unread > 0 and kind != "starred"):
                return self._bold_font()
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            palette = QApplication.palette()
            return palette.brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _n(self, number: int) -> str:
        """A count in the interface's locale ("1,234"; Arabic-Indic digits in Arabic)."""
        return self._locale.toString(number)

    def _unread_of(self, unread: int, total: int) -> str:
        return (
            self.tr("%1 unread of %2").replace("%1", self._n(unread)).replace("%2", self._n(total))
        )

    def _count_text(self, node: Node) -> str:
        kind = node.key[0]
        memo = (kind, node.unread, node.total)  # many entries share counts; formatting is not free
        text = self._count_texts.get(memo)
        if text is None:
            if len(self._count_texts) > 20_000:
                self._count_texts.clear()
            text = self._count_texts[memo] = self._format_count(node, kind)
        return text

    def _format_count(self, node: Node, kind: str) -> str:
        if kind == "section":
            return ""
        if kind == "starred":
            return self._n(node.total) if node.total else ""
        return self._n(node.unread) if node.unread else ""

    def _icon(self, node: Node) -> Any:
        kind = node.key[0]
        if kind == "all":
            return icons.all_articles()
        if kind == "unread":
            return icons.unread()
        if kind == "starred":
            return icons.star(True)
        if kind == "folder":
            return icons.folder()
        if kind == "feed":
            return icons.warning() if node.error else icons.feed()
        return None

    def _bold_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont(QApplication.font())
            self._bold.setBold(True)
        return self._bold

    # --- drag a feed into a folder ---

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [FEED_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids = sorted(
            {
                self._node(i).key[1]
                for i in indexes
                if i.isValid() and self._node(i).key[0] == "feed"
            }
        )
        mime = QMimeData()
        mime.setData(FEED_MIME, QByteArray(",".join(map(str, ids)).encode()))
        return mime

    def _drop_target(self, parent: AnyIndex) -> Node | None:
        node = self._node(parent)
        if node.key[0] == "feed" and node.parent is not None:
            node = node.parent
        if node.key[0] == "folder" or node.key == FEEDS:
            return node
        return None

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        return data.hasFormat(FEED_MIME) and self._drop_target(parent) is not None

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        target = self._drop_target(parent)
        if target is None or not data.hasFormat(FEED_MIME):
            return False
        raw = bytes(data.data(FEED_MIME).data()).decode()
        folder = target.key[1] if target.key[0] == "folder" else None
        for part in filter(None, raw.split(",")):
            self.feed_dropped.emit(int(part), folder)
        return True


def _count_chars(node: Node) -> int:
    """How long the count text of a row is (the same cases as SidebarModel._format_count)."""
    kind = node.key[0]
    if kind == "section":
        return 0
    if kind == "starred":
        return digits(node.total) if node.total else 0
    return digits(node.unread) if node.unread else 0
