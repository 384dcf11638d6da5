"""A local feed farm for benchmarks: N synthetic news feeds on 127.0.0.1.

RSS 2.0 and Atom mixed, 20-100 entries each, 1-5 KB of HTML per entry with links, images and
categories from a news vocabulary (about 20% Arabic), strong ETags and Last-Modified with 304s,
gzip, and an added latency per request to imitate the internet. `mutate()` changes some feeds.

Run it in its own process so it never shares the measured process's interpreter:

    python benchmarks/farm.py --feeds 500 --port 8800 --opml /tmp/farm.opml

Every entry shows one image, `/img/<feed>/<number>.png` (relative to the feed), which the farm
serves too (a small PNG, with the same latency), so a reader that stores images for offline
reading downloads them from here. Control requests are answered without latency:
/_control/stats (JSON: feeds, entries, requests by status, bytes sent), /_control/reset (zero
the request counters) and /_control/mutate?fraction=0.2 (change that share of the feeds,
render them, return their numbers). `FarmProcess` runs the farm as a child process and
drives those requests.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import hashlib
import json
import random
import struct
import subprocess
import sys
import threading
import time
import urllib.request
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

CATEGORIES = (
    "Syria,Lebanon,Economy,Politics,Sport,Science,Health,Technology,Climate,Europe,Asia,Africa,"
    "Middle East,Culture,Business,Elections,سوريا,لبنان,اقتصاد,سياسة,رياضة,العراق,فلسطين,مصر"
).split(",")
WORDS = (
    "government minister talks ceasefire report market growth inflation election council "
    "court ruling protest climate summit energy prices refugees border trade deal health "
    "vaccine study research team league match final season record storm flood aid"
).split()
ARABIC = "الحكومة وزير محادثات وقف إطلاق النار تقرير السوق النمو التضخم الانتخابات مجلس".split()


def _png(width: int = 60, height: int = 40) -> bytes:
    """A small valid PNG (one colour): what the farm answers for every image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    pixels = b"".join(b"\x00" + b"\x30\x60\x90" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


PNG = _png()


class Farm:
    """The feeds' content: deterministic for a seed, one version counter per feed."""

    def __init__(self, feeds: int, *, seed: int = 1, base_time: int = 1_760_000_000) -> None:
        self.count = feeds
        self.seed = seed
        self.base_time = base_time
        self.versions = [0] * feeds
        self.port = 0
        self._cache: dict[tuple[int, int], tuple[bytes, bytes, str]] = {}
        self._lock = threading.Lock()
        self.requests: dict[str, int] = {}  # HTTP status (or "image") -> count since a reset
        self.bytes_sent = 0

    def mutate(self, fraction: float = 0.2) -> list[int]:
        """Give a share of the feeds a new version: one new entry on top, the oldest drops off,
        the others unchanged."""
        rng = random.Random(self.seed + sum(self.versions) + 7)
        changed = rng.sample(range(self.count), int(self.count * fraction))
        for i in changed:
            self.versions[i] += 1
        return changed

    def warm(self, feeds: list[int] | None = None) -> None:
        """Render documents ahead, so that serving costs the farm almost no CPU."""
        for i in range(self.count) if feeds is None else feeds:
            self.document(i)

    def entry_count(self, i: int) -> int:
        """Entries in feed i (any version); the same draw `_render` makes first."""
        rng = random.Random(self.seed * 100_003 + i)
        rng.random()
        return rng.randint(20, 100)

    def total_entries(self) -> int:
        return sum(self.entry_count(i) for i in range(self.count))

    def count_request(self, status: int | str, sent: int) -> None:
        with self._lock:
            self.requests[str(status)] = self.requests.get(str(status), 0) + 1
            self.bytes_sent += sent

    def stats(self) -> dict[str, object]:
        with self._lock:
            return {
                "feeds": self.count,
                "entries": self.total_entries(),
                "versions": sum(self.versions),
                "requests": dict(sorted(self.requests.items())),
                "bytes_sent": self.bytes_sent,
            }

    def reset_stats(self) -> None:
        with self._lock:
            self.requests.clear()
            self.bytes_sent = 0

    def document(self, i: int) -> tuple[bytes, bytes, str]:
        """(body, gzipped body, etag) of feed i at its current version."""
        key = (i, self.versions[i])
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        body = self._render(i, self.versions[i]).encode("utf-8")
        entry = (body, gzip.compress(body, 5), '"' + hashlib.sha1(body).hexdigest()[:16] + '"')
        with self._lock:
            self._cache[key] = entry
        return entry

    def _render(self, i: int, version: int) -> str:
        rng = random.Random(self.seed * 100_003 + i)
        arabic = rng.random() < 0.2
        n = rng.randint(20, 100)
        atom = i % 2 == 1
        items = []
        for k in range(n):
            number = n - k + version  # a new version adds `version` new entries on top
            items.append(self._item(i, number, arabic, atom))
        title = f"Feed {i} {'أخبار' if arabic else 'News'}"
        site = f"http://site{i}.example/"
        if atom:
            return (
                '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
                f'<title>{title}</title><link href="{site}"/><id>{site}</id>'
                f"<updated>2026-01-01T00:00:00Z</updated>{''.join(items)}</feed>"
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{title}</title><link>{site}</link><description>d</description>"
            f"{''.join(items)}</channel></rss>"
        )

    def _item(self, i: int, number: int, arabic: bool, atom: bool) -> str:
        # Seeded by (feed, number) alone: an entry reads the same in every version of its feed,
        # so a mutated feed differs by its new entry on top (and the oldest one gone).
        rng = random.Random(f"{self.seed}/{i}/{number}")
        vocab = ARABIC if arabic else WORDS
        words = [rng.choice(vocab) for _ in range(rng.randint(150, 800))]
        paragraphs = []
        for p in range(0, len(words), 60):
            text = " ".join(words[p : p + 60])
            paragraphs.append(f'<p>{text} <a href="/story/{i}/{number}/{p}">more</a></p>')
        paragraphs.insert(
            1,
            f'<p><img src="/img/{i}/{number}.png" width="600" height="400" alt="photo"></p>',
        )
        html = escape("".join(paragraphs))
        title = " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 10)))
        when = self.base_time - (1000 - number) * 3600 - i * 7
        cats = rng.sample(CATEGORIES, rng.randint(1, 3))
        link = f"http://site{i}.example/story/{number}"
        if atom:
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when))
            cat_xml = "".join(f'<category term="{escape(c)}"/>' for c in cats)
            return (
                f'<entry><title>{escape(title)}</title><link href="{link}"/><id>{link}</id>'
                f"<updated>{stamp}</updated><author><name>Reporter {number % 13}</name></author>"
                f'{cat_xml}<content type="html">{html}</content></entry>'
            )
        cat_xml = "".join(f"<category>{escape(c)}</category>" for c in cats)
        return (
            f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{formatdate(when, usegmt=True)}</pubDate>{cat_xml}"
            f"<description>{html}</description></item>"
        )

    def opml(self) -> str:
        outlines = "\n".join(
            f'<outline type="rss" text="Feed {i}" xmlUrl="http://127.0.0.1:{self.port}/feed/{i}"/>'
            for i in range(self.count)
        )
        return f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: list[tuple[str, str]]
    body: bytes = b""


