"""The shared corpus through a local server: real feeds, hostile inputs, real OPML files.

Skips with a message naming READER_CORPUS when ../shared/corpus is not there.

Real feeds: every stored article count equals the number of distinct entries feedparser (or
`json` for JSON Feed) reads from the same bytes, and the category sets agree (by casefold).
Hostile inputs: each ends as a feed error with a sentence, or as stored articles, and nothing
active or leaked is stored.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import feedparser
import pytest

from reader import cli
from reader.core.parse import MAX_CATEGORIES
from reader.core.service import Service
from reader.core.types import Query

if TYPE_CHECKING:
    from conftest import CliResult, FeedServer

pytestmark = pytest.mark.corpus

ACTIVE_HTML = re.compile(
    r"<\s*(script|iframe|object|embed|frame|applet|form|style|meta|base)\b|\son[a-z]+\s*=|"
    r"=\s*[\"']?\s*(javascript|vbscript|data):",  # a dangerous URL in an attribute
    re.IGNORECASE,
)
CATEGORY_CHARS = 100
LEAKS = ("root:x:0:0", "/bin/bash", "daemon:x:")
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")


def fold(name: str) -> str:
    """What the user would consider the same category name (Reader keeps 100 characters)."""
    text = _SPACE.sub(" ", html.unescape(_TAG.sub("", name))).strip()[:CATEGORY_CHARS].strip()
    return unicodedata.normalize("NFC", text).casefold()


# --- what feedparser / json read from the bytes ------------------------------------------------


def capped(names: list[str]) -> set[str]:
    """An entry's categories as Reader keeps them: distinct, at most MAX_CATEGORIES."""
    distinct: list[str] = []
    for name in map(fold, names):
        if name and name not in distinct:
            distinct.append(name)
    return set(distinct[:MAX_CATEGORIES])


def expected_from_xml(body: bytes) -> tuple[int, set[str]]:
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    ids: set[Any] = set()
    categories: set[str] = set()
    for entry in parsed.entries:
        ident = (
            (entry.get("id") or "").strip()
            or (entry.get("link") or "").strip()
            or (entry.get("title"), entry.get("published") or entry.get("updated"))
        )
        ids.add(ident)
        tags = entry.get("tags") or ()
        categories |= capped([t.get("term") or t.get("label") or "" for t in tags])
    return len(ids), categories


def expected_from_json(body: bytes) -> tuple[int, set[str]]:
    doc = json.loads(body.decode("utf-8-sig"))
    ids: set[Any] = set()
    categories: set[str] = set()
    for item in doc.get("items") or ():
        if not isinstance(item, dict):
            continue
        ident = (
            str(item.get("id") or "").strip()
            or item.get("url")
            or (item.get("title"), item.get("date_published"))
        )
        ids.add(ident)
        categories |= capped([t for t in item.get("tags") or () if isinstance(t, str)])
    return len(ids), categories


def is_json(body: bytes) -> bool:
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


# --- real feeds --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_feeds(corpus: Path, module_feed_server: FeedServer, tmp_path_factory) -> dict[str, Any]:
    """Subscribe to every real feed, refresh once; {file name: (feed id, result, body)}."""
    files = sorted(p for p in (corpus / "feeds" / "real").iterdir() if p.is_file())
    assert len(files) >= 50
    service = Service(tmp_path_factory.mktemp("real") / "data")
    by_url: dict[str, tuple[str, bytes]] = {}
    for path in files:
        url = module_feed_server.add_file(f"/real/{path.name}", path)
        by_url[url] = (path.name, path.read_bytes())
    ids = {service.subscribe(url): url for url in by_url}
    # Images off: the real feeds point at real hosts, and tests use no network.
    results = {r.feed_id: r for r in service.refresh_iter(images=False)}
    out = {}
    for feed_id, url in ids.items():
        name, body = by_url[url]
        out[name] = (feed_id, results.get(feed_id), body)
    yield {"service": service, "feeds": out}
    service.close()


def test_every_real_feed_refreshes(real_feeds) -> None:
    failed = {
        name: (result.error if result else "no result")
        for name, (_fid, result, _body) in real_feeds["feeds"].items()
        if result is None or result.status != "updated"
    }
    assert failed == {}


def test_real_feeds_store_every_entry(real_feeds) -> None:
    service: Service = real_feeds["service"]
    wrong = {}
    total_expected = total_stored = 0
    for name, (feed_id, _result, body) in real_feeds["feeds"].items():
        expected, _cats = expected_from_json(body) if is_json(body) else expected_from_xml(body)
        stored = service.feed(feed_id).total
        total_expected += expected
        total_stored += stored
        if stored != expected:
            wrong[name] = {"stored": stored, "feedparser": expected}
    assert wrong == {}
    assert total_stored >= 2000


