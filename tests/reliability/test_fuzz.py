"""Fuzzing (hypothesis) of what reads untrusted bytes: the feed parser, the sanitizer, OPML import.

Documents come from strategies that write structured RSS 2.0, Atom 1.0, JSON Feed and OPML with
hostile values (markup, script, event handlers, odd URL schemes, bidi controls, bad dates, wrong
JSON types), and from byte-level mutations (cut, repeat, insert, flip) of the suite's own feed
files. Properties:

- `parse_feed` raises nothing but ParseError; what it returns is sanitized (no active element,
  event handler, style or non-web URL), single-line fields carry no control or bidi override,
  and every link is http(s).
- Where the lxml fast path accepts a document, feedparser reads exactly the same articles.
- `clean_html` never lets active content through, whatever the markup and base URL.
- `parse_opml` raises nothing but ImportFileError, keeps only http(s) URLs with a host, and what
  `export_opml` writes reads back as the same subscriptions.

Runs are derandomized with no example database, so CI tries the same examples every time; each
test is bounded by max_examples and a per-example deadline.
"""

from __future__ import annotations

import json
import os
import time
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from reliability_helpers import BIDI_AND_CONTROLS, REPO, ActiveContent, record

from reader.core import encoding, opml
from reader.core.errors import ImportFileError, ParseError
from reader.core.fastparse import parse_fast
from reader.core.parse import ParsedFeed, parse_feed, parse_with_feedparser
from reader.core.sanitize import clean_html, html_to_text

URL = "https://fuzz.example/feeds/main.xml"
EXAMPLES = 200


# READER_FUZZ_SCALE=20 runs twenty times the examples, with fresh random ones (a deeper hunt).
SCALE = int(os.environ.get("READER_FUZZ_SCALE", "1"))


def bounded(examples: int = EXAMPLES) -> settings:
    return settings(
        max_examples=examples * SCALE,
        deadline=timedelta(seconds=5),  # one example; a hang or a blow-up fails here
        derandomize=SCALE == 1,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --- values ------------------------------------------------------------------------------------

HOSTILE_HTML = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">a</a>',
    '<a href=" jav&#x09;ascript:alert(2)">b</a>',
    '<a href="&#106;avascript:alert(3)">c</a>',
    '<a href="JaVaScRiPt:alert(4)">d</a>',
    '<img src="data:text/html,&lt;script&gt;alert(5)&lt;/script&gt;">',
    '<iframe srcdoc="<script>alert(6)</script>"></iframe>',
    "<svg onload=alert(7)><circle/></svg>",
    "<math><mi xlink:href=javascript:alert(8)>x</mi></math>",
    '<div style="background:url(javascript:alert(9))">e</div>',
    '<form action="javascript:alert(10)"><button formaction="javascript:11">f</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(12)">',
    '<base href="javascript:alert(13)//">',
    "<object data=x.swf></object><embed src=x.swf>",
    "<!--<script>alert(14)</script>-->",
    '<noscript><p title="</noscript><img src=x onerror=alert(15)>"></noscript>',
    "<template><script>alert(16)</script></template>",
    "<style>@import 'javascript:alert(17)';</style>",
    '<a href="vbscript:msgbox(18)">g</a>',
    '<img srcset="x 1x, javascript:alert(19) 2x">',
    '<p onclick="alert(20)" onmouseover=alert(21)>h</p>',
    "<scr<script>ipt>alert(22)</script>",
    '<a href="java\u0000script:alert(23)">i</a>',
    '<img src="https://pixel.example/pixel.gif" width="1" height="1">',
    '<p>kept <b>bold</b> <a href="/relative">link</a></p>',
    "<![CDATA[<script>alert(24)</script>]]>",
    "<xmp><script>alert(25)</script></xmp>",
    "<plaintext><script>alert(26)</script>",
    "<textarea><script>alert(27)</script></textarea>",
]
TOKENS = [*"abc XYZ 019 <>&\"';:/=.#?%", "سوريا", "\u202e", "\u2066", "\u200f", "é", "漢"]
WORDS = st.lists(st.sampled_from(TOKENS), max_size=12).map("".join)
HTML_TEXT = st.lists(st.one_of(WORDS, st.sampled_from(HOSTILE_HTML)), max_size=6).map("".join)
LINKS = st.one_of(
    st.sampled_from(
        [
            "https://news.example/a/1",
            "http://news.example/b?x=1&y=2",
            "/relative/path",
            "relative",
            "javascript:alert(1)",
            " JAVASCRIPT:alert(1)",
            "data:text/html,x",
            "file:///etc/passwd",
            "mailto:a@b.example",
            "//other.example/x",
            "http://[::1",
            "",
        ]
    ),
    WORDS,
)
DATES = st.one_of(
    st.sampled_from(
        [
            "Tue, 10 Jun 2025 08:00:00 GMT",
            "2025-06-10T08:00:00Z",
            "2025-06-10T08:00:00+03:00",
            "Mon, 31 Feb 2025 25:61:00 +9999",
            "9999-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z",
            "yesterday",
            "",
        ]
    ),
    WORDS,
)


