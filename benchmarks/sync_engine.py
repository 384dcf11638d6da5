"""Time and memory of the sync engine alone: 500 feeds and 20,000 articles from the in-memory
server of the tests (tests/sync/fakes.py), pages of 200, into a fresh data dir.

    .venv/bin/python benchmarks/sync_engine.py [--feeds 500] [--articles 20000]

Prints the first sync's wall time, the Python heap's peak during it (tracemalloc; the fake
server's own 20,000 articles are allocated before tracing starts) and the process's maximum
resident size, then an incremental sync with nothing new.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "sync"))

from fakes import FakeServer

from reader.core.service import Service
from reader.core.sync import engine

BODY = "<p>" + "Some words of an article body, with a <a href='https://x.example/'>link</a>. " * 12


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--trace", action="store_true", help="peak heap (tracemalloc, slower)")
    args = parser.parse_args()
    server = FakeServer(page_size=200)
    folders = [server.add_folder(f"Folder {n}") for n in range(20)]
    feeds = [
        server.add_feed(f"https://f{n}.example.com/feed", f"Feed {n}", folders[n % 20])
        for n in range(args.feeds)
    ]
    for n in range(args.articles):
        server.add_article(
            feeds[n % len(feeds)],
            f"Article {n}",
            content=BODY + "</p>",
            categories=(f"cat{n % 50}", "news"),
            unread=n % 3 != 0,
            starred=n % 100 == 0,
        )
    with tempfile.TemporaryDirectory() as tmp:
        service = Service(Path(tmp))
        import os

        os.environ["READER_SECRETS"] = "file"
        account = engine.add_account(
            service,
            "ttrss",
            "https://x.example/",
            "u",
            "secret",
            factory=lambda k, u, us, p: server.remote(us, p),
        )
        if args.trace:
            tracemalloc.start()
        start = time.perf_counter()
        report = engine.sync(service, account.id, remote=server.remote())
        first = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory() if args.trace else (0, 0)
        tracemalloc.stop()
        start = time.perf_counter()
        again = engine.sync(service, account.id, remote=server.remote())
        second = time.perf_counter() - start
        size = (
            (Path(tmp) / "reader.sqlite3").stat().st_size
            if (Path(tmp) / "reader.sqlite3").exists()
            else 0
        )
        service.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"first sync: {first:.1f} s, {report.to_dict()}")
    heap = f"python heap peak during the sync: {peak / 1e6:.1f} MB; " if args.trace else ""
    print(f"{heap}max RSS {rss:.0f} MB")
    print(
        f"second sync (nothing new): {second:.2f} s, errors {again.errors}; db {size / 1e6:.0f} MB"
    )


if __name__ == "__main__":
    main()