REASONS = {200: "OK", 304: "Not Modified", 404: "Not Found"}


def _not_modified(headers: dict[str, str], etag: str, modified: str) -> bool:
    """Conditional GET: If-None-Match wins; If-Modified-Since only when there is none."""
    tags = headers.get("if-none-match")
    if tags is not None:
        return any(t.strip().removeprefix("W/") == etag for t in tags.split(","))
    since = headers.get("if-modified-since")
    if since:
        try:
            return parsedate_to_datetime(since) >= parsedate_to_datetime(modified)
        except (TypeError, ValueError):
            return False
    return False


def answer(farm: Farm, path: str, headers: dict[str, str]) -> Response:
    """The farm's answer to a GET (header names in lower case); latency is the caller's."""
    if path.startswith("/_control/"):
        return _control(farm, path)
    if path.startswith("/img/"):
        farm.count_request("image", len(PNG))
        return Response(200, [("Content-Type", "image/png")], PNG)
    try:
        i = int(path.rsplit("/", 1)[-1])
        assert 0 <= i < farm.count
    except (ValueError, AssertionError):
        farm.count_request(404, 0)
        return Response(404, [("Content-Type", "text/plain")], b"no such feed")
    body, zipped, etag = farm.document(i)
    modified = formatdate(farm.base_time + farm.versions[i] * 60, usegmt=True)
    validators = [("ETag", etag), ("Last-Modified", modified)]
    if _not_modified(headers, etag, modified):
        farm.count_request(304, 0)
        return Response(304, validators)
    use_gzip = "gzip" in headers.get("accept-encoding", "")
    payload = zipped if use_gzip else body
    farm.count_request(200, len(payload))
    extra = [("Content-Encoding", "gzip")] if use_gzip else []
    return Response(
        200, [("Content-Type", "application/xml; charset=utf-8"), *validators, *extra], payload
    )


