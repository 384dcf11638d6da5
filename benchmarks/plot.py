"""Draw refresh time against the number of feeds (the scale scenario) as a PNG."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any


def scale_plot(records: Sequence[Any], path: Path, *, labels: dict[str, str] | None = None) -> bool:
    """One line per program (named by `labels`): median first-refresh wall time at each size.

    Returns False (and draws nothing) when matplotlib is not installed.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    series: dict[str, dict[int, list[float]]] = {}
    for r in records:
        if r.scenario.startswith("scale-"):
            size = int(r.scenario.split("-")[1])
            series.setdefault(r.program, {}).setdefault(size, []).append(r.wall)
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    for program, points in sorted(series.items()):
        sizes = sorted(points)
        medians = [statistics.median(points[s]) for s in sizes]
        ax.plot(sizes, medians, marker="o", label=(labels or {}).get(program, program))
    ax.set_xlabel("feeds (about 60 entries each, 50 ms latency per request)")
    ax.set_ylabel("first refresh, median wall time (s)")
    ax.set_title("First refresh against the number of feeds")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return True
