"""A small task runner: work runs in thread pools, results come back on the GUI thread.

Three pools, so a long refresh never delays a click:

- ``network``: refresh, discovery, adding a feed (slow, bounded by the fetch deadline);
- ``read``: queries the window waits for (article ids of a filter, sidebar counts);
- ``write``: database writes, one at a time, in the order they were asked for.

Workers never touch widgets or models: a callback is handed back through one queued Signal and
runs on the GUI thread. The engine's Service gives every thread its own SQLite connection.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from reader.core.errors import ReaderError
from reader.ui.engine_text import translated

log = logging.getLogger(__name__)

NETWORK, READ, WRITE = "network", "read", "write"


def describe_error(exc: BaseException) -> str:
    """A sentence for the status bar: the engine's own message, or a generic one for a bug."""
    if isinstance(exc, ReaderError):
        return translated(str(exc))
    return QCoreApplication.translate(
        "TaskRunner", "Something went wrong (%1); details are in the log."
    ).replace("%1", f"{type(exc).__name__}: {exc}")


class TaskRunner(QObject):
    """Runs callables in thread pools and calls back on the GUI thread.

    Signals:
        failed(str): a task without its own error handler failed; the message is for the user.
        busy_changed(bool): whether any task is running (for a busy cursor or indicator).
    """

    failed = Signal(str)
    busy_changed = Signal(bool)
    _deliver = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools = {
            NETWORK: ThreadPoolExecutor(max_workers=4, thread_name_prefix="reader-network"),
            READ: ThreadPoolExecutor(max_workers=2, thread_name_prefix="reader-read"),
            WRITE: ThreadPoolExecutor(max_workers=1, thread_name_prefix="reader-write"),
        }
        self._closed = False
        self._lock = threading.Lock()
        self._running = 0
        self._futures: set[Future[Any]] = set()
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> int:
        return self._running

    def submit(
        self,
        pool: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[Any] | None:
        """Run fn(*args) in a pool; on_done(result) or on_error(exc) then run on the GUI thread.

        Returns None once the runner is shut down (the task is dropped).
        """
        if self._closed:
            return None
        self._set_running(+1)
        future = self._pools[pool].submit(fn, *args)
        with self._lock:
            self._futures.add(future)
        future.add_done_callback(lambda f: self._finished(f, on_done, on_error))
        return future

    def post(self, callback: Callable[..., None], *args: Any) -> None:
        """From any thread: run callback(*args) on the GUI thread (dropped after shutdown)."""
        if self._closed:
            return
        try:
            self._deliver.emit(lambda: callback(*args))
        except RuntimeError:  # the QObject is gone: the window closed while a task ran
            pass

    def shutdown(self, *, timeout: float = 5.0) -> bool:
        """Drop queued reads and network work, finish queued writes, then wait (at most
        `timeout` seconds) for the tasks still running, so the caller can close the database
        under no one. Returns False when some task was still running at the deadline (a
        request waiting for its own timeout)."""
        if self._closed:
            return True
        self._closed = True
        self._pools[NETWORK].shutdown(wait=False, cancel_futures=True)
        self._pools[READ].shutdown(wait=False, cancel_futures=True)
        self._pools[WRITE].shutdown(wait=False, cancel_futures=False)
        with self._lock:
            pending = set(self._futures)
        _done, not_done = wait(pending, timeout=timeout)
        if not_done:
            log.warning("%d background tasks still running at shutdown", len(not_done))
        return not not_done

    # --- internals ---

    def _finished(
        self,
        future: Future[Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
    ) -> None:
        # Runs in the worker thread: only hand over, never touch Qt objects here.
        with self._lock:
            self._futures.discard(future)

        def deliver() -> None:
            self._set_running(-1)
            if future.cancelled():
                return
            exc = future.exception()
            if exc is None:
                if on_done is not None:
                    on_done(future.result())
                return
            if not isinstance(exc, ReaderError):
                log.error("background task failed", exc_info=exc)
            if on_error is not None:
                on_error(exc)
            else:
                self.failed.emit(describe_error(exc))

        if self._closed:
            return
        try:
            self._deliver.emit(deliver)
        except RuntimeError:
            pass

    def _set_running(self, delta: int) -> None:
        with self._lock:
            before = self._running
            self._running += delta
            after = self._running
        if (before == 0) != (after == 0) and threading.current_thread() is threading.main_thread():
            self.busy_changed.emit(after > 0)

    def _on_deliver(self, callback: Callable[[], None]) -> None:
        # An exception here propagates like any slot's: PySide6 prints it and the loop goes on.
        if not self._closed:
            callback()
