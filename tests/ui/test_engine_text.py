"""The engine's messages reach an Arabic window in Arabic: the errors a feed stores, the errors
a dialog shows. Checked against messages the engine really makes, and against every message
written in its sources, so that a reworded message cannot silently fall back to English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reader.core import fetch, opml, parse
from reader.core.errors import ReaderError
from reader.ui.engine_text import translated
from reader.ui.mainwindow import MainWindow
from reader.ui.models.entries import ALL
from reader.ui.tasks import describe_error

CORE = Path(__file__).resolve().parents[2] / "src" / "reader" / "core"
ARABIC = re.compile("[\u0600-\u06ff]")
URL = "http://127.0.0.1:9/feed.xml"
JSON = {"content-type": "application/json"}
ENGINE_FILES = (
    "fetch.py",
    "parse.py",
    "service.py",
    "opml.py",
    "update.py",
    "workers.py",
    "fulltext.py",
    "favorites.py",
)


def _error_of(call, *args) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ReaderError) as info:
        call(*args)
    return str(info.value)


def _engine_messages() -> list[tuple[str, list[str]]]:
    """(message, the variable parts it must keep) from the engine's own functions."""
    return [
        (_error_of(fetch.check_url, "http://example.org:abc/"), ["example.org:abc"]),
        (_error_of(fetch.check_url, "ftp://example.org/feed"), ["ftp://example.org/feed"]),
        (_error_of(fetch.check_url, "http:///feed"), []),
        (_error_of(fetch.check_url, "http://ex!ample.org/feed"), ["ex!ample.org"]),
        (fetch._http_error(401, {}), ["401"]),
        (fetch._http_error(403, {}), ["403"]),
        (fetch._http_error(404, {}), ["404"]),
        (fetch._http_error(410, {}), ["410"]),
        (fetch._http_error(418, {}), ["418"]),
        (fetch._http_error(500, {}), ["500"]),
        (fetch._http_error(502, {}), ["502"]),
        (fetch._http_error(429, {"retry-after": "120"}), ["429", "120"]),
        (fetch._http_error(503, {"retry-after": "Wed, 21 Oct 2026 07:28:00 GMT"}), ["2026"]),
        (fetch._connect_error(OSError("[Errno -2] Name or service not known")), []),
        (fetch._connect_error(OSError("[Errno 111] Connection refused")), []),
        (fetch._connect_error(OSError("[SSL: CERTIFICATE_VERIFY_FAILED] failed")), ["TLS"]),
        (fetch._connect_error(OSError("Network is unreachable")), ["Network is unreachable"]),
        (fetch._took_longer(1), []),
        (fetch._took_longer(1.5), ["1.5"]),
        (fetch._took_longer(30, " to send the feed"), ["30"]),
        (fetch._too_large(10 * 1024 * 1024), ["10"]),
        (_error_of(parse.parse_feed, b"", None, URL), []),
        (_error_of(parse.parse_feed, b"<!DOCTYPE html><html><p>a page</p></html>", None, URL), []),
        (_error_of(parse.parse_feed, b"\x00\x01 plainly not a feed", None, URL), []),
        (
            _error_of(parse.parse_feed, b'{"items": [', {"content-type": "application/json"}, URL),
            [],
        ),
        (_error_of(parse.parse_feed, b'{"a": 1}', {"content-type": "application/json"}, URL), []),
        (_error_of(opml.parse_opml, b""), []),
        (_error_of(opml.parse_opml, b"just some words, no outline at all"), ["OPML"]),
    ]


def test_what_the_engine_says_is_shown_in_arabic(arabic) -> None:
    for message, kept in _engine_messages():
        shown = translated(message)
        assert ARABIC.search(shown), f"left in English: {message!r}"
        assert "%" not in shown.replace(message, ""), f"a placeholder left in {shown!r}"
        for part in kept:
            assert part in shown, f"{part!r} lost from {message!r}: {shown!r}"


def test_subscribing_twice_and_a_nameless_folder_are_told_in_arabic(
    arabic, service, feed_server
) -> None:
    url = feed_server.error("/twice.xml", 404)
    service.subscribe(url)
    with pytest.raises(ReaderError) as twice:
        service.add_feed(url)
    shown = describe_error(twice.value)
    assert shown.startswith("أنت مشترك بالفعل في") and url in shown
    with pytest.raises(ReaderError) as folder:
        service.add_folder("  ")
    assert describe_error(folder.value) == "يحتاج المجلد إلى اسم."


def test_every_message_written_in_the_engine_has_a_translation(arabic) -> None:
    """Each `raise ...Error("...")` (and error="..." outcome) in the engine's fetch, parse,
    subscribe, import, full-text, favorites and sync code, its {variable} parts filled in,
    comes out in Arabic."""
    untranslated = []
    checked = 0
    sources = [CORE / name for name in ENGINE_FILES] + sorted((CORE / "sync").glob("*.py"))
    for path in sources:
        name = path.relative_to(CORE)
        for message in _messages_in(path):
            checked += 1
            if not ARABIC.search(translated(message)):
                untranslated.append(f"{name}: {message}")
    assert checked > 60
    assert not untranslated, "\n".join(untranslated)


def _messages_in(path: Path) -> list[str]:
    messages = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        values: list[ast.expr] = []
        if isinstance(node, ast.Call):
            func = node.func
            callee = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if callee.endswith("Error") and node.args:
                values.append(node.args[0])
            values += [k.value for k in node.keywords if k.arg == "error"]
        for value in values:
            text = _sample(value)
            if text and text[0].isupper() and " " in text:
                messages.append(text)
    return messages


def _sample(node: ast.expr) -> str | None:
    """A message as the engine would make it: a literal, or an f-string with 7 for numbers
    and a URL for other values."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if not isinstance(node, ast.JoinedStr):
        return None
    parts = []
    for part in node.values:
        if isinstance(part, ast.Constant):
            parts.append(str(part.value))
        else:
            source = ast.unparse(part.value)
            numeric = any(w in source for w in ("status", "MAX_", "existing", "SECONDS", "cap"))
            parts.append("7" if numeric else "'http://example.org/x'")
    return "".join(parts)


def test_a_message_the_catalogue_does_not_know_is_shown_as_it_is(arabic) -> None:
    assert translated("SSL handshake: alert 40") == "SSL handshake: alert 40"
    assert translated("") == ""


def test_a_variable_part_holding_a_placeholder_is_not_rewritten(arabic) -> None:
    shown = translated("Not a valid URL: 'http://x/%2%1'.")
    assert "'http://x/%2%1'" in shown and ARABIC.search(shown)


def test_an_arabic_window_explains_a_failing_feed_in_arabic(
    qtbot, service, feed_server, arabic
) -> None:
    missing = service.subscribe(feed_server.error("/missing.xml", 404))
    list(service.refresh_iter([missing], images=False))
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: missing in {f.id for f in window.sidebar_model.feeds})
    said = "لم يُعثر على الموجز في الخادم (HTTP 404)."
    window.show_key(("feed", missing))
    bar = window.list_panel.problem
    assert bar.isVisible() and bar.text.text() == said
    tip = window.sidebar_model.index_for_key(("feed", missing)).data(Qt.ItemDataRole.ToolTipRole)
    assert said in tip and "HTTP 404)." in tip
    window.show_key(ALL)
    window.shutdown()