def cdata_or_escaped(value: str) -> st.SearchStrategy[str]:
    options = [st.just(escape(value))]
    if "]]>" not in value:
        options.append(st.just(f"<![CDATA[{value}]]>"))
    return st.one_of(options)


@st.composite
def element(draw: st.DrawFn, tag: str, values: st.SearchStrategy[str]) -> str:
    return f"<{tag}>{draw(values.flatmap(cdata_or_escaped))}</{tag}>"


# --- documents ---------------------------------------------------------------------------------


@st.composite
def rss_item(draw: st.DrawFn) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append(draw(element("title", HTML_TEXT)))
    if draw(st.booleans()):
        parts.append(draw(element("link", LINKS)))
    if draw(st.booleans()):
        permalink = draw(st.sampled_from(["", ' isPermaLink="false"', ' isPermaLink="true"']))
        parts.append(f"<guid{permalink}>{escape(draw(st.one_of(LINKS, WORDS)))}</guid>")
    if draw(st.booleans()):
        parts.append(draw(element("description", HTML_TEXT)))
    if draw(st.booleans()):
        parts.append(draw(element("content:encoded", HTML_TEXT)))
    if draw(st.booleans()):
        parts.append(draw(element("pubDate", DATES)))
    if draw(st.booleans()):
        parts.append(draw(element(draw(st.sampled_from(["author", "dc:creator"])), WORDS)))
    for _ in range(draw(st.integers(0, 3))):
        parts.append(draw(element("category", WORDS)))
    if draw(st.booleans()):
        parts.append(draw(element("comments", LINKS)))
    if draw(st.booleans()):
        length = draw(st.sampled_from(["100", "-1", "x", ""]))
        parts.append(
            f'<enclosure url={quoteattr(draw(LINKS))} type="audio/mpeg" length="{length}"/>'
        )
    if draw(st.booleans()):
        width = draw(st.sampled_from(["", ' width="640"', ' width="3000"', ' width="x"']))
        parts.append(f'<media:content url={quoteattr(draw(LINKS))} medium="image"{width}/>')
    if draw(st.booleans()):
        parts.append(f"<media:thumbnail url={quoteattr(draw(LINKS))}/>")
    if draw(st.integers(0, 9)) == 0:
        parts.append(
            draw(st.sampled_from(["<x:odd xmlns:x='urn:odd'>v</x:odd>", "<source>s</source>"]))
        )
    return "<item>" + "".join(draw(st.permutations(parts))) + "</item>"


@st.composite
def rss_documents(draw: st.DrawFn) -> bytes:
    channel = [draw(element("title", HTML_TEXT)), draw(element("link", LINKS))]
    if draw(st.booleans()):
        channel.append(f"<language>{draw(st.sampled_from(['en', 'ar', 'fr-FR', '']))}</language>")
    items = draw(st.lists(rss_item(), max_size=5))
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">'
        f"<channel>{''.join(channel)}{''.join(items)}</channel></rss>"
    ).encode()


@st.composite
def atom_text(draw: st.DrawFn, tag: str) -> str:
    kind = draw(st.sampled_from(["", ' type="text"', ' type="html"']))
    return f"<{tag}{kind}>{escape(draw(HTML_TEXT))}</{tag}>"


