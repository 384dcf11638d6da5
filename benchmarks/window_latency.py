"""Inside the window: clicks to first rows painted, and event-loop stalls during a refresh.

    .venv/bin/python benchmarks/run.py latency [--runs 30]    (the store, the farm, both measures)
    .venv/bin/python benchmarks/window_latency.py clicks STORE [--runs 30]
    .venv/bin/python benchmarks/window_latency.py stall STORE   (its feeds must point at a farm)

Reader's own window (`reader.ui.main.run`, as `reader --data-dir STORE` starts it) runs in this
process under Xvfb and is driven with real mouse clicks and key presses (QTest), step by step
from timers (never a processEvents loop):

- clicks: a category in the sidebar, a feed in the sidebar, a search in that feed and the same
  search in All articles (text typed, then Return), each `--runs` times, alternating big and
  small targets. Each is timed from the input
  event to the end of the first paint of the article list after its model took the new rows
  (an event filter sees the list's Paint event; a zero timer queued then fires after it).
- stall: a 5 ms heartbeat timer runs while the window refreshes every feed (Refresh all) and
  2 s after it ends; the longest gap between two ticks is the longest time the window could
  not answer. The store's feeds must serve something: `run.py latency` points them at the farm.

Prints one JSON object (milliseconds) on stdout.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from farm import FarmProcess
from window import Xvfb

HERE = Path(__file__).resolve().parent

HEARTBEAT_MS = 5
PAUSE = 0.3  # seconds between two timed actions, for the window to settle


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (p95 of 30 runs is the 29th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


def run_all(runs: int, work: Path, *, feeds: int = 500, latency: float = 0.05) -> str:
    """Both measures, each in a fresh process; a markdown section for run.py."""
    store = work / "store-100k"
    if not (store / "reader.sqlite3").exists():
        subprocess.run(
            [sys.executable, str(HERE / "gen_store.py"), str(store)], check=True, stdout=sys.stderr
        )
    else:  # made by an older gen_store.py: as the window would leave it after opening it
        subprocess.run(
            [sys.executable, str(HERE / "gen_store.py"), "--balance", str(store)],
            check=True,
            stdout=sys.stderr,
        )
    clicks = _child("clicks", store, runs)
    stall_store = work / "store-stall"
    shutil.rmtree(stall_store, ignore_errors=True)
    shutil.copytree(store, stall_store)
    with FarmProcess(feeds, latency=latency, opml=work / "stall.opml") as farm:
        # The store's feeds now answer from the farm: a refresh adds ~30,000 articles.
        conn = sqlite3.connect(stall_store / "reader.sqlite3")
        ids = [r[0] for r in conn.execute("SELECT id FROM feeds ORDER BY id")]
        conn.executemany(
            "UPDATE feeds SET url = ?, etag = NULL, last_modified = NULL WHERE id = ?",
            list(zip(farm.urls(), ids, strict=False)),
        )
        conn.commit()
        conn.close()
        stall = _child("stall", stall_store, runs)["stall"]
    shutil.rmtree(stall_store, ignore_errors=True)
    return report(clicks, stall, runs)


def _child(what: str, store: Path, runs: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(HERE / "window_latency.py"), what, str(store), "--runs", str(runs)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def report(clicks: dict[str, Any], stall: dict[str, Any], runs: int) -> str:
    lines = [
        "## Window: clicks to first rows painted, and stalls during a refresh (Xvfb)",
        "",
        f"Reader's window on the 100,000-article store, driven by real clicks and key presses "
        f"(QTest), {runs} runs each (window_latency.py). Target: p95 <= 50 ms.",
        "",
        "| action | p50 | p95 | max | target | met |",
        "|---|---|---|---|---|---|",
    ]
    titles = {
        "category": "category click",
        "feed": "feed click",
        "search": "search in the feed just clicked (Return)",
        "search_all": "search in All articles (Return)",
    }
    for key, title in titles.items():
        if key not in clicks:
            continue
        r = clicks[key]
        met = "yes" if r["p95"] <= 50 else "**no**"
        lines.append(
            f"| {title} | {r['p50']:.0f} ms | {r['p95']:.0f} ms | {r['max']:.0f} ms "
            f"| p95 <= 50 ms | {met} |"
        )
    if clicks.get("matches"):
        found = ", ".join(f"{word} {count:,}" for word, count in clicks["matches"].items())
        lines += [
            "",
            f"Articles the searches in All articles found (of 100,000; the generated text draws "
            f"on a small vocabulary, so a word is in none or in most of them): {found}.",
        ]
    met = "yes" if stall["longest_gap"] <= 50 + HEARTBEAT_MS else "**no**"
    lines += [
        "",
        f"Refresh all in the window (the store's 500 feeds answered by the farm: "
        f"{stall['articles']:,} articles after it, images downloaded as by default), "
        f"{stall['refresh_s']:.0f} s: a {HEARTBEAT_MS} ms heartbeat timer's longest gap was "
        f"**{stall['longest_gap']:.0f} ms** ({stall['longest_gap_feeds']:.0f} ms while feeds were "
        f"stored), p99 {stall['p99_gap']:.0f} ms, {stall['gaps_over_50ms']} gaps over 50 ms "
        f"(target: longest <= 50 ms: {met}). Longest garbage collection meanwhile: "
        f"{stall['longest_gc']:.0f} ms ({stall['gc_total_s']:.1f} s in all).",
    ]
    if stall.get("late"):
        lines += ["", "Where the GUI thread was in the gaps over 40 ms (sampled stack, innermost "]
        lines[-1] += "first):"
        lines += ["", *(f"- {where}" for where in stall["late"][:6])]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", choices=["clicks", "stall"])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    xvfb = Xvfb()
    os.environ["DISPLAY"] = xvfb.display
    os.environ.pop("QT_QPA_PLATFORM", None)
    try:
        result = _run(args.what, args.store, args.runs)
    finally:
        xvfb.close()
    print(json.dumps(result))
    return 0


def _run(what: str, store: Path, runs: int) -> dict[str, object]:
    # Qt only after DISPLAY is set.
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reader.core.service import Service
    from reader.core.types import Query
    from reader.ui import main as ui_main
    from reader.ui.mainwindow import MainWindow
    from reader.ui.models.entries import ALL

    app = QApplication(sys.argv[:1])
    service = Service(store)
    result: dict[str, object] = {}

    class Driver(QObject):
        """Runs a plan (a generator) step by step. The plan yields seconds to wait, or
        "painted" to wait for the article list's next paint after its rows changed."""

        def __init__(self, plan: Callable[[Driver], Iterator[float | str]]) -> None:
            super().__init__()
            self.window: MainWindow | None = None
            self.plan_factory = plan
            self.plan: Iterator[float | str] | None = None
            self.waiting = False
            self.changed = False
            self.painted_at = 0.0

        def start(self) -> None:
            windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
            if not windows or not windows[0].loaded or not windows[0].articles.rowCount():
                QTimer.singleShot(50, self.start)  # the first list and sidebar not there yet
                return
            self.window = windows[0]
            model = self.window.articles
            for signal in (model.modelReset, model.rowsInserted, model.dataChanged):
                signal.connect(self._rows_changed)
            self.window.table.viewport().installEventFilter(self)
            self.plan = self.plan_factory(self)
            self.step()

        def _rows_changed(self, *_args: object) -> None:
            self.changed = True

        def expect_rows(self) -> None:
            """Call just before the timed input: the next paint after new rows ends it."""
            self.changed = False
            self.waiting = True

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.waiting and self.changed and event.type() == QEvent.Type.Paint:
                self.waiting = False
                QTimer.singleShot(0, self._after_paint)  # runs once this paint is done
            return False

        def _after_paint(self) -> None:
            self.painted_at = time.perf_counter()
            self.step()

        def step(self) -> None:
            assert self.plan is not None
            try:
                wait = next(self.plan)
            except StopIteration:
                app.quit()
                return
            if wait != "painted":
                QTimer.singleShot(int(float(wait) * 1000), self.step)

    def click(view: object, index: object) -> None:
        rect = view.visualRect(index)  # type: ignore[attr-defined]
        QTest.mouseClick(
            view.viewport(),  # type: ignore[attr-defined]
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            rect.center(),
        )

    def clicks_plan(d: Driver) -> Iterator[float | str]:
        window = d.window
        assert window is not None
        categories = [c.name for c in service.categories()]
        # Alternate small and big: from the long tail and from the top.
        chosen = [
            categories[i // 2] if i % 2 == 0 else categories[-1 - i // 2] for i in range(runs)
        ]
        feeds = [f.id for f in service.feeds()]
        words = ["syria", "سوريا", "election", "market", "climate", "وزير", "football", "energy"]
        timings: dict[str, list[float]] = {
            "category": [],
            "feed": [],
            "search": [],
            "search_all": [],
        }
        matches: dict[str, int] = {}
        sidebar = window.sidebar
        for i in range(runs):
            # A category in the sidebar.
            index = sidebar.model.index_for_key(("category", chosen[i]))
            sidebar.categories_view.scrollTo(index)
            yield PAUSE
            d.expect_rows()
            start = time.perf_counter()
            click(sidebar.categories_view, index)
            yield "painted"
            timings["category"].append(d.painted_at - start)
            # A feed in the sidebar.
            index = sidebar.model.index_for_key(("feed", feeds[(i * 37) % len(feeds)]))
            sidebar.feeds_view.scrollTo(index)
            yield PAUSE
            d.expect_rows()
            start = time.perf_counter()
            click(sidebar.feeds_view, index)
            yield "painted"
            timings["feed"].append(d.painted_at - start)
            # A search: the word typed, then Return (typing alone waits for a pause).
            search = window.list_panel.search
            search.clear()
            yield PAUSE
            search.setText(words[i % len(words)] + ("" if i % 3 else " report"))
            d.expect_rows()
            start = time.perf_counter()
            QTest.keyClick(search, Qt.Key.Key_Return)
            yield "painted"
            timings["search"].append(d.painted_at - start)
            search.clear()
            yield PAUSE
            # The same words searched in All articles (the whole store).
            index = sidebar.model.index_for_key(ALL)
            sidebar.feeds_view.scrollTo(index)
            yield PAUSE
            d.expect_rows()
            click(sidebar.feeds_view, index)
            yield "painted"
            text = words[i % len(words)] + ("" if i % 3 else " report")
            search.setText(text)
            d.expect_rows()
            start = time.perf_counter()
            QTest.keyClick(search, Qt.Key.Key_Return)
            yield "painted"
            timings["search_all"].append(d.painted_at - start)
            if text not in matches:  # after the timing: the whole list's length
                matches[text] = len(service.article_ids(Query(search=text)))
            search.clear()
            yield PAUSE
        result["matches"] = matches
        for name, values in timings.items():
            ms = [v * 1000 for v in values]
            result[name] = {
                "runs": len(ms),
                "p50": percentile(ms, 0.5),
                "p95": percentile(ms, 0.95),
                "max": max(ms),
            }

    def stall_plan(d: Driver) -> Iterator[float | str]:
        window = d.window
        assert window is not None
        gaps: list[float] = []
        last = [time.perf_counter()]
        heartbeat = QTimer(interval=HEARTBEAT_MS)
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)

        stamps: list[float] = []

        cpu: list[float] = []  # the GUI thread's CPU time at each tick

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            stamps.append(now)
            cpu.append(time.thread_time())
            last[0] = now

        heartbeat.timeout.connect(tick)
        # What the GUI thread is doing when a tick is 30 ms late: its Python stack, sampled by
        # a thread (in Qt's own code the stack ends at the Python frame that called into Qt).
        late: list[tuple[float, str]] = []
        sampling = threading.Event()
        gui_thread = threading.get_ident()

        def sample() -> None:
            sampled_for = 0.0
            while not sampling.wait(0.005):
                began = last[0]
                if time.perf_counter() - began > 0.03 and began != sampled_for:
                    sampled_for = began
                    frame = sys._current_frames().get(gui_thread)
                    stack = traceback.extract_stack(frame)[-6:] if frame else []
                    where = " < ".join(
                        f"{Path(f.filename).stem}.{f.name}:{f.lineno}" for f in reversed(stack)
                    )
                    late.append((began, where or "(no Python frame)"))

        sampler = threading.Thread(target=sample, daemon=True)
        collections: list[float] = []  # seconds of each cyclic garbage collection (any thread)
        gc_started = [0.0]

        def on_gc(phase: str, _info: dict[str, int]) -> None:
            if phase == "start":
                gc_started[0] = time.perf_counter()
            else:
                collections.append(time.perf_counter() - gc_started[0])

        gc.callbacks.append(on_gc)
        done: list[float] = []
        feeds_done: list[int] = []  # tick count when the last feed was stored (then images)
        window.refresher.finished.connect(lambda _summary: done.append(time.perf_counter()))
        window.refresher.progress.connect(
            lambda n, total: feeds_done.append(len(gaps)) if n == total else None
        )
        yield 1.0
        last[0] = time.perf_counter()
        heartbeat.start()
        sampler.start()
        started = time.perf_counter()
        window.refresh_all()
        while not done:
            yield 0.1
        yield 2.0
        heartbeat.stop()
        sampling.set()
        ms = [g * 1000 for g in gaps]
        feeds_phase = ms[: feeds_done[0] if feeds_done else len(ms)]
        result["stall"] = {
            "refresh_s": done[0] - started,
            "ticks": len(ms),
            "longest_gap": max(ms),
            "longest_gap_feeds": max(feeds_phase),  # until the last feed was stored
            "p99_gap": percentile(ms, 0.99),
            "gaps_over_50ms": sum(1 for g in ms if g > 50),
            "longest_gc": max(collections, default=0.0) * 1000,
            "gc_total_s": sum(collections),
            "articles": service.counts()["all"],
            "late": _late_gaps(late, stamps, cpu),
        }

    driver = Driver(clicks_plan if what == "clicks" else stall_plan)
    QTimer.singleShot(0, driver.start)
    ui_main.run(service)  # closes the service when the window's event loop ends
    return result


def _late_gaps(late: list[tuple[float, str]], stamps: list[float], cpu: list[float]) -> list[str]:
    """The gaps over 40 ms, longest first: "81 ms (GUI thread on CPU 12 ms): where". Little
    CPU in a long gap means the thread was waiting (for a core, or for the X server)."""
    found = []
    for began, where in late:
        i = next((i for i, t in enumerate(stamps) if t > began), None)
        if i is not None and i > 0 and stamps[i] - began > 0.04:
            found.append((stamps[i] - began, (cpu[i] - cpu[i - 1]) * 1000, where))
    return [
        f"{gap * 1000:.0f} ms (GUI thread on CPU {used:.0f} ms): {where}"
        for gap, used, where in sorted(found, reverse=True)[:12]
    ]


if __name__ == "__main__":
    sys.exit(main())
