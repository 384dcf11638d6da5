"""Bad input through the command line: malformed and non-HTTP URLs, unknown and absurd ids, huge
OPML files, OPML with entity expansion and external entities, imports that fail or are killed.

The contract: bad input exits 2 with one short line on stderr and stores nothing; an import is
one transaction, so it stores all its feeds or none; 10,000 feeds and 50 MB import in bounded time.
"""

from __future__ import annotations

import contextlib
import io
import random
import sqlite3
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import (
    ReaderProcess,
    check_database,
    reader_command,
    record,
    run_reader,
)

from reader import cli

BAD_URLS = [
    "http://exa mple.com/feed",
    "http://[::1",
    "http://127.0.0.1:99999/feed.xml",
    "http://localhost:0/feed.xml",
    "http:///feed",
    "http://user@:80/",
    "http://\x00/",
    "http://" + "a" * 100_000 + ".example/",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(document.cookie)",
    "jav\tascript:alert(1)",
    "file:/etc/passwd",
    "FILE:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "data:application/rss+xml;base64,PHJzcz48L3Jzcz4=",
    "feed://example.com/rss",
    "ftp://ftp.example/feed.xml",
    "view-source:http://example.com/",
    "about:blank",
    "//example.com/feed",
    "\\\\server\\share\\feed.xml",
    "C:\\feeds\\a.xml",
    "localhost",
    "",
]