@st.composite
def atom_entry(draw: st.DrawFn) -> str:
    parts = []
    if draw(st.booleans()):
        parts.append(draw(atom_text("title")))
    if draw(st.booleans()):
        parts.append(f"<id>{escape(draw(st.one_of(LINKS, WORDS)))}</id>")
    for _ in range(draw(st.integers(0, 2))):
        rel = draw(st.sampled_from(["", ' rel="alternate"', ' rel="enclosure"', ' rel="self"']))
        parts.append(f"<link{rel} href={quoteattr(draw(LINKS))}/>")
    for tag in ("updated", "published"):
        if draw(st.booleans()):
            parts.append(f"<{tag}>{escape(draw(DATES))}</{tag}>")
    if draw(st.booleans()):
        email = f"<email>{escape(draw(WORDS))}</email>" if draw(st.booleans()) else ""
        parts.append(f"<author><name>{escape(draw(WORDS))}</name>{email}</author>")
    if draw(st.booleans()):
        parts.append(draw(atom_text("content")))
    if draw(st.booleans()):
        parts.append(draw(atom_text("summary")))
    for _ in range(draw(st.integers(0, 3))):
        parts.append(f"<category term={quoteattr(draw(WORDS))}/>")
    return "<entry>" + "".join(draw(st.permutations(parts))) + "</entry>"


@st.composite
def atom_documents(draw: st.DrawFn) -> bytes:
    lang = draw(st.sampled_from(["", ' xml:lang="ar"', ' xml:lang="en"']))
    head = draw(atom_text("title")) + f"<link href={quoteattr(draw(LINKS))}/>"
    entries = "".join(draw(st.lists(atom_entry(), max_size=5)))
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"{lang}>'
        f"{head}{entries}</feed>"
    ).encode()


JSON_ANY = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), WORDS),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(WORDS, inner, max_size=3)),
    max_leaves=8,
)


