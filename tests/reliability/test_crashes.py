"""kill -9 of the command-line refresh at random moments, against a farm of feeds that keeps
changing; between two refreshes another client (this test, like the window) stars and reads.

After every kill: SQLite's integrity check and the FTS5 index's check pass, every article starred
so far is still there, starred and unchanged (favorites are frozen), no read or starred state went
back, and the search index finds what is stored. Every tenth round and at the end a refresh runs to
completion, and afterwards every entry the feeds serve is stored exactly once.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import sqlite3
import time
from pathlib import Path

import pytest
from reliability_helpers import (
    ReaderProcess,
    SmallFarm,
    check_database,
    reader_command,
    record,
    run_reader,
    subscribe_farm,
    wait_for_groups,
)

from reader.core.service import Service

KILLS = 100
MUTATE = 1.0  # every feed changes between two refreshes, so every refresh stores
PROGRESS = re.compile(r"^\[(\d+)/(\d+)\]")


def content_hash(html: str) -> str:
    return hashlib.sha1(html.encode("utf-8")).hexdigest()


class Model:
    """What this 'other process' has set: the state each touched article must keep."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.state: dict[int, tuple[bool, bool]] = {}  # id -> (read, starred)
        self.frozen: dict[int, str] = {}  # starred id -> hash of its content when starred

    def act(self, data: Path) -> None:
        """Star, unstar, read and unread a few articles through the engine's own API."""
        service = Service(data)
        try:
            ids = service.article_ids()
            if not ids:
                return
            starred = [i for i, (_r, s) in self.state.items() if s]
            to_star = self.rng.sample(ids, min(2, len(ids)))
            service.set_starred(to_star, True)
            for i in to_star:
                detail = service.article(i)
                self.state[i] = (detail.read, True)
                self.frozen.setdefault(i, content_hash(detail.content_html))
            if len(starred) > 20:
                gone = self.rng.choice(starred)
                service.set_starred([gone], False)
                self.state[gone] = (self.state[gone][0], False)
                self.frozen.pop(gone, None)
            for i in self.rng.sample(ids, min(3, len(ids))):
                read = self.rng.random() < 0.7
                service.set_read([i], read)
                self.state[i] = (read, self.state.get(i, (False, False))[1])
        finally:
            service.close()

    def verify(self, db: Path) -> None:
        conn = sqlite3.connect(db)
        try:
            marks = ",".join("?" * len(self.state))
            rows = {
                r[0]: (bool(r[1]), bool(r[2]), r[3])
                for r in conn.execute(
                    "SELECT a.id, a.read, a.starred, c.content_html FROM articles a "
                    f"JOIN article_content c ON c.id = a.id WHERE a.id IN ({marks})",
                    list(self.state),
                )
            }
        finally:
            conn.close()
        for article_id, (read, starred) in self.state.items():
            if starred:
                assert article_id in rows, f"favorite {article_id} was lost"
            if article_id not in rows:
                continue  # a read, unstarred article may be purged; never a favorite
            assert rows[article_id][:2] == (read, starred), (article_id, rows[article_id][:2])
            if starred:
                assert content_hash(rows[article_id][2]) == self.frozen[article_id], (
                    f"favorite {article_id} changed"
                )


