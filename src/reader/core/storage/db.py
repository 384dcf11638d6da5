"""Opening the database: WAL, pragmas, application id, schema migrations, friendly refusals."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from reader.core.errors import StorageError

APPLICATION_ID = 0x52454144  # "READ"
SCHEMA_VERSION = 6

# The full-text indexes' definition (storage/search.py: the main one and the recent one).
_FTS = "fts5(title, author, body, content = '', tokenize = 'unicode61 remove_diacritics 2')"

_SCHEMA_1 = f"""
CREATE TABLE settings(name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE folders(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE feeds(
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    user_title TEXT,
    site_url TEXT,
    language TEXT,
    folder_id INTEGER REFERENCES folders(id) ON DELETE SET NULL,
    etag TEXT,
    last_modified TEXT,
    body_hash TEXT,
    error TEXT,
    last_fetched INTEGER,
    added INTEGER NOT NULL,
    full_text INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,
    feed_id INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
    key TEXT NOT NULL,
    guid TEXT,
    link TEXT,
    title TEXT NOT NULL,
    author TEXT,
    published INTEGER,
    updated INTEGER,
    sort_time INTEGER NOT NULL,
    added INTEGER NOT NULL,
    enclosures TEXT,
    comments TEXT,
    direction TEXT NOT NULL DEFAULT 'ltr',
    hash TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    starred_at INTEGER,
    source TEXT
);
-- The large text lives apart, so scans of the list columns (counts, categories) stay small.
CREATE TABLE article_content(
    id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    content_html TEXT NOT NULL,
    summary TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_feed_key ON articles(feed_id, key);
CREATE INDEX articles_feed_link ON articles(feed_id, link);
CREATE INDEX articles_sort ON articles(sort_time DESC, id DESC);
CREATE INDEX articles_feed_sort ON articles(feed_id, sort_time DESC, id DESC);
CREATE INDEX articles_unread_sort ON articles(sort_time DESC, id DESC) WHERE read = 0;
CREATE INDEX articles_starred_sort ON articles(sort_time DESC, id DESC) WHERE starred = 1;
CREATE INDEX articles_feed_read ON articles(feed_id, read);
CREATE INDEX articles_purgeable ON articles(sort_time) WHERE read = 1 AND starred = 0;
CREATE TABLE categories(id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE);
CREATE TABLE article_categories(
    category_id INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    sort_time INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY(category_id, sort_time, article_id)
) WITHOUT ROWID;
CREATE INDEX article_categories_article ON article_categories(article_id, category_id);
CREATE VIRTUAL TABLE articles_fts USING {_FTS};
INSERT INTO settings(name, value) VALUES ('fts_text_version', '1');
CREATE TABLE purged(
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    PRIMARY KEY(feed_id, key)
) WITHOUT ROWID;
CREATE TABLE images(
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL,
    path TEXT,
    mime TEXT,
    size INTEGER NOT NULL DEFAULT 0,
    fetched INTEGER,
    last_used INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX images_lru ON images(last_used, id) WHERE path IS NOT NULL;
CREATE TABLE article_images(
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
    PRIMARY KEY(article_id, image_id)
) WITHOUT ROWID;
CREATE INDEX article_images_image ON article_images(image_id, article_id);
CREATE TABLE full_text(
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    fetched INTEGER NOT NULL,
    error TEXT
);
"""

# Sync with a server (storage/sync.py). Mapping tables, not columns on feeds/articles: a local
# feed or favorite has no row here and is untouched; removing an account cascades to its rows
# only, and its feeds stay as local subscriptions.
_SCHEMA_4 = """
CREATE TABLE accounts(
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('ttrss', 'greader')),
    url TEXT NOT NULL,
    user TEXT NOT NULL,
    secret TEXT NOT NULL,
    marker TEXT,
    synced INTEGER,
    error TEXT,
    added INTEGER NOT NULL,
    UNIQUE(kind, url, user)
);
CREATE TABLE sync_feeds(
    feed_id INTEGER PRIMARY KEY REFERENCES feeds(id) ON DELETE CASCADE,
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    remote_id TEXT,
    UNIQUE(account_id, remote_id)
);
CREATE TABLE sync_articles(
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY(account_id, remote_id)
) WITHOUT ROWID;
CREATE INDEX sync_articles_article ON sync_articles(article_id);
CREATE TABLE sync_pending(
    account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('read', 'starred', 'subscribe', 'unsubscribe')),
    remote_id TEXT NOT NULL,
    value INTEGER NOT NULL,
    changed INTEGER NOT NULL,
    PRIMARY KEY(account_id, kind, remote_id)
) WITHOUT ROWID
"""

_RECENT_FTS = f"CREATE VIRTUAL TABLE articles_fts_recent USING {_FTS}"
_SEARCH_PENDING = (
    "CREATE TABLE search_pending(id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE)"
)

# One function per schema step: MIGRATIONS[n] upgrades a database at version n to n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    0: lambda conn: _run_script(conn, _SCHEMA_1),
    # 1 -> 2: when a server answered 429/503 with Retry-After, the time (epoch s) before which
    # the feed is not asked again.
    1: lambda conn: _run_script(conn, "ALTER TABLE feeds ADD COLUMN retry_after INTEGER"),
    # 2 -> 3: finding what a refresh added (for its images) without reading every row.
    2: lambda conn: _run_script(conn, "CREATE INDEX articles_added ON articles(added)"),
    # 3 -> 4: sync accounts (tables described in storage/sync.py).
    3: lambda conn: _run_script(conn, _SCHEMA_4),
    # 4 -> 5: the second search index, of the newest articles (storage/search.py); empty and
    # unused until the first balance step.
    4: lambda conn: _run_script(conn, _RECENT_FTS),
    # 5 -> 6: articles stored but not yet in a search index (storage/search.py).
    5: lambda conn: _run_script(conn, _SEARCH_PENDING),
}


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: executescript() would commit the migration's transaction."""
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def connect(path: Path, *, create: bool = True) -> sqlite3.Connection:
    """Open (and if needed create or upgrade) Reader's database at path.

    Raises:
        StorageError: the file is not Reader's, is newer than this code, corrupt or unwritable.
    """
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise StorageError(f"No Reader database at {path}.")
    if not exists:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"Cannot create the data folder {path.parent}: {exc.strerror}."
            ) from None
    try:
        conn = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StorageError(describe(exc, path)) from None
    try:
        _check_and_migrate(conn, path, exists)
    except BaseException:
        conn.close()
        raise
    return conn


def _check_and_migrate(conn: sqlite3.Connection, path: Path, exists: bool) -> None:
    try:
        # One statement, so one snapshot: read apart, another process creating the database
        # could commit in between (no id yet, then tables: "not a Reader database").
        app_id, version, has_tables = conn.execute(
            "SELECT (SELECT application_id FROM pragma_application_id), "
            "(SELECT user_version FROM pragma_user_version), "
            "EXISTS (SELECT 1 FROM sqlite_master)"
        ).fetchone()
        # A file with no table yet is a database another Reader process is just creating.
        blank = not has_tables
    except sqlite3.OperationalError as exc:  # read-only folder, locked: not the file's fault
        raise StorageError(describe(exc, path)) from None
    except sqlite3.DatabaseError:
        raise StorageError(
            f"{path} is not a Reader database or is corrupt; it was left untouched. "
            "Move it away (or restore a backup) and start again."
        ) from None
    if exists and app_id != APPLICATION_ID and not (blank and app_id == version == 0):
        raise StorageError(
            f"{path} is not a Reader database (another program's file?); it was left untouched. "
            "Move it away, or use another data folder."
        )
    if version > SCHEMA_VERSION:
        raise StorageError(
            f"{path} was written by a newer version of Reader (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); please upgrade Reader. The file was left untouched."
        )
    try:
        _use_wal(conn)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA busy_timeout = 30000")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -16000")
        if version < SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have migrated (or created) it while we waited for the lock.
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                for step in range(version, SCHEMA_VERSION):
                    MIGRATIONS[step](conn)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
    except sqlite3.OperationalError as exc:
        raise StorageError(describe(exc, path)) from None
    except sqlite3.DatabaseError as exc:
        raise StorageError(
            f"The database {path} is corrupt ({exc}); it was left untouched."
        ) from None


