"""kill -9 of the window during a refresh, 10 times, while another process stars and reads.

The real window (`reader --data-dir D --refresh`, offscreen) refreshes a farm of feeds whose
answers arrive one after another over about 2 s; every feed changes before each round, so
every round stores. This test watches the database to see how far the refresh got (a feed is
stored once its row carries the ETag the farm serves now), stars and reads through the engine
while the window refreshes, and kills the window with SIGKILL either at any moment since its
start or while feeds are stored (the window refreshes in a child process: every third round
kills the whole session, that process with it; otherwise it must stop by itself); in some
rounds `reader star` and `reader read` run at the same time,
a third process writing. After every kill: integrity and FTS checks pass, every favorite is
still there and unchanged, no read or starred state went back, no parse worker is left behind,
the next window starts and refreshes although the dead one left its single-instance socket
behind, and no window printed a traceback.
At the end a command-line refresh completes with no error.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest
from reliability_helpers import (
    Model,
    ReaderProcess,
    SmallFarm,
    check_database,
    reader_command,
    record,
    refresh_to_the_end,
    subscribe_farm,
    wait_for_groups,
)

KILLS = 10
FEEDS = 16
SPREAD = 0.15  # feed i answers after i * SPREAD s: feeds are stored over about 2 s
START_TIMEOUT = 60  # a loaded 2-core machine can take a while to import Qt


def stored_now(db: Path, farm: SmallFarm) -> int:
    """How many feeds are stored in the version the farm serves now."""
    current = {farm.url(i): farm.document(i)[1] for i in range(farm.count)}
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        rows = conn.execute("SELECT url, etag FROM feeds").fetchall()
    finally:
        conn.close()
    return sum(1 for url, etag in rows if current.get(url) == etag)


def window(data: Path, tmp_path: Path) -> ReaderProcess:
    """The window on `data`, asked to refresh, offscreen, with its own runtime and config dirs."""
    dirs = {}
    for name in ("XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        folder = tmp_path / name.lower()
        folder.mkdir(mode=0o700, exist_ok=True)
        dirs[name] = str(folder)
    return ReaderProcess(
        reader_command(data, "--refresh"), env={"QT_QPA_PLATFORM": "offscreen", **dirs}
    )


def wait_for(process: ReaderProcess, done: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if not process.running():
            raise AssertionError(f"the window exited: {''.join(t for _s, t in process.lines)}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"no progress in {timeout:.0f} s: {process.lines[-5:]}")
        time.sleep(0.01)


@pytest.mark.slow
def test_kill_9_window_during_refresh_10_times(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("READER_KILL_SEED", "20261125")))
    farm = SmallFarm(FEEDS, spread=SPREAD)
    data = tmp_path / "data"
    db = data / "reader.sqlite3"
    try:
        subscribe_farm(data, farm, tmp_path)
        model = Model(rng)
        model.act(data)
        # One refresh to its end: when, after the window's start, its first and last feeds land.
        farm.mutate(1.0)
        process = window(data, tmp_path)
        wait_for(process, lambda: stored_now(db, farm) > 0, START_TIMEOUT)
        first = time.monotonic() - process.started
        wait_for(process, lambda: stored_now(db, farm) == FEEDS, START_TIMEOUT)
        last = time.monotonic() - process.started
        process.crash()
        assert wait_for_groups([process.process.pid], 15) == []
        landed = {"before any feed was stored": 0, "mid-refresh": 0, "after it finished": 0}
        started = time.monotonic()
        commands = ThreadPoolExecutor(1)  # `reader star/read` while the window refreshes
        command: Future[None] | None = None
        for round_ in range(KILLS):
            farm.mutate(1.0)
            model.act(data)
            process = window(data, tmp_path)
            if round_ % 2:  # any moment since the launch, Qt's start-up included
                at = process.started + rng.uniform(0, last)
                wait_for(process, lambda at=at: time.monotonic() >= at, START_TIMEOUT)
            else:  # while feeds are being stored, with this process writing at the same time
                wait_for(process, lambda: stored_now(db, farm) > 0, START_TIMEOUT)
                model.act(data)
                if round_ % 4 == 0:  # and through the command line, a third process
                    command = commands.submit(model.act_by_command, data)
                time.sleep(rng.uniform(0, last - first))
            if round_ % 3 == 2:  # the whole session at once: the refresh's own process too
                os.killpg(process.process.pid, signal.SIGKILL)
            process.crash()  # the window only: its refresh process must stop by itself
            if command is not None:
                command.result(60)  # its own failure, if any, fails the test here
                command = None
            stored = stored_now(db, farm)
            if stored == 0:
                landed["before any feed was stored"] += 1
            elif stored < FEEDS:
                landed["mid-refresh"] += 1
            else:
                landed["after it finished"] += 1
            errors = "".join(line for _t, line in process.lines)
            assert "Traceback" not in errors, errors
            lingering = wait_for_groups([process.process.pid], 15)
            assert lingering == [], (
                "the killed window left child processes (refresh, parse workers)"
            )
            check_database(db)
            model.verify(db)
        elapsed = time.monotonic() - started
        commands.shutdown()
        farm.mutate(1.0)
        refresh_to_the_end(data)
        assert stored_now(db, farm) == FEEDS
        check_database(db)
        model.verify(db)
    finally:
        farm.close()
    favorites = sum(1 for _r, s in model.state.values() if s)
    record(
        "kill -9 of the window",
        f"{KILLS} kills in {elapsed:.0f} s ({', '.join(f'{v} {k}' for k, v in landed.items())}): "
        f"{KILLS} integrity + FTS checks ok, {favorites} favorites kept, 0 lost, "
        f"0 states reverted; feeds stored {first:.1f}-{last:.1f} s after launch",
    )
    assert landed["mid-refresh"] >= 3, landed  # the kills did land while feeds were stored
