"""Refresh time with image download on vs off, and disk used per 1,000 articles with images.

    .venv/bin/python benchmarks/offline_images.py [--articles 1000] [--feeds 20] [--kb 80]

Serves FEEDS RSS feeds holding ARTICLES articles in all from a local server, each article with
one image (a PNG of noise, so it does not compress, of about KB kilobytes, sizes spread 0.25x to
1.75x) and a <picture> in every fifth one; then refreshes a fresh data dir twice: images off
(`refresh_iter(images=False)`), then images on. Prints the times (to the last feed result and
to the end of the refresh), the cache size and the database size.
"""

from __future__ import annotations

import argparse
import random
import shutil
import struct
import sys
import tempfile
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from reader.core.service import Service


def png(target_bytes: int, seed: int) -> bytes:
    side = max(4, int((target_bytes / 3) ** 0.5))
    rng = random.Random(seed)
    raw = b"".join(b"\x00" + rng.randbytes(side * 3) for _ in range(side))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 1))
        + chunk(b"IEND", b"")
    )


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    routes: ClassVar[dict[str, tuple[bytes, str]]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        found = self.routes.get(self.path)
        body, kind = found if found else (b"not found", "text/plain")
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def build(base: str, articles: int, feeds: int, kb: int) -> list[str]:
    rng = random.Random(1)
    urls = []
    per_feed = max(1, articles // feeds)
    n = 0
    for f in range(feeds):
        items = []
        for _ in range(per_feed):
            size = int(kb * 1024 * rng.uniform(0.25, 1.75))
            path = f"/img/{n}.png"
            Handler.routes[path] = (png(size, n), "image/png")
            body = f'<p>Story {n}.</p><img src="{base}{path}" alt="photo {n}">'
            if n % 5 == 0:
                Handler.routes[f"/img/{n}-w.png"] = (png(size // 2, n + 10**6), "image/png")
                body += (
                    f'<picture><source srcset="{base}/img/{n}-w.png 800w" type="image/png">'
                    "<img alt=''></picture>"
                )
            body = body.replace("&", "&amp;").replace("<", "&lt;")
            items.append(
                f"<item><guid>g{n}</guid><title>Story {n}</title>"
                f"<description>{body}</description></item>"
            )
            n += 1
        feed = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed '
            f"{f}</title><link>{base}/</link>{''.join(items)}</channel></rss>"
        ).encode()
        Handler.routes[f"/feed/{f}.xml"] = (feed, "application/rss+xml")
        urls.append(f"{base}/feed/{f}.xml")
    return urls


def run(urls: list[str], images: bool) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    try:
        service = Service(folder / "data")
        for url in urls:
            service.subscribe(url)
        started = time.perf_counter()
        last_result = 0.0
        for _ in service.refresh_iter(images=images):
            last_result = time.perf_counter() - started
        total = time.perf_counter() - started
        cache = sum(p.stat().st_size for p in (folder / "data" / "cache").rglob("*") if p.is_file())
        service.close()
        db = sum(p.stat().st_size for p in (folder / "data").glob("reader.sqlite3*"))
        files = len(list((folder / "data" / "cache").rglob("*.png")))
        return {
            "last_result": last_result,
            "total": total,
            "cache": cache,
            "db": db,
            "files": files,
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--kb", type=int, default=80)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    urls = build(f"http://127.0.0.1:{server.server_address[1]}", args.articles, args.feeds, args.kb)
    off = run(urls, images=False)
    on = run(urls, images=True)
    server.shutdown()
    mb = 1024 * 1024
    print(f"{args.articles} articles in {args.feeds} feeds, images ~{args.kb} KB")
    for name, r in (("images off", off), ("images on", on)):
        print(
            f"{name:10}: last feed result {r['last_result']:.2f} s, "
            f"refresh done {r['total']:.2f} s, "
            f"{r['files']} files, cache {r['cache'] / mb:.1f} MB, database {r['db'] / mb:.1f} MB"
        )
    per_1000 = (on["cache"] + on["db"] - off["db"]) / mb * 1000 / args.articles
    print(f"disk for images per 1,000 articles: {per_1000:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
