"""The log file: a rotating `reader.log` where warnings, errors and every uncaught exception
(main thread, Qt slots, worker threads) land with their traceback.

No Qt here, so it is usable (and testable) without a window.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from reader.ui.places import LOG_NAME, log_dir

__all__ = ["LOG_NAME", "install", "log_dir", "uninstall"]
MAX_BYTES = 1024 * 1024
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

log = logging.getLogger("reader")


class _LogFile(logging.Handler):
    """directory/reader.log, rotated, opened at the first record.

    Importing logging.handlers (socket, pickle ...) would cost every window start ~7 ms, and
    most starts log nothing.
    """

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(logging.INFO)
        self._path, self._max_bytes, self._backups = path, max_bytes, backups
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            try:
                self._file = RotatingFileHandler(
                    self._path,
                    maxBytes=self._max_bytes,
                    backupCount=self._backups,
                    encoding="utf-8",
                )
            except OSError:  # a folder that cannot be written: said on stderr, as logging does
                self.handleError(record)
                return
            self._file.setFormatter(logging.Formatter(FORMAT))
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def install(
    directory: Path, *, max_bytes: int = MAX_BYTES, backups: int = BACKUPS
) -> logging.Handler:
    """Send the "reader" loggers' INFO and above to directory/reader.log (rotated at
    `max_bytes`, `backups` old files kept) and log uncaught exceptions there.

    Returns the handler (remove it and call `uninstall` to undo, as tests do).
    """
    directory.mkdir(parents=True, exist_ok=True)
    handler = _LogFile(directory / LOG_NAME, max_bytes, backups)
    log.addHandler(handler)
    if log.level == logging.NOTSET or log.level > logging.INFO:
        log.setLevel(logging.INFO)
    _previous.append((sys.excepthook, threading.excepthook))
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    return handler


def uninstall(handler: logging.Handler) -> None:
    log.removeHandler(handler)
    handler.close()
    if _previous:
        sys.excepthook, threading.excepthook = _previous.pop()


_previous: list[tuple[object, object]] = []


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Uncaught exceptions (PySide6 reports those raised in slots here too): logged with the
    traceback, and still printed on stderr as Python does."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    log.critical("uncaught exception", exc_info=(kind, value, tb))
    sys.__excepthook__(kind, value, tb)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    exc_info = (args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)
    log.critical("uncaught exception in thread %s", name, exc_info=exc_info)
    threading.__excepthook__(args)
