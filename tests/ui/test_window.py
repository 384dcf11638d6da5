"""The real MainWindow over a data dir filled from a local HTTP server, driven like a user."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip
from ui_helpers import anchor_point, click_anchor, click_row

from reader.core.service import Service
from reader.core.storage import search
from reader.core.types import Category, Query, UpdateResult
from reader.ui import mainwindow
from reader.ui.mainwindow import MainWindow
from reader.ui.models.entries import STARRED


def _feed_id(service: Service, title: str) -> int:
    return next(f.id for f in service.feeds() if f.title == title)


def _select_article(qtbot, window: MainWindow, title: str) -> int:
    model = window.articles
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == title)
    click_row(qtbot, window.table, model.index(row, 0))
    article_id = model.id_at(row)
    qtbot.waitUntil(lambda: window.pane.article_id == article_id)
    return article_id


def test_window_lists_the_newest_articles_at_start(window, service):
    ids = service.article_ids()
    assert window.articles.ids == ids
    assert window.articles.index(0, 0).data() == "Talks resume in Damascus"
    assert window.list_panel.count.text() == f"{len(ids)} articles"
    assert window.stack.currentWidget() is window.content
    assert window.sidebar.current_key() == ("all",)


def test_clicking_a_category_in_the_sidebar_filters_the_list(qtbot, window, service):
    view = window.sidebar.categories_view
    qtbot.waitUntil(lambda: window.sidebar_model.index_for_key(("category", "Syria")).isValid())
    click_row(qtbot, view, window.sidebar_model.index_for_key(("category", "Syria")))
    wanted = service.article_ids(Query(category="Syria"))
    qtbot.waitUntil(lambda: window.articles.ids == wanted)
    assert len(wanted) == 2
    titles = {window.articles.index(r, 0).data() for r in range(window.articles.rowCount())}
    assert titles == {"Talks resume in Damascus", "Aid convoy reaches Aleppo"}

    # The Arabic category works the same way.
    click_row(qtbot, view, window.sidebar_model.index_for_key(("category", "سوريا")))
    arabic = service.article_ids(Query(category="سوريا"))
    qtbot.waitUntil(lambda: window.articles.ids == arabic)
    assert window.articles.index(0, 0).data() == "استئناف المحادثات في دمشق"


def test_a_chosen_category_stays_chosen_when_a_refresh_reorders_the_categories(
    qtbot, window, service
):
    view = window.sidebar.categories_view
    qtbot.waitUntil(lambda: window.sidebar_model.index_for_key(("category", "Syria")).isValid())
    click_row(qtbot, view, window.sidebar_model.index_for_key(("category", "Syria")))
    qtbot.waitUntil(lambda: window.current_key == ("category", "Syria"))
    data = mainwindow.load_sidebar(service)
    # New counts put other categories first and bring a new one: Syria's row moves down.
    bigger = [Category("Brand new", 500, 500)] + [
        dataclasses.replace(c, articles=c.articles + 100)
        for c in data.categories
        if c.name != "Syria"
    ]
    syria = next(c for c in data.categories if c.name == "Syria")
    window._show_sidebar(dataclasses.replace(data, categories=[*bigger, syria]))
    names = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert names[0] == "Brand new" and names[-1] == "Syria"
    selected = view.selectionModel().selectedRows()
    assert [index.data() for index in selected] == ["Syria"]
    assert window.sidebar.current_key() == ("category", "Syria")
    assert window.current_key == ("category", "Syria")


@pytest.mark.qt_log_ignore(  # a menu raises its window: offscreen has no window manager
    "This plugin does not support raise",
    "This plugin does not support propagateSizeHints",
    "This plugin does not support grabbing",
)
def test_a_category_context_menu_marks_its_articles_read(qtbot, window, service):
    view = window.sidebar.categories_view
    qtbot.waitUntil(lambda: window.sidebar_model.index_for_key(("category", "Syria")).isValid())
    center = view.visualRect(window.sidebar_model.index_for_key(("category", "Syria"))).center()
    with qtbot.waitSignal(window.sidebar.context_menu) as asked:
        view.customContextMenuRequested.emit(center)
    assert asked.args[0] == ("category", "Syria")
    menu = QApplication.activePopupWidget()
    assert menu is not None
    mark = next(a for a in menu.actions() if a.text() == "Mark all as read")
    mark.trigger()
    menu.close()
    syria = service.article_ids(Query(category="Syria"))
    qtbot.waitUntil(lambda: not service.article_ids(Query(category="Syria", unread=True)))
    assert len(syria) == 2
    assert service.article_ids(Query(unread=True))  # only Syria's were marked
    # The sidebar follows: nothing unread in Syria, so its name is no longer bold.
    categories = window.sidebar_model.categories
    qtbot.waitUntil(
        lambda: (
            categories.tooltip(window.sidebar_model.index_for_key(("category", "Syria")))
            == "Syria: 0 unread of 2"
        )
    )
    syria_row = window.sidebar_model.index_for_key(("category", "Syria"))
    assert syria_row.siblingAtColumn(1).data() == "2"
    assert syria_row.data(Qt.ItemDataRole.FontRole) is None


@pytest.mark.qt_log_ignore(  # a tooltip raises its window: offscreen has no window manager
    "This plugin does not support raise", "This plugin does not support propagateSizeHints"
)
def test_a_category_tooltip_says_its_counts_in_words(qtbot, window):
    view = window.sidebar.categories_view
    qtbot.waitUntil(lambda: window.sidebar_model.index_for_key(("category", "Syria")).isValid())
    center = view.visualRect(window.sidebar_model.index_for_key(("category", "Syria"))).center()
    event = QHelpEvent(QEvent.Type.ToolTip, center, view.viewport().mapToGlobal(center))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.text() == "Syria: 2 unread of 2"


def test_clicking_a_category_chip_in_the_pane_filters_the_list(qtbot, window, service):
    _select_article(qtbot, window, "Talks resume in Damascus")
    detail = window.pane.article
    assert detail is not None and "Syria" in detail.categories
    click_anchor(qtbot, window.pane, f"reader:category/{detail.categories.index('Syria')}")
    wanted = service.article_ids(Query(category="Syria"))
    qtbot.waitUntil(lambda: window.articles.ids == wanted)
    assert window.sidebar.current_key() == ("category", "Syria")
    assert window.current_article_id() == detail.id  # the article read stays selected


def test_star_toggle_adds_to_favorites_and_the_count_updates(qtbot, window, service):
    article_id = _select_article(qtbot, window, "Markets rally on trade hopes")
    assert "Add to favorites" in window.pane.toPlainText()
    click_anchor(qtbot, window.pane, "reader:star")
    qtbot.waitUntil(lambda: "In favorites" in window.pane.toPlainText())
    qtbot.waitUntil(lambda: service.counts()["starred"] == 1)
    favorites = window.sidebar_model.index_for_key(STARRED)
    qtbot.waitUntil(lambda: window.sidebar_model.index(favorites.row(), 1).data() == "1")

    click_row(qtbot, window.sidebar.feeds_view, favorites)
    qtbot.waitUntil(lambda: window.articles.ids == [article_id])

    # The same toggle takes it out again.
    click_anchor(qtbot, window.pane, "reader:star")
    qtbot.waitUntil(lambda: service.counts()["starred"] == 0)
    qtbot.waitUntil(lambda: window.sidebar_model.index(favorites.row(), 1).data() == "")


def test_unsubscribe_keeps_favorites_even_after_a_restart(qtbot, window, service, tmp_path):
    news = _feed_id(service, "World News")
    article_id = _select_article(qtbot, window, "Aid convoy reaches Aleppo")
    qtbot.keyClick(window.table, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: service.counts()["starred"] == 1)

    window.show_key(("feed", news))
    window.subscriptions.unsubscribe(news)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert "favorites from this feed are kept" in box.informativeText()
    qtbot.mouseClick(box.findChild(object, "confirm"), Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: all(f.id != news for f in window.sidebar_model.feeds))
    qtbot.waitUntil(lambda: window.current_key == ("all",))
    window.show_key(STARRED)
    qtbot.waitUntil(lambda: window.articles.ids == [article_id])
    click_row(qtbot, window.table, window.articles.index(0, 0))
    qtbot.waitUntil(lambda: window.pane.article_id == article_id)
    text = window.pane.toPlainText()
    assert "Trucks carrying food arrived in Aleppo." in text
    assert "Source: World News" in text

    # Restart on the same data dir: the favorite is still there.
    window.close()
    again = MainWindow(Service(service.data_dir))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.loaded)
    again.show_key(STARRED)
    qtbot.waitUntil(lambda: again.articles.ids == [article_id])
    again.shutdown()
    again.service.close()


def test_refresh_runs_in_the_background_and_the_window_keeps_answering(
    qtbot, window, service, server
):
    server.delay = 1.5  # every feed takes 1.5 s to answer
    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    progress = []
    window.refresher.progress.connect(lambda done, total: progress.append((done, total)))

    qtbot.keyClick(window.table, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.refresh_status.isVisible())
    qtbot.waitUntil(lambda: window.refresh_status.label.text() == "0 of 2 feeds")
    assert window.refresh_status.cancel_button.isVisible()
    with qtbot.waitSignal(window.refresher.finished, timeout=15_000) as finished:
        pass
    timer.stop()
    assert len(ticks) >= 30  # 1.5 s of 20 ms ticks: the event loop never stalled
    assert progress[-1] == (2, 2)
    assert finished.args[0].done == 2
    assert not window.refresh_status.isVisible()
    assert "Refreshed 2 feeds" in window.statusBar().currentMessage()


def test_refresh_keeps_the_selected_article_and_adds_new_ones(qtbot, window, service, server):
    article_id = _select_article(qtbot, window, "Markets rally on trade hopes")
    before = window.articles.rowCount()
    server.aliases["news.xml"] = "news_more.xml"
    with qtbot.waitSignal(window.refresher.finished, timeout=15_000):
        window.refresh_all()
    qtbot.waitUntil(lambda: window.articles.rowCount() == before + 1)
    assert window.articles.index(0, 0).data() == "Ceasefire holds for a second day"
    assert window.current_article_id() == article_id
    assert window.table.selectionModel().isRowSelected(window.articles.row_of(article_id))
    assert window.pane.article_id == article_id


def test_cancel_stops_a_slow_refresh(qtbot, window, server):
    server.delay = 5
    window.refresh_all()
    qtbot.waitUntil(lambda: window.refresh_status.cancel_button.isVisible())
    with qtbot.waitSignal(window.refresher.finished, timeout=5_000) as finished:
        qtbot.mouseClick(window.refresh_status.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].cancelled
    assert "cancelled" in window.statusBar().currentMessage()
    server.release.set()


def _line_start_x(pane, text: str) -> float:  # type: ignore[no-untyped-def]
    """Where the first block holding `text` starts, in viewport x."""
    from PySide6.QtGui import QTextCursor

    block = pane.document().begin()
    while block.isValid() and text not in block.text():
        block = block.next()
    assert block.isValid(), f"no {text!r} in the pane"
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + block.text().index(text))
    return pane.cursorRect(cursor).x()


def test_rtl_article_is_laid_out_right_to_left(qtbot, window):
    _select_article(qtbot, window, "Markets rally on trade hopes")
    pane = window.pane
    ltr_source = _line_start_x(pane, "Source:")
    _select_article(qtbot, window, "استئناف المحادثات في دمشق")
    doc = pane.document()
    assert doc.defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    title = doc.firstBlock()
    assert title.text() == "استئناف المحادثات في دمشق"
    assert title.textDirection() == Qt.LayoutDirection.RightToLeft
    assert _line_start_x(pane, "استئناف") > pane.viewport().width() / 2  # starts at the right
    body = doc.find("التقت الوفود").block()
    assert body.textDirection() == Qt.LayoutDirection.RightToLeft
    # The window's own words keep the interface's direction: "Source:" stays at the left,
    # where it is in an English article, and the pane's scroll bar stays on the right.
    source = doc.find("Source:").block()
    assert source.textDirection() == Qt.LayoutDirection.LeftToRight
    assert source.text().startswith("Source:")
    assert abs(_line_start_x(pane, "Source:") - ltr_source) < 2
    assert pane.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_reading_pane_never_requests_the_network(qtbot, window, server):
    # Only what happens from here on counts (the engine may fetch images while refreshing).
    server.requests.clear()
    _select_article(qtbot, window, "Talks resume in Damascus")
    pane = window.pane
    pane.grab()  # lay out and paint: any resource would be loaded now
    assert "[Image: The meeting room]" in pane.toPlainText()
    assert "/img.png" not in server.requests
    # Even asked directly, the pane loads nothing remote.
    url = QUrl(server.url("img.png"))
    image = pane.loadResource(QTextDocument.ResourceType.ImageResource.value, url)
    assert image.width() <= 1
    assert pane.loadResource(QTextDocument.ResourceType.StyleSheetResource.value, url).isEmpty()
    assert "/img.png" not in server.requests
    # Links are handed to the window, never followed by the pane.
    pane.open_url.disconnect(window.open_url)  # no browser in a test
    with qtbot.waitSignal(pane.open_url) as opened:
        pane.anchorClicked.emit(QUrl("reader:comments"))
    assert opened.args[0].toString() == "https://news.example/talks#comments"
    assert anchor_point(pane, "reader:open") is not None
    assert "/img.png" not in server.requests


def test_keyboard_moves_stars_and_toggles_read(qtbot, window, service):
    table = window.table
    qtbot.keyClick(table, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: window.current_article_id() == window.articles.id_at(0))
    qtbot.keyClick(table, Qt.Key.Key_J)
    second = window.articles.id_at(1)
    qtbot.waitUntil(lambda: window.pane.article_id == second)
    qtbot.keyClick(table, Qt.Key.Key_K)
    first = window.articles.id_at(0)
    qtbot.waitUntil(lambda: window.pane.article_id == first)
    qtbot.waitUntil(lambda: service.articles_by_ids([first])[0].read)  # read on open
    qtbot.keyClick(table, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: not service.articles_by_ids([first])[0].read)
    qtbot.keyClick(table, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: service.articles_by_ids([first])[0].starred)


def test_search_filters_the_list_after_a_pause(qtbot, window, service):
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.list_panel.search.hasFocus()
    qtbot.keyClicks(window.list_panel.search, "aleppo")
    wanted = service.article_ids(Query(search="aleppo"))
    qtbot.waitUntil(lambda: window.articles.ids == wanted)
    assert window.articles.rowCount() == 1


def test_add_feed_dialog_offers_a_choice_and_shows_errors_inline(qtbot, window, server):
    dialog = window.subscriptions.add_feed()
    qtbot.keyClicks(dialog.url, server.url("missing.xml"))
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.message.isVisible() and not dialog.busy.isVisible())
    assert "404" in dialog.message.text()
    assert dialog.isVisible()

    dialog.url.clear()
    qtbot.keyClicks(dialog.url, server.url("site.html"))
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.choices.isVisible(), timeout=10_000)
    assert dialog.choices.count() == 2
    dialog.choices.setCurrentRow(0)
    with qtbot.waitSignal(dialog.added, timeout=10_000) as added:
        dialog.accept()
    assert added.args[0].title == "Tech Notes"
    qtbot.waitUntil(lambda: window.current_key == ("feed", added.args[0].id))
    qtbot.waitUntil(lambda: window.articles.index(0, 0).data() == "A new release")


def test_o_and_enter_open_the_article_in_the_browser(qtbot, window, service):
    opened: list[str] = []
    window.open_url = lambda url: opened.append(url.toString())  # no browser in a test
    window.prefs = dataclasses.replace(window.prefs, mark_read_on_open=False)
    article_id = _select_article(qtbot, window, "Election date announced")
    assert not service.articles_by_ids([article_id])[0].read
    qtbot.keyClick(window.table, Qt.Key.Key_O)
    assert opened == ["https://news.example/election"]
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert opened[-1] == "https://news.example/election"
    qtbot.waitUntil(lambda: service.articles_by_ids([article_id])[0].read)


def test_a_failed_write_is_reported_and_undone_in_the_list(qtbot, window, service):
    article_id = window.articles.id_at(0)
    window.set_starred([article_id, 999_999], True)  # one id does not exist
    qtbot.waitUntil(lambda: "no article with id 999999" in window.statusBar().currentMessage())
    assert not window.articles.article_at(0).starred


def test_stored_images_are_shown_from_the_local_cache(qtbot, window, service, server):
    # The engine's contract (core/offline.py): image_map(article_id) -> {image URL: file}.
    from PySide6.QtGui import QColor, QImage

    image_file = service.data_dir / "cache" / "images" / "meeting.png"
    image_file.parent.mkdir(parents=True, exist_ok=True)
    picture = QImage(1200, 300, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3366cc"))
    assert picture.save(str(image_file))
    url = server.url("img.png")
    service.image_map = lambda article_id: {url: image_file}  # type: ignore[attr-defined]
    server.requests.clear()

    _select_article(qtbot, window, "Talks resume in Damascus")
    pane = window.pane
    pane.grab()
    assert "[Image" not in pane.toPlainText()
    loaded = pane.document().resource(
        QTextDocument.ResourceType.ImageResource.value,
        QUrl.fromLocalFile(str(image_file)),
    )
    assert loaded is not None and 0 < loaded.width() < 1200  # scaled to the text column
    assert pane.blocked == []
    assert "/img.png" not in server.requests


def test_a_category_narrows_favorites_instead_of_leaving_them(qtbot, window, service):
    syria_ids = service.article_ids(Query(category="Syria"))
    other_id = _select_article(qtbot, window, "Markets rally on trade hopes")
    service.set_starred([syria_ids[0], other_id], True)
    window.reload_sidebar()
    favorites = window.sidebar_model.index_for_key(STARRED)
    click_row(qtbot, window.sidebar.feeds_view, favorites)
    qtbot.waitUntil(lambda: set(window.articles.ids) == {syria_ids[0], other_id})

    view = window.sidebar.categories_view
    click_row(qtbot, view, window.sidebar_model.index_for_key(("category", "Syria")))
    # Only the starred Syria article: the favorites view narrowed, it did not turn into "Syria".
    qtbot.waitUntil(lambda: window.articles.ids == [syria_ids[0]])
    assert window.current_key == ("within", "starred", "Syria")
    assert window.sidebar.feeds_view.currentIndex() == favorites


def test_refresh_updates_the_window_at_once_then_at_most_every_interval(window, qtbot):
    """A refresh shows its first results at once, then coalesces: the window's GUI thread is
    not rebuilding the sidebar and the list for every batch of feeds."""
    calls: list[str] = []
    window.reload_sidebar = lambda: calls.append("sidebar")
    window.apply_filter = lambda keep_place=False: calls.append("list")
    result = UpdateResult(feed_id=1, url="http://news.example/", status="updated", new=2)
    window._on_refresh_batch([result])
    assert calls == ["sidebar", "list"]  # the first batch shows at once
    for _ in range(5):
        window._on_refresh_batch([result])
    assert calls == ["sidebar", "list"]  # later ones wait for the interval
    qtbot.waitUntil(lambda: len(calls) == 4, timeout=mainwindow.REFRESH_UPDATE_MS * 3)
    qtbot.wait(mainwindow.REFRESH_UPDATE_MS + 200)
    assert calls == ["sidebar", "list"] * 2  # the five batches became one update


def _many_items_feed(count: int) -> bytes:
    items = "".join(
        f"<item><guid>vote-{n}</guid><title>Vote count {n}</title>"
        f"<link>https://example.org/vote/{n}</link>"
        f"<pubDate>{(n % 28) + 1:02d} Jan 2025 {n % 24:02d}:{n % 60:02d}:00 GMT</pubDate>"
        f"<description>The ballots of district {n}.</description></item>"
        for n in range(count)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Votes</title>'
        f"<link>https://example.org/</link>{items}</channel></rss>"
    ).encode()


def test_a_search_of_the_whole_store_shows_its_first_rows_before_reading_the_rest(
    qtbot, window, service, server, monkeypatch
):
    server.files["votes.xml"] = _many_items_feed(450)
    service.add_feed(server.url("votes.xml"))
    wanted = service.article_ids(Query(search="ballots"))
    assert len(wanted) == 450
    kept = wanted[300]  # the article being read, past the first rows
    window.show_key(("feed", _feed_id(service, "Votes")))
    qtbot.waitUntil(lambda: window.articles.row_of(kept) is not None)
    click_row(qtbot, window.table, window.articles.index(window.articles.row_of(kept), 0))
    qtbot.waitUntil(lambda: window.pane.article_id == kept)
    window.show_key(("all",))
    qtbot.waitUntil(lambda: window.articles.rowCount() > 450)
    # Hold the full query back, to see what the window shows before it.
    release = threading.Event()
    full_query = mainwindow.load_ids

    def slow_load_ids(*args):
        release.wait(10)
        return full_query(*args)

    monkeypatch.setattr(mainwindow, "load_ids", slow_load_ids)
    window.list_panel.search.setText("ballots")
    qtbot.keyClick(window.list_panel.search, Qt.Key.Key_Return)
    first = mainwindow.ArticleListModel.BLOCK
    qtbot.waitUntil(lambda: window.articles.ids == wanted[:first])
    assert window.list_panel.count.text() == ""  # the total is not known yet
    assert window.pane.article_id == kept  # the article being read stays on screen
    release.set()
    qtbot.waitUntil(lambda: window.articles.ids == wanted)
    assert window.list_panel.count.text() == "450 articles"
    assert window.pane.article_id == kept
    assert window.table.currentIndex().row() == window.articles.row_of(kept) == 300


def test_after_a_refresh_the_window_files_new_articles_for_quick_searches(
    qtbot, window, service, server
):
    # The window's background upkeep puts the newest articles in the small search index
    # (all of them, in a store this small); a search of the whole store then finds the new
    # article first, and finds the older ones too.
    server.aliases["news.xml"] = "news_more.xml"
    with qtbot.waitSignal(window.refresher.finished, timeout=15_000):
        window.refresh_all()
    oldest = service.conn.execute("SELECT MIN(sort_time) FROM articles").fetchone()[0]

    def all_recent() -> bool:
        since = search.recent_since(service.conn)
        return since is not None and since <= oldest

    qtbot.waitUntil(all_recent, timeout=10_000)
    wanted = service.article_ids(Query(search="ceasefire"))
    assert wanted and service.articles_by_ids(wanted[:1])[0].title == (
        "Ceasefire holds for a second day"
    )
    window.list_panel.search.setText("ceasefire")
    qtbot.keyClick(window.list_panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.articles.ids == wanted)
    assert window.articles.index(0, 0).data() == "Ceasefire holds for a second day"


def test_the_search_index_upkeep_waits_for_a_running_refresh(qtbot, window, service, server):
    calls = []
    upkeep = service.update_search
    service.update_search = lambda: calls.append(1) or upkeep()  # type: ignore[method-assign]
    server.delay = 5
    window.refresh_all()
    qtbot.waitUntil(lambda: window.refresh_status.cancel_button.isVisible())
    window.search_upkeep.run()  # as 3 s after the first paint would, mid-refresh
    qtbot.wait(200)
    assert calls == []  # the refresh's writes come first
    with qtbot.waitSignal(window.refresher.finished, timeout=5_000):
        qtbot.mouseClick(window.refresh_status.cancel_button, Qt.MouseButton.LeftButton)
    server.release.set()
    qtbot.waitUntil(lambda: len(calls) >= 1)  # the refresh's end starts it
