"""Fetching against a real local server: conditional GET, redirects, caps, deadlines, errors.

Also: the engine never loads Qt (a subprocess imports reader.core.service and looks).
"""

from __future__ import annotations

import gzip
import http.server
import socket
import ssl
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.core import fetch as fetching
from reader.core.errors import FetchError, InvalidURLError
from reader.core.fetch import MAX_BYTES, check_url, fetch, new_client


@pytest.fixture
def client() -> Iterator[fetching.Client]:
    with new_client() as c:
        yield c


@pytest.fixture
def short_deadline(monkeypatch: pytest.MonkeyPatch):
    """Make the per-feed deadline a couple of seconds, for direct fetches and for refreshes."""

    def apply(seconds: float) -> float:
        monkeypatch.setattr(fetching, "DEADLINE_SECONDS", seconds)
        defaults = fetching.fetch.__kwdefaults__ or {}
        if "deadline" in defaults and defaults["deadline"] is not None:
            monkeypatch.setitem(fetching.fetch.__kwdefaults__, "deadline", seconds)
        return seconds

    return apply


# --- the ordinary path -------------------------------------------------------------------------


def test_plain_fetch_returns_body_and_validators(client, feed_server, rss) -> None:
    body = rss(rss.item("1", title="hello"))
    url = feed_server.add("/f.xml", body)
    got = fetch(client, url)
    assert got.status == 200
    assert got.body == body
    assert got.url == url
    assert got.etag and got.etag.startswith('"')
    assert got.last_modified
    assert got.permanent_url is None
    (hit,) = feed_server.hits_for("/f.xml")
    assert "reader" in hit.headers["user-agent"].lower()
    assert "gzip" in hit.headers["accept-encoding"]
    assert "rss" in hit.headers["accept"]


def test_gzip_encoded_body_is_decoded(client, feed_server, rss) -> None:
    body = rss(rss.item("1", title="compressed"))
    url = feed_server.add("/z.xml", gzip.compress(body), headers={"Content-Encoding": "gzip"})
    assert fetch(client, url).body == body


def test_conditional_get_with_etag_gets_304(client, feed_server, rss) -> None:
    url = feed_server.add("/f.xml", rss(rss.item("1")))
    first = fetch(client, url)
    second = fetch(client, url, etag=first.etag, last_modified=first.last_modified)
    assert second.status == 304
    assert second.body == b""
    assert second.etag == first.etag  # kept for the next time
    hit = feed_server.hits_for("/f.xml")[-1]
    assert hit.headers["if-none-match"] == first.etag


def test_conditional_get_with_last_modified_only(client, feed_server, rss) -> None:
    url = feed_server.add("/f.xml", rss(rss.item("1")), send_etag=False)
    first = fetch(client, url)
    assert first.etag is None and first.last_modified
    second = fetch(client, url, last_modified=first.last_modified)
    assert second.status == 304
    assert "if-modified-since" in feed_server.hits_for("/f.xml")[-1].headers


def test_changed_feed_answers_200_again(client, feed_server, rss) -> None:
    url = feed_server.add("/f.xml", rss(rss.item("1")))
    first = fetch(client, url)
    feed_server.add("/f.xml", rss(rss.item("1"), rss.item("2")))
    again = fetch(client, url, etag=first.etag)
    assert again.status == 200
    assert again.etag != first.etag


def test_unchanged_feed_costs_one_304_and_no_parsing(
    service, feed_server, rss, monkeypatch
) -> None:
    url = feed_server.add("/f.xml", rss(rss.item("1"), rss.item("2")))
    feed = service.add_feed(url)
    calls: list[str] = []
    from reader.core import parse

    real_parse = parse.parse_feed

    def counting_parse(*args, **kwargs):
        calls.append(args[2] if len(args) > 2 else "?")
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(parse, "parse_feed", counting_parse)  # update imports it when needed
    before = len(feed_server.hits_for("/f.xml"))
    (result,) = service.refresh_iter()
    assert (result.feed_id, result.status, result.new, result.updated) == (
        feed.id,
        "not_modified",
        0,
        0,
    )
    hits = feed_server.hits_for("/f.xml")[before:]
    assert len(hits) == 1
    assert "if-none-match" in hits[0].headers
    assert calls == []


