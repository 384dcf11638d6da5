"""Hostile feed documents: every file of the corpus's hostile/ folder plus generated attacks
(one-line entity bombs, XXE towards a local secret file and towards the local server, XInclude,
deep nesting in XML and JSON).

tests/e2e/test_corpus.py checks that each corpus file ends as an error or as articles and scans
the stored HTML with a regular expression. This module adds:

- time and memory bounds per document, measured in a separate process;
- no local file's contents anywhere, not even in the raw database file, and no request made to a
  URL named by a DTD or an entity;
- no entity expansion stored;
- the stored HTML walked element by element: no active element, event handler, style, or URL
  with a scheme other than http(s)/mailto/tel/ftp/magnet/geo;
- feed titles, article titles, authors and categories free of bidi overrides and controls.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import BIDI_AND_CONTROLS, ActiveContent, cli_env, hostile_files, record

from reader.core.service import Service
from reader.core.types import Query

PER_FILE_SECONDS = 10.0
PER_FILE_MB = 150


# --- generated attacks ---------------------------------------------------------------------------


def generated_attacks(folder: Path, secret: Path, server: str) -> dict[str, bytes]:
    """Documents written for this suite; `server` is the local server's base URL."""
    lol = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 12)
    )
    rss = '<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>{title}</title>'
    end = "</channel></rss>"
    item = "<item><title>{t}</title><guid>{g}</guid><description>{d}</description></item>"
    return {
        # feedparser drops nested entities only from lines that start with <!ENTITY
        "gen_laughs_one_line.rss": (
            rss.format(doctype=f"<!DOCTYPE rss [{lol}]>", title="&l11;")
            + item.format(t="&l11;", g="laughs", d="&l11;&l11;")
            + end
        ).encode(),
        "gen_quadratic_short_entity.rss": (
            rss.format(doctype='<!DOCTYPE rss [<!ENTITY a "AAAA">]>', title="q")
            + item.format(t="quadratic", g="q", d="&a;" * 1_000_000)
            + end
        ).encode(),
        "gen_parameter_entities.rss": (
            rss.format(
                doctype='<!DOCTYPE rss [<!ENTITY % a "AAAAAAAAAA">'
                '<!ENTITY % b "%a;%a;%a;%a;%a;%a;%a;%a;%a;%a;">'
                '<!ENTITY % c "%b;%b;%b;%b;%b;%b;%b;%b;%b;%b;">%c;]>',
                title="p",
            )
            + item.format(t="parameters", g="p", d="x")
            + end
        ).encode(),
        "gen_xxe_secret.rss": (
            rss.format(
                doctype=f'<!DOCTYPE rss [\n<!ENTITY s SYSTEM "file://{secret}">\n]>',
                title="XXE &s;",
            )
            + item.format(t="Leak &s;", g="xxe-&s;", d="&s;")
            + "<item><title>c</title><guid>c</guid><category>&s;</category></item>"
            + end
        ).encode(),
        "gen_xxe_secret_one_line.atom": (
            f'<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY s SYSTEM "file://{secret}">'
            f'<!ENTITY % p SYSTEM "file://{secret}">]>'
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>XXE &s;</title><id>x</id>'
            "<entry><title>Leak &s;</title><id>e1</id><updated>2024-01-01T00:00:00Z</updated>"
            '<content type="html">&s;</content></entry></feed>'
        ).encode(),
        "gen_xxe_external_dtd.rss": (
            rss.format(
                doctype=f'<!DOCTYPE rss SYSTEM "{server}/xxe/evil.dtd">',
                title="DTD &remote;",
            )
            + item.format(t="DTD &remote;", g="dtd", d="&remote;")
            + end
        ).encode(),
        "gen_xxe_entity_to_server.rss": (
            rss.format(
                doctype=f'<!DOCTYPE rss [<!ENTITY r SYSTEM "{server}/xxe/entity">'
                f'<!ENTITY % p SYSTEM "{server}/xxe/param"> %p;]>',
                title="SSRF &r;",
            )
            + item.format(t="SSRF &r;", g="ssrf", d="&r;")
            + end
        ).encode(),
        "gen_xinclude.atom": (
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" '
            'xmlns:xi="http://www.w3.org/2001/XInclude"><title>xinclude</title><id>x</id>'
            "<entry><title>XInclude</title><id>xi</id><updated>2024-01-01T00:00:00Z</updated>"
            f'<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
            f'<xi:include href="file://{secret}" parse="text"/>'
            f'<xi:include href="{server}/xxe/xinclude" parse="text"/></div></content>'
            "</entry></feed>"
        ).encode(),
        "gen_deep_xml_50000.rss": (
            rss.format(doctype="", title="deep")
            + "<item><title>deep</title><guid>deep</guid>"
            + "<x>" * 50_000
            + "</x>" * 50_000
            + "</item>"
            + end
        ).encode(),
        "gen_deep_json_100000.json": (
            '{"version": "https://jsonfeed.org/version/1.1", "title": "deep", "items": '
            + "[" * 100_000
            + "]" * 100_000
            + "}"
        ).encode(),
        "gen_script_everywhere.atom": (
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>&lt;script&gt;alert(1)&lt;/script&gt;Feed\u202e</title><id>s</id>"
            '<entry><title type="html">&lt;img src=x onerror=alert(1)&gt;T\u2066itle</title>'
            "<id>s1</id><updated>2024-01-01T00:00:00Z</updated>"
            "<author><name>&lt;script&gt;x&lt;/script&gt;Eve\u202d</name></author>"
            '<category term="&lt;b onmouseover=alert(1)&gt;Cat\u2067"/>'
            '<content type="html">'
            + html.escape(
                '<svg onload=alert(1)><a href="jav&#x09;ascript:alert(1)">a</a>'
                '<a href=" javascript:alert(2)">b</a><img src="data:text/html,<script>">'
                '<iframe srcdoc="<script>alert(3)</script>"></iframe><math><mi>x</mi></math>'
                '<a href="vbscript:x">c</a><div style="background:url(javascript:alert(4))">d</div>'
                '<form action="javascript:alert(5)"><button formaction="javascript:6">e</button>'
                "</form><object data='x.swf'></object><embed src='x.swf'>"
                '<meta http-equiv="refresh" content="0;url=javascript:alert(7)">'
                '<base href="javascript:alert(8)//"><link rel=import href="x">'
                "<!--[if IE]><script>alert(9)</script><![endif]-->"
                '<a href="&#106;avascript:alert(10)">f</a><p>kept text</p>'
            )
            + "</content></entry></feed>"
        ).encode(),
    }