def test_real_feeds_keep_their_categories(real_feeds) -> None:
    service: Service = real_feeds["service"]
    wrong = {}
    for name, (feed_id, _result, body) in real_feeds["feeds"].items():
        _n, expected = expected_from_json(body) if is_json(body) else expected_from_xml(body)
        stored = {
            fold(c)
            for a in service.articles(Query(feed_id=feed_id), limit=None)
            for c in a.categories
        }
        if stored != expected:
            wrong[name] = {
                "missing": sorted(expected - stored)[:5],
                "extra": sorted(stored - expected)[:5],
            }
    assert wrong == {}


def test_syria_filter_over_real_feeds_matches_their_tags(real_feeds) -> None:
    service: Service = real_feeds["service"]
    expected_feeds = set()
    for name, (_fid, _result, body) in real_feeds["feeds"].items():
        _n, cats = expected_from_json(body) if is_json(body) else expected_from_xml(body)
        if "syria" in cats:
            expected_feeds.add(name)
    assert {"nytimes_world.xml", "theguardian_us.rss"} <= expected_feeds
    found = {s: set(service.article_ids(Query(category=s))) for s in ("Syria", "syria", "SYRIA")}
    assert found["Syria"] == found["syria"] == found["SYRIA"] != set()
    feed_ids = {a.feed_id for a in service.articles_by_ids(list(found["Syria"]))}
    names = {n for n, (fid, _r, _b) in real_feeds["feeds"].items() if fid in feed_ids}
    assert names == expected_feeds


def test_arabic_feed_is_rtl_with_arabic_categories(real_feeds) -> None:
    service: Service = real_feeds["service"]
    feed_id = real_feeds["feeds"]["doyouknow_app_ar_rtl.rss.xml"][0]
    articles = service.articles(Query(feed_id=feed_id), limit=None)
    assert articles
    arabic_cats = {c for a in articles for c in a.categories if re.search("[\u0600-\u06ff]", c)}
    assert arabic_cats
    some = next(iter(arabic_cats))
    assert service.article_ids(Query(category=some))
    rtl = [service.article(a.id).direction for a in articles]
    assert rtl.count("rtl") > len(rtl) / 2


def test_second_refresh_of_real_feeds_is_not_modified(real_feeds) -> None:
    service: Service = real_feeds["service"]
    results = list(service.refresh_iter(images=False))
    assert {r.status for r in results} == {"not_modified"}
    assert sum(r.new for r in results) == 0


def test_real_feeds_store_nothing_active(real_feeds) -> None:
    service: Service = real_feeds["service"]
    for article_id in service.article_ids():
        detail = service.article(article_id)
        found = ACTIVE_HTML.search(detail.content_html)
        assert found is None, (detail.feed_title, detail.title, found.group(0))


# --- hostile inputs ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(corpus: Path, module_feed_server: FeedServer, tmp_path_factory) -> dict[str, Any]:
    files = sorted(p for p in (corpus / "hostile").iterdir() if p.is_file() and p.suffix != ".md")
    assert len(files) >= 25
    service = Service(tmp_path_factory.mktemp("hostile") / "data")
    ids = {}
    for path in files:
        ctype = "text/html; charset=utf-8" if path.suffix == ".html" else "application/xml"
        url = module_feed_server.add(
            f"/hostile-corpus/{path.name}", path.read_bytes(), content_type=ctype
        )
        ids[service.subscribe(url)] = path.name
    results = {ids[r.feed_id]: r for r in service.refresh_iter(images=False)}
    yield {"service": service, "ids": ids, "results": results}
    service.close()


def test_each_hostile_input_ends_as_an_error_or_as_articles(hostile) -> None:
    service: Service = hostile["service"]
    results = hostile["results"]
    assert set(results) == set(hostile["ids"].values())
    unclear = {}
    for feed_id, name in hostile["ids"].items():
        result = results[name]
        feed = service.feed(feed_id)
        if result.status == "error":
            if not (feed.error and feed.error.endswith(".") and len(feed.error) > 15):
                unclear[name] = feed.error
        elif feed.total == 0:
            unclear[name] = f"{result.status} with no articles and no error"
    assert unclear == {}


def test_hostile_inputs_that_are_not_feeds_are_errors(hostile) -> None:
    results = hostile["results"]
    for name in (
        "empty_0_bytes.xml",
        "binary_garbage.bin",
        "binary_garbage_with_xml_prefix.xml",
        "gzip_bytes_named_xml.xml",
        "autodiscovery_page_not_a_feed.html",
    ):
        assert results[name].status == "error", (name, results[name])