# --- redirects ---------------------------------------------------------------------------------


def test_permanent_redirect_updates_the_stored_url(service, feed_server, rss) -> None:
    feed_server.add("/old.xml", rss(rss.item("1", title="one")))
    feed = service.add_feed(feed_server.url("/old.xml"))
    feed_server.add("/new/feed.xml", rss(rss.item("1", title="one"), rss.item("2", title="two")))
    feed_server.redirect("/old.xml", "/new/feed.xml", status=301)
    (result,) = service.refresh_iter()
    assert (result.status, result.new) == ("updated", 1)
    assert service.feed(feed.id).url == feed_server.url("/new/feed.xml")
    assert service.feed(feed.id).total == 2
    # the next refresh asks the new address directly
    feed_server.hits.clear()
    (result,) = service.refresh_iter()
    assert result.status == "not_modified"
    assert feed_server.hits_for("/old.xml") == []


def test_permanent_redirect_with_relative_guids_duplicates_nothing(service, feed_server) -> None:
    # Permalink guids "101", "102" are relative: moving the feed must not make them new articles.
    def body(*guids: int) -> bytes:
        items = "".join(f"<item><guid>{g}</guid><title>t{g}</title></item>" for g in guids)
        return f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()

    feed_server.add("/blog/feed/rss.xml", body(101, 102))
    feed = service.add_feed(feed_server.url("/blog/feed/rss.xml"))
    feed_server.add("/rss", body(103, 101, 102))
    feed_server.redirect("/blog/feed/rss.xml", "/rss", status=301)
    (result,) = service.refresh_iter()
    assert (result.status, result.new) == ("updated", 1)
    assert service.feed(feed.id).total == 3


def test_temporary_redirect_keeps_the_stored_url(service, feed_server, rss) -> None:
    url = feed_server.add("/f.xml", rss(rss.item("1")))
    feed = service.add_feed(url)
    feed_server.add("/elsewhere.xml", rss(rss.item("2"), rss.item("1")))
    feed_server.redirect("/f.xml", "/elsewhere.xml", status=302)
    (result,) = service.refresh_iter()
    assert (result.status, result.new) == ("updated", 1)
    assert service.feed(feed.id).url == url


def test_redirect_loop_is_reported(client, feed_server) -> None:
    with pytest.raises(FetchError, match="loop"):
        fetch(client, feed_server.url("/hostile/loop"))


def test_too_many_redirects(client, feed_server, rss) -> None:
    for i in range(10):
        feed_server.redirect(f"/r{i}", f"/r{i + 1}", status=302)
    feed_server.add("/r10", rss(rss.item("1")))
    with pytest.raises(FetchError, match="redirected more than"):
        fetch(client, feed_server.url("/r0"))


def test_redirect_to_a_non_http_scheme_is_refused(client, feed_server) -> None:
    feed_server.redirect("/evil", "file:///etc/passwd", status=302)
    with pytest.raises(FetchError) as info:
        fetch(client, feed_server.url("/evil"))
    assert "root:" not in str(info.value)


# --- size cap and memory -----------------------------------------------------------------------


def test_declared_huge_body_is_refused_at_once(client, feed_server) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="larger than"):
        fetch(client, feed_server.url("/hostile/huge?mb=200&length=1"))
    assert time.monotonic() - started < 5


def test_streamed_huge_body_is_cut_at_the_cap_with_flat_memory(client, feed_server) -> None:
    tracemalloc.start()
    try:
        started = time.monotonic()
        with pytest.raises(FetchError, match="larger than"):
            fetch(client, feed_server.url("/hostile/huge?mb=200"))
        elapsed = time.monotonic() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 20
    assert peak < 3 * MAX_BYTES  # far below the 200 MB the server offered