def _use_wal(conn: sqlite3.Connection, *, patience: float = 30.0) -> None:
    """Put the file in WAL mode (kept in the file). Changing the mode needs the file alone for
    a moment, and SQLite answers "locked" at once rather than wait for it: two processes
    opening a new data folder together would see that, so it is tried again for a while."""
    deadline = time.monotonic() + patience
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def describe(exc: sqlite3.Error, path: Path | None = None) -> str:
    """One sentence for an environment error from SQLite."""
    text = str(exc).lower()
    where = f" ({path})" if path else ""
    if "readonly" in text or "read-only" in text:
        return (
            f"The database{where} is read-only; nothing was changed. Check the data folder's "
            "permissions, or use another data folder."
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return (
            f"The database{where} is corrupt; it was left untouched. Move it away (or restore "
            "a backup) and start again."
        )
    if "full" in text:
        return f"The disk is full; nothing was lost, free some space and try again{where}."
    if "disk i/o error" in text:  # a write refused: file size limit, quota, failing disk
        return (
            f"The database{where} could not be written to disk (is it full?); nothing was "
            "lost: free some space and try again."
        )
    if "locked" in text or "busy" in text:
        return f"The database{where} is busy in another program; try again in a moment."
    if "unable to open" in text:
        return (
            f"The database{where} cannot be opened; check that the data folder exists and "
            "that you may write in it."
        )
    return f"Database error{where}: {exc}."


@contextmanager
def transaction(conn: sqlite3.Connection, path: Path | None = None) -> Iterator[sqlite3.Connection]:
    """One short write transaction; an environment failure becomes a StorageError."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:
        raise StorageError(describe(exc, path)) from None


def in_chunks(ids: Sequence[object], size: int = 500) -> Iterator[tuple[list[object], str]]:
    """(chunk, "?,?,...") pairs over `ids`: an IN list stays under SQLite's variable limit."""
    for start in range(0, len(ids), size):
        chunk = list(ids[start : start + size])
        yield chunk, ",".join("?" * len(chunk))