# --- bounded time and memory, measured in a child process ----------------------------------------

_MEASURE = r"""
import json, resource, sys, time
from reader.core.errors import ParseError
from reader.core.parse import parse_feed
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # a blow-up fails, not the machine

def kb(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1])

for path in sys.argv[1:]:
    body = open(path, "rb").read()
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # the high-water mark starts again from the current size
    before = kb("VmRSS:")
    started = time.perf_counter()
    try:
        parsed = parse_feed(body, {"content-type": "application/xml"}, "http://127.0.0.1:9/f")
        outcome = f"{len(parsed.entries)} entries"
    except ParseError as exc:
        outcome = "error: " + str(exc)
    except Exception as exc:
        outcome = f"CRASH {type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - started
    grown = (kb("VmHWM:") - before) / 1024
    print(json.dumps({"file": path, "seconds": seconds, "grown_mb": grown, "outcome": outcome}))
    sys.stdout.flush()
"""


@pytest.fixture(scope="module")
def attack_files(tmp_path_factory: pytest.TempPathFactory, module_feed_server: Any) -> list[Path]:
    folder = tmp_path_factory.mktemp("attacks")
    secret = folder / "secret.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    paths = []
    for name, data in generated_attacks(folder, secret, module_feed_server.base).items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return paths


SECRET = f"READER-SECRET-{uuid.uuid4().hex}"


def test_every_hostile_document_parses_in_bounded_time_and_memory(
    attack_files: list[Path],
) -> None:
    files = hostile_files() + attack_files
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=PER_FILE_SECONDS * len(files),
        env=cli_env(),
        check=False,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == len(files)
    slow = {Path(r["file"]).name: r["seconds"] for r in rows if r["seconds"] > PER_FILE_SECONDS}
    big = {Path(r["file"]).name: r["grown_mb"] for r in rows if r["grown_mb"] > PER_FILE_MB}
    crashed = {Path(r["file"]).name: r["outcome"] for r in rows if r["outcome"].startswith("C")}
    assert crashed == {}
    assert slow == {}, f"documents over {PER_FILE_SECONDS} s: {slow}"
    assert big == {}, f"documents that grew memory by over {PER_FILE_MB} MB: {big}"
    worst = max(rows, key=lambda r: r["seconds"])
    record(
        "hostile documents (parse)",
        f"{len(rows)}/{len(rows)} handled ({len(hostile_files())} corpus + "
        f"{len(attack_files)} generated) in {elapsed:.1f} s; slowest "
        f"{Path(worst['file']).name} {worst['seconds']:.2f} s; largest memory growth "
        f"{max(r['grown_mb'] for r in rows):.0f} MB",
    )


# --- through the server and the refresh into the database ----------------------------------------