def json_field(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly the right type, sometimes anything at all."""
    return st.one_of(values, values, values, JSON_ANY)


@st.composite
def json_item(draw: st.DrawFn) -> Any:
    fields = {
        "id": json_field(st.one_of(WORDS, st.integers())),
        "url": json_field(LINKS),
        "external_url": json_field(LINKS),
        "title": json_field(HTML_TEXT),
        "content_html": json_field(HTML_TEXT),
        "content_text": json_field(HTML_TEXT),
        "summary": json_field(HTML_TEXT),
        "image": json_field(LINKS),
        "date_published": json_field(DATES),
        "date_modified": json_field(DATES),
        "tags": json_field(st.lists(WORDS, max_size=3)),
        "authors": json_field(st.lists(st.fixed_dictionaries({"name": WORDS}), max_size=2)),
        "author": json_field(st.fixed_dictionaries({"name": WORDS})),
        "attachments": json_field(
            st.lists(st.fixed_dictionaries({"url": LINKS, "mime_type": WORDS}), max_size=2)
        ),
    }
    chosen = draw(st.lists(st.sampled_from(sorted(fields)), unique=True))
    item = {name: draw(fields[name]) for name in chosen}
    return item if draw(st.integers(0, 19)) else draw(JSON_ANY)


@st.composite
def json_documents(draw: st.DrawFn) -> bytes:
    version = draw(
        st.sampled_from(["https://jsonfeed.org/version/1.1", "https://jsonfeed.org/version/1", "2"])
    )
    doc = {
        "version": version,
        "title": draw(json_field(HTML_TEXT)),
        "home_page_url": draw(json_field(LINKS)),
        "feed_url": draw(json_field(LINKS)),
        "language": draw(json_field(st.sampled_from(["en", "ar"]))),
        "items": draw(json_field(st.lists(json_item(), max_size=5))),
    }
    return json.dumps(doc, ensure_ascii=draw(st.booleans())).encode()


SEEDS = [
    p.read_bytes()
    for p in sorted((REPO / "tests" / "data").rglob("*"))
    if p.is_file() and p.suffix in (".xml", ".rss", ".atom", ".json") and p.stat().st_size < 50_000
]


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A seed document with a few byte-level edits: cut, repeat, insert, overwrite, truncate."""
    data = bytearray(seeds[draw(st.integers(0, len(seeds) - 1))])
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        span = draw(st.integers(1, 64))
        op = draw(st.sampled_from(["cut", "repeat", "insert", "overwrite", "truncate"]))
        if op == "cut":
            del data[at : at + span]
        elif op == "repeat":
            data[at:at] = data[at : at + span] * draw(st.integers(1, 20))
        elif op == "insert":
            data[at:at] = draw(
                st.one_of(
                    st.binary(max_size=16),
                    st.sampled_from([s.encode() for s in HOSTILE_HTML]),
                    st.sampled_from(
                        [b"<", b"]]>", b"&", b"&#0;", b"\xff\xfe", b"\xc3", b"<!DOCTYPE x>"]
                    ),
                )
            )
        elif op == "overwrite":
            data[at : at + len(chunk)] = (chunk := draw(st.binary(min_size=1, max_size=8)))
        else:
            del data[at:]
    return bytes(data)


FEED_DOCUMENTS = st.one_of(rss_documents(), atom_documents(), json_documents(), mutated(SEEDS))
HEADERS = st.sampled_from(
    [
        {},
        {"content-type": "application/rss+xml; charset=utf-8"},
        {"content-type": "text/xml; charset=windows-1256"},
        {"content-type": "application/feed+json"},
        {"content-type": "text/html"},
    ]
)


# --- checks ------------------------------------------------------------------------------------


def assert_safe(feed: ParsedFeed) -> None:
    """What a parsed feed may hold: sanitized HTML, web links, clean single-line fields."""
    assert not BIDI_AND_CONTROLS.search(feed.title), feed.title
    assert feed.site_url is None or feed.site_url.lower().startswith(("http://", "https://"))
    for entry in feed.entries:
        scanner = ActiveContent()
        scanner.feed(entry.content_html)
        scanner.close()
        assert scanner.found == [], (entry.content_html, scanner.found)
        for url in (entry.link, entry.comments, *(e[0] for e in entry.enclosures)):
            assert url is None or url.lower().startswith(("http://", "https://")), url
        for value in (entry.title, entry.author or "", *entry.categories):
            assert not BIDI_AND_CONTROLS.search(value), value
        assert entry.key and entry.title
        assert entry.direction in ("ltr", "rtl")


# Bugs the fuzzing found, kept as fixed examples (each failed before its fix).
def atom(entries: bytes) -> bytes:
    return b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title/>%s</feed>' % (
        entries
    )


DATE = b"Tue, 10 Jun 2025 08:00:00 GMT"
JSON_ATTACHMENTS_TRUE = (
    b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"attachments": true}]}'
)


def test_parse_feed_raises_only_parse_error_and_returns_safe_articles() -> None:
    outcomes = {"articles": 0, "refused": 0}

    @bounded(EXAMPLES * 2)
    @given(body=FEED_DOCUMENTS, headers=HEADERS)
    @example(body=atom(b"<entry><content>\xe2\x80\xae</content></entry>"), headers={})
    @example(body=JSON_ATTACHMENTS_TRUE, headers={})
    @example(
        body=b'{"version": "https://jsonfeed.org/version/1", "home_page_url": "http://[::1"}',
        headers={},
    )
    @example(body=b'<?xml version="1.0" encoding="\x00TF-8"?><rss version="2.0"/>', headers={})
    def check(body: bytes, headers: dict[str, str]) -> None:
        try:
            feed = parse_feed(body, headers, URL)
        except ParseError as exc:
            message = str(exc)
            assert message.endswith(".") and "\n" not in message and len(message) < 300, message
            outcomes["refused"] += 1
            return
        assert_safe(feed)
        outcomes["articles"] += 1

    started = time.monotonic()
    check()
    record(
        "fuzz: parse_feed",
        f"{sum(outcomes.values())} documents in {time.monotonic() - started:.1f} s "
        f"({outcomes['articles']} read, {outcomes['refused']} refused with ParseError), 0 crashes",
    )
    assert outcomes["articles"] >= EXAMPLES // 2  # the strategies do write readable feeds


