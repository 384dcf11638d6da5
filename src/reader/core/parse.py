"""Bytes + headers -> ParsedFeed. RSS/Atom through feedparser, JSON Feed with a small reader.

feedparser's own sanitizer and relative-URI pass are off (about 3x cheaper); `sanitize` does
that job with nh3 afterwards. Results are plain picklable dataclasses, so parsing can run in a
process pool.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import json
import re
import signal
import threading
import time
import xml.sax
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from reader.core import encoding
from reader.core.errors import WEB_PAGE_MESSAGE, ParseError
from reader.core.links import join
from reader.core.sanitize import (
    clean_html,
    clean_html_text_start,
    clean_text,
    direction,
    html_to_text,
)
from reader.core.types import TRIM as _TRIM
from reader.core.types import category_key

MAX_ENTRIES = 5000  # a feed with more is cut (newest-first order is the feed's own)
# More "<" than this is no real feed (the corpus's most has 20,000; 20 MB of article HTML about
# 1 million) but millions of tiny or nested elements: lxml would need 300-700 MB for the tree,
# feedparser a minute or more. Refused at once, before either parser sees it.
MAX_TAGS = 2_000_000
MAX_CATEGORIES = 40
SUMMARY_CHARS = 500
# Of the body's plain text, what parsing needs: the summary, the title of an untitled entry (80)
# and the text direction (the first 400 characters).
TEXT_START_CHARS = SUMMARY_CHARS + 1
_MIN_TIME = 0  # 1970
_MAX_TIME = 4102444800  # 2100-01-01
_DOCTYPE = re.compile(rb"<!DOCTYPE\b[^\[>]*(\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL)
_ELEMENT = re.compile(rb"<[A-Za-z_]")
# A plain entity: one character reference or a few characters, no nested or external
# reference; a short value keeps a reference from expanding to more than about its own size.
_SAFE_ENTITY = re.compile(rb'<!ENTITY\s+(\w+)\s+"(&#\w+;|[^&%"<>]{0,4})"\s*>')


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    key: str  # the identity used to find the entry again: guid, else link, else title+date
    guid: str | None
    link: str | None
    title: str
    author: str | None
    published: int | None  # epoch seconds UTC
    updated: int | None
    content_html: str  # sanitized
    summary: str  # plain text
    text_start: str  # the body's plain text, its first TEXT_START_CHARS (search reads it all
    # from the stored HTML later, when it indexes the article: storage/search.py)
    categories: tuple[str, ...]
    enclosures: tuple[tuple[str, str | None, int | None], ...]
    comments: str | None
    direction: str
    hash: str  # changes when anything a reader sees changes

    def __reduce__(self) -> tuple[type[ParsedEntry], tuple[object, ...]]:
        # Pickled as its fields in order: loading the slots default (a __setstate__ per
        # entry) cost the refresh 1.9 s of the writer's time for 30,000 entries; this, 0.8 s.
        return ParsedEntry, tuple([getattr(self, name) for name in self.__slots__])


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str
    site_url: str | None
    language: str | None
    entries: tuple[ParsedEntry, ...]


# Trimmed from both ends of a category name: white space and invisible marks (zero-width
# space/joiners, LRM/RLM/ALM, word joiner, BOM), so "\u200fسوريا\u200f" and "Syria\u200b" match.


def parse_feed(body: bytes, headers: dict[str, str] | None, url: str) -> ParsedFeed:
    """Parse fetched bytes; raises ParseError when they are not a feed at all.

    In a parse worker process (the refresh's pool) the parse is cut off after PARSE_SECONDS.
    """
    if not _in_worker():
        return _parse_feed(body, headers, url)
    try:
        with _deadline(PARSE_SECONDS):
            return _parse_feed(body, headers, url)
    except _Expired:
        raise ParseError(
            f"The feed took too long to read (over {PARSE_SECONDS:g} seconds); "
            "it is malformed or far too large."
        ) from None


# A 20 MB document can be pathological for feedparser: nested 3 million deep it takes about a
# minute and over 1 GB, with millions of attributes several minutes. A parse worker gives up
# after PARSE_SECONDS; a real 5,000-entry feed needs a few seconds.
PARSE_SECONDS = 15.0


class _Expired(BaseException):
    """The parse deadline passed (a BaseException, so no `except Exception` swallows it)."""


def _in_worker() -> bool:
    """True in the main thread of a child process: there a signal deadline is safe to use."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and _parent_process() is not None
    )


