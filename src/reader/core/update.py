"""Refreshing feeds: fetch many at once, parse off the writer thread, store one feed at a time.

`refresh_iter` yields one UpdateResult per feed as soon as that feed is stored, so a window can
drive a progress bar and stop between feeds. Only the calling thread writes to the database.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import (
    FIRST_COMPLETED,
    CancelledError,
    Executor,
    Future,
    ThreadPoolExecutor,
    wait,
)
from concurrent.futures.process import BrokenProcessPool as BrokenExecutor
from dataclasses import dataclass

import httpx

from reader.core import fetch as fetching
from reader.core.decide import decide
from reader.core.errors import FetchError, ParseError, StorageError
from reader.core.parse import ParsedFeed, parse_feed
from reader.core.storage import articles as store
from reader.core.storage import feeds as feed_store
from reader.core.storage.db import describe
from reader.core.storage.feeds import FetchState
from reader.core.types import UpdateResult

log = logging.getLogger(__name__)

FETCH_WORKERS = 64


@dataclass(frozen=True, slots=True)
class Outcome:
    state: FetchState
    fetched: fetching.Fetched | None = None
    parsed: ParsedFeed | None = None
    error: str | None = None
    body_hash: str | None = None
    retry_delay: int | None = None  # seconds the server asked us to wait (429/503 Retry-After)

    @property
    def unchanged(self) -> bool:
        """Fetched fine, nothing to parse: a 304, or the very bytes parsed last time."""
        return self.error is None and self.parsed is None


def digest(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def fetch_and_parse(
    client: httpx.Client, state: FetchState, parse_pool: Executor | None = None
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
        if parse_pool is not None:
            future = parse_pool.submit(parse_feed, fetched.body, fetched.headers, fetched.url)
            return Outcome(state, fetched, future.result(), body_hash=body_hash)
        parsed = parse_feed(fetched.body, fetched.headers, fetched.url)
        return Outcome(state, fetched, parsed, body_hash=body_hash)
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
    state = outcome.state
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if feed_store.find_feed_id(conn, state.url) != state.id:
                conn.execute("ROLLBACK")  # removed or re-pointed while we fetched
                return UpdateResult(state.id, state.url, "error", error="The feed was removed.")
            result = _store(conn, outcome, now)
            conn.execute("COMMIT")
            return result
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        if environment_error(exc):
            # Disk full, read-only, corrupt: every other feed would fail the same way.
            raise StorageError(describe(exc)) from None
        log.warning("storing %s failed: %s", state.url, exc)
        return UpdateResult(state.id, state.url, "error", error=describe(exc))


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
    plan = decide(
        store.stored_entries(conn, state.id), parsed.entries, store.purged_keys(conn, state.id)
    )
    store.apply_plan(conn, state.id, plan, now)
    return UpdateResult(
        state.id, state.url, "updated", new=len(plan.inserts), updated=len(plan.updates)
    )


def refresh_iter(
    conn: sqlite3.Connection,
    states: list[FetchState],
    *,
    client: httpx.Client,
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
    pool = ThreadPoolExecutor(max_workers=min(workers, len(states)), thread_name_prefix="fetch")
    pending: set[Future[Outcome]] = {
        pool.submit(fetch_and_parse, client, state, parse_pool) for state in states
    }
    unchanged: list[Outcome] = []
    try:
        while pending and not cancel.is_set():
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                if cancel.is_set():
                    break
                outcome = future.result()
                if outcome.unchanged:
                    # Nothing to store but the fetch time: batched into one transaction below.
                    unchanged.append(outcome)
                    yield UpdateResult(outcome.state.id, outcome.state.url, "not_modified")
                else:
                    yield store_outcome(conn, outcome, int(clock()))
    finally:
        # Do not wait for fetches still in flight: they write nothing and end by their deadline.
        pool.shutdown(wait=False, cancel_futures=True)
        _store_unchanged(conn, unchanged, int(clock()))


def waiting_message(state: FetchState) -> str:
    """The row of a feed skipped because its server asked to wait (local time)."""
    until = time.localtime(state.retry_after or 0)
    today = time.localtime()
    shown = time.strftime("%H:%M" if until[:3] == today[:3] else "%Y-%m-%d %H:%M", until)
    return f"Waiting until {shown} as the server asked; the feed was not checked this time."


def _store_unchanged(conn: sqlite3.Connection, outcomes: list[Outcome], now: int) -> None:
    if not outcomes:
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        for outcome in outcomes:
            _store(conn, outcome, now)
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        if not environment_error(exc):  # an environment error was already reported
            log.warning("recording %d unchanged feeds failed: %s", len(outcomes), exc)


def environment_error(exc: sqlite3.Error) -> bool:
    """The machine's fault, not one feed's: the refresh stops and tells the user."""
    text = str(exc).lower()
    return any(
        word in text for word in ("full", "disk i/o", "readonly", "malformed", "not a database")
    )
