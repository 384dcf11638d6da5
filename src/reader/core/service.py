"""The facade that the window and the command line call. Storage stays behind it.

One Service per data dir. Every thread gets its own SQLite connection; writes are short
transactions so the window and the command line can share one data dir (WAL).
"""

from __future__ import annotations

import dataclasses
import gc
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core import paths
from reader.core.errors import FetchError, InvalidURLError, ParseError, ReaderError, StorageError
from reader.core.service_offline import OfflineCopies
from reader.core.storage import articles as article_store
from reader.core.storage import feeds as feed_store
from reader.core.storage import search
from reader.core.storage.db import connect, describe, transaction
from reader.core.types import (
    Article,
    ArticleDetail,
    Category,
    Feed,
    Folder,
    ImportReport,
    Query,
    UpdateResult,
)

if TYPE_CHECKING:  # the network, parsing and offline modules load when first used
    from reader.core import discover, offline
    from reader.core import fetch as fetching
    from reader.core.parse import ParsedFeed

log = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 90
ALL = Query()
PARSE_POOL_MIN_FEEDS = 8  # below this, starting worker processes costs more than it saves
# Articles indexed per write transaction when a search catches up: other writers wait for one
# such step (~0.2 s), not for all.
CATCH_UP_STEP = 2000


class Service(OfflineCopies):
    """Everything a client can do with Reader's data.

    Args:
        data_dir: the folder holding the database (created if missing).
        clock: seconds since the epoch; injected by tests.
    """

    def __init__(self, data_dir: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.data_dir = Path(data_dir)
        self.db_path = paths.database_path(self.data_dir)
        self.clock = clock
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._client: fetching.Client | None = None
        self._images: offline.ImageCache | None = None
        self._image_uses: dict[int, int] = {}  # image id -> last shown; written at next download
        try:
            search.ensure_current(self.conn)  # also opens now: a bad database is refused at start
        except sqlite3.DatabaseError as exc:  # e.g. a corrupt page past the header
            self.close()
            raise StorageError(describe(exc, self.db_path)) from None

    # --- plumbing ---

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.db_path)
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    @property
    def client(self) -> fetching.Client:
        from reader.core import fetch as fetching

        with self._lock:
            if self._client is None:
                self._client = fetching.new_client()
            return self._client

    @property
    def images(self) -> offline.ImageCache:
        """The image files of this data dir (core/offline.py, loaded when first needed)."""
        if self._images is None:
            from reader.core import offline

            self._images = offline.ImageCache(paths.cache_dir(self.data_dir))
        return self._images

    def close(self) -> None:
        if self._image_uses:
            try:
                self._write_image_uses()
            except (ReaderError, sqlite3.Error):
                pass
        with self._lock:
            for conn in self._connections:
                try:
                    conn.close()
                except sqlite3.Error:
                    pass
            self._connections.clear()
            if self._client is not None:
                self._client.close()
                self._client = None
        self._local = threading.local()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with transaction(self.conn, self.db_path) as conn:
            yield conn

    def _now(self) -> int:
        return int(self.clock())

    def setting(self, name: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return row[0] if row else default

    def set_setting(self, name: str, value: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO settings(name, value) VALUES (?, ?)", (name, value)
            )

    # --- subscriptions ---

    def feeds(self) -> list[Feed]:
        return feed_store.list_feeds(self.conn)

    def feed(self, feed_id: int) -> Feed:
        return feed_store.get_feed(self.conn, feed_id)

    def refreshable_feed_ids(self) -> list[int]:
        """The feeds a refresh fetches: all but a sync account's (its server fetches those)."""
        return [state.id for state in feed_store.fetch_states(self.conn)]

    def folders(self) -> list[Folder]:
        return feed_store.list_folders(self.conn)

    def discover(self, url: str) -> list[discover.Candidate]:
        """Feeds offered by a URL: itself if it is a feed, else the feeds its page links to.

        Raises:
            InvalidURLError, FetchError, ParseError: with a sentence for the user.
        """
        from reader.core import discover
        from reader.core import fetch as fetching

        fetched = fetching.fetch(self.client, fetching.check_url(url))
        kind = discover.sniff_feed_kind(fetched.body, fetched.headers.get("content-type"))
        if kind is not None:
            parsed = _parse(fetched)
            return [discover.Candidate(fetched.url, parsed.title, kind)]
        return self._candidates_on_page(fetched)

    def _candidates_on_page(self, page: fetching.Fetched) -> list[discover.Candidate]:
        """Feeds a web page links to; failing that, feeds at the usual paths of its site."""
        from reader.core import discover
        from reader.core import fetch as fetching

        found = discover.find_feed_links(page.body, page.url, encoding=_charset(page.headers))
        if found:
            return found
        for candidate in discover.common_path_candidates(page.url):
            try:
                probe = fetching.fetch(self.client, candidate, deadline=10.0)
            except (FetchError, InvalidURLError):
                continue
            kind = discover.sniff_feed_kind(probe.body, probe.headers.get("content-type"))
            if kind is not None:
                return [discover.Candidate(probe.url, None, kind)]
        raise ParseError(f"No feed was found at {page.url}: the page links to none.")

    def add_feed(self, url: str, *, folder: str | None = None) -> Feed:
        """Subscribe to a feed or site URL (autodiscovery), fetch it and store its articles.

        A site offering several feeds gets its first one; the window lets the user pick
        through `discover` first.
        """
        from reader.core import discover
        from reader.core import fetch as fetching
        from reader.core.update import Outcome, digest, store_outcome

        url = fetching.check_url(url)
        self._refuse_duplicate(url)
        fetched = fetching.fetch(self.client, url)
        if discover.looks_like_feed(fetched.body, fetched.headers.get("content-type")):
            parsed = _parse(fetched)
        else:
            fetched, parsed = self._first_readable(self._candidates_on_page(fetched))
        feed_url = url if fetched.url == url else fetched.url
        self._refuse_duplicate(feed_url)
        with self._write() as conn:
            feed_id = feed_store.insert_feed(
                conn, feed_url, title=parsed.title, folder=folder, now=self._now()
            )
        state = feed_store.fetch_states(self.conn, [feed_id])[0]
        outcome = Outcome(state, fetched, parsed, body_hash=digest(fetched.body))
        store_outcome(self.conn, outcome, self._now())
        # Images are only linked here (no network): the next refresh downloads them.
        self._link_images(self.article_ids(Query(feed_id=feed_id)))
        return self.feed(feed_id)

    def _refuse_duplicate(self, url: str) -> None:
        if (existing := feed_store.find_feed_id(self.conn, url)) is not None:
            raise InvalidURLError(f"You are already subscribed to {url} (feed {existing}).")

    def _first_readable(
        self, candidates: list[discover.Candidate]
    ) -> tuple[fetching.Fetched, ParsedFeed]:
        from reader.core import fetch as fetching

        error: ReaderError = ParseError("No feed was found.")
        for candidate in candidates:
            try:
                fetched = fetching.fetch(self.client, candidate.url)
                return fetched, _parse(fetched)
            except (FetchError, ParseError, InvalidURLError) as exc:
                error = exc
        raise error

    def subscribe(
        self,
        url: str,
        *,
        title: str | None = None,
        folder: str | None = None,
        account_id: int | None = None,
    ) -> int:
        """Store a subscription without fetching it (OPML import, sync); returns its id.

        With `account_id`, the feed belongs to that sync account: the subscribe is queued and
        pushed to the server at the next sync, which then brings its articles.
        """
        from reader.core import fetch as fetching
        from reader.core.storage import sync as sync_store

        url = fetching.check_url(url)
        with self._write() as conn:
            feed_id = feed_store.find_feed_id(conn, url)
            if feed_id is None:
                feed_id = feed_store.insert_feed(
                    conn, url, title=title, folder=folder, now=self._now()
                )
            if account_id is not None:
                sync_store.queue_subscribe(conn, account_id, feed_id, self._now())
            return feed_id

    def remove_feed(self, feed_id: int) -> None:
        """Unsubscribe; the feed's favorites stay, with the feed's name as their source."""
        from reader.core.storage import sync as sync_store

        with self._write() as conn:
            sync_store.queue_unsubscribe(conn, feed_id, self._now())  # a synced feed's server
            feed_store.delete_feed(conn, feed_id)

    def update_feed(
        self,
        feed_id: int,
        *,
        title: str | None = None,
        url: str | None = None,
        folder: str | None = None,
        clear_folder: bool = False,
    ) -> Feed:
        if url is not None:
            from reader.core import fetch as fetching

            url = fetching.check_url(url)
        with self._write() as conn:
            feed_store.update_feed(
                conn, feed_id, title=title, url=url, folder=folder, clear_folder=clear_folder
            )
        return self.feed(feed_id)

    def add_folder(self, name: str) -> None:
        if not name.strip():
            raise InvalidURLError("A folder needs a name.")
        with self._write() as conn:
            feed_store.ensure_folder(conn, name)

    def rename_folder(self, old: str, new: str) -> None:
        if not new.strip():
            raise InvalidURLError("A folder needs a name.")
        with self._write() as conn:
            feed_store.rename_folder(conn, old, new.strip())

    def delete_folder(self, name: str) -> None:
        with self._write() as conn:
            feed_store.delete_folder(conn, name)

    # --- OPML ---

    def import_opml(self, data: bytes) -> ImportReport:
        """Subscribe to every feed of an OPML document, all in one transaction."""
        from reader.core import fetch as fetching
        from reader.core import opml

        result = opml.parse_opml(data)
        skipped = list(result.skipped)
        added: list[int] = []
        with self._write() as conn:
            for item in result.feeds:
                try:
                    url = fetching.check_url(item.url)
                except InvalidURLError as exc:
                    skipped.append(str(exc))
                    continue
                if feed_store.find_feed_id(conn, url) is not None:
                    skipped.append(f"already subscribed: {url}")
                    continue
                added.append(
                    feed_store.insert_feed(
                        conn, url, title=item.title, folder=item.folder, now=self._now()
                    )
                )
        return ImportReport(len(added), len(skipped), tuple(skipped), tuple(added))

    def export_opml(self) -> str:
        from reader.core import opml

        return opml.export_opml((f.url, f.title, f.folder) for f in self.feeds())

    # --- refresh ---

    def refresh_iter(
        self,
        feed_ids: Sequence[int] | None = None,
        *,
        cancel: threading.Event | None = None,
        images: bool = True,
    ) -> Iterator[UpdateResult]:
        """Refresh all (or some) feeds; one result per feed, in completion order.

        Old read articles are purged afterwards (favorites and unread ones never are). After the
        last result, still inside the generator (so the progress is never held up): full text
        for feeds that ask for it, then the new articles' images (unless `images` is False or
        the setting `download_images` is "0"), then the cache budget. `cancel` also stops that
        work, between two pages or images.
        """
        from reader.core.update import refresh_iter
        from reader.core.workers import LazyPool, parse_pool

        if feed_ids is not None:
            for feed_id in feed_ids:
                feed_store.get_feed(self.conn, feed_id)
        states = feed_store.fetch_states(self.conn, list(feed_ids) if feed_ids else None)
        pool = LazyPool(parse_pool) if len(states) >= PARSE_POOL_MIN_FEEDS else None
        # What the process held before (a window's whole state) stays out of the garbage
        # collections the refresh's allocations trigger: a full one scanned it all and held
        # the GIL, freezing the window up to 100 ms (benchmarks/window_latency.py).
        gc.freeze()
        try:
            yield from refresh_iter(
                self.conn,
                states,
                client=self.client,
                cancel=cancel,
                parse_pool=pool,
                clock=self.clock,
            )
        finally:
            gc.unfreeze()
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
        if not (cancel and cancel.is_set()):
            self.purge()
            self._after_refresh([s.id for s in states], cancel, images=images)

    def purge(self, days: int | None = None) -> int:
        days = (
            days
            if days is not None
            else int(
                self.setting("retention_days", str(DEFAULT_RETENTION_DAYS))
                or DEFAULT_RETENTION_DAYS
            )
        )
        with self._write() as conn:
            return article_store.purge(conn, self._now() - days * 86400)

    def update_search(self, *, step: int = 500) -> bool:
        """One short step of search upkeep (storage/search.py): index up to `step` articles a
        refresh stored, or else move some between the two indexes (the newest in the small
        one that makes a search of the whole store quick). True while more steps are due. The
        window runs these in the background after a refresh, never the refresh itself."""
        with self._write() as conn:
            if search.index_pending(conn, step):
                return True
            return search.balance_step(conn, step=step)

    def catch_up_search(self) -> None:
        """Index what refreshes stored since the last search or upkeep, so a search finds it
        (a few seconds after a first refresh of 30,000 articles; usually nothing). Only what
        was waiting when the search began: a refresh storing meanwhile (the window's, or
        another process's) would otherwise keep the search indexing until it ends."""
        upto = search.newest_pending(self.conn)
        more = upto is not None
        while more:
            with self._write() as conn:
                more = search.index_pending(conn, CATCH_UP_STEP, upto=upto)

    # --- articles ---

    def article_ids(self, query: Query = ALL, *, limit: int | None = None) -> list[int]:
        if query.search and query.search.strip():
            self.catch_up_search()
        return article_store.article_ids(self.conn, query, limit)

    def articles_by_ids(self, ids: Sequence[int]) -> list[Article]:
        return article_store.articles_by_ids(self.conn, ids)

    def articles(self, query: Query = ALL, *, limit: int | None = 50) -> list[Article]:
        return self.articles_by_ids(self.article_ids(query, limit=limit or None))

    def article(self, article_id: int) -> ArticleDetail:
        return article_store.article_detail(self.conn, article_id)

    def categories(self, *, starred_only: bool = False) -> list[Category]:
        return article_store.categories(self.conn, starred_only=starred_only)

    def counts(self) -> dict[str, int]:
        return article_store.counts(self.conn)

    def set_read(self, ids: Sequence[int], read: bool = True) -> None:
        from reader.core.storage import sync as sync_store

        with self._write() as conn:
            article_store.set_flag(conn, ids, "read", read, self._now())
            sync_store.queue_flags(conn, ids, "read", read, self._now())

    def set_starred(self, ids: Sequence[int], starred: bool = True) -> None:
        from reader.core.storage import sync as sync_store

        with self._write() as conn:
            article_store.set_flag(conn, ids, "starred", starred, self._now())
            sync_store.queue_flags(conn, ids, "starred", starred, self._now())
        if starred:  # linked images are pinned; `download_images(ids)` fetches missing ones
            self._link_images(ids)

    def mark_all_read(self, query: Query = ALL) -> int:
        ids = self.article_ids(dataclasses.replace(query, unread=True))
        self.set_read(ids, True)
        return len(ids)

    def export_favorites(self, path: Path, *, fmt: str = "html") -> int:
        """Write every favorite to one file; its stored images go inside it (data: URIs)."""
        from reader.core import favorites

        items = list(article_store.favorites_for_export(self.conn))
        local = {item.id: self.image_map(item.id) for item in items}
        favorites.export(items, path, fmt=fmt, images=local)
        return len(items)


def _charset(headers: dict[str, str]) -> str | None:
    content_type = headers.get("content-type", "")
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def _parse(fetched: fetching.Fetched) -> ParsedFeed:
    """Parse one document outside a refresh (adding, discovering): bounded like a refresh's."""
    from reader.core.parse import parse_feed
    from reader.core.workers import bounded

    return bounded(len(fetched.body), parse_feed, fetched.body, fetched.headers, fetched.url)
