"""Profile one of Reader's refreshes of the farm with py-spy; print where the time goes.

    .venv/bin/python benchmarks/profile_refresh.py [--scenario first|unchanged|changed]
        [--feeds 500] [--top 10] [--rate 100] [--images]

py-spy samples the `reader refresh` process, and one more py-spy attaches to each process it
starts (the parse workers: `--subprocesses` does not follow forkserver children). All sample
without pausing the target (`--nonblocking`). The raw stacks are kept in
benchmarks/results/profile-*.txt; the summary goes to benchmarks/results/profile.md: the top
functions by own time (the frame running when sampled) and Reader's functions by total time.

py-spy here does not tell idle threads apart, so samples whose running frame is a known wait
(a thread pool's empty queue, a condition, select, a socket read) are counted as waiting and
left out of the shares, which are of the busy samples over every process.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from farm import FarmProcess

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
BIN = Path(sys.executable).parent
_LINE = re.compile(r"^(.*) (\d+)$")
_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^()]*?)(?::(?P<line>\d+))?\)$")
WAITS = {  # running frames that are a blocked thread, not work
    "_worker (concurrent/futures/thread.py)",
    "Condition.wait (threading.py)",
    "Event.wait (threading.py)",
    "_PollLikeSelector.select (selectors.py)",
    "SocketIO.readinto (socket.py)",
    "Connection._recv (multiprocessing/connection.py)",
    "wait (multiprocessing/connection.py)",
    "_wait_for_tstate_lock (threading.py)",
}


def function_of(frame: str) -> str:
    """'parse (reader/core/parse.py:42)' -> 'parse (reader/core/parse.py)'."""
    m = _FRAME.match(frame)
    if not m:
        return frame
    path = m["file"]
    for marker in ("site-packages/", "/src/", "lib/python3.11/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{m['func']} ({path})"


@dataclass
class Summary:
    busy: int = 0
    waiting: int = 0
    own: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    by_process: Counter[str] = field(default_factory=Counter)


def summarize(raws: dict[str, str]) -> Summary:
    """Fold raw py-spy stacks (role -> text) into own and total counts of busy samples."""
    out = Summary()
    for role, raw in raws.items():
        for line in raw.splitlines():
            m = _LINE.match(line.strip())
            if not m:
                continue
            stack, count = m[1].split(";"), int(m[2])
            frames = [function_of(f) for f in stack if not f.startswith(("process ", "thread "))]
            if not frames:
                continue
            if frames[-1] in WAITS:
                out.waiting += count
                continue
            out.busy += count
            out.by_process[role] += count
            out.own[frames[-1]] += count
            for name in set(frames):
                if "(reader/" in name:
                    out.total[name] += count
    return out


class Attacher(threading.Thread):
    """Attach one py-spy to every Python process below `root` except `root`'s own children
    (those are the launched program, which its launching py-spy already samples)."""

    def __init__(self, spy: str, root: int, rate: int, out: Path) -> None:
        super().__init__(daemon=True)
        self.spy, self.root, self.rate, self.out = spy, root, rate, out
        self.spies: list[subprocess.Popen[bytes]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        seen: set[int] = set()
        try:
            root = psutil.Process(self.root)
        except psutil.Error:
            return
        while not self.stop.is_set():
            try:
                children = root.children(recursive=True)
            except psutil.Error:
                return
            for child in children:
                try:
                    if child.pid in seen or child.ppid() == self.root:
                        continue
                    if "python" not in child.name():
                        continue
                except psutil.Error:
                    continue
                seen.add(child.pid)
                record = [self.spy, "record", "--nonblocking", "--format", "raw"]
                record += ["--rate", str(self.rate), "--pid", str(child.pid)]
                record += ["-o", str(self.out / f"profile-child-{child.pid}.txt")]
                self.spies.append(
                    subprocess.Popen(record, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                )
            time.sleep(0.05)

    def finish(self) -> None:
        self.stop.set()
        self.join()
        for spy in self.spies:
            try:
                spy.wait(timeout=10)
            except subprocess.TimeoutExpired:
                spy.terminate()


def table(rows: list[tuple[str, int]], samples: int, what: str) -> str:
    lines = [f"| {what} | samples | share of busy |", "|---|---|---|"]
    lines += [f"| `{name}` | {n} | {100 * n / samples:.1f}% |" for name, n in rows]
    return "\n".join(lines)


def profile(command: list[str], spy: str, rate: int) -> tuple[float, dict[str, str]]:
    """Run the command under py-spy, and py-spy on its children: (wall, role -> raw)."""
    for old in RESULTS.glob("profile-*.txt"):
        old.unlink()
    record = [spy, "record", "--nonblocking", "--format", "raw", "--rate", str(rate)]
    record += ["-o", str(RESULTS / "profile-main.txt"), "--", *command]
    start = time.perf_counter()
    launcher = subprocess.Popen(record, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    attacher = Attacher(spy, launcher.pid, rate, RESULTS)
    attacher.start()
    launcher.wait()
    wall = time.perf_counter() - start
    attacher.finish()
    return wall, {
        path.stem.removeprefix("profile-"): path.read_text("utf-8")
        for path in sorted(RESULTS.glob("profile-*.txt"))
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--rate", type=int, default=100, help="samples a second")
    parser.add_argument(
        "--scenario",
        choices=["first", "unchanged", "changed"],
        default="first",
        help="which refresh to profile (the others run first, unprofiled)",
    )
    parser.add_argument(
        "--images", action="store_true", help="also download images (Reader's default refresh)"
    )
    args = parser.parse_args()
    spy = shutil.which("py-spy") or str(BIN / "py-spy")
    RESULTS.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="reader-profile-"))
    reader = [str(BIN / "reader"), "--data-dir", str(work / "data")]
    try:
        with FarmProcess(args.feeds, opml=work / "farm.opml") as farm:
            subprocess.run([*reader, "import", str(farm.opml)], check=True, capture_output=True)
            if args.scenario != "first":
                subprocess.run([*reader, "refresh", "--no-images"], check=True, capture_output=True)
            if args.scenario == "changed":
                farm.control("mutate?fraction=0.2")
            refresh = ["refresh"] if args.images else ["refresh", "--no-images"]
            wall, raws = profile([*reader, *refresh], spy, args.rate)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    summary = summarize(raws)
    busy = max(summary.busy, 1)
    what = {"first": "first", "unchanged": "unchanged (all 304)", "changed": "20%-changed"}[
        args.scenario
    ]
    roles = ", ".join(
        f"{role}: {n / args.rate:.1f} s" for role, n in summary.by_process.most_common()
    )
    text = "\n".join(
        [
            f"# Profile: Reader's {what} refresh of {args.feeds} feeds"
            + ("" if args.images else " (--no-images)"),
            "",
            f"py-spy at {args.rate} Hz, wall {wall:.1f} s under the profiler. Busy samples: "
            f"{summary.busy} ({summary.busy / args.rate:.1f} s of thread time; waiting: "
            f"{summary.waiting / args.rate:.1f} s). Busy time by process: {roles}.",
            "",
            "## By own time (the function running when sampled)",
            "",
            table(summary.own.most_common(args.top), busy, "function"),
            "",
            "## Reader's functions by total time (anywhere on the stack)",
            "",
            table(summary.total.most_common(args.top), busy, "function"),
            "",
        ]
    )
    (RESULTS / "profile.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
