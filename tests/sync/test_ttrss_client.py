"""The tt-rss protocol client against a real Tiny Tiny RSS server (no mock): see conftest.py."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from reader.core.sync.remote import AuthError, SyncError
from reader.core.sync.ttrss import TtrssRemote, api_url, hashed_guid


def feed_items(rss, count: int, *, prefix: str = "a", start: int = 0) -> list[str]:
    base = 1_751_000_000
    return [
        rss.item(
            f"{prefix}{i}",
            title=f"{prefix.upper()} item {i}",
            link=f"https://site.example/{prefix}/{i}",
            description=f"<p>Body {i}</p>",
            published=base + i * 60,
        )
        for i in range(start, start + count)
    ]


@pytest.fixture
def remote(ttrss) -> Iterator[TtrssRemote]:
    client = TtrssRemote(ttrss.base_url, ttrss.user, ttrss.password)
    try:
        yield client
    finally:
        client.close()


def test_api_url_accepts_what_users_type():
    assert api_url("http://127.0.0.1:8080/") == "http://127.0.0.1:8080/api/"
    assert api_url("https://host.example/tt-rss") == "https://host.example/tt-rss/api/"
    assert api_url("https://host.example/tt-rss/api") == "https://host.example/tt-rss/api/"
    assert api_url("https://host.example/tt-rss/index.php") == "https://host.example/tt-rss/api/"
    assert api_url("host.example/tt-rss/") == "https://host.example/tt-rss/api/"
    with pytest.raises(SyncError, match="not a web address"):
        api_url("ftp://host.example/")


def test_login_with_a_base_url_reads_the_api_level(ttrss, remote):
    remote.login()
    assert remote.url == ttrss.api_url
    assert remote.sid
    assert remote.api_level == 15  # Debian's tt-rss; newer servers say more


def test_folders_and_feeds_after_subscribing_with_a_category(ttrss, remote, feed_server, rss):
    tech = ttrss.make_category("Tech")
    ttrss.make_category("Empty")
    in_tech = feed_server.add("/tech.rss", rss(*feed_items(rss, 2), title="Tech news"))
    loose = feed_server.add("/loose.rss", rss(*feed_items(rss, 1, prefix="b"), title="Loose"))
    tech_feed = ttrss.subscribe(in_tech, tech)
    loose_feed = ttrss.subscribe(loose)

    folders = {f.title: f.id for f in remote.folders()}
    assert folders == {"Tech": str(tech), "Empty": folders["Empty"]}  # no Special, Labels, 0
    feeds = {f.url: f for f in remote.feeds()}
    assert set(feeds) == {in_tech, loose}  # the port of the local server is kept
    assert feeds[in_tech].id == str(tech_feed)
    assert feeds[in_tech].title == "Tech news"
    assert feeds[in_tech].folder_id == str(tech)
    assert feeds[loose].id == str(loose_feed)
    assert feeds[loose].folder_id is None


def test_articles_come_in_pages_and_then_only_the_new_ones(ttrss, remote, feed_server, rss):
    items = feed_items(rss, 230)
    items[0] = rss.item(
        "tagged",
        title="Tagged",
        link="https://site.example/tagged",
        description='<p>Hello <img src="https://site.example/a.png"></p>',
        categories=["Science", "علوم"],
        published=1_750_000_000,
    )
    url = feed_server.add("/big.rss", rss(*items, title="Big"))
    feed_id = ttrss.subscribe(url)

    pages = list(remote.articles_since(None))
    assert [len(page) for page, _ in pages] == [200, 30]
    articles = [a for page, _ in pages for a in page]
    assert len({a.id for a in articles}) == 230
    marker = pages[-1][1]
    assert marker == str(max(int(a.id) for a in articles))
    # The marker only moves with the last page, so a sync cut short never skips articles.
    assert int(pages[0][1]) < min(int(a.id) for a in articles)

    tagged = next(a for a in articles if a.title == "Tagged")
    assert tagged.feed_id == str(feed_id)
    assert tagged.link == "https://site.example/tagged"
    assert tagged.guid == hashed_guid("tagged")
    assert '<img src="https://site.example/a.png"' in tagged.content_html
    assert tagged.published == 1_750_000_000
    assert [c.casefold() for c in tagged.categories] == ["science", "علوم"]
    assert tagged.unread and not tagged.starred

    feed_server.add("/big.rss", rss(*feed_items(rss, 3, prefix="new"), *items, title="Big"))
    ttrss.update_feed(feed_id)
    newer = list(remote.articles_since(marker))
    assert len(newer) == 1
    assert sorted(a.title for a in newer[0][0]) == ["NEW item 0", "NEW item 1", "NEW item 2"]
    assert int(newer[0][1]) > int(marker)
    assert list(remote.articles_since(newer[0][1])) == []


def test_read_and_starred_both_ways(ttrss, remote, feed_server, rss):
    feed_id = ttrss.subscribe(feed_server.add("/s.rss", rss(*feed_items(rss, 4))))
    ids = sorted(ttrss.article_ids(feed_id))
    a, b, c, _ = (str(i) for i in ids)

    # Changed on the server -> seen by the client.
    ttrss.api("updateArticle", article_ids=f"{a},{b}", field=2, mode=0)  # read
    ttrss.api("updateArticle", article_ids=c, field=0, mode=1)  # starred
    assert remote.unread_ids() == {str(i) for i in ids} - {a, b}
    assert remote.starred_ids() == {c}

    # Changed by the client -> seen on the server.
    remote.set_read([a], False)
    remote.set_read([c], True)
    remote.set_starred([a, b], True)
    remote.set_starred([c], False)
    assert ttrss.article_ids(-4, "unread") == {int(a), ids[3]}
    assert ttrss.article_ids(-1) == {int(a), int(b)}
    assert remote.unread_ids() == {a, str(ids[3])}


def test_articles_by_ids_give_full_starred_articles_with_tags(ttrss, remote, feed_server, rss):
    item = rss.item(
        "fav",
        title="Favorite",
        description="<p>Long text</p>",
        categories=["Physics"],
        published=1_750_000_000,
    )
    feed_id = ttrss.subscribe(feed_server.add("/f.rss", rss(item, *feed_items(rss, 1))))
    fav = next(r["id"] for r in ttrss.headlines(feed_id) if r["title"] == "Favorite")
    ttrss.api("updateArticle", article_ids=str(fav), field=0, mode=1)

    [article] = remote.articles_by_ids([str(fav)])
    assert article.starred
    assert article.title == "Favorite"
    assert "Long text" in article.content_html
    assert [c.casefold() for c in article.categories] == ["physics"]
    assert remote.articles_by_ids([]) == []


def test_subscribe_and_unsubscribe(ttrss, remote, feed_server, rss):
    tech = ttrss.make_category("Tech")
    url = feed_server.add("/sub.rss", rss(*feed_items(rss, 2), title="Subscribed"))

    feed_id = remote.subscribe(url, str(tech))
    assert remote.subscribe(url, str(tech)) == feed_id  # already subscribed: the same feed
    [row] = ttrss.api("getFeeds", cat_id=-3)
    assert (str(row["id"]), row["feed_url"], row["cat_id"]) == (feed_id, url, tech)

    remote.unsubscribe(feed_id)
    assert ttrss.api("getFeeds", cat_id=-3) == []
    remote.unsubscribe(feed_id)  # already gone: nothing to do

    with pytest.raises(SyncError, match="could not be downloaded"):
        remote.subscribe(feed_server.url("/hostile/404"), None)


def test_a_lost_session_logs_in_again(ttrss, remote):
    remote.login()
    first = remote.sid
    ttrss.sql("delete from ttrss_sessions")
    assert remote.folders() == []
    assert remote.sid != first


def test_wrong_password_is_an_auth_error(ttrss):
    with TtrssRemote(ttrss.base_url, ttrss.user, "not the password") as client:
        with pytest.raises(AuthError, match="wrong user name or password"):
            client.folders()


def test_api_turned_off_says_how_to_turn_it_on(ttrss, remote):
    ttrss.set_api_access(False)
    with pytest.raises(SyncError, match="Enable API access"):
        remote.login()


def test_dead_server():
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    began = time.monotonic()
    with TtrssRemote(f"http://127.0.0.1:{port}/", "admin", "password") as client:
        with pytest.raises(SyncError, match=r"Cannot connect .* connection refused"):
            client.login()
    assert time.monotonic() - began < 5


def test_a_server_that_never_answers_times_out():
    with socket.socket() as sock:  # accepts connections (backlog) but never answers
        sock.bind(("127.0.0.1", 0))
        sock.listen(4)
        url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
        with TtrssRemote(url, "admin", "password", timeout=0.5) as client:
            with pytest.raises(SyncError, match="did not answer in time"):
                client.login()


def test_a_server_answering_html_or_nothing_useful(feed_server):
    feed_server.add("/site/api/", "<!DOCTYPE html><html><body>Welcome</body></html>")
    with TtrssRemote(feed_server.url("/site/"), "admin", "password") as client:
        with pytest.raises(SyncError, match="web page, not the Tiny Tiny RSS API"):
            client.login()
    feed_server.add("/plain/api/", '{"hello": "world"}', content_type="application/json")
    with TtrssRemote(feed_server.url("/plain"), "admin", "password") as client:
        with pytest.raises(SyncError, match="did not answer like Tiny Tiny RSS"):
            client.login()
    with TtrssRemote(feed_server.url("/nothing-here/"), "admin", "password") as client:
        with pytest.raises(SyncError, match=r"No Tiny Tiny RSS API at .*404"):
            client.login()
