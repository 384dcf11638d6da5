"""What the user does to articles: show one, star, mark read, move, open in the browser.

A mixin of MainWindow (kept apart to keep each file short). Changes are applied to the list
model at once and written by the task runner's write pool; the sidebar counts follow. A new
favorite's missing images are then downloaded in the network pool, and the pane shows them
when they arrive.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, QUrl
from PySide6.QtGui import QDesktopServices

from reader.core.errors import NotFoundError, ReaderError
from reader.ui.engine_text import translated
from reader.ui.models.articles import ArticleListModel
from reader.ui.tasks import NETWORK, READ, WRITE, describe_error

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from reader.core.service import Service
    from reader.core.types import ArticleDetail, Query
    from reader.ui.prefs import Preferences
    from reader.ui.tasks import TaskRunner
    from reader.ui.widgets.articlelist import ArticleTable
    from reader.ui.widgets.reading import ArticleView

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
UNREAD_SCAN = 2000  # rows Space looks ahead for the next unread article


class ArticleCommands:
    """Needs: service, runner, prefs, articles, table, pane, schedule_counts, current_query,
    show_error, statusBar (all provided by MainWindow)."""

    service: Service
    runner: TaskRunner
    prefs: Preferences
    articles: ArticleListModel
    table: ArticleTable
    pane: ArticleView
    _restoring: bool

    if TYPE_CHECKING:

        def statusBar(self) -> QStatusBar: ...
        def schedule_counts(self) -> None: ...
        def current_query(self) -> Query: ...
        def show_error(self, text: str) -> None: ...

    def current_article_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.articles.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = [i for i in (self.articles.id_at(row) for row in rows) if i is not None]
        current = self.current_article_id()
        return ids or ([current] if current is not None else [])

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article_id = self.articles.id_at(current.row()) if current.isValid() else None
        if article_id is None or article_id == self.pane.article_id:
            return
        self.show_article(article_id)

    def show_article(self, article_id: int) -> None:
        try:
            detail, images, note = self._article_page(article_id)
        except NotFoundError:
            self.pane.show_placeholder(
                translate("ArticleCommands", "This article is no longer stored.")
            )
            return
        self.pane.show_article(detail, images, note=note)
        if self.prefs.mark_read_on_open and not detail.read and not self._restoring:
            self.set_read([article_id], True)

    def _article_page(
        self, article_id: int
    ) -> tuple[ArticleDetail, Mapping[str, Path], str | None]:
        """What the pane shows of an article: its text, its stored images and, for a feed set
        to download full articles, why that failed. Primary-key lookups: any thread."""
        detail = self.service.article(article_id)
        return detail, self._stored_images(article_id), self._full_text_note(detail)

    def _stored_images(self, article_id: int) -> Mapping[str, Path]:
        """Local copies of the article's images (the engine's image_map, see core/offline.py);
        images without one are shown as placeholder links."""
        try:
            return dict(self.service.image_map(article_id))
        except Exception:  # images are an extra: the article must show without them
            log.exception("no stored images for article %s", article_id)
            return {}

    def _full_text_note(self, detail: ArticleDetail) -> str | None:
        if detail.feed_id is None:  # a favorite of a feed since unsubscribed
            return None
        try:
            if not self.service.full_text_enabled(detail.feed_id):
                return None
            note = self.service.full_text_error(detail.id)
        except ReaderError:  # the feed is gone: nothing to explain
            return None
        return translated(note) if note else None

    def reload_shown_article(self) -> None:
        """Show the article in the pane again if the engine changed it since (a refresh stored
        its full text or images); read in the background, re-rendered only on a change."""
        article_id = self.pane.article_id
        if article_id is None:
            return

        def show(page: tuple[ArticleDetail, Mapping[str, Path], str | None]) -> None:
            detail, images, note = page
            self.pane.update_article(detail, images, note=note)

        self.runner.submit(
            READ,
            self._article_page,
            article_id,
            on_done=show,
            on_error=lambda exc: log.info("article %s not shown again: %s", article_id, exc),
        )

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() == ArticleListModel.STAR:
            article = self.articles.article_at(index.row())
            if article is not None:
                self.set_starred([article.id], not article.starred)

    def set_read(self, ids: list[int], read: bool) -> None:
        self.articles.patch(ids, read=read)
        self.runner.submit(
            WRITE,
            self.service.set_read,
            ids,
            read,
            on_done=lambda _r: self._written(ids),
            on_error=lambda exc: self._write_failed(ids, exc),
        )

    def set_starred(self, ids: list[int], starred: bool) -> None:
        self.articles.patch(ids, starred=starred)
        for article_id in ids:
            self.pane.set_starred(article_id, starred)
        self.runner.submit(
            WRITE,
            self.service.set_starred,
            ids,
            starred,
            on_done=lambda _r: self._starred(ids) if starred else self._written(ids),
            on_error=lambda exc: self._write_failed(ids, exc),
        )
        if starred:
            self.statusBar().showMessage(
                translate("ArticleCommands", "Added to favorites: kept even if you unsubscribe."),
                4000,
            )

    def _starred(self, ids: list[int]) -> None:
        """A favorite keeps its images: fetch the ones not stored yet (or that failed before),
        whatever the "download images" setting, and show them when they arrive."""
        self._written(ids)
        self.runner.submit(
            NETWORK,
            self.service.download_images,
            ids,
            on_done=lambda stored: self._favorite_images_stored(ids, stored),
        )

    def _favorite_images_stored(self, ids: list[int], stored: int) -> None:
        if stored and self.pane.article_id in ids:
            self.reload_shown_article()

    def _written(self, ids: list[int]) -> None:
        self.articles.settle(ids)
        self.schedule_counts()

    def _write_failed(self, ids: list[int], exc: BaseException) -> None:
        """Show the stored state again (the change did not happen) and say why."""
        self.articles.settle(ids)
        self.articles.refresh_rows()
        self.show_error(describe_error(exc))

    def toggle_star(self) -> None:
        ids = self.selected_ids()
        found = [a for a in map(self.articles.article, ids) if a is not None]
        if found:
            self.set_starred(ids, not all(a.starred for a in found))

    def toggle_read(self) -> None:
        ids = self.selected_ids()
        found = [a for a in map(self.articles.article, ids) if a is not None]
        if found:
            self.set_read(ids, not all(a.read for a in found))

    def step_article(self, delta: int) -> None:
        """The next (delta 1) or previous (-1) article of the list."""
        count = self.articles.rowCount()
        if count == 0:
            return
        current = self.table.currentIndex()
        if current.isValid():
            row = min(max(current.row() + delta, 0), count - 1)
        else:
            row = 0 if delta > 0 else count - 1
        self.select_row(row)

    def select_row(self, row: int) -> None:
        index = self.articles.index(row, 0)
        self.table.selectionModel().setCurrentIndex(index, SELECT)
        self.table.scrollTo(index)

    def next_unread(self) -> None:
        """Space: scroll the article; at its end, go to the next unread article."""
        if self.pane.article is not None and self.pane.scroll_page():
            return
        start = self.table.currentIndex().row() + 1
        for row in range(start, min(start + UNREAD_SCAN, self.articles.rowCount())):
            article = self.articles.article_at(row)
            if article is not None and not article.read:
                self.select_row(row)
                return
        self.statusBar().showMessage(
            translate("ArticleCommands", "No more unread articles below."), 3000
        )

    def open_in_browser(self) -> None:
        article_id = self.current_article_id()
        article = self.articles.article(article_id) if article_id is not None else None
        if article is None or not article.link:
            self.statusBar().showMessage(
                translate("ArticleCommands", "This article has no link."), 3000
            )
            return
        self.open_url(QUrl(article.link))
        if not article.read:
            self.set_read([article.id], True)

    def open_url(self, url: QUrl) -> None:
        if not QDesktopServices.openUrl(url):
            self.show_error(
                translate("ArticleCommands", "No program could open %1.").replace(
                    "%1", url.toDisplayString()
                )
            )

    def mark_all_read(self) -> None:
        def done(count: int) -> None:
            self.articles.refresh_rows()
            self.schedule_counts()
            self.statusBar().showMessage(
                translate("ArticleCommands", "Marked %Ln article as read.", "", count)
                if count == 1
                else translate("ArticleCommands", "Marked %Ln articles as read.", "", count),
                4000,
            )

        self.runner.submit(WRITE, self.service.mark_all_read, self.current_query(), on_done=done)
