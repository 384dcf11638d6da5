"""Offline reading end to end (issue 5): refresh against a local server, stop it, read from disk.

Feeds carry real PNG and JPEG images (made here), a <picture>, an image enclosure, a tracking
pixel and hostile "images" (an HTML page, an HTML error page served as image/jpeg, an SVG with
script, one larger than the cap, a redirect loop); a summary-only feed has its full pages.
After the refresh the server is stopped, and everything is read from the data dir.
"""

from __future__ import annotations

import base64
import json
import random
import re
import socket
import struct
import threading
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from reader.core import offline
from reader.core.service import Service
from reader.core.types import Query

if TYPE_CHECKING:
    from conftest import FakeClock, FeedBuilder, FeedServer

# A real 2x2 baseline JPEG (written by ImageMagick); COM segments make distinct files of it.
JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a18161618"
    "3123251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffdb00"
    "43011112121815182f1a1a2f634238426363636363636363636363636363636363636363636363636363636363"
    "636363636363636363636363636363636363ffc00011080002000203012200021101031101ffc4001500010100"
    "000000000000000000000000000005ffc40014100100000000000000000000000000000000ffc4001501010100"
    "000000000000000000000000000506ffc40014110100000000000000000000000000000000ffda000c03010002"
    "110311003f008a00b5e3ffd9"
)


def jpeg(tag: str) -> bytes:
    comment = tag.encode()
    return JPEG[:2] + b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment + JPEG[2:]


def png(width: int, height: int, seed: int) -> bytes:
    """A real RGB PNG of noise (so it does not compress: ~width*height*3 bytes)."""
    rng = random.Random(seed)
    raw = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 1))
        + chunk(b"IEND", b"")
    )


