"""The two search indexes (storage/search.py): the newest articles in a small one, the rest in
the main one. Whatever moves between them, and whatever the refreshes change, a search finds
exactly what its words match, newest first, and its first rows are the head of its whole list.

Articles reach the database as they do for a user (feed server -> refresh); the split is kept
small here (a few articles) so every path of the balancing runs.
"""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.service import Service
from reader.core.storage import search
from reader.core.storage.db import SCHEMA_VERSION, transaction
from reader.core.types import Query

HOUR = 3600
WORDS = ("vote", "market", "vot", "weather", "ballot", "nothing")
LIMITS = (1, 3, 7, 12, 200)


def items(rss, prefix: str, count: int, now: float, *, offset: int = 0, renamed: bool = False):
    """Entries whose titles hold a word shared by many ("vote"/"market"), a unique token
    (prefix + number) and times out of list order, with ties. `renamed`: every other one has
    a new title ("ballot") and a time 40 hours later or 100 hours earlier."""
    made = []
    for n in range(count):
        title = f"{'vote' if n % 3 else 'market'} {prefix}x{n}"
        hours = ((n * 7) % count) // 2 * 5 + offset
        if renamed and n % 2 == 0:
            title = f"ballot {prefix}y{n}"
            hours += -40 if n % 4 == 0 else 100
        made.append(
            rss.item(
                f"{prefix}{n}",
                title=title,
                description="weather today" if n % 4 == 0 else "calm",
                published=now - hours * HOUR,
            )
        )
    return made


def add(service: Service, feed_server, path: str, body: bytes) -> int:
    feed_server.add(path, body)
    return service.add_feed(feed_server.url(path)).id


def balance(service: Service, *, keep: int, step: int) -> int:
    """Run balance steps to the end, checking every state between two; returns the steps."""
    steps = 0
    while True:
        with transaction(service.conn) as conn:
            more = search.balance_step(conn, keep=keep, step=step)
        steps += 1
        check(service)
        if not more:
            return steps
        assert steps < 100


def titles(service: Service) -> dict[int, tuple[str, int]]:
    """Article id -> (title, sort_time), read from the articles table."""
    rows = service.conn.execute("SELECT id, title, sort_time FROM articles")
    return {r[0]: (r[1], r[2]) for r in rows}


def in_index(conn: sqlite3.Connection, table: str, token: str) -> list[int]:
    return [
        r[0]
        for r in conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (f'"{token}"',))
    ]


def check(service: Service) -> None:
    """What a user sees is right, and each article is in exactly the index its time says."""
    conn = service.conn
    stored = titles(service)
    newest_first = sorted(stored, key=lambda i: (stored[i][1], i), reverse=True)
    for word in WORDS:
        words_of = {
            i: set(stored[i][0].lower().split())
            | ({"weather", "today"} if "weather" in _body(conn, i) else set())
            for i in stored
        }
        expected = [i for i in newest_first if any(w.startswith(word) for w in words_of[i])]
        whole = service.article_ids(Query(search=word))
        assert whole == expected, word
        for feed_id, in_feed in feeds_of(conn).items():  # a feed's search reads a stretch of ids
            found = service.article_ids(Query(search=word, feed_id=feed_id))
            assert found == [i for i in expected if i in in_feed], (word, feed_id)
        for limit in LIMITS:
            assert service.article_ids(Query(search=word), limit=limit) == whole[:limit], (
                word,
                limit,
            )
    since = search.recent_since(conn)
    for article_id, (title, sort_time) in stored.items():
        token = title.split()[1]
        recent = since is not None and sort_time >= since
        assert in_index(conn, search.RECENT, token) == ([article_id] if recent else [])
        assert in_index(conn, search.MAIN, token) == ([] if recent else [article_id])
    for table in (search.MAIN, search.RECENT):
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 0)")


def feeds_of(conn: sqlite3.Connection) -> dict[int, set[int]]:
    feeds: dict[int, set[int]] = {}
    for article_id, feed_id in conn.execute("SELECT id, feed_id FROM articles"):
        feeds.setdefault(feed_id, set()).add(article_id)
    return feeds


def _body(conn: sqlite3.Connection, article_id: int) -> str:
    row = conn.execute("SELECT content_html FROM article_content WHERE id = ?", (article_id,))
    return row.fetchone()[0]


def recent_count(service: Service) -> int:
    since = search.recent_since(service.conn)
    return sum(1 for _title, t in titles(service).values() if since is not None and t >= since)