def test_fast_path_reads_what_feedparser_reads() -> None:
    taken, tried = [], []

    @bounded()
    @given(body=st.one_of(rss_documents(), atom_documents()))
    @example(body=atom(b"<entry><content>&lt;b&gt;x&lt;/b&gt;</content></entry>"))
    @example(body=atom(b'<link href=" "/><entry><title>a</title><link href=" "/></entry>'))
    @example(body=b'<rss version="2.0"><channel><title/><link>;&amp;a;</link></channel></rss>')
    @example(body=atom(b'<entry><link rel="enclosure" href="https://e.example/a"/></entry>'))
    @example(
        body=atom(b"<entry><updated>31 Feb</updated><published>" + DATE + b"</published></entry>")
    )
    @example(
        body=b'<rss version="2.0"><channel><title>t</title><language></language></channel></rss>'
    )
    def check(body: bytes) -> None:
        tried.append(1)
        body, headers = encoding.repair(body, {})
        fast = parse_fast(body, headers, URL)
        if fast is None:
            return
        taken.append(1)
        assert fast == parse_with_feedparser(body, headers, URL)

    started = time.monotonic()
    check()
    record(
        "fuzz: fast path = feedparser",
        f"{len(taken)} of {len(tried)} generated RSS/Atom documents took the fast path, all "
        f"identical to feedparser ({time.monotonic() - started:.1f} s)",
    )
    assert len(taken) >= EXAMPLES // 4


@st.composite
def html_fragments(draw: st.DrawFn) -> str:
    tags = "a img p div svg math script iframe style form base object embed source picture "
    tags += "noscript template table td b"
    attributes = "href src srcset onerror onclick style action formaction xlink:href data "
    attributes += "srcdoc background poster width title"
    values = st.one_of(LINKS, WORDS, st.sampled_from(["1", "0", "javascript:alert(1)"]))
    nodes = st.recursive(
        st.one_of(
            WORDS.map(escape),
            st.sampled_from(HOSTILE_HTML),
            st.sampled_from(["<", "</", "<!--", "-->", "&", "<![CDATA["]),
        ),
        lambda inner: st.builds(
            lambda tag, attrs, children, close: (
                f"<{tag}"
                + "".join(f" {name}={quoteattr(value)}" for name, value in attrs)
                + ">"
                + "".join(children)
                + (f"</{tag}>" if close else "")
            ),
            st.sampled_from(tags.split()),
            st.lists(st.tuples(st.sampled_from(attributes.split()), values), max_size=3),
            st.lists(inner, max_size=3),
            st.booleans(),
        ),
        max_leaves=8,
    )
    return "".join(draw(st.lists(nodes, max_size=4)))


def test_sanitizer_never_lets_active_content_through() -> None:
    count = []

    @bounded()
    @example(fragment='<source srcset="javascript:alert(1)">', base=None)
    @example(fragment='<source srcset="x 1x, data:image/png,x 2x">', base="https://n.example/")
    @given(
        fragment=html_fragments(),
        base=st.sampled_from([None, "https://news.example/a/", "javascript:alert(1)", "not a url"]),
    )
    def check(fragment: str, base: str | None) -> None:
        cleaned = clean_html(fragment, base)
        scanner = ActiveContent()
        scanner.feed(cleaned)
        scanner.close()
        assert scanner.found == [], (fragment, cleaned, scanner.found)
        html_to_text(cleaned)
        count.append(1)

    started = time.monotonic()
    check()
    record(
        "fuzz: sanitizer",
        f"{len(count)} fragments in {time.monotonic() - started:.1f} s, 0 with active content left",
    )


# --- OPML --------------------------------------------------------------------------------------


