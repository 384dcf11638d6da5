"""Helpers of the reliability suite: the CLI run as a measured subprocess, a small feed farm
that changes on demand, database checks, and the figures the suite reports.

Figures recorded with `record(name, text)` are printed at the end of the run under "Reliability
figures" (tests/reliability/conftest.py); they are the numbers quoted in the README.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reader.core.service import Service

REPO = Path(__file__).resolve().parents[2]
FIGURES: dict[str, str] = {}
NO_CORPUS = "the shared corpus is missing at {path}; set READER_CORPUS to its directory"


def record(name: str, text: str) -> None:
    """Keep a measured figure for the end-of-run summary."""
    FIGURES[name] = text


# --- active content: what must never survive the sanitizer --------------------------------------

SAFE_SCHEMES = ("http:", "https:", "mailto:", "tel:", "ftp:", "magnet:", "geo:")
ACTIVE_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
    "button", "textarea", "select", "style", "link", "meta", "base", "svg", "math", "template",
    "noscript", "portal", "xml", "xss", "isindex", "keygen", "marquee",
}  # fmt: skip
URL_ATTRIBUTES = {
    "href", "src", "srcset", "cite", "action", "formaction", "poster", "background", "data",
    "longdesc", "usemap", "xlink:href", "ping", "manifest", "codebase", "lowsrc", "dynsrc",
}  # fmt: skip
BIDI_AND_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


class ActiveContent(HTMLParser):
    """Everything in an HTML fragment that a browser could run or that could fetch by itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ACTIVE_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc", "http-equiv"):
                self.found.append(f"{tag} {name}=")
            if name in URL_ATTRIBUTES and value:
                for url in value.split(",") if name == "srcset" else [value]:
                    bare = re.sub(r"[\x00-\x20\x7f]+", "", url).lower()
                    scheme = re.match(r"^[a-z][a-z0-9+.-]*:", bare)
                    if scheme and not bare.startswith(SAFE_SCHEMES):
                        self.found.append(f"{tag} {name}={url[:40]}")

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        self.found.append("<!-- comment -->")

    def handle_pi(self, data: str) -> None:
        self.found.append("<?pi?>")


# --- the corpus ----------------------------------------------------------------------------------


def corpus_root() -> Path:
    return Path(os.environ.get("READER_CORPUS", str(REPO.parent / "shared" / "corpus")))


def hostile_files() -> list[Path]:
    """Every hostile feed file of the corpus (not the notes, not the OPML folder)."""
    folder = corpus_root() / "hostile"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix != ".md")


# --- the command line as a measured subprocess ---------------------------------------------------

# Runs the real command in a changed environment, set up in a wrapper that then execs it (not in
# preexec_fn: the test process has server threads, and preexec_fn is not fork-safe then).
# - "fsize": a file size limit, like a full disk; SIGXFSZ is ignored so that a write past it
#   fails with EFBIG instead of killing the process.
# - "drop_dac": as root, drop the capabilities that let root ignore file permissions, so that a
#   read-only folder is read-only for the command too. Exit 77 when that is not possible.
_WRAPPER = (
    "import ctypes, json, os, resource, signal, sys\n"
    "options = json.loads(sys.argv[1])\n"
    "if options.get('fsize') is not None:\n"
    "    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "    resource.setrlimit(resource.RLIMIT_FSIZE, (options['fsize'], options['fsize']))\n"
    "if options.get('drop_dac') and os.geteuid() == 0:\n"
    "    libc = ctypes.CDLL(None, use_errno=True)\n"
    "    for cap in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER\n"
    "        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP\n"
    "            sys.exit(77)\n"
    "os.execv(sys.executable, [sys.executable, *sys.argv[2:]])\n"
)
CANNOT_DROP = 77


def cli_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("READER_", "QT_"))}
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # a file size limit must only hit the database
    return env


def reader_command(
    data_dir: Path, *args: str, fsize_limit: int | None = None, read_only: bool = False
) -> list[str]:
    command = [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args]
    return wrapped(command, fsize_limit=fsize_limit, read_only=read_only)