def _parent_process() -> object:
    import multiprocessing  # loaded here: a refresh where every feed answers 304 never parses

    return multiprocessing.parent_process()


def _expire(_signum: int, _frame: object) -> None:
    if _deadline_at and time.process_time() >= _deadline_at:
        raise _Expired


_deadline_at = 0.0


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise _Expired in this (main) thread after `seconds` of the process's CPU time, and every
    0.25 s of it after that in case a bare `except:` in a library swallowed it. CPU time, not
    wall time: a worker runs at a low priority (workers.WORKER_NICE), and on a busy machine a
    good feed must not run out of time while it waits for a core. The handler stays installed:
    a late signal after the deadline was disarmed does nothing."""
    global _deadline_at
    signal.signal(signal.SIGPROF, _expire)
    _deadline_at = time.process_time() + seconds
    signal.setitimer(signal.ITIMER_PROF, seconds, 0.25)
    try:
        yield
    finally:
        _deadline_at = 0.0
        signal.setitimer(signal.ITIMER_PROF, 0)


def _parse_feed(body: bytes, headers: dict[str, str] | None, url: str) -> ParsedFeed:
    if not body or not body.strip():
        raise ParseError("The server sent an empty document instead of a feed.")
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith((b"{", b"[")):
        return _parse_json_feed(body, url)
    return _parse_xml_feed(body, headers or {}, url)


def _parse_xml_feed(body: bytes, headers: dict[str, str], url: str) -> ParsedFeed:
    if body.count(b"<") > MAX_TAGS:
        raise ParseError("The feed has far too many elements to be read (over 2 million).")
    response_headers = {k.lower(): v for k, v in headers.items() if k.lower() != "content-location"}
    body, response_headers = encoding.repair(body, response_headers)
    from reader.core.fastparse import parse_fast  # imports this module: import late

    fast = parse_fast(body, response_headers, url)
    if fast is not None:
        return fast
    return parse_with_feedparser(body, response_headers, url)


def parse_with_feedparser(body: bytes, headers: dict[str, str], url: str) -> ParsedFeed:
    """The general path: every format and quirk feedparser knows."""
    # No content-location: feedparser would resolve relative guids against the feed's address,
    # and an article's identity must not change when its feed moves. Links are resolved here.
    import feedparser  # here, not at the top: a refresh's main process never parses (0.1 s)

    response_headers = {k: v for k, v in headers.items() if k.lower() != "content-location"}
    body = defuse_doctype(body)
    try:
        parsed = feedparser.parse(
            body,
            response_headers=response_headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except RecursionError:
        raise ParseError("The feed is nested too deeply to be read.") from None
    except ValueError as exc:  # e.g. a NUL in the declared encoding's name
        raise ParseError(_not_a_feed(body, exc)) from None
    feed = parsed.get("feed", {})
    version = parsed.get("version") or ""
    exc = parsed.get("bozo_exception")
    if not parsed.entries and (not version or isinstance(exc, xml.sax.SAXException)):
        # No entries and broken XML: a feed's first bytes followed by garbage, or a cut-off
        # download, is an error the user should see, not an empty feed.
        raise ParseError(_not_a_feed(body, exc))
    site_url = http_url(resolve(feed.get("link"), url))
    language = feed.get("language")
    entries = [_feedparser_entry(raw, url, language) for raw in parsed.entries[:MAX_ENTRIES]]
    return ParsedFeed(
        feed_title(feed.get("title"), site_url, url), site_url, language, tuple(entries)
    )


def defuse_doctype(body: bytes) -> bytes:
    """Keep only plain entities in a DOCTYPE's internal subset (entity bombs, external entities).

    feedparser filters entity declarations itself, but only those that start a line: a
    DOCTYPE written on one line passes nested entities to expat (a "billion laughs" then costs
    seconds and tens of MB before expat's own limit stops it).
    """
    match = _DOCTYPE.search(body, 0, 1 << 16)  # must start in the prolog
    if match is None or not match.group(1) or _ELEMENT.search(body, 0, match.start()):
        return body
    safe = _SAFE_ENTITY.findall(match.group(1))[:200]
    declarations = b"".join(b'\n<!ENTITY %s "%s">' % pair for pair in safe)
    head = body[match.start() : match.start(1)].rstrip()
    subset = b" [" + declarations + b"\n]>" if safe else b">"
    return body[: match.start()] + head + subset + body[match.end() :]


def feed_title(title: str | None, site_url: str | None, url: str) -> str:
    return clean_text(title, limit=300) or _host(site_url or url)


def _not_a_feed(body: bytes, exc: object) -> str:
    head = body[:1024].lower()
    if b"<html" in head or b"<!doctype html" in head:
        return WEB_PAGE_MESSAGE
    if exc is not None:
        detail = str(exc).strip().splitlines()[0][:100] if str(exc).strip() else type(exc).__name__
        return f"The document is not a readable feed ({detail})."
    return "The document is not a readable feed."


def _feedparser_entry(raw: Any, url: str, language: str | None) -> ParsedEntry:
    base = _entry_base(raw, url) or url
    summary_html = raw.get("summary") or ""
    published = epoch(raw.get("published_parsed")) or epoch(raw.get("created_parsed"))
    return build_entry(
        guid=raw.get("id"),
        link=raw.get("link"),
        base=base,
        title=raw.get("title"),
        author=raw.get("author"),
        published=published,
        # dict.get: bypass feedparser's deprecated updated -> published mapping, same result
        updated=epoch(dict.get(raw, "updated_parsed")) or published,
        content=_best_content(raw, summary_html),
        summary_html=summary_html,
        categories=categories_of(
            (tag.get("term") or tag.get("label") or "") for tag in raw.get("tags") or ()
        ),
        enclosures=tuple(
            (href, (enc.get("type") or None), _int(enc.get("length")))
            for enc in raw.get("enclosures") or ()
            if (href := http_url(resolve(enc.get("href") or enc.get("url"), base)))
        ),
        comments=raw.get("comments"),
        language=language,
        image=lead_image(raw.get("media_content") or (), raw.get("media_thumbnail") or ()),
    )


def lead_image(contents: Iterable[Any], thumbnails: Iterable[Any]) -> str | None:
    """The article's picture from Media RSS: the widest image up to 2000 px, else a thumbnail.

    Takes attribute mappings as feedparser gives them (media_content, media_thumbnail).
    """
    images = [
        m
        for m in contents
        if m.get("url")
        and (
            m.get("medium") == "image"
            or str(m.get("type", "")).startswith("image/")
            or (not m.get("medium") and not m.get("type"))
        )
    ]
    for group in (images, [t for t in thumbnails if t.get("url")]):
        if group:
            fitting = [
                m for m in group if _int(m.get("width")) is None or _int(m.get("width")) <= 2000
            ]
            chosen = max(fitting or group, key=lambda m: _int(m.get("width")) or 0)
            return str(chosen["url"]).strip()
    return None


def build_entry(
    *,
    guid: str | None,
    link: str | None,
    base: str,
    title: str | None,
    author: str | None,
    published: int | None,
    updated: int | None,
    content: str,
    summary_html: str,
    categories: tuple[str, ...],
    enclosures: tuple[tuple[str, str | None, int | None], ...],
    comments: str | None,
    language: str | None,
    image: str | None = None,
) -> ParsedEntry:
    """One entry from raw fields, the same way whichever parser read them.

    `image` is the article's picture from Media RSS; shown on top unless the text has it.
    """
    shown = content
    picture = http_url(resolve(image, base))
    if picture and picture not in content and html.escape(picture) not in content:
        shown = f'<p><img src="{html.escape(picture)}" alt=""></p>{content.strip()}'
    body_html = clean_html(shown.strip(), base)
    text = clean_html_text_start(body_html, TEXT_START_CHARS)
    if summary_html and summary_html != content:
        summary = html_to_text(summary_html[: SUMMARY_CHARS * 8])[:SUMMARY_CHARS]
    else:
        summary = text[:SUMMARY_CHARS]
    return _entry(
        (guid or "").strip() or None,
        http_url(resolve(link, base)),
        clean_text(title, limit=1000),
        clean_text(author, limit=200) or None,
        published or updated,
        updated,
        body_html,
        summary,
        text,
        categories,
        enclosures,
        http_url(resolve(comments, base)),
        language,
    )


def _entry(
    guid: str | None,
    link: str | None,
    title: str,
    author: str | None,
    published: int | None,
    updated: int | None,
    body_html: str,
    summary: str,
    text: str,
    categories: tuple[str, ...],
    enclosures: tuple[tuple[str, str | None, int | None], ...],
    comments: str | None,
    language: str | None,
) -> ParsedEntry:
    if not title:
        # From the body's text, cleaned like any title (no bidi override); escaped first since
        # clean_text reads markup and the text is already plain.
        short = clean_text(html.escape(text[:80], quote=False), limit=80)
        title = short + ("…" if len(text) > 80 else "") if short else "(untitled)"
    key = guid or link or f"{title}|{published or ''}"
    digest = hashlib.blake2b(digest_size=12)
    for part in (
        title,
        link or "",
        author or "",
        str(published),
        body_html,
        "\x1f".join(categories),
    ):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return ParsedEntry(
        key=key[:2000],
        guid=guid,
        link=link,
        title=title,
        author=author,
        published=published,
        updated=updated,
        content_html=body_html,
        summary=summary,
        text_start=text,
        categories=categories,
        enclosures=enclosures,
        comments=comments,
        direction=direction(title, text, hint_language=language),
        hash=digest.hexdigest(),
    )


def _entry_base(raw: Any, url: str) -> str | None:
    """The entry's xml:base, resolved against the feed's address."""
    for detail in (raw.get("content") or [None])[0], raw.get("summary_detail"):
        if detail and detail.get("base"):
            return http_url(resolve(detail.get("base"), url))
    return None


def _best_content(raw: Any, summary: str) -> str:
    """The richest body: the longest content part, HTML preferred over plain text."""
    best = ""
    for part in raw.get("content") or ():
        value = part.get("value") or ""
        if part.get("type") == "text/plain":
            value = plain_to_html(value)
        if len(value) > len(best):
            best = value
    return best if len(best) >= len(summary) else summary


def plain_to_html(text: str) -> str:
    import html as _html

    return "".join(f"<p>{_html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())


def categories_of(names: Any) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        cleaned = clean_text(str(name), limit=100).strip(_TRIM)
        if cleaned and (key := category_key(cleaned)) not in seen:
            seen[key] = cleaned
        if len(seen) >= MAX_CATEGORIES:
            break
    return tuple(seen.values())


def epoch(struct: Any) -> int | None:
    if not struct:
        return None
    try:
        value = calendar.timegm(struct)
    except (TypeError, ValueError, OverflowError):
        return None
    return value if _MIN_TIME <= value < _MAX_TIME else None


def _int(value: Any) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


def resolve(href: Any, base: str | None) -> str | None:
    if not href or not isinstance(href, str):
        return None
    href = href.strip()
    try:
        return join(base, href) if base else href
    except ValueError:
        return None


def http_url(url: Any) -> str | None:
    if isinstance(url, str) and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).hostname or url
    except ValueError:  # "http://[::1": a malformed address still names the feed
        return url


# --- JSON Feed 1.0 / 1.1 (https://www.jsonfeed.org/version/1.1/) ---


def _parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        doc = json.loads(body.decode("utf-8-sig", errors="replace"))
    except ValueError as exc:
        raise ParseError(f"The document is not valid JSON ({str(exc)[:80]}).") from None
    except RecursionError:
        raise ParseError("The feed is nested too deeply to be read.") from None
    if not isinstance(doc, dict) or "jsonfeed.org" not in str(doc.get("version", "")):
        raise ParseError("The document is JSON but not a JSON Feed.")
    site_url = http_url(doc.get("home_page_url"))
    base = http_url(doc.get("feed_url")) or url
    language = doc.get("language") if isinstance(doc.get("language"), str) else None
    feed_author = _json_author(doc)
    items = doc.get("items") if isinstance(doc.get("items"), list) else []
    entries = [
        _json_entry(item, site_url or base, language, feed_author)
        for item in items[:MAX_ENTRIES]
        if isinstance(item, dict)
    ]
    title = clean_text(str(doc.get("title") or ""), limit=300) or _host(site_url or url)
    return ParsedFeed(title, site_url, language, tuple(entries))


def _json_entry(
    item: dict[str, Any], base: str, language: str | None, feed_author: str | None
) -> ParsedEntry:
    link = http_url(resolve(item.get("url"), base)) or http_url(
        resolve(item.get("external_url"), base)
    )
    title = clean_text(_str(item.get("title")), limit=1000)
    html_body = _str(item.get("content_html"))
    if not html_body and (plain := _str(item.get("content_text"))):
        html_body = plain_to_html(plain)
    image = http_url(resolve(item.get("image"), base))
    if image and image not in html_body:
        html_body = f'<p><img src="{image}" alt=""></p>' + html_body
    body_html = clean_html(html_body, base)
    text = clean_html_text_start(body_html, TEXT_START_CHARS)
    summary = clean_text(_str(item.get("summary")), limit=SUMMARY_CHARS) or text[:SUMMARY_CHARS]
    published = _iso_epoch(item.get("date_published"))
    updated = _iso_epoch(item.get("date_modified"))
    tags = item.get("tags") if isinstance(item.get("tags"), list) else []
    enclosures = tuple(
        (href, _str(a.get("mime_type")) or None, _int(a.get("size_in_bytes")))
        for a in (item.get("attachments") if isinstance(item.get("attachments"), list) else ())
        if isinstance(a, dict) and (href := http_url(resolve(a.get("url"), base)))
    )
    guid = _str(item.get("id")).strip() or None
    return _entry(
        guid,
        link,
        title,
        _json_author(item) or feed_author,
        published or updated,
        updated,
        body_html,
        summary,
        text,
        categories_of(t for t in tags if isinstance(t, str)),
        enclosures,
        None,
        language,
    )


def _json_author(obj: dict[str, Any]) -> str | None:
    authors = obj.get("authors")
    if isinstance(authors, list):
        names = [clean_text(_str(a.get("name")), limit=100) for a in authors if isinstance(a, dict)]
        if any(names):
            return ", ".join(n for n in names if n)
    author = obj.get("author")
    if isinstance(author, dict):
        return clean_text(_str(author.get("name")), limit=200) or None
    return None


def _str(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _iso_epoch(value: Any) -> int | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        from feedparser.datetimes import _parse_date

        parsed = _parse_date(value)  # RFC 822 and friends, as a last resort
        return epoch(parsed)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        value_s = int(when.timestamp())
    except (OverflowError, OSError, ValueError):
        return None
    return value_s if _MIN_TIME <= value_s < _MAX_TIME else None


def now() -> int:
    return int(time.time())
