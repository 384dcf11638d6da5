"""Window scenarios under Xvfb: cold start to a shown window, and resident memory when idle.

    .venv/bin/python benchmarks/run.py window [-n 3]       (or run this file directly)

Reader opens a generated store of 100,000 articles (gen_store.py); RSS Guard (Debian) opens an
empty store. Each launch is timed from spawn to:

- shown: the program's top-level window is mapped and viewable (`xdotool search --onlyvisible
  --pid`, polled every 20 ms);
- filled: shown, and the window has painted what it shows first: for Reader, the article
  list's rows and the sidebar's counts and categories (it appends `filled <time.monotonic()>`
  to the file named by READER_TRACE_START once both are painted; on Linux that clock is
  perf_counter's, so the time since spawn is exact). RSS Guard opens an empty store: its
  filled time is its shown time. The target compares Reader's filled with RSS Guard's;
- settled: the program stops using CPU (less than 20 ms of CPU in 300 ms), which is when a
  window that fills its list at start has filled it;

then, after 2 s more, its resident memory (the sum over the process and its children) is read
from /proc. One Xvfb server (started here when there is no DISPLAY, like xvfb-run) serves every
launch. "Cold" means a new process; the files it loads are in the page cache after the first
launch, so every repetition after the first is a warm-cache start for both programs alike.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
READER = Path(sys.executable).parent / "reader"
POLL = 0.02
TIMEOUT = 60.0


@dataclass(frozen=True, slots=True)
class Launch:
    program: str
    rep: int
    shown: float | None  # seconds to a mapped window; None when no window appeared
    filled: float | None  # seconds to a window showing its content (see the module docstring)
    settled: float | None  # seconds until CPU went quiet
    rss: int  # bytes, the process tree 2 s after settling
    rss_main: int  # bytes, the main process alone


class Xvfb:
    """A private X server for the launches (reuses $DISPLAY when one is set)."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.display = os.environ.get("DISPLAY", "")
        if self.display:
            return
        read, write = os.pipe()
        # -noreset: a server reset after the last client leaves would refuse the next launch
        command = ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24"]
        self.proc = subprocess.Popen(
            [*command, "-nolisten", "tcp", "-noreset"],
            pass_fds=(write,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as f:
            self.display = ":" + f.readline().strip()

    def close(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait()


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def _tree_cpu(proc: psutil.Process) -> float:
    total = 0.0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.Error:
            pass
    return total


def _visible(pid: int, display: str) -> bool:
    done = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        check=False,
    )
    return done.returncode == 0 and bool(done.stdout.strip())


def launch(
    program: str,
    command: list[str],
    display: str,
    rep: int,
    *,
    log: Path,
    env: dict[str, str],
    traced: bool = False,
) -> Launch:
    """Start one program, time it to shown, filled and settled, read its memory, close it.

    traced: the program writes its filled time to READER_TRACE_START (Reader); otherwise
    filled is shown.
    """
    full_env = {**os.environ, **env, "DISPLAY": display}
    full_env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen, not offscreen
    # As installed: pip writes every module's bytecode, but a shell with
    # PYTHONDONTWRITEBYTECODE (this sandbox's) would make each start compile Reader's sources
    # again (35 modules, ~60 ms). The untimed first launch writes the cache.
    full_env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="reader-trace-") as folder, open(log, "ab") as out:
        trace = Path(folder) / "start.trace"
        full_env["READER_TRACE_START"] = str(trace)
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=full_env, stdout=out, stderr=out)
        ps = psutil.Process(proc.pid)
        shown = filled = settled = None
        rss = rss_main = 0
        try:
            while time.perf_counter() - start < TIMEOUT and proc.poll() is None:
                if _visible(proc.pid, display):
                    shown = time.perf_counter() - start
                    break
                time.sleep(POLL)
            if shown is not None:
                filled = _filled(trace, start, shown) if traced else shown
                settled = _settle(ps, start)
                time.sleep(2.0)
                rss, rss_main = _tree_rss(ps), ps.memory_info().rss
        finally:
            _close(proc, ps)
    return Launch(program, rep, shown, filled, settled, rss, rss_main)


def _filled(trace: Path, start: float, shown: float) -> float | None:
    """Seconds from start to the program's `filled` line (never before shown); None when it
    wrote none within the timeout."""
    while time.perf_counter() - start < TIMEOUT:
        try:
            for line in trace.read_text().splitlines():
                word, _, value = line.partition(" ")
                if word == "filled":
                    return max(float(value) - start, shown)
        except (OSError, ValueError):
            pass
        time.sleep(POLL / 4)
    return None


def _close(proc: subprocess.Popen[bytes], ps: psutil.Process) -> None:
    """End the program and every process it started; wait until all are gone."""
    try:
        tree = [ps, *ps.children(recursive=True)]
    except psutil.Error:
        tree = []
    for p in tree:
        try:
            p.terminate()
        except psutil.Error:
            pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    _, alive = psutil.wait_procs(tree, timeout=10)
    for p in alive:
        p.kill()


def _settle(ps: psutil.Process, start: float, window: float = 0.3, quiet: float = 0.02) -> float:
    """Seconds from start until the process tree spent under `quiet` CPU in `window`."""
    last_cpu, last_time = _tree_cpu(ps), time.perf_counter()
    while time.perf_counter() - start < TIMEOUT:
        time.sleep(window)
        cpu, now = _tree_cpu(ps), time.perf_counter()
        if cpu - last_cpu < quiet:
            return last_time - start
        last_cpu, last_time = cpu, now
    return TIMEOUT


