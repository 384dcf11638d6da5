"""The sync engine's rules, against an in-memory server (tests/sync/fakes.py)."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeServer

from reader.core.service import Service
from reader.core.storage import db
from reader.core.storage import feeds as feed_store
from reader.core.sync import engine, secrets
from reader.core.sync.remote import SyncError
from reader.core.types import Query

URL = "https://rss.example.com/tt-rss/"


@pytest.fixture(autouse=True)
def _password_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_SECRETS", "file")  # never the developer's real keyring


@pytest.fixture
def server() -> FakeServer:
    s = FakeServer(page_size=10)
    tech = s.add_folder("Tech")
    s.add_folder("Empty")
    news = s.add_feed("https://news.example.com/feed.xml", "News")
    code = s.add_feed("https://code.example.com/atom.xml", "Code", tech)
    s.add_article(news, "Hello", categories=("World", "Politics"))
    s.add_article(
        news, "Scripted", content='<p>Safe text</p><script>alert("x")</script>', unread=False
    )
    s.add_article(code, "Python 4", categories=("Python",), starred=True)
    return s


def factory(server: FakeServer) -> engine.Factory:
    return lambda kind, url, user, password: server.remote(user, password)


@pytest.fixture
def account(service: Service, server: FakeServer) -> engine.Account:
    return engine.add_account(service, "ttrss", URL, "ann", "secret", factory=factory(server))


def run(service: Service, server: FakeServer, account: engine.Account, **kw: Any) -> Any:
    return engine.sync(service, account.id, factory=factory(server), **kw)


def by_title(service: Service) -> dict[str, Any]:
    return {a.title: a for a in service.articles(limit=None)}


def snapshot(service: Service) -> tuple[object, ...]:
    conn = service.conn
    return (
        [tuple(r) for r in conn.execute("SELECT * FROM feeds ORDER BY id")],
        [tuple(r) for r in conn.execute("SELECT id, read, starred FROM articles ORDER BY id")],
        [tuple(r) for r in conn.execute("SELECT * FROM sync_pending ORDER BY 1, 2, 3")],
        [tuple(r) for r in conn.execute("SELECT marker FROM accounts")],
    )


def test_first_sync_brings_folders_feeds_articles_and_state(
    service: Service, server: FakeServer, account: engine.Account
) -> None:
    report = run(service, server, account)
    assert report.errors == []
    assert report.to_dict() == {
        "pulled": {"feeds": 2, "articles": 3, "read": 0, "starred": 0},
        "pushed": {"read": 0, "starred": 0, "subscribed": 0, "unsubscribed": 0},
        "errors": [],
    }
    feeds = {f.title: f for f in service.feeds()}
    assert feeds["Code"].folder == "Tech" and feeds["News"].folder is None
    assert {f.name for f in service.folders()} == {"Tech", "Empty"}
    articles = by_title(service)
    assert articles["Hello"].read is False and articles["Scripted"].read is True
    assert articles["Python 4"].starred is True
    # Sanitized like a refresh, categories drive the filter, the search index knows the text.
    detail = service.article(articles["Scripted"].id)
    assert "Safe text" in detail.content_html and "script" not in detail.content_html
    assert [a.title for a in service.articles(Query(category="politics"))] == ["Hello"]
    assert [a.title for a in service.articles(Query(search="safe"))] == ["Scripted"]
    assert service.articles(Query(folder="Tech"))[0].title == "Python 4"
    # The server fetches synced feeds: the normal refresh leaves them alone.
    assert feed_store.fetch_states(service.conn) == []
    assert service.refreshable_feed_ids() == []
    assert list(service.refresh_iter(images=False)) == []
    synced = engine.account(service, account.id)
    assert synced.synced is not None and synced.error is None and synced.marker == "3"


def test_incremental_sync_asks_only_for_what_is_new(
    service: Service, server: FakeServer, account: engine.Account
) -> None:
    run(service, server, account)
    news = next(i for i, f in server.feeds.items() if f.title == "News")
    server.add_article(news, "Later")
    server.calls.clear()
    report = run(service, server, account)
    assert ("articles_since", "3") in server.calls
    assert report.pulled.articles == 1 and report.pulled.feeds == 0
    assert len(service.articles(limit=None)) == 4
    assert run(service, server, account).pulled.articles == 0  # nothing twice


def test_changes_made_while_the_server_is_down_are_pushed_later(
    service: Service, server: FakeServer, account: engine.Account
) -> None:
    run(service, server, account)
    articles = by_title(service)
    code_id = next(f.id for f in service.feeds() if f.title == "Code")
    server.down = True
    service.set_read([articles["Hello"].id])
    service.set_starred([articles["Hello"].id])
    service.set_starred([articles["Python 4"].id], False)
    service.set_read([articles["Scripted"].id], False)
    service.remove_feed(code_id)
    before = snapshot(service)
    report = run(service, server, account)
    assert report.errors == ["Cannot reach the server (connection refused)."]
    assert snapshot(service) == before  # nothing lost, nothing half-done
    assert engine.account(service, account.id).error == report.errors[0]
    assert engine.pending_changes(service, account.id) == 5

    server.down = False
    report = run(service, server, account)
    assert report.errors == []
    assert report.to_dict()["pushed"] == {
        "read": 2,
        "starred": 2,
        "subscribed": 0,
        "unsubscribed": 1,
    }
    hello, scripted, _python = (
        next(i for i, a in server.articles.items() if a.title == t)
        for t in ("Hello", "Scripted", "Python 4")
    )
    assert hello not in server.unread and scripted in server.unread
    assert server.starred == {hello}
    assert "Code" not in {f.title for f in server.feeds.values()}
    assert engine.pending_changes(service, account.id) == 0
    # The server now agrees, so the pull changed nothing back.
    assert report.pulled.read == report.pulled.starred == 0
    articles = by_title(service)
    assert articles["Hello"].read and articles["Hello"].starred
    assert not articles["Scripted"].read
    assert engine.account(service, account.id).error is None


def test_conflict_a_queued_local_change_wins(
    service: Service, server: FakeServer, account: engine.Account
) -> None:
    run(service, server, account)
    hello = by_title(service)["Hello"]
    hello_remote = next(i for i, a in server.articles.items() if a.title == "Hello")
    # Both sides changed: the server starred it, the user starred then un-starred it offline.
    server.starred.add(hello_remote)
    service.set_starred([hello.id], True)
    service.set_starred([hello.id], False)
    run(service, server, account)
    assert by_title(service)["Hello"].starred is False
    assert hello_remote not in server.starred

    # A change made while the sync runs (after the push) is still queued at the pull: it wins
    # over the server's state, and the next sync pushes it.
    news = next(i for i, f in server.feeds.items() if f.title == "News")
    server.add_article(news, "Mid")
    server.on_page = lambda n: service.set_read([hello.id], True)
    run(service, server, account)
    server.on_page = None
    assert by_title(service)["Hello"].read is True
    assert hello_remote in server.unread
    assert engine.pending_changes(service, account.id) == 1
    run(service, server, account)
    assert hello_remote not in server.unread
    assert engine.pending_changes(service, account.id) == 0


def test_conflict_otherwise_the_server_wins(
    service: Service, server: FakeServer, account: engine.Account
) -> None:
    run(service, server, account)
    ids = {a.title: i for i, a in server.articles.items()}
    server.unread.add(ids["Scripted"])
    server.unread.discard(ids["Hello"])
    server.starred.add(ids["Hello"])
    server.starred.discard(ids["Python 4"])
    report = run(service, server, account)
    assert report.pulled.read == 2 and report.pulled.starred == 2
    articles = by_title(service)
    assert not articles["Scripted"].read and articles["Hello"].read
    assert articles["Hello"].starred and not articles["Python 4"].starred
    assert report.pushed.read == report.pushed.starred == 0


def test_feed_unsubscribed_on_the_server_keeps_its_favorites(
    service: Service, server: FakeServer, account: engine.Account
) -> None:
    run(service, server, account)
    code = next(i for i, f in server.feeds.items() if f.title == "Code")
    server.add_article(code, "Plain")
    run(service, server, account)
    del server.feeds[code]
    report = run(service, server, account)
    assert report.pulled.feeds == 1
    assert "Code" not in {f.title for f in service.feeds()}
    left = by_title(service)
    assert "Plain" not in left
    favorite = service.article(left["Python 4"].id)
    assert favorite.starred and favorite.source == "Code" and "Body" in favorite.content_html
    # Still synced: un-starring it locally reaches the server.
    service.set_starred([favorite.id], False)
    run(service, server, account)
    assert server.starred == set()
    assert "Python 4" in by_title(service)  # un-starred, never deleted by sync


def test_starred_articles_not_stored_yet_arrive_complete(
    service: Service, server: FakeServer, account: engine.Account
) -> None:
    old = server.add_feed("https://old.example.com/rss", "Old")
    kept = server.add_article(
        old, "Old favorite", content="<p>Keep <b>me</b></p>", starred=True, categories=("Art",)
    )
    del server.feeds[old]  # the user left the feed on the server; the favorite stayed
    report = run(service, server, account)
    assert ("articles_by_ids", (kept,)) in server.calls
    favorite = service.article(by_title(service)["Old favorite"].id)
    assert favorite.starred and "<b>me</b>" in favorite.content_html
    assert favorite.categories == ("Art",) and favorite.feed_id is None
    assert report.pulled.articles == 4


def test_an_interrupted_sync_resumes_where_it_stopped(
    service: Service, server: FakeServer, account: engine.Account
) -> None:
    news = next(i for i, f in server.feeds.items() if f.title == "News")
    for n in range(32):
        server.add_article(news, f"Item {n}")
    server.fail_after_pages = 2
    report = run(service, server, account)
    assert report.errors == ["The server stopped answering."]
    assert len(service.articles(limit=None)) == 20  # two pages of ten, each stored
    assert engine.account(service, account.id).marker == "20"
    server.fail_after_pages = None
    server.calls.clear()
    report = run(service, server, account)
    assert ("articles_since", "20") in server.calls
    assert report.errors == [] and report.pulled.articles == 15
    assert len(service.articles(limit=None)) == 35
    assert len({a.title for a in service.articles(limit=None)}) == 35


def test_cancel_stops_between_pages_and_resumes(
    service: Service, server: FakeServer, account: engine.Account
) -> None:
    import threading

    news = next(i for i, f in server.feeds.items() if f.title == "News")
    for n in range(40):
        server.add_article(news, f"Item {n}")
    cancel = threading.Event()
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, message: str) -> None:
        seen.append((done, total, message))
        if "10 stored" in message.replace(",", ""):
            cancel.set()

    report = run(service, server, account, progress=progress, cancel=cancel)
    assert report.cancelled and len(service.articles(limit=None)) == 10
    assert all(total == 5 for _, total, _ in seen)
    report = run(service, server, account)
    assert report.errors == [] and len(service.articles(limit=None)) == 43


def test_pages_are_stored_as_they_arrive(
    service: Service, server: FakeServer, account: engine.Account
) -> None:
    """Bounded memory: page n is asked for only once every earlier page is in the database."""
    news = next(i for i, f in server.feeds.items() if f.title == "News")
    for n in range(97):
        server.add_article(news, f"Item {n}")
    stored: list[int] = []

    def check(page: int) -> None:
        count = Service.counts(service)["all"]
        stored.append(count)
        assert count == page * server.page_size

    server.on_page = check
    assert run(service, server, account).errors == []
    assert len(stored) == 10 and len(service.articles(limit=None)) == 100


@pytest.mark.parametrize("where", ["login", "feeds", "unread_ids"])
def test_a_server_failure_changes_nothing_locally(
    service: Service,
    server: FakeServer,
    account: engine.Account,
    monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    run(service, server, account)
    ids = {a.title: i for i, a in server.articles.items()}
    server.unread.clear()
    server.starred.add(ids["Hello"])
    from fakes import FakeRemote

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise SyncError("The server answered with an HTML page, not the API.")

    monkeypatch.setattr(FakeRemote, where, broken)
    before = snapshot(service)
    report = run(service, server, account)
    assert report.errors == ["The server answered with an HTML page, not the API."]
    assert snapshot(service) == before


def test_wrong_password_and_dead_server_store_no_account(
    service: Service, server: FakeServer
) -> None:
    from reader.core.sync.remote import AuthError

    with pytest.raises(AuthError):
        engine.add_account(service, "ttrss", URL, "ann", "wrong", factory=factory(server))
    server.down = True
    with pytest.raises(SyncError):
        engine.add_account(service, "ttrss", URL, "ann", "secret", factory=factory(server))
    assert engine.accounts(service) == []
    assert not (service.data_dir / secrets.FILE_NAME).exists()


def test_password_file_is_private_and_account_removal_keeps_feeds(
    service: Service, server: FakeServer, account: engine.Account
) -> None:
    assert account.secret == "file"
    path = service.data_dir / secrets.FILE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "secret" in path.read_text()
    run(service, server, account)
    engine.remove_account(service, account.id)
    assert engine.accounts(service) == []
    assert "secret" not in path.read_text()
    assert {f.title for f in service.feeds()} == {"News", "Code"}  # now plain local feeds
    assert len(feed_store.fetch_states(service.conn)) == 2
    with pytest.raises(engine.InvalidURLError):
        engine.add_account(service, "other", URL, "ann", "x", factory=factory(server))


def test_keyring_is_used_where_one_works(
    service: Service, server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            del self.store[(service, username)]

    monkeypatch.delenv("READER_SECRETS")
    previous = keyring.get_keyring()
    memory = Memory()
    keyring.set_keyring(memory)
    try:
        added = engine.add_account(service, "ttrss", URL, "ann", "secret", factory=factory(server))
        assert added.secret == "keyring" and list(memory.store.values()) == ["secret"]
        assert not (service.data_dir / secrets.FILE_NAME).exists()
        assert run(service, server, added).errors == []
        engine.remove_account(service, added.id)
        assert memory.store == {}
    finally:
        keyring.set_keyring(previous)


def test_a_local_subscribe_is_pushed_into_its_server_folder(
    service: Service, server: FakeServer, account: engine.Account
) -> None:
    run(service, server, account)
    feed_id = service.subscribe(
        "https://new.example.com/feed", folder="Tech", account_id=account.id
    )
    assert feed_store.fetch_states(service.conn) == []  # the server will fetch it
    report = run(service, server, account)
    assert report.pushed.subscribed == 1 and report.errors == []
    tech = next(i for i, t in server.folders.items() if t == "Tech")
    assert ("subscribe", "https://new.example.com/feed", tech) in server.calls
    assert service.feed(feed_id).folder == "Tech"
    assert len(service.feeds()) == 3  # not a second copy when the server lists it back
    # Unsubscribing before the first sync just forgets the queued subscribe.
    other = service.subscribe("https://gone.example.com/feed", account_id=account.id)
    service.remove_feed(other)
    assert engine.pending_changes(service, account.id) == 0


def test_a_version_3_database_migrates_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "reader.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for step in range(3):
        db.MIGRATIONS[step](conn)
    conn.execute("INSERT INTO feeds(url, title, added) VALUES ('https://a.example/f', 'A', 1)")
    conn.execute(
        "INSERT INTO articles(feed_id, key, title, sort_time, added, hash, starred) "
        "VALUES (1, 'k', 'Kept', 1, 1, 'h', 1)"
    )
    conn.execute("PRAGMA user_version = 3")
    conn.execute(f"PRAGMA application_id = {db.APPLICATION_ID}")
    conn.execute("COMMIT")
    conn.close()
    migrated = db.connect(path)
    try:
        assert migrated.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION == 6
        assert migrated.execute("SELECT title, starred FROM articles").fetchall() == [("Kept", 1)]
        assert migrated.execute("SELECT url FROM feeds").fetchall() == [("https://a.example/f",)]
        assert migrated.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 0
        assert feed_store.fetch_states(migrated)[0].url == "https://a.example/f"
    finally:
        migrated.close()


def test_a_feed_new_on_the_server_during_the_sync_loses_no_articles(
    service: Service, server: FakeServer, account: engine.Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fakes import FakeRemote

    late = server.add_feed("https://late.example.com/feed", "Late")
    server.add_article(late, "Late news")
    listed = FakeRemote.feeds
    calls: list[int] = []

    def feeds_without_late(self: FakeRemote) -> list[Any]:
        calls.append(1)
        found = listed(self)
        return [f for f in found if f.id != late] if len(calls) == 1 else found

    monkeypatch.setattr(FakeRemote, "feeds", feeds_without_late)
    report = run(service, server, account)
    assert report.errors == [] and len(calls) == 2
    assert "Late news" in by_title(service)
    assert "Late" in {f.title for f in service.feeds()}


def test_a_feed_unsubscribed_here_is_not_brought_back_while_its_push_fails(
    service: Service, server: FakeServer, account: engine.Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fakes import FakeRemote

    run(service, server, account)
    news = next(f.id for f in service.feeds() if f.title == "News")
    service.remove_feed(news)

    def refuse(self: FakeRemote, feed_id: str) -> None:
        raise SyncError("The server refused to unsubscribe.")

    monkeypatch.setattr(FakeRemote, "unsubscribe", refuse)
    report = run(service, server, account)
    assert report.errors == ["Could not unsubscribe feed 1000: The server refused to unsubscribe."]
    assert "News" not in {f.title for f in service.feeds()}
    assert engine.pending_changes(service, account.id) == 1
    monkeypatch.undo()
    monkeypatch.setenv("READER_SECRETS", "file")
    report = run(service, server, account)
    assert report.errors == [] and report.pushed.unsubscribed == 1
    assert "News" not in {f.title for f in server.feeds.values()}


def test_favorites_from_the_server_keep_their_images_offline(
    service: Service, server: FakeServer, account: engine.Account, feed_server: Any
) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    feed_server.add("/pic.png", png, content_type="image/png")
    feed_server.add("/other.png", png, content_type="image/png")
    news = next(i for i, f in server.feeds.items() if f.title == "News")
    picture = feed_server.url("/pic.png")
    server.add_article(news, "Pictured", content=f'<p><img src="{picture}"></p>', starred=True)
    server.add_article(
        news, "Not a favorite", content=f'<img src="{feed_server.url("/other.png")}">'
    )
    run(service, server, account)
    articles = by_title(service)
    stored = service.image_map(articles["Pictured"].id)
    assert stored[picture].read_bytes() == png
    assert service.image_map(articles["Not a favorite"].id) == {}  # only favorites, at sync


def test_a_lost_password_or_a_client_bug_is_one_clear_error(
    service: Service,
    server: FakeServer,
    account: engine.Account,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    (service.data_dir / secrets.FILE_NAME).unlink()
    report = engine.sync(service, account.id, factory=factory(server))
    assert report.errors == [
        f"The password of ann at {URL} is not in {service.data_dir / secrets.FILE_NAME}"
        " (readable only by you); remove the account and add it again."
    ]
    from fakes import FakeRemote

    def buggy(self: FakeRemote) -> None:
        raise KeyError("content")

    monkeypatch.setattr(FakeRemote, "folders", buggy)
    report = run(service, server, account, remote=server.remote())
    assert report.errors == ["Unexpected error while syncing (KeyError); details are in the log."]
    assert "KeyError" in caplog.text
