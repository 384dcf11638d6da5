"""Cached images and full-text records in the database (tables in db._SCHEMA_1).

`images` has one row per image URL (the file name is the SHA-256 of the URL, so an image shared by
many articles is stored once); `path` is relative to the cache folder and NULL until the image is
stored. `article_images` links articles to their images: an image linked to a starred article is
pinned. Evicting an image deletes its row (its links go with it); starring the article later
links and downloads it again. `full_text` remembers which articles had their page extracted,
and why that failed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from reader.core.storage import search
from reader.core.storage.db import in_chunks

MAX_ATTEMPTS = 3  # a refresh retries a failed image this many times in all
REFUSED = 99  # attempts value of an image that is refused for good (wrong type, too large)

_PINNED = (
    "EXISTS (SELECT 1 FROM article_images p JOIN articles a ON a.id = p.article_id "
    "WHERE p.image_id = images.id AND a.starred = 1)"
)


def url_hash(url: str) -> str:
    import hashlib  # here: its OpenSSL load (~3 ms) is off the window's start path

    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()


def link(conn: sqlite3.Connection, article_id: int, urls: Iterable[str], now: int) -> None:
    """Link an article to image URLs, creating rows (not yet downloaded) for new URLs."""
    link_many(conn, [(article_id, url) for url in urls], now)


def link_many(conn: sqlite3.Connection, pairs: Sequence[tuple[int, str]], now: int) -> None:
    """Link (article id, image URL) pairs, creating rows (not yet downloaded) for new URLs."""
    urls = dict.fromkeys(url for _, url in pairs)
    conn.executemany(
        "INSERT INTO images(url, hash, last_used) VALUES (?, ?, ?) ON CONFLICT(url) DO NOTHING",
        [(url, url_hash(url), now) for url in urls],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO article_images(article_id, image_id) "
        "SELECT ?, id FROM images WHERE url = ?",
        pairs,
    )


def pending(
    conn: sqlite3.Connection,
    article_ids: Sequence[int] | None = None,
    *,
    max_attempts: int = MAX_ATTEMPTS,
    limit: int = 5000,
) -> list[tuple[int, str]]:
    """(id, url) of linked images not stored yet and not given up on, newest first."""
    if article_ids is None:
        rows = conn.execute(
            "SELECT id, url FROM images WHERE path IS NULL AND attempts < ? AND EXISTS "
            "(SELECT 1 FROM article_images ai WHERE ai.image_id = images.id) "
            "ORDER BY id DESC LIMIT ?",
            (max_attempts, limit),
        ).fetchall()
        return [(r[0], r[1]) for r in rows]
    found: dict[int, str] = {}
    for chunk, marks in in_chunks(article_ids):
        for image_id, url in conn.execute(
            "SELECT DISTINCT i.id, i.url FROM article_images ai "
            "JOIN images i ON i.id = ai.image_id "
            f"WHERE ai.article_id IN ({marks}) AND i.path IS NULL AND i.attempts < ?",
            [*chunk, max_attempts],
        ):
            found[image_id] = url
    return sorted(found.items(), reverse=True)


def record_stored(
    conn: sqlite3.Connection, image_id: int, path: str, mime: str, size: int, now: int
) -> None:
    conn.execute(
        "UPDATE images SET path = ?, mime = ?, size = ?, fetched = ?, last_used = ?, "
        "error = NULL WHERE id = ?",
        (path, mime, size, now, now, image_id),
    )


def record_failed(
    conn: sqlite3.Connection, image_id: int, error: str, now: int, *, permanent: bool
) -> None:
    conn.execute(
        "UPDATE images SET error = ?, fetched = ?, "
        "attempts = CASE WHEN ? THEN ? ELSE attempts + 1 END WHERE id = ?",
        (error, now, permanent, REFUSED, image_id),
    )


def article_images(conn: sqlite3.Connection, article_id: int) -> list[tuple[int, str, str]]:
    """(id, url, relative path) of an article's stored images."""
    rows = conn.execute(
        "SELECT i.id, i.url, i.path FROM article_images ai JOIN images i ON i.id = ai.image_id "
        "WHERE ai.article_id = ? AND i.path IS NOT NULL ORDER BY i.id",
        (article_id,),
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def article_errors(conn: sqlite3.Connection, article_id: int) -> list[tuple[str, str]]:
    """(url, error) of an article's images that could not be stored."""
    rows = conn.execute(
        "SELECT i.url, i.error FROM article_images ai JOIN images i ON i.id = ai.image_id "
        "WHERE ai.article_id = ? AND i.path IS NULL AND i.error IS NOT NULL ORDER BY i.id",
        (article_id,),
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def find(conn: sqlite3.Connection, url: str) -> tuple[int, str] | None:
    """(id, relative path) of a stored image."""
    row = conn.execute(
        "SELECT id, path FROM images WHERE url = ? AND path IS NOT NULL", (url,)
    ).fetchone()
    return (row[0], row[1]) if row else None


def touch(conn: sqlite3.Connection, used: dict[int, int]) -> None:
    conn.executemany(
        "UPDATE images SET last_used = MAX(last_used, ?) WHERE id = ?",
        [(when, image_id) for image_id, when in used.items()],
    )


def total_size(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT COALESCE(SUM(size), 0) FROM images WHERE path IS NOT NULL")
    return int(row.fetchone()[0])


def eviction_victims(conn: sqlite3.Connection, excess: int) -> list[tuple[int, str | None]]:
    """Least recently used unpinned images whose sizes add up to at least `excess` bytes."""
    victims: list[tuple[int, str | None]] = []
    freed = 0
    rows = conn.execute(
        "SELECT id, path, size FROM images WHERE path IS NOT NULL AND NOT "
        + _PINNED
        + " ORDER BY last_used, id"
    )
    for image_id, path, size in rows:
        if freed >= excess:
            break
        victims.append((image_id, path))
        freed += size
    return victims


def unpinned(conn: sqlite3.Connection) -> list[tuple[int, str | None]]:
    """Every image row not linked to a favorite (stored or not)."""
    rows = conn.execute("SELECT id, path FROM images WHERE NOT " + _PINNED).fetchall()
    return [(r[0], r[1]) for r in rows]


def orphans(conn: sqlite3.Connection) -> list[tuple[int, str | None]]:
    """Images no article links to any more (their articles were purged or unsubscribed)."""
    rows = conn.execute(
        "SELECT id, path FROM images WHERE NOT EXISTS "
        "(SELECT 1 FROM article_images ai WHERE ai.image_id = images.id)"
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def delete(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    for chunk, marks in in_chunks(ids):
        conn.execute(f"DELETE FROM images WHERE id IN ({marks})", chunk)


def known_paths(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT path FROM images WHERE path IS NOT NULL")}


# --- full text ---


def full_text_candidates(
    conn: sqlite3.Connection, limit: int, feed_ids: Sequence[int] | None = None
) -> list[tuple[int, str, str]]:
    """(article id, link, content_html) of full-text feeds' articles not extracted yet.

    Newest first. Favorites are left alone: a starred article stays exactly as it was starred.
    """
    where = ""
    params: list[object] = []
    if feed_ids is not None:
        where = f" AND a.feed_id IN ({','.join('?' * len(feed_ids))})"
        params = list(feed_ids)
    rows = conn.execute(
        "SELECT a.id, a.link, c.content_html FROM articles a JOIN feeds f ON f.id = a.feed_id "
        "JOIN article_content c ON c.id = a.id "
        "WHERE f.full_text = 1 AND a.starred = 0 AND a.link IS NOT NULL" + where + " "
        "AND NOT EXISTS (SELECT 1 FROM full_text t WHERE t.article_id = a.id) "
        "ORDER BY a.sort_time DESC, a.id DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def replace_content(
    conn: sqlite3.Connection, article_id: int, content_html: str, text: str
) -> bool:
    """Store extracted HTML as the article's content (the summary stays); re-index it.

    Returns False when the article is gone or was starred meanwhile (then nothing changes).
    """
    row = conn.execute(
        "SELECT title, author, starred, sort_time FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None or row[2]:
        return False
    search.unindex(conn, [article_id])
    conn.execute(
        "UPDATE article_content SET content_html = ? WHERE id = ?", (content_html, article_id)
    )
    search.index(conn, article_id, row[0], row[1], text, row[3])
    return True


def record_full_text(
    conn: sqlite3.Connection, article_id: int, now: int, error: str | None = None
) -> None:
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
        return
    conn.execute(
        "INSERT OR REPLACE INTO full_text(article_id, fetched, error) VALUES (?, ?, ?)",
        (article_id, now, error),
    )


def full_text_error(conn: sqlite3.Connection, article_id: int) -> str | None:
    row = conn.execute("SELECT error FROM full_text WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def set_full_text(conn: sqlite3.Connection, feed_id: int, on: bool) -> None:
    conn.execute("UPDATE feeds SET full_text = ? WHERE id = ?", (int(on), feed_id))


def full_text_enabled(conn: sqlite3.Connection, feed_id: int) -> bool:
    row = conn.execute("SELECT full_text FROM feeds WHERE id = ?", (feed_id,)).fetchone()
    return bool(row and row[0])
