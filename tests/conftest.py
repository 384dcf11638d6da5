"""Shared fixtures for the engine tests: a real local HTTP server, the corpus, the CLI, a clock.

Qt-free on purpose: the unit and end-to-end tests of the engine must run without PySide6 loaded
(tests/ui has its own conftest for Qt).

`feed_server` is a `ThreadingHTTPServer` on 127.0.0.1 port 0. Tests register routes on it
(`add`, `add_file`, `redirect`, `error`, `html_page`, `route`); static routes answer conditional
GETs with 304 from their ETag / Last-Modified. Hostile routes are always there:

    /hostile/slow?seconds=N[&where=headers]  1 byte a second for N seconds (body, or headers)
    /hostile/huge?mb=N[&length=1]            N MB streamed, never held in memory
    /hostile/gzip-bomb                       ~200 KB of gzip that inflates to 200 MB
    /hostile/loop                            302 -> /hostile/loop2 -> 302 -> /hostile/loop
    /hostile/404, /410, /500, /429           errors (429 with Retry-After: 120)
    /hostile/reset                           a connection reset in the middle of the body
    /hostile/invalid-xml                     a truncated, invalid document

Other fixtures: `module_feed_server` (one server per module), `corpus` (../shared/corpus or
$READER_CORPUS, else skip), `run_cli(data_dir, *args)` -> CliResult(code, stdout, stderr),
`start_cli` (the same in the background), `clock` (a FakeClock) and `service` (a Service on
tmp_path with that clock), `rss` (builds small RSS documents).
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import socket
import struct
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus"
FIXED_LAST_MODIFIED = "Tue, 01 Jul 2025 10:00:00 GMT"

CONTENT_TYPES = {
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".rdf": "application/rdf+xml",
    ".json": "application/feed+json",
    ".html": "text/html; charset=utf-8",
    ".opml": "text/x-opml",
    ".bin": "application/octet-stream",
}


# --- the local feed server ---------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One request the server received."""

    method: str
    path: str  # with the query string
    headers: dict[str, str]  # lower-case names


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    conditional: bool = True  # answer If-None-Match / If-Modified-Since with 304
    handler: Callable[[_Handler, dict[str, list[str]]], None] | None = None


