"""What the sidebar lists: entry keys, the data loaded for it, the tree's nodes.

Every sidebar entry has a stable key (a tuple): ("all",), ("unread",), ("starred",),
("feed", id), ("folder", name), ("category", name) and two section headers. `query_for(key)`
turns a key into the engine's Query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reader.core.types import Category, Feed, Folder, Query

Key = tuple[Any, ...]
FEED_MIME = "application/x-reader-feed-ids"

ALL: Key = ("all",)
UNREAD: Key = ("unread",)
STARRED: Key = ("starred",)
FEEDS: Key = ("section", "feeds")
CATEGORIES: Key = ("section", "categories")


@dataclass(frozen=True, slots=True)
class SidebarData:
    """Everything the sidebar shows, loaded in one background task."""

    counts: dict[str, int]
    feeds: list[Feed]
    folders: list[Folder]
    categories: list[Category]


@dataclass(eq=False)
class Node:
    key: Key
    label: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0
    unread: int = 0
    total: int = 0
    error: str | None = None
    tooltip: str = ""

    def adopt(self, children: list[Node]) -> None:
        self.children = children
        for row, child in enumerate(children):
            child.parent = self
            child.row = row

    def renumber(self) -> None:
        for row, child in enumerate(self.children):
            child.row = row


def runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers -> (first, last) runs of consecutive rows."""
    found: list[tuple[int, int]] = []
    for row in sorted(rows):
        if found and found[-1][1] == row - 1:
            found[-1] = (found[-1][0], row)
        else:
            found.append((row, row))
    return found


def digits(number: int) -> int:
    """Characters of a count as shown: its digits and a group separator every three."""
    length = len(str(number))
    return length + (length - 1) // 3


def query_for(key: Key) -> Query | None:
    """The article filter for a sidebar entry; None for section headers."""
    kind = key[0]
    if kind == "all":
        return Query()
    if kind == "unread":
        return Query(unread=True)
    if kind == "starred":
        return Query(starred=True)
    if kind == "feed":
        return Query(feed_id=key[1])
    if kind == "folder":
        return Query(folder=key[1])
    if kind == "category":
        return Query(category=key[1])
    if kind == "within":  # ("within", "starred" | "unread", category): a smart view narrowed
        return Query(starred=key[1] == "starred", unread=key[1] == "unread", category=key[2])
    return None
