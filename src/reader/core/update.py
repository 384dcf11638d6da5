"""Refreshing feeds: fetch many at once, parse off the writer thread, store as they come.

`refresh_iter` yields one UpdateResult per feed as soon as that feed is stored, so a window can
drive a progress bar and stop between feeds. Only the calling thread writes to the database:
the feeds that are ready are stored together, one transaction for at most about
MAX_TRANSACTION seconds of writing (a commit per feed cost a 500-feed refresh seconds), each
feed inside its own savepoint so one feed's failure leaves the others. At most `workers` feeds
are being fetched, parsed or waiting for the writer at once (the next starts when the writer
takes one), so memory does not grow with the number of feeds.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import queue
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import BrokenExecutor, CancelledError, Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core import fetch as fetching
from reader.core.errors import FetchError, ParseError, StorageError
from reader.core.storage import articles as store
from reader.core.storage import feeds as feed_store
from reader.core.storage.db import describe
from reader.core.storage.feeds import FetchState
from reader.core.types import UpdateResult
from reader.core.workers import bounded

if TYPE_CHECKING:
    from reader.core.parse import ParsedFeed

# Parsing, deciding and hashing load when a feed changed: a refresh where every feed answers
# 304 never imports them (~20 ms of its start).

log = logging.getLogger(__name__)

FETCH_WORKERS = 64
GATHER = 0.1  # seconds to wait for more finished feeds before writing what is ready
GATHER_FEEDS = 8  # ... unless this many are ready
MAX_TRANSACTION = 0.2  # seconds of writing in one transaction (a kill loses at most that)

Images = tuple[tuple[str, ...], ...]  # each parsed entry's image URLs, in entry order


@dataclass(frozen=True, slots=True)
class Outcome:
    state: FetchState
    fetched: fetching.Fetched | None = None
    parsed: ParsedFeed | None = None
    error: str | None = None
    body_hash: str | None = None
    retry_delay: int | None = None  # seconds the server asked us to wait (429/503 Retry-After)
    images: Images | None = None  # None: not looked for (the caller links images itself)

    @property
    def unchanged(self) -> bool:
        """Fetched fine, nothing to parse: a 304, or the very bytes parsed last time."""
        return self.error is None and self.parsed is None


def digest(body: bytes) -> str:
    import hashlib

    return hashlib.blake2b(body, digest_size=16).hexdigest()


def parse_for_store(body: bytes, headers: dict[str, str], url: str) -> tuple[ParsedFeed, Images]:
    """Parse, and find each entry's images: work kept off the writer (in a parse worker)."""
    from reader.core.offline import parsed_image_urls
    from reader.core.parse import parse_feed

    parsed = parse_feed(body, headers, url)
    return parsed, tuple(parsed_image_urls(entry) for entry in parsed.entries)


def fetch_and_parse(
    client: fetching.Client, state: FetchState, parse_pool: Executor | None = None
) -> Outcome:
    """Network and CPU work for one feed; never touches the database."""
    try:
        fetched = fetching.fetch(
            client, state.url, etag=state.etag, last_modified=state.last_modified
        )
        if fetched.status == 304:
            return Outcome(state, fetched)
        body_hash = digest(fetched.body)
        if body_hash == state.body_hash:  # a server without conditional GET, same bytes
            return Outcome(state, fetched, body_hash=body_hash)
        args = (fetched.body, fetched.headers, fetched.url)
        if parse_pool is not None:
            parsed, images = parse_pool.submit(parse_for_store, *args).result()
        else:
            parsed, images = bounded(len(fetched.body), parse_for_store, *args)
        fetched = dataclasses.replace(fetched, body=b"")  # parsed: do not keep it until stored
        return Outcome(state, fetched, parsed, body_hash=body_hash, images=images)
    except fetching.RetryLaterError as exc:
        return Outcome(state, error=str(exc), retry_delay=exc.delay)
    except (FetchError, ParseError) as exc:
        return Outcome(state, error=str(exc))
    except (CancelledError, BrokenExecutor):
        return Outcome(state, error="The refresh was cancelled.")
    except RuntimeError as exc:
        if "shutdown" in str(exc):  # the parse pool closed because the refresh stopped
            return Outcome(state, error="The refresh was cancelled.")
        raise
    except Exception as exc:  # a bug or an odd library failure must not stop other feeds
        log.exception("refreshing %s failed", state.url)
        return Outcome(
            state, error=f"Unexpected error while reading the feed ({type(exc).__name__})."
        )