@pytest.fixture(scope="module")
def stored(
    attack_files: list[Path], module_feed_server: Any, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    server = module_feed_server
    for path in ("/xxe/evil.dtd", "/xxe/entity", "/xxe/param", "/xxe/xinclude"):
        server.add(path, f'<!ENTITY remote "{SECRET}">', content_type="application/xml-dtd")
    service = Service(tmp_path_factory.mktemp("stored") / "data")
    names = {}
    for path in hostile_files() + attack_files:
        ctype = "text/html; charset=utf-8" if path.suffix == ".html" else "application/xml"
        if path.suffix == ".json":
            ctype = "application/feed+json"
        url = server.add(f"/attack/{path.name}", path.read_bytes(), content_type=ctype)
        names[service.subscribe(url)] = path.name
    started = time.monotonic()
    results = {names[r.feed_id]: r for r in service.refresh_iter()}
    elapsed = time.monotonic() - started
    yield {"service": service, "names": names, "results": results, "seconds": elapsed}
    service.close()


def test_every_document_ends_as_articles_or_one_clear_sentence(stored: dict[str, Any]) -> None:
    service: Service = stored["service"]
    assert set(stored["results"]) == set(stored["names"].values())
    errors = articles = 0
    for feed_id, name in stored["names"].items():
        result = stored["results"][name]
        if result.status == "error":
            errors += 1
            message = result.error or ""
            assert message.endswith(".") and "\n" not in message and len(message) < 300, name
            assert "Unexpected error" not in message, (name, message)  # a bug, not a sentence
        else:
            articles += 1
            assert service.feed(feed_id).total > 0, name
    assert stored["seconds"] < 60
    record(
        "hostile documents (refresh)",
        f"{len(stored['names'])} served and refreshed in {stored['seconds']:.1f} s: "
        f"{articles} stored safely, {errors} refused with a sentence, 0 crashes",
    )


def test_no_local_file_and_no_request_leaks(stored: dict[str, Any], module_feed_server: Any):
    service: Service = stored["service"]
    for path in ("/xxe/evil.dtd", "/xxe/entity", "/xxe/param", "/xxe/xinclude"):
        assert module_feed_server.hits_for(path) == [], f"the parser fetched {path}"
    service.close()  # checkpoint, so the raw file holds everything
    raw = b"".join(p.read_bytes() for p in service.data_dir.iterdir() if p.is_file())
    assert SECRET.encode() not in raw
    for leak in (b"root:x:0:0", b"daemon:x:"):
        assert leak not in raw


def test_no_entity_expansion_is_stored(stored: dict[str, Any]) -> None:
    service: Service = stored["service"]
    for article in service.articles(limit=None):
        detail = service.article(article.id)
        for value in (detail.title, detail.content_html, detail.summary, *detail.categories):
            assert "lollollol" not in value and "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" not in value
    for feed in service.feeds():
        assert "lollol" not in feed.title and len(feed.title) <= 300


def test_stored_html_has_no_active_content(stored: dict[str, Any]) -> None:
    service: Service = stored["service"]
    checked = 0
    for article_id in service.article_ids():
        detail = service.article(article_id)
        scanner = ActiveContent()
        scanner.feed(detail.content_html)
        scanner.close()
        assert scanner.found == [], (detail.feed_title, detail.title, scanner.found)
        for url in (detail.link, detail.comments, *(e.url for e in detail.enclosures)):
            assert url is None or url.startswith(("http://", "https://")), url
        checked += 1
    assert checked >= (25 if hostile_files() else 8)
    script = next(
        a for a in service.articles(limit=None) if a.feed_title.endswith("Feed")
    )  # gen_script_everywhere: the text survives, the attack does not
    assert "kept text" in service.article(script.id).content_html


def test_single_line_fields_carry_no_bidi_override_or_control(stored: dict[str, Any]) -> None:
    service: Service = stored["service"]
    for feed in service.feeds():
        assert not BIDI_AND_CONTROLS.search(feed.title), feed.title
        assert "<" not in feed.title or "<script" not in feed.title.lower()
    for category in service.categories():
        assert not BIDI_AND_CONTROLS.search(category.name), category.name
    for article in service.articles(Query(), limit=None):
        for value in (article.title, article.author or "", *article.categories):
            assert not BIDI_AND_CONTROLS.search(value), value
            assert not re.search(r"<\s*(script|img|b)\b", value, re.I), value


def test_every_corpus_hostile_file_was_tried(hostile_dir: Path, stored: dict[str, Any]) -> None:
    """Skips, naming READER_CORPUS, when the shared corpus is missing (the rest still runs)."""
    names = {p.name for p in hostile_dir.iterdir() if p.is_file() and p.suffix != ".md"}
    assert len(names) >= 25
    assert names <= set(stored["names"].values())