def run_all(reps: int, work: Path) -> str:
    """Generate the store, launch Reader and RSS Guard alternately; a markdown section."""
    store = work / "store-100k"
    log = HERE / "results" / "logs" / "window.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    if not (store / "reader.sqlite3").exists():
        subprocess.run(
            [sys.executable, str(HERE / "gen_store.py"), str(store)],
            check=True,
            stdout=sys.stderr,
        )
    else:  # made by an older gen_store.py: as the window would leave it after opening it
        subprocess.run(
            [sys.executable, str(HERE / "gen_store.py"), "--balance", str(store)],
            check=True,
            stdout=sys.stderr,
        )
    programs: dict[str, tuple[list[str], dict[str, str]]] = {  # Reader first: it is traced
        "Reader": ([str(READER), "--data-dir", str(store)], {}),
    }
    if shutil.which("rssguard"):
        data = work / "rssguard"
        env = {"HOME": str(work)}
        if os.geteuid() == 0:  # its QtWebEngine refuses to start as root with the sandbox on
            env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        programs["RSS Guard"] = (["rssguard", "-d", str(data), "-n"], env)
    else:
        print("skipping RSS Guard: not installed (setup.sh)", file=sys.stderr)
    xvfb = Xvfb()
    launches: list[Launch] = []
    try:
        for name, (command, env) in programs.items():  # untimed: first-run set-up, page cache
            launch(name, command, xvfb.display, -1, log=log, env=env, traced=name == "Reader")
        names = list(programs)
        for rep in range(reps):
            k = rep % len(names)
            for name in names[k:] + names[:k]:
                command, env = programs[name]
                result = launch(
                    name, command, xvfb.display, rep, log=log, env=env, traced=name == "Reader"
                )
                launches.append(result)
                print(f"  window     {_line(result)}", file=sys.stderr, flush=True)
    finally:
        xvfb.close()
    return report(launches, list(programs))


def _line(r: Launch) -> str:
    shown = f"{r.shown:.3f} s" if r.shown is not None else "no window"
    filled = f"{r.filled:.3f} s" if r.filled is not None else "-"
    settled = f"{r.settled:.2f} s" if r.settled is not None else "-"
    return (
        f"{r.program:<9} rep {r.rep}: shown {shown}, filled {filled}, settled {settled}, "
        f"{r.rss / 2**20:.0f} MB"
    )


def _median(values: list[float]) -> float | None:
    values = sorted(values)
    if not values:
        return None
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def _fmt(attr: str, value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value / 2**20:.0f} MB" if attr.startswith("rss") else f"{value:.3f} s"


def report(launches: list[Launch], names: list[str]) -> str:
    def med(name: str, attr: str) -> float | None:
        got = [getattr(r, attr) for r in launches if r.program == name and r.shown is not None]
        return _median([v for v in got if v is not None])

    lines = [
        "## Window: cold start and idle memory (Xvfb)",
        "",
        "Reader with 100,000 articles (gen_store.py) against RSS Guard with an empty store. "
        "Shown = window mapped; filled = mapped and its list rows and sidebar counts painted "
        "(RSS Guard, empty: its shown time); settled = CPU quiet; memory = resident set of the "
        "process tree 2 s after settling.",
        "",
        "| measure | " + " | ".join(names) + " | Reader/RSS Guard | target | met |",
        "|---|" + "---|" * (len(names) + 3),
    ]
    # (row, attribute, target, is the Reader/RSS Guard ratio within it)
    rows = [
        ("start to shown window", "shown", "-", None),
        ("start to shown, filled window", "filled", "<= 1.0x RSS Guard", lambda r: r <= 1.0),
        ("start to settled window", "settled", "-", None),
        ("resident memory, idle", "rss", "below RSS Guard", lambda r: r < 1.0),
        ("resident memory, idle, main process only", "rss_main", "-", None),
    ]
    for title, attr, target, within in rows:
        values = {n: med(n, attr) for n in names}
        cells = [_fmt(attr, v) for v in values.values()]
        ours, theirs = values.get("Reader"), values.get("RSS Guard")
        ratio = ours / theirs if ours is not None and theirs else None
        met = "-"
        if within is not None and ratio is not None:
            met = "yes" if within(ratio) else "**no**"
        ratio_text = f"{ratio:.2f}" if ratio is not None else "-"
        lines.append(f"| {title} | " + " | ".join(cells) + f" | {ratio_text} | {target} | {met} |")
    lines += [
        "",
        "| rep | program | shown | filled | settled | memory (main process) |",
        "|---|---|---|---|---|---|",
    ]
    for r in launches:
        shown = f"{r.shown:.3f} s" if r.shown is not None else "no window"
        filled = f"{r.filled:.3f} s" if r.filled is not None else "-"
        settled = f"{r.settled:.2f} s" if r.settled is not None else "-"
        memory = f"{r.rss / 2**20:.0f} MB ({r.rss_main / 2**20:.0f} MB)"
        lines.append(f"| {r.rep} | {r.program} | {shown} | {filled} | {settled} | {memory} |")
    return "\n".join(lines)


def main() -> int:
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    work = Path(tempfile.mkdtemp(prefix="reader-window-"))
    try:
        print(run_all(reps, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
