"""The window's refresh in a child process: its events, cancel, and a child that dies or fails."""

from __future__ import annotations

import os
import signal
import time

import pytest

from reader.core.refresh_child import RefreshFailed, RefreshProcess, result_of


def _subscribe(service, feed_server, rss, count: int) -> list[int]:
    return [
        service.subscribe(
            feed_server.add(f"/c{i}.xml", rss(rss.item(f"g{i}", title=f"child entry {i}")))
        )
        for i in range(count)
    ]


def test_the_child_reports_each_feed_and_stores_the_articles(service, feed_server, rss) -> None:
    ids = _subscribe(service, feed_server, rss, 3)
    events = list(RefreshProcess(service.data_dir, images=False).events())
    kinds = [e["event"] for e in events]
    assert kinds[0] == "started" and events[0]["total"] == 3
    assert kinds[1:] == ["result"] * 3 + ["offline", "done"]
    results = [result_of(e) for e in events if e["event"] == "result"]
    assert sorted(r.feed_id for r in results) == sorted(ids)
    assert all(r.status == "updated" and r.new == 1 for r in results)
    # Stored by the child, visible to this process's own connection.
    titles = {a.title for a in service.articles_by_ids(service.article_ids())}
    assert titles == {"child entry 0", "child entry 1", "child entry 2"}


def test_some_feeds_only(service, feed_server, rss) -> None:
    ids = _subscribe(service, feed_server, rss, 3)
    events = list(RefreshProcess(service.data_dir, [ids[1]], images=False).events())
    assert events[0] == {"event": "started", "total": 1}
    assert [result_of(e).feed_id for e in events if e["event"] == "result"] == [ids[1]]
    assert service.counts()["all"] == 1


def test_a_failing_feed_is_a_result_not_a_failure(service, feed_server, rss) -> None:
    good = _subscribe(service, feed_server, rss, 1)[0]
    bad = service.subscribe(feed_server.add("/gone.xml", rss(rss.item("x"))))
    feed_server.remove("/gone.xml")
    events = list(RefreshProcess(service.data_dir, images=False).events())
    results = {r.feed_id: r for r in map(result_of, (e for e in events if "feed_id" in e))}
    assert results[good].status == "updated"
    assert results[bad].status == "error" and results[bad].error
    assert events[-1] == {"event": "done"}


def test_cancel_stops_a_refresh_held_up_by_a_slow_server(service, feed_server, rss) -> None:
    _subscribe(service, feed_server, rss, 2)
    service.subscribe(feed_server.url("/hostile/slow?seconds=60"))
    process = RefreshProcess(service.data_dir, images=False)
    seen = []
    started = time.monotonic()
    for event in process.events():
        seen.append(event["event"])
        if seen.count("result") == 2:
            process.cancel()  # the slow feed is still trickling
    assert time.monotonic() - started < 20  # the slow feed alone would hold it 30 s or more
    assert "done" in seen and "offline" not in seen


def test_a_child_that_dies_is_a_clear_failure(service, feed_server, rss) -> None:
    _subscribe(service, feed_server, rss, 1)
    service.subscribe(feed_server.url("/hostile/slow?seconds=60"))
    process = RefreshProcess(service.data_dir, images=False)
    events = process.events()
    assert next(events)["event"] == "started"
    os.kill(process._proc.pid, signal.SIGKILL)
    with pytest.raises(RefreshFailed, match=r"stopped unexpectedly \(killed by signal 9\)"):
        list(events)
    assert service.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_data_folder_it_cannot_open_fails_with_the_storage_message(tmp_path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "reader.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(RefreshFailed) as failed:
        list(RefreshProcess(folder, images=False).events())
    assert "is not a Reader database or is corrupt; it was left untouched" in str(failed.value)


def test_the_child_stops_when_its_parent_goes_away(service, feed_server, rss) -> None:
    """End of input (the window was killed) cancels: no orphan keeps refreshing."""
    service.subscribe(feed_server.url("/hostile/slow?seconds=60"))
    process = RefreshProcess(service.data_dir, images=False)
    events = process.events()
    assert next(events)["event"] == "started"
    process._proc.stdin.close()  # what the kernel does when the window dies
    started = time.monotonic()
    assert process._proc.wait(timeout=20) == 0
    assert time.monotonic() - started < 20  # the slow feed alone would hold it 30 s or more
