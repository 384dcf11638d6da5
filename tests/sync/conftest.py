"""A real Tiny Tiny RSS server for the sync tests (tests/servers/ttrss_setup.sh).

`ttrss_server` (session): Debian's tt-rss behind `php -S` on a free 127.0.0.1 port, with a
private PostgreSQL cluster on a unix socket, in a fresh state dir under /var/tmp (the servers run
as www-data and postgres, who cannot reach a pytest tmp_path under /root). It is destroyed by PID
at the end of the session, also when tests fail. `ttrss` (per test) is the same server emptied of
feeds, categories and articles first, so tests do not see each other's data.

Feeds for it come from the `feed_server` fixture of tests/conftest.py: tt-rss fetches them itself
(the setup script's `local_fetch` plugin lets it fetch 127.0.0.1 on any port).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

SETUP = Path(__file__).resolve().parents[1] / "servers" / "ttrss_setup.sh"
USER_AGENT = "reader-tests/1 (fixture)"  # tt-rss binds a session to its User-Agent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _state_root() -> str:
    """/var/tmp (or /tmp): reachable by www-data and postgres, unlike /root."""
    for root in ("/var/tmp", "/tmp"):
        if os.path.isdir(root) and os.access(root, os.W_OK):
            return root
    return tempfile.gettempdir()


class TtrssServer:
    """One tt-rss instance: its API URL, the admin account and helpers to set up server state."""

    user = "admin"
    password = "password"

    def __init__(self, state: Path, port: int) -> None:
        self.state = state
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}/"
        self.api_url = self.base_url + "api/"
        self.php_pid: int | None = None
        self.start_seconds = 0.0
        self._http = httpx.Client(timeout=60, headers={"User-Agent": USER_AGENT})
        self._sid: str | None = None

    # --- processes ---------------------------------------------------------------------------

    def _script(self, *args: str, timeout: float = 600) -> str:
        done = subprocess.run(
            ["bash", str(SETUP), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"ttrss_setup.sh {args[0]} failed ({done.returncode}):\n{done.stderr}"
            )
        return done.stdout

    def start(self) -> None:
        began = time.monotonic()
        out = self._script("start", str(self.port), str(self.state))
        self.start_seconds = time.monotonic() - began
        info = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
        self.php_pid = int(info["TTRSS_PHP_PID"])
        self._sid = None

    def stop(self) -> None:
        """Stop php and PostgreSQL by PID, keeping the database (start() again resumes)."""
        self._script("stop", str(self.state))
        self._sid = None

    def destroy(self) -> None:
        self._http.close()
        self._script("destroy", str(self.state))

    def running(self) -> bool:
        done = subprocess.run(
            ["bash", str(SETUP), "status", str(self.state)], capture_output=True, check=False
        )
        return done.returncode == 0

    def log(self) -> str:
        path = self.state / "php.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    # --- server state ------------------------------------------------------------------------

    def sql(self, query: str) -> str:
        """Run SQL in the instance's database; returns psql's unaligned output (-At)."""
        return self._script("sql", query, str(self.state), timeout=60).strip()

    def reset(self) -> None:
        """No feeds, categories or articles; admin's password and API access as at first."""
        self.set_password(self.password)
        self.sql(
            "delete from ttrss_user_entries; delete from ttrss_entries;"
            " delete from ttrss_feeds; delete from ttrss_archived_feeds;"
            " delete from ttrss_feed_categories;"
            " update ttrss_user_prefs set value = 'true'"
            "  where owner_uid = 1 and pref_name = 'ENABLE_API_ACCESS';"
        )

    def set_password(self, password: str) -> None:
        """Change admin's password (ends its sessions: tt-rss ties them to the password hash)."""
        digest = hashlib.sha1(password.encode()).hexdigest()
        self.sql(f"update ttrss_users set pwd_hash = 'SHA1:{digest}', salt = '' where id = 1")
        self._sid = None

    def set_api_access(self, enabled: bool) -> None:
        value = "true" if enabled else "false"
        self.sql(
            f"update ttrss_user_prefs set value = '{value}'"
            " where owner_uid = 1 and pref_name = 'ENABLE_API_ACCESS'"
        )

    def make_category(self, title: str) -> int:
        """Categories cannot be created through the API: insert one for admin."""
        escaped = title.replace("'", "''")
        return int(
            self.sql(
                f"insert into ttrss_feed_categories(owner_uid, title)"
                f" values (1, '{escaped}') returning id"
            ).splitlines()[0]
        )

    def api(self, op: str, **params: Any) -> Any:
        """A raw API call as admin (own session); returns `content`, fails the test on an error."""
        for _ in range(2):
            if self._sid is None:
                self._sid = self._login()
            answer = self._post({"op": op, "sid": self._sid, **params})
            if answer["status"] == 0:
                return answer["content"]
            if answer["content"].get("error") == "NOT_LOGGED_IN":
                self._sid = None
                continue
            raise AssertionError(f"tt-rss {op} failed: {answer}")
        raise AssertionError(f"tt-rss {op}: NOT_LOGGED_IN twice")

    def _post(self, payload: dict[str, Any]) -> dict[str, Any]:
        response = self._http.post(self.api_url, content=json.dumps(payload))
        response.raise_for_status()
        return response.json()

    def _login(self) -> str:
        answer = self._post({"op": "login", "user": self.user, "password": self.password})
        assert answer["status"] == 0, f"fixture login failed: {answer}"
        return answer["content"]["session_id"]

    def subscribe(self, feed_url: str, cat_id: int = 0) -> int:
        """Subscribe admin to a feed and fetch it once; returns the feed id."""
        status = self.api("subscribeToFeed", feed_url=feed_url, category_id=cat_id)["status"]
        assert status["code"] in (0, 1), f"subscribe {feed_url}: {status}"
        feed_id = int(status["feed_id"])
        self.update_feed(feed_id)
        return feed_id

    def update_feed(self, feed_id: int) -> None:
        """Fetch and parse the feed now (synchronous in this tt-rss)."""
        self.api("updateFeed", feed_id=feed_id)

    def headlines(self, feed_id: int = -4, view_mode: str = "all_articles") -> list[dict]:
        return self.api(
            "getHeadlines", feed_id=feed_id, view_mode=view_mode, limit=200, show_content=False
        )

    def article_ids(self, feed_id: int = -4, view_mode: str = "all_articles") -> set[int]:
        return {row["id"] for row in self.headlines(feed_id, view_mode)}


def _destroy_orphans(root: Path) -> None:
    """Servers left by a test session that was killed: their pytest PID is gone."""
    for state in root.glob("reader-ttrss-*-*"):
        pid = state.name.split("-")[2]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            subprocess.run(["bash", str(SETUP), "destroy", str(state)], check=False, timeout=120)


@pytest.fixture(scope="session")
def ttrss_server() -> Iterator[TtrssServer]:
    root = Path(_state_root())
    _destroy_orphans(root)
    state = root / f"reader-ttrss-{os.getpid()}-{time.monotonic_ns()}"
    server = TtrssServer(state, _free_port())
    try:
        try:
            server.start()
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            pytest.fail(f"could not start the Tiny Tiny RSS test server: {exc}\n{server.log()}")
        yield server
    finally:
        server.destroy()


@pytest.fixture
def ttrss(ttrss_server: TtrssServer) -> TtrssServer:
    """The session's server, running and emptied of feeds and articles."""
    if not ttrss_server.running():
        ttrss_server.start()
    ttrss_server.reset()
    return ttrss_server
