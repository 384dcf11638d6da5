"""Full-text search: contentless FTS5 indexes over title, author and the article's plain text.

Contentless halves the database (the text is not stored twice). The price: removing a row from
the index needs the values it was indexed with, which we recompute from the stored HTML with
the same `html_to_text`. If that function ever changes, bump TEXT_VERSION: the index is rebuilt.

Two indexes, split by time, so a search of the whole store shows its newest matches quickly.
`articles_fts_recent` holds exactly the articles whose sort_time is at or after the setting
`fts_recent_since` (none while it is unset); `articles_fts` holds the others. A common word's
newest 200 matches then come from ~10,000 articles instead of all of them: the index's prefix
merge and the match list it hands to the newest-first walk are that much smaller (100,000
articles: 1-4 ms instead of 19-30). Every search of the full list reads both. The writers keep
the split exact (`index`, `unindex`); `balance_step` moves articles between the two as new ones
arrive, outside the refresh (the window does it in the background).

A refresh does not index what it stores: it lists the articles in `search_pending` (`defer`),
and `index_pending` indexes them afterwards, from the stored HTML. Tokenizing is the biggest
single cost of storing (30,000 new articles: ~1.7 s of the writer, plus the plain text each
parse worker extracted and sent for it). The window indexes them in the background after a
refresh; a search indexes what is still pending before it runs (Service.article_ids). An
article is in exactly one of: the main index, the recent index, `search_pending`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from reader.core.storage.db import in_chunks

TEXT_VERSION = "1"
_WORD = re.compile(r"\w+", re.UNICODE)

Indexed = tuple[int, str, str, str]  # (article id, title, author or "", plain text)

MAIN, RECENT = "articles_fts", "articles_fts_recent"
PENDING = "search_pending"
_NO_BOUND = 2**63 - 1  # SQLite's largest integer: above every id
_SINCE = "fts_recent_since"
# The recent index is filled up to about KEEP articles, and shrunk when it holds over 1.5 times
# that (so a step of moving comes after thousands of new articles, not after each refresh).
KEEP = 10_000
_FLOOR = -(2**63)  # `since` when every article belongs in the recent index

# Both indexes' matching ids (the match parameter given twice).
MATCHING_IDS = (
    f"SELECT rowid FROM {MAIN} WHERE {MAIN} MATCH ? "
    f"UNION ALL SELECT rowid FROM {RECENT} WHERE {RECENT} MATCH ?"
)
# The same between two ids (match, low, high, given twice): the index reads only that stretch
# of each word's list, and hands on only the matches in it.
MATCHING_IDS_BETWEEN = (
    f"SELECT rowid FROM {MAIN} WHERE {MAIN} MATCH ? AND rowid BETWEEN ? AND ? "
    f"UNION ALL SELECT rowid FROM {RECENT} WHERE {RECENT} MATCH ? AND rowid BETWEEN ? AND ?"
)


def recent_since(conn: sqlite3.Connection) -> int | None:
    """The sort_time from which articles are in the recent index; None: it is empty."""
    row = conn.execute("SELECT value FROM settings WHERE name = ?", (_SINCE,)).fetchone()
    return int(row[0]) if row else None


def _table(sort_time: int, since: int | None) -> str:
    return RECENT if since is not None and sort_time >= since else MAIN


def _split(items: Iterable[tuple[int, Indexed]], since: int | None) -> dict[str, list[Indexed]]:
    """(sort_time, values) pairs -> the values each index holds."""
    split: dict[str, list[Indexed]] = {MAIN: [], RECENT: []}
    for sort_time, values in items:
        split[_table(sort_time, since)].append(values)
    return split


def _insert(conn: sqlite3.Connection, table: str, rows: Sequence[Indexed]) -> None:
    conn.executemany(f"INSERT INTO {table}(rowid, title, author, body) VALUES (?, ?, ?, ?)", rows)


def _delete(conn: sqlite3.Connection, table: str, rows: Sequence[Indexed]) -> None:
    conn.executemany(
        f"INSERT INTO {table}({table}, rowid, title, author, body) VALUES ('delete', ?, ?, ?, ?)",
        rows,
    )


def defer(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    """Index these articles later (see the module's docstring)."""
    conn.executemany(f"INSERT OR IGNORE INTO {PENDING}(id) VALUES (?)", ((i,) for i in ids))


def pending(conn: sqlite3.Connection) -> bool:
    """Whether some articles are not searchable yet."""
    return conn.execute(f"SELECT EXISTS (SELECT 1 FROM {PENDING})").fetchone()[0] == 1


def newest_pending(conn: sqlite3.Connection) -> int | None:
    """The highest id waiting to be indexed, if any."""
    return conn.execute(f"SELECT MAX(id) FROM {PENDING}").fetchone()[0]


def index_pending(conn: sqlite3.Connection, limit: int, *, upto: int = _NO_BOUND) -> bool:
    """Index up to `limit` pending articles, newest first, in the caller's write transaction;
    True while more are pending. `upto`: only those with an id up to it (what was waiting
    when a search began; see Service.catch_up_search)."""
    newest = f"SELECT id FROM {PENDING} WHERE id <= ? ORDER BY id DESC LIMIT ?"
    ids = [r[0] for r in conn.execute(newest, (upto, limit + 1))]  # one more: is there more?
    more = len(ids) > limit
    since = recent_since(conn)
    for chunk, marks in in_chunks(ids[:limit]):
        pairs = _indexed_values(conn, f"a.id IN ({marks})", chunk)
        for table, part in _split(pairs, since).items():
            _insert(conn, table, part)
        conn.execute(f"DELETE FROM {PENDING} WHERE id IN ({marks})", chunk)
    return more


def index(
    conn: sqlite3.Connection,
    article_id: int,
    title: str,
    author: str | None,
    text: str,
    sort_time: int,
) -> None:
    table = _table(sort_time, recent_since(conn))
    _insert(conn, table, [(article_id, title, author or "", text)])


def _indexed_values(
    conn: sqlite3.Connection, where: str, params: Sequence[object]
) -> Iterator[tuple[int, Indexed]]:
    """(sort_time, the values it was indexed with) of the articles `where` selects."""
    from reader.core.sanitize import html_to_text  # nh3: loaded by the writers only

    rows = conn.execute(
        "SELECT a.id, a.sort_time, a.title, a.author, c.content_html FROM articles a "
        f"JOIN article_content c ON c.id = a.id WHERE {where}",
        params,
    ).fetchall()
    for article_id, sort_time, title, author, html in rows:
        yield sort_time, (article_id, title, author or "", html_to_text(html))


def unindex(conn: sqlite3.Connection, ids: Sequence[int]) -> None:
    """Remove articles from the index (or from the pending ones); call before their rows
    change or go."""
    since = recent_since(conn)
    waiting = pending(conn)
    for chunk, marks in in_chunks(ids):
        if waiting:
            held = f"SELECT id FROM {PENDING} WHERE id IN ({marks})"
            skip = {r[0] for r in conn.execute(held, chunk)}
            if skip:  # not in an index: removing their words would corrupt it
                conn.execute(f"DELETE FROM {PENDING} WHERE id IN ({marks})", chunk)
                chunk = [i for i in chunk if i not in skip]
                marks = ",".join("?" * len(chunk))
                if not chunk:
                    continue
        pairs = _indexed_values(conn, f"a.id IN ({marks})", chunk)
        for table, part in _split(pairs, since).items():
            _delete(conn, table, part)


def _set_since(conn: sqlite3.Connection, since: int) -> None:
    conn.execute("INSERT OR REPLACE INTO settings(name, value) VALUES (?, ?)", (_SINCE, str(since)))


def _move(conn: sqlite3.Connection, lower: int, upper: int | None, source: str, dest: str) -> int:
    """Move the articles with lower <= sort_time < upper (None: no bound) between indexes."""
    where, params = f"a.sort_time >= ? AND a.id NOT IN (SELECT id FROM {PENDING})", [lower]
    if upper is not None:
        where += " AND a.sort_time < ?"
        params.append(upper)
    values = [v for _time, v in _indexed_values(conn, where, params)]
    _delete(conn, source, values)
    _insert(conn, dest, values)
    return len(values)


def balance_step(conn: sqlite3.Connection, *, keep: int = KEEP, step: int = 500) -> bool:
    """Move about `step` articles between the indexes, in the caller's write transaction: fill
    the recent one up to the newest `keep` articles, or, once it holds over 1.5 times that,
    hand its oldest back. Ties of sort_time move together. True while more steps are due."""
    since = recent_since(conn)
    held = 0 if since is None else _count_from(conn, since)
    if held < keep and since != _FLOOR:
        # The step-th article below `since`, newest first: it and all newer ones move in.
        sql = "SELECT sort_time FROM articles INDEXED BY articles_sort"
        params: list[object] = []
        if since is not None:
            sql += " WHERE sort_time < ?"
            params.append(since)
        row = conn.execute(
            sql + " ORDER BY sort_time DESC, id DESC LIMIT 1 OFFSET ?", [*params, step - 1]
        ).fetchone()
        lower = _FLOOR if row is None else int(row[0])
        moved = _move(conn, lower, since, MAIN, RECENT)
        _set_since(conn, lower)
        return lower != _FLOOR and held + moved < keep
    if since is not None and held > keep + keep // 2:
        # The oldest `step` articles of the recent index (and their ties) move out.
        row = conn.execute(
            "SELECT sort_time FROM articles INDEXED BY articles_sort WHERE sort_time >= ? "
            "ORDER BY sort_time, id LIMIT 1 OFFSET ?",
            (since, step),
        ).fetchone()
        upper = int(row[0])  # held > step, so there is one
        if upper == since:  # one sort_time shared by more than `step`: that whole tie
            upper = conn.execute(
                "SELECT MIN(sort_time) FROM articles WHERE sort_time > ?", (since,)
            ).fetchone()[0]
            if upper is None:
                return False  # they all share it: nothing can move
        moved = _move(conn, since, upper, RECENT, MAIN)
        _set_since(conn, upper)
        return held - moved > keep + keep // 2
    return False


def _count_from(conn: sqlite3.Connection, since: int) -> int:
    return int(
        conn.execute("SELECT COUNT(*) FROM articles WHERE sort_time >= ?", (since,)).fetchone()[0]
    )


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """Several reads from one state of the database (a balance step may commit between two)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def newest_matches(conn: sqlite3.Connection, match: str, limit: int) -> list[int] | None:
    """The first `limit` ids of a search of the whole store, in list order (sort_time DESC,
    id DESC); None while the recent index is not in use."""
    with snapshot(conn):
        since = recent_since(conn)
        if since is None:
            return None
        # The recent articles in the sort index's order, keeping the matches: a short walk.
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT a.id FROM articles a INDEXED BY articles_sort WHERE a.sort_time >= ? "
                f"AND a.id IN (SELECT rowid FROM {RECENT} WHERE {RECENT} MATCH ?) "
                "ORDER BY a.sort_time DESC, a.id DESC LIMIT ?",
                (since, match, limit),
            )
        ]
        if len(ids) < limit:
            # Few recent matches: a rare word, whose older matches are read and sorted (a walk
            # of the older articles would read them all when there is no match).
            ids += [
                r[0]
                for r in conn.execute(
                    "SELECT a.id FROM articles a NOT INDEXED WHERE a.sort_time < ? "
                    f"AND a.id IN (SELECT rowid FROM {MAIN} WHERE {MAIN} MATCH ?) "
                    "ORDER BY a.sort_time DESC, a.id DESC LIMIT ?",
                    (since, match, limit - len(ids)),
                )
            ]
        return ids


def ensure_current(conn: sqlite3.Connection) -> None:
    """Rebuild the indexes when they were built by a different text extraction."""
    row = conn.execute("SELECT value FROM settings WHERE name = 'fts_text_version'").fetchone()
    if row and row[0] == TEXT_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in (MAIN, RECENT):
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
        pairs = _indexed_values(conn, "1", ())
        for table, part in _split(pairs, recent_since(conn)).items():
            _insert(conn, table, part)
        conn.execute(
            "INSERT OR REPLACE INTO settings(name, value) VALUES ('fts_text_version', ?)",
            (TEXT_VERSION,),
        )
        conn.execute(f"DELETE FROM {PENDING}")  # all indexed now
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