def wrapped(
    command: list[str], *, fsize_limit: int | None = None, read_only: bool = False
) -> list[str]:
    """The Python command under a file size limit and/or without root's file permission bypass."""
    if fsize_limit is None and not read_only:
        return command
    options = json.dumps({"fsize": fsize_limit, "drop_dac": read_only})
    return [sys.executable, "-c", _WRAPPER, options, *command[1:]]


@dataclass
class Run:
    """A finished command: exit code, output, wall time, peak resident memory."""

    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float
    lines: list[tuple[float, str]] = field(default_factory=list)  # stderr lines, seconds in

    def json(self) -> Any:
        assert self.code == 0, f"exit {self.code}: {self.stderr}"
        return json.loads(self.stdout)

    def one_line_error(self) -> str:
        lines = self.stderr.splitlines()
        assert len(lines) == 1, self.stderr
        assert "Traceback" not in self.stderr
        return lines[0]


class ReaderProcess:
    """`python -m reader ...` started now, reaped by a thread the moment it ends.

    Peak memory is the process's own high-water mark (VmHWM), sampled every 10 ms while it runs:
    wait4's ru_maxrss would include the test process's memory at fork time. Use `running()`,
    never Popen.poll()/wait() (the reaping thread owns the child).
    """

    def __init__(
        self, command: list[str], *, env: dict[str, str] | None = None, **popen: Any
    ) -> None:
        self.started = time.monotonic()
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=cli_env() | (env or {}),
            start_new_session=True,  # its own group, so stray children can be cleaned up
            **popen,
        )
        self.lines: list[tuple[float, str]] = []
        self.ended_at: float | None = None
        self.peak_rss_kb = 0
        self._ended = threading.Event()
        self._out: list[bytes] = []
        self._threads = [
            threading.Thread(target=self._read_out, daemon=True),
            threading.Thread(target=self._read_err, daemon=True),
            threading.Thread(target=self._reap, daemon=True),
            threading.Thread(target=self._sample, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def _read_out(self) -> None:
        assert self.process.stdout is not None
        self._out.append(self.process.stdout.read())

    def _read_err(self) -> None:
        assert self.process.stderr is not None
        for raw in self.process.stderr:
            self.lines.append((time.monotonic() - self.started, raw.decode("utf-8", "replace")))

    def _sample(self) -> None:
        proc = Path(f"/proc/{self.process.pid}")
        ours = Path("/proc/self/cmdline").read_bytes()
        while not self._ended.wait(0.01):
            try:
                if (proc / "cmdline").read_bytes() == ours:
                    continue  # forked but not yet exec'd: still a copy of this process
                text = (proc / "status").read_text()
            except OSError:
                return
            for line in text.splitlines():
                if line.startswith("VmHWM:"):
                    self.peak_rss_kb = max(self.peak_rss_kb, int(line.split()[1]))

    def _reap(self) -> None:
        _pid, status, _usage = os.wait4(self.process.pid, 0)
        self.ended_at = time.monotonic()
        self.process.returncode = os.waitstatus_to_exitcode(status)
        self._ended.set()

    def running(self) -> bool:
        return not self._ended.is_set()

    def finish(self, timeout: float) -> Run:
        """Wait for the end (at most `timeout` s after the start) and return what it did."""
        if not self._ended.wait(max(0.0, self.started + timeout - time.monotonic())):
            self.kill()
            raise AssertionError(f"the command still ran after {timeout:.0f} s")
        assert self.ended_at is not None and self.process.returncode is not None
        self.kill()  # ended: only waits for children it may have left
        for thread in self._threads[:2]:
            thread.join(10)
        stdout = b"".join(self._out).decode("utf-8", "replace")
        stderr = "".join(line for _t, line in self.lines)
        seconds = self.ended_at - self.started
        rss = self.peak_rss_kb / 1024
        return Run(self.process.returncode, stdout, stderr, seconds, rss, list(self.lines))

    def crash(self) -> None:
        """SIGKILL the command only, like a crash (its children are left to notice)."""
        if self.running():
            try:
                os.kill(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self._ended.wait(30)

    def kill(self, grace: float = 10) -> bool:
        """Crash it; True when its children (parse workers, forkserver, resource tracker) then
        left by themselves within `grace` seconds. Any still there are killed."""
        self.crash()
        left = wait_for_groups([self.process.pid], grace)
        return not left


def live_members(group: int) -> list[int]:
    """Processes of a process group that still run (zombies left to a non-reaping init do not)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == group and fields[0] not in ("Z", "X"):
            found.append(int(stat.parent.name))
    return found


def wait_for_groups(groups: list[int], grace: float) -> list[int]:
    """Wait up to `grace` s for process groups to empty; kill and return those that did not."""
    deadline = time.monotonic() + grace
    left = [g for g in groups if live_members(g)]
    while left and time.monotonic() < deadline:
        time.sleep(0.02)
        left = [g for g in left if live_members(g)]
    for group in left:
        try:
            os.killpg(group, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    return left


def run_reader(
    data_dir: Path,
    *args: str,
    timeout: float = 120,
    fsize_limit: int | None = None,
    read_only: bool = False,
) -> Run:
    command = reader_command(data_dir, *args, fsize_limit=fsize_limit, read_only=read_only)
    return ReaderProcess(command).finish(timeout)


# --- database checks -----------------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_database(path: Path) -> None:
    """SQLite's integrity check, the FTS5 index's own check, and foreign keys."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        # Contentless indexes: rank 0 checks an index's internal consistency.
        for table in ("articles_fts", "articles_fts_recent"):
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 0)")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


# --- what a user set, checked after every crash ----------------------------------------------

PROGRESS = re.compile(r"^\[(\d+)/(\d+)\]")  # a `reader refresh` line: one feed stored


def content_hash(html: str) -> str:
    return hashlib.sha1(html.encode("utf-8")).hexdigest()


class Model:
    """What this 'other process' has set: the state each touched article must keep."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.state: dict[int, tuple[bool, bool]] = {}  # id -> (read, starred)
        self.frozen: dict[int, str] = {}  # starred id -> hash of its content when starred

    def act(self, data: Path) -> None:
        """Star, unstar, read and unread a few articles through the engine's own API."""
        service = Service(data)
        try:
            ids = service.article_ids()
            if not ids:
                return
            starred = [i for i, (_r, s) in self.state.items() if s]
            to_star = self.rng.sample(ids, min(2, len(ids)))
            service.set_starred(to_star, True)
            for i in to_star:
                detail = service.article(i)
                self.state[i] = (detail.read, True)
                self.frozen.setdefault(i, content_hash(detail.content_html))
            if len(starred) > 20:
                gone = self.rng.choice(starred)
                service.set_starred([gone], False)
                self.state[gone] = (self.state[gone][0], False)
                self.frozen.pop(gone, None)
            for i in self.rng.sample(ids, min(3, len(ids))):
                read = self.rng.random() < 0.7
                service.set_read([i], read)
                self.state[i] = (read, self.state.get(i, (False, False))[1])
        finally:
            service.close()

    def act_by_command(self, data: Path) -> None:
        """Star one article and mark another read or unread with `reader star/read/unread`."""
        conn = sqlite3.connect(f"file:{data / 'reader.sqlite3'}?mode=ro", uri=True, timeout=10)
        try:
            ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        finally:
            conn.close()
        star, mark = self.rng.sample(ids, 2)
        done = run_reader(data, "star", str(star))
        assert done.code == 0, done
        conn = sqlite3.connect(data / "reader.sqlite3", timeout=10)
        try:
            read_now, html = conn.execute(
                "SELECT a.read, c.content_html FROM articles a "
                "JOIN article_content c ON c.id = a.id WHERE a.id = ?",
                (star,),
            ).fetchone()
        finally:
            conn.close()
        self.state[star] = (bool(read_now), True)
        self.frozen.setdefault(star, content_hash(html))
        read = self.rng.random() < 0.7
        done = run_reader(data, "read" if read else "unread", str(mark))
        assert done.code == 0, done
        self.state[mark] = (read, self.state.get(mark, (False, False))[1])

    def verify(self, db: Path) -> None:
        conn = sqlite3.connect(db)
        try:
            marks = ",".join("?" * len(self.state))
            rows = {
                r[0]: (bool(r[1]), bool(r[2]), r[3])
                for r in conn.execute(
                    "SELECT a.id, a.read, a.starred, c.content_html FROM articles a "
                    f"JOIN article_content c ON c.id = a.id WHERE a.id IN ({marks})",
                    list(self.state),
                )
            }
        finally:
            conn.close()
        for article_id, (read, starred) in self.state.items():
            if starred:
                assert article_id in rows, f"favorite {article_id} was lost"
            if article_id not in rows:
                continue  # a read, unstarred article may be purged; never a favorite
            assert rows[article_id][:2] == (read, starred), (article_id, rows[article_id][:2])
            if starred:
                assert content_hash(rows[article_id][2]) == self.frozen[article_id], (
                    f"favorite {article_id} changed"
                )


def refresh_to_the_end(data: Path) -> tuple[float, float, float]:
    """A refresh that is not killed completes with no error row.

    Returns when (seconds after start) it stored its first and last feed, and when it ended.
    """
    done = run_reader(data, "refresh", timeout=120)
    assert done.code == 0, done
    assert re.match(r"refreshed \d+ feeds: \d+ new articles, 0 errors", done.stdout), done
    stored = [t for t, line in done.lines if PROGRESS.match(line)]
    assert stored, done
    return stored[0], stored[-1], done.seconds


# --- a small farm of feeds that changes on demand ------------------------------------------------


class SmallFarm:
    """N small RSS feeds on 127.0.0.1 with ETags and 304s; `mutate()` publishes and re-publishes.

    Entry n of feed i has the guid urn:farm:i:n and a unique word kIxN in its title, so a search
    can find it. A new version of a feed adds an entry on top (the oldest scrolls off past
    `window`) and re-publishes an existing one with new text. Requests to feed i wait
    `i * spread` seconds, so the feeds are stored one after another over the refresh.
    """

    def __init__(
        self, feeds: int = 10, *, window: int = 12, seed: int = 5, spread: float = 0.03
    ) -> None:
        self.count = feeds
        self.spread = spread
        self.window = window
        self.top = [window] * feeds  # number of the newest entry
        self.revisions: list[dict[int, int]] = [{} for _ in range(feeds)]
        self.published: list[set[str]] = [set() for _ in range(feeds)]  # every key ever served
        self.rng = random.Random(seed)
        self.now = int(time.time())
        self._lock = threading.Lock()
        self._docs: dict[int, tuple[bytes, str]] = {}
        self.requests = 0
        farm = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                farm._serve(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def url(self, i: int) -> str:
        return f"http://127.0.0.1:{self.port}/feed/{i}"

    def opml(self) -> str:
        outlines = "".join(
            f'<outline type="rss" text="Farm {i}" xmlUrl="{self.url(i)}"/>'
            for i in range(self.count)
        )
        return f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'

    def mutate(self, fraction: float = 0.4) -> None:
        with self._lock:
            for i in self.rng.sample(range(self.count), max(1, int(self.count * fraction))):
                self.top[i] += 1
                again = self.top[i] - self.rng.randint(1, self.window - 1)
                self.revisions[i][again] = self.revisions[i].get(again, 0) + 1
                self._docs.pop(i, None)

    def keys(self, i: int) -> set[str]:
        """The guids feed i serves now."""
        return {f"urn:farm:{i}:{n}" for n in range(self.top[i] - self.window + 1, self.top[i] + 1)}

    def document(self, i: int) -> tuple[bytes, str]:
        with self._lock:
            if i not in self._docs:
                self._docs[i] = self._render(i)
            return self._docs[i]

    def _render(self, i: int) -> tuple[bytes, str]:
        items = []
        for n in range(self.top[i], self.top[i] - self.window, -1):
            rev = self.revisions[i].get(n, 0)
            words = random.Random(i * 1_000_003 + n * 101 + rev)
            when = email.utils.formatdate(self.now - (self.top[i] - n) * 600 - i, usegmt=True)
            text = escape(
                f"<p>Report {n} of feed {i}, revision {rev}: "
                + " ".join(words.choice(_WORDS) for _ in range(40))
                + "</p>"
            )
            items.append(
                f"<item><title>Story k{i}x{n} {words.choice(_WORDS)}</title>"
                f"<guid isPermaLink='false'>urn:farm:{i}:{n}</guid>"
                f"<link>http://farm.example/{i}/{n}</link><pubDate>{when}</pubDate>"
                f"<category>{_WORDS[(i + n) % len(_WORDS)]}</category>"
                f"<description>{text}</description></item>"
            )
            self.published[i].add(f"urn:farm:{i}:{n}")
        body = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Farm {i}</title><link>http://farm.example/{i}/</link>"
            f"<description>d</description>{''.join(items)}</channel></rss>"
        ).encode()
        return body, '"' + hashlib.sha1(body).hexdigest()[:16] + '"'

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        try:
            i = int(handler.path.rsplit("/", 1)[-1])
            assert 0 <= i < self.count
        except (ValueError, AssertionError):
            handler.send_error(404)
            return
        with self._lock:
            self.requests += 1
        time.sleep(i * self.spread)
        body, etag = self.document(i)
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        payload = gzip.compress(body, 1)
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        handler.send_header("Content-Encoding", "gzip")
        handler.send_header("ETag", etag)
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        try:
            handler.wfile.write(payload)
        except OSError:
            pass

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(5)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a killed client resets its connections: expected here


_WORDS = (
    "ceasefire talks market growth election council court ruling climate summit energy "
    "refugees border trade health research storm flood aid سوريا اقتصاد سياسة"
).split()


def subscribe_farm(data_dir: Path, farm: SmallFarm, tmp_path: Path) -> None:
    """Import the farm's OPML and refresh once, through the real command."""
    opml = tmp_path / "farm.opml"
    opml.write_text(farm.opml(), encoding="utf-8")
    imported = run_reader(data_dir, "import", str(opml))
    assert imported.code == 0, imported
    first = run_reader(data_dir, "refresh", "--json")
    assert first.code == 0, first


# --- hostile servers -----------------------------------------------------------------------------

GOOD_FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Good</title>'
    "<link>http://good.example/</link><description>d</description>"
    "<item><title>Fresh news</title><guid>good-1</guid><description>Text.</description></item>"
    "</channel></rss>"
)


def drip(handler: Any, query: dict[str, list[str]]) -> None:
    """An endless body that never pauses long enough for a read timeout: 300 bytes every 50 ms."""
    stop = handler.server.feed_server.stopping
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.end_headers()
    try:
        handler.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>drip')
        while not stop.wait(0.05):
            handler.wfile.write(b"<item><title>more</title></item>" * 10)
            handler.wfile.flush()
    except OSError:
        return


def cookie_redirect(handler: Any, query: dict[str, list[str]]) -> None:
    """Sets a cookie and redirects on the same host: the next request must not send it back."""
    handler.send_response(302)
    handler.send_header("Set-Cookie", "tracker=abc123; Path=/")
    handler.send_header("Location", "/srv/cookie-target.xml")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def attribute_feed(size: int = 20 << 20) -> bytes:
    """An RSS document of `size` bytes, nearly all of it attributes of one item (1.5 million):
    few elements, yet feedparser works on it for minutes unless stopped."""
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Attributes</title><item '
    tail = b"><title>a</title></item></channel></rss>"
    count = (size - len(head) - len(tail)) // 14  # a1500000="1" and a space: 13 bytes
    return head + b" ".join(b'a%d="1"' % i for i in range(count)) + tail


def install_hostile_routes(server: Any) -> dict[str, str]:
    """Every hostile route of this module on `server`; name -> URL."""
    server.add("/srv/good.xml", GOOD_FEED, content_type="application/rss+xml", conditional=False)
    server.add("/srv/moved-target.xml", GOOD_FEED.replace("good-1", "moved-1"), conditional=False)
    server.redirect("/srv/moved", server.url("/srv/moved-target.xml"), status=301)
    server.route("/srv/drip", drip)
    server.route("/srv/cookie-redirect", cookie_redirect)
    server.add(
        "/srv/cookie-target.xml",
        GOOD_FEED.replace("good-1", "cookie-1"),
        headers={"Set-Cookie": "second=xyz; Path=/"},
        conditional=False,
    )
    server.html_page("/srv/page.html", "/srv/good.xml")
    in_an_hour = email.utils.formatdate(time.time() + 3600, usegmt=True)
    server.error("/srv/503", 503, headers={"Retry-After": in_an_hour})
    server.error("/srv/429-bare", 429)
    server.error("/srv/429", 429, headers={"Retry-After": "3600"})
    server.error("/srv/429-forever", 429, headers={"Retry-After": "999999999"})
    base, port = server.base, server.port
    return {
        "good": f"{base}/srv/good.xml",
        "slow body": f"{base}/hostile/slow?seconds=120",
        "slow headers": f"{base}/hostile/slow?seconds=120&where=headers",
        "endless trickle": f"{base}/srv/drip",
        "endless body": f"{base}/hostile/huge?mb=1000000",
        "1 GB": f"{base}/hostile/huge?mb=1024",
        "1 GB with length": f"{base}/hostile/huge?mb=1024&length=1",
        "gzip bomb": f"{base}/hostile/gzip-bomb",
        "redirect loop": f"{base}/hostile/loop",
        "301 to another host": f"http://localhost:{port}/srv/moved",
        "404": f"{base}/hostile/404",
        "410": f"{base}/hostile/410",
        "500": f"{base}/hostile/500",
        "429": f"{base}/srv/429",
        "503": f"{base}/srv/503",
        "TLS": f"https://127.0.0.1:{port}/srv/good.xml",
        "reset": f"{base}/hostile/reset",
        "web page": f"{base}/srv/page.html",
        "cookie": f"{base}/srv/cookie-redirect",
    }


# What each feed's error must say (None: it must succeed).
EXPECTED = {
    "good": None,
    "slow body": "seconds",
    "slow headers": "seconds",
    "endless trickle": "seconds",
    "endless body": "larger than 20 MB",
    "1 GB": "larger than 20 MB",
    "1 GB with length": "larger than 20 MB",
    "gzip bomb": "larger than 20 MB",
    "redirect loop": "loop",
    "301 to another host": None,
    "404": "not found",
    "410": "unsubscribe",
    "500": "internal error",
    "429": "retry after 3600 seconds",
    "503": "unavailable",
    "TLS": "TLS",
    "reset": "connection broke",
    "web page": "adding the site",
    "cookie": None,
}
SLOW = {"slow body", "slow headers", "endless trickle"}


# --- the parse deadline --------------------------------------------------------------------------


def shorten_parse_deadline(seconds: float) -> None:
    """A parse worker's initializer: a shorter deadline, so a test need not wait 15 s."""
    from reader.core import parse

    parse.PARSE_SECONDS = seconds


def parse_after_waiting(seconds: float, body: bytes, url: str) -> object:
    """parse_feed in a worker whose parse first waits `seconds` without using the CPU, as a
    low-priority worker waits for a core on a busy machine (run in a worker)."""
    import time

    from reader.core import parse

    real = parse._parse_feed

    def waiting(*args: object) -> object:
        time.sleep(seconds)
        return real(*args)

    parse._parse_feed = waiting
    try:
        return parse.parse_feed(body, {}, url)
    finally:
        parse._parse_feed = real


def worker_peak_mb() -> float:
    """This process's peak resident memory (run in a worker)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0