class FeedServer:
    """Routes registered by the test, plus hostile routes; every request is logged in `hits`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.feed_server = self
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._install_hostile_routes()
        self._thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    # registering

    def url(self, path: str) -> str:
        return self.base + path

    def add(
        self,
        path: str,
        body: bytes | str,
        *,
        content_type: str | None = None,
        status: int = 200,
        headers: dict[str, str] | None = None,
        conditional: bool = True,
        etag: str | None = None,
        send_etag: bool = True,
        last_modified: str | None = FIXED_LAST_MODIFIED,
    ) -> str:
        """Serve `body` at `path` with an ETag (its hash) and Last-Modified; returns the URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        all_headers = {"Content-Type": content_type or _guess_type(path)}
        if conditional:
            if send_etag:
                all_headers["ETag"] = etag or '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
            if last_modified:
                all_headers["Last-Modified"] = last_modified
        all_headers.update(headers or {})
        with self._lock:
            self.routes[path] = Route(status, data, all_headers, conditional)
        return self.url(path)

    def add_file(self, path: str, file: Path, *, content_type: str | None = None) -> str:
        return self.add(
            path, file.read_bytes(), content_type=content_type or _guess_type(file.name)
        )

    def redirect(self, path: str, target: str, *, status: int = 301) -> str:
        location = target if "://" in target else self.url(target)
        self.routes[path] = Route(status, b"", {"Location": location}, conditional=False)
        return self.url(path)

    def error(self, path: str, status: int, *, headers: dict[str, str] | None = None) -> str:
        body = f"<html><body><h1>Error {status}</h1></body></html>".encode()
        all_headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
        self.routes[path] = Route(status, body, all_headers, conditional=False)
        return self.url(path)

    def html_page(
        self, path: str, feed_path: str, *, feed_type: str = "application/rss+xml"
    ) -> str:
        """A web page whose <head> links to the feed at feed_path (relative href)."""
        page = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>A site</title>"
            f'<link rel="alternate" type="{feed_type}" title="Site feed" href="{feed_path}">'
            "</head><body><h1>Welcome</h1><p>Not a feed.</p></body></html>"
        )
        return self.add(path, page, content_type="text/html; charset=utf-8", conditional=False)

    def route(self, path: str, handler: Callable[[_Handler, dict[str, list[str]]], None]) -> str:
        self.routes[path] = Route(handler=handler, conditional=False)
        return self.url(path)

    def remove(self, path: str) -> None:
        self.routes.pop(path, None)

    def hits_for(self, path: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if urlsplit(h.path).path == path]

    def close(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(timeout=5)

    # hostile routes

    def _install_hostile_routes(self) -> None:
        self.route("/hostile/slow", _slow)
        self.route("/hostile/huge", _huge)
        self.route("/hostile/gzip-bomb", _gzip_bomb)
        self.route("/hostile/reset", _reset)
        self.redirect("/hostile/loop", "/hostile/loop2", status=302)
        self.redirect("/hostile/loop2", "/hostile/loop", status=302)
        self.error("/hostile/404", 404)
        self.error("/hostile/410", 410)
        self.error("/hostile/500", 500)
        self.error("/hostile/429", 429, headers={"Retry-After": "120"})
        self.add(
            "/hostile/invalid-xml",
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>cut</tit',
            content_type="application/rss+xml",
            conditional=False,
        )


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    feed_server: FeedServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients hang up on hostile routes on purpose (size cap, deadline): not worth a trace.
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection; the body ends at close
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def do_POST(self) -> None:  # API clients (sync tests) POST; the body is read and ignored
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._serve(head=False)

    def _serve(self, *, head: bool) -> None:
        srv = self.server.feed_server
        headers = {k.lower(): v for k, v in self.headers.items()}
        with srv._lock:
            srv.hits.append(Hit(self.command, self.path, headers))
        parts = urlsplit(self.path)
        route = srv.routes.get(parts.path)
        if route is None:
            self._send(404, b"not found", {"Content-Type": "text/plain"}, head)
            return
        if route.handler is not None:
            route.handler(self, parse_qs(parts.query))
            return
        if route.conditional and route.status == 200 and _not_modified(route, headers):
            self.send_response(304)
            for name in ("ETag", "Last-Modified"):
                if name in route.headers:
                    self.send_header(name, route.headers[name])
            self.end_headers()
            return
        self._send(route.status, route.body, route.headers, head)

    def _send(self, status: int, body: bytes, headers: dict[str, str], head: bool) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


def _not_modified(route: Route, headers: dict[str, str]) -> bool:
    etag = route.headers.get("ETag")
    if "if-none-match" in headers:
        return etag is not None and etag in {t.strip() for t in headers["if-none-match"].split(",")}
    since = headers.get("if-modified-since")
    modified = route.headers.get("Last-Modified")
    if since and modified:
        try:
            return email.utils.parsedate_to_datetime(since) >= email.utils.parsedate_to_datetime(
                modified
            )
        except (TypeError, ValueError):
            return False
    return False


def _guess_type(name: str) -> str:
    for suffix, ctype in CONTENT_TYPES.items():
        if name.endswith(suffix):
            return ctype
    return "application/xml; charset=utf-8"


def _query_number(query: dict[str, list[str]], name: str, default: float) -> float:
    try:
        return float(query[name][0])
    except (KeyError, IndexError, ValueError):
        return default


def _slow(handler: _Handler, query: dict[str, list[str]]) -> None:
    """Trickle one byte a second, in the body (default) or while still sending the headers."""
    seconds = _query_number(query, "seconds", 120)
    stop = handler.server.feed_server.stopping
    payload = b'<?xml version="1.0"?><rss version="2.0"><channel><title>slow</title>' + b" " * 400
    ends = time.monotonic() + seconds
    try:
        if query.get("where") == ["headers"]:
            status = b"HTTP/1.0 200 OK\r\nContent-Type: application/rss+xml\r\nX-Pad: "
            handler.wfile.write(status)
            while time.monotonic() < ends and not stop.wait(1.0):
                handler.wfile.write(b"a")
                handler.wfile.flush()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.end_headers()
        handler.wfile.flush()
        for i in range(len(payload)):
            if time.monotonic() >= ends or stop.wait(1.0):
                return
            handler.wfile.write(payload[i : i + 1])
            handler.wfile.flush()
    except OSError:
        return


def _huge(handler: _Handler, query: dict[str, list[str]]) -> None:
    """Stream `mb` megabytes (default 200) of a never-ending item, 64 KB at a time."""
    total = int(_query_number(query, "mb", 200) * 1024 * 1024)
    stop = handler.server.feed_server.stopping
    head = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title><item><description>'
    )
    chunk = b"x" * 65536
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    if query.get("length") == ["1"]:
        handler.send_header("Content-Length", str(total))
    handler.end_headers()
    try:
        handler.wfile.write(head)
        sent = len(head)
        while sent < total and not stop.is_set():
            piece = chunk[: total - sent]
            handler.wfile.write(piece)
            sent += len(piece)
    except OSError:
        return


