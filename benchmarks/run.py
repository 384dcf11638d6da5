"""Run Reader and its peers side by side, alternately, in one run; write a markdown table.

    .venv/bin/python benchmarks/run.py all            # refresh + window + scale
    .venv/bin/python benchmarks/run.py refresh        # first, unchanged and changed refresh
    .venv/bin/python benchmarks/run.py first|unchanged|changed|window|latency|scale [-n 3]
    .venv/bin/python benchmarks/run.py report         # latest.md again from latest.json

Each repetition runs every program once per scenario, in a rotating order, against one farm
process (its own process, 50 ms added per request). The table shows medians, the ratio
Reader/peer and the target from issue 6; it goes to benchmarks/results/latest.md (and stdout),
the raw runs to benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import measure
import peers
from farm import FarmProcess

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
REFRESH = ("first", "unchanged", "changed")
SCALE_SIZES = (100, 250, 500, 1000)
TITLES = {
    "first": "first refresh",
    "unchanged": "unchanged refresh (all 304)",
    "changed": "20% of feeds changed",
}
# scenario -> [(peer, largest Reader/peer ratio)]; peer "seconds" means an absolute bound.
TARGETS: dict[str, list[tuple[str, float]]] = {
    "first": [("newsboat", 0.5), ("lemon24", 0.2)],
    "unchanged": [("seconds", 1.0), ("lemon24", 0.3)],
    "changed": [("newsboat", 0.5)],
}


@dataclass
class Record:
    """One measured run."""

    scenario: str
    program: str
    rep: int
    wall: float
    cpu: float
    peak_rss: int
    returncode: int
    entries: int | None = None
    expected: int | None = None
    requests: str = ""

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and (self.expected is None or self.entries == self.expected)


def rotate(names: list[str], rep: int) -> list[str]:
    """A different program goes first in each repetition (warm caches, noisy neighbours)."""
    k = rep % len(names)
    return names[k:] + names[:k]


def requests_text(stats: dict[str, object]) -> str:
    counts = stats.get("requests") or {}
    assert isinstance(counts, dict)
    return " ".join(f"{n}x{code}" for code, n in counts.items())


def refresh_suite(
    wanted: set[str], names: list[str], reps: int, feeds: int, latency: float, work: Path
) -> list[Record]:
    """First refresh into fresh stores, then (optionally) unchanged and 20%-changed refreshes
    of those same stores, every program once per step, in one farm."""
    records: list[Record] = []
    logs = RESULTS / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    with FarmProcess(feeds, latency=latency, opml=work / "farm.opml") as farm:
        urls = farm.urls()
        for rep in range(reps):
            order = rotate(names, rep)
            dirs = {name: work / f"{name}-{rep}" for name in order}
            for name in order:
                peers.ALL[name].prepare(dirs[name], urls, farm.opml)
            expected = int(str(farm.control("stats")["entries"]))
            steps = ["first"] + [s for s in ("unchanged", "changed") if s in wanted]
            for step in steps:
                if step == "changed":
                    changed = farm.control("mutate?fraction=0.2")["changed"]
                    assert isinstance(changed, list)
                    expected += len(changed)  # each changed feed has one entry more
                for name in order:
                    peer = peers.ALL[name]
                    log = logs / f"{name}.log"
                    farm.control("reset")
                    command, env = peer.command(dirs[name]), peer.env(dirs[name])
                    sample = measure.run(command, log=log, env=env)
                    record = Record(
                        step,
                        name,
                        rep,
                        sample.wall,
                        sample.cpu,
                        sample.peak_rss,
                        sample.returncode,
                        peer.entries(dirs[name]),
                        expected,
                        requests_text(farm.control("stats")),
                    )
                    if step == "first" and len(steps) > 1:
                        peer.settle(dirs[name], log)
                    if step in wanted:
                        records.append(record)
                        _progress(record)
            for path in dirs.values():
                shutil.rmtree(path, ignore_errors=True)
    return records


def scale_suite(
    names: list[str], reps: int, sizes: Iterable[int], latency: float, work: Path
) -> list[Record]:
    """First refresh against farms of several sizes (for the plot)."""
    records: list[Record] = []
    for size in sizes:
        records += [
            Record(**{**asdict(r), "scenario": f"scale-{size}"})
            for r in refresh_suite({"first"}, names, reps, size, latency, work)
        ]
    return records


def _progress(r: Record) -> None:
    flag = "" if r.ok else "  <-- CHECK"
    print(
        f"  {r.scenario:<10} {r.program:<9} rep {r.rep}: {r.wall:7.2f} s  cpu {r.cpu:6.1f} s  "
        f"rss {r.peak_rss / 2**20:6.0f} MB  entries {r.entries}/{r.expected}  {r.requests}{flag}",
        file=sys.stderr,
        flush=True,
    )


# --- the report ---


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    osname = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                osname = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GB RAM, {osname}, "
        f"Python {platform.python_version()}"
    )


def _fmt_s(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def _medians(records: list[Record], scenario: str, attr: str) -> dict[str, float]:
    """Median per program over its successful runs (a failed run is listed, never counted)."""
    out: dict[str, float] = {}
    for name in {r.program for r in records if r.scenario == scenario}:
        values = [
            getattr(r, attr)
            for r in records
            if r.scenario == scenario and r.program == name and r.ok
        ]
        if values:
            out[name] = measure.median(values)
    return out


def _target_text(scenario: str, wall: dict[str, float]) -> tuple[str, str]:
    parts, verdicts = [], []
    for peer, bound in TARGETS.get(scenario, []):
        if peer == "seconds":
            parts.append(f"<= {bound:g} s")
            if "reader" in wall:
                verdicts.append(wall["reader"] <= bound)
        else:
            parts.append(f"<= {bound:g}x {peer}")
            if "reader" in wall and peer in wall:
                verdicts.append(wall["reader"] / wall[peer] <= bound)
    met = "-" if not verdicts else ("yes" if all(verdicts) else "**no**")
    return ", ".join(parts) or "-", met


def refresh_table(records: list[Record], names: list[str], scenarios: Iterable[str]) -> str:
    peer_names = [n for n in names if not n.startswith("reader")]
    head = ["scenario", *(peers.ALL[n].name for n in names)]
    head += [f"Reader/{peers.ALL[n].name}" for n in peer_names if "reader" in names]
    head += ["target", "met"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for scenario in scenarios:
        wall = _medians(records, scenario, "wall")
        if not wall:
            continue
        row = [TITLES.get(scenario, scenario)]
        row += [_fmt_s(wall[n]) if n in wall else "-" for n in names]
        if "reader" in names:
            row += [
                f"{wall['reader'] / wall[n]:.2f}" if n in wall and "reader" in wall else "-"
                for n in peer_names
            ]
        row += list(_target_text(scenario, wall))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def resource_table(records: list[Record], names: list[str], scenarios: Iterable[str]) -> str:
    head = ["scenario"]
    head += [f"{peers.ALL[n].name} peak RSS" for n in names]
    head += [f"{peers.ALL[n].name} CPU" for n in names]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for scenario in scenarios:
        rss = _medians(records, scenario, "peak_rss")
        cpu = _medians(records, scenario, "cpu")
        if not rss:
            continue
        row = [TITLES.get(scenario, scenario)]
        row += [f"{rss[n] / 2**20:.0f} MB" if n in rss else "-" for n in names]
        row += [_fmt_s(cpu[n]) if n in cpu else "-" for n in names]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def runs_table(records: list[Record]) -> str:
    head = (
        "| scenario | rep | program | wall | CPU | peak RSS | entries / expected | farm answered |"
    )
    lines = [head, "|---|---|---|---|---|---|---|---|"]
    for r in records:
        entries = f"{r.entries} / {r.expected}" if r.expected is not None else "-"
        if not r.ok:
            entries += " **CHECK**" if r.returncode == 0 else f" **exit {r.returncode}**"
        name = peers.ALL[r.program].name if r.program in peers.ALL else r.program
        rss = f"{r.peak_rss / 2**20:.0f} MB"
        lines.append(
            f"| {r.scenario} | {r.rep} | {name} | {_fmt_s(r.wall)} | {_fmt_s(r.cpu)} | {rss} "
            f"| {entries} | {r.requests or '-'} |"
        )
    return "\n".join(lines)


def describe(names: list[str], args: argparse.Namespace) -> dict[str, object]:
    """What a report says about the run besides the numbers."""
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine(),
        "versions": [peers.ALL[n].version() for n in names],
        "names": names,
        "feeds": args.feeds,
        "latency": args.latency,
        "reps": args.reps,
        "window": "",
    }


def report(records: list[Record], meta: dict[str, Any]) -> str:
    names: list[str] = meta["names"]
    parts = [
        f"# Benchmark results, {meta['date']}",
        "",
        f"Machine: {meta['machine']}.  ",
        f"Programs: {', '.join(meta['versions'])}.  ",
        f"Farm: {meta['feeds']} feeds, {meta['latency'] * 1000:.0f} ms added per request, "
        f"its own process. {meta['reps']} repetitions, medians; ratios are Reader/peer "
        "(below 1 means Reader is faster).",
    ]
    failed = [r for r in records if not r.ok]
    if failed:
        parts += [
            "",
            f"**{len(failed)} run(s) failed or stored the wrong number of entries**; they are "
            "listed under Every run and left out of the medians.",
        ]
    refresh = [s for s in REFRESH if any(r.scenario == s for r in records)]
    if refresh:
        parts += ["", "## Refresh: wall time", "", refresh_table(records, names, refresh)]
        parts += ["", "## Refresh: peak memory and CPU (medians)", ""]
        parts += [resource_table(records, names, refresh)]
    scale = sorted(
        {r.scenario for r in records if r.scenario.startswith("scale-")},
        key=lambda s: int(s.split("-")[1]),
    )
    if scale:
        parts += ["", "## First refresh against the number of feeds", ""]
        parts += [refresh_table(records, names, scale), "", "![plot](scale.png)", ""]
        parts += [resource_table(records, names, scale)]
    if meta.get("window"):
        parts += ["", meta["window"]]
    if records:
        parts += ["", "## Every run", "", runs_table(records)]
    return "\n".join(parts) + "\n"


def save(records: list[Record], meta: dict[str, Any]) -> str:
    """Write latest.md and latest.json, a dated copy of both (a partial run replaces latest
    but never an earlier run), and the scale plot; return the markdown."""
    text = report(records, meta)
    data = json.dumps({"meta": meta, "records": [asdict(r) for r in records]}, indent=1)
    stamp = str(meta["date"]).replace(" ", "-").replace(":", "")
    for name in ("latest", f"run-{stamp}"):
        (RESULTS / f"{name}.md").write_text(text, encoding="utf-8")
        (RESULTS / f"{name}.json").write_text(data, encoding="utf-8")
    if any(r.scenario.startswith("scale-") for r in records):
        import plot

        labels = {name: peer.name for name, peer in peers.ALL.items()}
        plot.scale_plot(records, RESULTS / "scale.png", labels=labels)
    return text


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument(
        "scenario",
        choices=["all", "refresh", *REFRESH, "window", "latency", "scale", "report"],
        help="what to run (report: write latest.md again from latest.json)",
    )
    parser.add_argument("-n", "--reps", type=int, default=3, help="repetitions (default 3)")
    parser.add_argument("--feeds", type=int, default=500, help="feeds in the farm (default 500)")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds added per request")
    parser.add_argument(
        "--programs",
        default="reader,newsboat,lemon24",
        help="comma-separated, from: reader, newsboat, lemon24, reader-images (Reader's "
        "default refresh, which also stores every new article's image: slow on a first refresh)",
    )
    parser.add_argument("--sizes", default=",".join(map(str, SCALE_SIZES)), help="for scale")
    parser.add_argument("--runs", type=int, default=30, help="timed clicks each, for latency")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    args = parser.parse_args()

    RESULTS.mkdir(parents=True, exist_ok=True)
    if args.scenario == "report":  # render latest.json again (after a change to this script)
        data = json.loads((RESULTS / "latest.json").read_text(encoding="utf-8"))
        records = [Record(**r) for r in data["records"]]
        print(save(records, data["meta"]))
        return 0
    names = []
    for name in args.programs.split(","):
        why = peers.ALL[name].missing()
        if why:
            print(f"skipping {name}: {why}", file=sys.stderr)
        else:
            names.append(name)
    meta = describe(names, args)
    work = Path(tempfile.mkdtemp(prefix="reader-bench-", dir=args.work))
    records: list[Record] = []
    try:
        wanted = {
            "all": set(REFRESH),
            "refresh": set(REFRESH),
            "window": set(),
            "latency": set(),
            "scale": set(),
        }.get(args.scenario, {args.scenario})
        if wanted:
            records += refresh_suite(wanted, names, args.reps, args.feeds, args.latency, work)
        if args.scenario in ("all", "window"):
            import window

            meta["window"] = window.run_all(args.reps, work)
        if args.scenario in ("all", "latency"):
            import window_latency

            section = window_latency.run_all(
                args.runs, work, feeds=args.feeds, latency=args.latency
            )
            meta["window"] = "\n\n".join(filter(None, [meta["window"], section]))
        if args.scenario in ("all", "scale"):
            sizes = [int(s) for s in args.sizes.split(",")]
            records += scale_suite(names, args.reps, sizes, args.latency, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(save(records, meta))
    return 0


if __name__ == "__main__":
    sys.exit(main())
