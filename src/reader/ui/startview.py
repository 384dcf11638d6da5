"""The start view: what the window showed, kept in a small file so the next start paints a
filled window before its first query returns.

The window writes it when it closes (and after a refresh, once the counts are reloaded): the
sidebar's data (of the categories, the first rows it builds), the ids of the unfiltered list
and its first block of rows. At the next start the window shows it at once and runs its real
queries as always; their results replace it a moment later (the command line may have
changed the database meanwhile). A missing, corrupt or outdated file is ignored: nothing
depends on it.

`READER_TRACE_START=FILE` makes the window append `filled <time.monotonic()>` to FILE once it
has painted its list rows and its sidebar (benchmarks/window.py reads it).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import sys
import time
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from reader.core import paths
from reader.core.types import Article, Category, Feed, Folder
from reader.ui.models.categories import FIRST_ROWS
from reader.ui.models.entries import SidebarData

log = logging.getLogger(__name__)

FILE_NAME = "window-start.dat"  # a line of JSON, then the ids (see save)
VERSION = 1
MAX_IDS = 500_000  # a larger list starts empty and fills from its query, as without a file
_TYPES: dict[str, type] = {"Feed": Feed, "Folder": Folder, "Category": Category, "Article": Article}


@dataclasses.dataclass(frozen=True, slots=True)
class StartView:
    sidebar: SidebarData
    ids: Sequence[int]  # the unfiltered list, newest first (an array when read from the file)
    rows: dict[int, Article]  # its first rows (one block of the list model)


def path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def _fields() -> dict[str, list[str]]:
    """The field names the file was written with: a type that changed makes it outdated."""
    return {name: [f.name for f in dataclasses.fields(cls)] for name, cls in _TYPES.items()}


def _rows(items: Iterable[Any]) -> list[list[Any]]:
    return [[getattr(item, f) for f in item.__slots__] for item in items]


def save(data_dir: Path, view: StartView) -> None:
    """Write the file atomically (a temporary file renamed over it); errors are only logged.

    The file is one line of JSON, then the list's ids as 8-byte little-endian integers (read
    straight into an array: base64 or JSON would cost the start 5-10 ms at 100,000 ids).
    """
    ids = array("q", view.ids if len(view.ids) <= MAX_IDS else [])
    if sys.byteorder != "little":
        ids.byteswap()
    data = view.sidebar
    document = {
        "version": VERSION,
        "fields": _fields(),
        "counts": data.counts,
        "feeds": _rows(data.feeds),
        "folders": _rows(data.folders),
        # The categories the sidebar builds before its first paint; the query adds the rest.
        "categories": _rows(data.categories[:FIRST_ROWS]),
        "ids": len(ids),
        "rows": _rows(view.rows.values()),
    }
    head = json.dumps(document, ensure_ascii=False).encode("utf-8") + b"\n"
    try:
        paths.write_atomically(path(data_dir), head + ids.tobytes())
    except OSError as exc:
        log.warning("could not save the start view: %s", exc)


def load(data_dir: Path) -> StartView | None:
    """The saved start view; None when there is none or it cannot be used."""
    try:
        raw = path(data_dir).read_bytes()
        end = raw.index(b"\n")
        document = json.loads(raw[:end])
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.info("start view ignored: %s", exc)
        return None
    try:
        if document["version"] != VERSION or document["fields"] != _fields():
            log.info("start view ignored: written by another version")
            return None
        raw_rows = document["rows"]
        ids = array("q")
        ids.frombytes(memoryview(raw)[end + 1 :])
        if len(ids) != document["ids"]:
            raise ValueError("the file is cut short")
        if sys.byteorder != "little":
            ids.byteswap()
        rows = [Article(*(tuple(v) if isinstance(v, list) else v for v in r)) for r in raw_rows]
        sidebar = SidebarData(
            counts={str(k): int(v) for k, v in document["counts"].items()},
            feeds=[Feed(*r) for r in document["feeds"]],
            folders=[Folder(*r) for r in document["folders"]],
            categories=[Category(*r) for r in document["categories"]],
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        log.info("start view ignored: %s", exc)
        return None
    return StartView(sidebar, ids, {row.id: row for row in rows})


class WhenFilled(QObject):
    """Calls `done` once each watched viewport has painted while its content was there
    (`views` maps a viewport to a callable that says so), after that paint is on screen."""

    def __init__(self, views: dict[QWidget, Callable[[], bool]], done: Callable[[], None]) -> None:
        super().__init__()
        self._pending = dict(views)
        self._done = done
        for viewport in views:
            viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self._pending:
            if self._pending[watched]():
                del self._pending[watched]
                watched.removeEventFilter(self)
                if not self._pending:
                    QTimer.singleShot(0, self._done)
        return False


def trace_filled() -> None:
    """Append the filled time to READER_TRACE_START's file, when that is set."""
    target = os.environ.get("READER_TRACE_START")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as out:
            out.write(f"filled {time.monotonic()}\n")
    except OSError as exc:
        log.warning("could not write the start trace: %s", exc)
