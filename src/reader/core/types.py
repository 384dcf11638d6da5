"""Frozen dataclasses that cross the seam between the engine and its clients (window, CLI).

Field names are a contract: the CLI's --json output is built from them with `asdict`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

# Spaces and invisible characters trimmed from category names (NBSP, zero-width, bidi marks).
TRIM = " \t\n\r\f\v\u00a0\u200b\u200c\u200d\u200e\u200f\u061c\u2060\ufeff"


def category_key(name: str) -> str:
    """The identity of a category: 'Syria', 'syria' and 'SYRIA' are one; works for Arabic too."""
    return unicodedata.normalize("NFC", name).strip(TRIM).casefold().strip()


@dataclass(frozen=True, slots=True)
class Folder:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Feed:
    id: int
    url: str
    title: str
    folder: str | None
    unread: int
    total: int
    error: str | None
    site_url: str | None = None


@dataclass(frozen=True, slots=True)
class Enclosure:
    url: str
    type: str | None
    length: int | None


@dataclass(frozen=True, slots=True)
class Article:
    """One row of the article list."""

    id: int
    feed_id: int | None
    feed_title: str
    title: str
    link: str | None
    author: str | None
    published: str | None  # ISO 8601 UTC, or None when the feed gave no date
    categories: tuple[str, ...]
    read: bool
    starred: bool


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    """Everything the reading pane shows for one article."""

    id: int
    feed_id: int | None
    feed_title: str
    title: str
    link: str | None
    author: str | None
    published: str | None
    categories: tuple[str, ...]
    read: bool
    starred: bool
    content_html: str
    summary: str
    enclosures: tuple[Enclosure, ...]
    direction: str  # "ltr" or "rtl"
    source: str
    comments: str | None


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    articles: int
    unread: int


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """The outcome of refreshing one feed; one is reported per feed as soon as it is done."""

    feed_id: int
    url: str
    status: str  # "updated", "not_modified" or "error"
    new: int = 0
    updated: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class ImportReport:
    imported: int
    skipped: int
    reasons: tuple[str, ...] = field(default=())
    feed_ids: tuple[int, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Query:
    """A filter over the article list; every field narrows it, None means no filter."""

    feed_id: int | None = None
    folder: str | None = None
    category: str | None = None
    starred: bool = False
    unread: bool = False
    search: str | None = None

    @property
    def searches_everything(self) -> bool:
        """A search and nothing else: the whole store, where a common word matches most."""
        return bool(self.search) and self == Query(search=self.search)
