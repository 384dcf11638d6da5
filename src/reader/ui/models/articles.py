"""The article list model: the ordered ids of the current filter, rows loaded lazily in blocks.

The row count is exact (it is the length of the id list), so the scroll bar is honest with
100,000 articles; rows are fetched through a loader (the engine's `articles_by_ids`) in blocks
of BLOCK ids as the view asks for them, and at most MAX_BLOCKS blocks stay cached. Read and
starred changes the user makes are applied to the cache at once and kept as overrides until
the write is done, so a block reloaded meanwhile does not flash the old state.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from reader.core.timefmt import absolute_time, parse_iso
from reader.core.types import Article
from reader.ui import icons
from reader.ui.i18n import relative_time

Loader = Callable[[Sequence[int]], list[Article]]
# Absolute: a title's own direction decides its side, whatever the interface's direction.
_RIGHT = int(
    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
)
_LEFT = int(
    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_SPOKEN = int(Qt.ItemDataRole.AccessibleTextRole)
_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_ARTICLE_ROLE = int(Qt.ItemDataRole.UserRole) + 2
# The roles data() answers; views ask for a dozen others at every cell.
_ANSWERED = frozenset(
    {_DISPLAY, _FONT, _TOOLTIP, _ALIGNMENT, _DECORATION, _SPOKEN, _ID_ROLE, _ARTICLE_ROLE}
)


def _is_rtl(text: str) -> bool:
    """Whether the first strong character is right-to-left (Arabic, Hebrew, Persian, Urdu)."""
    for char in text[:64]:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


AnyIndex = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractTableModel):
    """Rows of the article list, newest first, over a list of ids."""

    TITLE, FEED, TIME, STAR, CATEGORIES = range(5)
    # Translated in headerData(); marked here so lupdate sees them.
    HEADERS = (
        QT_TRANSLATE_NOOP("ArticleListModel", "Title"),
        QT_TRANSLATE_NOOP("ArticleListModel", "Feed"),
        QT_TRANSLATE_NOOP("ArticleListModel", "Date"),
        "",
        QT_TRANSLATE_NOOP("ArticleListModel", "Categories"),
    )
    IdRole = _ID_ROLE
    ArticleRole = _ARTICLE_ROLE
    BLOCK = 200
    MAX_BLOCKS = 32

    def __init__(self, loader: Loader, parent: Any = None) -> None:
        super().__init__(parent)
        self._loader = loader
        # An array, not a list: 100,000 ids are 0.8 MB instead of 4, and the start view's
        # are read straight into one (a list of them costs the window's start ~3 ms).
        self._ids: array[int] = array("q")
        self._rows: dict[int, int] | None = None
        self._blocks: OrderedDict[int, dict[int, Article]] = OrderedDict()
        self._overrides: dict[int, dict[str, bool]] = {}
        self._now: datetime | None = None
        self._bold: QFont | None = None

    # --- the id list ---

    @property
    def ids(self) -> list[int]:
        """The ids shown, newest first (a copy)."""
        return self._ids.tolist()

    def set_ids(self, ids: Sequence[int], loaded: Mapping[int, Article] | None = None) -> None:
        """Show these ids. New ids prepended or appended to the same list become row inserts,
        so the view keeps its selection and scroll position; anything else resets the model.

        `loaded`: articles already read from the database (in a worker), cached as the
        blocks they fill completely, so the rows shown first cost the GUI thread no query.
        """
        new = ids if isinstance(ids, array) else array("q", ids)
        old = self._ids
        added = len(new) - len(old)
        if old and added > 0 and new[added:] == old:
            self.beginInsertRows(QModelIndex(), 0, added - 1)
            self._ids = new
            self._rows = None
            self._blocks.clear()
            self.endInsertRows()
            self.refresh_rows(loaded)
            return
        if old and added > 0 and new[: len(old)] == old:
            # The rest of a list whose first rows are shown (see loaders.load_first_ids).
            self.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
            self._ids = new
            self._rows = None
            if len(old) % self.BLOCK:  # the last cached block gains rows it does not hold
                self._blocks.pop(len(old) // self.BLOCK, None)
            self.endInsertRows()
            self._seed(loaded)
            return
        if new == old:
            self.refresh_rows(loaded)
            return
        self.beginResetModel()
        self._ids = new
        self._rows = None
        self._blocks.clear()
        self._seed(loaded)
        self.endResetModel()

    def _seed(self, loaded: Mapping[int, Article] | None) -> None:
        if not loaded:
            return
        for start in range(0, len(self._ids), self.BLOCK):
            wanted = self._ids[start : start + self.BLOCK]
            if wanted[0] in loaded and all(aid in loaded for aid in wanted):
                self._blocks[start // self.BLOCK] = self._with_overrides(
                    loaded[aid] for aid in wanted
                )
                if len(self._blocks) >= self.MAX_BLOCKS:
                    break

    def refresh_rows(self, loaded: Mapping[int, Article] | None = None) -> None:
        """Forget cached rows (the data changed underneath) and let the view fetch them again
        (or take them from `loaded`, see set_ids)."""
        self._blocks.clear()
        self._seed(loaded)
        if self._ids:
            last = self.index(len(self._ids) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def tick(self) -> None:
        """Relative times move on: repaint the date column."""
        self._now = None
        if self._ids:
            self.dataChanged.emit(
                self.index(0, self.TIME),
                self.index(len(self._ids) - 1, self.TIME),
                [Qt.ItemDataRole.DisplayRole],
            )

    def row_of(self, article_id: int) -> int | None:
        """The row of an id: a C-speed list scan (about 1 ms at 100,000 rows), or the id -> row
        map once one was built for many look-ups (building it costs about 10 ms)."""
        if self._rows is not None:
            return self._rows.get(article_id)
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    def _row_map(self) -> dict[int, int]:
        if self._rows is None:
            self._rows = {aid: row for row, aid in enumerate(self._ids)}
        return self._rows

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def article_at(self, row: int) -> Article | None:
        if not 0 <= row < len(self._ids):
            return None
        block = row // self.BLOCK
        cached = self._blocks.get(block)
        if cached is None:
            cached = self._load_block(block)
        else:
            self._blocks.move_to_end(block)
        return cached.get(self._ids[row])

    def article(self, article_id: int) -> Article | None:
        row = self.row_of(article_id)
        return None if row is None else self.article_at(row)

    def _load_block(self, block: int) -> dict[int, Article]:
        start = block * self.BLOCK
        loaded = self._with_overrides(self._loader(self._ids[start : start + self.BLOCK]))
        self._blocks[block] = loaded
        while len(self._blocks) > self.MAX_BLOCKS:
            self._blocks.popitem(last=False)
        return loaded

    def _with_overrides(self, articles: Iterable[Article]) -> dict[int, Article]:
        loaded = {}
        for article in articles:
            override = self._overrides.get(article.id)
            if override:
                article = dataclasses.replace(article, **override)
            loaded[article.id] = article
        return loaded

    # --- user changes ---

    def patch(self, ids: Sequence[int], **changes: bool) -> None:
        """Apply read=/starred= to these ids at once (the write runs in the background)."""
        rows = self._row_map() if len(ids) > 8 else None
        for article_id in ids:
            self._overrides.setdefault(article_id, {}).update(changes)
            row = rows.get(article_id) if rows is not None else self.row_of(article_id)
            if row is None:
                continue
            cached = self._blocks.get(row // self.BLOCK)
            if cached is not None and article_id in cached:
                cached[article_id] = dataclasses.replace(cached[article_id], **changes)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def settle(self, ids: Sequence[int]) -> None:
        """The write for these ids is stored: the database is the truth again."""
        for article_id in ids:
            self._overrides.pop(article_id, None)

    # --- Qt model API ---

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section]) if self.HEADERS[section] else ""
        if role == Qt.ItemDataRole.DecorationRole and section == self.STAR:
            return icons.star(True)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if section == self.STAR:
                return self.tr("Favorites")
        return None

    # flags(): QAbstractTableModel's C++ default (enabled, selectable, never has children)
    # is kept on purpose: QTreeView asks it for every row when the model resets.

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        # Called for every role of every visible cell at each paint (about 1,250 calls): the
        # roles the model does not answer leave first, and roles are compared as ints.
        if role not in _ANSWERED:
            return None
        row = index.row()
        ids = self._ids
        if not 0 <= row < len(ids):  # an invalid index has row -1
            return None
        if role == self.IdRole:
            return ids[row]
        article = self.article_at(row)
        if article is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            return self._display(article, column)
        if role == self.ArticleRole:
            return article
        if role == _FONT:
            return self._bold_font() if not article.read and column == self.TITLE else None
        if role == _TOOLTIP:
            return self._tooltip(article, column)
        if role == _ALIGNMENT:
            if column != self.TITLE:
                return None
            if _is_rtl(article.title):
                return _RIGHT
            return (
                _LEFT if QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft else None
            )
        if role == _DECORATION:
            return icons.star(True) if article.starred and column == self.STAR else None
        if column == self.STAR:  # _SPOKEN
            return self.tr("In favorites") if article.starred else self.tr("Not in favorites")
        return None

    def _display(self, article: Article, column: int) -> str | None:
        if column == self.TITLE:
            return article.title or self.tr("(untitled)")
        if column == self.FEED:
            return article.feed_title
        if column == self.TIME:
            return relative_time(parse_iso(article.published), self._current_time())
        if column == self.CATEGORIES:
            return ", ".join(article.categories)
        return None

    def _tooltip(self, article: Article, column: int) -> str | None:
        if column == self.TIME:
            when = parse_iso(article.published)
            return absolute_time(when) if when else self.tr("The feed gave no date")
        if column == self.TITLE:
            return article.title
        if column == self.STAR:
            return (
                self.tr("In favorites (s)") if article.starred else self.tr("Add to favorites (s)")
            )
        if column == self.CATEGORIES and article.categories:
            return "\n".join(article.categories)
        if column == self.FEED:
            return article.feed_title
        return None

    def _current_time(self) -> datetime:
        if self._now is None:
            self._now = datetime.now().astimezone()
        return self._now

    def _bold_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont(QApplication.font())
            self._bold.setBold(True)
        return self._bold
