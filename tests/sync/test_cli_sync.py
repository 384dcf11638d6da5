"""`reader account ...` and `reader sync` against the in-memory server (tests/sync/fakes.py).

The CLI runs in-process (`reader.cli.run`) so the engine's `make_remote` can hand it the fake;
the real protocol clients are exercised against real/stub servers in their own tests.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from fakes import FakeServer, served

from reader import cli

URL = "https://rss.example.com/tt-rss/"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    monkeypatch.setenv("READER_PASSWORD", "s3cr3t-pw")
    return served(monkeypatch, "s3cr3t-pw", "Tech", ("One", "Two"))


@pytest.fixture
def reader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = cli.run(["--data-dir", str(tmp_path / "data"), *args])
        except SystemExit as exc:  # argparse's usage errors
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_add_list_sync_remove(server: FakeServer, reader: Run, tmp_path: Path) -> None:
    code, out, err = reader("account", "add", "ttrss", URL, "--user", "ann")
    assert code == 0, err
    assert out.startswith("added account 1: ttrss ann at https://rss.example.com/tt-rss/")
    assert "secrets.json (readable only by you)" in out
    secret_file = tmp_path / "data" / "secrets.json"
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600

    code, out, _ = reader("account", "list", "--json")
    [listed] = json.loads(out)
    assert listed["password_store"] == "file" and listed["last_sync"] is None
    assert "s3cr3t" not in out  # never the password itself

    code, out, err = reader("sync", "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "pulled": {"feeds": 1, "articles": 2, "read": 0, "starred": 0},
        "pushed": {"read": 0, "starred": 0, "subscribed": 0, "unsubscribed": 0},
        "errors": [],
    }
    code, out, _ = reader("articles", "--category", "python", "--json")
    assert [a["title"] for a in json.loads(out)] == ["One"]
    code, out, _ = reader("articles", "--starred", "--json")
    [two] = json.loads(out)
    assert two["title"] == "Two" and two["read"] is True

    # Local changes while the server is down are pushed by the next sync.
    server.down = True
    [one] = json.loads(reader("articles", "--unread", "--json")[1])
    assert reader("read", str(one["id"]))[0] == 0
    code, out, err = reader("sync", "--json")
    assert code == 1
    assert json.loads(out)["errors"] == ["Cannot reach the server (connection refused)."]
    assert err == "reader: Cannot reach the server (connection refused).\n"
    code, out, _ = reader("account", "list")
    assert "! Cannot reach the server" in out
    server.down = False
    code, out, err = reader("sync")
    assert code == 0, err
    assert "pushed 1 read" in out
    assert err == ""  # progress lines are for a terminal; a script's stderr stays clean
    assert server.unread == set()

    code, out, _ = reader("account", "remove", "1")
    assert code == 0 and "its feeds stay" in out
    assert json.loads(reader("account", "list", "--json")[1]) == []
    assert json.loads(secret_file.read_text()) == {}
    assert [f["title"] for f in json.loads(reader("feeds", "--json")[1])] == ["Code"]


def test_a_failed_login_stores_nothing(
    server: FakeServer, reader: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("READER_PASSWORD", "wrong")
    code, out, err = reader("account", "add", "ttrss", URL, "--user", "ann")
    assert (code, out) == (2, "")
    assert err == "reader: The server refused the user name or password.\n"
    monkeypatch.setenv("READER_PASSWORD", "s3cr3t-pw")
    server.down = True
    code, out, err = reader("account", "add", "greader", URL, "--user", "ann")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "Cannot reach the server" in err
    assert json.loads(reader("account", "list", "--json")[1]) == []
    assert not (tmp_path / "data" / "secrets.json").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("account", "add", "ttrss", "ftp://x", "--user", "ann"), "http"),
        (("account", "add", "miniflux", URL, "--user", "ann"), "invalid choice"),
        (("account", "add", "ttrss", URL), "--user"),
        (("account", "remove", "7"), "no account with id 7"),
        (("sync",), "no sync account"),
        (("sync", "--account", "3"), "no account with id 3"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    server: FakeServer, reader: Run, args: tuple[str, ...], message: str
) -> None:
    code, out, err = reader(*args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err.lower()


def test_the_password_is_never_taken_from_the_command_line(
    server: FakeServer, reader: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("READER_PASSWORD")
    code, _, err = reader("account", "add", "ttrss", URL, "--user", "ann")
    assert code == 2 and "READER_PASSWORD" in err  # stdin is not a terminal here
    code, _, err = reader("account", "add", "ttrss", URL, "--user", "ann", "--password", "x")
    assert code == 2 and "unrecognized arguments" in err


def test_add_through_an_account_is_subscribed_on_the_server(
    server: FakeServer, reader: Run
) -> None:
    reader("account", "add", "ttrss", URL, "--user", "ann")
    code, out, err = reader(
        "add", "https://new.example.com/feed", "--account", "1", "--folder", "Tech"
    )
    assert code == 0, err
    assert "reader sync" in out
    code, out, err = reader("sync", "--json")
    assert json.loads(out)["pushed"]["subscribed"] == 1
    assert "https://new.example.com/feed" in {f.url for f in server.feeds.values()}
