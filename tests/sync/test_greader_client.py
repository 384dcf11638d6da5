"""The Google Reader API client against the stub server (FreshRSS and Miniflux flavours).

No real Google Reader API server can be installed on the test machines, so these tests run
against tests/servers/greader_stub.py, a stub written from the published API.
"""

from __future__ import annotations

import httpx
import pytest
from greader_fixtures import PASSWORD, USER, client_fixture, freshrss_fixture, stub_fixture  # noqa: F401

from reader.core.sync import greader
from reader.core.sync.greader import GReaderRemote, canonical_id, long_id
from reader.core.sync.remote import AuthError, SyncError
from servers.greader_stub import GReaderStub


def _all_articles(remote: GReaderRemote, since: str | None = None) -> tuple[list, list[str]]:
    articles, markers = [], []
    for page, marker in remote.articles_since(since):
        articles += page
        markers.append(marker)
    return articles, markers


# --- login --------------------------------------------------------------------------------------


def test_login_then_folders_and_feeds(stub: GReaderStub, client: GReaderRemote) -> None:
    tech = stub.add_folder("Tech")
    python = stub.add_feed("https://py.example/feed.xml", "Planet Python", "Tech", "https://py.ex")
    loose = stub.add_feed("https://news.example/rss", "News")
    client.login()
    folders = {f.id: f.title for f in client.folders()}
    assert folders[tech] == "Tech"
    assert f"user/-/label/{stub.default_folder}" in folders  # ids canonical, even on Miniflux
    feeds = {f.id: f for f in client.feeds()}
    assert set(feeds) == {python, loose}
    assert feeds[python].url == "https://py.example/feed.xml"
    assert feeds[python].title == "Planet Python"
    assert feeds[python].folder_id == tech
    assert feeds[python].site_url == "https://py.ex"
    assert feeds[loose].folder_id == f"user/-/label/{stub.default_folder}"


@pytest.mark.parametrize("suffix", ["", "/", "/reader/api/0", "/accounts/ClientLogin"])
def test_the_typed_address_may_carry_a_slash_or_an_endpoint(stub: GReaderStub, suffix: str) -> None:
    stub.add_feed("https://a.example/feed")
    with GReaderRemote(stub.url + suffix, USER, PASSWORD) as remote:
        assert [f.url for f in remote.feeds()] == ["https://a.example/feed"]


def test_freshrss_typed_as_its_root_finds_greader_php(freshrss: GReaderStub) -> None:
    freshrss.add_feed("https://a.example/feed")
    with GReaderRemote(freshrss.root_url, USER, PASSWORD) as remote:
        assert [f.url for f in remote.feeds()] == ["https://a.example/feed"]
        assert remote.base == freshrss.root_url + "/api/greader.php"


def test_wrong_password_is_an_auth_error(stub: GReaderStub) -> None:
    with GReaderRemote(stub.url, USER, "wrong") as remote, pytest.raises(AuthError) as err:
        remote.feeds()
    assert "refused the user name or password" in str(err.value)
    assert stub.calls("/reader/api/0/subscription/list") == []


def test_the_api_refuses_calls_without_a_login(stub: GReaderStub) -> None:
    """The stub is faithful here: no Authorization header (or a bad one) gives 401."""
    url = stub.url + "/reader/api/0/subscription/list?output=json"
    for headers in ({}, {"Authorization": "GoogleLogin auth=alice/forged"}):
        answer = httpx.get(url, headers=headers)
        assert answer.status_code == 401
        assert answer.headers["X-Reader-Google-Bad-Token"] == "true"


def test_password_changed_on_the_server_gives_one_clear_error(
    stub: GReaderStub, client: GReaderRemote
) -> None:
    client.login()
    stub.users[USER] = "changed"  # the old session token no longer matches
    with pytest.raises(AuthError, match="refused the user name or password"):
        client.unread_ids()


def test_an_ended_session_logs_in_again_once(stub: GReaderStub, client: GReaderRemote) -> None:
    feed = stub.add_feed("https://a.example/feed")
    item = stub.add_item(feed, "p")
    assert client.unread_ids() == {item}
    stub.salt = "reinstalled"  # every auth token handed out so far is refused now
    assert client.unread_ids() == {item}
    client.set_read([item], True)
    assert stub.item(item).read
    assert len(stub.calls("/accounts/ClientLogin")) == 2


# --- articles -----------------------------------------------------------------------------------


