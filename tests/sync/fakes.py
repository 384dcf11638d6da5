"""An in-memory server behind the `Remote` protocol, for testing the sync engine's rules.

`FakeServer` holds the server's state (folders, feeds, articles, unread and starred sets) and
can be stopped (`down = True`), made to fail after some pages (`fail_after_pages`), or to refuse
a password. `FakeServer.remote(user, password)` is what `engine.make_remote` returns in tests.
The real protocols are tested against a real tt-rss and a Google Reader API stub elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from reader.core.sync.remote import (
    AuthError,
    RemoteArticle,
    RemoteFeed,
    RemoteFolder,
    SyncError,
)


@dataclass
class FakeServer:
    password: str = "secret"
    page_size: int = 50
    folders: dict[str, str] = field(default_factory=dict)  # id -> title
    feeds: dict[str, RemoteFeed] = field(default_factory=dict)
    articles: dict[str, RemoteArticle] = field(default_factory=dict)  # by id, ids are numbers
    unread: set[str] = field(default_factory=set)
    starred: set[str] = field(default_factory=set)
    down: bool = False
    fail_after_pages: int | None = None  # raise SyncError when asked for page n + 1
    calls: list[tuple[object, ...]] = field(default_factory=list)
    pages_served: int = 0
    on_page: object = None  # callable(page number) run before a page is handed out
    _next: int = 1

    # --- building the server's state in a test ---

    def add_folder(self, title: str) -> str:
        folder_id = str(100 + len(self.folders))
        self.folders[folder_id] = title
        return folder_id

    def add_feed(self, url: str, title: str, folder_id: str | None = None) -> str:
        feed_id = str(1000 + len(self.feeds) + len(self.calls))
        while feed_id in self.feeds:
            feed_id = str(int(feed_id) + 1)
        self.feeds[feed_id] = RemoteFeed(feed_id, url, title, folder_id)
        return feed_id

    def add_article(
        self,
        feed_id: str,
        title: str,
        *,
        content: str = "<p>Body</p>",
        categories: tuple[str, ...] = (),
        unread: bool = True,
        starred: bool = False,
        guid: str | None = None,
    ) -> str:
        article_id = str(self._next)
        self._next += 1
        self.articles[article_id] = RemoteArticle(
            id=article_id,
            feed_id=feed_id,
            guid=guid or f"urn:fake:{article_id}",
            link=f"https://example.com/{feed_id}/{article_id}",
            title=title,
            author="Ann",
            content_html=content,
            published=1_700_000_000 + int(article_id),
            updated=None,
            categories=categories,
        )
        if unread:
            self.unread.add(article_id)
        if starred:
            self.starred.add(article_id)
        return article_id

    def remote(self, user: str = "ann", password: str = "secret") -> FakeRemote:
        return FakeRemote(self, user, password)


def served(monkeypatch, password: str, folder: str, titles: tuple[str, str]) -> FakeServer:  # type: ignore[no-untyped-def]
    """A server with one feed in `folder`: an unread article (category Python) and a starred,
    read one; every account the engine makes talks to it, and passwords go to a file."""
    from reader.core.sync import engine

    server = FakeServer(password=password)
    feed = server.add_feed("https://code.example.com/atom.xml", "Code", server.add_folder(folder))
    server.add_article(feed, titles[0], categories=("Python",))
    server.add_article(feed, titles[1], starred=True, unread=False)
    monkeypatch.setattr(engine, "make_remote", lambda kind, url, user, pw: server.remote(user, pw))
    monkeypatch.setenv("READER_SECRETS", "file")
    return server


class FakeRemote:
    def __init__(self, server: FakeServer, user: str, password: str) -> None:
        self.server, self.user, self.password = server, user, password

    def _call(self, *what: object) -> None:
        if self.server.down:
            raise SyncError("Cannot reach the server (connection refused).")
        self.server.calls.append(what)

    def login(self) -> None:
        self._call("login")
        if self.password != self.server.password:
            raise AuthError("The server refused the user name or password.")

    def folders(self) -> list[RemoteFolder]:
        self._call("folders")
        return [RemoteFolder(i, t) for i, t in self.server.folders.items()]

    def feeds(self) -> list[RemoteFeed]:
        self._call("feeds")
        return list(self.server.feeds.values())

    def _full(self, article: RemoteArticle) -> RemoteArticle:
        return replace(
            article,
            unread=article.id in self.server.unread,
            starred=article.id in self.server.starred,
        )

    def articles_since(self, since: str | None) -> Iterator[tuple[list[RemoteArticle], str]]:
        self._call("articles_since", since)
        after = int(since or 0)
        ids = sorted(
            (int(i) for i, a in self.server.articles.items() if a.feed_id in self.server.feeds),
        )
        ids = [i for i in ids if i > after]
        for start in range(0, len(ids), self.server.page_size):
            if (
                self.server.fail_after_pages is not None
                and self.server.pages_served >= self.server.fail_after_pages
            ):
                raise SyncError("The server stopped answering.")
            if self.server.down:
                raise SyncError("Cannot reach the server (connection refused).")
            if callable(self.server.on_page):
                self.server.on_page(self.server.pages_served)
            chunk = ids[start : start + self.server.page_size]
            self.server.pages_served += 1
            yield [self._full(self.server.articles[str(i)]) for i in chunk], str(chunk[-1])

    def articles_by_ids(self, ids: Sequence[str]) -> list[RemoteArticle]:
        self._call("articles_by_ids", tuple(ids))
        return [self._full(self.server.articles[i]) for i in ids if i in self.server.articles]

    def unread_ids(self) -> set[str]:
        self._call("unread_ids")
        return set(self.server.unread)

    def starred_ids(self) -> set[str]:
        self._call("starred_ids")
        return set(self.server.starred)

    def set_read(self, ids: Sequence[str], read: bool) -> None:
        self._call("set_read", tuple(ids), read)
        if read:
            self.server.unread.difference_update(ids)
        else:
            self.server.unread.update(ids)

    def set_starred(self, ids: Sequence[str], starred: bool) -> None:
        self._call("set_starred", tuple(ids), starred)
        if starred:
            self.server.starred.update(ids)
        else:
            self.server.starred.difference_update(ids)

    def subscribe(self, url: str, folder_id: str | None) -> str:
        self._call("subscribe", url, folder_id)
        for feed in self.server.feeds.values():
            if feed.url == url:
                return feed.id
        return self.server.add_feed(url, url, folder_id)

    def unsubscribe(self, feed_id: str) -> None:
        self._call("unsubscribe", feed_id)
        self.server.feeds.pop(feed_id, None)
