"""End to end: `reader account` / `reader sync` (subprocesses) against a real Tiny Tiny RSS.

The server (conftest.py) fetches feeds from the local `feed_server`; Reader only ever talks to
tt-rss. Each test gets an emptied server and its own data dir.
"""

from __future__ import annotations

import json
import struct
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ENV = {"READER_PASSWORD": "password", "READER_SECRETS": "file"}


class Reader:
    """`reader --data-dir DIR ...` as a user runs it, with the account's password in the env."""

    def __init__(self, run_cli: Any, data: Path) -> None:
        self.run_cli = run_cli
        self.data = data

    def __call__(self, *args: str, password: str = "password") -> Any:
        return self.run_cli(self.data, *args, env={**ENV, "READER_PASSWORD": password})

    def json(self, *args: str) -> Any:
        return self(*args, "--json").json()

    def sync(self) -> dict[str, Any]:
        return self.json("sync")

    def articles(self, *args: str) -> dict[str, dict[str, Any]]:
        """Local articles by title."""
        return {a["title"]: a for a in self.json("articles", "--limit", "0", *args)}

    def feeds(self) -> dict[str, dict[str, Any]]:
        return {f["url"]: f for f in self.json("feeds")}

    def snapshot(self) -> tuple[Any, ...]:
        """Everything a failed sync must leave as it was."""
        return (self.json("feeds"), self.json("articles", "--limit", "0"))


@pytest.fixture
def reader(run_cli: Any, tmp_path: Path) -> Reader:
    return Reader(run_cli, tmp_path / "data")


