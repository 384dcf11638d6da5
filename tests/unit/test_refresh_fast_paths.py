"""The refresh's fast paths give exactly what the general code gives.

A parse worker extracts an article's text with `clean_html_text` (nh3's output only), counts
letter runs for the direction and reads sanitized image tags without HTMLParser; the stored
articles must not change by a character, so each is checked against the general code.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core import encoding, offline
from reader.core.links import join
from reader.core.parse import TEXT_START_CHARS, parse_feed
from reader.core.sanitize import (
    clean_html,
    clean_html_text,
    clean_html_text_start,
    clean_text,
    direction,
    html_to_text,
)

BASE = "https://site.example/posts/"
RTL_LANGUAGES = ("ar", "he", "fa", "ur", "yi", "ps", "dv", "ku", "sd", "ug")
URL = "https://example.com/news/feed.xml"

FRAGMENTS = [
    "<P>One</P><DIV>two<BR>three</DIV><Li>four</Li>",
    "<p>a &amp; b &lt;c&gt; &nbsp;&nbsp; d&#x200c;e</p>",
    "<p>ctrl\x01here \x1b[31mred\x00 \x7f</p> <b>x</b>\x85y",
    "<p>word\x01</p><p>\x02 next</p>",
    "<p>\u200fسوريا\u200f today</p><p>مرحبا بالعالم</p>",
    '<figure><img src="a.png" alt="A"><figcaption>Cap</figcaption></figure>tail',
    "<table><tr><td>1</td><TD>2</TD></tr></table><pre>  keep\n\n  lines </pre>",
    "<script>bad()</script><style>x{}</style><p>kept</p><!-- gone -->",
    "plain text only, no tag at all &copy; 2025",
    "<ul><li>a</li><li>b</li></ul><h2>Title</h2><blockquote>q</blockquote>",
]


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_clean_html_text_equals_html_to_text_on_sanitized_html(fragment: str) -> None:
    cleaned = clean_html(fragment, BASE)
    assert clean_html_text(cleaned) == html_to_text(cleaned)


_HTML_PIECES = st.sampled_from(
    [*FRAGMENTS, "<b>bo", "ld</b> ", "<img alt='a>b<c' src='x.png'>", " &amp;", "&gt;x", "wo", "rd"]
)


@given(st.lists(_HTML_PIECES, max_size=60), st.integers(1, 200))
def test_the_start_of_the_text_is_the_start_of_the_whole_text(pieces: list[str], chars: int):
    """Parsing reads only the start of an article's text (summary, direction); search indexes
    the whole text later. The start is read from part of the HTML, and must be exact."""
    cleaned = clean_html("".join(pieces), BASE)
    assert clean_html_text_start(cleaned, chars) == html_to_text(cleaned)[:chars]


def test_control_characters_go_without_leaving_double_spaces() -> None:
    assert html_to_text("<p>a \x01 b</p>") == "a b"
    assert html_to_text("a\x01b \x1b[0m") == "ab [0m"
    # Not printable but no control character: kept as it was (ZWNJ, RLM, NBSP collapses).
    assert html_to_text("می\u200cخواهم \u200fx\xa0y") == "می\u200cخواهم \u200fx y"
    assert clean_html_text(clean_html("<p>a \x01 b</p>")) == "a b"


def _direction_per_letter(*texts: str, hint_language: str | None = None) -> str:
    """The direction as first written: one regex match per letter."""
    rtl_letter = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
    ltr_letter = re.compile(
        "[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0900-\u0dff\u3040-\u9fff]"
    )
    sample = " ".join(t[:400] for t in texts if t)
    if not sample or max(sample) < "\u0590":
        if hint_language and not ltr_letter.search(sample):
            return "rtl" if hint_language.lower()[:2] in RTL_LANGUAGES else "ltr"
        return "ltr"
    rtl, ltr = len(rtl_letter.findall(sample)), len(ltr_letter.findall(sample))
    if rtl == ltr == 0 and hint_language:
        return "rtl" if hint_language.lower()[:2] in RTL_LANGUAGES else "ltr"
    return "rtl" if rtl > ltr else "ltr"


@pytest.mark.parametrize(
    "texts",
    [
        ("abc", "אבגד"),  # 4 right-to-left letters against 3
        ("abcd", "אבג"),
        ("abc", "אבג"),  # a tie is left-to-right
        ("Syria سوريا", "news أخبار today"),
        ("", "مرحبا" * 200),  # only the first 400 characters count
        ("x" * 390 + "سوريا" * 20, "abc"),
        ("١٢٣ 123", "—"),
    ],
)
def test_direction_counts_every_letter(texts: tuple[str, str]) -> None:
    for hint in (None, "ar", "en"):
        assert direction(*texts, hint_language=hint) == _direction_per_letter(
            *texts, hint_language=hint
        )


@pytest.mark.parametrize(
    ("html", "found"),
    [
        (
            '<p><img src="https://i.example.org/a.png" width="600"></p>',
            ["https://i.example.org/a.png"],
        ),
        (
            '<img data-src="https://i.example.org/x.png" src="https://i.example.org/b.png"/>',
            ["https://i.example.org/b.png"],
        ),
        (
            '<img src="https://i.example.org/a.png?x=1&amp;y=2">',
            ["https://i.example.org/a.png?x=1&y=2"],
        ),
        ('<img alt="no source"><img src="">', []),
        ("<IMG SRC='https://i.example.org/c.png'>", ["https://i.example.org/c.png"]),
        (
            '<img-x src="https://i.example.org/d.png"><img src="rel.png">',
            ["https://blog.example.net/rel.png"],
        ),
        (
            '<picture><source srcset="https://i.example.org/s.webp 2x"></picture>'
            '<img src="https://i.example.org/e.png" src="https://i.example.org/f.png">',
            ["https://i.example.org/s.webp", "https://i.example.org/f.png"],
        ),
    ],
)
def test_image_sources_fast_and_general_agree(html: str, found: list[str]) -> None:
    assert [url for _raw, url in offline.image_sources(html, "https://blog.example.net/")] == found
    assert _general_image_sources(html, "https://blog.example.net/") == found


def _general_image_sources(html: str, base: str | None) -> list[str]:
    """image_sources through HTMLParser alone (what the fast path must equal)."""
    finder = offline._ImageFinder()
    finder.feed("".join(offline._IMAGE_TAG.findall(html)))
    finder.close()
    return [url for raw in finder.found if (url := offline._absolute(raw, base))]


@pytest.mark.corpus
def test_fast_paths_match_the_general_code_on_the_corpus(corpus: Path) -> None:
    entries = 0
    for path in sorted(p for p in (corpus / "feeds").rglob("*") if p.is_file()):
        body, headers = encoding.repair(path.read_bytes(), {})
        try:
            parsed = parse_feed(body, headers, URL)
        except Exception:  # not a feed: nothing of it is stored
            continue
        for entry in parsed.entries:
            entries += 1
            # What search indexes later, from the stored HTML, starts with what parsing read.
            assert entry.text_start == html_to_text(entry.content_html)[:TEXT_START_CHARS], path
            general = _general_image_sources(entry.content_html, entry.link)
            fast = [url for _raw, url in offline.image_sources(entry.content_html, entry.link)]
            assert fast == general, path
            assert entry.direction == _direction_per_letter(
                entry.title, html_to_text(entry.content_html)[:2000], hint_language=parsed.language
            ), path
    assert entries > 1000


BASES = ["https://example.com/news/feed.xml", "http://site.example/a/b/", "http://[::1", "ftp://x/"]
HREFS = [
    "http://site.example/story/1",
    "https://site.example",
    "http://site.example/a/../b/./c",
    "http://site.example/x?",
    "http://site.example/x#",
    "http://site.example/x;p",
    "HTTP://site.example/x",
    "http:///x",
    "http://[::1]/x",
    "http://site.example/a b",
    "http://site.example/a\tb",
    "http://site.éxample/",
    "//cdn.example/x.png",
    "img/x.png",
    "/x.png",
    "mailto:a@b.example",
]


@pytest.mark.parametrize("base", BASES)
def test_join_is_urljoin(base: str) -> None:
    for href in HREFS:
        try:
            expected: str | None = urljoin(base, href)
        except ValueError:
            expected = None
        try:
            got: str | None = join(base, href)
        except ValueError:
            got = None
        assert got == expected, (base, href)


@given(st.text(alphabet="htps:/[]?#;.@%aAé \t\\-09", max_size=40))
def test_join_is_urljoin_on_any_text(href: str) -> None:
    for base in BASES[:3]:
        try:
            expected: str | None = urljoin(base, href)
        except ValueError:
            expected = None
        try:
            got: str | None = join(base, href)
        except ValueError:
            got = None
        assert got == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Plain title", "Plain title"),
        ("Tabs\tand\nnew  lines", "Tabs and new lines"),
        ("\u202eevil\u202c title", "evil title"),
        ("bell\x07 and \x1b[31mcolour", "bell and [31mcolour"),
        ("a \x00 b", "a b"),
        ("سوريا\u200f اليوم", "سوريا\u200f اليوم"),  # RLM is not an override: kept
        ("nbsp\xa0here", "nbsp here"),
        ("<b>Bold</b> &amp; more", "Bold & more"),
    ],
)
def test_clean_text_removes_controls_and_overrides(value: str, expected: str) -> None:
    assert clean_text(value) == expected