def store_outcome(conn: sqlite3.Connection, outcome: Outcome, now: int) -> UpdateResult:
    """Write one feed's result in one short transaction."""
    return store_outcomes(conn, deque([outcome]), lambda: now)[0]


def store_outcomes(
    conn: sqlite3.Connection,
    ready: deque[Outcome],
    clock: Callable[[], float],
    *,
    cancel: threading.Event | None = None,
    more: Callable[[], Outcome | None] | None = None,
) -> list[UpdateResult]:
    """Write feeds' results in one transaction, each feed in a savepoint of its own.

    Takes outcomes from `ready`, then from `more()` while it has some, until about
    MAX_TRANSACTION seconds have passed or `cancel` is set; what is left stays in `ready`.
    A feed that fails is rolled back alone and reported; an environment error (disk full,
    read-only, corrupt) rolls back all of them and raises StorageError.
    """
    stop_at = time.monotonic() + MAX_TRANSACTION
    taken: list[Outcome] = []
    results: list[UpdateResult] = []
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            while time.monotonic() < stop_at and not (cancel and cancel.is_set()):
                outcome = ready.popleft() if ready else (more() if more else None)
                if outcome is None:
                    break
                taken.append(outcome)
                results.append(_store_one(conn, outcome, int(clock())))
            conn.execute("COMMIT")
            return results
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        if environment_error(exc):
            # Disk full, read-only, corrupt: every other feed would fail the same way.
            raise StorageError(describe(exc)) from None
        log.warning("storing %d feeds failed: %s", len(taken) or 1, exc)  # e.g. locked
        if not taken and ready:
            taken.append(ready.popleft())  # reported failed, so the refresh goes on
        return [UpdateResult(o.state.id, o.state.url, "error", error=describe(exc)) for o in taken]


def _store_one(conn: sqlite3.Connection, outcome: Outcome, now: int) -> UpdateResult:
    state = outcome.state
    conn.execute("SAVEPOINT feed")
    try:
        if feed_store.find_feed_id(conn, state.url) != state.id:
            result = UpdateResult(state.id, state.url, "error", error="The feed was removed.")
            conn.execute("ROLLBACK TO feed")  # removed or re-pointed while we fetched
        else:
            result = _store(conn, outcome, now)
    except sqlite3.Error as exc:
        if environment_error(exc):
            raise
        log.warning("storing %s failed: %s", state.url, exc)
        conn.execute("ROLLBACK TO feed")
        result = UpdateResult(state.id, state.url, "error", error=describe(exc))
    conn.execute("RELEASE feed")
    return result


def _store(conn: sqlite3.Connection, outcome: Outcome, now: int) -> UpdateResult:
    state = outcome.state
    if outcome.error is not None:
        retry_after = now + outcome.retry_delay if outcome.retry_delay else None
        feed_store.record_error(conn, state.id, outcome.error, now, retry_after=retry_after)
        return UpdateResult(state.id, state.url, "error", error=outcome.error)
    fetched = outcome.fetched
    assert fetched is not None
    parsed = outcome.parsed
    feed_store.record_success(
        conn,
        state.id,
        title=parsed.title if parsed else None,
        site_url=parsed.site_url if parsed else None,
        language=parsed.language if parsed else None,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
        new_url=fetched.permanent_url,
        now=now,
        body_hash=outcome.body_hash if parsed else None,
    )
    if parsed is None:
        return UpdateResult(state.id, state.url, "not_modified")
    from reader.core.decide import decide

    plan = decide(
        store.stored_entries(conn, state.id), parsed.entries, store.purged_keys(conn, state.id)
    )
    images = None
    if outcome.images is not None:
        images = {}
        for entry, urls in zip(parsed.entries, outcome.images, strict=True):
            images.setdefault(entry.key, urls)  # decide keeps the first entry of a key
    store.apply_plan(conn, state.id, plan, now, images=images)
    return UpdateResult(
        state.id, state.url, "updated", new=len(plan.inserts), updated=len(plan.updates)
    )