def test_searches_stay_exact_while_articles_move_between_the_indexes(
    service, feed_server, rss, clock
) -> None:
    now = clock()
    first = add(service, feed_server, "/a.xml", rss(*items(rss, "a", 30, now)))
    check(service)  # before any balancing: everything in the main index
    assert search.recent_since(service.conn) is None

    # Filling: the newest 8 (and their ties) move in, 3 at a time (with ties, 4).
    assert balance(service, keep=8, step=3) >= 2  # ties of two: 4 a step
    assert 8 <= recent_count(service) < 8 + 3 + 2

    # A second feed: articles newer than the split go to the small index, older to the main.
    second = add(service, feed_server, "/b.xml", rss(*items(rss, "b", 20, now, offset=-3)))
    check(service)
    assert recent_count(service) > 12  # over 1.5 x 8: the next balance hands some back
    balance(service, keep=8, step=3)
    assert recent_count(service) <= 12

    # Republished with new titles and new times, across the split both ways: the old words
    # leave the index they were in, the new ones go where the new time says.
    since = search.recent_since(service.conn)
    # Three new entries too: the first feed's ids now lie on both sides of the second's.
    renamed = items(rss, "a", 30, now, renamed=True)
    feed_server.add("/a.xml", rss(*renamed, *items(rss, "c", 3, now, offset=-60)))
    results = list(service.refresh_iter([first]))
    assert results[0].updated == 15 and results[0].new == 3 and not results[0].error
    check(service)
    moved = {t >= since for title, t in titles(service).values() if title.startswith("ballot")}
    assert moved == {True, False}  # some now newer than the split, some older
    balance(service, keep=8, step=3)

    # Removing a feed and purging take articles out of whichever index holds them.
    service.remove_feed(second)
    check(service)
    service.set_read(service.article_ids())
    clock.advance(400 * 86400)
    service.purge(days=30)
    check(service)
    assert service.article_ids() == []


def test_a_rebuilt_index_keeps_the_split(service, feed_server, rss, clock) -> None:
    add(service, feed_server, "/a.xml", rss(*items(rss, "a", 25, clock())))
    balance(service, keep=6, step=4)
    since = search.recent_since(service.conn)
    service.set_setting("fts_text_version", "0")  # as after a change of the text extraction
    search.ensure_current(service.conn)
    assert search.recent_since(service.conn) == since
    check(service)


def test_one_time_shared_by_many_moves_as_a_whole(service, feed_server, rss, clock) -> None:
    now = clock()
    same = [rss.item(f"s{n}", title=f"vote sx{n}", published=now - HOUR) for n in range(10)]
    older = [
        rss.item(f"o{n}", title=f"market ox{n}", published=now - (5 + n) * HOUR) for n in range(6)
    ]
    add(service, feed_server, "/a.xml", rss(*same, *older))
    balance(service, keep=4, step=3)  # the ten of one time all come in together
    assert recent_count(service) == 10
    balance(service, keep=2, step=3)  # too many, but they cannot be split: they stay
    assert recent_count(service) == 10


def test_a_small_store_is_all_in_the_recent_index(service, feed_server, rss, clock) -> None:
    add(service, feed_server, "/a.xml", rss(*items(rss, "a", 9, clock())))
    balance(service, keep=50, step=4)
    assert recent_count(service) == 9
    add(service, feed_server, "/b.xml", rss(*items(rss, "b", 5, clock(), offset=1000)))
    check(service)  # even articles older than all others come in
    assert recent_count(service) == 14
    balance(service, keep=4, step=3)  # from "everything" down to the newest few
    assert 4 <= recent_count(service) <= 6


def test_the_upkeep_indexes_a_refreshs_articles_then_balances_in_short_steps(
    service, feed_server, rss, clock
) -> None:
    """A refresh leaves its articles to be indexed; the window's upkeep indexes them 5 at a
    time, then moves the newest into the small index 5 (and a tie) at a time, each step its
    own transaction."""
    add(service, feed_server, "/a.xml", rss(*items(rss, "a", 12, clock())))
    assert pending_count(service) == 12
    waiting, held = [], []
    while service.update_search(step=5):
        waiting.append(pending_count(service))
        held.append(recent_count(service))
    waiting.append(pending_count(service))
    held.append(recent_count(service))
    assert waiting[:2] == [7, 2] and set(waiting[2:]) == {0}
    assert held[:2] == [0, 0] and held == sorted(held) and held[-1] == 12
    assert any(0 < h < 12 for h in held) and len(held) <= 6
    check(service)


