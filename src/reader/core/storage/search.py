"""Full-text search: a contentless FTS5 index over title, author and the article's plain text.

Contentless halves the database (the text is not stored twice). The price: removing a row from
the index needs the values it was indexed with, which we recompute from the stored HTML with
the same `html_to_text`. If that function ever changes, bump TEXT_VERSION: the index is rebuilt.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence

from reader.core.storage.db import in_chunks

TEXT_VERSION = "1"
_WORD = re.compile(r"\w+", re.UNICODE)


def index(
    conn: sqlite3.Connection, article_id: int, title: str, author: str | None, text: str
) -> None:
    conn.execute(
        "INSERT INTO articles_fts(rowid, title, author, body) VALUES (?, ?, ?, ?)",
        (article_id, title, author or "", text),
    )


def index_many(conn: sqlite3.Connection, rows: Sequence[tuple[int, str, str, str]]) -> None:
    """Index (article id, title, author or "", text) rows."""
    conn.executemany(
        "INSERT INTO articles_fts(rowid, title, author, body) VALUES (?, ?, ?, ?)", rows
    )


def unindex(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Remove articles from the index; call before their rows change or go."""
    from reader.core.sanitize import html_to_text  # nh3: loaded by the writers only

    for chunk, marks in in_chunks(ids):
        rows = conn.execute(
            "SELECT a.id, a.title, a.author, c.content_html FROM articles a "
            f"JOIN article_content c ON c.id = a.id WHERE a.id IN ({marks})",
            chunk,
        ).fetchall()
        conn.executemany(
            "INSERT INTO articles_fts(articles_fts, rowid, title, author, body) "
            "VALUES ('delete', ?, ?, ?, ?)",
            [(i, title, author or "", html_to_text(html)) for i, title, author, html in rows],
        )


def ensure_current(conn: sqlite3.Connection) -> None:
    """Rebuild the index when it was built by a different text extraction."""
    row = conn.execute("SELECT value FROM settings WHERE name = 'fts_text_version'").fetchone()
    if row and row[0] == TEXT_VERSION:
        return
    from reader.core.sanitize import html_to_text

    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')")
        rows: Iterable[tuple[int, str, str | None, str]] = conn.execute(
            "SELECT a.id, a.title, a.author, c.content_html "
            "FROM articles a JOIN article_content c ON c.id = a.id"
        ).fetchall()
        conn.executemany(
            "INSERT INTO articles_fts(rowid, title, author, body) VALUES (?, ?, ?, ?)",
            [(i, t, a or "", html_to_text(h)) for i, t, a, h in rows],
        )
        conn.execute(
            "INSERT OR REPLACE INTO settings(name, value) VALUES ('fts_text_version', ?)",
            (TEXT_VERSION,),
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def match(text: str) -> str | None:
    """User text -> an FTS5 query: every word must match, the last one as a prefix."""
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)