def test_articles_come_in_bounded_pages_oldest_first(
    stub: GReaderStub, client: GReaderRemote, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(greader, "PAGE", 20)
    feed = stub.add_feed("https://a.example/feed", "A")
    ids = [stub.add_item(feed, f"post {n}", crawled=1_000 + n) for n in range(45)]
    sizes, markers, seen = [], [], []
    for page, marker in client.articles_since(None):
        sizes.append(len(page))
        markers.append(int(marker))
        seen += [a.id for a in page]
        assert int(marker) == max(1_000 + int(a.title.split()[1]) for a in page)
    assert sizes == [20, 20, 5]
    assert markers == sorted(markers) and markers[-1] == 1_044  # safe to store after each page
    assert sorted(seen) == sorted(ids) and len(set(seen)) == 45


def test_articles_since_the_marker_are_only_the_new_ones(
    stub: GReaderStub, client: GReaderRemote
) -> None:
    feed = stub.add_feed("https://a.example/feed", "A")
    for n in range(5):
        stub.add_item(feed, f"old {n}", crawled=10_000 + n)
    _, markers = _all_articles(client, None)
    assert markers[-1] == "10004"
    new = [stub.add_item(feed, f"new {n}", crawled=10_100 + n) for n in range(3)]
    articles, markers = _all_articles(client, "10004")
    assert sorted(a.id for a in articles if a.title.startswith("new")) == sorted(new)
    # `ot` asks from one second before the marker, so a same-second arrival is never lost.
    assert {a.title for a in articles if a.title.startswith("old")} <= {"old 3", "old 4"}
    assert markers[-1] == "10102"
    assert {a.title for a in _all_articles(client, "10102")[0]} <= {"new 1", "new 2"}


def test_article_fields_state_and_categories(stub: GReaderStub, client: GReaderRemote) -> None:
    feed = stub.add_feed("https://a.example/feed", "A", "Tech")
    item = stub.add_item(
        feed,
        "Tom &amp; Jerry",
        content="<p>Hello <b>world</b></p>",
        link="https://a.example/tom",
        author="Ann",
        published=1_600_000_000,
        categories=("Python", " Qt ", "Python"),
        read=True,
        starred=True,
    )
    (article,) = _all_articles(client)[0]
    assert article.id == item
    assert article.feed_id == feed
    assert article.title == "Tom & Jerry"
    assert article.content_html == "<p>Hello <b>world</b></p>"
    assert article.link == "https://a.example/tom"
    assert article.author == "Ann"
    assert article.published == 1_600_000_000
    assert (article.unread, article.starred) == (False, True)
    # Folder label and states are not categories; the feed's own ones are (FreshRSS passes them).
    expected = ("Python", "Qt") if stub.flavour == "freshrss" else ()
    assert article.categories == expected


def test_miniflux_without_stream_contents_falls_back_to_ids_then_contents() -> None:
    server = GReaderStub(flavour="miniflux", users={USER: PASSWORD})
    try:
        feed = server.add_feed("https://a.example/feed")
        for n in range(3):
            server.add_item(feed, f"p{n}", crawled=500 + n)
        with GReaderRemote(server.url, USER, PASSWORD) as remote:
            assert len(_all_articles(remote)[0]) == 3
            assert len(_all_articles(remote)[0]) == 3
        assert len([h for h in server.hits if "stream/contents" in h.path]) == 1  # asked once
        assert len(server.calls("/reader/api/0/stream/items/contents")) == 2
    finally:
        server.close()


def test_articles_by_ids_accepts_both_id_forms(stub: GReaderStub, client: GReaderRemote) -> None:
    feed = stub.add_feed("https://a.example/feed")
    first = stub.add_item(feed, "first", content="<p>full text</p>")
    second = stub.add_item(feed, "second")
    found = client.articles_by_ids([first, long_id(second)])
    assert {a.id: a.content_html for a in found} == {
        first: "<p>full text</p>",
        second: "<p>text</p>",
    }


def test_unread_and_starred_ids_are_paged_sets(
    stub: GReaderStub, client: GReaderRemote, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(greader, "IDS_PAGE", 3)
    feed = stub.add_feed("https://a.example/feed")
    ids = [stub.add_item(feed, f"p{n}", read=n % 2 == 0, starred=n < 4) for n in range(10)]
    assert client.unread_ids() == {i for n, i in enumerate(ids) if n % 2}
    assert client.starred_ids() == set(ids[:4])
    articles = {a.id: a for a in _all_articles(client)[0]}
    assert set(articles) == set(ids)  # short ids (items/ids) and long ids (contents) agree


def test_item_id_forms_convert_both_ways() -> None:
    assert canonical_id("tag:google.com,2005:reader/item/0000000000000010") == "16"
    assert canonical_id("16") == "16"
    assert canonical_id("tag:google.com,2005:reader/item/5d0cfa30041d4348") == "6705009029382226760"
    top = "tag:google.com,2005:reader/item/ffffffffffffffff"
    assert canonical_id(top) == "-1"  # the signed short form of the same 64 bits
    assert long_id("-1") == top
    assert long_id("1700000000000000") == "tag:google.com,2005:reader/item/00060a24181e4000"
    with pytest.raises(SyncError):
        canonical_id("tag:google.com,2005:reader/item/not-hex")


# --- writes -------------------------------------------------------------------------------------


def test_read_and_starred_are_pushed_both_ways(
    stub: GReaderStub, client: GReaderRemote, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(greader, "EDIT_BATCH", 2)
    feed = stub.add_feed("https://a.example/feed")
    ids = [stub.add_item(feed, f"p{n}") for n in range(5)]
    client.set_read(ids[:3], True)
    client.set_starred(ids[2:], True)
    assert [stub.item(i).read for i in ids] == [True, True, True, False, False]
    assert [stub.item(i).starred for i in ids] == [False, False, True, True, True]
    assert len(stub.calls("/reader/api/0/edit-tag")) == 2 + 2  # batches of 2
    client.set_read(ids[:1], False)
    client.set_starred(ids[4:], False)
    assert [stub.item(i).read for i in ids] == [False, True, True, False, False]
    assert [stub.item(i).starred for i in ids] == [False, False, True, True, False]
    assert client.unread_ids() == {ids[0], ids[3], ids[4]}
    sent = {v for h in stub.calls("/reader/api/0/edit-tag") for k, v in h.params if k == "i"}
    assert all(v.startswith("tag:google.com,2005:reader/item/") for v in sent)


def test_subscribe_into_a_folder_then_unsubscribe(stub: GReaderStub, client: GReaderRemote) -> None:
    feed_id = client.subscribe("https://new.example/feed.xml", "user/-/label/Reading")
    feeds = {f.id: f for f in client.feeds()}
    assert feeds[feed_id].url == "https://new.example/feed.xml"
    assert feeds[feed_id].folder_id == "user/-/label/Reading"
    assert "user/-/label/Reading" in {f.id for f in client.folders()}
    other = client.subscribe("https://other.example/rss", None)
    assert stub.feed_by_url("https://other.example/rss").folder == stub.default_folder
    client.unsubscribe(feed_id)
    assert [f.id for f in client.feeds()] == [other]
    assert stub.feed_by_url("https://new.example/feed.xml") is None


def test_a_stale_edit_token_is_fetched_again(stub: GReaderStub, client: GReaderRemote) -> None:
    feed = stub.add_feed("https://a.example/feed")
    item = stub.add_item(feed, "p")
    client.set_read([item], True)
    stub.expire_write_token()
    client.set_starred([item], True)
    assert stub.item(item).starred
    tokens = len(stub.calls("/reader/api/0/token"))
    assert tokens == (2 if stub.flavour == "freshrss" else 1)  # Miniflux: T is the auth token
    assert len(stub.calls("/accounts/ClientLogin")) == 1  # a new token, not a new login


def test_a_server_error_on_a_write_says_so(stub: GReaderStub, client: GReaderRemote) -> None:
    with pytest.raises(SyncError, match="HTTP 400"):
        client.unsubscribe("feed/999")


# --- servers that are not (or no longer) answering the API -------------------------------------


def test_a_dead_server_is_one_clear_error(stub: GReaderStub) -> None:
    url = stub.url
    stub.close()
    with GReaderRemote(url, USER, PASSWORD, timeout=3) as remote:
        with pytest.raises(SyncError, match=r"Cannot connect to 127\.0\.0\.1") as err:
            remote.feeds()
    assert not isinstance(err.value, AuthError)


def test_a_server_that_answers_html_is_one_clear_error(stub: GReaderStub) -> None:
    stub.mode = "html"
    with GReaderRemote(stub.url, USER, PASSWORD) as remote:
        with pytest.raises(SyncError, match="web page, not the Google Reader API"):
            remote.login()


def test_html_in_the_middle_of_a_sync_is_one_clear_error(
    stub: GReaderStub, client: GReaderRemote
) -> None:
    client.login()
    stub.mode = "html"  # e.g. a proxy's login page after the first call
    with pytest.raises(SyncError, match="web page"):
        client.feeds()


def test_an_api_switched_off_answers_503(stub: GReaderStub, client: GReaderRemote) -> None:
    stub.mode = "down503"
    with pytest.raises(SyncError, match="API access enabled"):
        client.login()


def test_unexpected_json_is_one_clear_error(
    stub: GReaderStub, client: GReaderRemote, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(stub, "subscription_list", lambda: {"feeds": []})
    with pytest.raises(SyncError, match="unexpected answer to subscription/list"):
        client.feeds()
