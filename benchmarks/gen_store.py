"""Create a Reader data dir holding a large store, for the window scenarios.

    .venv/bin/python benchmarks/gen_store.py DIR [--articles 100000] [--feeds 500]
        [--categories 2000] [--starred 0.01] [--read 0.6]
    .venv/bin/python benchmarks/gen_store.py --balance DIR    # only the step below

Writes through Reader's own storage code (the schema, `apply_plan` with its categories and
full-text index, `Service.set_starred` with its frozen favorites), in large transactions, so
the store is what real refreshes would have produced: 1-5 KB of HTML per article with links and
an image, about 20% Arabic, 1-4 categories each (a few very common, most rare), dates over the
last 80 days (so retention purges nothing), the older 60% read, 1% starred. Then the search
indexes are balanced as the window does in the background (`balance`): a store the window has
opened once is in that state.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

from reader.core.decide import Plan
from reader.core.parse import ParsedEntry
from reader.core.service import Service
from reader.core.storage import articles as article_store
from reader.core.storage import feeds as feed_store

WORDS = (
    "government minister talks ceasefire report market growth inflation election council court "
    "ruling protest climate summit energy prices refugees border trade deal health vaccine study "
    "research team league match final season record storm flood aid city police budget schools "
    "water drought harvest museum festival film music parliament reform bank currency exports"
).split()
ARABIC = (
    "الحكومة وزير محادثات وقف إطلاق النار تقرير السوق النمو التضخم الانتخابات مجلس المحكمة "
    "احتجاج المناخ قمة الطاقة الأسعار اللاجئين الحدود التجارة الصحة اللقاح دراسة فريق الدوري"
).split()
PLACES = (
    "Syria,Damascus,Aleppo,Homs,Idlib,Lebanon,Beirut,Iraq,Baghdad,Jordan,Amman,Egypt,Cairo,"
    "Turkey,Istanbul,Iran,Tehran,Gaza,Yemen,Libya,Tunisia,Morocco,Algeria,Sudan,Qatar,Europe,"
    "France,Germany,Italy,Spain,Greece,Ukraine,Russia,China,India,Japan,Brazil,Canada,Mexico,"
    "Kenya,Nigeria,Ethiopia,Australia,London,Paris,Berlin,Washington,New York,Geneva,Brussels,"
    "سوريا,دمشق,حلب,حمص,إدلب,لبنان,بيروت,العراق,بغداد,الأردن,مصر,القاهرة,فلسطين,غزة,اليمن"
).split(",")
TOPICS = (
    "Politics,Economy,Business,Markets,Sport,Football,Science,Health,Technology,Climate,"
    "Culture,Elections,Refugees,Energy,Education,Justice,Security,Diplomacy,Trade,Agriculture,"
    "Transport,Housing,Media,Religion,Opinion,Analysis,Interview,Weather,Travel,Food,Music,Film,"
    "Books,Art,Women,Youth,Labour,Migration,Human rights,Reconstruction,Earthquake,Aid,"
    "سياسة,اقتصاد,رياضة,ثقافة,صحة,تعليم,طاقة,لاجئون,انتخابات,مناخ"
).split(",")
DAY = 86_400


def category_names(count: int, rng: random.Random) -> list[str]:
    """`count` distinct names: places and topics alone, then "Topic Place" pairs."""
    names = list(dict.fromkeys(PLACES + TOPICS))
    pairs = [f"{t} {p}" for t in TOPICS for p in PLACES]
    rng.shuffle(pairs)
    names += pairs
    if len(names) < count:
        names += [f"Tag {i}" for i in range(count - len(names))]
    return names[:count]


def paragraph_pool(rng: random.Random, size: int = 3000) -> list[tuple[str, str, bool]]:
    """(html, text, arabic) paragraphs of 30-90 words; articles are assembled from these."""
    pool = []
    for n in range(size):
        arabic = n % 5 == 0
        vocab = ARABIC if arabic else WORDS
        text = " ".join(rng.choice(vocab) for _ in range(rng.randint(30, 90)))
        html = f'<p>{text} <a href="https://news.example/story/{n}">more</a></p>'
        pool.append((html, text, arabic))
    return pool


def articles_per_feed(total: int, feeds: int, rng: random.Random) -> list[int]:
    """Split `total` over the feeds unevenly (busy news sites and quiet blogs)."""
    weights = [min(rng.paretovariate(1.5), 30.0) for _ in range(feeds)]
    scale = total / sum(weights)
    counts = [max(1, int(w * scale)) for w in weights]
    counts[counts.index(max(counts))] += total - sum(counts)
    return counts


def generate(
    data_dir: Path,
    *,
    articles: int = 100_000,
    feeds: int = 500,
    categories: int = 2000,
    starred: float = 0.01,
    read: float = 0.6,
    seed: int = 1,
) -> dict[str, int]:
    rng = random.Random(seed)
    now = int(time.time())
    service = Service(data_dir)
    conn = service.conn
    if conn.execute("SELECT COUNT(*) FROM feeds").fetchone()[0]:
        raise SystemExit(f"{data_dir} already holds feeds; give an empty folder.")
    names = category_names(categories, rng)
    weights = [1 / (rank + 1) for rank in range(len(names))]  # Zipf: a few very common
    pool = paragraph_pool(rng)
    english = [p for p in pool if not p[2]]
    arabic = [p for p in pool if p[2]]
    folders = ["News", "World", "Business", "Sport", "Science", "Arabic", "Blogs", None]

    conn.execute("BEGIN IMMEDIATE")
    feed_ids = []
    for f in range(feeds):
        feed_ids.append(
            feed_store.insert_feed(
                conn,
                f"https://site{f}.example/feed.xml",
                title=f"Site {f} {'أخبار' if f % 5 == 0 else 'News'}",
                folder=folders[f % len(folders)],
                now=now - 90 * DAY,
            )
        )
    conn.execute("COMMIT")

    made = 0
    conn.execute("BEGIN IMMEDIATE")
    for n, (feed_id, count) in enumerate(
        zip(feed_ids, articles_per_feed(articles, feeds, rng), strict=True)
    ):
        is_arabic = n % 5 == 0
        source = arabic if is_arabic else english
        entries = []
        for k in range(count):
            paragraphs = rng.sample(source, rng.randint(3, 8))
            image = f'<p><img src="https://img.example/{n}/{k}.jpg" width="600" alt="photo"></p>'
            html = paragraphs[0][0] + image + "".join(p[0] for p in paragraphs[1:])
            text = " ".join(p[1] for p in paragraphs)
            title = " ".join(text.split()[rng.randint(0, 20) :][: rng.randint(5, 11)])
            when = now - rng.randint(0, 80 * DAY)
            link = f"https://site{n}.example/story/{k}"
            if made < len(names):  # every category is used at least once
                cats = {names[made]}
            else:
                cats = set(rng.choices(names, weights, k=rng.randint(1, 4)))
            entries.append(
                ParsedEntry(
                    key=link,
                    guid=link,
                    link=link,
                    title=title,
                    author=f"Reporter {k % 17}",
                    published=when,
                    updated=when,
                    content_html=html,
                    summary=text[:500],
                    text_start=text[:501],
                    categories=tuple(sorted(cats)),
                    enclosures=(),
                    comments=None,
                    direction="rtl" if is_arabic else "ltr",
                    hash=hashlib.sha1(link.encode()).hexdigest(),
                )
            )
            made += 1
        entries.sort(key=lambda e: e.published or 0, reverse=True)  # a feed lists newest first
        article_store.apply_plan(conn, feed_id, Plan(inserts=entries), now)
        if n % 50 == 49:
            conn.execute("COMMIT")
            conn.execute("BEGIN IMMEDIATE")
    conn.execute("COMMIT")

    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY sort_time, id")]
    service.set_read(ids[: int(len(ids) * read)])
    service.set_starred(rng.sample(ids, int(len(ids) * starred)))
    counts = service.counts()
    counts["categories"] = conn.execute("SELECT COUNT(*) FROM categories").fetchone()[0]
    counts["feeds"] = len(feed_ids)
    service.close()
    balance(data_dir)
    return counts


def balance(data_dir: Path) -> int:
    """The window's upkeep of the two search indexes (storage/search.py), run to its end, in
    large steps; nothing to do (one check) when it is done. Returns the steps taken."""
    service = Service(data_dir)
    try:
        steps = 1
        while service.update_search(step=5000):
            steps += 1
        return steps
    finally:
        service.close()


def main() -> int:
    if sys.argv[1:2] == ["--balance"] and len(sys.argv) == 3:
        start = time.perf_counter()
        steps = balance(Path(sys.argv[2]))
        print(
            f"{sys.argv[2]}: search indexes balanced, {steps} step(s), "
            f"{time.perf_counter() - start:.1f} s"
        )
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--categories", type=int, default=2000)
    parser.add_argument("--starred", type=float, default=0.01, help="share starred")
    parser.add_argument("--read", type=float, default=0.6, help="share read (the oldest)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    start = time.perf_counter()
    counts = generate(
        args.data_dir,
        articles=args.articles,
        feeds=args.feeds,
        categories=args.categories,
        starred=args.starred,
        read=args.read,
        seed=args.seed,
    )
    size = sum(p.stat().st_size for p in args.data_dir.iterdir() if p.is_file()) / 2**20
    print(
        f"{args.data_dir}: {counts['all']} articles ({counts['unread']} unread, "
        f"{counts['starred']} starred) in {counts['feeds']} feeds, {counts['categories']} "
        f"categories, {size:.0f} MB, {time.perf_counter() - start:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