ARTICLE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
</header><div id="main"><article class="post"><h1>{title}</h1><div class="entry-content">
<figure><img src="/img/page-photo.png" alt="photo"><figcaption>The harbour</figcaption></figure>
{paragraphs}</div></article>
<div id="comments"><h3>2 comments</h3><div class="comment"><p>First! Great post.</p></div></div>
</div><aside id="sidebar"><h3>Related</h3><ul><li><a href="/a">Another story</a></li></ul></aside>
<footer><p>Copyright 2025 Harbour News. All rights reserved.</p></footer></body></html>"""


class Site:
    """The served feeds and images, with the bytes each image URL must end up as."""

    def __init__(self, server: FeedServer, rss: FeedBuilder) -> None:
        self.server = server
        u = server.url
        self.images = {
            u("/img/a.png"): png(20, 20, 1),
            u("/img/b.jpg"): jpeg("b"),
            u("/img/big.png"): png(30, 10, 2),
            u("/img/enclosure.jpg"): jpeg("enclosure"),
            u("/img/page-photo.png"): png(12, 12, 3),
            u("/img/shared.png"): png(8, 8, 4),
        }
        for url, body in self.images.items():
            kind = "image/png" if url.endswith(".png") else "image/jpeg"
            server.add(url.removeprefix(server.base), body, content_type=kind)
        server.add("/img/small.png", png(4, 4, 5), content_type="image/png")
        server.add("/img/pixel.gif", b"GIF89a\x01\x00\x01\x00", content_type="image/gif")
        error_page = "<html><body><h1>404 Not Found</h1></body></html>"
        server.add("/img/fake.jpg", error_page, content_type="image/jpeg")
        server.add("/img/page.png", error_page, content_type="text/html")
        evil = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        server.add("/img/evil.svg", evil, content_type="image/svg+xml")
        server.add("/img/sneaky.png", evil, content_type="image/png")
        self.hostile = [
            u("/img/fake.jpg"),
            u("/img/page.png"),
            u("/img/evil.svg"),
            u("/img/sneaky.png"),
            u("/hostile/huge?mb=11"),
            u("/hostile/loop"),
        ]
        item = rss.item
        pictures = (
            f'<picture><source srcset="{u("/img/small.png")} 300w, {u("/img/big.png")} 1200w" '
            'type="image/png"><img alt="picture"></picture>'
        )
        bad = "".join(f'<img src="{url.replace("&", "&amp;")}">' for url in self.hostile)
        self.images_feed = server.add(
            "/images.rss",
            rss(
                item(
                    "a1",
                    title="Harbour at dawn",
                    description=f'<p>Boats.</p><img src="{u("/img/a.png")}" alt="a">'
                    f'<img src="{u("/img/shared.png")}">',
                ),
                item(
                    "a2",
                    title="Market day",
                    description=f'<p>Stalls.</p><img src="{u("/img/b.jpg")}">',
                ),
                item("a3", title="A picture", description=f"<p>Wide.</p>{pictures}"),
                item(
                    "a4",
                    title="Podcast cover",
                    description="<p>Listen.</p>",
                    enclosure=(u("/img/enclosure.jpg"), "image/jpeg", 300),
                ),
                item(
                    "a5",
                    title="Hostile images",
                    description=f'<p>Bad.</p>{bad}<img src="{u("/img/shared.png")}">'
                    f'<img src="{u("/img/pixel.gif")}" width="1" height="1">',
                ),
                title="Images",
            ),
        )
        words = " ".join(["The harbour authority met on Tuesday to discuss the new quay."] * 6)
        paragraphs = "".join(f"<p>Paragraph {n}: {words} Zanzibarite.</p>" for n in range(6))
        server.add(
            "/pages/p1.html",
            ARTICLE_PAGE.format(title="New quay approved", paragraphs=paragraphs),
            content_type="text/html; charset=utf-8",
        )
        self.summary_feed = server.add(
            "/summary.rss",
            rss(
                item(
                    "s1",
                    title="New quay approved",
                    link=u("/pages/p1.html"),
                    description="The quay was approved.",
                ),
                item(
                    "s2",
                    title="Missing page",
                    link=u("/pages/missing.html"),
                    description="Its page is gone.",
                ),
                title="Summaries",
            ),
        )


def set_up(service: Service, server: FeedServer, rss: FeedBuilder) -> Site:
    site = Site(server, rss)
    service.subscribe(site.images_feed)
    summary = service.subscribe(site.summary_feed)
    service.set_full_text(summary, True)
    results = list(service.refresh_iter())
    assert [r.status for r in results] == ["updated", "updated"], results
    return site


def article(service: Service, title: str) -> int:
    [found] = [a.id for a in service.articles(limit=None) if a.title == title]
    return found


def test_images_and_full_text_are_read_from_disk_once_the_server_is_gone(
    service: Service, feed_server: FeedServer, rss: FeedBuilder
) -> None:
    site = set_up(service, feed_server, rss)
    assert feed_server.hits_for("/img/pixel.gif") == []  # a tracking pixel is never fetched
    assert feed_server.hits_for("/img/small.png") == []  # only the best srcset candidate
    feed_server.close()

    expected = {
        "Harbour at dawn": ["/img/a.png", "/img/shared.png"],
        "Market day": ["/img/b.jpg"],
        "A picture": ["/img/big.png"],
        "Podcast cover": ["/img/enclosure.jpg"],
        "Hostile images": ["/img/shared.png"],
        "New quay approved": ["/img/page-photo.png"],
    }
    for title, paths in expected.items():
        local = service.image_map(article(service, title))
        assert sorted(local) == sorted(feed_server.url(p) for p in paths), title
        for url, path in local.items():
            assert path.read_bytes() == site.images[url], url
            assert service.local_image(url) == path

    hostile = article(service, "Hostile images")
    errors = dict(service.image_errors(hostile))
    assert sorted(errors) == sorted(site.hostile)
    assert "SVG" in errors[feed_server.url("/img/evil.svg")]
    assert "SVG" in errors[feed_server.url("/img/sneaky.png")]
    assert "text/html" in errors[feed_server.url("/img/page.png")]
    assert "format" in errors[feed_server.url("/img/fake.jpg")]
    assert "larger than 10 MB" in errors[feed_server.url("/hostile/huge?mb=11")]
    assert "loop" in errors[feed_server.url("/hostile/loop")]
    for url in site.hostile:
        assert service.local_image(url) is None

    # Every file in the cache is a checked image, one per URL (shared.png is stored once).
    files = sorted((service.data_dir / "cache" / "images").glob("*/*"))
    assert len(files) == len(site.images)
    for file in files:
        assert offline.sniff(file.read_bytes()) in ("image/png", "image/jpeg")
        assert re.fullmatch(r"[0-9a-f]{64}\.(png|jpg)", file.name)
        assert file.parent.name == file.name[:2]

    # The full-text feed holds the page's text, without its navigation or comments.
    quay = service.article(article(service, "New quay approved"))
    assert "Zanzibarite" in quay.content_html
    assert "First! Great post" not in quay.content_html
    assert "Another story" not in quay.content_html
    assert quay.summary == "The quay was approved."
    assert service.full_text_error(quay.id) is None
    assert service.article_ids(Query(search="zanzibarite")) == [quay.id]
    missing = service.article(article(service, "Missing page"))
    assert missing.content_html == "Its page is gone."
    assert "404" in (service.full_text_error(missing.id) or "")


def test_a_favorite_keeps_its_images_through_unsubscribe_purge_and_cache_clear(
    service: Service, feed_server: FeedServer, rss: FeedBuilder, clock: FakeClock, tmp_path: Path
) -> None:
    site = set_up(service, feed_server, rss)
    feed_server.close()
    dawn = article(service, "Harbour at dawn")
    service.set_starred([dawn])
    before = service.image_map(dawn)
    assert len(before) == 2

    for feed in service.feeds():
        service.remove_feed(feed.id)
    service.set_read(service.article_ids(), True)
    clock.advance(days=400)
    service.purge()
    removed = service.clear_image_cache()
    assert removed == len(site.images) - 2

    assert service.article_ids() == [dawn]
    assert service.image_map(dawn) == before
    for url, path in before.items():
        assert path.read_bytes() == site.images[url]
    left = sorted((service.data_dir / "cache" / "images").glob("*/*"))
    assert sorted(left) == sorted(before.values())

    exported = tmp_path / "favorites.html"
    assert service.export_favorites(exported, fmt="html") == 1
    page = exported.read_text(encoding="utf-8")
    sources = re.findall(r'<img\b[^>]*\ssrc="([^"]*)"', page)
    assert len(sources) == 2
    assert all(s.startswith("data:image/png;base64,") for s in sources)
    assert not re.search(r'src="https?:', page)
    assert {base64.b64decode(s.split(",", 1)[1]) for s in sources} == {
        site.images[feed_server.url("/img/a.png")],
        site.images[feed_server.url("/img/shared.png")],
    }

    as_json = tmp_path / "favorites.json"
    service.export_favorites(as_json, fmt="json")
    [record] = json.loads(as_json.read_text(encoding="utf-8"))["favorites"]
    assert {i["url"]: base64.b64decode(i["data"]) for i in record["images"]} == {
        url: site.images[url] for url in before
    }


def test_eviction_keeps_the_budget_and_spares_favorites_and_recent_images(
    service: Service, feed_server: FeedServer, rss: FeedBuilder, clock: FakeClock
) -> None:
    big = {n: png(100, 100, 10 + n) for n in range(4)}  # ~30 KB each
    items = []
    for n, body in big.items():
        feed_server.add(f"/big/{n}.png", body, content_type="image/png")
        src = feed_server.url(f"/big/{n}.png")
        items.append(rss.item(f"g{n}", title=f"Photo {n}", description=f'<img src="{src}">'))
    service.subscribe(feed_server.add("/photos.rss", rss(*items)))
    list(service.refresh_iter())
    ids = {n: article(service, f"Photo {n}") for n in big}
    assert all(service.image_map(i) for i in ids.values())
    size = max(len(b) for b in big.values())

    service.set_starred([ids[0]])  # pinned
    clock.advance(60)
    service.image_map(ids[3])  # just read: the most recently used
    service.set_setting("image_cache_mb", str(2.5 * size / 1048576))  # room for two images
    service.download_images()  # nothing to fetch; fits the cache in its budget

    assert service.image_cache_bytes() <= service.image_budget()
    assert set(service.image_map(ids[0])) and set(service.image_map(ids[3]))
    assert service.image_map(ids[1]) == {} and service.image_map(ids[2]) == {}
    assert len(list((service.data_dir / "cache" / "images").glob("*/*"))) == 2

    service.set_setting("image_cache_mb", "0")
    service.download_images()
    assert service.image_map(ids[0])  # a favorite's image is never evicted
    assert service.image_map(ids[3]) == {}

    # Starring an article whose image was evicted brings it back (while online).
    service.set_starred([ids[1]])
    assert service.download_images([ids[1]]) == 1
    assert service.image_map(ids[1])[feed_server.url("/big/1.png")].read_bytes() == big[1]


def test_cancel_stops_image_downloads_and_no_images_leaves_them_queued(
    service: Service, feed_server: FeedServer, rss: FeedBuilder
) -> None:
    src = feed_server.add("/img/x.png", png(5, 5, 9), content_type="image/png")
    service.subscribe(
        feed_server.add("/x.rss", rss(rss.item("x", description=f'<img src="{src}">')))
    )
    list(service.refresh_iter(images=False))
    [only] = service.article_ids()
    assert service.image_map(only) == {}
    assert feed_server.hits_for("/img/x.png") == []
    cancel = threading.Event()
    cancel.set()
    assert service.download_images(cancel=cancel) == 0
    assert service.download_images() == 1
    assert service.image_map(only)[src].read_bytes() == png(5, 5, 9)


def test_images_of_a_dead_host_wait_for_the_next_refresh_without_holding_up_the_others(
    service: Service, feed_server: FeedServer, rss: FeedBuilder
) -> None:
    with socket.socket() as closed:  # a port nothing listens on: connections are refused
        closed.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{closed.getsockname()[1]}"
    live = feed_server.add("/img/live.png", png(4, 4, 1), content_type="image/png")
    items = [rss.item(f"d{i}", description=f'<img src="{dead}/img/{i}.png">') for i in range(30)]
    items.append(rss.item("live", title="Harbour live", description=f'<img src="{live}">'))
    service.subscribe(feed_server.add("/mixed.rss", rss(*items)))
    list(service.refresh_iter())
    [live_article] = service.article_ids(Query(search="Harbour"))
    assert service.image_map(live_article)[live].read_bytes() == png(4, 4, 1)
    conn = service.conn
    attempted = conn.execute(
        "SELECT COUNT(*) FROM images WHERE url LIKE ? AND attempts > 0", (dead + "%",)
    ).fetchone()[0]
    waiting = conn.execute(
        "SELECT COUNT(*) FROM images WHERE url LIKE ? AND attempts = 0 AND path IS NULL",
        (dead + "%",),
    ).fetchone()[0]
    # At most the first few (in flight when the host was given up), never all 30.
    assert offline.HOST_DOWN_AFTER <= attempted <= offline.HOST_DOWN_AFTER + offline.PER_HOST
    assert waiting == 30 - attempted  # queued as before, tried again at the next refresh


def test_cli_refresh_show_images_and_export(
    feed_server: FeedServer, rss: FeedBuilder, run_cli, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    site = Site(feed_server, rss)
    assert run_cli(data, "add", site.images_feed).code == 0
    added = run_cli(data, "add", site.summary_feed, "--full-text", "--json").json()
    assert run_cli(data, "feed-option", str(added["id"]), "--full-text", "on").code == 0
    rows = run_cli(data, "refresh", "--json").json()
    assert {r["status"] for r in rows} == {"not_modified"}
    feed_server.close()

    listed = run_cli(data, "articles", "--json", "--limit", "0").json()
    by_title = {a["title"]: a["id"] for a in listed}
    shown = run_cli(data, "show", str(by_title["Market day"]), "--json").json()
    assert {"content_html", "summary", "enclosures", "direction", "source"} <= set(shown)
    [image] = shown["images"]
    assert image["url"] == feed_server.url("/img/b.jpg")
    assert Path(image["path"]).read_bytes() == site.images[image["url"]]
    quay = run_cli(data, "show", str(by_title["New quay approved"]), "--json").json()
    assert "Zanzibarite" in quay["content_html"]

    assert run_cli(data, "star", str(by_title["Market day"])).code == 0
    out = tmp_path / "fav.html"
    assert run_cli(data, "favorites", "export", str(out)).code == 0
    page = out.read_text(encoding="utf-8")
    assert "data:image/jpeg;base64," in page
    assert not re.search(r'src="https?:', page)
    cleared = run_cli(data, "clear-cache")
    assert cleared.code == 0, cleared.stderr
    assert Path(image["path"]).read_bytes() == site.images[image["url"]]


@pytest.mark.parametrize("bad", ["not-a-number", ""])
def test_a_bad_budget_setting_falls_back_to_the_default(service: Service, bad: str) -> None:
    service.set_setting("image_cache_mb", bad)
    assert service.image_budget() == offline.DEFAULT_BUDGET_MB * 1024 * 1024


def test_images_never_hold_up_feed_results_and_cancel_stops_them(
    service: Service, feed_server: FeedServer, rss: FeedBuilder
) -> None:
    slow = feed_server.url("/hostile/slow?seconds=5")  # an "image" that takes 5 s to arrive
    for n in range(3):
        body = rss(rss.item(f"s{n}", title=f"Slow {n}", description=f'<img src="{slow}">'))
        service.subscribe(feed_server.add(f"/slow{n}.rss", body))
    cancel = threading.Event()
    started = time.monotonic()
    results = []
    for result in service.refresh_iter(cancel=cancel):
        results.append(result)
        if len(results) == 3:
            progress_done = time.monotonic() - started
            threading.Timer(0.3, cancel.set).start()
    ended = time.monotonic() - started
    assert [r.status for r in results] == ["updated"] * 3
    assert progress_done < 2.0  # every feed was reported before any image arrived
    assert ended < 3.0  # cancel stopped the image downloads
    [only] = {service.image_map(i).get(slow) for i in service.article_ids()}
    assert only is None