def test_gzip_bomb_is_capped(client, feed_server) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="larger than"):
            fetch(client, feed_server.url("/hostile/gzip-bomb"))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 3 * MAX_BYTES


def test_small_cap_is_honoured(client, feed_server, rss) -> None:
    url = feed_server.add("/f.xml", rss(*(rss.item(str(i)) for i in range(200))))
    with pytest.raises(FetchError, match="larger than"):
        fetch(client, url, max_bytes=1024)


# --- time --------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["body", "headers"])
def test_trickling_server_is_cut_at_the_deadline(client, feed_server, where: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError) as info:
        fetch(client, feed_server.url(f"/hostile/slow?seconds=60&where={where}"), deadline=1.5)
    elapsed = time.monotonic() - started
    assert elapsed < 4.5, f"the deadline of 1.5 s held the fetch for {elapsed:.1f} s"
    # the deadline as set, not rounded to "2 seconds"
    assert "took longer than 1.5 seconds" in str(info.value) or "in time" in str(info.value)


@dataclass
class KeepAlive:
    url: str
    connections: int = 0  # accepted so far


@pytest.fixture
def keep_alive_server() -> Iterator[KeepAlive]:
    """An HTTP/1.1 server that keeps connections open: /ok answers a small feed, /304 "not
    modified", any other path starts its answer and then trickles header bytes, one every
    0.2 s, for a minute."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()
    server = KeepAlive(f"http://127.0.0.1:{listener.getsockname()[1]}")

    def serve(conn: socket.socket) -> None:
        pending = b""
        with conn:
            while not stop.is_set():
                while b"\r\n\r\n" not in pending:
                    data = conn.recv(4096)
                    if not data:
                        return
                    pending += data
                head, pending = pending.split(b"\r\n\r\n", 1)
                if head.split(b" ")[1] == b"/ok":
                    body = b"<rss version='2.0'><channel><title>ok</title></channel></rss>"
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
                    )
                    continue
                if head.split(b" ")[1] == b"/304":
                    conn.sendall(b'HTTP/1.1 304 Not Modified\r\nETag: "v1"\r\n\r\n')
                    continue
                conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                for _ in range(300):
                    if stop.wait(0.2):
                        return
                    try:
                        conn.sendall(b"x")
                    except OSError:
                        return

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            server.connections += 1
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield server
    stop.set()
    listener.close()


def test_trickling_headers_on_a_kept_alive_connection_are_cut_at_the_deadline(
    client, keep_alive_server
) -> None:
    """A second request on a reused connection: no new connection tells the watchdog its
    socket, and the server's bytes keep each read under its timeout."""
    url = keep_alive_server.url
    assert fetch(client, f"{url}/ok").status == 200
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"took longer than 1 second\."):
        fetch(client, f"{url}/slow", deadline=1)
    elapsed = time.monotonic() - started
    assert elapsed < 4, f"the deadline of 1 s held the fetch for {elapsed:.1f} s"
    assert fetch(client, f"{url}/ok").status == 200  # the client still works
    assert keep_alive_server.connections == 2  # the cut one was not reused


def test_unchanged_feeds_on_one_server_share_a_connection(client, keep_alive_server) -> None:
    """A 304 (and a whole feed) leaves its connection to the next request: a refresh does not
    open a connection per feed on a server that hosts many."""
    url = keep_alive_server.url
    for _ in range(5):
        assert fetch(client, f"{url}/304", etag='"v1"').status == 304
    assert fetch(client, f"{url}/ok").status == 200
    assert fetch(client, f"{url}/304", etag='"v1"').status == 304
    assert keep_alive_server.connections == 1


