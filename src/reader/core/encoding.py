"""Repairing feed bytes whose encoding is broken or mislabelled, before feedparser sees them.

feedparser trusts the declared encoding and falls back to cp1252 when the bytes do not fit it,
which turns Arabic served as windows-1256, or a UTF-8 feed cut mid-character, into mojibake.
"""

from __future__ import annotations

import re

_DECLARATION = re.compile(rb"^(\s*<\?xml[^>]*?encoding\s*=\s*)([\"'])([A-Za-z0-9._:-]+)\2")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_ARABIC = re.compile("[\u0600-\u06ff]")
_UTF8_NAMES = {"utf-8", "utf8", "unicode-1-1-utf-8"}


def repair(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    """Return (bytes, headers) that decode as what the publisher meant, as UTF-8 when changed."""
    if body.startswith(_BOMS) or body.startswith(b"\x00") or body[1:2] == b"\x00":
        return body, headers
    declared = _declared(body, headers)
    if declared and declared not in _UTF8_NAMES:
        return body, headers  # a specific legacy encoding was named; feedparser honours it
    try:
        body.decode("utf-8")
        return body, headers
    except UnicodeDecodeError as exc:
        if exc.start >= len(body) - 4:  # cut off in the middle of the last character
            text = body[: exc.start].decode("utf-8")
        else:
            text = _guess_legacy(body)
    return _as_utf8(text), _without_charset(headers)


def _declared(body: bytes, headers: dict[str, str]) -> str | None:
    content_type = headers.get("content-type", "")
    for part in content_type.split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    match = _DECLARATION.match(body[:300])
    return match.group(3).decode("ascii").lower() if match else None


def _guess_legacy(body: bytes) -> str:
    """Invalid UTF-8: windows-1256 when that reads as Arabic, else windows-1252 (as browsers do)."""
    high = sum(1 for b in body if b >= 0x80)
    arabic = body.decode("cp1256", errors="replace")
    if high and len(_ARABIC.findall(arabic)) >= 0.6 * high:
        return arabic
    return body.decode("cp1252", errors="replace")


def _as_utf8(text: str) -> bytes:
    data = text.encode("utf-8")
    return _DECLARATION.sub(lambda m: m.group(1) + m.group(2) + b"utf-8" + m.group(2), data, 1)


def _without_charset(headers: dict[str, str]) -> dict[str, str]:
    """Headers that name UTF-8, the encoding of the repaired bytes."""
    cleaned = dict(headers)
    media_type = cleaned.get("content-type", "").split(";")[0].strip() or "application/xml"
    cleaned["content-type"] = f"{media_type}; charset=utf-8"
    return cleaned
