"""Feeds and folders in the database."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from reader.core.errors import NotFoundError
from reader.core.storage import search
from reader.core.storage.db import in_chunks
from reader.core.types import Feed, Folder

_FEED_SELECT = """
SELECT f.id, f.url, COALESCE(f.user_title, NULLIF(f.title, ''), f.url), d.name,
       COALESCE(c.unread, 0), COALESCE(c.total, 0), f.error, f.site_url
FROM feeds f
LEFT JOIN folders d ON d.id = f.folder_id
LEFT JOIN (SELECT feed_id, SUM(read = 0) AS unread, COUNT(*) AS total
           FROM articles WHERE feed_id IS NOT NULL GROUP BY feed_id) c ON c.feed_id = f.id
"""


@dataclass(frozen=True, slots=True)
class FetchState:
    """What a refresh needs to know about a feed."""

    id: int
    url: str
    etag: str | None
    last_modified: str | None
    full_text: bool
    body_hash: str | None = None  # of the last body parsed: the same bytes are not parsed again
    retry_after: int | None = None  # epoch s: the server asked not to be asked before then


def list_feeds(conn: sqlite3.Connection) -> list[Feed]:
    rows = conn.execute(_FEED_SELECT + " ORDER BY d.name IS NOT NULL, d.name, 3 COLLATE NOCASE")
    return [Feed(*row) for row in rows]


def get_feed(conn: sqlite3.Connection, feed_id: int) -> Feed:
    row = conn.execute(_FEED_SELECT + " WHERE f.id = ?", (feed_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no feed with id {feed_id}.")
    return Feed(*row)


def find_feed_id(conn: sqlite3.Connection, url: str) -> int | None:
    row = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
    return row[0] if row else None


def insert_feed(
    conn: sqlite3.Connection, url: str, *, title: str | None, folder: str | None, now: int
) -> int:
    folder_id = ensure_folder(conn, folder) if folder else None
    cur = conn.execute(
        "INSERT INTO feeds(url, title, folder_id, added) VALUES (?, ?, ?, ?)",
        (url, title or "", folder_id, now),
    )
    return int(cur.lastrowid or 0)


def fetch_states(conn: sqlite3.Connection, feed_ids: list[int] | None = None) -> list[FetchState]:
    # Feeds of a sync account are fetched by their server (core/sync/engine.py), not here.
    sql = (
        "SELECT id, url, etag, last_modified, full_text, body_hash, retry_after FROM feeds"
        " WHERE id NOT IN (SELECT feed_id FROM sync_feeds)"
    )
    if feed_ids is None:
        rows = conn.execute(sql + " ORDER BY id").fetchall()
    else:
        marks = ",".join("?" * len(feed_ids))
        rows = conn.execute(sql + f" AND id IN ({marks}) ORDER BY id", feed_ids).fetchall()
    return [FetchState(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6]) for r in rows]


def record_success(
    conn: sqlite3.Connection,
    feed_id: int,
    *,
    title: str | None,
    site_url: str | None,
    language: str | None,
    etag: str | None,
    last_modified: str | None,
    new_url: str | None,
    now: int,
    body_hash: str | None = None,
) -> None:
    conn.execute(
        """UPDATE feeds SET title = COALESCE(?, title), site_url = COALESCE(?, site_url),
           language = COALESCE(?, language), etag = ?, last_modified = ?, error = NULL,
           last_fetched = ?, body_hash = COALESCE(?, body_hash), retry_after = NULL
           WHERE id = ?""",
        (title, site_url, language, etag, last_modified, now, body_hash, feed_id),
    )
    if new_url and find_feed_id(conn, new_url) is None:
        conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (new_url, feed_id))


def record_error(
    conn: sqlite3.Connection,
    feed_id: int,
    message: str,
    now: int,
    *,
    retry_after: int | None = None,
) -> None:
    conn.execute(
        "UPDATE feeds SET error = ?, last_fetched = ?, retry_after = ? WHERE id = ?",
        (message, now, retry_after, feed_id),
    )


def update_feed(
    conn: sqlite3.Connection,
    feed_id: int,
    *,
    title: str | None = None,
    url: str | None = None,
    folder: str | None = None,
    clear_folder: bool = False,
) -> None:
    get_feed(conn, feed_id)
    if title is not None:
        conn.execute("UPDATE feeds SET user_title = ? WHERE id = ?", (title or None, feed_id))
    if url is not None:
        conn.execute(
            "UPDATE feeds SET url = ?, etag = NULL, last_modified = NULL, retry_after = NULL "
            "WHERE id = ?",
            (url, feed_id),
        )
    if folder is not None or clear_folder:
        folder_id = ensure_folder(conn, folder) if folder else None
        conn.execute("UPDATE feeds SET folder_id = ? WHERE id = ?", (folder_id, feed_id))


def delete_feed(conn: sqlite3.Connection, feed_id: int) -> None:
    """Delete a feed and its articles, except favorites, which keep the feed's name as source."""
    feed = get_feed(conn, feed_id)
    conn.execute(
        "UPDATE articles SET source = ? WHERE feed_id = ? AND starred = 1", (feed.title, feed_id)
    )
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM articles WHERE feed_id = ? AND starred = 0", (feed_id,)
        )
    ]
    delete_articles(conn, ids)
    conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))


def delete_articles(conn: sqlite3.Connection, ids: list[int]) -> None:
    for chunk, marks in in_chunks(ids):
        search.unindex(conn, chunk)
        conn.execute(f"DELETE FROM articles WHERE id IN ({marks})", chunk)


def list_folders(conn: sqlite3.Connection) -> list[Folder]:
    return [Folder(*r) for r in conn.execute("SELECT id, name FROM folders ORDER BY name")]


def ensure_folder(conn: sqlite3.Connection, name: str) -> int:
    name = name.strip()
    row = conn.execute("SELECT id FROM folders WHERE name = ?", (name,)).fetchone()
    if row:
        return int(row[0])
    return int(conn.execute("INSERT INTO folders(name) VALUES (?)", (name,)).lastrowid or 0)


def rename_folder(conn: sqlite3.Connection, old: str, new: str) -> None:
    source = conn.execute("SELECT id FROM folders WHERE name = ?", (old,)).fetchone()
    if source is None:
        raise NotFoundError(f"There is no folder named {old!r}.")
    target = conn.execute("SELECT id FROM folders WHERE name = ?", (new,)).fetchone()
    if target is not None and target[0] != source[0]:
        # Renaming onto an existing folder merges the two.
        conn.execute("UPDATE feeds SET folder_id = ? WHERE folder_id = ?", (target[0], source[0]))
        conn.execute("DELETE FROM folders WHERE id = ?", (source[0],))
    else:
        conn.execute("UPDATE folders SET name = ? WHERE id = ?", (new, source[0]))


def delete_folder(conn: sqlite3.Connection, name: str) -> None:
    """Delete a folder; its feeds move to the top level (they are not unsubscribed)."""
    if conn.execute("DELETE FROM folders WHERE name = ?", (name,)).rowcount == 0:
        raise NotFoundError(f"There is no folder named {name!r}.")
