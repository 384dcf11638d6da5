"""Storage through the Service facade on tmp_path: categories, search, favorites, state, refusals.

Feeds come from the local `feed_server`, so articles reach the database the way they do for a
user (fetch -> parse -> decide -> store); the clock is injected.
"""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from reader.core.errors import NotFoundError, StorageError
from reader.core.service import Service
from reader.core.types import Query

DAY = 86400


def add(service: Service, feed_server, path: str, body: bytes, **kwargs) -> int:
    feed_server.add(path, body)
    return service.add_feed(feed_server.url(path), **kwargs).id


def ids_of(service: Service, **query) -> set[int]:
    return set(service.article_ids(Query(**query)))


def id_by_title(service: Service, title: str) -> int:
    found = [a.id for a in service.articles(limit=None) if a.title == title]
    assert len(found) == 1, (title, found)
    return found[0]


def refresh(service: Service, *ids: int):
    return {r.feed_id: r for r in service.refresh_iter(list(ids) or None)}


# --- categories --------------------------------------------------------------------------------


def test_one_category_for_syria_syria_and_syria(service, feed_server, rss, clock) -> None:
    now = clock()
    add(
        service,
        feed_server,
        "/a.xml",
        rss(rss.item("a1", title="From A", categories=["Syria"], published=now - 300)),
    )
    add(
        service,
        feed_server,
        "/b.xml",
        rss(rss.item("b1", title="From B", categories=["syria"], published=now - 200)),
    )
    add(
        service,
        feed_server,
        "/c.xml",
        rss(
            rss.item("c1", title="From C", categories=["SYRIA", "Other"], published=now - 100),
            rss.item("c2", title="Untagged", published=now - 50),
        ),
    )
    syria = [c for c in service.categories() if c.name.casefold() == "syria"]
    assert len(syria) == 1, service.categories()
    assert syria[0].name == "Syria"  # the first spelling seen is the display name
    assert (syria[0].articles, syria[0].unread) == (3, 3)
    expected = {id_by_title(service, t) for t in ("From A", "From B", "From C")}
    for spelling in ("Syria", "syria", "SYRIA", "sYrIa", " Syria "):
        assert ids_of(service, category=spelling) == expected, spelling
    # every article shows the one display name
    for article in service.articles(Query(category="syria")):
        assert "Syria" in article.categories
        assert "syria" not in article.categories and "SYRIA" not in article.categories


def test_arabic_categories_fold_the_same_way(service, feed_server, rss) -> None:
    composed = "سوريا أخبار"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    add(service, feed_server, "/a.xml", rss(rss.item("a1", title="أ", categories=[composed])))
    add(service, feed_server, "/b.xml", rss(rss.item("b1", title="ب", categories=[decomposed])))
    add(
        service,
        feed_server,
        "/c.xml",
        rss(rss.item("c1", title="ج", categories=[f"  {composed} "])),
    )
    names = [c.name for c in service.categories()]
    assert names == [composed]
    assert len(ids_of(service, category=composed)) == 3
    assert len(ids_of(service, category=decomposed)) == 3
    assert ids_of(service, category="سوريا") == set()  # a different category, not a prefix


def test_unknown_category_gives_no_articles(service, feed_server, rss) -> None:
    add(service, feed_server, "/a.xml", rss(rss.item("a1", categories=["Syria"])))
    assert service.articles(Query(category="Lebanon")) == []


def test_category_counts_follow_read_state(service, feed_server, rss) -> None:
    add(
        service,
        feed_server,
        "/a.xml",
        rss(
            rss.item("a1", title="one", categories=["World"]),
            rss.item("a2", title="two", categories=["World", "Economy"]),
        ),
    )
    service.set_read([id_by_title(service, "one")])
    counts = {c.name: (c.articles, c.unread) for c in service.categories()}
    assert counts == {"World": (2, 1), "Economy": (1, 1)}


# --- full-text search --------------------------------------------------------------------------


@pytest.fixture
def searchable(service, feed_server, rss) -> Service:
    add(
        service,
        feed_server,
        "/s.xml",
        rss(
            rss.item(
                "1",
                title="Parliament approves the budget",
                description="Money matters.",
                author="Jane Reporter",
            ),
            rss.item(
                "2",
                title="مباحثات جديدة في دمشق",
                description="انطلقت اليوم مباحثات جديدة في العاصمة السورية",
            ),
            rss.item("3", title="Weather", description="Rain in the mountains tomorrow."),
        ),
    )
    return service


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("parliament", {"Parliament approves the budget"}),
        ("PARLIAMENT budget", {"Parliament approves the budget"}),
        ("parlia", {"Parliament approves the budget"}),  # the last word is a prefix
        ("mountains", {"Weather"}),  # body text
        ("reporter", {"Parliament approves the budget"}),  # author
        ("دمشق", {"مباحثات جديدة في دمشق"}),  # Arabic word in the title
        ("العاصمة", {"مباحثات جديدة في دمشق"}),  # Arabic word in the body
        ("budget mountains", set()),  # every word must match
        ("nothing-like-this", set()),
    ],
)
def test_search(searchable: Service, text: str, expected: set[str]) -> None:
    found = {a.title for a in searchable.articles(Query(search=text), limit=None)}
    assert found == expected


