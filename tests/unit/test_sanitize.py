"""Sanitizing: active content never survives, tracking pixels go, titles lose bidi tricks."""

from __future__ import annotations

import re

import pytest

from reader.core.sanitize import clean_html, clean_text, direction, html_to_text

BASE = "https://site.example/posts/"

ACTIVE = re.compile(
    r"<\s*(script|iframe|object|embed|form|style|frame|frameset|applet|meta|base|link|svg|math)\b"
    r"|\son[a-z]+\s*=|javascript:|vbscript:|data:text/html|\sstyle\s*=|\ssrcdoc\s*=",
    re.IGNORECASE,
)


def assert_inert(html: str) -> None:
    found = ACTIVE.search(html)
    assert found is None, f"active content survived: {found.group(0)!r} in {html!r}"


# --- elements ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fragment",
    [
        "<p>ok</p><script>alert(1)</script>",
        "<p>ok</p><SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<p>ok</p><scr<script>x</script>ipt>alert(1)</script>",
        '<p>ok</p><iframe src="https://evil.example/"></iframe>',
        '<p>ok</p><iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
        '<p>ok</p><object data="x.swf"><param name="a" value="b"></object>',
        '<p>ok</p><embed src="x.swf">',
        '<p>ok</p><applet code="X.class"></applet>',
        '<p>ok</p><form action="https://evil.example/login"><input name="pw"></form>',
        "<p>ok</p><style>body{display:none}</style>",
        '<p>ok</p><link rel="stylesheet" href="https://evil.example/x.css">',
        '<p>ok</p><meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<p>ok</p><base href="https://evil.example/">',
        "<p>ok</p><svg><script>alert(1)</script></svg>",
        "<p>ok</p><math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
        "<p>ok</p><noscript><p title='</noscript><img src=x onerror=alert(1)>'></noscript>",
        '<p>ok</p><frameset><frame src="https://evil.example/"></frameset>',
    ],
)
def test_active_elements_are_removed_and_text_kept(fragment: str) -> None:
    cleaned = clean_html(fragment, BASE)
    assert_inert(cleaned)
    assert "<p>ok</p>" in cleaned


def test_the_code_inside_a_script_is_not_shown_as_text() -> None:
    cleaned = clean_html("<p>before</p><script>alert('x')</script><style>p{}</style><p>after</p>")
    assert html_to_text(cleaned) == "before after"


@pytest.mark.parametrize(
    "fragment",
    [
        '<img src="a.png" onerror="alert(1)">',
        '<a href="/x" onclick="steal()">x</a>',
        '<p ONMOUSEOVER="alert(1)">x</p>',
        '<details open ontoggle="alert(1)">x</details>',
        '<div onfocus="alert(1)" tabindex="0">x</div>',
        "<body onload=alert(1)>x",
        '<p style="background:url(javascript:alert(1))">x</p>',
        '<p style="width: expression(alert(1))">x</p>',
        '<div style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</div>',
    ],
)
def test_event_handlers_and_style_attributes_are_removed(fragment: str) -> None:
    cleaned = clean_html(fragment, BASE)
    assert_inert(cleaned)
    assert "alert" not in cleaned and "steal" not in cleaned


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;&#x61;&#x76;&#x61;script:alert(1)",
        "\x01javascript:alert(1)",
        " javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
    ],
)
def test_dangerous_urls_are_removed_from_links_and_images(href: str) -> None:
    for fragment in (f'<a href="{href}">link</a>', f'<img src="{href}" alt="i">'):
        cleaned = clean_html(fragment, BASE)
        assert_inert(cleaned)
        assert "file:" not in cleaned
        assert "alert" not in cleaned


def test_safe_markup_and_urls_are_kept() -> None:
    fragment = (
        '<h2>Title</h2><p>A <a href="https://other.example/a">link</a>, '
        '<a href="mailto:me@site.example">mail</a>, <strong>bold</strong>, <em>em</em>.</p>'
        '<blockquote cite="https://q.example/">quote</blockquote><ul><li>one</li></ul>'
        '<img src="https://cdn.example/photo.jpg" alt="photo" width="600" height="400">'
        "<table><tr><td>cell</td></tr></table>"
    )
    cleaned = clean_html(fragment, BASE)
    for kept in (
        "<h2>Title</h2>",
        'href="https://other.example/a"',
        'href="mailto:me@site.example"',
        "<strong>bold</strong>",
        "<em>em</em>",
        "<blockquote",
        "<li>one</li>",
        'src="https://cdn.example/photo.jpg"',
        "<td>cell</td>",
    ):
        assert kept in cleaned


def test_links_are_made_absolute_and_do_not_leak_the_reader() -> None:
    cleaned = clean_html('<a href="../about">a</a> <img src="img/p.png" alt="">', BASE)
    assert 'href="https://site.example/about"' in cleaned
    assert 'src="https://site.example/posts/img/p.png"' in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned


