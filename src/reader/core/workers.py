"""Worker processes for parsing: a pool for a refresh, a one-off process for one large document.

Parsing is CPU work, so processes let it use every core; and only in a worker process can a
parse be cut off at a deadline (parse.PARSE_SECONDS, a SIGALRM in the worker's main thread).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from reader.core.errors import ParseError

T = TypeVar("T")

# A document above this size is never parsed in the caller's thread, where nothing can stop a
# pathological one; below it even a hostile document parses in well under a second. The largest
# real feed in the corpus is 1.6 MB.
ISOLATE_BYTES = 2_000_000


def parse_pool(max_workers: int | None = None) -> Executor | None:
    """A pool of parse workers (None when the system refuses processes: parse in threads)."""
    try:
        return ProcessPoolExecutor(
            max_workers=max_workers or max(1, min(4, multiprocessing.cpu_count())),
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=_exit_with_parent,
        )
    except (OSError, ValueError):
        return None


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
    except BrokenProcessPool:
        raise ParseError("The feed could not be read: its parser ran out of memory.") from None
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _exit_with_parent() -> None:
    """In a parse worker: exit as soon as the process that started the pool is gone.

    After a kill -9 or a crash of Reader, workers would otherwise wait on their task queue
    forever (they hold its write end themselves) and keep the forkserver alive with them.
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