def png() -> bytes:
    """A real 2x2 RGB PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def items(rss: Any, prefix: str, count: int, **extra: Any) -> list[str]:
    return [
        rss.item(
            f"{prefix}-{i}",
            title=f"{prefix} {i}",
            link=f"https://site.example/{prefix}/{i}",
            description=f"<p>{prefix} body {i}</p>",
            published=1_751_000_000 + i * 60,
            **extra,
        )
        for i in range(count)
    ]


@pytest.fixture
def world(ttrss: Any, feed_server: Any, rss: Any) -> dict[str, Any]:
    """On the server: feed "Tech" in category Tech (one article with categories), feed "Loose"."""
    tech_cat = ttrss.make_category("Tech")
    image = feed_server.add("/a.png", png(), content_type="image/png")
    tagged = rss.item(
        "tagged",
        title="Tagged story",
        link="https://site.example/tagged",
        description=f'<p>Física <img src="{image}"></p>',
        categories=["Science", "علوم"],
        published=1_752_000_000,
    )
    tech_url = feed_server.add("/tech.rss", rss(tagged, *items(rss, "tech", 3), title="Tech"))
    loose_url = feed_server.add("/loose.rss", rss(*items(rss, "loose", 2), title="Loose"))
    tech = ttrss.subscribe(tech_url, tech_cat)
    loose = ttrss.subscribe(loose_url)
    return {"tech_url": tech_url, "loose_url": loose_url, "tech": tech, "loose": loose}


def remote_ids(ttrss: Any) -> dict[str, int]:
    """Server article ids by title."""
    return {row["title"]: row["id"] for row in ttrss.headlines()}


def add_account(reader: Reader, ttrss: Any) -> None:
    result = reader("account", "add", "ttrss", ttrss.base_url, "--user", ttrss.user)
    assert result.code == 0, result.stderr


def test_subscribed_on_the_server_then_synced(ttrss, world, reader, feed_server, rss):
    add_account(reader, ttrss)
    report = reader.sync()
    assert report["errors"] == []
    assert report["pulled"]["feeds"] == 2
    assert report["pulled"]["articles"] == 6

    feeds = reader.feeds()
    assert set(feeds) == {world["tech_url"], world["loose_url"]}
    assert (feeds[world["tech_url"]]["title"], feeds[world["tech_url"]]["folder"]) == (
        "Tech",
        "Tech",
    )
    assert feeds[world["loose_url"]]["folder"] is None

    local = reader.articles()
    assert set(local) == {"Tagged story", "tech 0", "tech 1", "tech 2", "loose 0", "loose 1"}
    assert {c.casefold() for c in local["Tagged story"]["categories"]} == {"science", "علوم"}
    assert all(not a["read"] and not a["starred"] for a in local.values())
    shown = reader.json("show", str(local["Tagged story"]["id"]))
    assert "Física" in json.dumps(shown, ensure_ascii=False)
    # The category filter works for synced articles.
    names = {c["name"].casefold(): c["name"] for c in reader.json("categories")}
    assert "science" in names
    assert set(reader.articles("--category", names["science"])) == {"Tagged story"}

    # Incremental: only what is new on the server comes the second time.
    assert reader.sync()["pulled"]["articles"] == 0
    feed_server.add("/loose.rss", rss(*items(rss, "fresh", 1), *items(rss, "loose", 2)))
    ttrss.update_feed(world["loose"])
    again = reader.sync()
    assert again["pulled"]["articles"] == 1
    assert "fresh 0" in reader.articles()


def test_read_and_starred_on_the_server_then_synced(ttrss, world, reader):
    add_account(reader, ttrss)
    reader.sync()
    ids = remote_ids(ttrss)
    ttrss.api("updateArticle", article_ids=f"{ids['tech 0']},{ids['loose 1']}", field=2, mode=0)
    ttrss.api("updateArticle", article_ids=str(ids["Tagged story"]), field=0, mode=1)

    report = reader.sync()
    assert report["errors"] == []
    assert report["pulled"]["read"] == 2
    assert report["pulled"]["starred"] == 1
    local = reader.articles()
    assert {t for t, a in local.items() if a["read"]} == {"tech 0", "loose 1"}
    assert {t for t, a in local.items() if a["starred"]} == {"Tagged story"}
    assert set(reader.articles("--starred")) == {"Tagged story"}
    # A favorite reads offline: its image was downloaded by the sync.
    shown = reader.json("show", str(local["Tagged story"]["id"]))
    [image] = shown["images"]
    assert image["url"].endswith("/a.png")
    assert Path(image["path"]).read_bytes() == png()

    # And back: unread and unstarred on the server.
    ttrss.api("updateArticle", article_ids=str(ids["tech 0"]), field=2, mode=1)
    ttrss.api("updateArticle", article_ids=str(ids["Tagged story"]), field=0, mode=0)
    reader.sync()
    local = reader.articles()
    assert {t for t, a in local.items() if a["read"]} == {"loose 1"}
    assert not any(a["starred"] for a in local.values())


def test_changes_made_offline_reach_the_server_when_it_is_back(
    ttrss, world, reader, feed_server, rss
):
    add_account(reader, ttrss)
    reader.sync()
    local = reader.articles()
    loose_feed = reader.feeds()[world["loose_url"]]["id"]
    extra_url = feed_server.add("/extra.rss", rss(*items(rss, "extra", 2), title="Extra"))

    ttrss.stop()
    try:
        assert reader("star", str(local["tech 1"]["id"])).code == 0
        read = (str(local["tech 2"]["id"]), str(local["Tagged story"]["id"]))
        assert reader("read", *read).code == 0
        assert reader("remove", str(loose_feed)).code == 0
        added = reader("add", extra_url, "--account", "1")
        assert added.code == 0, added.stderr
        offline = reader("sync")
        assert offline.code != 0
        assert "connect" in offline.stderr.lower()
    finally:
        ttrss.start()

    report = reader.sync()
    assert report["errors"] == []
    assert report["pushed"] == {"read": 2, "starred": 1, "subscribed": 1, "unsubscribed": 1}
    ids = remote_ids(ttrss)
    assert ttrss.article_ids(-1) == {ids["tech 1"]}
    unread = ttrss.article_ids(-4, "unread")
    assert ids["tech 2"] not in unread and ids["Tagged story"] not in unread
    assert ids["tech 0"] in unread
    server_feeds = {f["feed_url"] for f in ttrss.api("getFeeds", cat_id=-3)}
    assert server_feeds == {world["tech_url"], extra_url}

    # The local state survived the round trip, and the server's articles of the new feed came.
    local = reader.articles()
    assert local["tech 1"]["starred"] and local["tech 2"]["read"]
    assert set(reader.feeds()) == {world["tech_url"], extra_url}
    assert reader.sync()["pushed"] == {"read": 0, "starred": 0, "subscribed": 0, "unsubscribed": 0}


@contextmanager
def html_server(port: int) -> Iterator[None]:
    """A web server on `port` that answers every request with an HTML page."""

    class Page(BaseHTTPRequestHandler):
        def _page(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b"<!DOCTYPE html><html><body><h1>It works!</h1></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _page

        def log_message(self, *args: Any) -> None:
            pass

    ThreadingHTTPServer.allow_reuse_address = True
    httpd = ThreadingHTTPServer(("127.0.0.1", port), Page)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_failed_syncs_say_why_and_change_nothing(ttrss, world, reader):
    add_account(reader, ttrss)
    reader.sync()
    ids = remote_ids(ttrss)
    local = reader.articles()
    assert reader("star", str(local["loose 0"]["id"])).code == 0  # queued, not pushed yet
    ttrss.api("updateArticle", article_ids=str(ids["tech 0"]), field=2, mode=0)  # server change
    before = reader.snapshot()

    def fails(*words: str) -> None:
        result = reader("sync")
        assert result.code == 1
        assert "Traceback" not in result.stderr
        # Not a terminal: no progress lines, exactly one message.
        [message] = result.stderr.splitlines()
        assert message.startswith("reader:"), message
        for word in words:
            assert word.lower() in message.lower(), message
        assert reader.snapshot() == before

    ttrss.set_password("changed on the server")
    fails("wrong user name or password")
    ttrss.set_password(ttrss.password)

    ttrss.stop()
    try:
        fails("cannot connect", "connection refused")
        with html_server(ttrss.port):
            fails("web page")
    finally:
        ttrss.start()

    # Back to normal: the queued star goes out, the server's read comes in.
    report = reader.sync()
    assert report["errors"] == []
    assert ttrss.article_ids(-1) == {ids["loose 0"]}
    assert reader.articles()["tech 0"]["read"]


def test_adding_an_account_with_bad_details_adds_nothing(ttrss, reader, feed_server):
    bad = reader("account", "add", "ttrss", ttrss.base_url, "--user", "admin", password="nope")
    assert bad.code != 0
    assert "wrong user name or password" in bad.stderr
    feed_server.add("/site/api/", "<html><body>a blog</body></html>", content_type="text/html")
    html = reader("account", "add", "ttrss", feed_server.url("/site/"), "--user", "admin")
    assert html.code != 0
    assert "web page" in html.stderr
    assert reader.json("account", "list") == []
