"""Bounds on parsing: a 20 MB document that is pathological for the parser cannot hold a refresh
or take the memory.

Measured before these bounds (one run each, this machine): 3 million nested elements took 59 s
and 1.2 GB, 700,000 tiny items behind a DOCTYPE (feedparser's path) 40 s and 680 MB, 5 million
empty elements in one item 23 s and 690 MB, 950,000 nested elements (6.7 MB) 40 s and 400 MB,
1.5 million attributes on one element (18 MB) still ran after 6.5 minutes at 1 GB. Two bounds
now hold:

- a document with more than MAX_TAGS (2 million) "<" is refused at once, in any thread;
- a refresh parses in a process pool, and there a worker gives up after PARSE_SECONDS (15 s)
  with a feed error. The test runs the real pool set-up (forkserver) with the deadline
  shortened to 1 s.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import pytest
from reliability_helpers import (
    REPO,
    attribute_feed,
    parse_after_waiting,
    record,
    shorten_parse_deadline,
    worker_peak_mb,
)

from reader.core.errors import ParseError
from reader.core.parse import MAX_TAGS, parse_feed

MB = 20 << 20
HEAD = b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>t</title>'
END = b"</channel></rss>"
DEADLINE = 1.0
URL = "http://127.0.0.1:9/feed"


def nested(depth: int) -> bytes:
    return HEAD + b"<item><title>d</title>" + b"<x>" * depth + b"</x>" * depth + b"</item>" + END


def too_many_elements() -> dict[str, bytes]:
    item = b"<item><title>a</title></item>"
    return {
        "3 million nested elements": nested((MB - 400) // 7),
        "700,000 tiny items": HEAD + item * ((MB - 200) // len(item)) + END,
        "5 million empty elements": HEAD
        + b"<item><title>w</title>"
        + b"<y/>" * ((MB - 400) // 4)
        + b"</item>"
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


def test_millions_of_elements_are_refused_at_once() -> None:
    lines = []
    for name, body in too_many_elements().items():
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.monotonic()
        with pytest.raises(ParseError, match="far too many elements"):
            parse_feed(body, {}, URL)
        seconds = time.monotonic() - started
        assert seconds < 1, (name, seconds)
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        assert grown < 50, (name, grown)  # nothing was built
        lines.append(f"{name} {seconds * 1000:.0f} ms")
    # Just under the cap, the document is read as usual.
    item = b"<item><title>a</title></item>"
    fits = HEAD + item * ((MAX_TAGS - 10) // 4) + END
    assert len(parse_feed(fits, {}, URL).entries) == 5000
    record("20 MB of millions of elements", f"refused at once: {', '.join(lines)}")


@pytest.mark.slow
def test_a_parse_worker_gives_up_on_slow_documents(worker: ProcessPoolExecutor) -> None:
    lines = []
    slow = {
        "1.5 million attributes (18 MB)": attribute_feed(),
        "950,000 nested elements (6.7 MB)": nested(950_000),
    }
    for name, body in slow.items():
        started = time.monotonic()
        with pytest.raises(ParseError, match=r"took too long to read \(over 1 seconds\)"):
            worker.submit(parse_feed, body, {}, URL).result(60)
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
        "slow 20 MB feeds",
        f"a parse worker gives up at its deadline (1 s in the test, 15 s in Reader): "
        f"{', '.join(lines)}; worker peak {peak:.0f} MB",
    )


def test_the_deadline_counts_work_not_waiting(worker: ProcessPoolExecutor) -> None:
    """A worker that waits for a core (it runs at a low priority) is not cut off: the deadline
    counts the parse's CPU time. Here the parse waits 1.5 s, past the test's 1 s deadline."""
    good = (REPO / "tests" / "data" / "rss20.xml").read_bytes()
    parsed = worker.submit(parse_after_waiting, DEADLINE + 0.5, good, URL).result(30)
    assert len(parsed.entries) == 3


def test_outside_a_worker_nothing_is_armed() -> None:
    """The deadline uses a signal only in a worker's main thread: here (pytest's main
    process) a parse leaves no timer behind."""
    good = (REPO / "tests" / "data" / "atom.xml").read_bytes()
    assert parse_feed(good, {}, "https://blog.example/atom.xml").entries
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.fixture
def short_deadline_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """One-off workers (adding a feed, refreshing a few) with the 1 s test deadline."""
    from reader.core import workers

    def pool(max_workers: int | None = None) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=max_workers or 1,
            mp_context=multiprocessing.get_context("forkserver"),
            initializer=shorten_parse_deadline,
            initargs=(DEADLINE,),
        )

    monkeypatch.setattr(workers, "parse_pool", pool)


@pytest.mark.slow
def test_adding_or_refreshing_one_pathological_feed_is_bounded_too(
    service, feed_server, short_deadline_workers
) -> None:  # type: ignore[no-untyped-def]
    """Without a refresh pool (one feed added, fewer than 8 refreshed) a large document is
    still parsed in a worker under the deadline, never in the caller's thread."""
    bad = feed_server.add("/attributes.xml", attribute_feed(), content_type="application/rss+xml")
    started = time.monotonic()
    with pytest.raises(ParseError, match="took too long to read"):
        service.add_feed(bad)
    assert time.monotonic() - started < DEADLINE + 10
    assert service.feeds() == []  # nothing stored half-way

    good = feed_server.add("/good.xml", (REPO / "tests" / "data" / "rss20.xml").read_bytes())
    ids = [service.subscribe(bad), service.subscribe(good)]
    started = time.monotonic()
    results = {r.feed_id: r for r in service.refresh_iter(ids, images=False)}
    assert time.monotonic() - started < DEADLINE + 10
    assert results[ids[0]].status == "error" and "took too long" in results[ids[0]].error
    assert results[ids[1]].status == "updated" and results[ids[1]].new == 3
