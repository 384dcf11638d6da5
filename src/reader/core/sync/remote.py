"""What the sync engine needs from a server, whatever protocol it speaks.

Every protocol client (ttrss.py, greader.py) implements `Remote`; the engine (engine.py) only talks
to this interface, so the merge rules are written and tested once. Remote ids are strings because
the protocols disagree (tt-rss uses integers, the Google Reader API long hex or tag ids).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol


class SyncError(Exception):
    """One clear sentence for the user: wrong password, dead server, not an API, ..."""


class AuthError(SyncError):
    """The server refused the user name or password (log in again will not help)."""


@dataclass(frozen=True, slots=True)
class RemoteFolder:
    id: str
    title: str


@dataclass(frozen=True, slots=True)
class RemoteFeed:
    id: str
    url: str
    title: str
    folder_id: str | None  # None: not in a folder
    site_url: str | None = None


@dataclass(frozen=True, slots=True)
class RemoteArticle:
    id: str
    feed_id: str
    guid: str | None
    link: str | None
    title: str
    author: str | None
    content_html: str  # as the server gives it; the engine sanitizes before storing
    published: int | None  # epoch seconds
    updated: int | None
    categories: tuple[str, ...] = field(default=())
    unread: bool = True
    starred: bool = False


class Remote(Protocol):
    """One logged-in account on a server; methods raise SyncError (or AuthError), said clearly."""

    def login(self) -> None: ...

    def folders(self) -> list[RemoteFolder]: ...

    def feeds(self) -> list[RemoteFeed]: ...

    def articles_since(self, since: str | None) -> Iterator[tuple[list[RemoteArticle], str]]:
        """Pages of articles newer than the `since` marker, each with the marker to store after it.

        `since=None` means the first sync. Pages are bounded (e.g. 200), so memory stays flat.
        """
        ...

    def articles_by_ids(self, ids: Sequence[str]) -> list[RemoteArticle]:
        """Full articles (content included), e.g. for starred ones older than the `since` window."""
        ...

    def unread_ids(self) -> set[str]: ...

    def starred_ids(self) -> set[str]: ...

    def set_read(self, ids: Sequence[str], read: bool) -> None: ...

    def set_starred(self, ids: Sequence[str], starred: bool) -> None: ...

    def subscribe(self, url: str, folder_id: str | None) -> str:
        """Subscribe and return the new remote feed id."""
        ...

    def unsubscribe(self, feed_id: str) -> None: ...
