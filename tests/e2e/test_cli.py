"""The command line as a black box: `python -m reader --data-dir DIR ...` against a local server.

This is the contract of issue 3 (scripts and acceptance checks use it exactly like this).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import CliResult, FeedServer

DATA = Path(__file__).resolve().parents[1] / "data"
E2E = DATA / "e2e"
SYRIA_TITLES = {
    "Ceasefire talks resume in Geneva",
    "Aid convoy reaches Aleppo",
    "Refugees return to Homs",
    "Earthquake relief in northern SYRIA",
}
ARABIC_SYRIA_TITLES = {"Aid convoy reaches Aleppo", "مباحثات جديدة في دمشق", "الاقتصاد العربي ينمو"}
ARTICLE_FIELDS = {
    "id",
    "feed_id",
    "feed_title",
    "title",
    "link",
    "author",
    "published",
    "categories",
    "read",
    "starred",
}
DETAIL_FIELDS = ARTICLE_FIELDS | {
    "content_html",
    "summary",
    "enclosures",
    "direction",
    "source",
    "comments",
}
ISO_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def serve_fixtures(server: FeedServer) -> None:
    for name in ("syria_a.rss", "syria_b.atom", "syria_c.json"):
        server.add_file(f"/{name}", E2E / name)
    server.add_file("/arabic.xml", DATA / "arabic.xml")
    server.add_file("/site/feed.xml", DATA / "rss20.xml")
    server.html_page("/site/", "/site/feed.xml")


def write_opml(server: FeedServer, folder: Path) -> Path:
    text = (E2E / "subscriptions.opml").read_text(encoding="utf-8").replace("BASE", server.base)
    path = folder / "subscriptions.opml"
    path.write_text(text, encoding="utf-8")
    return path


def titles(result: CliResult) -> set[str]:
    return {a["title"] for a in result.json()}


def assert_usage_error(result: CliResult) -> None:
    """Exit 2, exactly one line on stderr that says something, no traceback, nothing on stdout."""
    assert result.code == 2, result
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert len(lines[0].strip()) > 10
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


# --- one library shared by the read-only tests: import OPML, refresh --------------------------


class Library:
    def __init__(
        self, server: FeedServer, data_dir: Path, opml: Path, runner: Callable[..., CliResult]
    ) -> None:
        self.server = server
        self.runner = runner
        self.data_dir = data_dir
        self.opml = opml
        self.import_result: CliResult | None = None
        self.first_refresh: CliResult | None = None
        self.second_refresh: CliResult | None = None

    def __call__(self, *args: str) -> CliResult:
        return self.runner(self.data_dir, *args)


@pytest.fixture(scope="module")
def library(
    module_feed_server: FeedServer, tmp_path_factory: pytest.TempPathFactory, run_cli
) -> Library:
    serve_fixtures(module_feed_server)
    folder = tmp_path_factory.mktemp("library")
    opml = write_opml(module_feed_server, folder)
    lib = Library(module_feed_server, folder / "data", opml, run_cli)
    lib.import_result = lib("import", str(lib.opml))
    lib.first_refresh = lib("refresh", "--json")
    lib.second_refresh = lib("refresh", "--json")
    return lib


def article_id(lib: Library, title: str) -> int:
    (found,) = [
        a["id"] for a in lib("articles", "--limit", "0", "--json").json() if a["title"] == title
    ]
    return found


# --- import / export ---------------------------------------------------------------------------


def test_import_keeps_nested_folders_and_survives_raw_ampersands(library: Library) -> None:
    result = library.import_result
    assert result is not None and result.code == 0, result
    assert result.stdout.startswith("imported 4, skipped 2"), result.stdout
    assert "duplicate" in result.stdout.lower() or "already" in result.stdout.lower()
    feeds = {f["url"].rsplit("/", 1)[1]: f for f in library("feeds", "--json").json()}
    assert {name: f["folder"] for name, f in feeds.items()} == {
        "syria_a.rss": "Middle East",  # the innermost folder
        "syria_b.atom": "Middle East",
        "syria_c.json": "News & Politics",
        "arabic.xml": "عربي",
    }


def test_feeds_json_has_the_contract_fields(library: Library) -> None:
    feeds = library("feeds", "--json").json()
    assert len(feeds) == 4
    for feed in feeds:
        assert {"id", "url", "title", "folder", "unread", "total", "error"} <= set(feed)
        assert feed["error"] is None
        assert feed["total"] == feed["unread"] > 0
    titles_ = {f["title"] for f in feeds}
    assert {"Alpha Wire", "Beta Journal", "Gamma Daily", "أخبار عربية"} == titles_


def test_export_reimports_to_the_same_feeds(library: Library, tmp_path: Path, run_cli) -> None:
    exported = tmp_path / "out.opml"
    result = library("export", str(exported))
    assert result.code == 0, result
    to_stdout = library("export")
    assert to_stdout.code == 0
    assert to_stdout.stdout == exported.read_text(encoding="utf-8")
    assert "<opml" in to_stdout.stdout and 'version="2.0"' in to_stdout.stdout
    other = tmp_path / "other"
    assert run_cli(other, "import", str(exported)).code == 0
    original = {(f["url"], f["folder"]) for f in library("feeds", "--json").json()}
    again = {(f["url"], f["folder"]) for f in run_cli(other, "feeds", "--json").json()}
    assert again == original


def test_importing_twice_adds_nothing(library: Library, tmp_path: Path, run_cli) -> None:
    other = tmp_path / "d"
    run_cli(other, "import", str(library.opml))
    second = run_cli(other, "import", str(library.opml))
    assert second.code == 0
    assert second.stdout.startswith("imported 0,")
    assert len(run_cli(other, "feeds", "--json").json()) == 4


# --- refresh -----------------------------------------------------------------------------------


def test_refresh_json_then_not_modified(library: Library) -> None:
    first = library.first_refresh.json()
    expected_keys = {"feed_id", "url", "status", "new", "updated", "error"}
    assert all(set(row) >= expected_keys for row in first)
    assert sorted(r["status"] for r in first) == ["updated"] * 4
    assert sum(r["new"] for r in first) == 3 + 2 + 2 + 3
    assert all(r["error"] is None for r in first)
    second = library.second_refresh.json()
    assert [(r["status"], r["new"], r["updated"]) for r in second] == [("not_modified", 0, 0)] * 4
    # the second refresh sent conditional requests
    for name in ("/syria_a.rss", "/syria_b.atom", "/syria_c.json", "/arabic.xml"):
        last = library.server.hits_for(name)[-1]
        assert "if-none-match" in last.headers or "if-modified-since" in last.headers


def test_refresh_stdout_is_only_json(library: Library) -> None:
    result = library("refresh", "--json")
    assert result.code == 0
    json.loads(result.stdout)  # nothing else on stdout


def test_refresh_without_json_reports_progress_on_stderr(library: Library) -> None:
    result = library("refresh")
    assert result.code == 0
    assert "refreshed 4 feeds" in result.stdout
    assert len([line for line in result.stderr.splitlines() if line.startswith("[")]) == 4


def test_refresh_with_a_failing_feed_exits_0_and_reports_the_row(
    tmp_path: Path, feed_server: FeedServer, run_cli
) -> None:
    serve_fixtures(feed_server)
    data = tmp_path / "d"
    assert run_cli(data, "add", feed_server.url("/syria_a.rss")).code == 0
    doomed = run_cli(data, "add", feed_server.url("/syria_c.json"), "--json").json()
    feed_server.error("/syria_c.json", 500)
    result = run_cli(data, "refresh", "--json")
    assert result.code == 0, result
    rows = {r["feed_id"]: r for r in result.json()}
    assert rows[doomed["id"]]["status"] == "error"
    assert "500" in rows[doomed["id"]]["error"]
    others = [r for fid, r in rows.items() if fid != doomed["id"]]
    assert [r["status"] for r in others] == ["not_modified"]
    feeds = {f["id"]: f for f in run_cli(data, "feeds", "--json").json()}
    assert "500" in feeds[doomed["id"]]["error"]
    assert feeds[doomed["id"]]["total"] == 2  # what was stored stays


def test_refresh_one_feed(library: Library) -> None:
    feed_id = library("feeds", "--json").json()[0]["id"]
    rows = library("refresh", "--feed", str(feed_id), "--json").json()
    assert [r["feed_id"] for r in rows] == [feed_id]


# --- articles ----------------------------------------------------------------------------------


def test_articles_json_fields_and_order(library: Library) -> None:
    items = library("articles", "--limit", "0", "--json").json()
    assert len(items) == 10
    for item in items:
        assert set(item) >= ARTICLE_FIELDS
        assert item["published"] is None or ISO_UTC.match(item["published"])
        assert isinstance(item["categories"], list)
    dates = [a["published"] for a in items]
    assert dates == sorted(dates, reverse=True)  # newest first


@pytest.mark.parametrize("spelling", ["Syria", "syria", "SYRIA"])
def test_articles_by_category_any_case(library: Library, spelling: str) -> None:
    found = library("articles", "--category", spelling, "--limit", "0", "--json").json()
    assert {a["title"] for a in found} == SYRIA_TITLES
    # one display name whatever each feed wrote ("Syria", "syria", "SYRIA")
    shown = {c for a in found for c in a["categories"] if c.casefold() == "syria"}
    assert len(shown) == 1, shown


def test_articles_by_arabic_category(library: Library) -> None:
    found = library("articles", "--category", "سوريا", "--limit", "0", "--json")
    assert titles(found) == ARABIC_SYRIA_TITLES


def test_articles_limit(library: Library) -> None:
    assert len(library("articles", "--json").json()) == 10  # default 50
    assert len(library("articles", "--limit", "3", "--json").json()) == 3
    assert len(library("articles", "--limit", "0", "--json").json()) == 10


def test_articles_search_title_word(library: Library) -> None:
    assert titles(library("articles", "--search", "Aleppo", "--json")) == {
        "Aid convoy reaches Aleppo"
    }
    assert titles(library("articles", "--search", "دمشق", "--json")) == {"مباحثات جديدة في دمشق"}
    assert library("articles", "--search", "zzzzqqq", "--json").json() == []


def test_articles_by_feed_and_folder(library: Library) -> None:
    feeds = {f["title"]: f for f in library("feeds", "--json").json()}
    beta = feeds["Beta Journal"]["id"]
    assert titles(library("articles", "--feed", str(beta), "--json")) == {
        "Refugees return to Homs",
        "Football final tonight",
    }
    middle_east = library("articles", "--folder", "Middle East", "--limit", "0", "--json")
    assert len(middle_east.json()) == 5
    assert {a["feed_title"] for a in middle_east.json()} == {"Alpha Wire", "Beta Journal"}
    assert titles(library("articles", "--folder", "عربي", "--json")) >= {"مباحثات جديدة في دمشق"}


def test_articles_unread_and_starred_filters(library: Library, tmp_path: Path, run_cli) -> None:
    # work on a copy of nothing shared: flags are per data dir
    data = tmp_path / "d"
    run_cli(data, "import", str(library.opml))
    run_cli(data, "refresh")
    items = run_cli(data, "articles", "--limit", "0", "--json").json()
    first, second = items[0]["id"], items[1]["id"]
    assert run_cli(data, "read", str(first)).code == 0
    assert run_cli(data, "star", str(second)).code == 0
    unread = {
        a["id"] for a in run_cli(data, "articles", "--unread", "--limit", "0", "--json").json()
    }
    assert first not in unread and second in unread and len(unread) == 9
    starred = run_cli(data, "articles", "--starred", "--json").json()
    assert [a["id"] for a in starred] == [second]
    assert starred[0]["starred"] is True
    assert run_cli(data, "unread", str(first)).code == 0
    assert run_cli(data, "unstar", str(second)).code == 0
    assert run_cli(data, "articles", "--starred", "--json").json() == []
    assert len(run_cli(data, "articles", "--unread", "--limit", "0", "--json").json()) == 10


def test_categories_json(library: Library) -> None:
    cats = {c["name"]: c for c in library("categories", "--json").json()}
    assert set(next(iter(cats.values()))) >= {"name", "articles", "unread"}
    syria = [name for name in cats if name.casefold() == "syria"]
    assert len(syria) == 1, syria
    assert (cats[syria[0]]["articles"], cats[syria[0]]["unread"]) == (4, 4)
    assert cats["سوريا"]["articles"] == 3
    assert "Sport" in cats or "sport" in cats


# --- show ----------------------------------------------------------------------------------------


def test_show_json_fields(library: Library) -> None:
    aid = article_id(library, "Ceasefire talks resume in Geneva")
    shown = library("show", str(aid), "--json").json()
    assert set(shown) >= DETAIL_FIELDS
    assert shown["source"] == "Alpha Wire"
    assert shown["comments"] == "https://alpha.example/a1#comments"
    assert shown["enclosures"] == [
        {"url": "https://alpha.example/a1.mp3", "type": "audio/mpeg", "length": 2048}
    ]
    assert shown["direction"] == "ltr"
    assert shown["summary"] == "Delegations met again on Thursday."
    assert "<b>met</b>" in shown["content_html"]
    html = shown["content_html"].lower()
    assert "<script" not in html and "onclick" not in html and "p.gif" not in html
    assert shown["published"] == "2025-07-03T10:00:00Z"
    assert sorted(c.casefold() for c in shown["categories"]) == ["diplomacy", "syria"]


def test_show_arabic_article_is_rtl(library: Library) -> None:
    aid = article_id(library, "مباحثات جديدة في دمشق")
    shown = library("show", str(aid), "--json").json()
    assert shown["direction"] == "rtl"
    assert shown["source"] == "أخبار عربية"


def test_show_plain_text(library: Library) -> None:
    aid = article_id(library, "Refugees return to Homs")
    result = library("show", str(aid))
    assert result.code == 0
    assert "Refugees return to Homs" in result.stdout
    assert "Families came back." in result.stdout


# --- favorites -----------------------------------------------------------------------------------


def test_star_three_remove_one_feed_all_three_stay(
    tmp_path: Path, feed_server: FeedServer, run_cli
) -> None:
    serve_fixtures(feed_server)
    data = tmp_path / "d"
    alpha = run_cli(data, "add", feed_server.url("/syria_a.rss"), "--json").json()
    run_cli(data, "add", feed_server.url("/syria_b.atom"))
    items = run_cli(data, "articles", "--limit", "0", "--json").json()
    from_alpha = [a for a in items if a["feed_id"] == alpha["id"]][:2]
    from_beta = [a for a in items if a["feed_id"] != alpha["id"]][:1]
    chosen = [a["id"] for a in from_alpha + from_beta]
    assert run_cli(data, "star", *map(str, chosen)).code == 0
    removed = run_cli(data, "remove", str(alpha["id"]))
    assert removed.code == 0, removed
    assert alpha["id"] not in {f["id"] for f in run_cli(data, "feeds", "--json").json()}
    starred = run_cli(data, "articles", "--starred", "--json").json()
    assert {a["id"] for a in starred} == set(chosen)
    for a in from_alpha:
        shown = run_cli(data, "show", str(a["id"]), "--json").json()
        assert shown["title"] == a["title"]
        assert shown["source"] == "Alpha Wire"
        assert shown["content_html"]
        assert shown["categories"] == a["categories"]
        assert shown["starred"] is True
    # the favorites still answer category filters and search
    assert {a["id"] for a in run_cli(data, "articles", "--category", "syria", "--json").json()} >= {
        a["id"] for a in from_alpha if "Syria" in a["categories"]
    }
    export = tmp_path / "fav.json"
    assert run_cli(data, "favorites", "export", str(export)).code == 0
    doc = json.loads(export.read_text(encoding="utf-8"))
    assert {f["title"] for f in doc["favorites"]} == {a["title"] for a in from_alpha + from_beta}


def test_favorites_export_json_and_html(tmp_path: Path, feed_server: FeedServer, run_cli) -> None:
    serve_fixtures(feed_server)
    data = tmp_path / "d"
    run_cli(data, "add", feed_server.url("/syria_a.rss"))
    run_cli(data, "add", feed_server.url("/arabic.xml"))
    items = run_cli(data, "articles", "--limit", "0", "--json").json()
    starred = {a["title"]: a["id"] for a in items[:4]}
    # and one with a real (remote) image and an "&" in its title
    run_cli(data, "add", feed_server.url("/site/feed.xml"))
    starred["First bold story & more"] = next(
        a["id"]
        for a in run_cli(data, "articles", "--search", "first", "--json").json()
        if a["title"] == "First bold story & more"
    )
    run_cli(data, "star", *map(str, starred.values()))

    as_json = tmp_path / "favorites.json"
    result = run_cli(data, "favorites", "export", str(as_json), "--format", "json")
    assert result.code == 0, result
    doc = json.loads(as_json.read_text(encoding="utf-8"))
    records = doc["favorites"]
    assert {r["title"] for r in records} == set(starred)
    for record in records:
        assert set(record) >= DETAIL_FIELDS
        assert "<script" not in record["content_html"].lower()

    as_html = tmp_path / "favorites.html"
    result = run_cli(data, "favorites", "export", str(as_html), "--format", "html")
    assert result.code == 0, result
    page = as_html.read_text(encoding="utf-8")
    lowered = page.lower()
    for title in starred:
        assert title in page or title.replace("&", "&amp;") in page
    assert "<script" not in lowered
    assert not re.search(r"\son[a-z]+\s*=", lowered)
    assert "javascript:" not in lowered
    # nothing is fetched from the network when the page is opened: either no remote source at
    # all, or a Content-Security-Policy that forbids loading one
    assert "@import" not in lowered and "url(http" not in lowered
    assert "<link" not in lowered
    remote = re.search(
        r"<(img|iframe|video|audio|source|object|embed)\b[^>]*\b(src|srcset|data)\s*=\s*"
        r"[\"']?(https?:)?//",
        lowered,
    )
    if remote:
        csp = re.search(r'http-equiv="content-security-policy"\s+content="([^"]*)"', lowered)
        assert csp, f"remote {remote.group(1)} without a Content-Security-Policy"
        policy = csp.group(1)
        assert "default-src 'none'" in policy
        assert not re.search(r"(img|media|default)-src[^;]*(https?:|\*)", policy), policy
    assert 'dir="rtl"' in page  # the Arabic favorites read right to left


# --- adding -----------------------------------------------------------------------------------


def test_add_feed_url(tmp_path: Path, feed_server: FeedServer, run_cli) -> None:
    serve_fixtures(feed_server)
    data = tmp_path / "d"
    added = run_cli(data, "add", feed_server.url("/syria_b.atom"), "--folder", "Mid", "--json")
    feed = added.json()
    assert set(feed) >= {"id", "url", "title", "folder", "unread", "total", "error"}
    assert (feed["url"], feed["title"], feed["folder"]) == (
        feed_server.url("/syria_b.atom"),
        "Beta Journal",
        "Mid",
    )
    assert feed["total"] == feed["unread"] == 2
    plain = run_cli(data, "add", feed_server.url("/syria_a.rss"))
    assert plain.code == 0 and "Alpha Wire" in plain.stdout


def test_add_site_url_finds_the_feed(tmp_path: Path, feed_server: FeedServer, run_cli) -> None:
    serve_fixtures(feed_server)
    feed = run_cli(tmp_path / "d", "add", feed_server.url("/site/"), "--json").json()
    assert feed["url"] == feed_server.url("/site/feed.xml")
    assert feed["title"] == "Example & News"
    assert feed["total"] == 3


def test_add_site_url_by_common_path(tmp_path: Path, feed_server: FeedServer, run_cli) -> None:
    feed_server.add(
        "/blog/",
        "<html><head><title>No links</title></head><body>hi</body></html>",
        content_type="text/html",
    )
    feed_server.add_file("/blog/feed", E2E / "syria_a.rss", content_type="application/rss+xml")
    feed_server.add_file("/feed", E2E / "syria_a.rss", content_type="application/rss+xml")
    feed = run_cli(tmp_path / "d", "add", feed_server.url("/blog/"), "--json").json()
    assert feed["title"] == "Alpha Wire"


def test_adding_the_same_feed_twice_is_refused(
    tmp_path: Path, feed_server: FeedServer, run_cli
) -> None:
    serve_fixtures(feed_server)
    data = tmp_path / "d"
    assert run_cli(data, "add", feed_server.url("/syria_a.rss")).code == 0
    assert_usage_error(run_cli(data, "add", feed_server.url("/syria_a.rss")))
    assert len(run_cli(data, "feeds", "--json").json()) == 1


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("show", "999999"),
        ("show", "999999", "--json"),
        ("star", "999999"),
        ("read", "999999"),
        ("remove", "999999"),
        ("refresh", "--feed", "999999"),
        ("articles", "--feed", "999999"),
        ("add", "http://"),
        ("add", "javascript:alert(1)"),
        ("add", "file:///etc/passwd"),
        ("add", "not a url"),
        ("import", "/nonexistent/file.opml"),
        ("articles", "--bogus"),
        ("--bogus", "feeds"),
        ("articles", "--limit", "-1"),
        ("articles", "--limit", "many"),
        ("show", "abc"),
        ("nosuchcommand",),
        ("favorites", "export", "x.out", "--format", "pdf"),
    ],
    ids=lambda a: " ".join(a),
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, args: tuple[str, ...], run_cli) -> None:
    assert_usage_error(run_cli(tmp_path / "d", *args))


def test_unreadable_files_exit_2(tmp_path: Path, run_cli) -> None:
    folder = tmp_path / "a-directory"
    folder.mkdir()
    assert_usage_error(run_cli(tmp_path / "d", "import", str(folder)))
    binary = tmp_path / "garbage.opml"
    binary.write_bytes(bytes(range(256)) * 20)
    result = run_cli(tmp_path / "d", "import", str(binary))
    assert result.code in (0, 2)
    assert "Traceback" not in result.stderr
    if result.code == 2:
        assert_usage_error(result)
    else:
        assert result.stdout.startswith("imported 0")


def test_unreachable_feed_on_add_exits_2(tmp_path: Path, feed_server: FeedServer, run_cli) -> None:
    assert_usage_error(run_cli(tmp_path / "d", "add", feed_server.url("/hostile/404")))
    assert_usage_error(run_cli(tmp_path / "d", "add", feed_server.url("/hostile/invalid-xml")))


def test_listing_commands_print_json_only(library: Library) -> None:
    for args in (("feeds",), ("articles",), ("categories",)):
        result = library(*args, "--json")
        assert result.code == 0
        json.loads(result.stdout)


def test_empty_data_dir_lists_nothing(tmp_path: Path, run_cli) -> None:
    data = tmp_path / "fresh"
    for command in ("feeds", "articles", "categories"):
        assert run_cli(data, command, "--json").json() == []
    assert run_cli(data, "refresh", "--json").json() == []


# --- the acceptance check with hostile servers ----------------------------------------------------


HOSTILE_TEST = "test_refresh_with_trickling_and_huge_servers_finishes_in_time"
HOSTILE_ROUTES = (
    ("slow", "/hostile/slow?seconds=120"),
    ("slow-headers", "/hostile/slow?seconds=120&amp;where=headers"),
    ("huge", "/hostile/huge?mb=200"),
    ("huge-declared", "/hostile/huge?mb=200&amp;length=1"),
    ("bomb", "/hostile/gzip-bomb"),
    ("loop", "/hostile/loop"),
    ("reset", "/hostile/reset"),
    ("429", "/hostile/429"),
    ("invalid", "/hostile/invalid-xml"),
)


@pytest.fixture(scope="module", autouse=True)
def hostile_refresh(request, module_feed_server, tmp_path_factory, run_cli, start_cli):
    """A refresh against trickling and huge servers, started before this module's other tests.

    It waits on the real per-feed deadline (30 s): started first, the other tests run while it
    waits instead of after it. Only started when the test that checks it was selected.
    """
    selected = any(
        getattr(i, "originalname", i.name) == HOSTILE_TEST for i in request.session.items
    )
    if not selected:
        yield None
        return
    server = module_feed_server
    server.add_file("/acceptance/good.rss", E2E / "syria_a.rss")
    data = tmp_path_factory.mktemp("hostile") / "data"
    assert run_cli(data, "add", server.url("/acceptance/good.rss")).code == 0
    server.add_file("/acceptance/good.rss", E2E / "syria_b.atom")  # changed: will be "updated"
    outlines = "".join(
        f'<outline type="rss" text="{name}" xmlUrl="{server.url(path)}"/>'
        for name, path in HOSTILE_ROUTES
    )
    opml = data.parent / "hostile.opml"
    opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>', encoding="utf-8")
    imported = run_cli(data, "import", str(opml))
    assert imported.stdout.startswith(f"imported {len(HOSTILE_ROUTES)},"), imported
    process = start_cli(data, "refresh", "--json")
    yield process
    process.kill()


@pytest.mark.slow
def test_refresh_with_trickling_and_huge_servers_finishes_in_time(hostile_refresh) -> None:
    result, elapsed = hostile_refresh.result(timeout=150)
    assert result.code == 0, result
    assert elapsed < 90, f"refresh took {elapsed:.0f} s"
    rows = result.json()
    assert len(rows) == len(HOSTILE_ROUTES) + 1
    statuses = sorted(row["status"] for row in rows)
    assert statuses == ["error"] * len(HOSTILE_ROUTES) + ["updated"]
    for row in rows:
        if row["status"] == "error":
            assert row["error"] and row["error"].endswith("."), row
