"""The main window: sidebar | article list over the reading pane, and the state between them.

The window keeps three pieces of state: the sidebar entry (a key), the search text and the
article shown. Queries for the list and the sidebar counts run in the task runner's read pool;
only showing one article (a primary-key lookup) happens on the GUI thread. The first paint
shows the start view saved when the window last closed (ui/startview.py), until they return.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future

from PySide6.QtCore import (
    QLocale,
    QPoint,
    QSettings,
    Qt,
    QTimer,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
)

from reader.core.errors import feed_problem
from reader.core.service import Service
from reader.core.types import Article, Query
from reader.ui import actions as window_actions
from reader.ui import places, search_upkeep, startview, windowstate
from reader.ui.commands import SELECT, ArticleCommands
from reader.ui.dialogs import accounts as accounts_ui
from reader.ui.engine_text import translated
from reader.ui.loaders import (
    START_ROWS,
    load_first_ids,
    load_ids,
    load_sidebar,
    store_start_view,
)
from reader.ui.models.articles import ArticleListModel
from reader.ui.models.entries import ALL, Key, SidebarData, query_for
from reader.ui.models.sidebar import SidebarModel
from reader.ui.prefs import Preferences, save_preferences
from reader.ui.refresh import RefreshController, RefreshStatus, RefreshSummary
from reader.ui.subscriptions import Subscriptions
from reader.ui.tasks import READ, WRITE, TaskRunner, describe_error
from reader.ui.tray import Tray
from reader.ui.widgets.articlelist import ArticleListPanel, WelcomePage
from reader.ui.widgets.reading import PANE_FONT_MAX, PANE_FONT_MIN, ArticleView
from reader.ui.widgets.sidebar import SidebarPanel

log = logging.getLogger(__name__)

COUNTS_DELAY_MS = 150
START_QUERIES_MS = 300  # shown from the start view: the queries wait at most this for a paint
AFTER_PAINT_MS = 1000  # after_first_paint's work waits at most this (an empty store paints no list)
# During a refresh the sidebar and the list follow at most this often: every update costs the
# GUI thread work that the refresh's threads, holding the GIL, stretch into visible stalls.
REFRESH_UPDATE_MS = 1500


class MainWindow(ArticleCommands, QMainWindow):
    def __init__(self, service: Service, *, settings: QSettings | None = None) -> None:
        super().__init__()
        self.service = service
        self.settings = settings or QSettings(
            str(places.settings_file(service.data_dir)), QSettings.Format.IniFormat
        )
        self.prefs = Preferences.load(service)
        self.runner = TaskRunner(self)
        self.runner.failed.connect(self.show_error)
        self.folders: list[str] = []
        self.loaded = False  # the first sidebar load arrived
        self._key: Key = ALL
        self._search = ""
        self._generation = 0
        self._ids_task: Future[object] | None = None  # the list query under way
        self._restoring = False
        self._sidebar_loading = False
        self._sidebar_dirty = False
        self._closed = False
        self._sidebar_data: SidebarData | None = None  # the last one loaded from the database
        self._start_view_stale = False  # a refresh ended: save it at the next sidebar load
        self.sidebar_shown = self.list_shown = False  # their content arrived (file or query)
        self._queries_timer: QTimer | None = None  # the first queries wait for the first paint
        start = startview.load(service.data_dir)
        if start is None:  # the queries run meanwhile (in sqlite, mostly without the GIL)
            self.reload_sidebar()
        self.sidebar_model = SidebarModel(self)
        self.articles = ArticleListModel(service.articles_by_ids, self)
        self.sidebar = SidebarPanel(self.sidebar_model)
        self.list_panel = ArticleListPanel(self.articles)
        self.table = self.list_panel.table
        self.pane = ArticleView(local_root=service.data_dir)
        if start is None:
            self.apply_filter()
        self.welcome = WelcomePage()
        self.refresher = RefreshController(service, self.runner, self)
        self.refresh_status = RefreshStatus(self.refresher)
        self.search_upkeep = search_upkeep.SearchUpkeep(service, self.runner, self.refresher)
        self.subscriptions = Subscriptions(self)

        self.setWindowTitle(self.tr("Reader"))
        self.content = QSplitter(Qt.Orientation.Vertical)
        self.content.setObjectName("content-splitter")
        self.content.addWidget(self.list_panel)
        self.content.addWidget(self.pane)
        self.content.setChildrenCollapsible(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.welcome)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.set_tab_order()
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setContentsMargins(6, 0, 0, 0)
        self.statusBar().addWidget(self.summary)
        self.statusBar().addPermanentWidget(self.refresh_status)
        self.act = window_actions.build(self)
        accounts_ui.install(self)  # sync accounts: "Accounts…", "Sync now"
        self.tray = Tray(self)

        self.sidebar.selected.connect(self.show_key)
        self.sidebar.context_menu.connect(
            lambda key, pos: window_actions.popup(window_actions.sidebar_menu(self, key), pos)
        )
        self.sidebar_model.feed_dropped.connect(self.subscriptions.move_feed)
        self.list_panel.search_changed.connect(self.set_search)
        self.table.selectionModel().currentChanged.connect(self._on_current)
        self.table.activated.connect(lambda _index: self.open_in_browser())
        self.table.clicked.connect(self._on_clicked)
        self.table.customContextMenuRequested.connect(
            lambda pos: window_actions.article_menu(self, self.table.viewport().mapToGlobal(pos))
        )
        self.pane.category_clicked.connect(self.show_category)
        self.pane.star_clicked.connect(lambda aid, starred: self.set_starred([aid], starred))
        self.pane.open_url.connect(self.open_url)
        self.welcome.add_clicked.connect(lambda: self.subscriptions.add_feed())
        self.welcome.import_clicked.connect(lambda: self.subscriptions.import_opml())
        self.welcome.suggested_clicked.connect(lambda: self.subscriptions.import_suggested())
        self.list_panel.problem.acted.connect(self._fix_feed_problem)
        self.refresher.batch.connect(self._on_refresh_batch)
        self.refresher.finished.connect(self._on_refresh_finished)

        self._counts_timer = QTimer(self, singleShot=True, interval=COUNTS_DELAY_MS)
        self._counts_timer.timeout.connect(self.reload_sidebar)
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_UPDATE_MS)
        self._refresh_timer.timeout.connect(self._refresh_update)
        self._refresh_pending: bool | None = None  # None: nothing new since the last update
        self._tick = QTimer(self, interval=60_000)
        self._tick.timeout.connect(self.articles.tick)
        self._tick.start()
        self._auto_refresh = QTimer(self)
        self._auto_refresh.timeout.connect(self.refresh_all)
        self.apply_preferences(self.prefs)

        self.restore_state()
        if start is not None:
            self._show_start_view(start)
            # The queries wait for the first paint (they would compete with it for the GIL),
            # or a moment when the window is not shown.
            self._queries_timer = QTimer(self, singleShot=True, interval=START_QUERIES_MS)
            self._queries_timer.timeout.connect(self._start_queries)
            self._queries_timer.start()
        self.sidebar.select_key(ALL)
        self._after_paint: list[Callable[[], None]] | None = []
        QTimer.singleShot(AFTER_PAINT_MS, self, self._run_after_paint)
        # Both boxes start empty, so their clear buttons (whose icon lookup costs the start
        # ~5 ms) can come after the first paint.
        for box in (self.list_panel.search, self.sidebar.filter):
            self.after_first_paint(lambda box=box: box.setClearButtonEnabled(True))
        self.after_first_paint(
            lambda: QTimer.singleShot(search_upkeep.DELAY_MS, self, self.search_upkeep.run)
        )
        self._filled = startview.WhenFilled(
            {
                self.table.viewport(): lambda: self.list_shown,
                self.sidebar.feeds_view.viewport(): lambda: self.sidebar_shown,
                self.sidebar.categories_view.viewport(): lambda: self.sidebar_shown,
            },
            self._on_filled,
        )
        if self.prefs.refresh_on_start:
            QTimer.singleShot(1500, self.refresh_all)

    # --- filtering the list ---

    def current_query(self) -> Query:
        base = query_for(self._key) or Query()
        return dataclasses.replace(base, search=self._search or None)

    @property
    def current_key(self) -> Key:
        return self._key

    def show_key(self, key: Key) -> None:
        """Show a sidebar entry's articles (the user chose it, or a chip was clicked)."""
        if query_for(key) is None:
            return
        if key[0] == "category" and self._key[0] in ("starred", "unread", "within"):
            # In Favorites or Unread a category narrows the view instead of leaving it.
            base = self._key[1] if self._key[0] == "within" else self._key[0]
            key = ("within", base, key[1])
        self._key = key
        self.sidebar.select_key(key)
        self._show_feed_problem()
        self.apply_filter()

    def _show_feed_problem(self) -> None:
        """The bar above the list says why the feed shown failed and offers the fix."""
        feed = None
        if self._key[0] == "feed":
            feed = next((f for f in self.sidebar_model.feeds if f.id == self._key[1]), None)
        error = feed.error if feed is not None else None
        bar = self.list_panel.problem
        bar.show_problem(feed.id if feed else 0, feed_problem(error), translated(error or ""))

    def _fix_feed_problem(self, kind: str, feed_id: int) -> None:
        feed = next((f for f in self.sidebar_model.feeds if f.id == feed_id), None)
        if feed is None:
            return
        if kind == "gone":
            self.subscriptions.unsubscribe(feed_id)
        elif kind == "web_page":
            self.subscriptions.add_feed(feed.site_url or feed.url)
        else:
            self.refresh([feed_id])

    def show_category(self, name: str) -> None:
        if self._search:
            self._search = ""
            self.list_panel.search.blockSignals(True)
            self.list_panel.search.clear()
            self.list_panel.search.blockSignals(False)
        self.show_key(("category", name))

    def set_search(self, text: str) -> None:
        if text != self._search:
            self._search = text
            self.apply_filter()

    def apply_filter(self, *, keep_place: bool = False) -> None:
        """Query the ids of the current filter in the background, then show them."""
        self._generation += 1
        generation = self._generation
        if self._ids_task is not None:
            self._ids_task.cancel()  # not started yet: its answer would be thrown away
        anchor = self.pane.article_id
        if keep_place and self.table.verticalScrollBar().value() > 0:
            anchor = self.articles.id_at(self.table.indexAt(QPoint(1, 1)).row())
        rows = self.table.viewport().height() // max(self.table.fontMetrics().height(), 12) + 2
        query = self.current_query()

        def load_all() -> None:
            self._ids_task = self.runner.submit(
                READ,
                load_ids,
                self.service,
                query,
                anchor,
                rows,
                on_done=lambda found: self._show_ids(generation, *found, keep_place),
            )

        if query.searches_everything and not keep_place:
            # A search of the whole store: its first rows come first (loaders.load_first_ids).
            self._ids_task = self.runner.submit(
                READ,
                load_first_ids,
                self.service,
                query,
                on_done=lambda found: self._show_first_ids(generation, *found, load_all),
            )
        else:
            load_all()

    def _show_first_ids(
        self,
        generation: int,
        ids: Sequence[int],
        loaded: dict[int, Article],
        complete: bool,
        load_all: Callable[[], None],
    ) -> None:
        self._show_ids(generation, ids, loaded, False, partial=not complete)
        if not complete and generation == self._generation:
            load_all()

    def _show_ids(
        self,
        generation: int,
        ids: Sequence[int],
        loaded: dict[int, Article],
        keep_place: bool,
        *,
        partial: bool = False,
    ) -> None:
        """Show a query's ids; `partial`: only its first ones, the rest to come (the article
        being read stays even when it is not among them)."""
        if generation != self._generation:
            return  # the user moved on; a newer query is on its way
        current = self.pane.article_id
        bar = self.table.verticalScrollBar()
        top_id = None
        if keep_place and bar.value() > 0:
            top_id = self.articles.id_at(self.table.indexAt(QPoint(1, 1)).row())
        self._restoring = True
        try:
            self.articles.set_ids(ids, loaded)
            row = self.articles.row_of(current) if current is not None else None
            if row is not None:
                self.table.selectionModel().setCurrentIndex(self.articles.index(row, 0), SELECT)
            top = self.articles.row_of(top_id) if top_id is not None else None
            if top is not None:
                self.table.scrollTo(
                    self.articles.index(top, 0), QAbstractItemView.ScrollHint.PositionAtTop
                )
            elif not keep_place:
                if row is not None:
                    self.table.scrollTo(self.articles.index(row, 0))
                else:
                    self.table.scrollToTop()
        finally:
            self._restoring = False
        self.list_panel.set_count(None if partial else len(ids))  # None: not known yet
        self.list_shown = True
        self.table.empty_text = (
            self.tr("No articles match the search.")
            if self._search
            else self.tr("No articles here yet.")
        )
        self.table.viewport().update()
        if not (keep_place or partial) and row is None and current is not None:
            self.pane.show_placeholder(self.tr("Select an article to read it."))

    # --- the sidebar and its counts ---

    def schedule_counts(self) -> None:
        if not self._counts_timer.isActive():
            self._counts_timer.start()

    def reload_sidebar(self) -> None:
        if self._sidebar_loading:
            self._sidebar_dirty = True
            return
        self._sidebar_loading = True
        self.runner.submit(
            READ,
            load_sidebar,
            self.service,
            on_done=self._apply_sidebar,
            on_error=self._sidebar_failed,
        )

    def _sidebar_failed(self, exc: BaseException) -> None:
        self._sidebar_loading = False
        self.show_error(describe_error(exc))

    def _apply_sidebar(self, data: SidebarData) -> None:
        self._sidebar_loading = False
        self._sidebar_data = data
        self._show_sidebar(data)
        self.loaded = True
        if self._start_view_stale and self._key == ALL and not self._search:
            self.save_start_view()
        if self._sidebar_dirty:
            self._sidebar_dirty = False
            self.reload_sidebar()

    def _show_sidebar(self, data: SidebarData) -> None:
        bar = self.sidebar.categories_view.verticalScrollBar()
        scroll = bar.value()
        keep_order = self.refresher.running  # sorted again by the update after the refresh
        self.sidebar.update_model(lambda: self.sidebar_model.set_data(data, keep_order=keep_order))
        bar.setValue(scroll)
        self.folders = [folder.name for folder in data.folders]
        if not self.sidebar.select_key(self._key) and self._key[0] in ("feed", "folder"):
            self.show_key(ALL)  # the feed or folder shown is gone
        self._show_feed_problem()
        empty = not data.feeds and data.counts.get("all", 0) == 0
        self.stack.setCurrentWidget(self.welcome if empty else self.content)
        self.tray.set_unread(data.counts.get("unread", 0))
        self.summary.setText(self._summary_text(data))
        self.sidebar_shown = True

    # --- the start view (ui/startview.py) ---

    def _show_start_view(self, view: startview.StartView) -> None:
        """Show what the window showed when it last closed, until the queries return."""
        self._show_sidebar(view.sidebar)
        if view.ids:
            self.articles.set_ids(view.ids, view.rows)
            self.list_panel.set_count(len(view.ids))
            self.list_shown = True

    def _on_filled(self) -> None:
        """The first paint with content is on screen."""
        startview.trace_filled()
        self._start_queries()
        self._run_after_paint()

    def after_first_paint(self, work: Callable[[], None]) -> None:
        """Run `work` once the first filled paint is on screen, so that what the window needs
        only later does not delay it (a timer runs it AFTER_PAINT_MS after the start at the
        latest)."""
        if self._after_paint is None:
            QTimer.singleShot(0, self, work)
        else:
            self._after_paint.append(work)

    def _run_after_paint(self) -> None:
        waiting, self._after_paint = self._after_paint, None
        for work in waiting or ():
            work()

    def _start_queries(self) -> None:
        if self._queries_timer is None:
            return  # started in __init__, or already
        self._queries_timer.stop()
        self._queries_timer = None
        self.reload_sidebar()
        self.apply_filter()

    def save_start_view(self) -> None:
        """Keep the sidebar and the unfiltered list's first rows for the next start.

        At close from what the window holds; otherwise (after a refresh) all in a worker:
        reading and writing 100,000 ids took the GUI thread ~50 ms."""
        self._start_view_stale = False
        data = self._sidebar_data
        if data is None:
            return  # nothing was loaded from the database: keep the file as it is
        if not self._closed:
            self.runner.submit(WRITE, store_start_view, self.service, data)
            return
        if self._key == ALL and not self._search:
            ids = self.articles.ids
            first = (self.articles.article_at(row) for row in range(min(len(ids), START_ROWS)))
            rows = {article.id: article for article in first if article is not None}
        else:
            ids, rows = load_ids(self.service, Query(), None, START_ROWS)
        startview.save(self.service.data_dir, startview.StartView(data, ids, rows))

    def _summary_text(self, data: SidebarData) -> str:
        feeds, failing = len(data.feeds), sum(1 for feed in data.feeds if feed.error)
        unread, total = data.counts.get("unread", 0), data.counts.get("all", 0)
        starred = data.counts.get("starred", 0)
        parts = [self.tr("%Ln feed", "", feeds) if feeds == 1 else self.tr("%Ln feeds", "", feeds)]
        if failing:
            parts[0] += " " + self.tr("(%Ln failing)", "", failing)
        locale = QLocale()
        parts.append(
            self.tr("%1 unread of %2")
            .replace("%1", locale.toString(unread))
            .replace("%2", locale.toString(total))
        )
        parts.append(
            self.tr("%Ln favorite", "", starred)
            if starred == 1
            else self.tr("%Ln favorites", "", starred)
        )
        return "  ·  ".join(parts)

    # --- refresh ---

    def refresh_all(self) -> None:
        self.refresh(None)
        self.syncer.start(automatic=True)  # sync accounts' feeds come from their servers

    def refresh(self, feed_ids: list[int] | None) -> None:
        if self.refresher.start(feed_ids):
            self.refresh_status.begin()
        else:
            self.statusBar().showMessage(self.tr("A refresh is already running."), 3000)

    def _on_refresh_batch(self, results: list) -> None:
        """Show a refresh's progress at once, then at most every REFRESH_UPDATE_MS."""
        new = any(r.new or r.updated for r in results)
        if self._refresh_timer.isActive():
            self._refresh_pending = bool(self._refresh_pending) or new
            return
        self._refresh_pending = new
        self._refresh_update()

    def _refresh_update(self) -> None:
        if self._refresh_pending is None:
            return
        new, self._refresh_pending = self._refresh_pending, None
        self.reload_sidebar()
        if new:
            self.apply_filter(keep_place=True)
        self._refresh_timer.start()

    def _on_refresh_finished(self, summary: RefreshSummary) -> None:
        self._refresh_timer.stop()
        self._refresh_pending = None
        self.statusBar().showMessage(summary.message(), 10_000)
        self.schedule_counts()
        self._start_view_stale = True  # with the counts that follow
        self.apply_filter(keep_place=True)
        self.reload_shown_article()  # its full text or images may have arrived
        if summary.new and self.prefs.notify_new:
            self.tray.notify(summary)
        self.search_upkeep.run()

    def apply_preferences(self, prefs: Preferences) -> None:
        self.prefs = prefs
        if prefs.refresh_minutes > 0:
            self._auto_refresh.start(prefs.refresh_minutes * 60_000)
        else:
            self._auto_refresh.stop()
        self.tray.apply(prefs)
        self.pane.set_font_size(prefs.pane_font_size)

    def zoom_pane(self, step: int) -> None:
        """Ctrl+= / Ctrl+- / Ctrl+0: the reading pane's text one point larger, smaller, or back
        to the system's size; kept as the pane_font_size preference."""
        size = 0 if step == 0 else self.pane.font_size() + step
        if step and not PANE_FONT_MIN <= size <= PANE_FONT_MAX:
            return
        prefs = dataclasses.replace(self.prefs, pane_font_size=size)
        self.apply_preferences(prefs)
        self.runner.submit(WRITE, save_preferences, self.service, prefs)
        self.statusBar().showMessage(
            self.tr("Text size: %1 points").replace("%1", str(self.pane.font_size())), 2000
        )

    def show_error(self, text: str) -> None:
        self.statusBar().showMessage(text, 15_000)

    def set_tab_order(self) -> None:
        """Tab goes sidebar -> categories -> search -> article list -> reading pane."""
        chain = [
            self.sidebar.feeds_view,
            self.sidebar.filter,
            self.sidebar.categories_view,
            self.list_panel.search,
            self.table,
            self.pane,
        ]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    # --- window state ---

    def restore_state(self) -> None:
        windowstate.restore(self)

    def save_state(self) -> None:
        windowstate.save(self)

    def shutdown(self) -> None:
        """Stop background work and save the window's state (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self.search_upkeep.stop()
        self.save_state()
        try:
            self.save_start_view()
        except Exception:  # a database error at close must not keep the window from closing
            log.exception("could not save the start view")
        self.refresher.shutdown()
        self.syncer.cancel()
        self.runner.shutdown()
        self.tray.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