def test_refresh_with_a_trickling_feed_finishes_the_others(
    service, feed_server, rss, short_deadline
) -> None:
    short_deadline(2)
    good = service.add_feed(feed_server.add("/good.xml", rss(rss.item("1")))).id
    feed_server.add("/good.xml", rss(rss.item("1"), rss.item("2")))
    slow = service.subscribe(feed_server.url("/hostile/slow?seconds=60"))
    started = time.monotonic()
    results = {r.feed_id: r for r in service.refresh_iter()}
    elapsed = time.monotonic() - started
    assert elapsed < 6
    assert (results[good].status, results[good].new) == ("updated", 1)
    assert results[slow].status == "error"
    assert "seconds" in (results[slow].error or "")
    assert service.feed(slow).error == results[slow].error


# --- errors as values with a sentence ----------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/hostile/404", "not found"),
        ("/hostile/410", "gone"),
        ("/hostile/500", "internal error"),
        ("/hostile/429", "retry after 120"),
        ("/hostile/reset", "connection broke"),
        ("/nothing-here", "not found"),
    ],
)
def test_http_failures_have_a_sentence(client, feed_server, path: str, words: str) -> None:
    with pytest.raises(FetchError) as info:
        fetch(client, feed_server.url(path))
    message = str(info.value)
    assert words in message.lower()
    assert message.endswith(".")
    assert "\n" not in message


def test_connection_refused(client) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # nothing listens once closed
    with pytest.raises(FetchError, match="refused"):
        fetch(client, f"http://127.0.0.1:{port}/feed.xml")


# --- HTTPS ---------------------------------------------------------------------------------------

TLS = Path(__file__).resolve().parents[1] / "data" / "tls"  # a self-signed localhost certificate


def _serve_https(host: str) -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = b"<rss><channel><title>secure</title></channel></rss>"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer((host, 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "localhost.pem", TLS / "localhost.key")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"https://{host}:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def https_server() -> Iterator[str]:
    yield from _serve_https("127.0.0.1")


@pytest.fixture
def https_server_elsewhere() -> Iterator[str]:
    """Another loopback address (Linux answers on all of 127/8), not named by the certificate."""
    yield from _serve_https("127.0.0.2")


@pytest.fixture
def trust_test_certificate(monkeypatch: pytest.MonkeyPatch) -> None:
    """The client trusts the test certificate, as if an authority had signed it."""
    trusted = ssl.create_default_context(cafile=str(TLS / "localhost.pem"))
    monkeypatch.setattr(fetching, "_tls_context", lambda: trusted)


def test_https_refuses_a_certificate_no_authority_signed(https_server) -> None:
    with new_client() as client, pytest.raises(FetchError, match=r"could not be verified \(TLS"):
        fetch(client, f"{https_server}/feed.xml")


def test_https_fetches_from_a_trusted_certificate(https_server, trust_test_certificate) -> None:
    with new_client() as client:
        for _ in range(2):  # the second one on the kept-alive connection
            got = fetch(client, f"{https_server}/feed.xml")
            assert (got.status, got.body[:5]) == (200, b"<rss>")


def test_https_refuses_a_certificate_for_another_name(
    https_server_elsewhere, trust_test_certificate
) -> None:
    with new_client() as client, pytest.raises(FetchError, match=r"could not be verified \(TLS"):
        fetch(client, f"{https_server_elsewhere}/feed.xml")


# --- URLs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://ftp.example/feed.xml",
        "data:text/html,<script>",
        "http://",
        "not a url at all",
        "",
    ],
)
def test_unusable_urls_are_refused(url: str) -> None:
    with pytest.raises(InvalidURLError):
        check_url(url)


def test_url_without_scheme_gets_https() -> None:
    assert check_url("  example.com/feed.xml ") == "https://example.com/feed.xml"
    assert check_url("http://Example.COM/a?b=1") == "http://example.com/a?b=1"


# --- the seam -----------------------------------------------------------------------------------


def test_engine_imports_no_qt() -> None:
    code = (
        "import sys, reader.core.service, reader.cli\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "", f"Qt modules loaded by the engine: {done.stdout}"