def test_hostile_inputs_store_nothing_active_and_leak_nothing(hostile) -> None:
    service: Service = hostile["service"]
    for feed in service.feeds():
        for leak in LEAKS:
            assert leak not in feed.title and leak not in (feed.error or "")
    checked = 0
    for article_id in service.article_ids():
        d = service.article(article_id)
        found = ACTIVE_HTML.search(d.content_html)
        assert found is None, (d.feed_title, d.title, found.group(0))
        fields = [
            d.title,
            d.content_html,
            d.summary,
            d.author or "",
            d.link or "",
            d.comments or "",
            *d.categories,
            *(e.url for e in d.enclosures),
        ]
        for value in fields:
            for leak in LEAKS:
                assert leak not in value, (d.title, leak)
        for url in (d.link, d.comments, *(e.url for e in d.enclosures)):
            assert url is None or url.startswith(("http://", "https://")), (d.title, url)
        checked += 1
    assert checked >= 20


def test_hostile_titles_are_plain_single_lines(hostile) -> None:
    service: Service = hostile["service"]
    for article in service.articles(limit=None):
        assert "<script" not in article.title.lower()
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", article.title)
        assert len(article.title) <= 1000


def test_hostile_bidi_categories_match_plain_names(hostile) -> None:
    service: Service = hostile["service"]
    feed_id = next(f for f, n in hostile["ids"].items() if n == "bidi_spoofing_titles.rss.xml")
    in_feed = set(service.article_ids(Query(feed_id=feed_id)))
    assert in_feed & set(service.article_ids(Query(category="Syria")))
    assert in_feed & set(service.article_ids(Query(category="سوريا")))


def test_hostile_arabic_encodings_are_read_as_arabic(hostile) -> None:
    service: Service = hostile["service"]
    for name in (
        "truncated_mid_item_mid_utf8.rss.xml",
        "wrong_encoding_declared_latin1_is_utf8.rss.xml",
        "wrong_encoding_bom_utf16_declared_utf8.rss.xml",
        "wrong_encoding_declared_utf8_is_cp1256.rss.xml",
        "wrong_encoding_no_declaration_cp1256.rss.xml",
    ):
        feed_id = next(f for f, n in hostile["ids"].items() if n == name)
        feed = service.feed(feed_id)
        titles = [a.title for a in service.articles(Query(feed_id=feed_id), limit=None)]
        assert titles, name
        text = feed.title + " ".join(titles)
        assert re.search("[\u0600-\u06ff]{3}", text), (name, text[:80])
        assert not re.search("[ÃØÙÊÏ][\u0080-\u00ff]", text), (name, text[:80])


# --- OPML files --------------------------------------------------------------------------------


def cli_in_process(*args: str) -> tuple[int, str, str]:
    """The command line's own entry point, in this process (118 interpreters would take ~30 s)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.run(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def test_awesome_rss_feeds_opml_files_import(corpus: Path, tmp_path: Path) -> None:
    files = sorted((corpus / "opml" / "awesome-rss-feeds").rglob("*.opml"))
    assert len(files) >= 100
    good = []
    for index, path in enumerate(files):
        code, out, err = cli_in_process(
            "--data-dir", str(tmp_path / f"d{index}"), "import", str(path)
        )
        assert "Traceback" not in err, (path.name, err[-300:])
        match = re.match(r"imported (\d+), skipped (\d+)", out)
        if code == 0 and match and int(match.group(1)) >= 1:
            good.append(path)
    assert len(good) >= 0.95 * len(files), sorted(p.name for p in set(files) - set(good))


def test_awesome_rss_feeds_sample_through_the_real_command(
    corpus: Path, tmp_path: Path, run_cli: Callable[..., CliResult]
) -> None:
    files = sorted((corpus / "opml" / "awesome-rss-feeds").rglob("*.opml"))[::30]
    for index, path in enumerate(files):
        result = run_cli(tmp_path / f"d{index}", "import", str(path))
        assert result.code == 0, result
        assert re.match(r"imported [1-9]\d*, skipped \d+", result.stdout), result.stdout


def test_hostile_opml_files_import_nothing_dangerous(
    corpus: Path, tmp_path: Path, run_cli: Callable[..., CliResult]
) -> None:
    for index, path in enumerate(sorted((corpus / "hostile" / "opml").glob("*.opml"))):
        data = tmp_path / f"d{index}"
        result = run_cli(data, "import", str(path))
        assert result.code in (0, 2), (path.name, result)
        assert "Traceback" not in result.stderr
        if result.code == 2:
            assert len(result.stderr.splitlines()) == 1
        feeds = run_cli(data, "feeds", "--json").json()
        for feed in feeds:
            assert feed["url"].startswith(("http://", "https://")), feed["url"]
            for leak in LEAKS:
                assert leak not in json.dumps(feed, ensure_ascii=False)
