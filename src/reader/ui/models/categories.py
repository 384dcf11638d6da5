"""The sidebar's categories with their counts, kept in Qt's own item model.

A store has thousands of categories, sorted by article count, and every refresh changes counts
and so the order. With a Python model, Qt's tree view called back into Python three times per
row to lay the rows out again (2,000 categories: 40-80 ms of the GUI thread, the window's
longest stall during a refresh). QStandardItemModel keeps the rows, their order, the sort and
the layout in C++: Python touches only the rows whose counts changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from reader.core.types import Category
from reader.ui import icons
from reader.ui.models.entries import Key, digits, runs

_RANK = Qt.ItemDataRole.UserRole + 10  # the row's place in the engine's order, for sort()
_SPOKEN = Qt.ItemDataRole.AccessibleTextRole
_FONT = Qt.ItemDataRole.FontRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
# An empty model filled with more rows than this builds these first and the rest a moment
# later (or at the next update, whichever comes first): the window's first paint needs a
# screenful, not 2,000 rows (~15 ms). A zero timer would run before that paint.
FIRST_ROWS = 100
REST_AFTER_MS = 250
# A refresh changes the counts of up to thousands of categories at once: they are refilled this
# many rows per turn of the event loop, so that the window answers between turns (2,000 rows
# in one go held the GUI thread 10-16 ms on a slow machine, on top of the rest of the update).
COUNTS_PER_TURN = 500


def number_format(locale: QLocale) -> Callable[[int], str]:
    """How counts are written in this locale. Python's formatting where it gives the same text
    ("1,234" or "1234"): one C++ call per count adds up over thousands of categories."""
    for python in ("{:,}".format, str):
        if locale.toString(1234567) == python(1234567):
            return python
    return locale.toString


class CategoryModel(QStandardItemModel):
    """Two columns: the category's name and its count ("unread/total", or one number when all
    or none are unread). Rows follow the order of the data given; a filter text narrows them.

    Signals:
        completed(): what an update held back is shown: the rows of a first fill (see
            FIRST_ROWS) or the counts beyond the first COUNTS_PER_TURN.
    """

    completed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, 2, parent)
        self.setSortRole(_RANK)
        self._all: list[Category] = []
        self._filter = ""
        self._rows: dict[str, tuple[QStandardItem, QStandardItem]] = {}
        self._counts: dict[str, tuple[int, int]] = {}  # name -> (unread, total) as shown
        self._order: list[str] = []  # the names in row order
        self._held_back = False  # rows of a first fill still to add (see FIRST_ROWS)
        self._pending: list[Category] = []  # new counts still to show (see COUNTS_PER_TURN)
        self._turn_queued = False
        self._n = number_format(QLocale())
        self._unread_of = self.tr("%1 unread of %2")
        self._icon = icons.tag()
        self._bold = QFont(QApplication.font())
        self._bold.setBold(True)

    # --- updates ---

    def set_categories(self, categories: Sequence[Category], *, keep_order: bool = False) -> None:
        """Show these categories. keep_order: rows already shown stay where they are and new
        ones come last (during a refresh, so rows do not jump while the user reads them)."""
        self._all = list(categories)
        self._update(keep_order)

    def set_filter(self, text: str) -> bool:
        """Show only the categories whose name holds text (casefolded); True when it changed."""
        text = text.strip().casefold()
        if text == self._filter:
            return False
        self._filter = text
        self._update(False)
        return True

    @property
    def filter_text(self) -> str:
        return self._filter

    @property
    def total(self) -> int:
        """How many categories there are, shown or filtered out."""
        return len(self._all)

    def _update(self, keep_order: bool) -> None:
        self._held_back = False
        self._unread_of = self.tr("%1 unread of %2")
        text = self._filter
        shown = [c for c in self._all if not text or text in c.name.casefold()]
        wanted = {c.name: c for c in shown}
        gone = [row for row, name in enumerate(self._order) if name not in wanted]
        for first, last in reversed(runs(gone)):
            self.removeRows(first, last - first + 1)
        if gone:
            for name in [self._order[row] for row in gone]:
                del self._rows[name], self._counts[name]
            self._order = [name for name in self._order if name in wanted]
        # The newest counts replace any an earlier update had not shown yet.
        shown_counts = self._counts
        self._pending = [
            c for c in shown if c.name in shown_counts and shown_counts[c.name] != _counts(c)
        ]
        self._update_counts()
        fresh = [c for c in shown if c.name not in self._rows]
        if not self._order and len(fresh) > FIRST_ROWS:
            fresh = fresh[:FIRST_ROWS]
            self._held_back = True
            QTimer.singleShot(REST_AFTER_MS, self._complete)
        root = self.invisibleRootItem()
        for category in fresh:
            pair = self._rows[category.name] = self._new_row(category)
            root.appendRow(list(pair))
        self._order += [c.name for c in fresh]
        if not keep_order and not self._held_back and self._order != list(wanted):
            self._sort(list(wanted))
        self._queue_turn()

    def _complete(self) -> None:
        """Add the rows a first fill held back."""
        if self._held_back:
            self._update(False)
            if not self._pending:
                self.completed.emit()  # else when the last counts are in

    def _queue_turn(self) -> None:
        if self._pending and not self._turn_queued:
            self._turn_queued = True
            QTimer.singleShot(0, self._next_turn)

    def _next_turn(self) -> None:
        self._turn_queued = False
        if not self._pending:
            return  # shown by a newer update already
        self._update_counts()
        self._queue_turn()
        if not self._pending:
            self.completed.emit()

    def _update_counts(self) -> None:
        """The next COUNTS_PER_TURN pending counts into their rows, then one dataChanged over
        them for the views (a signal per row would make a view search its rows for each)."""
        batch = self._pending[:COUNTS_PER_TURN]
        del self._pending[:COUNTS_PER_TURN]
        changed = []
        blocked = self.blockSignals(True)
        try:
            for category in batch:
                pair = self._rows.get(category.name)
                if pair is None:
                    continue  # removed since
                name_item, count_item = pair
                if (self._counts[category.name][0] > 0) != (category.unread > 0):
                    name_item.setData(self._bold if category.unread else None, _FONT)
                self._fill(category, count_item)
                changed.append(name_item.row())
        finally:
            self.blockSignals(blocked)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), 1))

    def _new_row(self, category: Category) -> tuple[QStandardItem, QStandardItem]:
        # As few calls as can be: 2,000 rows are built at the window's start. (Items stay
        # editable: the view has no edit triggers. No clones of prototype items: PySide then
        # invalidates the wrappers kept in _rows.)
        name_item = QStandardItem(self._icon, category.name)
        if category.unread:
            name_item.setFont(self._bold)
        count_item = QStandardItem()
        count_item.setTextAlignment(_RIGHT)
        self._fill(category, count_item)
        return name_item, count_item

    def _fill(self, category: Category, count: QStandardItem) -> None:
        unread, total = category.unread, category.articles
        self._counts[category.name] = (unread, total)
        n = self._n
        count.setText(self._count_text(unread, total))
        # "2/7" read aloud as what it means; also the row's tooltip (see tooltip()).
        said = self._unread_of.replace("%1", n(unread)).replace("%2", n(total))
        count.setData(f"{category.name}: {said}", _SPOKEN)

    def tooltip(self, index: QModelIndex | QPersistentModelIndex) -> str:
        """What a row's tooltip says: its name and counts in words. (Shown by the view on
        demand: a tooltip role in every item cost two more calls per row.)"""
        if not index.isValid():
            return ""
        return index.siblingAtColumn(1).data(_SPOKEN) or ""

    def _sort(self, names: list[str]) -> None:
        """Rows into this order: ranks set quietly, then Qt sorts by them in C++ (one layout
        change; selection and current row follow their category)."""
        blocked = self.blockSignals(True)
        try:
            for rank, name in enumerate(names):
                self._rows[name][0].setData(rank, _RANK)
        finally:
            self.blockSignals(blocked)
        self.sort(0)
        self._order = names

    # --- lookups ---

    def key_of(self, index: QModelIndex | QPersistentModelIndex) -> Key | None:
        item = self.item(index.row(), 0) if index.isValid() else None
        return None if item is None else ("category", item.text())

    def index_for(self, name: str) -> QModelIndex:
        if self._held_back and name not in self._rows:
            self._complete()
        pair = self._rows.get(name)
        return QModelIndex() if pair is None else self.indexFromItem(pair[0])

    def widest_count(self) -> str:
        """The longest count text shown, found from the numbers (formatting them all is not)."""
        widest = max(self._counts.values(), key=lambda c: count_chars(*c), default=None)
        if widest is None:
            return ""
        return self._count_text(*widest)

    def _count_text(self, unread: int, total: int) -> str:
        n = self._n
        return f"{n(unread)}/{n(total)}" if 0 < unread < total else n(total)


def _counts(category: Category) -> tuple[int, int]:
    return category.unread, category.articles


def count_chars(unread: int, total: int) -> int:
    """How long a category's count text is (see CategoryModel._count_text)."""
    if 0 < unread < total:
        return digits(unread) + 1 + digits(total)
    return digits(total)