@pytest.mark.parametrize("text", ['"', '"unbalanced', "NEAR(", "a AND", "-", "*", "(x", "^", "   "])
def test_search_with_fts_syntax_characters_does_not_fail(searchable: Service, text: str) -> None:
    searchable.articles(Query(search=text))  # no exception is the point


def test_search_follows_updates_and_removal(service, feed_server, rss) -> None:
    feed_id = add(service, feed_server, "/s.xml", rss(rss.item("1", title="Old headline")))
    assert len(service.articles(Query(search="headline"))) == 1
    feed_server.add("/s.xml", rss(rss.item("1", title="Corrected title")))
    refresh(service, feed_id)
    assert service.articles(Query(search="headline")) == []
    assert len(service.articles(Query(search="corrected"))) == 1
    service.remove_feed(feed_id)
    assert service.articles(Query(search="corrected")) == []


# --- state kept across re-publication ----------------------------------------------------------


def test_republished_article_keeps_read_and_starred_state(service, feed_server, rss) -> None:
    feed_id = add(
        service,
        feed_server,
        "/f.xml",
        rss(
            rss.item("r", title="Read me", description="first text"),
            rss.item("s", title="Star me", description="first text"),
            rss.item("u", title="Leave me", description="first text"),
        ),
    )
    read_id, star_id, other_id = (
        id_by_title(service, t) for t in ("Read me", "Star me", "Leave me")
    )
    service.set_read([read_id])
    service.set_starred([star_id])
    feed_server.add(
        "/f.xml",
        rss(
            rss.item("r", title="Read me", description="second text"),
            rss.item("s", title="Star me", description="second text"),
            rss.item("u", title="Leave me", description="second text"),
        ),
    )
    result = refresh(service, feed_id)[feed_id]
    assert (result.status, result.new) == ("updated", 0)
    assert result.updated == 2  # the starred one is a favorite: kept as it was starred
    assert len(service.articles(limit=None)) == 3  # nothing duplicated
    read = service.article(read_id)
    assert (read.read, read.starred) == (True, False)
    assert "second text" in read.content_html
    starred = service.article(star_id)
    assert (starred.read, starred.starred) == (False, True)
    assert "first text" in starred.content_html
    other = service.article(other_id)
    assert (other.read, other.starred) == (False, False)
    assert "second text" in other.content_html


def test_seeing_the_same_feed_again_adds_nothing(service, feed_server, rss) -> None:
    body = rss(
        rss.item("1", title="a"),
        rss.item(None, title="b", link="https://x.example/b"),
        rss.item(None, title="c", published=1_700_000_000),
    )
    feed_server.add("/f.xml", body, conditional=False)  # no 304: the body is parsed again
    feed_id = service.add_feed(feed_server.url("/f.xml")).id
    for n in range(2):
        # A server without conditional GET that stamps each response differently.
        feed_server.add("/f.xml", body + f"<!-- served {n} -->".encode(), conditional=False)
        result = refresh(service, feed_id)[feed_id]
        assert (result.status, result.new, result.updated) == ("updated", 0, 0)
    assert service.feed(feed_id).total == 3


# --- favorites ---------------------------------------------------------------------------------


def test_favorites_survive_unsubscribing(service, feed_server, rss, clock) -> None:
    feed_id = add(
        service,
        feed_server,
        "/f.xml",
        rss(
            rss.item(
                "1",
                title="Keep one",
                description="<p>Body one</p>",
                categories=["Syria"],
                author="Ann",
                link="https://f.example/1",
                published=clock() - DAY,
            ),
            rss.item("2", title="Keep two", description="Body two"),
            rss.item("3", title="Lose three", description="Body three"),
            title="Doomed feed",
        ),
    )
    keep = [id_by_title(service, "Keep one"), id_by_title(service, "Keep two")]
    service.set_starred(keep)
    service.remove_feed(feed_id)
    with pytest.raises(NotFoundError):
        service.feed(feed_id)
    assert {a.id for a in service.articles(Query(starred=True))} == set(keep)
    assert {a.id for a in service.articles(limit=None)} == set(keep)
    one = service.article(keep[0])
    assert one.title == "Keep one"
    assert "Body one" in one.content_html
    assert one.categories == ("Syria",)
    assert one.author == "Ann"
    assert one.link == "https://f.example/1"
    assert one.published is not None
    assert one.source == "Doomed feed"
    assert one.starred
    assert [a.feed_title for a in service.articles(Query(starred=True))] == ["Doomed feed"] * 2
    assert {a.title for a in service.articles(Query(search="body"))} == {"Keep one", "Keep two"}
    assert {c.name for c in service.categories()} == {"Syria"}