def refresh_iter(
    conn: sqlite3.Connection,
    states: list[FetchState],
    *,
    client: fetching.Client,
    cancel: threading.Event | None = None,
    parse_pool: Executor | None = None,
    clock: Callable[[], float] = time.time,
    workers: int = FETCH_WORKERS,
) -> Iterator[UpdateResult]:
    """Refresh the given feeds, yielding each feed's result when it is stored.

    Setting `cancel` stops between feeds: feeds already stored stay stored, the rest are left.
    """
    cancel = cancel or threading.Event()
    now = int(clock())
    for state in states:
        if state.retry_after is not None and state.retry_after > now:
            # Not asked at all: the server said when it wants to hear from us again.
            yield UpdateResult(state.id, state.url, "error", error=waiting_message(state))
    states = [s for s in states if s.retry_after is None or s.retry_after <= now]
    if not states:
        return
    feeds = _Pipeline(states, client, parse_pool, min(workers, len(states)))
    try:
        while feeds.running and not cancel.is_set():
            first = feeds.take(timeout=0.2)
            if first is None:
                continue
            ready = deque([first])
            # The writer is ahead: wait a little for more, to write several in one commit.
            gather_until = time.monotonic() + GATHER
            while feeds.running and len(ready) < GATHER_FEEDS:
                outcome = feeds.take(timeout=max(0.0, gather_until - time.monotonic()))
                if outcome is None:
                    break
                ready.append(outcome)
            while ready and not cancel.is_set():
                yield from store_outcomes(conn, ready, clock, cancel=cancel, more=feeds.take)
    finally:
        feeds.close()


class _Pipeline:
    """Fetch (and parse) feeds in threads, at most `size` of them in flight or waiting to be
    stored, so the memory a refresh holds does not grow with the number of feeds."""

    def __init__(
        self,
        states: list[FetchState],
        client: fetching.Client,
        parse_pool: Executor | None,
        size: int,
    ) -> None:
        self.client, self.parse_pool = client, parse_pool
        self.pool = ThreadPoolExecutor(max_workers=size, thread_name_prefix="fetch")
        self.finished: queue.SimpleQueue[Future[Outcome]] = queue.SimpleQueue()
        self.waiting = iter(states)
        self.running = 0  # started and not taken yet
        for state in itertools.islice(self.waiting, size):
            self._start(state)

    def _start(self, state: FetchState) -> None:
        future = self.pool.submit(fetch_and_parse, self.client, state, self.parse_pool)
        future.add_done_callback(self.finished.put)
        self.running += 1

    def take(self, timeout: float = 0.0) -> Outcome | None:
        """The next finished feed (None if none within `timeout`); the next fetch starts."""
        if not self.running:
            return None
        try:
            future = self.finished.get(timeout=timeout) if timeout else self.finished.get_nowait()
        except queue.Empty:
            return None
        self.running -= 1
        if (state := next(self.waiting, None)) is not None:
            self._start(state)
        return future.result()

    def close(self) -> None:
        # Do not wait for fetches still in flight: they write nothing and end by their deadline.
        self.pool.shutdown(wait=False, cancel_futures=True)


def waiting_message(state: FetchState) -> str:
    """The row of a feed skipped because its server asked to wait (local time)."""
    until = time.localtime(state.retry_after or 0)
    today = time.localtime()
    shown = time.strftime("%H:%M" if until[:3] == today[:3] else "%Y-%m-%d %H:%M", until)
    return f"Waiting until {shown} as the server asked; the feed was not checked this time."


def environment_error(exc: sqlite3.Error) -> bool:
    """The machine's fault, not one feed's: the refresh stops and tells the user."""
    text = str(exc).lower()
    return any(
        word in text for word in ("full", "disk i/o", "readonly", "malformed", "not a database")
    )
