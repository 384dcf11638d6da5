"""The lxml fast path gives exactly what feedparser gives, on every corpus feed it takes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core import encoding
from reader.core.errors import ParseError
from reader.core.fastparse import parse_fast
from reader.core.parse import parse_feed, parse_with_feedparser

CORPUS = Path(
    os.environ.get("READER_CORPUS", Path(__file__).parents[2] / ".." / "shared" / "corpus")
)
FEEDS = CORPUS / "feeds"
URL = "https://example.com/news/feed.xml"


def _corpus_files() -> list[Path]:
    if not FEEDS.is_dir():
        return []
    return sorted(p for p in FEEDS.rglob("*") if p.is_file())


@pytest.mark.corpus
def test_fast_path_matches_feedparser_on_the_corpus() -> None:
    files = _corpus_files()
    if not files:
        pytest.skip(f"no corpus at {FEEDS}; set READER_CORPUS to the shared corpus folder")
    taken = 0
    for path in files:
        body, headers = encoding.repair(path.read_bytes(), {})
        fast = parse_fast(body, headers, URL)
        if fast is None:
            continue
        taken += 1
        try:
            slow = parse_with_feedparser(body, headers, URL)
        except ParseError as exc:
            pytest.fail(f"{path}: feedparser refuses what the fast path read: {exc}")
        assert fast == slow, f"{path}: the fast path differs from feedparser"
    # The fast path must be worth having: a good share of real feeds go through it.
    assert taken >= 300, f"only {taken} corpus feeds took the fast path"


def test_fast_path_refuses_what_only_feedparser_reads() -> None:
    doctype = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x "y">]><rss version="2.0"></rss>'
    assert parse_fast(doctype, {}, URL) is None
    xhtml = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>a</title>'
        b'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>x</b></div></content>'
        b"</entry></feed>"
    )
    assert parse_fast(xhtml, {}, URL) is None
    latin1 = '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"/>'.encode("latin-1")
    assert parse_fast(latin1, {}, URL) is None


def test_both_paths_agree_on_a_typical_news_item() -> None:
    body = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>News</title><link>https://example.com/</link>
<item><title>Talks in Damascus</title><link>/world/1</link><guid isPermaLink="false">n-1</guid>
<dc:creator>Reporter</dc:creator><pubDate>Tue, 10 Jun 2025 08:00:00 GMT</pubDate>
<category> Syria </category>
<category>سوريا</category>
<description>&lt;p&gt;Text, &lt;a href="/more"&gt;link&lt;/a&gt;&lt;/p&gt;</description></item>
</channel></rss>""".encode()
    fast = parse_fast(body, {}, URL)
    assert fast is not None
    assert fast == parse_with_feedparser(body, {}, URL)
    assert parse_feed(body, {}, URL) == fast
    entry = fast.entries[0]
    assert entry.link == "https://example.com/world/1"
    assert entry.categories == ("Syria", "سوريا")
    assert 'href="https://example.com/more"' in entry.content_html
    assert entry.author == "Reporter"
