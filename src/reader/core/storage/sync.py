"""Sync accounts in the database: accounts, local <-> remote id maps, the queue of local changes.

Tables (schema 4, see db.py):

- `accounts`: one server login; `marker` is where the last stored page of articles ended, so an
  interrupted sync resumes there; `secret` says where the password is ('keyring' or 'file').
- `sync_feeds(feed_id, account_id, remote_id)`: a local feed that belongs to an account.
  `remote_id` is NULL while a local subscribe is still queued.
- `sync_articles(account_id, remote_id, article_id)`: a local article's id on the server.
- `sync_pending(account_id, kind, remote_id, value, changed)`: local changes not yet pushed,
  written in the same transaction as the change itself. One row per (kind, remote id): a later
  change replaces an earlier one, so the queue never holds more than one row per article.
  kind 'read'/'starred': value is the new state; 'subscribe': remote_id and value are the local
  feed id; 'unsubscribe': remote_id is the server's feed id.

Local feeds and favorites have no row in these tables and are never touched by sync.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader.core.errors import NotFoundError
from reader.core.storage import articles as article_store
from reader.core.storage.db import in_chunks
from reader.core.sync.remote import RemoteArticle

if TYPE_CHECKING:  # parsing loads when a sync stores articles, not for a queued star or read
    from reader.core.parse import ParsedEntry

KINDS = ("ttrss", "greader")
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    kind: str  # "ttrss" or "greader"
    url: str
    user: str
    secret: str  # where the password is kept: "keyring" or "file"
    marker: str | None  # the server's position after the last stored page of articles
    synced: int | None  # epoch s of the last sync that finished
    error: str | None  # why the last sync failed (None: it worked)


# --- accounts ---

_ACCOUNT = "SELECT id, kind, url, user, secret, marker, synced, error FROM accounts"


def list_accounts(conn: sqlite3.Connection) -> list[Account]:
    return [Account(*r) for r in conn.execute(_ACCOUNT + " ORDER BY id")]


def get_account(conn: sqlite3.Connection, account_id: int) -> Account:
    row = conn.execute(_ACCOUNT + " WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no account with id {account_id}.")
    return Account(*row)


def find_account(conn: sqlite3.Connection, kind: str, url: str, user: str) -> int | None:
    row = conn.execute(
        "SELECT id FROM accounts WHERE kind = ? AND url = ? AND user = ?", (kind, url, user)
    ).fetchone()
    return row[0] if row else None


def insert_account(
    conn: sqlite3.Connection, kind: str, url: str, user: str, secret: str, now: int
) -> int:
    cur = conn.execute(
        "INSERT INTO accounts(kind, url, user, secret, added) VALUES (?, ?, ?, ?, ?)",
        (kind, url, user, secret, now),
    )
    return int(cur.lastrowid or 0)


def delete_account(conn: sqlite3.Connection, account_id: int) -> None:
    """Forget an account; its feeds and articles stay as local ones (the maps cascade away)."""
    get_account(conn, account_id)
    conn.execute("DELETE FROM accounts WHERE id = ?", (account_id,))


def set_marker(conn: sqlite3.Connection, account_id: int, marker: str | None) -> None:
    conn.execute("UPDATE accounts SET marker = ? WHERE id = ?", (marker, account_id))


def record_sync(conn: sqlite3.Connection, account_id: int, now: int, error: str | None) -> None:
    if error is None:
        conn.execute("UPDATE accounts SET synced = ?, error = NULL WHERE id = ?", (now, account_id))
    else:
        conn.execute("UPDATE accounts SET error = ? WHERE id = ?", (error, account_id))


# --- the queue of local changes (called by Service in the change's own transaction) ---


def queue_flags(
    conn: sqlite3.Connection, article_ids: Sequence[int], kind: str, value: bool, now: int
) -> None:
    """Queue read/starred changes of the synced ones among these articles."""
    assert kind in ("read", "starred")
    for chunk, marks in in_chunks(article_ids, _CHUNK):
        conn.execute(
            "INSERT OR REPLACE INTO sync_pending(account_id, kind, remote_id, value, changed) "
            f"SELECT account_id, ?, remote_id, ?, ? FROM sync_articles "
            f"WHERE article_id IN ({marks})",
            [kind, int(value), now, *chunk],
        )


def queue_subscribe(conn: sqlite3.Connection, account_id: int, feed_id: int, now: int) -> None:
    """Make a local feed part of the account, to be subscribed on the server at the next sync."""
    get_account(conn, account_id)
    row = conn.execute("SELECT account_id FROM sync_feeds WHERE feed_id = ?", (feed_id,)).fetchone()
    if row is not None:
        return  # already the server's (or already queued)
    conn.execute(
        "INSERT INTO sync_feeds(feed_id, account_id, remote_id) VALUES (?, ?, NULL)",
        (feed_id, account_id),
    )
    conn.execute(
        "INSERT OR REPLACE INTO sync_pending(account_id, kind, remote_id, value, changed) "
        "VALUES (?, 'subscribe', ?, ?, ?)",
        (account_id, str(feed_id), feed_id, now),
    )


def queue_unsubscribe(conn: sqlite3.Connection, feed_id: int, now: int) -> None:
    """Before a local feed is deleted: queue its unsubscribe on its server, if it has one."""
    row = conn.execute(
        "SELECT account_id, remote_id FROM sync_feeds WHERE feed_id = ?", (feed_id,)
    ).fetchone()
    if row is None:
        return
    account_id, remote_id = row
    if remote_id is None:  # never reached the server: forget the queued subscribe instead
        conn.execute(
            "DELETE FROM sync_pending WHERE account_id = ? AND kind = 'subscribe' "
            "AND remote_id = ?",
            (account_id, str(feed_id)),
        )
        return
    conn.execute(
        "INSERT OR REPLACE INTO sync_pending(account_id, kind, remote_id, value, changed) "
        "VALUES (?, 'unsubscribe', ?, 0, ?)",
        (account_id, remote_id, now),
    )


Pending = tuple[str, int, int]  # (remote_id, value, changed)


def pending(conn: sqlite3.Connection, account_id: int, kind: str) -> list[Pending]:
    return [
        (r[0], r[1], r[2])
        for r in conn.execute(
            "SELECT remote_id, value, changed FROM sync_pending "
            "WHERE account_id = ? AND kind = ? ORDER BY changed, remote_id",
            (account_id, kind),
        )
    ]


def pending_count(conn: sqlite3.Connection, account_id: int) -> int:
    row = conn.execute(
        "SELECT COUNT(*) FROM sync_pending WHERE account_id = ?", (account_id,)
    ).fetchone()
    return int(row[0])


def clear_pending(
    conn: sqlite3.Connection, account_id: int, kind: str, items: Iterable[Pending]
) -> None:
    """Drop pushed changes; a row changed again since it was read stays queued."""
    conn.executemany(
        "DELETE FROM sync_pending WHERE account_id = ? AND kind = ? AND remote_id = ? "
        "AND value = ? AND changed = ?",
        [(account_id, kind, remote_id, value, changed) for remote_id, value, changed in items],
    )


# --- feeds ---


def feed_map(conn: sqlite3.Connection, account_id: int) -> dict[str, int]:
    """Remote feed id -> local feed id, for the feeds the server knows."""
    return {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT remote_id, feed_id FROM sync_feeds "
            "WHERE account_id = ? AND remote_id IS NOT NULL",
            (account_id,),
        )
    }


def feed_account(conn: sqlite3.Connection, feed_id: int) -> int | None:
    row = conn.execute("SELECT account_id FROM sync_feeds WHERE feed_id = ?", (feed_id,)).fetchone()
    return row[0] if row else None


def link_feed(conn: sqlite3.Connection, account_id: int, feed_id: int, remote_id: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO sync_feeds(feed_id, account_id, remote_id) VALUES (?, ?, ?)",
        (feed_id, account_id, remote_id),
    )


def feed_folder(conn: sqlite3.Connection, feed_id: int) -> str | None:
    row = conn.execute(
        "SELECT d.name FROM feeds f LEFT JOIN folders d ON d.id = f.folder_id WHERE f.id = ?",
        (feed_id,),
    ).fetchone()
    return row[0] if row else None


def feed_url(conn: sqlite3.Connection, feed_id: int) -> str | None:
    row = conn.execute("SELECT url FROM feeds WHERE id = ?", (feed_id,)).fetchone()
    return row[0] if row else None


# --- articles ---


def mapped_ids(conn: sqlite3.Connection, account_id: int, remote_ids: Sequence[str]) -> set[str]:
    """Which of these remote article ids are stored locally."""
    found: set[str] = set()
    for chunk, marks in in_chunks(remote_ids, _CHUNK):
        found.update(
            r[0]
            for r in conn.execute(
                f"SELECT remote_id FROM sync_articles WHERE account_id = ? "
                f"AND remote_id IN ({marks})",
                [account_id, *chunk],
            )
        )
    return found


def entry_of(article: RemoteArticle, base: str) -> ParsedEntry:
    """The article as a refresh would have parsed it: sanitized HTML, plain text, categories."""
    from reader.core.parse import build_entry, categories_of

    return build_entry(
        guid=article.guid,
        link=article.link,
        base=article.link or base,
        title=article.title,
        author=article.author,
        published=article.published,
        updated=article.updated,
        content=article.content_html,
        summary_html="",
        categories=categories_of(article.categories),
        enclosures=(),
        comments=None,
        language=None,
    )


def store_articles(
    conn: sqlite3.Connection,
    account_id: int,
    articles: Sequence[RemoteArticle],
    feeds: dict[str, int],
    now: int,
    *,
    sources: dict[str, str] | None = None,
) -> list[int]:
    """Store new articles (inside the caller's transaction) with the server's read/starred
    state; returns the local ids of those inserted. Articles already mapped are left alone
    (their state is merged by `apply_state`). An article whose feed is not local is stored
    only if it is starred (a favorite outlives its feed), with its source name from `sources`.
    """
    from reader.core.decide import Plan

    known = mapped_ids(conn, account_id, [a.id for a in articles])
    groups: dict[int | None, list[tuple[RemoteArticle, ParsedEntry]]] = {}
    for article in articles:
        if article.id in known:
            continue
        feed_id = feeds.get(article.feed_id)
        if feed_id is None and not article.starred:
            continue
        base = article.link or ""
        groups.setdefault(feed_id, []).append((article, entry_of(article, base)))
    inserted: list[int] = []
    for feed_id, items in groups.items():
        new: dict[str, ParsedEntry] = {}
        for _article, entry in items:
            if _local_id(conn, feed_id, entry.key) is None:
                new.setdefault(entry.key, entry)
        article_store.apply_plan(conn, feed_id, Plan(inserts=list(new.values())), now)  # type: ignore[arg-type]
        for article, entry in items:
            local = _local_id(conn, feed_id, entry.key)
            if local is None:
                continue
            conn.execute(
                "INSERT OR IGNORE INTO sync_articles(account_id, remote_id, article_id) "
                "VALUES (?, ?, ?)",
                (account_id, article.id, local),
            )
            if entry.key in new:
                del new[entry.key]
                inserted.append(local)
                source = (sources or {}).get(article.feed_id) or _host(article.link)
                conn.execute(
                    "UPDATE articles SET read = ?, starred = ?, starred_at = ?, "
                    "source = COALESCE(?, source) WHERE id = ?",
                    (
                        int(not article.unread),
                        int(article.starred),
                        now if article.starred else None,
                        source if feed_id is None else None,
                        local,
                    ),
                )
    return inserted


def _local_id(conn: sqlite3.Connection, feed_id: int | None, key: str) -> int | None:
    if feed_id is None:
        row = conn.execute(
            "SELECT id FROM articles WHERE feed_id IS NULL AND key = ?", (key,)
        ).fetchone()
    else:
        row = conn.execute(
            "SELECT id FROM articles WHERE feed_id = ? AND key = ?", (feed_id, key)
        ).fetchone()
    return row[0] if row else None


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def apply_state(
    conn: sqlite3.Connection, account_id: int, kind: str, true_ids: Iterable[str], now: int
) -> list[tuple[int, int]]:
    """Make local read (or starred) state match the server's, except where a local change is
    still queued (the queued change wins). `true_ids` are the server's unread (for kind 'read')
    or starred ids. Returns (article id, new value) of the articles that changed.
    """
    assert kind in ("read", "starred")
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS sync_ids(remote_id TEXT PRIMARY KEY) WITHOUT ROWID"
    )
    conn.execute("DELETE FROM temp.sync_ids")
    conn.executemany(
        "INSERT OR IGNORE INTO temp.sync_ids(remote_id) VALUES (?)", ((i,) for i in true_ids)
    )
    # Server ids are unread ids for 'read' (so "want" is NOT in), starred ids for 'starred'.
    want = "s.remote_id NOT IN temp.sync_ids" if kind == "read" else "s.remote_id IN temp.sync_ids"
    extra = ", starred_at = CASE WHEN x.want THEN ? ELSE NULL END" if kind == "starred" else ""
    params: list[object] = [now] if kind == "starred" else []
    changed = conn.execute(
        f"""UPDATE articles SET {kind} = x.want{extra}
            FROM (SELECT s.article_id AS aid, ({want}) AS want FROM sync_articles s
                  WHERE s.account_id = ? AND NOT EXISTS (
                      SELECT 1 FROM sync_pending p WHERE p.account_id = s.account_id
                      AND p.kind = ? AND p.remote_id = s.remote_id)) AS x
            WHERE articles.id = x.aid AND articles.{kind} != x.want
            RETURNING articles.id, articles.{kind}""",
        [*params, account_id, kind],
    ).fetchall()
    conn.execute("DELETE FROM temp.sync_ids")
    return [(r[0], r[1]) for r in changed]


def starred_among(conn: sqlite3.Connection, article_ids: Sequence[int]) -> list[int]:
    found: list[int] = []
    for chunk, marks in in_chunks(article_ids, _CHUNK):
        found.extend(
            r[0]
            for r in conn.execute(
                f"SELECT id FROM articles WHERE starred = 1 AND id IN ({marks})", chunk
            )
        )
    return found
