"""End to end: `reader account add greader` and `reader sync` (subprocesses) against the stub.

No Google Reader API server can be installed on the test machines, so the server here is the
stub of tests/servers/greader_stub.py (written from the published API), in its FreshRSS and
Miniflux flavours. The client, the engine and the CLI are the real ones.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from greader_fixtures import PASSWORD, USER, stub_fixture  # noqa: F401

from reader.core.sync.greader import long_id
from servers.greader_stub import GReaderStub


def add_account(data_dir: Path, url: str, password: str = PASSWORD) -> tuple[int, str, str]:
    """`reader account add greader URL`, the password in READER_PASSWORD (never an argument)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("READER_", "QT_"))}
    env |= {"READER_PASSWORD": password, "READER_SECRETS": "file", "PYTHONIOENCODING": "utf-8"}
    args = ["account", "add", "greader", url, "--user", USER, "--json"]
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


def articles(run_cli: Callable[..., Any], data_dir: Path, *args: str) -> dict[str, Any]:
    found = run_cli(data_dir, "articles", "--limit", "0", "--json", *args).json()
    return {a["title"]: a for a in found}


def test_sync_pulls_pushes_and_queues_offline_changes(
    stub: GReaderStub, run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    code_feed = stub.add_feed("https://code.example/atom.xml", "Code", "Tech")
    news_feed = stub.add_feed("https://news.example/rss", "News")
    one = stub.add_item(code_feed, "One", categories=("Python",), content="<p>one</p>")
    two = stub.add_item(code_feed, "Two", starred=True, read=True, content="<p>two</p>")
    three = stub.add_item(news_feed, "Three")

    code, out, err = add_account(data, stub.url)
    assert code == 0, err
    assert json.loads(out)["kind"] == "greader"

    report = run_cli(data, "sync", "--json").json()
    assert report["errors"] == []
    assert report["pulled"]["feeds"] == 2 and report["pulled"]["articles"] == 3
    feeds = {f["title"]: f for f in run_cli(data, "feeds", "--json").json()}
    assert feeds["Code"]["folder"] == "Tech"
    assert feeds["Code"]["url"] == "https://code.example/atom.xml"
    assert feeds["News"]["folder"] == stub.default_folder
    local = articles(run_cli, data)
    assert set(local) == {"One", "Two", "Three"}
    assert (local["Two"]["read"], local["Two"]["starred"]) == (True, True)
    assert (local["One"]["read"], local["One"]["starred"]) == (False, False)
    # FreshRSS passes the feed's own categories through; Miniflux does not.
    by_category = articles(run_cli, data, "--category", "Python")
    assert set(by_category) == ({"One"} if stub.flavour == "freshrss" else set())

    # Local star and read are pushed.
    assert run_cli(data, "star", str(local["One"]["id"])).code == 0
    assert run_cli(data, "read", str(local["Three"]["id"])).code == 0
    report = run_cli(data, "sync", "--json").json()
    assert report["pushed"] == {"read": 1, "starred": 1, "subscribed": 0, "unsubscribed": 0}
    assert stub.item(one).starred and stub.item(three).read

    # Changes made on the server arrive.
    stub.set_read(one)
    stub.set_starred(two, False)
    new = stub.add_item(news_feed, "Four", content="<p>four</p>")
    # Starred on the server but crawled before the last sync: only `articles_by_ids` finds it.
    old = stub.add_item(code_feed, "Old", crawled=1_000_000, starred=True, content="<p>all</p>")
    report = run_cli(data, "sync", "--json").json()
    assert report["errors"] == [] and report["pulled"]["articles"] == 2
    local = articles(run_cli, data)
    assert local["One"]["read"] is True and local["Two"]["starred"] is False
    assert "Four" in local and local["Old"]["starred"] is True
    shown = run_cli(data, "show", str(local["Old"]["id"]), "--json").json()
    assert "<p>all</p>" in json.dumps(shown)  # the full content, to read offline
    assert any(
        h.path.endswith("stream/items/contents") and ("i", long_id(old)) in h.params
        for h in stub.hits
    )

    # Offline: changes are queued, the sync fails with one message, then pushes them later.
    stub.stop()
    assert run_cli(data, "unstar", str(local["One"]["id"])).code == 0
    assert run_cli(data, "unread", str(local["Two"]["id"])).code == 0
    assert run_cli(data, "remove", str(feeds["News"]["id"])).code == 0
    down = run_cli(data, "sync", "--json")
    assert down.code == 1
    [error] = json.loads(down.stdout)["errors"]
    assert "Cannot connect to 127.0.0.1" in error
    assert stub.item(one).starred and stub.item(two).read  # nothing reached the server
    stub.start()
    report = run_cli(data, "sync", "--json").json()
    assert report["errors"] == []
    assert report["pushed"] == {"read": 1, "starred": 1, "subscribed": 0, "unsubscribed": 1}
    assert not stub.item(one).starred and not stub.item(two).read
    assert [f.url for f in stub.feeds.values()] == ["https://code.example/atom.xml"]
    assert int(new) not in stub.items  # the server dropped the unsubscribed feed's articles


def test_bad_password_dead_server_and_html_store_nothing(
    stub: GReaderStub, run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    code, out, err = add_account(data, stub.url, password="wrong")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "refused the user name or password" in err

    stub.mode = "html"
    code, out, err = add_account(data, stub.url)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "web page" in err

    stub.mode = "api"
    url = stub.url
    stub.stop()
    code, out, err = add_account(data, url)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "Cannot connect" in err
    assert run_cli(data, "account", "list", "--json").json() == []

    # A sync that meets a web page half way keeps what was stored and says why.
    stub.start()
    feed = stub.add_feed("https://code.example/atom.xml", "Code", "Tech")
    stub.add_item(feed, "One")
    assert add_account(data, url)[0] == 0
    assert run_cli(data, "sync", "--json").json()["errors"] == []
    before = articles(run_cli, data)
    stub.add_item(feed, "Two")
    stub.mode = "html"
    failed = run_cli(data, "sync", "--json")
    assert failed.code == 1 and "web page" in json.loads(failed.stdout)["errors"][0]
    assert failed.stderr.count("\n") == 1
    assert articles(run_cli, data) == before