def check_search(db: Path, rng: random.Random) -> None:
    """The contentless index answers for stored articles: a title's unique word finds it."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT id, title FROM articles").fetchall()
        for article_id, title in rng.sample(rows, min(5, len(rows))):
            word = title.split()[1]  # kIxN, unique to this entry
            found = [
                r[0]
                for r in conn.execute(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", (f'"{word}"',)
                )
            ]
            assert found == [article_id], (word, found)
    finally:
        conn.close()


def stored_any(process: ReaderProcess) -> bool:
    return any(PROGRESS.match(line) for _t, line in process.lines)


def wait_until(process: ReaderProcess, at: float, *, stored: bool = False) -> None:
    """Poll until the process ends, the monotonic time `at` passes, or (with `stored`) it has
    stored a feed."""
    while process.running() and time.monotonic() < at:
        if stored and stored_any(process):
            return
        time.sleep(0.002)


def refresh_to_the_end(data: Path) -> tuple[float, float, float]:
    """A refresh that is not killed completes with no error row.

    Returns when (seconds after start) it stored its first and last feed, and when it ended.
    """
    done = run_reader(data, "refresh", timeout=120)
    assert done.code == 0, done
    assert re.match(r"refreshed \d+ feeds: \d+ new articles, 0 errors", done.stdout), done
    stored = [t for t, line in done.lines if PROGRESS.match(line)]
    assert stored, done
    return stored[0], stored[-1], done.seconds


def statuses(data: Path) -> set[str]:
    return {row["status"] for row in run_reader(data, "refresh", "--json").json()}


@pytest.mark.slow
def test_kill_9_during_refresh_100_times(tmp_path: Path, small_farm: SmallFarm) -> None:
    seed = int(os.environ.get("READER_KILL_SEED", "20261125"))
    rng = random.Random(seed)
    data = tmp_path / "data"
    db = data / "reader.sqlite3"
    subscribe_farm(data, small_farm, tmp_path)
    model = Model(rng)
    # Kill moments are drawn over the length of a whole refresh measured on this machine, so
    # they land in start-up, fetching and storing alike, on a fast or a loaded machine.
    small_farm.mutate(MUTATE)
    first, last, span = refresh_to_the_end(data)
    landed = {"before any feed was stored": 0, "mid-refresh": 0, "after it finished": 0}
    groups: list[int] = []  # process groups of the killed commands: their children must go
    started = time.monotonic()
    for round_ in range(1, KILLS + 1):
        small_farm.mutate(MUTATE)
        model.act(data)  # states the killed refresh must not revert
        process = ReaderProcess(reader_command(data, "refresh"))
        # Half the kills at any moment of a refresh, half while it stores feeds.
        if rng.random() < 0.5:
            wait_until(process, process.started + rng.uniform(0, span))
        else:
            wait_until(process, process.started + 60, stored=True)
            wait_until(process, time.monotonic() + rng.uniform(0, max(0.05, last - first)))
        finished = not process.running()
        process.crash()
        groups.append(process.process.pid)
        if finished:
            landed["after it finished"] += 1
        elif stored_any(process):
            landed["mid-refresh"] += 1
        else:
            landed["before any feed was stored"] += 1
        check_database(db)
        model.verify(db)
        check_search(db, rng)
        if round_ % 10 == 0:
            small_farm.mutate(MUTATE)
            first, last, span = refresh_to_the_end(data)
            check_database(db)
            model.verify(db)
    elapsed = time.monotonic() - started
    small_farm.mutate(1.0)
    refresh_to_the_end(data)
    assert statuses(data) == {"not_modified"}
    check_database(db)
    model.verify(db)
    conn = sqlite3.connect(db)
    try:
        for i in range(small_farm.count):
            url = small_farm.url(i)
            keys = [
                r[0]
                for r in conn.execute(
                    "SELECT a.key FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.url = ?",
                    (url,),
                )
            ]
            assert len(keys) == len(set(keys)), f"duplicates in feed {i}"
            assert small_farm.keys(i) <= set(keys), f"feed {i} misses entries it serves"
            assert set(keys) <= small_farm.published[i]
    finally:
        conn.close()
    favorites = sum(1 for _r, s in model.state.values() if s)
    record(
        "kill -9 during refresh",
        f"{KILLS} kills in {elapsed:.0f} s ({', '.join(f'{v} {k}' for k, v in landed.items())}): "
        f"{KILLS} integrity + FTS checks ok, {favorites} favorites kept, 0 lost, 0 states reverted",
    )
    assert landed["mid-refresh"] >= 10, landed  # the kills did land while feeds were stored
    lingering = wait_for_groups(groups, 15)
    assert lingering == [], f"{len(lingering)} kills left child processes (parse workers) behind"