_BOMB: list[bytes] = []


def gzip_bomb() -> bytes:
    """About 200 KB of gzip that inflates to 200 MB (built once per session)."""
    if not _BOMB:
        compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        parts = [compressor.compress(b'<?xml version="1.0"?><rss version="2.0"><channel><item>')]
        zeros = b" " * (1 << 20)
        parts += [compressor.compress(zeros) for _ in range(200)]
        parts.append(compressor.flush())
        _BOMB.append(b"".join(parts))
    return _BOMB[0]


def _gzip_bomb(handler: _Handler, query: dict[str, list[str]]) -> None:
    body = gzip_bomb()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Encoding", "gzip")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    try:
        handler.wfile.write(body)
    except OSError:
        return


def _reset(handler: _Handler, query: dict[str, list[str]]) -> None:
    """Promise 100 KB, send 2 KB, then reset the connection (RST, not a clean close)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    try:
        handler.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>' + b" " * 2000)
        handler.wfile.flush()
        time.sleep(0.05)
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        handler.connection.close()
    except OSError:
        pass
    handler.close_connection = True


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def module_feed_server() -> Iterator[FeedServer]:
    """One server for a whole module (for tests that share an expensive setup)."""
    server = FeedServer()
    try:
        yield server
    finally:
        server.close()


# --- the shared corpus -------------------------------------------------------------------------


def corpus_path() -> Path:
    return Path(os.environ.get("READER_CORPUS", str(DEFAULT_CORPUS)))


@pytest.fixture(scope="session")
def corpus() -> Path:
    path = corpus_path()
    if not (path / "feeds").is_dir():
        pytest.skip(f"corpus not found at {path}; set READER_CORPUS to the shared corpus directory")
    return path


# --- the command line as a subprocess ----------------------------------------------------------


@dataclass(frozen=True)
class CliResult:
    code: int
    stdout: str
    stderr: str

    def __iter__(self) -> Iterator[Any]:  # so `code, out, err = run_cli(...)` works
        return iter((self.code, self.stdout, self.stderr))

    def json(self) -> Any:
        assert self.code == 0, f"exit {self.code}: {self.stderr}"
        return json.loads(self.stdout)


def _cli_command(data_dir: Path, args: tuple[str, ...]) -> list[str]:
    return [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args]


def _cli_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("READER_", "QT_"))}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _run_cli(
    data_dir: Path, *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> CliResult:
    """Run `python -m reader --data-dir DATA_DIR ARGS...`; returns (code, stdout, stderr).

    `env` adds variables (e.g. READER_PASSWORD) to the cleaned environment.
    """
    done = subprocess.run(
        _cli_command(data_dir, args),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env={**_cli_env(), **(env or {})},
        check=False,
    )
    return CliResult(done.returncode, done.stdout, done.stderr)


class CliProcess:
    """A command started in the background; `result()` waits for it and tells how long it took."""

    def __init__(self, data_dir: Path, args: tuple[str, ...]) -> None:
        self.started = time.monotonic()
        self.ended: float | None = None
        self.process = subprocess.Popen(
            _cli_command(data_dir, args),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=_cli_env(),
        )
        self._output: tuple[str, str] = ("", "")
        self._waiter = threading.Thread(target=self._wait, daemon=True)
        self._waiter.start()

    def _wait(self) -> None:
        self._output = self.process.communicate()
        self.ended = time.monotonic()

    def result(self, timeout: float) -> tuple[CliResult, float]:
        self._waiter.join(timeout)
        if self.ended is None:
            self.kill()
            raise AssertionError(f"the command still ran after {timeout:.0f} s")
        code = self.process.returncode
        return CliResult(code, *self._output), self.ended - self.started

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self._waiter.join(10)


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., CliResult]:
    """`run_cli(data_dir, "feeds", "--json")` -> CliResult(code, stdout, stderr)."""
    return _run_cli


@pytest.fixture(scope="session")
def start_cli() -> Callable[..., CliProcess]:
    """`start_cli(data_dir, "refresh", "--json")` -> a CliProcess running in the background."""
    return lambda data_dir, *args: CliProcess(data_dir, args)


# --- an injected clock and a Service on tmp_path -----------------------------------------------


class FakeClock:
    """Seconds since the epoch, moved by hand: `clock.advance(days=100)`."""

    def __init__(self, start: float = 1_750_000_000.0) -> None:  # 2025-06-15
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float = 0, *, days: float = 0) -> None:
        self.now += seconds + days * 86400


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def service(tmp_path: Path, clock: FakeClock) -> Iterator[Any]:
    from reader.core.service import Service

    svc = Service(tmp_path / "data", clock=clock)
    try:
        yield svc
    finally:
        svc.close()


# --- building small feeds in a test --------------------------------------------------------------


def rss_item(
    guid: str | None = None,
    *,
    title: str = "Untitled",
    link: str | None = None,
    description: str = "",
    published: float | str | None = None,
    categories: tuple[str, ...] | list[str] = (),
    author: str | None = None,
    enclosure: tuple[str, str, int] | None = None,
    comments: str | None = None,
) -> str:
    """One <item>; text values are escaped, `published` may be epoch seconds or an RFC 822 date."""
    from xml.sax.saxutils import escape

    parts = [f"<title>{escape(title)}</title>"]
    if guid is not None:
        parts.append(f'<guid isPermaLink="false">{escape(guid)}</guid>')
    if link is not None:
        parts.append(f"<link>{escape(link)}</link>")
    if published is not None:
        date = (
            email.utils.formatdate(published, usegmt=True)
            if isinstance(published, int | float)
            else published
        )
        parts.append(f"<pubDate>{date}</pubDate>")
    if author is not None:
        parts.append(f"<dc:creator>{escape(author)}</dc:creator>")
    parts += [f"<category>{escape(c)}</category>" for c in categories]
    if enclosure is not None:
        url, kind, length = enclosure
        parts.append(f'<enclosure url="{escape(url)}" type="{kind}" length="{length}"/>')
    if comments is not None:
        parts.append(f"<comments>{escape(comments)}</comments>")
    if description:
        parts.append(f"<description>{escape(description)}</description>")
    return "<item>" + "".join(parts) + "</item>"


def rss_document(
    items: list[str] | tuple[str, ...],
    *,
    title: str = "Test feed",
    link: str = "https://feed.example/",
    language: str | None = None,
) -> bytes:
    from xml.sax.saxutils import escape

    lang = f"<language>{language}</language>" if language else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<description>d</description>{lang}{''.join(items)}</channel></rss>"
    ).encode()


class FeedBuilder:
    """`rss(rss.item("g1", title=...), rss.item(...), title="Feed")` -> RSS 2.0 bytes."""

    item = staticmethod(rss_item)

    def __call__(self, *items: str, **channel: Any) -> bytes:
        return rss_document(items, **channel)


@pytest.fixture
def rss() -> FeedBuilder:
    return FeedBuilder()
