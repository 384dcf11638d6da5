"""A refresh in a child process, reporting one JSON line per event; and its parent's side.

The window refreshes this way so that none of the refresh's Python work (receiving parsed feeds,
storing, the garbage collections those allocations trigger) holds the GIL of the window's
process: that stalled the event loop up to 60-280 ms (benchmarks/window_latency.py). The child
opens the same data folder; SQLite's WAL lets the window read while the child writes, and the
window re-reads what changed after each reported batch.

Protocol (child stdout, one JSON object a line):
    {"event": "started", "total": N}
    {"event": "result", "feed_id": .., "url": .., "status": .., "new": .., "updated": ..,
     "error": ..}                       one per feed, as soon as it is stored
    {"event": "offline", "images": true|false}   every feed done; downloads for offline reading
    {"event": "done"}  or  {"event": "failed", "message": ".."}
The parent writes "cancel" on the child's stdin; end of input (the parent died) cancels too.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from reader.core.errors import ReaderError
from reader.core.types import UpdateResult

MODULE = "reader.core.refresh_child"
NICENESS = 10


class RefreshFailed(ReaderError):
    """The refresh as a whole failed (the child could not start, open the data, or died)."""


class RefreshProcess:
    """One refresh in a child process; iterate `events()` in a worker thread."""

    def __init__(
        self, data_dir: Path, feed_ids: Sequence[int] | None = None, *, images: bool = True
    ) -> None:
        command = [sys.executable, "-m", MODULE, os.fspath(data_dir)]
        if feed_ids is not None:
            command += ["--feeds", ",".join(str(i) for i in feed_ids)]
        if not images:
            command.append("--no-images")
        self._stderr = tempfile.TemporaryFile()
        try:
            self._proc = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                text=True,
                encoding="utf-8",
            )
        except OSError as exc:
            self._stderr.close()
            raise RefreshFailed(f"The refresh could not start: {exc.strerror or exc}") from None
        self._cancelled = False

    def events(self) -> Iterator[dict[str, Any]]:
        """The child's events until it ends; raises RefreshFailed if it died without "done"."""
        assert self._proc.stdout is not None
        ended = False
        for line in self._proc.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue  # not ours (a library printing); the protocol lines are whole
            if event.get("event") == "failed":
                self._wait()
                raise RefreshFailed(str(event.get("message") or "The refresh failed."))
            if event.get("event") == "done":
                ended = True
            yield event
        code = self._wait()
        if not ended and not self._cancelled:
            raise RefreshFailed(f"The refresh stopped unexpectedly ({self._why(code)}).")

    def cancel(self) -> None:
        """Ask the child to stop after the feeds in progress (idempotent)."""
        self._cancelled = True
        try:
            assert self._proc.stdin is not None
            self._proc.stdin.write("cancel\n")
            self._proc.stdin.flush()
        except (OSError, ValueError):
            pass  # it has already ended

    def errors(self) -> str:
        """What the child wrote on stderr (for the log); call once it has ended (closes it)."""
        if self._stderr.closed:
            return ""
        self._stderr.seek(0)
        text = self._stderr.read().decode("utf-8", "replace")
        self._stderr.close()
        return text

    def _wait(self) -> int:
        code = self._proc.wait()
        if self._proc.stdin is not None:
            try:
                self._proc.stdin.close()
            except OSError:
                pass
        return code

    @staticmethod
    def _why(code: int) -> str:
        if code < 0:
            return f"killed by signal {-code}"
        return f"exit code {code}"


def result_of(event: dict[str, Any]) -> UpdateResult:
    return UpdateResult(
        feed_id=int(event["feed_id"]),
        url=str(event["url"]),
        status=str(event["status"]),
        new=int(event.get("new", 0)),
        updated=int(event.get("updated", 0)),
        error=event.get("error"),
    )


# --- the child ---


def _watch_input(stdin: IO[str], cancel: threading.Event) -> None:
    for line in stdin:
        if line.strip() == "cancel":
            break
    cancel.set()  # "cancel", or end of input: the window has gone


def run_child(argv: Sequence[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog=f"python -m {MODULE}")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--feeds", help="comma-separated feed ids (default: every feed)")
    parser.add_argument("--no-images", action="store_true")
    args = parser.parse_args(argv)
    # Below the window in the CPU's queue (its parse workers inherit this): on a machine with
    # few cores the window otherwise waits for a core behind the refresh's processes.
    if hasattr(os, "nice"):
        try:
            os.nice(NICENESS)
        except OSError:
            pass
    # Protocol lines go to a private copy of stdout; anything a library prints goes to stderr.
    out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8", buffering=1)
    sys.stdout = sys.stderr

    def send(**event: Any) -> None:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")

    cancel = threading.Event()
    threading.Thread(target=_watch_input, args=(sys.stdin, cancel), daemon=True).start()
    from reader.core.service import Service
    from reader.core.storage.db import describe

    try:
        service = Service(args.data_dir)
    except ReaderError as exc:
        send(event="failed", message=str(exc))
        return 1
    try:
        ids = [int(i) for i in args.feeds.split(",") if i] if args.feeds else None
        total = len(ids) if ids is not None else len(service.refreshable_feed_ids())
        images = not args.no_images and service.setting("download_images", "1") != "0"
        send(event="started", total=total)
        done = 0
        for result in service.refresh_iter(ids, cancel=cancel, images=images):
            send(event="result", **asdict(result))
            done += 1
            if done == total and not cancel.is_set():
                send(event="offline", images=images)
        send(event="done")
        return 0
    except ReaderError as exc:
        send(event="failed", message=str(exc))
        return 1
    except sqlite3.Error as exc:  # e.g. the database is locked or the disk is full
        send(event="failed", message=describe(exc, service.db_path))
        return 1
    finally:
        service.close()


if __name__ == "__main__":
    code = run_child(sys.argv[1:])
    sys.stderr.flush()
    # Not sys.exit: interpreter exit would join threads still waiting on a download that the
    # cancel abandoned (until its timeout); every store is already committed.
    os._exit(code)
