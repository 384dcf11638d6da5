"""A parse deadline: a 20 MB document that is pathological for the parser cannot hold a refresh.

Measured before the deadline existed (one run each, this machine): 3 million nested elements
took 59 s and 1.2 GB, 1.7 million attributes on one element ran past 180 s, 700,000 tiny items
behind a DOCTYPE (feedparser's path) 40 s and 680 MB. A refresh parses in a process pool; there
the worker now gives up after PARSE_SECONDS (15 s) with a feed error. The test runs the real
pool set-up (forkserver) with the deadline shortened to 1 s.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import pytest
from reliability_helpers import REPO, record, shorten_parse_deadline, worker_peak_mb

from reader.core.errors import ParseError
from reader.core.parse import parse_feed

MB = 20 << 20
HEAD = b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
END = b"</channel></rss>"
DEADLINE = 1.0


def pathological() -> dict[str, bytes]:
    depth = (MB - 400) // 7
    item = b"<item><title>a</title></item>"
    return {
        "3 million nested elements": HEAD
        + b"<item><title>d</title>"
        + b"<x>" * depth
        + b"</x>" * depth
        + b"</item>"
        + END,
        "1.7 million attributes": HEAD
        + b"<item "
        + b" ".join(b'a%d="1"' % i for i in range(MB // 12))
        + b"><title>a</title></item>"
        + END,
        "700,000 tiny items (feedparser)": HEAD.replace(b"<rss", b"<!DOCTYPE rss><rss")
        + item * ((MB - 200) // len(item))
        + END,
    }


@pytest.fixture(scope="module")
def worker() -> Iterator[ProcessPoolExecutor]:
    pool = ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("forkserver"),
        initializer=shorten_parse_deadline,
        initargs=(DEADLINE,),
    )
    yield pool
    pool.shutdown(cancel_futures=True)


@pytest.mark.slow
def test_a_parse_worker_gives_up_on_pathological_documents(worker: ProcessPoolExecutor) -> None:
    lines = []
    for name, body in pathological().items():
        started = time.monotonic()
        with pytest.raises(ParseError, match=r"took too long to read \(over 1 seconds\)"):
            worker.submit(parse_feed, body, {}, "http://127.0.0.1:9/feed").result(60)
        seconds = time.monotonic() - started
        assert seconds < DEADLINE + 5, (name, seconds)
        lines.append(f"{name} {seconds:.1f} s")
    peak = worker.submit(worker_peak_mb).result(10)
    assert peak < 400, peak
    # The worker lives on and reads the next feed normally.
    good = (REPO / "tests" / "data" / "rss20.xml").read_bytes()
    parsed = worker.submit(parse_feed, good, {}, "https://news.example/feed").result(30)
    assert len(parsed.entries) == 3
    record(
        "pathological 20 MB feeds",
        f"refused by a parse worker at its deadline (1 s in the test, 15 s in Reader): "
        f"{', '.join(lines)}; worker peak {peak:.0f} MB (before the deadline: 59 s and 1.2 GB, "
        "over 180 s, 40 s and 680 MB)",
    )


def test_outside_a_worker_nothing_is_armed() -> None:
    """The deadline uses SIGALRM only in a worker's main thread: here (pytest's main process)
    a normal parse leaves no timer behind."""
    import signal

    good = (REPO / "tests" / "data" / "atom.xml").read_bytes()
    assert parse_feed(good, {}, "https://blog.example/atom.xml").entries
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
