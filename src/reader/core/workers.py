"""Worker processes for parsing: a pool for a refresh, a one-off process for one large document.

Parsing is CPU work, so processes let it use every core; and only in a worker process can a
parse be cut off at a deadline (parse.PARSE_SECONDS of CPU, a signal in the worker's main
thread).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, Future
from typing import Any, TypeVar

from reader.core.errors import ParseError

T = TypeVar("T")

# A document above this size is never parsed in the caller's thread, where nothing can stop a
# pathological one; below it even a hostile document parses in well under a second. The largest
# real feed in the corpus is 1.6 MB.
ISOLATE_BYTES = 2_000_000


def parse_pool(max_workers: int | None = None) -> Executor | None:
    """A pool of parse workers (None when the system refuses processes: parse in threads)."""
    import multiprocessing  # with its machinery, only where something is to be parsed
    from concurrent.futures import ProcessPoolExecutor

    try:
        return ProcessPoolExecutor(
            max_workers=max_workers or max(1, min(4, multiprocessing.cpu_count())),
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=_start_worker,
        )
    except (OSError, ValueError):
        return None


class LazyPool(Executor):
    """A pool made by `make` (`parse_pool`) at its first task. A refresh where every feed
    answers 304 parses nothing, and then pays neither for multiprocessing's import nor for
    its resource tracker's process (A/B, 500 feeds: 0.977 s against 1.014 s). When `make` gives
    None (the system refuses processes), tasks run in the caller's thread, as without a pool."""

    def __init__(self, make: Callable[[], Executor | None]) -> None:
        self._make = make
        self._pool: Executor | None = None
        self._made = self._shut = False
        self._lock = threading.Lock()

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        with self._lock:
            if self._shut:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if not self._made:
                self._made = True
                self._pool = self._make()
            pool = self._pool
        if pool is not None:
            return pool.submit(fn, *args, **kwargs)
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # handed to the caller, as a pool's future would
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._shut = True
            pool = self._pool
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def bounded(size: int, fn: Callable[..., T], *args: object) -> T:
    """fn(*args) here for a small document; in a one-off worker (under the deadline) for a
    document of `size` bytes above ISOLATE_BYTES."""
    if size <= ISOLATE_BYTES:
        return fn(*args)
    pool = parse_pool(1)
    if pool is None:
        return fn(*args)
    try:
        return pool.submit(fn, *args).result()
    except BrokenExecutor:  # the worker died (out of memory)
        raise ParseError("The feed could not be read: its parser ran out of memory.") from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


# Parse workers yield the CPU to the process that started them. In a refresh that process
# stores what they parse, and its writer is the critical path: on 2 cores, with 2 workers
# beside it, a first refresh of 500 feeds took 12% less (A/B: 10.22 -> 9.00 s; see
# benchmarks/README.md).
WORKER_NICE = 10


def _start_worker() -> None:
    """A parse worker's initializer: a lower CPU priority, and an exit with its parent."""
    try:
        os.nice(WORKER_NICE)
    except (AttributeError, OSError):  # no nice() on Windows; a refused one changes nothing
        pass
    _exit_with_parent()


def _exit_with_parent() -> None:
    """In a parse worker: exit as soon as the process that started the pool is gone.

    After a kill -9 or a crash of Reader, workers would otherwise wait on their task queue
    forever (they hold its write end themselves) and keep the forkserver alive with them.
    """
    import multiprocessing.connection

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
