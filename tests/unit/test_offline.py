"""The pure parts of offline reading: which images an article shows, image sniffing, srcset
choice, inlining for exports, the per-host bounded runner, and full-text extraction."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from reader.core import fulltext, offline
from reader.core.errors import FetchError, UnreachableError
from reader.core.sanitize import clean_html

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


@pytest.mark.parametrize(
    ("data", "mime"),
    [
        (PNG, "image/png"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        (b"GIF89a" + b"\x00" * 20, "image/gif"),
        (b"GIF87a" + b"\x00" * 20, "image/gif"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 20, "image/webp"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1" + b"\x00" * 20, "image/avif"),
        (b"\x00\x00\x00\x20ftypmif1\x00\x00\x00\x00mif1avifmiaf" + b"\x00" * 20, "image/avif"),
        (b"BM" + b"\x00" * 40, "image/bmp"),
        (b"\x00\x00\x01\x00\x01\x00" + b"\x00" * 20, "image/x-icon"),
        (b"<!DOCTYPE html><html><body>404</body></html>", None),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', None),
        (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", None),  # a video, not an image
        (b"", None),
    ],
)
def test_sniff_knows_kept_formats_by_their_first_bytes(data: bytes, mime: str | None) -> None:
    assert offline.sniff(data) == mime


def test_image_urls_finds_img_picture_and_enclosure_images() -> None:
    html = clean_html(
        '<p><img src="/a.png" alt="a"><img src="https://cdn.site.org/b.jpg?x=1&amp;y=2">'
        '<img src="data:image/png;base64,AAAA"><img src="javascript:alert(1)">'
        '<picture><source srcset="https://cdn.site.org/s.webp 400w, '
        'https://cdn.site.org/l.webp 1600w" type="image/webp"><img alt="no src"></picture>'
        '<picture><source srcset="https://cdn.site.org/ignored.webp 800w">'
        '<img src="https://cdn.site.org/fallback.jpg"></picture>'
        '<img src="/a.png"><img src="https://t.site.org/p.gif" width="1" height="1"></p>',
        "https://www.site.org/post/1",
    )
    enclosures = (
        '[{"url": "https://cdn.site.org/cover.jpg", "type": "image/jpeg", "length": 1},'
        ' {"url": "https://cdn.site.org/ep.mp3", "type": "audio/mpeg", "length": 1},'
        ' {"url": "https://cdn.site.org/logo.svg", "type": "image/svg+xml", "length": 1}]'
    )
    assert offline.image_urls(html, enclosures, "https://www.site.org/post/1") == [
        "https://www.site.org/a.png",
        "https://cdn.site.org/b.jpg?x=1&y=2",
        "https://cdn.site.org/l.webp",
        "https://cdn.site.org/fallback.jpg",
        "https://cdn.site.org/cover.jpg",
    ]


def test_reserved_example_names_are_never_fetched() -> None:
    html = '<img src="https://news.example/a.png"><img src="http://example.com/b.png">'
    html += '<img src="https://x.test/c.png"><img src="https://example.org.site.org/d.png">'
    html += '<img src="http://example.com:8080/e.png">'
    assert offline.image_urls(html) == ["https://example.org.site.org/d.png"]


def test_relative_sources_resolve_against_the_article_link() -> None:
    sources = offline.image_sources('<img src="pics/one.jpg">', "https://blog.example/2025/post")
    assert sources == [("pics/one.jpg", "https://blog.example/2025/pics/one.jpg")]
    assert offline.image_sources('<img src="pics/one.jpg">', None) == []


def test_an_article_links_at_most_fifty_images() -> None:
    html = "".join(f'<img src="https://cdn.site.org/{n}.png">' for n in range(80))
    assert len(offline.image_urls(html)) == offline.MAX_IMAGES_PER_ARTICLE


@pytest.mark.parametrize(
    ("srcset", "best"),
    [
        ("a.jpg 300w, b.jpg 1200w, c.jpg 4000w", "b.jpg"),
        ("a.jpg 1x, b.jpg 2x, c.jpg 3x", "b.jpg"),
        ("only.jpg", "only.jpg"),
        ("huge.jpg 5000w, larger.jpg 9000w", "huge.jpg"),
        ("https://x.example/a,b.jpg 100w, https://x.example/c.jpg 200w", "https://x.example/c.jpg"),
        ("", None),
    ],
)
def test_best_srcset_candidate(srcset: str, best: str | None) -> None:
    assert offline.best_candidate(srcset) == best


def test_embed_images_inlines_stored_images_and_drops_the_others(tmp_path: Path) -> None:
    stored = tmp_path / "a.png"
    stored.write_bytes(PNG)
    html = (
        '<p><img src="https://x.example/a.png?s=1&amp;t=2" alt="a"></p>'
        '<img src="https://x.example/gone.jpg" alt="a lost photo">'
        '<img src="https://x.example/none.jpg">'
        '<picture><source srcset="https://x.example/s.webp 1x"><img alt="p"></picture>'
    )
    out = offline.embed_images(html, {"https://x.example/a.png?s=1&t=2": stored})
    assert 'src="data:image/png;base64,iVBORw0KGgo' in out
    assert "https://" not in out
    assert "[a lost photo]" in out


def test_bounded_map_keeps_to_the_per_host_limit() -> None:
    running: dict[str, int] = {}
    peak: dict[str, int] = {}
    lock = threading.Lock()

    def work(item: tuple[str, int]) -> int:
        host, n = item
        with lock:
            running[host] = running.get(host, 0) + 1
            peak[host] = max(peak.get(host, 0), running[host])
        time.sleep(0.02)
        with lock:
            running[host] -= 1
        if n == 3:
            raise ValueError("boom")
        return n

    items = [(host, n) for host in ("a", "b", "c") for n in range(10)]
    results = dict(offline.bounded_map(items, work, key=lambda i: i[0], workers=8, per_host=2))
    assert len(results) == 30
    assert all(isinstance(results[(h, 3)], ValueError) for h in "abc")
    assert results[("a", 5)] == 5
    assert max(peak.values()) == 2


def test_bounded_map_stops_when_cancelled() -> None:
    cancel = threading.Event()
    done = []
    for item, _ in offline.bounded_map(
        range(100), lambda n: n, key=lambda n: str(n % 3), workers=2, cancel=cancel
    ):
        done.append(item)
        cancel.set()
    assert len(done) == 1


def test_bounded_map_gives_up_on_a_host_that_cannot_be_reached() -> None:
    """Three unreachable answers in a row from one host: its other items are not tried (a dead
    image server would cost a connect timeout each); other hosts go on; a success in between
    resets the count."""
    tried: list[tuple[str, int]] = []

    def work(item: tuple[str, int]) -> int:
        tried.append(item)
        host, n = item
        if host == "dead" or (host == "flaky" and n % 2 == 0):
            raise UnreachableError("The server refused the connection.")
        return n

    items = [(host, n) for host in ("dead", "live", "flaky") for n in range(20)]
    results = dict(offline.bounded_map(items, work, key=lambda i: i[0], workers=3, per_host=1))
    dead = [item for item in tried if item[0] == "dead"]
    assert len(dead) == offline.HOST_DOWN_AFTER  # the rest were never tried
    assert all(("dead", n) not in results for n in range(offline.HOST_DOWN_AFTER, 20))
    assert all(results[("live", n)] == n for n in range(20))
    assert len([item for item in tried if item[0] == "flaky"]) == 20


def test_bounded_map_counts_only_unreachable_answers() -> None:
    """A host that answers with errors (404, not an image) is reachable: all its items run."""
    items = [("a", n) for n in range(10)]

    def missing(item: tuple[str, int]) -> int:
        raise FetchError("The image was not found on the server (HTTP 404).")

    results = dict(offline.bounded_map(items, missing, key=lambda i: i[0], per_host=1))
    assert len(results) == 10


ARTICLE = """<!DOCTYPE html><html><head><title>Budget vote | Town News</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div id="main"><article class="post"><h1 class="entry-title">Budget vote</h1>
<div class="entry-content"><figure><img src="/img/council.jpg" alt="Council">
<figcaption>The council</figcaption></figure>{body}</div></article>
<div id="comments"><h3>12 comments</h3><div class="comment"><p>Great article, thanks!</p></div>
</div></div><aside id="sidebar"><h3>Related</h3><ul><li><a href="/a">Other story</a></li></ul>
</aside><footer><p>Copyright 2025 Town News. All rights reserved.</p></footer></body></html>"""


def test_full_text_extraction_keeps_the_story_and_its_images_only() -> None:
    body = "".join(
        f"<p>Paragraph {n}: the council met on Tuesday and voted on the budget, which funds "
        "schools, roads and the new library downtown.</p>"
        for n in range(8)
    )
    extracted = fulltext.extract(ARTICLE.format(body=body), "https://town.example/budget")
    assert extracted is not None
    cleaned = clean_html(extracted, "https://town.example/2025/budget")
    assert all(f"Paragraph {n}:" in cleaned for n in range(8))
    assert 'src="https://town.example/img/council.jpg"' in cleaned
    for boilerplate in ("Great article", "Other story", "Copyright", "Sport"):
        assert boilerplate not in cleaned
    assert "<script" not in cleaned and "<html" not in cleaned


def test_full_text_extraction_of_an_empty_page_is_none() -> None:
    assert fulltext.extract("<html><body></body></html>") is None
