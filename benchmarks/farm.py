"""A local feed farm for benchmarks: N synthetic news feeds on 127.0.0.1.

RSS 2.0 and Atom mixed, 20-100 entries each, 1-5 KB of HTML per entry with links, images and
categories from a news vocabulary (about 20% Arabic), strong ETags and Last-Modified with 304s,
gzip, and an added latency per request to imitate the internet. `mutate()` changes some feeds.

    python benchmarks/farm.py --feeds 500 --port 8800 --opml /tmp/farm.opml
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import random
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

CATEGORIES = [
    "Syria", "Lebanon", "Economy", "Politics", "Sport", "Science", "Health", "Technology",
    "Climate", "Europe", "Asia", "Africa", "Middle East", "Culture", "Business", "Elections",
    "سوريا", "لبنان", "اقتصاد", "سياسة", "رياضة", "العراق", "فلسطين", "مصر",
]
WORDS = (
    "government minister talks ceasefire report market growth inflation election council "
    "court ruling protest climate summit energy prices refugees border trade deal health "
    "vaccine study research team league match final season record storm flood aid"
).split()
ARABIC = "الحكومة وزير محادثات وقف إطلاق النار تقرير السوق النمو التضخم الانتخابات مجلس".split()


class Farm:
    def __init__(self, feeds: int, *, seed: int = 1, base_time: int = 1_760_000_000) -> None:
        self.count = feeds
        self.seed = seed
        self.base_time = base_time
        self.versions = [0] * feeds
        self.port = 0
        self._cache: dict[tuple[int, int], tuple[bytes, bytes, str]] = {}
        self._lock = threading.Lock()

    def mutate(self, fraction: float = 0.2) -> list[int]:
        rng = random.Random(self.seed + sum(self.versions) + 7)
        changed = rng.sample(range(self.count), int(self.count * fraction))
        for i in changed:
            self.versions[i] += 1
        return changed

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
            items.append(self._item(i, number, rng, arabic, atom))
        title = f"Feed {i} {'أخبار' if arabic else 'News'}"
        site = f"http://site{i}.example/"
        if atom:
            return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
                    f"<title>{title}</title><link href=\"{site}\"/><id>{site}</id>"
                    f"<updated>2026-01-01T00:00:00Z</updated>{''.join(items)}</feed>")
        return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
                f"<title>{title}</title><link>{site}</link><description>d</description>"
                f"{''.join(items)}</channel></rss>")

    def _item(self, i: int, number: int, rng: random.Random, arabic: bool, atom: bool) -> str:
        vocab = ARABIC if arabic else WORDS
        words = [rng.choice(vocab) for _ in range(rng.randint(150, 800))]
        paragraphs = []
        for p in range(0, len(words), 60):
            text = " ".join(words[p : p + 60])
            paragraphs.append(f'<p>{text} <a href="/story/{i}/{number}/{p}">more</a></p>')
        paragraphs.insert(1, f'<p><img src="http://img{i % 7}.example/{i}/{number}.jpg" '
                             'width="600" height="400" alt="photo"></p>')
        html = escape("".join(paragraphs))
        title = " ".join(rng.choice(vocab) for _ in range(rng.randint(5, 10)))
        when = self.base_time - (1000 - number) * 3600 - i * 7
        cats = rng.sample(CATEGORIES, rng.randint(1, 3))
        link = f"http://site{i}.example/story/{number}"
        if atom:
            stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(when))
            cat_xml = "".join(f'<category term="{escape(c)}"/>' for c in cats)
            return (f"<entry><title>{escape(title)}</title><link href=\"{link}\"/><id>{link}</id>"
                    f"<updated>{stamp}</updated><author><name>Reporter {number % 13}</name></author>"
                    f'{cat_xml}<content type="html">{html}</content></entry>')
        cat_xml = "".join(f"<category>{escape(c)}</category>" for c in cats)
        return (f"<item><title>{escape(title)}</title><link>{link}</link><guid>{link}</guid>"
                f"<pubDate>{formatdate(when, usegmt=True)}</pubDate>{cat_xml}"
                f"<description>{html}</description></item>")

    def opml(self) -> str:
        outlines = "\n".join(
            f'<outline type="rss" text="Feed {i}" xmlUrl="http://127.0.0.1:{self.port}/feed/{i}"/>'
            for i in range(self.count)
        )
        return f'<?xml version="1.0"?><opml version="2.0"><body>{outlines}</body></opml>'


def serve(farm: Farm, *, port: int = 0, latency: float = 0.05) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            time.sleep(latency)
            try:
                i = int(self.path.rsplit("/", 1)[-1])
                assert 0 <= i < farm.count
            except (ValueError, AssertionError):
                self.send_error(404)
                return
            body, zipped, etag = farm.document(i)
            modified = formatdate(farm.base_time + farm.versions[i] * 60, usegmt=True)
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            use_gzip = "gzip" in (self.headers.get("Accept-Encoding") or "")
            payload = zipped if use_gzip else body
            self.send_response(200)
            self.send_header("Content-Type", "application/xml; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            if use_gzip:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.request_queue_size = 256
    farm.port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--port", type=int, default=8800)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--opml", help="write the farm's OPML here")
    args = parser.parse_args()
    farm = Farm(args.feeds)
    server = serve(farm, port=args.port, latency=args.latency)
    if args.opml:
        with open(args.opml, "w", encoding="utf-8") as f:
            f.write(farm.opml())
    print(f"serving {args.feeds} feeds on http://127.0.0.1:{farm.port}/feed/N", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