def in_process(data: Path, *args: str) -> tuple[int, str, str]:
    """The command line's own entry point in this process (dozens of interpreters cost seconds)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.run(["--data-dir", str(data), *args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def assert_bad_input(code: int, out: str, err: str) -> str:
    assert code == 2, (code, out, err)
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert 10 < len(lines[0]) < 400, lines[0]
    assert out == ""
    return lines[0]


def feed_count(data: Path) -> int:
    conn = sqlite3.connect(data / "reader.sqlite3")
    try:
        return int(conn.execute("SELECT count(*) FROM feeds").fetchone()[0])
    finally:
        conn.close()


# --- URLs and ids --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", BAD_URLS, ids=lambda u: repr(u[:30]))
def test_bad_urls_are_refused_in_one_short_line_and_store_nothing(url: str, tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert_bad_input(*in_process(data, "add", url))
    assert_bad_input(*in_process(data, "add", url, "--folder", "News"))
    assert feed_count(data) == 0
    assert in_process(data, "feeds", "--json")[1].strip() == "[]"


def test_bad_urls_through_the_real_command(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for url in ("javascript:alert(1)", "file:///etc/passwd", "http://" + "a" * 100_000 + ".x/"):
        result = run_reader(data, "add", url)
        line = assert_bad_input(result.code, result.stdout, result.stderr)
        assert "a" * 200 not in line  # the message quotes a shortened URL
    assert run_reader(data, "feeds", "--json").json() == []


@pytest.fixture
def library(tmp_path: Path, feed_server: Any) -> Path:
    items = "".join(
        f"<item><title>Story {i}</title><guid>s{i}</guid><description>x</description></item>"
        for i in range(5)
    )
    url = feed_server.add(
        "/lib.xml",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Lib</title>{items}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    data = tmp_path / "data"
    assert in_process(data, "add", url)[0] == 0
    return data


@pytest.mark.parametrize(
    "args",
    [
        ("star", "1", "999999"),
        ("read", "2", "999999"),
        ("unread", "3", "-5"),
        ("star", "99999999999999999999"),
        ("show", "0"),
        ("show", "-1"),
        ("show", "99999999999999999999"),
        ("show", "1e3"),
        ("remove", "999999"),
        ("remove", "99999999999999999999"),
        ("refresh", "--feed", "999999"),
        ("refresh", "--feed", "99999999999999999999"),
        ("articles", "--feed", "999999"),
        ("articles", "--limit", "99999999999999999999"),
        ("articles", "--limit", "-1"),
    ],
    ids=" ".join,
)
def test_unknown_ids_exit_2_and_change_nothing(library: Path, args: tuple[str, ...]) -> None:
    before = in_process(library, "articles", "--json")[1]
    assert_bad_input(*in_process(library, *args))
    assert in_process(library, "articles", "--json")[1] == before  # nothing starred half-way


# --- OPML ----------------------------------------------------------------------------------------


def write_opml(path: Path, count: int, *, padding: int = 0, start: int = 0) -> Path:
    pad = f' description="{"x" * padding}"' if padding else ""
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0"?><opml version="2.0"><head><title>big</title></head><body>')
        for folder in range(0, count, 100):
            f.write(f'<outline text="Folder {folder // 100}">')
            for i in range(start + folder, start + min(folder + 100, count)):
                f.write(
                    f'<outline type="rss" text="Feed {i}"{pad} xmlUrl="http://h{i}.example/f"/>'
                )
            f.write("</outline>")
        f.write("</body></opml>")
    return path


def test_opml_of_10000_feeds_imports_all_in_bounded_time(tmp_path: Path) -> None:
    opml = write_opml(tmp_path / "10k.opml", 10_000)
    data = tmp_path / "data"
    result = run_reader(data, "import", str(opml))
    assert result.code == 0 and result.stdout.startswith("imported 10000, skipped 0"), result
    assert result.seconds < 20, result.seconds
    assert feed_count(data) == 10_000
    again = run_reader(data, "import", str(opml))
    assert again.stdout.startswith("imported 0, skipped 10000"), again  # none twice
    assert feed_count(data) == 10_000
    record(
        "OPML 10,000 feeds",
        f"all imported in {result.seconds:.1f} s (peak RSS {result.peak_rss_mb:.0f} MB); "
        "importing it again adds none",
    )


def test_opml_of_50_mb_imports_in_bounded_time_and_memory(tmp_path: Path) -> None:
    opml = write_opml(tmp_path / "50mb.opml", 10_000, padding=5000)
    size = opml.stat().st_size
    assert size > 50 * 10**6
    data = tmp_path / "data"
    result = run_reader(data, "import", str(opml))
    assert result.code == 0 and result.stdout.startswith("imported 10000, skipped 0"), result
    assert result.seconds < 30, result.seconds
    assert result.peak_rss_mb < 600, result.peak_rss_mb
    record(
        "OPML 50 MB",
        f"{size / 10**6:.0f} MB, 10,000 feeds: imported in {result.seconds:.1f} s, "
        f"peak RSS {result.peak_rss_mb:.0f} MB",
    )


def test_opml_with_entities_expands_nothing_and_reads_no_file(
    tmp_path: Path, feed_server: Any
) -> None:
    secret = tmp_path / "secret.txt"
    marker = f"OPML-SECRET-{uuid.uuid4().hex}"
    secret.write_text(marker, encoding="utf-8")
    lol = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 12)
    )
    dtd = feed_server.add("/opml/evil.dtd", f'<!ENTITY x "{marker}">', content_type="text/plain")
    documents = {
        "laughs": f'<?xml version="1.0"?><!DOCTYPE opml [{lol}]><opml version="2.0">'
        '<head><title>&l11;</title></head><body><outline text="&l11;" title="&l11;" '
        'xmlUrl="http://laughs.example/f.xml"/></body></opml>',
        "xxe": f'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY s SYSTEM "file://{secret}">]>'
        '<opml version="2.0"><body><outline text="Leak &s;" xmlUrl="http://x.example/&s;"/>'
        "</body></opml>",
        "dtd": f'<?xml version="1.0"?><!DOCTYPE opml SYSTEM "{dtd}"><opml version="2.0">'
        '<body><outline text="&x;" xmlUrl="http://dtd.example/f.xml"/></body></opml>',
        "only entities": f"<?xml version='1.0'?><!DOCTYPE opml [{lol}]>&l11;",
    }
    for name, text in documents.items():
        path = tmp_path / f"{name}.opml"
        path.write_text(text, encoding="utf-8")
        data = tmp_path / name
        result = run_reader(data, "import", str(path), timeout=60)
        assert result.seconds < 10 and result.peak_rss_mb < 200, (name, result)
        assert "Traceback" not in result.stderr
        if result.code == 2:
            result.one_line_error()
            count = feed_count(data) if (data / "reader.sqlite3").exists() else 0
            assert count == 0, name
        else:
            assert result.code == 0, (name, result)
        if (data / "reader.sqlite3").exists():
            raw = (data / "reader.sqlite3").read_bytes()
            assert marker.encode() not in raw and b"lollollol" not in raw, name
            feeds = run_reader(data, "feeds", "--json").json()
            for feed in feeds:
                assert len(feed["title"]) < 300 and marker not in feed["url"], feed
    assert feed_server.hits_for("/opml/evil.dtd") == []


def test_a_file_that_is_not_opml_stores_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for index, body in enumerate(
        [b"", b"\x00\x01\x02" * 1000, b"<html><body>hello</body></html>", b'{"a": 1}']
    ):
        path = tmp_path / f"bad{index}.opml"
        path.write_bytes(body)
        assert_bad_input(*in_process(data, "import", str(path)))
    assert in_process(data, "feeds", "--json")[1].strip() == "[]"


def test_a_killed_import_stores_all_or_nothing(tmp_path: Path) -> None:
    """kill -9 while importing 50,000 feeds: the count is before, or before + 50,000."""
    data = tmp_path / "data"
    assert run_reader(data, "import", str(write_opml(tmp_path / "small.opml", 7))).code == 0
    opml = write_opml(tmp_path / "50k.opml", 50_000, start=100)
    rng = random.Random(11)
    outcomes = []
    for _ in range(4):
        before = feed_count(data)
        process = ReaderProcess(reader_command(data, "import", str(opml)))
        delay = rng.uniform(0.3, 2.0)
        while process.running() and time.monotonic() < process.started + delay:
            time.sleep(0.005)
        finished = not process.running()
        process.kill()
        check_database(data / "reader.sqlite3")
        after = feed_count(data)
        assert after in (before, 50_007), (before, after)
        outcomes.append("finished" if finished else "none" if after == before else "all")
        if after == 50_007:
            break
    if feed_count(data) == 7:  # and the next import completes
        done = run_reader(data, "import", str(opml))
        assert done.code == 0 and feed_count(data) == 50_007, done
    record(
        "kill -9 during import",
        f"50,000-feed OPML, killed after 0.3-2 s: stored {', '.join(outcomes)} (never a part; "
        "integrity ok each time); the next import completes",
    )
