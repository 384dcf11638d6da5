"""kill -9 of the command-line refresh at random moments, against a farm of feeds that keeps
changing; between two refreshes another client (this test, like the window) stars and reads.

After every kill: SQLite's integrity check and the FTS5 index's check pass, every article starred
so far is still there, starred and unchanged (favorites are frozen), no read or starred state went
back, and the search index finds what is stored. Every tenth round and at the end a refresh runs to
completion, and afterwards every entry the feeds serve is stored exactly once.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from pathlib import Path

import pytest
from reliability_helpers import (
    PROGRESS,
    Model,
    ReaderProcess,
    SmallFarm,
    check_database,
    reader_command,
    record,
    refresh_to_the_end,
    run_reader,
    subscribe_farm,
    wait_for_groups,
)

from reader.core.service import Service
from reader.core.storage import search
from reader.core.storage.db import transaction

KILLS = 100
MUTATE = 1.0  # every feed changes between two refreshes, so every refresh stores


def check_search(db: Path, rng: random.Random) -> None:
    """The contentless indexes answer for stored articles: a title's unique word finds it, or
    it is still waiting to be indexed (and is found once a search has indexed it)."""

    def found(conn: sqlite3.Connection, word: str) -> list[int]:
        return [r[0] for r in conn.execute(search.MATCHING_IDS, (f'"{word}"', f'"{word}"'))]

    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT id, title FROM articles").fetchall()
        sample = rng.sample(rows, min(5, len(rows)))
        waiting = {r[0] for r in conn.execute(f"SELECT id FROM {search.PENDING}")}
        for article_id, title in sample:
            word = title.split()[1]  # kIxN, unique to this entry
            expected = [] if article_id in waiting else [article_id]
            assert found(conn, word) == expected, (word, article_id in waiting)
    finally:
        conn.close()
    service = Service(db.parent)
    try:
        service.catch_up_search()
        for article_id, title in sample:
            assert found(service.conn, title.split()[1]) == [article_id]
    finally:
        service.close()


def split_search_indexes(data: Path) -> None:
    """Put the newest half of the articles in the recent search index, as the window's upkeep
    would, so the killed refreshes write to both indexes."""
    service = Service(data)
    try:
        half = service.counts()["all"] // 2
        with transaction(service.conn) as conn:
            search.balance_step(conn, keep=half, step=half)
        assert (
            0
            < service.conn.execute(
                "SELECT COUNT(*) FROM articles WHERE sort_time >= ?",
                (search.recent_since(service.conn),),
            ).fetchone()[0]
            < service.counts()["all"]
        )
    finally:
        service.close()


def stored_any(process: ReaderProcess) -> bool:
    return any(PROGRESS.match(line) for _t, line in process.lines)


def wait_until(process: ReaderProcess, at: float, *, stored: bool = False) -> None:
    """Poll until the process ends, the monotonic time `at` passes, or (with `stored`) it has
    stored a feed."""
    while process.running() and time.monotonic() < at:
        if stored and stored_any(process):
            return
        time.sleep(0.002)


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
    split_search_indexes(data)
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
