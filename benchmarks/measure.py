"""Run one command and measure it: wall time, CPU time and peak resident memory of its tree.

Memory and CPU are sampled with psutil every `interval` seconds over the process and all of its
descendants (Reader parses in worker processes, so the main process alone would under-report).
Peak RSS is the largest *sum* over the tree seen in one sample; shared pages are counted once per
process, so it leans high for multi-process programs. CPU is the sum of each process's last
sampled user + system time, so it misses at most one interval per process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil


@dataclass(frozen=True, slots=True)
class Sample:
    """One measured run of one command."""

    wall: float  # seconds, spawn to exit
    cpu: float  # seconds of user + system time over the process tree (sampled)
    peak_rss: int  # bytes, the largest sum of RSS over the tree in one sample
    returncode: int


def run(
    command: Sequence[str],
    *,
    log: Path,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    interval: float = 0.05,
) -> Sample:
    """Run `command` to its end with stdout and stderr going to `log`; measure it."""
    with open(log, "ab") as out:
        out.write(f"$ {' '.join(command)}\n".encode())
        out.flush()
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(command),
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
            cwd=cwd,
        )
        sampler = _Sampler(proc.pid, interval)
        sampler.start()
        code = proc.wait()
        wall = time.perf_counter() - start
        sampler.stop()
    return Sample(wall, sampler.cpu(), sampler.peak_rss, code)


class _Sampler(threading.Thread):
    def __init__(self, pid: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak_rss = 0
        self._cpu: dict[int, float] = {}
        self._done = threading.Event()
        try:
            self._root: psutil.Process | None = psutil.Process(pid)
        except psutil.NoSuchProcess:
            self._root = None

    def run(self) -> None:
        while not self._done.is_set() and self._root is not None:
            self._sample(self._root)
            self._done.wait(self.interval)

    def _sample(self, root: psutil.Process) -> None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            return
        total = 0
        for proc in tree:
            try:
                with proc.oneshot():
                    total += proc.memory_info().rss
                    times = proc.cpu_times()
                    self._cpu[proc.pid] = times.user + times.system
            except psutil.Error:
                continue  # it ended between listing and reading
        self.peak_rss = max(self.peak_rss, total)

    def stop(self) -> None:
        self._done.set()
        self.join()

    def cpu(self) -> float:
        return sum(self._cpu.values())


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")
