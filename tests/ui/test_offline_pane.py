"""Offline reading in the window: images stored at refresh and shown from disk, a new favorite's
images fetched, the image cache in Preferences, full text per feed, and the status bar's
images phase with its Cancel. Everything is served by the local server on 127.0.0.1."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from ui_helpers import click_row, png

from reader.core.service import Service
from reader.ui.dialogs.preferences import PreferencesDialog, size_text
from reader.ui.mainwindow import MainWindow

IMAGE = QTextDocument.ResourceType.ImageResource.value

# Two articles with an image each; their pages (for "Download full article") are not served.
PICS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Harbour Photos</title>
    <link>{base}/</link>
    <description>Pictures of the harbour</description>
    <item>
      <title>Harbour at dawn</title>
      <link>{base}/pages/dawn.html</link>
      <guid>{base}/pages/dawn</guid>
      <pubDate>Sat, 05 Jul 2025 09:00:00 GMT</pubDate>
      <category>Photos</category>
      <description>&lt;p&gt;Boats leave early.&lt;/p&gt;&lt;p&gt;&lt;img src="{base}/pics/dawn.png"
        alt="Boats at dawn"&gt;&lt;/p&gt;</description>
    </item>
    <item>
      <title>Harbour at dusk</title>
      <link>{base}/pages/dusk.html</link>
      <guid>{base}/pages/dusk</guid>
      <pubDate>Sat, 05 Jul 2025 08:00:00 GMT</pubDate>
      <category>Photos</category>
      <description>&lt;p&gt;Boats come back.&lt;/p&gt;&lt;p&gt;&lt;img src="{base}/pics/dusk.png"
        alt="Boats at dusk"&gt;&lt;/p&gt;</description>
    </item>
  </channel>
</rss>
"""


@pytest.fixture
def pics(service: Service, server) -> int:  # type: ignore[no-untyped-def]
    """The photo feed, subscribed (its images are linked, not downloaded yet); its id."""
    server.files["pics/dawn.png"] = png(640, 360, (40, 90, 160))
    server.files["pics/dusk.png"] = png(320, 200, (200, 120, 40))
    server.files["pics.xml"] = PICS.format(base=server.base).encode()
    return service.add_feed(server.url("pics.xml")).id


@pytest.fixture
def win(qtbot, service: Service, pics: int) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.loaded and window.articles.rowCount() > 0)
    yield window
    window.shutdown()


def select(qtbot, window: MainWindow, title: str) -> int:  # type: ignore[no-untyped-def]
    model = window.articles
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == title)
    click_row(qtbot, window.table, model.index(row, 0))
    article_id = model.id_at(row)
    qtbot.waitUntil(lambda: window.pane.article_id == article_id)
    return article_id


def shown_images(window: MainWindow) -> list[str]:
    """The image sources of the pane's document (after a paint, so they are loaded)."""
    window.pane.grab()
    return re.findall(r'<img src="([^"]+)"', window.pane.toHtml())


def test_refresh_stores_images_and_the_shown_article_shows_them_offline(
    qtbot, server, service, win
):
    article_id = select(qtbot, win, "Harbour at dawn")
    assert "[Image: Boats at dawn]" in win.pane.toPlainText()  # not stored yet: a link
    phases: list[bool] = []
    win.refresher.offline.connect(phases.append)
    with qtbot.waitSignal(win.refresher.finished, timeout=20_000) as finished:
        win.refresh_all()
    assert not finished.args[0].cancelled
    assert phases == [True]
    assert "/pics/dawn.png" in server.requests
    # The pane shows the image without the article being selected again.
    qtbot.waitUntil(lambda: "[Image" not in win.pane.toPlainText())
    assert win.pane.article_id == article_id

    server.stop()  # the network is gone: read on the train
    select(qtbot, win, "Harbour at dusk")
    select(qtbot, win, "Harbour at dawn")
    stored = service.image_map(article_id)[server.url("pics/dawn.png")]
    assert stored.is_file()
    sources = shown_images(win)
    assert sources == [QUrl.fromLocalFile(str(stored)).toString()]
    assert sources[0].startswith("file://")
    image = win.pane.document().resource(IMAGE, QUrl(sources[0]))
    assert image is not None and image.width() > 0
    assert win.pane.blocked == []