def test_purge_keeps_favorites_and_unread_and_does_not_bring_back(
    service, feed_server, rss, clock
) -> None:
    old = clock() - 10 * DAY
    feed_id = add(
        service,
        feed_server,
        "/f.xml",
        rss(
            rss.item("fav", title="Favorite", published=old),
            rss.item("read", title="Read and old", published=old),
            rss.item("unread", title="Unread and old", published=old),
        ),
    )
    fav, read, unread = (
        id_by_title(service, t) for t in ("Favorite", "Read and old", "Unread and old")
    )
    service.set_read([fav, read])
    service.set_starred([fav])
    clock.advance(days=200)
    assert service.purge() == 1
    assert {a.id for a in service.articles(limit=None)} == {fav, unread}
    # the feed still lists the purged article, but it does not come back
    feed_server.add(
        "/f.xml",
        rss(
            rss.item("fav", title="Favorite", published=old),
            rss.item("read", title="Read and old", published=old),
            rss.item("unread", title="Unread and old", published=old),
            rss.item("new", title="New one", published=clock()),
        ),
    )
    result = refresh(service, feed_id)[feed_id]
    assert result.new == 1
    assert {a.title for a in service.articles(limit=None)} == {
        "Favorite",
        "Unread and old",
        "New one",
    }
    assert service.article(fav).starred


def test_refresh_purges_with_the_retention_setting(service, feed_server, rss, clock) -> None:
    feed_id = add(
        service, feed_server, "/f.xml", rss(rss.item("1", title="old", published=clock()))
    )
    service.set_read(service.article_ids())
    service.set_setting("retention_days", "5")
    clock.advance(days=6)
    refresh(service, feed_id)
    assert service.articles(limit=None) == []


def test_default_retention_is_90_days(service, feed_server, rss, clock) -> None:
    feed_id = add(service, feed_server, "/f.xml", rss(rss.item("1", title="t", published=clock())))
    service.set_read(service.article_ids())
    clock.advance(days=89)
    refresh(service, feed_id)
    assert len(service.articles(limit=None)) == 1
    clock.advance(days=2)
    refresh(service, feed_id)
    assert service.articles(limit=None) == []


def test_unknown_ids_are_refused(service, feed_server, rss) -> None:
    add(service, feed_server, "/f.xml", rss(rss.item("1")))
    with pytest.raises(NotFoundError):
        service.set_starred([999_999])
    with pytest.raises(NotFoundError):
        service.article(999_999)
    with pytest.raises(NotFoundError):
        service.remove_feed(999_999)


# --- lists, folders, counts --------------------------------------------------------------------


def test_articles_are_newest_first_and_filters_combine(service, feed_server, rss, clock) -> None:
    now = clock()
    news = add(
        service,
        feed_server,
        "/n.xml",
        rss(
            rss.item("n1", title="news old", published=now - 3 * DAY),
            rss.item("n2", title="news new", published=now - 1 * DAY),
        ),
        folder="News",
    )
    add(service, feed_server, "/o.xml", rss(rss.item("o1", title="other", published=now - 2 * DAY)))
    assert [a.title for a in service.articles()] == ["news new", "other", "news old"]
    assert [a.title for a in service.articles(limit=2)] == ["news new", "other"]
    assert [a.title for a in service.articles(Query(folder="News"))] == ["news new", "news old"]
    assert [a.title for a in service.articles(Query(feed_id=news))] == ["news new", "news old"]
    service.set_read([id_by_title(service, "news new")])
    assert [a.title for a in service.articles(Query(folder="News", unread=True))] == ["news old"]
    assert service.counts() == {"all": 3, "unread": 2, "starred": 0}
    feed = service.feed(news)
    assert (feed.folder, feed.unread, feed.total) == ("News", 1, 2)
    assert service.mark_all_read() == 2
    assert service.counts()["unread"] == 0


def test_published_is_iso_utc(service, feed_server, rss) -> None:
    add(
        service,
        feed_server,
        "/f.xml",
        rss(
            rss.item("1", title="dated", published="Tue, 01 Jul 2025 08:30:00 +0200"),
            rss.item("2", title="undated"),
        ),
    )
    dates = {a.title: a.published for a in service.articles()}
    assert dates == {"dated": "2025-07-01T06:30:00Z", "undated": None}


