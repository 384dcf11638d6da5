"""Subscription management in the window: folders, drag into a folder, properties, OPML,
mark all read, and the welcome page of an empty data dir."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from reader.core.service import Service
from reader.core.types import Query
from reader.ui import actions as window_actions
from reader.ui.dialogs.addfeed import AddFeedDialog
from reader.ui.dialogs.preferences import PreferencesDialog
from reader.ui.mainwindow import MainWindow
from reader.ui.models.entries import FEED_MIME, FEEDS


def _modal(qtbot, kind):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    return QApplication.activeModalWidget()


def _news(service: Service) -> int:
    return next(f.id for f in service.feeds() if f.title == "World News")


def test_folders_can_be_created_renamed_and_deleted(qtbot, window, service):
    window.subscriptions.new_folder()
    dialog = _modal(qtbot, QInputDialog)
    dialog.setTextValue("Middle East")
    dialog.accept()
    qtbot.waitUntil(lambda: window.sidebar_model.index_for_key(("folder", "Middle East")).isValid())

    window.subscriptions.rename_folder("Middle East")
    dialog = _modal(qtbot, QInputDialog)
    dialog.setTextValue("Region")
    dialog.accept()
    qtbot.waitUntil(lambda: window.sidebar_model.index_for_key(("folder", "Region")).isValid())
    assert [f.name for f in service.folders()] == ["Region"]

    window.subscriptions.delete_folder("Region")
    box = _modal(qtbot, QMessageBox)
    assert "not unsubscribed" in box.informativeText()
    qtbot.mouseClick(box.findChild(object, "confirm"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.sidebar_model.index_for_key(("folder", "Region")).isValid())
    assert service.folders() == []


def test_dragging_a_feed_onto_a_folder_moves_it(qtbot, window, service):
    service.add_folder("Region")
    window.reload_sidebar()
    model = window.sidebar_model
    qtbot.waitUntil(lambda: model.index_for_key(("folder", "Region")).isValid())
    news = _news(service)
    mime = model.mimeData([model.index_for_key(("feed", news))])
    folder = model.index_for_key(("folder", "Region"))
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, folder)
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, folder)
    qtbot.waitUntil(
        lambda: (
            model.index_for_key(("feed", news)).parent()
            == model.index_for_key(("folder", "Region"))
        )
    )
    assert service.feed(news).folder == "Region"
    # And back out, onto the Feeds header.
    mime = model.mimeData([model.index_for_key(("feed", news))])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index_for_key(FEEDS))
    qtbot.waitUntil(lambda: service.feed(news).folder is None)
    bad = QMimeData()
    bad.setData("text/plain", b"x")
    assert not model.canDropMimeData(bad, Qt.DropAction.MoveAction, -1, -1, folder)
    assert FEED_MIME in model.mimeTypes()


def test_feed_properties_rename_and_refile_a_feed(qtbot, window, service):
    news = _news(service)
    dialog = window.subscriptions.properties(news)
    dialog.title.setText("My News")
    dialog.folder.setCurrentText("Daily")
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    qtbot.waitUntil(lambda: window.sidebar_model.index_for_key(("feed", news)).data() == "My News")
    assert service.feed(news).folder == "Daily"
    assert window.sidebar_model.index_for_key(("feed", news)).parent().data() == "Daily"

    dialog = window.subscriptions.properties(news)
    dialog.url.setText("not a url at all")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.isVisible()
    dialog.reject()


def test_opml_export_then_import_with_a_summary(qtbot, window, service, server, tmp_path):
    path = tmp_path / "subs.opml"
    window.subscriptions.export_opml(str(path))
    qtbot.waitUntil(lambda: path.exists() and "news.xml" in path.read_text())
    opml = tmp_path / "more.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
        f'<outline type="rss" text="Tech" xmlUrl="{server.url("tech.xml")}"/>'
        f'<outline type="rss" text="News" xmlUrl="{server.url("news.xml")}"/>'
        "</body></opml>"
    )
    with qtbot.waitSignal(window.refresher.finished, timeout=15_000):
        window.subscriptions.import_opml(str(opml))
        box = _modal(qtbot, QMessageBox)
        assert box.text().startswith("Imported 1 feed; skipped 1.")
        assert "already subscribed" in box.detailedText()
    qtbot.waitUntil(lambda: any(f.title == "Tech Notes" for f in window.sidebar_model.feeds))
    box.close()


def test_mark_all_read_for_the_current_view(qtbot, window, service):
    window.show_key(("category", "Syria"))
    qtbot.waitUntil(lambda: window.articles.ids == service.article_ids(Query(category="Syria")))
    window.act.mark_all_read.trigger()
    qtbot.waitUntil(lambda: not service.article_ids(Query(category="Syria", unread=True)))
    assert service.article_ids(Query(unread=True))  # other views untouched
    qtbot.waitUntil(
        lambda: all(
            not window.articles.index(r, 0).data(Qt.ItemDataRole.FontRole)
            for r in range(window.articles.rowCount())
        )
    )


def test_space_goes_to_the_next_unread_article(qtbot, window, service):
    window.select_row(0)
    first = window.articles.id_at(0)
    qtbot.waitUntil(lambda: window.pane.article_id == first)
    service.set_read([window.articles.id_at(1)], True)
    window.articles.refresh_rows()
    window.act.next_unread.trigger()  # a short article: no scrolling, straight to the next
    qtbot.waitUntil(lambda: window.pane.article_id == window.articles.id_at(2))


def test_empty_data_dir_shows_the_welcome_page(qtbot, tmp_path):
    service = Service(tmp_path / "empty")
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded)
    assert window.stack.currentWidget() is window.welcome
    qtbot.mouseClick(window.welcome.findChild(object, "welcome-add"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(AddFeedDialog) is not None)
    assert window.findChild(AddFeedDialog).isVisible()
    window.shutdown()
    service.close()


def test_welcome_page_offers_the_suggested_feeds_in_folders(qtbot, tmp_path, monkeypatch):
    service = Service(tmp_path / "empty")
    window = MainWindow(service)
    qtbot.addWidget(window)
    fetched: list[list[int]] = []
    monkeypatch.setattr(window, "refresh", lambda ids=None: fetched.append(list(ids or [])))
    window.show()
    qtbot.waitUntil(lambda: window.loaded)
    button = window.welcome.findChild(object, "welcome-suggested")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=10_000)
    window.findChild(QMessageBox).accept()
    feeds = service.feeds()
    assert len(feeds) >= 6
    assert {f.folder for f in feeds} >= {"World news", "أخبار", "Technology"}
    assert all(f.url.startswith("https://") for f in feeds)
    assert fetched and sorted(fetched[0]) == sorted(f.id for f in feeds)  # fetched at once
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.content)
    window.shutdown()
    service.close()


def test_feed_context_menu_refreshes_one_feed(qtbot, window, service):
    news = _news(service)
    menu = window_actions.sidebar_menu(window, ("feed", news))
    texts = [a.text() for a in menu.actions()]
    assert texts[:2] == ["Refresh this feed", "Mark all as read"]
    assert "Unsubscribe…" in texts
    with qtbot.waitSignal(window.refresher.finished, timeout=10_000) as finished:
        menu.actions()[0].trigger()
    menu.close()
    assert finished.args[0].total == 1


def test_window_remembers_its_splitters(qtbot, service):
    first = MainWindow(service)
    qtbot.addWidget(first)
    first.show()
    first.splitter.setSizes([280, sum(first.splitter.sizes()) - 280])
    assert first.splitter.sizes()[0] == 280
    first.close()  # saves state
    second = MainWindow(service)
    qtbot.addWidget(second)
    second.show()
    assert abs(second.splitter.sizes()[0] - 280) <= 2
    assert (service.data_dir / "window.ini").exists()
    second.shutdown()


def test_preferences_are_applied_and_stored(qtbot, window, service):
    window.act.preferences.trigger()
    dialog = _modal(qtbot, PreferencesDialog)
    dialog.mark_read.setChecked(False)
    dialog.minutes.setValue(0)
    dialog.accept()
    assert not window.prefs.mark_read_on_open
    qtbot.waitUntil(lambda: service.setting("mark_read_on_open") == "0")
    window.select_row(0)
    qtbot.waitUntil(lambda: window.pane.article_id == window.articles.id_at(0))
    assert not service.articles_by_ids([window.articles.id_at(0)])[0].read


def test_a_failed_feed_says_why_above_its_list_and_offers_the_fix(
    qtbot, window, service, feed_server
):  # type: ignore[no-untyped-def]
    gone = service.subscribe(feed_server.error("/gone.xml", 410))
    page = service.subscribe(feed_server.html_page("/site", "/feed.xml"))
    list(service.refresh_iter([gone, page], images=False))
    window.reload_sidebar()
    qtbot.waitUntil(lambda: {gone, page} <= {f.id for f in window.sidebar_model.feeds})
    bar = window.list_panel.problem

    window.show_key(("feed", gone))
    assert bar.isVisible() and "HTTP 410" in bar.text.text()
    assert bar.button.text() == "Unsubscribe…"
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None)
    window.findChild(QMessageBox).findChild(object, "confirm").click()
    qtbot.waitUntil(lambda: gone not in {f.id for f in service.feeds()})

    window.show_key(("feed", page))
    assert bar.isVisible() and "web page, not a feed" in bar.text.text()
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(AddFeedDialog) is not None)
    assert window.findChild(AddFeedDialog).url.text() == feed_server.url("/site")

    window.show_key(("feed", _news(service)))  # a healthy feed: no bar
    assert not bar.isVisible()