def test_articles_changed_or_removed_before_they_were_indexed(
    service, feed_server, rss, clock
) -> None:
    """Nothing searches between two refreshes (the CLI): a refresh changes articles still
    waiting to be indexed, and a removed feed takes some away; searches are exact after."""
    now = clock()
    first = add(service, feed_server, "/a.xml", rss(*items(rss, "a", 20, now)))
    second = add(service, feed_server, "/b.xml", rss(*items(rss, "b", 6, now, offset=-3)))
    feed_server.add("/a.xml", rss(*items(rss, "a", 20, now, renamed=True)))
    results = list(service.refresh_iter([first]))
    assert results[0].updated == 10 and not results[0].error
    service.remove_feed(second)
    assert pending_count(service) == 20
    check(service)  # its searches index the pending ones first
    assert pending_count(service) == 0
    feed_server.add("/a.xml", rss(*items(rss, "a", 20, now)))  # the old titles again
    list(service.refresh_iter([first]))
    assert pending_count(service) == 10
    with transaction(service.conn) as conn:  # moves only indexed articles
        while search.balance_step(conn, keep=8, step=3):
            pass
    assert pending_count(service) == 10 and search.recent_since(service.conn) is not None
    check(service)


def test_a_search_indexes_what_waited_when_it_began_not_what_a_refresh_stores_meanwhile(
    service, feed_server, rss, clock, monkeypatch
) -> None:
    """A search during a refresh (the window's child process, or the CLI's) indexes the
    articles that were waiting when it began and then answers: it does not chase the refresh
    to its end. What that refresh stored meanwhile waits for the next search."""
    now = clock()
    add(service, feed_server, "/a.xml", rss(*items(rss, "a", 12, now)))
    feed_server.add("/b.xml", rss(*items(rss, "b", 9, now, offset=-3)))
    other = Service(service.data_dir, clock=clock)  # the refresh, on its own connection
    newest_pending, index_pending, steps = search.newest_pending, search.index_pending, []

    def begin_then_a_refresh_stores(conn):
        upto = newest_pending(conn)
        other.add_feed(feed_server.url("/b.xml"))
        return upto

    def step(conn, limit, **bound):
        steps.append(bound)
        return index_pending(conn, limit, **bound)

    monkeypatch.setattr(search, "newest_pending", begin_then_a_refresh_stores)
    monkeypatch.setattr(search, "index_pending", step)
    monkeypatch.setattr("reader.core.service.CATCH_UP_STEP", 5)
    try:
        found = service.article_ids(Query(search="vote"))
    finally:
        other.close()
    assert len(steps) == 3  # 12 waiting, 5 at a time; b's 9 are not waited for
    assert pending_count(service) == 9
    assert len(found) == 8 and all(titles(service)[i][0].startswith("vote a") for i in found)
    monkeypatch.undo()
    check(service)  # the next searches find the second feed's articles too
    assert pending_count(service) == 0


def pending_count(service: Service) -> int:
    return service.conn.execute(f"SELECT COUNT(*) FROM {search.PENDING}").fetchone()[0]


def test_a_version_4_database_gets_the_second_index(tmp_path, feed_server, rss) -> None:
    service = Service(tmp_path / "data")
    try:
        add(service, feed_server, "/a.xml", rss(*items(rss, "a", 10, 1_700_000_000)))
        service.catch_up_search()  # a version 4 database has every article indexed
        service.conn.execute(f"DROP TABLE {search.RECENT}")
        service.conn.execute(f"DROP TABLE {search.PENDING}")
        service.conn.execute("PRAGMA user_version = 4")
    finally:
        service.close()
    service = Service(tmp_path / "data")
    try:
        assert service.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        check(service)  # unbalanced: all found in the main index
        balance(service, keep=4, step=2)
    finally:
        service.close()


@pytest.mark.parametrize("text", ["", "  ", "*", '"'])
def test_a_search_of_no_words_finds_nothing_quickly(service, feed_server, rss, clock, text) -> None:
    add(service, feed_server, "/a.xml", rss(*items(rss, "a", 6, clock())))
    balance(service, keep=3, step=2)
    assert service.article_ids(Query(search=text or None), limit=5) == (
        service.article_ids(limit=5) if not text.strip() else []
    )