def test_two_services_share_one_data_dir(tmp_path: Path, feed_server, rss) -> None:
    one = Service(tmp_path / "d")
    two = Service(tmp_path / "d")
    try:
        feed_server.add("/f.xml", rss(rss.item("1", title="shared")))
        one.add_feed(feed_server.url("/f.xml"))
        (article,) = two.articles()
        two.set_starred([article.id])
        assert one.article(article.id).starred
    finally:
        one.close()
        two.close()


# --- databases that are not ours ---------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def db_path(folder: Path) -> Path:
    from reader.core.paths import database_path

    return database_path(folder)


def test_database_from_a_newer_reader_is_refused_and_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    Service(folder).close()
    conn = sqlite3.connect(db_path(folder))
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = snapshot(folder)
    with pytest.raises(StorageError, match="newer"):
        Service(folder)
    assert snapshot(folder) == before


def test_another_programs_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    conn = sqlite3.connect(db_path(folder))
    conn.execute("CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places(url) VALUES ('https://example.org/')")
    conn.commit()
    conn.close()
    before = snapshot(folder)
    with pytest.raises(StorageError, match="not a Reader database"):
        Service(folder)
    assert snapshot(folder) == before


@pytest.mark.parametrize(
    "content",
    [
        os.urandom(8192),
        b"hello, this is a text file\n" * 50,
        b"SQLite format 3\x00" + b"\xff" * 200,
    ],
    ids=["random", "text", "fake-header"],
)
def test_garbage_file_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    db_path(folder).write_bytes(content)
    before = snapshot(folder)
    with pytest.raises(StorageError) as info:
        Service(folder)
    assert "untouched" in str(info.value) or "not a Reader database" in str(info.value)
    assert snapshot(folder) == before


def test_reopening_keeps_everything(tmp_path: Path, feed_server, rss) -> None:
    feed_server.add("/f.xml", rss(rss.item("1", title="persist", categories=["Syria"])))
    first = Service(tmp_path / "d")
    feed = first.add_feed(feed_server.url("/f.xml"), folder="News")
    first.set_starred(first.article_ids())
    first.close()
    again = Service(tmp_path / "d")
    try:
        assert [(f.id, f.folder, f.total) for f in again.feeds()] == [(feed.id, "News", 1)]
        (article,) = again.articles(Query(category="syria", starred=True))
        assert article.title == "persist"
    finally:
        again.close()


_OPEN = """
import sys
from pathlib import Path
from reader.core.service import Service
Service(Path(sys.argv[1])).close()
"""


def test_programs_opening_a_new_data_folder_at_once_all_succeed(tmp_path: Path) -> None:
    """Two windows, or a window and a command, started together on a data folder that does
    not exist yet: each opens it (they once got "busy" or "not a Reader database")."""
    import subprocess
    import sys

    failures = []
    for round_ in range(12):
        folder = tmp_path / f"data-{round_}"
        runs = [
            subprocess.Popen(
                [sys.executable, "-c", _OPEN, str(folder)],
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        for run in runs:
            _, err = run.communicate(timeout=60)
            if run.returncode:
                failures.append(err.strip().splitlines()[-1])
        reopened = Service(folder)
        assert reopened.feeds() == []
        reopened.close()
    assert not failures, failures


def test_a_new_database_another_program_is_writing_still_opens(tmp_path: Path) -> None:
    """Switching a new file to WAL needs it alone for a moment; SQLite says "locked" at once,
    without waiting, while another program is about to write it, so opening tries again."""
    import threading

    from reader.core.storage import db

    path = tmp_path / "reader.sqlite3"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE t(x)")
    other.execute("DROP TABLE t")  # a file with no table: another Reader just created it
    other.execute("BEGIN IMMEDIATE")  # and is about to write its tables, not in WAL yet
    threading.Timer(0.5, lambda: other.execute("COMMIT")).start()
    try:
        conn = db.connect(path)
    finally:
        other.close()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_the_first_ids_of_a_search_are_the_head_of_the_whole_list(
    service, feed_server, rss, clock
) -> None:
    # Published times out of insertion order, ties among them, and two feeds: the short walk
    # of the sort index (a limited search of the whole store) must find what the full query
    # sorts first.
    now = clock()
    for feed in range(2):
        items = [
            rss.item(
                f"f{feed}-{n}",
                title=f"vote {n}" if n % 3 else f"market {n}",
                published=now - ((n * 7919 + feed) % 40) * 3600,
            )
            for n in range(60)
        ]
        add(service, feed_server, f"/{feed}.xml", rss(*items))
    for text in ("vote", "market", "vot", "nothing"):
        whole = service.article_ids(Query(search=text))
        for limit in (1, 5, 17, 39, 40, 41, 200):
            assert service.article_ids(Query(search=text), limit=limit) == whole[:limit], (
                text,
                limit,
            )
    assert len(service.article_ids(Query(search="vote"))) == 80