def test_comments_are_dropped() -> None:
    cleaned = clean_html("<p>a</p><!-- <script>alert(1)</script> --><p>b</p>", BASE)
    assert "<!--" not in cleaned
    assert "alert" not in cleaned


# --- tracking pixels ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "img",
    [
        '<img src="https://tracker.example/p.gif?u=1" width="1" height="1">',
        '<img src="https://tracker.example/p.gif" width="1px" height="1px" alt="">',
        '<img src="https://tracker.example/p.gif" height="0" width="0">',
        '<img src="https://tracker.example/p.gif" width="1">',
        '<img src="http://feeds.feedburner.com/~r/Example/~4/abc" alt="">',
        '<img src="https://stats.wordpress.com/b.gif?host=x" alt="">',
        '<img src="https://www.google-analytics.com/collect?v=1" alt="">',
    ],
)
def test_tracking_pixels_are_dropped(img: str) -> None:
    cleaned = clean_html(f"<p>Article text.</p>{img}", BASE)
    assert "<img" not in cleaned
    assert "<p>Article text.</p>" in cleaned


def test_real_images_are_kept() -> None:
    for img in (
        '<img src="https://site.example/photo.jpg" width="600" height="400" alt="a">',
        '<img src="https://site.example/photo.jpg" alt="no size">',
        '<img src="https://site.example/icon.png" width="16" height="16" alt="icon">',
    ):
        assert "<img" in clean_html(img, BASE)


# --- plain text: titles, authors, categories ----------------------------------------------------


def test_bidi_controls_are_stripped_from_titles() -> None:
    assert clean_text("\u202egnp.exe\u202c invoice") == "gnp.exe invoice"
    assert clean_text("خبر \u202b unbalanced") == "خبر unbalanced"
    assert clean_text("\u2067isolate not closed") == "isolate not closed"
    for control in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069":
        assert control not in clean_text(f"a{control}b")


def test_control_characters_never_reach_a_title() -> None:
    # NUL would truncate text in C code, ESC sequences would recolour a terminal (`reader articles`)
    title = clean_text("NUL\x00in title \x1b[31m red \x1b[0m bell\x07 back\x08space")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", title)
    assert "red" in title and "title" in title
    text = html_to_text("<p>a\x1b[2Jb\x00c</p>")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text)


def test_clean_text_strips_markup_entities_and_spaces() -> None:
    assert clean_text("<b>Bold</b> &amp; <i>italic</i>") == "Bold & italic"
    assert clean_text("  many\n\t spaces  ") == "many spaces"
    assert clean_text("&lt;script&gt;") == "<script>"  # shown as text, never run
    assert clean_text(None) == ""
    assert clean_text("x" * 50, limit=10) == "x" * 10


def test_html_to_text_keeps_words_whole_and_separates_blocks() -> None:
    assert html_to_text("wo<b>rd</b>s") == "words"
    assert html_to_text("Second <em>entry</em>.") == "Second entry."
    assert html_to_text("<p>one</p><p>two</p>") == "one two"
    assert html_to_text("line<br>break") == "line break"
    assert html_to_text("<li>a</li><li>b</li>") == "a b"
    assert html_to_text("&eacute;t&eacute; &amp; caf&#233;") == "été & café"


# --- direction ---------------------------------------------------------------------------------


def test_direction() -> None:
    assert direction("مباحثات جديدة في دمشق") == "rtl"
    assert direction("שלום עולם") == "rtl"
    assert direction("Talks in Damascus") == "ltr"
    assert direction("Breaking: مباحثات جديدة في العاصمة دمشق اليوم") == "rtl"
    assert direction("A long English sentence about سوريا today") == "ltr"
    assert direction("", hint_language="ar") == "rtl"
    assert direction("2024 — 12:00", hint_language="ar-SY") == "rtl"
    assert direction("2024", hint_language="en") == "ltr"
    assert direction("") == "ltr"


# --- the shared corpus: feedparser's sanitizer conformance cases --------------------------------


@pytest.mark.corpus
def test_feedparser_sanitize_cases_leave_nothing_active(corpus) -> None:
    from reader.core.errors import ParseError
    from reader.core.parse import parse_feed

    folder = corpus / "feeds" / "edge" / "feedparser" / "wellformed" / "sanitize"
    files = sorted(folder.glob("*.xml"))
    assert files, f"no files in {folder}"
    checked = 0
    for path in files:
        try:
            feed = parse_feed(path.read_bytes(), {}, "https://sanitize.example/feed.xml")
        except ParseError:
            continue
        for entry in feed.entries:
            assert_inert(entry.content_html)
            for value in (entry.title, entry.summary, entry.author or "", *entry.categories):
                assert "<script" not in value.lower(), (path.name, value)
            checked += 1
    assert checked >= 100