def _control(farm: Farm, path: str) -> Response:
    url = urlsplit(path)
    result: object
    if url.path == "/_control/stats":
        result = farm.stats()
    elif url.path == "/_control/reset":
        farm.reset_stats()
        result = {"ok": True}
    elif url.path == "/_control/mutate":
        fraction = float(parse_qs(url.query).get("fraction", ["0.2"])[0])
        changed = farm.mutate(fraction)
        farm.warm(changed)
        result = {"changed": changed}
    else:
        return Response(404, [("Content-Type", "text/plain")], b"no such control")
    return Response(200, [("Content-Type", "application/json")], json.dumps(result).encode())


def serve(farm: Farm, *, port: int = 0, latency: float = 0.05) -> ThreadingHTTPServer:
    """Serve the farm from a background thread (a thread per connection); returns the server.

    Simple, but past a few dozen connections at once its threads queue for the GIL: the
    benchmarks use `serve_async` instead.
    """

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            if not self.path.startswith("/_control/"):
                time.sleep(latency)
            headers = {k.lower(): v for k, v in self.headers.items()}
            response = answer(farm, self.path, headers)
            self.send_response(response.status)
            for name, value in response.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(response.body)))
            self.end_headers()
            self.wfile.write(response.body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.request_queue_size = 256
    farm.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


async def serve_async(
    farm: Farm, *, port: int = 0, latency: float = 0.05, ready: Callable[[], None] | None = None
) -> None:
    """Serve the farm on an asyncio loop (HTTP/1.1 with keep-alive) until cancelled.

    One thread, no GIL queue: hundreds of connections waiting out their latency at once cost
    almost nothing, so the farm is never what limits a client's concurrency.
    """

    async def connection(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                method, path, version = [*lines[0].split(" "), "", "", ""][:3]
                headers = {}
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    if name:
                        headers[name.strip().lower()] = value.strip()
                if not path.startswith("/_control/"):
                    await asyncio.sleep(latency)
                response = answer(farm, path, headers)
                close = headers.get("connection", "").lower() == "close" or version == "HTTP/1.0"
                out = [f"HTTP/1.1 {response.status} {REASONS.get(response.status, 'OK')}"]
                out += [f"{name}: {value}" for name, value in response.headers]
                out += [f"Content-Length: {len(response.body)}"]
                out += ["Connection: close" if close else "Connection: keep-alive", "", ""]
                writer.write("\r\n".join(out).encode("latin-1"))
                if method != "HEAD":
                    writer.write(response.body)
                await writer.drain()
                if close:
                    return
        except (ConnectionError, OSError):
            return
        finally:
            writer.close()

    server = await asyncio.start_server(connection, "127.0.0.1", port, backlog=1024)
    farm.port = server.sockets[0].getsockname()[1]
    if ready is not None:
        ready()
    async with server:
        await server.serve_forever()


class FarmProcess:
    """The farm as a child process (so it never runs inside a measured process).

    Args:
        feeds: number of feeds.
        latency: seconds added to every feed request.
        opml: where the farm writes its OPML.
    """

    def __init__(self, feeds: int, *, latency: float = 0.05, opml: Path) -> None:
        self.feeds = feeds
        self.opml = opml
        command = [sys.executable, __file__, "--feeds", str(feeds), "--port", "0"]
        command += ["--latency", str(latency), "--opml", str(opml)]
        self.proc = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()  # printed once every document is rendered
        if not line.startswith("serving"):
            self.proc.kill()
            raise RuntimeError(f"the farm did not start: {line!r}")
        self.port = int(line.split("http://127.0.0.1:")[1].split("/")[0])

    def urls(self) -> list[str]:
        return [f"http://127.0.0.1:{self.port}/feed/{i}" for i in range(self.feeds)]

    def control(self, what: str) -> dict[str, object]:
        url = f"http://127.0.0.1:{self.port}/_control/{what}"
        with urllib.request.urlopen(url, timeout=120) as response:
            result: dict[str, object] = json.load(response)
            return result

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> FarmProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--port", type=int, default=8800, help="0 picks a free port")
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--opml", help="write the farm's OPML here")
    parser.add_argument(
        "--base-time",
        type=int,
        help="epoch seconds of the newest entries (default: this hour, so entries are recent)",
    )
    parser.add_argument(
        "--threaded", action="store_true", help="a thread per connection instead of asyncio"
    )
    args = parser.parse_args()
    farm = Farm(args.feeds, base_time=args.base_time or int(time.time()) // 3600 * 3600)
    farm.warm()

    def ready() -> None:
        if args.opml:
            with open(args.opml, "w", encoding="utf-8") as f:
                f.write(farm.opml())
        print(f"serving {args.feeds} feeds on http://127.0.0.1:{farm.port}/feed/N", flush=True)

    try:
        if args.threaded:
            server = serve(farm, port=args.port, latency=args.latency)
            ready()
            threading.Event().wait()
            server.shutdown()
        else:
            asyncio.run(serve_async(farm, port=args.port, latency=args.latency, ready=ready))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
