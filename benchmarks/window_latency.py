"""Inside the window: clicks to first rows painted, and event-loop stalls during a refresh.

    .venv/bin/python benchmarks/run.py latency [-n 30]          (generates the stores, the farm)
    .venv/bin/python benchmarks/window_latency.py clicks STORE [--runs 30]
    .venv/bin/python benchmarks/window_latency.py stall STORE   (its feeds must point at a farm)

Reader's own window (`reader.ui.main.run`, as `reader --data-dir STORE` starts it) runs in this
process under Xvfb and is driven with real mouse clicks and key presses (QTest), step by step
from timers (never a processEvents loop):

- clicks: a category in the sidebar, a feed in the sidebar, and a search (text typed, then
  Return), each `--runs` times, alternating big and small targets. Each is timed from the input
  event to the end of the first paint of the article list after its model took the new rows
  (an event filter sees the list's Paint event; a zero timer queued then fires after it).
- stall: a 5 ms heartbeat timer runs while the window refreshes every feed (Refresh all) and
  2 s after it ends; the longest gap between two ticks is the longest time the window could
  not answer. The store's feeds must serve something: `run.py latency` points them at the farm.

Prints one JSON object (milliseconds) on stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from window import Xvfb

HEARTBEAT_MS = 5
PAUSE = 0.3  # seconds between two timed actions, for the window to settle


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (p95 of 30 runs is the 29th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * share // 1))
    return ordered[int(rank) - 1]


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
    from reader.ui import main as ui_main
    from reader.ui.mainwindow import MainWindow

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
        timings: dict[str, list[float]] = {"category": [], "feed": [], "search": []}
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

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        heartbeat.timeout.connect(tick)
        done: list[float] = []
        window.refresher.finished.connect(lambda _summary: done.append(time.perf_counter()))
        yield 1.0
        last[0] = time.perf_counter()
        heartbeat.start()
        started = time.perf_counter()
        window.refresh_all()
        while not done:
            yield 0.1
        yield 2.0
        heartbeat.stop()
        ms = [g * 1000 for g in gaps]
        result["stall"] = {
            "refresh_s": done[0] - started,
            "ticks": len(ms),
            "longest_gap": max(ms),
            "p99_gap": percentile(ms, 0.99),
            "gaps_over_50ms": sum(1 for g in ms if g > 50),
            "articles": service.counts()["all"],
        }

    driver = Driver(clicks_plan if what == "clicks" else stall_plan)
    QTimer.singleShot(0, driver.start)
    ui_main.run(service)  # closes the service when the window's event loop ends
    return result


if __name__ == "__main__":
    sys.exit(main())
