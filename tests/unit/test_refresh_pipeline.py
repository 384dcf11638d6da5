"""The refresh pipeline: bounded work ahead of the writer, several feeds per transaction, images
linked as articles are stored (against a real local server)."""

from __future__ import annotations

import sqlite3
import time

import pytest

from reader.core import update
from reader.core.storage import articles as article_store
from reader.core.storage import feeds as feed_store

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _subscribe(service, feed_server, rss, count: int) -> list[int]:
    ids = []
    for i in range(count):
        url = feed_server.add(f"/f{i}.xml", rss(rss.item(f"g{i}", title=f"entry {i}")))
        ids.append(service.subscribe(url))
    return ids


def test_a_paused_consumer_stops_the_fetching(service, feed_server, rss, monkeypatch) -> None:
    """Feeds are fetched only a little ahead of what is stored: a window that stops reading
    the results (or a slow disk) does not pile up every feed of a big refresh in memory."""
    _subscribe(service, feed_server, rss, 40)
    slow = update.parse_for_store

    def slow_parse(*args):  # 50 ms a feed: 2 workers would do the 40 feeds in about 1 s
        time.sleep(0.05)
        return slow(*args)

    monkeypatch.setattr(update, "parse_for_store", slow_parse)
    states = feed_store.fetch_states(service.conn, None)
    results = update.refresh_iter(service.conn, states, client=service.client, workers=2)
    first = next(results)
    time.sleep(1.5)
    fetched = len(feed_server.hits)
    assert fetched <= 20, f"{fetched} feeds fetched while the first results waited"
    rest = list(results)
    assert len([first, *rest]) == 40
    assert all(r.status == "updated" and r.new == 1 for r in [first, *rest])
    assert service.counts()["all"] == 40


def test_one_feed_failing_to_store_leaves_the_others(
    service, feed_server, rss, monkeypatch
) -> None:
    ids = _subscribe(service, feed_server, rss, 12)
    bad = ids[5]
    apply_plan = article_store.apply_plan

    def failing(conn, feed_id, plan, now, **kw):
        apply_plan(conn, feed_id, plan, now, **kw)  # written, then rolled back alone
        if feed_id == bad:
            raise sqlite3.IntegrityError("UNIQUE constraint failed: articles.key")

    monkeypatch.setattr(article_store, "apply_plan", failing)
    results = {r.feed_id: r for r in service.refresh_iter(images=False)}
    assert results[bad].status == "error"
    assert "UNIQUE" in (results[bad].error or "")
    assert all(r.status == "updated" for fid, r in results.items() if fid != bad)
    stored = {a.feed_id for a in service.articles(limit=None)}
    assert stored == set(ids) - {bad}


@pytest.mark.parametrize("feeds", [1, 10])  # below and above the parse pool's threshold
def test_new_articles_are_linked_to_their_images_as_they_are_stored(
    service, feed_server, rss, feeds: int
) -> None:
    image = feed_server.add("/photo.png", PNG, content_type="image/png")
    for i in range(feeds):
        body = f'<p>Story {i}</p><img src="{image}" alt="">'
        url = feed_server.add(f"/p{i}.xml", rss(rss.item(f"p{i}", description=body)))
        service.subscribe(url)
    results = list(service.refresh_iter(images=False))
    assert [r.new for r in results] == [1] * feeds
    assert not feed_server.hits_for("/photo.png")  # images off: nothing downloaded
    assert service.download_images() == 1  # the one image all articles share
    for article in service.articles(limit=None):
        assert list(service.image_map(article.id)) == [image]


def test_worker_processes_start_only_when_a_feed_has_something_to_parse(
    service, feed_server, rss, monkeypatch
) -> None:
    """A refresh of many feeds that all answer 304 parses nothing, so it starts no worker
    process; the first changed feed starts the pool, and its entries are parsed there."""
    from reader.core import workers

    made = []
    real = workers.parse_pool

    def counted(max_workers=None):
        made.append(1)
        return real(max_workers)

    monkeypatch.setattr(workers, "parse_pool", counted)
    _subscribe(service, feed_server, rss, 10)
    list(service.refresh_iter(images=False))  # whatever the subscriptions left to store
    made.clear()
    assert {r.status for r in service.refresh_iter(images=False)} == {"not_modified"}
    assert made == []
    feed_server.add("/f3.xml", rss(rss.item("g3", title="entry 3"), rss.item("n", title="new")))
    results = {r.status for r in service.refresh_iter(images=False)}
    assert results == {"not_modified", "updated"}
    assert made == [1]
    assert "new" in {a.title for a in service.articles(limit=None)}


def test_a_lazy_pool_without_processes_runs_its_tasks_in_the_caller(monkeypatch) -> None:
    import threading

    from reader.core import workers

    pool = workers.LazyPool(lambda: None)  # the system refused processes
    assert pool.submit(threading.get_ident).result() == threading.get_ident()
    with pytest.raises(ZeroDivisionError):
        pool.submit(lambda: 1 / 0).result()
    pool.shutdown()
    with pytest.raises(RuntimeError):
        pool.submit(int)


def test_parse_workers_yield_the_cpu_to_the_writer() -> None:
    """The refresh's writer (in this process) is its critical path: parse workers run at a
    lower priority, so on a busy machine the writer is not kept waiting for a core."""
    import os

    from reader.core import workers

    pool = workers.parse_pool(1)
    assert pool is not None
    try:
        niceness = pool.submit(os.nice, 0).result(timeout=60)
    finally:
        pool.shutdown()
    assert niceness == min(19, os.nice(0) + workers.WORKER_NICE)