def test_starring_downloads_the_missing_images_in_the_background(qtbot, server, service, win):
    threads: list[str] = []
    download = service.download_images

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        return download(*args, **kwargs)

    service.download_images = spy  # type: ignore[method-assign]
    article_id = select(qtbot, win, "Harbour at dusk")
    assert "[Image: Boats at dusk]" in win.pane.toPlainText()
    qtbot.keyClick(win.table, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: "/pics/dusk.png" in server.requests)
    qtbot.waitUntil(lambda: "[Image" not in win.pane.toPlainText())  # shown when it arrived
    assert service.articles_by_ids([article_id])[0].starred
    assert len(threads) == 1 and threads[0].startswith("reader-network")
    stored = service.image_map(article_id)[server.url("pics/dusk.png")]
    assert shown_images(win) == [QUrl.fromLocalFile(str(stored)).toString()]
    assert "/pics/dawn.png" not in server.requests  # only the new favorite's images


def test_preferences_clear_the_image_cache_and_keep_favorites_images(qtbot, server, service, win):
    dawn = select(qtbot, win, "Harbour at dawn")
    dusk = select(qtbot, win, "Harbour at dusk")
    service.download_images()  # both stored (the local server answers at once)
    service.set_starred([dawn])
    dawn_file = service.image_map(dawn)[server.url("pics/dawn.png")]
    dusk_file = service.image_map(dusk)[server.url("pics/dusk.png")]

    win.act.preferences.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PreferencesDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.download_images.isChecked()
    assert dialog.cache_mb.value() == 1024
    total = service.image_cache_bytes()
    qtbot.waitUntil(lambda: dialog.cache_size.text() == size_text(total))
    assert "favorites are kept" in dialog.clear_cache.toolTip()

    qtbot.mouseClick(dialog.clear_cache, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.cache_message.text().startswith("Removed"))
    assert dialog.cache_message.text() == "Removed 1 image file. Images of favorites are kept."
    assert dawn_file.is_file() and not dusk_file.exists()
    assert server.url("pics/dawn.png") in service.image_map(dawn)
    assert service.image_map(dusk) == {}
    qtbot.waitUntil(lambda: dialog.cache_size.text() == size_text(dawn_file.stat().st_size))
    assert dialog.clear_cache.isEnabled()

    dialog.cache_mb.setValue(256)
    dialog.download_images.setChecked(False)
    dialog.accept()
    qtbot.waitUntil(lambda: service.setting("image_cache_mb") == "256")
    assert service.setting("download_images") == "0"
    assert service.image_budget() == 256 * 1024 * 1024
    assert not win.prefs.download_images


def test_status_bar_shows_the_images_phase_and_cancel_stops_it(qtbot, server, service, win):
    server.image_delay = 30  # image downloads hang until cancelled
    status = win.refresh_status
    win.refresh_all()
    qtbot.waitUntil(lambda: status.label.text() == "Downloading images…", timeout=10_000)
    assert status.isVisible() and status.cancel_button.isVisible()
    assert status.bar.maximum() == 0  # busy: images are not counted ahead
    assert status.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: any(r.startswith("/pics/") for r in server.requests))
    with qtbot.waitSignal(win.refresher.finished, timeout=5_000) as finished:
        qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
    summary = finished.args[0]
    assert summary.cancelled and summary.offline and summary.done == 3
    assert "image downloads stopped" in win.statusBar().currentMessage()
    assert not status.isVisible()
    assert service.image_cache_bytes() == 0


def test_a_failed_full_article_shows_why_above_the_summary(qtbot, server, service, pics, win):
    dialog = win.subscriptions.properties(pics)
    assert dialog is not None and not dialog.full_text.isChecked()
    dialog.full_text.setChecked(True)
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert service.full_text_enabled(pics)

    article_id = select(qtbot, win, "Harbour at dawn")
    assert "Full article" not in win.pane.toPlainText()
    with qtbot.waitSignal(win.refresher.finished, timeout=20_000):
        win.refresh_all()
    assert "/pages/dawn.html" in server.requests
    assert service.full_text_error(article_id)
    # The pane shows the note once the refresh is done, without reselecting.
    qtbot.waitUntil(lambda: "Full article could not be downloaded:" in win.pane.toPlainText())
    text = win.pane.toPlainText()
    assert "showing the feed's summary." in text
    assert "Boats leave early." in text

    dialog = win.subscriptions.properties(pics)
    assert dialog is not None and dialog.full_text.isChecked()
    dialog.full_text.setChecked(False)
    with qtbot.waitSignal(dialog.saved):
        dialog.accept()
    assert not service.full_text_enabled(pics)
    select(qtbot, win, "Harbour at dusk")
    select(qtbot, win, "Harbour at dawn")
    assert "Full article" not in win.pane.toPlainText()