@st.composite
def opml_documents(draw: st.DrawFn) -> bytes:
    def outline(depth: int) -> str:
        attrs = []
        for name in draw(
            st.lists(
                st.sampled_from(["type", "text", "title", "xmlUrl", "url", "htmlUrl"]), unique=True
            )
        ):
            value = draw(st.one_of(LINKS, WORDS, st.sampled_from(["rss", "atom", "link"])))
            attrs.append(f"{name}={quoteattr(value)}")
        children = ""
        if depth < 3 and draw(st.integers(0, 3)) == 0:
            children = "".join(outline(depth + 1) for _ in range(draw(st.integers(0, 3))))
        return f"<outline {' '.join(attrs)}>{children}</outline>"

    doctype = draw(
        st.sampled_from(
            [
                "",
                '<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
                '<!DOCTYPE opml [<!ENTITY s SYSTEM "file:///etc/passwd">]>',
            ]
        )
    )
    body = "".join(outline(0) for _ in range(draw(st.integers(0, 6))))
    if draw(st.booleans()):  # one plain subscription among the noise
        body += f'<outline type="rss" text={quoteattr(draw(WORDS))} xmlUrl="https://f.example/"/>'

    ref = draw(st.sampled_from(["", "&a;", "&b;", "&s;"])) if doctype else ""
    head = f"<head><title>t{ref}</title></head>"
    text = f'<?xml version="1.0"?>{doctype}<opml version="2.0">{head}<body>{body}</body></opml>'
    return text.encode(draw(st.sampled_from(["utf-8", "utf-16"])), errors="replace")


OPML_SEEDS = [(REPO / "tests" / "data" / "e2e" / "subscriptions.opml").read_bytes()]


def test_opml_import_raises_only_import_error_and_keeps_only_web_feeds() -> None:
    outcomes = {"read": 0, "refused": 0, "feeds": 0}

    @bounded(EXAMPLES * 2)
    @given(data=st.one_of(opml_documents(), mutated(OPML_SEEDS), st.binary(max_size=200)))
    def check(data: bytes) -> None:
        try:
            result = opml.parse_opml(data)
        except ImportFileError as exc:
            assert str(exc).endswith(".") and "\n" not in str(exc)
            outcomes["refused"] += 1
            return
        outcomes["read"] += 1
        outcomes["feeds"] += len(result.feeds)
        for feed in result.feeds:
            assert feed.url.lower().startswith(("http://", "https://")), feed.url
            assert len(feed.url) <= opml.MAX_URL
            for value in (feed.title or "", feed.folder or ""):
                assert len(value) <= opml.MAX_TITLE
                assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in value), value
                assert "aaaaaaaaaaaaaaaaaaaa" not in value and "root:" not in value
        assert len({f.url for f in result.feeds}) == len(result.feeds)

    started = time.monotonic()
    check()
    record(
        "fuzz: OPML import",
        f"{outcomes['read'] + outcomes['refused']} files in {time.monotonic() - started:.1f} s "
        f"({outcomes['read']} read with {outcomes['feeds']} feeds, {outcomes['refused']} refused "
        "with ImportFileError), 0 crashes",
    )
    assert outcomes["feeds"] >= EXAMPLES // 4


def test_exported_opml_reads_back_as_the_same_subscriptions() -> None:
    names = st.text(alphabet=st.sampled_from([*"abc XYZ 019&>\"'/", "س", "é"]), max_size=20).map(
        lambda s: " ".join(s.split())
    )
    feeds = st.lists(
        st.tuples(
            st.builds(
                lambda host, path: f"https://{host}.example/{path}",
                st.text(alphabet="abcdefghij", min_size=1, max_size=8),
                st.text(alphabet="abc/?=&%-_.~", max_size=12),
            ),
            names,
            names,
        ),
        max_size=8,
        unique_by=lambda f: urlunsplit(urlsplit(f[0])),  # parse_opml drops such duplicates
    )

    @bounded()
    @given(subscriptions=feeds)
    def check(subscriptions: list[tuple[str, str, str]]) -> None:
        written = opml.export_opml(
            (url, title or None, folder or None) for url, title, folder in subscriptions
        )
        back = opml.parse_opml(written.encode())
        # Folders are written first, so the order may change; nothing else may.
        assert sorted((f.url, f.title, f.folder) for f in back.feeds) == sorted(
            (url, title or None, folder or None) for url, title, folder in subscriptions
        )

    check()
