"""The Accounts dialog and "Sync now", against the in-memory server of tests/sync/fakes.py."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from reader.core.sync import engine
from reader.core.types import Query
from reader.ui.dialogs.account_dialogs import AccountsDialog, AddAccountDialog
from reader.ui.dialogs.addfeed import AddFeedDialog
from sync.fakes import FakeRemote, FakeServer, served


@pytest.fixture
def remote_server(monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    return served(monkeypatch, "pw", "Synced", ("From the server", "Starred there"))


def _menu_texts(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text() for top in window.menuBar().actions() for a in top.menu().actions()]


def test_add_test_sync_and_remove_an_account(qtbot, window, service, remote_server):  # type: ignore[no-untyped-def]
    assert {"&Accounts…", "&Sync now"} <= set(_menu_texts(window))
    dialog: AccountsDialog = window.open_accounts()
    assert dialog.list.count() == 0 and not dialog.sync_button.isEnabled()

    add: AddAccountDialog = dialog.add_account()
    add.url.setText("https://rss.example.com/")
    add.user.setText("ann")
    add.password.setText("wrong")
    qtbot.mouseClick(add.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused" in add.status.text())
    add.password.setText("pw")
    qtbot.mouseClick(add.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: add.status.text() == "The connection works.")
    assert engine.accounts(service) == []  # testing stores nothing
    add.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    assert "ann — https://rss.example.com/" in dialog.list.item(0).text()
    assert "never synced" in dialog.list.item(0).text()

    with qtbot.waitSignal(window.syncer.finished, timeout=10_000) as finished:
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert report.errors == [] and report.pulled.articles == 2
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Synced: 2 new articles"))
    qtbot.waitUntil(lambda: "synced just now" in dialog.list.item(0).text())
    qtbot.waitUntil(lambda: "Synced" in window.folders)  # the sidebar was reloaded
    assert [a.title for a in service.articles(Query(starred=True))] == ["Starred there"]
    assert window.statusBar().currentMessage().startswith("Synced")

    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 0)
    assert engine.accounts(service) == []
    assert "Code" in {f.title for f in service.feeds()}  # kept as a local feed


def test_sync_failure_is_shown_and_the_window_keeps_working(qtbot, window, service, remote_server):  # type: ignore[no-untyped-def]
    engine.add_account(service, "ttrss", "https://rss.example.com/", "ann", "pw")
    remote_server.down = True
    with qtbot.waitSignal(window.syncer.finished, timeout=10_000):
        window.syncer.start()
    qtbot.waitUntil(lambda: "Cannot reach the server" in window.statusBar().currentMessage())
    assert not window.syncer.running
    assert "Code" not in {f.title for f in service.feeds()}


def test_closing_the_dialogs_while_they_wait_is_harmless(  # type: ignore[no-untyped-def]
    qtbot, window, service, remote_server, monkeypatch
):
    engine.add_account(service, "ttrss", "https://rss.example.com/", "ann", "pw")
    dialog = window.open_accounts()
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    add = dialog.add_account()
    add.url.setText("https://other.example.com/")
    add.user.setText("bob")
    add.password.setText("pw")
    answer = threading.Event()
    login = FakeRemote.login

    def slow_login(self: FakeRemote) -> None:
        answer.wait(10)
        login(self)

    monkeypatch.setattr(FakeRemote, "login", slow_login)
    add.test_connection()
    gone: list[bool] = []
    add.destroyed.connect(lambda: gone.append(True))
    add.reject()
    qtbot.waitUntil(lambda: bool(gone))
    answer.set()  # the answer now comes back to a dialog that is gone
    with qtbot.waitSignal(window.syncer.finished, timeout=10_000):
        qtbot.mouseClick(dialog.sync_button, Qt.MouseButton.LeftButton)
        dialog.reject()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Synced"))
    assert "Code" in {f.title for f in service.feeds()}


def test_refresh_all_also_syncs_accounts_and_is_silent_without_any(  # type: ignore[no-untyped-def]
    qtbot, window, service, remote_server
):
    started: list[bool] = []
    window.syncer.started.connect(lambda: started.append(True))
    window.refresh_all()
    qtbot.waitUntil(lambda: not window.syncer.running and not window.refresher.running)
    assert started == [] and not window.statusBar().currentMessage().startswith("Sync")

    engine.add_account(service, "ttrss", "https://rss.example.com/", "ann", "pw")
    with qtbot.waitSignal(window.syncer.finished, timeout=10_000):
        window.refresh_all()
    assert started == [True]
    assert "From the server" in {a.title for a in service.articles(limit=None)}
    qtbot.waitUntil(lambda: not window.refresher.running)


def test_accounts_open_from_preferences(qtbot, window):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    from reader.ui import actions as window_actions

    window_actions.open_preferences(window)
    qtbot.waitUntil(lambda: window.findChild(QPushButton, "open-accounts") is not None)
    button = window.findChild(QPushButton, "open-accounts")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(getattr(window, "accounts_dialog", None), AccountsDialog))
    assert window.accounts_dialog.isVisible()


def test_add_a_feed_through_a_sync_account(qtbot, window, service, remote_server, server):  # type: ignore[no-untyped-def]
    """With an account, the Add-feed dialog offers it: the feed is subscribed on the server at
    the sync that starts at once, and its articles come from the server, not from this
    computer's fetch."""
    account = engine.add_account(service, "ttrss", "https://rss.example.com/", "ann", "pw")
    dialog: AddFeedDialog = window.subscriptions.add_feed(server.url("tech.xml"))
    assert dialog.account.isVisibleTo(dialog)
    assert [dialog.account.itemText(i) for i in range(dialog.account.count())] == [
        "This computer",
        "ann — https://rss.example.com/",
    ]
    dialog.account.setCurrentIndex(1)
    said: list[str] = []  # connected after the window's own slot: what it showed
    dialog.queued.connect(lambda *_args: said.append(window.statusBar().currentMessage()))
    with qtbot.waitSignal(window.syncer.finished, timeout=10_000) as synced:
        dialog.accept()
    assert said == [
        f"Subscribed to {server.url('tech.xml')} through https://rss.example.com/; "
        "its articles arrive with the sync."
    ]
    assert synced.args[0].errors == []
    assert ("subscribe", server.url("tech.xml"), None) in remote_server.calls
    assert any(f.url == server.url("tech.xml") for f in remote_server.feeds.values())
    feed = next(f for f in service.feeds() if f.url == server.url("tech.xml"))
    assert window.service.refreshable_feed_ids().count(feed.id) == 0  # the server fetches it
    assert engine.account(service, account.id).error is None


def test_without_accounts_the_add_feed_dialog_asks_no_account(qtbot, window, server):  # type: ignore[no-untyped-def]
    dialog: AddFeedDialog = window.subscriptions.add_feed(server.url("tech.xml"))
    assert not dialog.account.isVisibleTo(dialog)
    with qtbot.waitSignal(dialog.added, timeout=10_000) as added:
        dialog.accept()
    assert added.args[0].total > 0  # fetched and stored here
