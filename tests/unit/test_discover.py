"""Autodiscovery: feed sniffing, <link>/<a> discovery and common-path guesses (no network)."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from reader.core import discover
from reader.core.discover import (
    COMMON_PATHS,
    Candidate,
    common_path_candidates,
    find_feed_links,
    looks_like_feed,
    sniff_feed_kind,
)

REPO = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("READER_CORPUS", REPO.parent / "shared" / "corpus"))


def corpus_file(relative: str) -> Path:
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"corpus file {relative} not found: set READER_CORPUS to the corpus directory")
    return path


def page(head: str = "", body: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def urls(candidates: list[Candidate]) -> list[str]:
    return [c.url for c in candidates]


# --- looks_like_feed -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        (b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>', "rss"),
        (b"\xef\xbb\xbf  \n<rss>", "rss"),
        (b'<?xml version="1.0"?>\n<!-- generator -->\n<?xml-stylesheet href="s.xsl"?><rss>', "rss"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom">', "atom"),
        (b'<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">', "atom"),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', "rss"),
        (b"<RDF>", "rss"),
        (
            b'<!DOCTYPE rss PUBLIC "-//Netscape//DTD RSS 0.91//EN" "x.dtd">\n<rss version="0.91">',
            "rss",
        ),
        (b'<!DOCTYPE rss [ <!ENTITY nbsp "&#160;"> ]>\n<rss>', "rss"),
        (b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "x">\n<rss>', "rss"),
        ('<?xml version="1.0" encoding="utf-16"?><feed>'.encode("utf-16"), "atom"),
        ("<rss>".encode("utf-16-le"), None),  # no BOM and no "<?": not guessed
        ('<?xml version="1.0"?><feed>'.encode("utf-16-be"), "atom"),
        ('<?xml version="1.0"?><rss>'.encode("utf-32"), "rss"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}', "json"),
        (b'\n{"title": "x", "items": [], "version": "https://jsonfeed.org/version/1"}', "json"),
        (b'{"title": "not a feed", "items": []}', None),
        (b'{"version": "1.0"}', None),
        (b"[1, 2]", None),
        (b"<!doctype html><html><head><title>x</title>", None),
        (b"<!DOCTYPE html>\n<!-- <rss> -->\n<html>", None),
        (b"<html><body>hello</body></html>", None),
        (b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>", None),
        (b"<?xml version='1.0'?><opml version='2.0'>", None),
        (b"<?xml version='1.0'?><entry xmlns='http://www.w3.org/2005/Atom'>", None),
        (b"", None),
        (b"   \n ", None),
        (b"plain text", None),
        (b"\x1f\x8b\x08\x00gzip", None),
    ],
)
def test_sniff_without_content_type(body: bytes, kind: str | None) -> None:
    assert sniff_feed_kind(body) == kind
    assert looks_like_feed(body, None) is (kind is not None)


def test_content_type_does_not_make_html_a_feed() -> None:
    html = b"<!DOCTYPE html><html><head><title>Blog</title></head></html>"
    for content_type in ("text/xml", "application/rss+xml", "application/atom+xml; charset=utf-8"):
        assert looks_like_feed(html, content_type) is False
    # a bare HTML doctype with nothing decisive inside the window is still HTML
    assert looks_like_feed(b"<!doctype html>" + b" " * 20_000, "application/rss+xml") is False


def test_feed_served_with_wrong_content_type_is_still_a_feed() -> None:
    assert looks_like_feed(b"<rss version='2.0'><channel/></rss>", "text/html") is True
    assert looks_like_feed(b"<feed xmlns='http://www.w3.org/2005/Atom'/>", "text/plain") is True


def test_content_type_decides_when_the_start_is_inconclusive() -> None:
    long_prolog = b"<?xml version='1.0'?><!--" + b"x" * 20_000 + b"--><rss/>"
    assert sniff_feed_kind(long_prolog, None) is None
    assert sniff_feed_kind(long_prolog, "Application/RSS+XML; charset=UTF-8") == "rss"
    assert sniff_feed_kind(long_prolog, "application/atom+xml") == "atom"
    assert sniff_feed_kind(long_prolog, "text/xml") is None  # generic XML proves nothing
    assert sniff_feed_kind(b"", "application/rss+xml") is None
    # JSON Feed without its version key, declared by the server
    assert sniff_feed_kind(b'{"title": "t", "items": []}', "application/feed+json") == "json"
    assert sniff_feed_kind(b'{"title": "t", "items": []}', "application/json") is None


def test_json_feed_version_after_the_sniff_window() -> None:
    items = ",".join(f'{{"id": "{i}", "content_text": "{"x" * 100}"}}' for i in range(300))
    body = f'{{"items": [{items}], "version": "https://jsonfeed.org/version/1.1"}}'.encode()
    assert len(body) > discover.SNIFF_BYTES
    assert sniff_feed_kind(body) == "json"


# --- find_feed_links: inline pages -----------------------------------------------------------


def test_link_types_kinds_titles_and_order() -> None:
    html = page(
        '<link rel="alternate" type="application/rss+xml" title=" Main   feed " href="/rss.xml">'
        '<link rel="alternate" type="application/atom+xml" href="atom.xml">'
        '<link rel="alternate" type="application/feed+json" title="JSON" href="/feed.json">'
        '<link rel="alternate" type="application/json" href="/api/feed.json">'
        '<link rel="alternate" type="application/rdf+xml" href="/index.rdf">'
        '<link rel="alternate" type="text/xml" href="/feeds/rss.xml">'
        '<link rel="alternate" type="text/xml" href="/about">'  # text/xml, not feed-like
        '<link rel="stylesheet" type="text/css" href="/s.css">'
        '<link rel="alternate stylesheet" type="text/css" href="/alt.css">'
        '<link rel="alternate" hreflang="fr" href="/fr/">'
        '<link rel="alternate" type="text/html" href="/mobile/">'
        '<link rel="next" type="application/rss+xml" href="/next.xml">'
    )
    assert find_feed_links(html, "https://blog.example.org/posts/index.html") == [
        Candidate("https://blog.example.org/rss.xml", "Main feed", "rss"),
        Candidate("https://blog.example.org/posts/atom.xml", None, "atom"),
        Candidate("https://blog.example.org/feed.json", "JSON", "json"),
        Candidate("https://blog.example.org/api/feed.json", None, "json"),
        Candidate("https://blog.example.org/index.rdf", None, "rss"),
        Candidate("https://blog.example.org/feeds/rss.xml", None, "unknown"),
    ]


@pytest.mark.parametrize(
    "rel",
    [
        "alternate",
        "ALTERNATE",
        "Alternate",
        "foo alternate",
        "alternate bar",
        " foo\tALTERNATE\nbar ",
    ],
)
def test_rel_tokens_are_case_insensitive_and_space_separated(rel: str) -> None:
    html = page(f'<link rel="{rel}" type="Application/Atom+XML" href="/a.xml">')
    assert urls(find_feed_links(html, "http://example.com/")) == ["http://example.com/a.xml"]


@pytest.mark.parametrize("rel", ["alter nate", "alternates", "foo", ""])
def test_other_rel_values_are_not_feed_links(rel: str) -> None:
    html = page(f'<link rel="{rel}" type="application/atom+xml" href="/a.xml">')
    assert find_feed_links(html, "http://example.com/") == []


def test_relative_hrefs_resolve_against_the_page_url() -> None:
    html = page(
        '<link rel="alternate" type="application/rss+xml" href="feed.xml">'
        '<link rel="alternate" type="application/rss+xml" href="../up.xml">'
        '<link rel="alternate" type="application/rss+xml" href="/root.xml">'
        '<link rel="alternate" type="application/rss+xml" href="//cdn.example.net/x.xml">'
        '<link rel="alternate" type="application/rss+xml" href="?format=rss">'
        '<link rel="alternate" type="application/rss+xml" href="  spaced.xml\n">'
        '<link rel="alternate" type="application/rss+xml" href="a b.xml#frag">'
    )
    assert urls(find_feed_links(html, "https://Example.COM/blog/post/page.html?id=3")) == [
        "https://example.com/blog/post/feed.xml",
        "https://example.com/blog/up.xml",
        "https://example.com/root.xml",
        "https://cdn.example.net/x.xml",
        "https://example.com/blog/post/page.html?format=rss",
        "https://example.com/blog/post/spaced.xml",
        "https://example.com/blog/post/a%20b.xml",
    ]


def test_base_href_applies_to_later_links_only() -> None:
    html = page(
        '<link rel="alternate" type="application/rss+xml" href="before.xml">'
        '<base href="https://other.example/dir/">'
        '<link rel="alternate" type="application/rss+xml" href="after.xml">'
        '<base href="https://ignored.example/">'  # only the first <base> counts
        '<link rel="alternate" type="application/rss+xml" href="/root.xml">'
    )
    assert urls(find_feed_links(html, "http://site.example/a/page")) == [
        "http://site.example/a/before.xml",
        "https://other.example/dir/after.xml",
        "https://other.example/root.xml",
    ]


def test_relative_base_and_bad_base() -> None:
    relative = page('<base href="/sub/"><link rel=alternate type=application/rss+xml href=f.xml>')
    assert urls(find_feed_links(relative, "http://x.example/a/b")) == ["http://x.example/sub/f.xml"]
    bad = page(
        '<base href="javascript:void(0)"><link rel=alternate type=application/rss+xml href=f>'
    )
    assert urls(find_feed_links(bad, "http://x.example/a/b")) == ["http://x.example/a/f"]


def test_base_keeps_empty_path_segments() -> None:
    # urllib's urljoin would collapse "http://" into "http:/" inside a Wayback Machine URL.
    html = page(
        '<base href="https://web.archive.org/web/2011/http://example.org/blog/">'
        '<link rel="alternate" type="application/atom+xml" href="../atom.xml">'
    )
    assert urls(find_feed_links(html, "https://web.archive.org/x")) == [
        "https://web.archive.org/web/2011/http://example.org/atom.xml"
    ]


def test_unsafe_empty_and_duplicate_hrefs_are_dropped() -> None:
    html = page(
        '<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
        '<link rel="alternate" type="application/rss+xml" href=" JavaScript:alert(1)">'
        '<link rel="alternate" type="application/rss+xml" href="data:text/xml,<rss/>">'
        '<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">'
        '<link rel="alternate" type="application/rss+xml" href="ftp://example.com/f.xml">'
        '<link rel="alternate" type="application/rss+xml" href="">'
        '<link rel="alternate" type="application/rss+xml" href="#top">'
        '<link rel="alternate" type="application/rss+xml">'
        '<link rel="alternate" type="application/rss+xml" href="http://[::1">'
        '<link rel="alternate" type="application/rss+xml" href="/f.xml">'
        '<link rel="alternate" type="application/atom+xml" href="http://EXAMPLE.com/f.xml#x">'
        '<link rel="alternate" type="application/rss+xml" href="feed://example.com/other.xml">'
        '<link rel="alternate" type="application/rss+xml" href="feed:https://example.com/t.xml">'
    )
    assert find_feed_links(html, "http://example.com/") == [
        Candidate("http://example.com/f.xml", None, "rss"),
        Candidate("http://example.com/other.xml", None, "rss"),
        Candidate("https://example.com/t.xml", None, "rss"),
    ]


def test_anchor_fallbacks_come_after_links_and_stay_on_site() -> None:
    html = page(
        head='<link rel="alternate" type="application/rss+xml" href="/main.rss">',
        body=(
            '<a href="/main.rss">duplicate of the link</a>'
            '<a href="/news/atom.xml">Atom <b>news</b></a>'
            '<a href="https://feeds.example.com/all/feed/">sub-domain feed</a>'
            '<a href="http://www.example.com/podcast.rss" title="Podcast"></a>'
            '<a href="/comments/rss">Comments</a>'
            '<a href="/?feed=rss2">WordPress</a>'
            '<a href="/rss/body.xml" type="application/rss+xml">typed</a>'
            '<a href="https://elsewhere.example/feed.xml">other site</a>'
            '<a href="/sitemap.xml">Sitemap</a>'
            '<a href="/about.html">About</a>'
            '<a href="/feeds/">Feeds directory</a>'
            '<a href="javascript:feed()">js.rss</a>'
        ),
    )
    assert find_feed_links(html, "https://example.com/") == [
        Candidate("https://example.com/main.rss", None, "rss"),
        Candidate("https://example.com/news/atom.xml", "Atom news", "unknown"),
        Candidate("https://feeds.example.com/all/feed/", "sub-domain feed", "unknown"),
        Candidate("http://www.example.com/podcast.rss", "Podcast", "unknown"),
        Candidate("https://example.com/comments/rss", "Comments", "unknown"),
        Candidate("https://example.com/?feed=rss2", "WordPress", "unknown"),
        Candidate("https://example.com/rss/body.xml", "typed", "rss"),
    ]


def test_trailing_slash_variants_are_one_candidate() -> None:
    html = page(
        head='<link rel="alternate" type="application/rss+xml" href="/feed/">',
        body='<a href="/feed">RSS</a>',
    )
    assert urls(find_feed_links(html, "http://example.com/")) == ["http://example.com/feed/"]


def test_pages_without_feed_links() -> None:
    assert find_feed_links(page(body="<p>Nothing here</p>"), "http://example.com/") == []
    assert find_feed_links(b"", "http://example.com/") == []
    assert find_feed_links(b"   ", "http://example.com/") == []
    assert find_feed_links(b"\x00\xff\xfe garbage \x00", "http://example.com/") == []


def test_links_inside_comments_scripts_and_attributes_are_not_links() -> None:
    html = page(
        head=(
            '<!-- <link rel="alternate" type="application/rss+xml" href="/commented.xml"> -->'
            '<script>document.write(\'<link rel="alternate" type="application/rss+xml"'
            ' href="/scripted.xml">\');</script>'
            '<meta name="x" content=\'<link rel="alternate" type="application/rss+xml"'
            ' href="/attr.xml">\'>'
        )
    )
    assert find_feed_links(html, "http://example.com/") == []


def test_broken_html_still_yields_links() -> None:
    html = (
        b"<html><head><title>t</title></head><body><b>bold <div><p><table><tr><td>"
        b"<link rel=alternate type=application/rss+xml href=unquoted.xml title=One>"
        b"<LINK REL='alternate' TYPE='application/atom+xml' HREF='single.xml'"
        b'<link rel="alternate" type="application/rss+xml" href="/after-broken.xml">'
        b"</td></span></html></html><link rel=alternate type=application/rss+xml href=late.xml>"
        b"<a href='/x.rss'>fallback"
    )
    found = urls(find_feed_links(html, "http://example.com/dir/"))
    assert found[0] == "http://example.com/dir/unquoted.xml"
    assert "http://example.com/dir/late.xml" in found
    assert found[-1] == "http://example.com/x.rss"


def test_entities_in_attributes_are_decoded() -> None:
    html = page(
        '<link rel="&#65;lternate" type="application/atom&#43;xml" '
        'href="/feed?a=1&amp;b=2" title="Tom &amp; Jerry">'
    )
    assert find_feed_links(html, "http://example.com/") == [
        Candidate("http://example.com/feed?a=1&b=2", "Tom & Jerry", "atom")
    ]


def test_arabic_page_in_windows_1256() -> None:
    html = (
        '<html lang="ar" dir="rtl"><head>'
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        "<title>أخبار</title>"
        '<link rel="alternate" type="application/rss+xml" title="سوريا" href="/rss/سوريا.xml">'
        "</head><body><p>مرحبا</p></body></html>"
    ).encode("cp1256")
    (candidate,) = find_feed_links(html, "https://news.example/")
    assert candidate.title == "سوريا"
    assert candidate.kind == "rss"
    # the non-ASCII path is kept as text; the fetcher percent-encodes it (as httpx does)
    assert candidate.url == "https://news.example/rss/سوريا.xml"


def test_arabic_page_in_utf8_with_header_charset_and_bom() -> None:
    head = '<link rel="alternate" type="application/atom+xml" title="الرئيسية" href="/a.xml">'
    body = page(head)
    assert find_feed_links(body, "https://x.example/", encoding="utf-8")[0].title == "الرئيسية"
    # a wrong header charset loses to a byte-order mark
    bom = "\ufeff".encode() + body
    assert find_feed_links(bom, "https://x.example/", encoding="latin-1")[0].title == "الرئيسية"
    # UTF-8 without any declaration is detected
    assert find_feed_links(body, "https://x.example/")[0].title == "الرئيسية"


def test_utf16_page() -> None:
    html = page('<link rel="alternate" type="application/rss+xml" href="/f.xml">').decode()
    expected = ["http://example.com/f.xml"]
    assert urls(find_feed_links(html.encode("utf-16"), "http://example.com/")) == expected
    # without a BOM only the HTTP header can say UTF-16 ...
    le = html.encode("utf-16-le")
    assert urls(find_feed_links(le, "http://example.com/", encoding="UTF-16LE")) == expected
    # ... a <meta> cannot (it means UTF-8), and UTF-7 is refused
    meta = page('<meta charset="utf-16"><link rel=alternate type=application/rss+xml href=/f.xml>')
    assert urls(find_feed_links(meta, "http://example.com/")) == expected
    assert urls(find_feed_links(meta, "http://example.com/", encoding="utf-7")) == expected


def test_huge_page_is_cut_and_stays_fast() -> None:
    filler = b"<p>" + b"lorem ipsum " * 80 + b"</p>\n"
    head = page('<link rel="alternate" type="application/rss+xml" href="/early.xml">')
    late = b'<link rel="alternate" type="application/rss+xml" href="/late.xml">'
    html = head + filler * (2 * discover.MAX_PARSE_BYTES // len(filler)) + late
    started = time.perf_counter()
    found = urls(find_feed_links(html, "http://example.com/"))
    assert found == ["http://example.com/early.xml"]  # /late.xml is beyond the cap
    assert time.perf_counter() - started < 2.0


def test_hostile_nesting_and_many_links_are_bounded() -> None:
    deep = b"<div>" * 50_000 + b"<a href='/deep.rss'>x</a>"
    head = page('<link rel="alternate" type="application/rss+xml" href="/top.xml">')
    assert urls(find_feed_links(head + deep, "http://example.com/"))[0] == (
        "http://example.com/top.xml"
    )
    many = page(
        "".join(
            f'<link rel=alternate type=application/rss+xml href="/{i}.xml">' for i in range(500)
        )
    )
    found = find_feed_links(many, "http://example.com/")
    assert len(found) == discover.MAX_CANDIDATES
    assert found[0].url == "http://example.com/0.xml"


def test_long_titles_are_truncated() -> None:
    html = page(f'<link rel=alternate type=application/rss+xml href=/f title="{"ع" * 5000}">')
    (candidate,) = find_feed_links(html, "http://example.com/")
    assert candidate.title == "ع" * 200


# --- common_path_candidates ------------------------------------------------------------------


def test_common_paths_at_root() -> None:
    assert common_path_candidates("https://example.com") == [
        "https://example.com" + path for path in COMMON_PATHS
    ]
    assert common_path_candidates("https://Example.com/?q=1#x") == [
        "https://example.com" + path for path in COMMON_PATHS
    ]
    assert COMMON_PATHS[:3] == ("/feed", "/rss.xml", "/atom.xml")
    assert COMMON_PATHS[-1] == "/feed.json"


def test_common_paths_relative_to_a_path_come_first() -> None:
    found = common_path_candidates("http://example.com:8080/blog")
    assert found[: len(COMMON_PATHS)] == ["http://example.com:8080/blog" + p for p in COMMON_PATHS]
    assert found[len(COMMON_PATHS) :] == ["http://example.com:8080" + p for p in COMMON_PATHS]
    assert "http://example.com:8080/blog/?feed=rss2" in found
    # a last segment with a dot is a file: its directory is used
    assert common_path_candidates("https://example.com/news/index.html")[:2] == [
        "https://example.com/news/feed",
        "https://example.com/news/rss.xml",
    ]
    assert common_path_candidates("https://example.com/news/")[0] == "https://example.com/news/feed"


def test_common_paths_scheme_less_and_invalid() -> None:
    assert common_path_candidates("example.com")[0] == "https://example.com/feed"
    assert (
        common_path_candidates("example.com:8080/blog")[0] == "https://example.com:8080/blog/feed"
    )
    assert common_path_candidates("http://example.com:http/") == []
    assert common_path_candidates("javascript:alert(1)") == []
    assert common_path_candidates("ftp://example.com/") == []
    assert common_path_candidates("") == []


# --- corpus ----------------------------------------------------------------------------------

FEEDFINDER = "html/feedvalidator-feedfinder"
DIVE = "http://diveintomark.org/tests/client/autodiscovery/"
PLATYPUS = "http://www.ragingplatypus.com/tests/client/autodiscovery/"
WAYBACK = re.compile(r"^https?://web\.archive\.org/web/\d+[a-z_]*/")


@pytest.mark.corpus
@pytest.mark.parametrize("number", range(1, 58))
def test_feedfinder_suite(number: int) -> None:
    """Mark Pilgrim's autodiscovery suite (html4-001 .. html4-057).

    html4-NNN.html was served from DIVE; its expected feed is the html4-NNN.xml beside it, or
    for pages whose <base> points at ragingplatypus.com, ragingplatypus/html4-NNN.xml. The
    archived pages have their absolute URLs rewritten to web.archive.org, which is undone.
    """
    name = f"html4-{number:03d}"
    html = corpus_file(f"{FEEDFINDER}/{name}.html").read_bytes()
    local = CORPUS / FEEDFINDER / f"{name}.xml"
    expected = DIVE + f"{name}.xml"
    if not local.exists():
        local = CORPUS / FEEDFINDER / "ragingplatypus" / f"{name}.xml"
        expected = PLATYPUS + f"{name}.xml"
    feed = local.read_bytes()
    assert sniff_feed_kind(feed, None) == "atom"
    assert f"HTML4-{number:03d}".encode() in feed  # the expected file is that page's feed

    found = find_feed_links(html, DIVE + f"{name}.html")
    assert found, f"{name}: no feed found"
    first = found[0]
    assert WAYBACK.sub("", first.url) == expected
    assert first.kind == "atom"
    assert not any(c.url.endswith("/404") for c in found), "distraction link taken"
    assert looks_like_feed(html, "text/html") is False


NETNEWSWIRE_PAGES = {
    "html/netnewswire-rscore/apple.html": ("https://www.apple.com/", []),
    "html/netnewswire-rscore/unsung.html": ("https://unsung.aresluna.org/", []),
    "html/netnewswire-rscore/daringfireball.html": (
        "https://daringfireball.net/",
        [
            Candidate("https://daringfireball.net/feeds/main", None, "atom"),
            Candidate("https://daringfireball.net/feeds/json", None, "json"),
        ],
    ),
    "html/netnewswire-rscore/inessential.html": (
        "https://inessential.com/",
        [
            Candidate("https://inessential.com/xml/rss.xml", "inessential.com RSS feed", "rss"),
            Candidate("https://inessential.com/feed.json", "inessential.com JSON feed", "json"),
        ],
    ),
    "html/netnewswire-rscore/scripting.html": (
        "http://scripting.com/",
        [Candidate("http://scripting.com/rss.xml", None, "rss")],
    ),
    "html/netnewswire-rsparser/DaringFireball.html": (
        "https://daringfireball.net/",
        [Candidate("https://daringfireball.net/feeds/main", None, "atom")],
    ),
    "html/netnewswire-rsparser/YouTubeTheVolvoRocks.html": (
        "https://www.youtube.com/user/TheVolvorocks",
        [
            Candidate(
                "https://www.youtube.com/feeds/videos.xml?channel_id=UCct7QF2jcWRY6dhXWMSq9LQ",
                "RSS",
                "rss",
            )
        ],
    ),
    "html/netnewswire-rsparser/coco.html": (
        "https://www.theatlantic.com/",
        [
            Candidate("https://www.theatlantic.com/feed/all/", "The Atlantic", "rss"),
            Candidate("https://www.theatlantic.com/feed/best-of/", "Best of The Atlantic", "rss"),
        ],
    ),
    "html/netnewswire-rsparser/furbo.html": (
        "http://furbo.org/",
        [Candidate("http://furbo.org/feed/", "Iconfactory News Feed", "rss")],
    ),
    "html/netnewswire-rsparser/inessential.html": (
        "http://inessential.com/",
        [Candidate("http://inessential.com/xml/rss.xml", "RSS", "rss")],
    ),
    "html/netnewswire-rsparser/sixcolors.html": (
        "https://sixcolors.com/",
        [Candidate("http://feedpress.me/sixcolors", "RSS", "rss")],
    ),
}


@pytest.mark.corpus
@pytest.mark.parametrize("relative", sorted(NETNEWSWIRE_PAGES))
def test_real_pages(relative: str) -> None:
    url, expected = NETNEWSWIRE_PAGES[relative]
    html = corpus_file(relative).read_bytes()
    assert find_feed_links(html, url) == expected
    assert looks_like_feed(html, "text/html; charset=utf-8") is False


@pytest.mark.corpus
def test_hostile_arabic_autodiscovery_page() -> None:
    html = corpus_file("hostile/autodiscovery_page_not_a_feed.html").read_bytes()
    assert looks_like_feed(html, "application/rss+xml") is False
    assert find_feed_links(html, "https://news.hostile.example/world/index.html") == [
        Candidate("https://news.hostile.example/rss/all.xml", "كل الأخبار (RSS)", "rss"),
        Candidate("https://news.hostile.example/rss/syria.xml", "سوريا", "rss"),
        Candidate("https://news.hostile.example/atom.xml", "Atom feed", "atom"),
        Candidate("https://news.hostile.example/feed.json", "JSON Feed", "json"),
        Candidate("https://news.hostile.example/rss/upper.xml", "upper-case attributes", "rss"),
        Candidate("https://news.hostile.example/rss/body-link.xml", "RSS", "rss"),
    ]


@pytest.mark.corpus
def test_every_real_feed_is_sniffed_as_a_feed() -> None:
    folder = corpus_file("feeds/real")
    files = sorted(p for p in folder.iterdir() if p.is_file())
    assert len(files) >= 60
    kinds = {p.name: sniff_feed_kind(p.read_bytes(), None) for p in files}
    assert [name for name, kind in kinds.items() if kind is None] == []
    assert kinds["daringfireball.json"] == "json"
    assert kinds["daringfireball.atom"] == "atom"
    assert kinds["google_testing_blog_atom.rss"] == "atom"  # content, not extension
    assert kinds["biorxiv_plantbio.rdf"] == "rss"
    assert kinds["jpost_homepage.xml"] == "rss"  # leading blank line, no declaration


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "is_feed"),
    [
        ("empty_0_bytes.xml", False),
        ("binary_garbage.bin", False),
        ("gzip_bytes_named_xml.xml", False),
        ("autodiscovery_page_not_a_feed.html", False),
        ("truncated_mid_item_mid_utf8.rss.xml", True),
        ("truncated_in_tag.atom.xml", True),
        ("wrong_encoding_bom_utf16_declared_utf8.rss.xml", True),
        ("xxe_file_etc_passwd.rss.xml", True),
        ("billion_laughs.rss.xml", True),
    ],
)
def test_hostile_inputs_sniff(name: str, is_feed: bool) -> None:
    body = corpus_file(f"hostile/{name}").read_bytes()
    assert looks_like_feed(body, None) is is_feed
