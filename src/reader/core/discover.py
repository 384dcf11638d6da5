"""Feed autodiscovery: which URLs of a web site are its feeds.

Pure functions over bytes the caller has already fetched; nothing here touches the network, the
file system or a script engine. The caller's flow is:

1. fetch the URL the user typed; if `looks_like_feed(body, content_type)`, subscribe to it;
2. otherwise `find_feed_links(body, final_url)` and offer the candidates (first one is best);
3. if there are none, probe `common_path_candidates(final_url)` in order, keeping the first
   response that `looks_like_feed`.

HTML is parsed with lxml's (libxml2) HTML parser, which is linear on hostile input and never
loads DTDs or other resources. Documented limits: only the first `MAX_PARSE_BYTES` of a page are
read, and libxml2 stops building the tree below 256 levels of nesting, so links after such a
pathological subtree are not seen (the `<head>` links that matter come before it).
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from lxml import etree

__all__ = [
    "COMMON_PATHS",
    "MAX_CANDIDATES",
    "MAX_PARSE_BYTES",
    "Candidate",
    "common_path_candidates",
    "find_feed_links",
    "looks_like_feed",
    "sniff_feed_kind",
]

#: Pages are cut here before parsing: feed links live in <head>, and a cap bounds the work.
MAX_PARSE_BYTES = 1_000_000
#: At most this many candidates are returned (a "feeds directory" page may link hundreds).
MAX_CANDIDATES = 100
#: How much of a response `looks_like_feed` reads.
SNIFF_BYTES = 16_384
_MAX_JSON_BYTES = 5_000_000
_MAX_TITLE = 200

COMMON_PATHS: tuple[str, ...] = (
    "/feed",
    "/rss.xml",
    "/atom.xml",
    "/index.xml",
    "/feed.xml",
    "/rss",
    "/feed/",
    "/feeds/posts/default",
    "/?feed=rss2",
    "/index.rss",
    "/atom",
    "/feed.json",
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A URL that probably serves a feed.

    Attributes:
        url: absolute http(s) URL without fragment.
        title: the link's title (or the anchor's text), whitespace collapsed; None when absent.
        kind: "rss", "atom", "json" or "unknown" (declared by the page, not verified).
    """

    url: str
    title: str | None
    kind: str


# --- content types ----------------------------------------------------------------------------

_FEED_TYPES: dict[str, str] = {
    "application/rss+xml": "rss",
    "application/x-rss+xml": "rss",
    "application/rdf+xml": "rss",  # RSS 1.0
    "application/atom+xml": "atom",
    "application/x-atom+xml": "atom",
    "application/feed+json": "json",
}
# Declared feed-ish only together with rel="alternate" (and, for XML, a feed-like href).
_LINK_ONLY_TYPES: dict[str, str] = {
    "application/json": "json",
    "text/xml": "unknown",
    "application/xml": "unknown",
}


def _media_type(value: str | None) -> str:
    """'Application/RSS+XML; charset=utf-8' -> 'application/rss+xml'."""
    if not value:
        return ""
    return value.split(";", 1)[0].strip().lower()


# --- sniffing ---------------------------------------------------------------------------------

# UTF-32 first: its little-endian BOM begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# "<" (or "<?") in UTF-16/32 without a BOM, as the XML spec's appendix F guesses it.
_BOMLESS = (
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
)
_NAME = re.compile(r"[A-Za-z_][\w.:-]*")
_JSONFEED_VERSION = re.compile(r'"version"\s*:\s*"[^"]*jsonfeed\.org', re.IGNORECASE)
_FEED_ROOTS = {"rss": "rss", "rdf": "rss", "feed": "atom"}


def _sniff_text(body: bytes) -> str:
    """The first SNIFF_BYTES as text; markup is ASCII, so latin-1 is exact for what we read."""
    head = body[:SNIFF_BYTES]
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, "replace")
    for start, codec in _BOMLESS:
        if head.startswith(start):
            return head.decode(codec, "replace")
    return head.decode("latin-1")


def _classify(text: str) -> str:
    """Return a feed kind, "html", "json-other", "other" (another document) or "" (undecided)."""
    pos, end = 0, len(text)
    html_doctype = False
    while pos < end:
        if text[pos].isspace() or text[pos] == "\ufeff":
            pos += 1
            continue
        if text.startswith("<?", pos):  # XML declaration, xml-stylesheet
            close = text.find("?>", pos)
            if close < 0:
                break
            pos = close + 2
        elif text.startswith("<!--", pos):
            close = text.find("-->", pos + 4)
            if close < 0:
                break
            pos = close + 3
        elif text.startswith("<!", pos):  # DOCTYPE, maybe with an internal subset
            # Not decisive by itself: feeds produced from HTML templates carry one too.
            html_doctype = html_doctype or text[pos : pos + 14].lower() == "<!doctype html"
            bracket, close = text.find("[", pos), text.find(">", pos)
            if 0 <= bracket < close:
                close = text.find("]>", bracket)
                close = close + 1 if close >= 0 else -1
            if close < 0:
                break
            pos = close + 1
        elif text[pos] == "<":
            match = _NAME.match(text, pos + 1)
            if match is None:
                return "other"
            local = match.group().lower().rsplit(":", 1)[-1]
            if local == "html":
                return "html"
            return _FEED_ROOTS.get(local, "other")
        elif text[pos] == "{":
            return "json" if _JSONFEED_VERSION.search(text, pos) else "json-other"
        else:
            return "other"
    return "html" if html_doctype else ""


def _jsonfeed_version(body: bytes) -> bool:
    """True if `body` parses as a JSON object whose "version" names jsonfeed.org."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return False
    return isinstance(data, dict) and "jsonfeed.org" in str(data.get("version", ""))


def sniff_feed_kind(body: bytes, content_type: str | None = None) -> str | None:
    """Return "rss", "atom" or "json" when `body` looks like a feed, else None.

    The document decides when it can: an HTML page (or an HTML doctype with nothing decisive
    after it) is never a feed whatever its Content-Type, nor is another XML vocabulary, binary
    data or plain text; a feed served as text/html or text/plain still is one. The
    Content-Type decides only when the start of the body is inconclusive (a prolog longer than
    `SNIFF_BYTES`; a JSON object without a jsonfeed.org "version" served as
    application/feed+json); it then has to be a feed-specific type, never generic XML or JSON.
    """
    verdict = _classify(_sniff_text(body))
    if verdict in ("rss", "atom", "json"):
        return verdict
    if verdict == "json-other" and len(body) <= _MAX_JSON_BYTES and _jsonfeed_version(body):
        return "json"  # "version" came after the sniff window (keys have no order)
    declared = _FEED_TYPES.get(_media_type(content_type))
    if declared is None or not body.strip():
        return None
    if verdict == "" or (verdict == "json-other" and declared == "json"):
        return declared
    return None


def looks_like_feed(body: bytes, content_type: str | None) -> bool:
    """True when `body` (with its Content-Type header, if any) is a feed rather than a page."""
    return sniff_feed_kind(body, content_type) is not None


# --- decoding HTML ----------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# Per the HTML standard: a page cannot switch itself to UTF-16/32 from inside (only a BOM or
# the HTTP header can), latin-1 means windows-1252, and UTF-7 is refused outright.
_CODEC_ALIASES = {
    "utf_16": "utf-8",
    "utf_16_le": "utf-8",
    "utf_16_be": "utf-8",
    "utf_32": "utf-8",
    "utf_32_le": "utf-8",
    "utf_32_be": "utf-8",
    "latin_1": "cp1252",
    "ascii": "cp1252",
}


def _codec(label: str | bytes | None, *, in_document: bool = False) -> str | None:
    """A Python codec name for a charset label, None if unknown or refused."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    try:
        name = codecs.lookup(label.strip()).name.replace("-", "_")
    except (LookupError, ValueError):
        return None
    if name == "utf_7":
        return None
    if in_document or not name.startswith(("utf_16", "utf_32")):
        name = _CODEC_ALIASES.get(name, name)
    return name


def _decode_html(data: bytes, encoding: str | None) -> str:
    """Bytes of a page -> text: BOM, then transport charset, then <meta>, then UTF-8/cp1252."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace")
    chosen = _codec(encoding)
    if chosen is None:
        prolog = data[:4096]
        match = _XML_ENCODING.match(prolog.lstrip()) or _META_CHARSET.search(prolog)
        chosen = _codec(match.group(1), in_document=True) if match else None
    if chosen is None:
        try:
            # Non-final: a page cut inside a multi-byte character is still UTF-8.
            return codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=False)
        except UnicodeDecodeError:
            chosen = "cp1252"
    return data.decode(chosen, "replace")


# --- URLs -------------------------------------------------------------------------------------

_HAS_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_FEEDLIKE_END = (".rss", ".xml", ".atom", ".rdf", "rss", "feed", "atom")
_NOT_FEEDS = ("sitemap", "opml")


def _clean_href(href: str | None) -> str | None:
    """Strip what browsers strip; None for hrefs that cannot name another document."""
    if href is None:
        return None
    href = href.strip(" \t\n\r\f").replace("\t", "").replace("\n", "").replace("\r", "")
    if not href or href.startswith("#") or _CONTROL.search(href):
        return None
    lowered = href.lower()
    if lowered.startswith("feed://"):  # the old feed: pseudo-scheme
        href = "http://" + href[7:]
    elif lowered.startswith("feed:"):
        href = href[5:]
    return href.replace(" ", "%20")


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4; unlike `urllib.parse.urljoin` it keeps empty segments ("a//b")."""
    segments = path.split("/")
    out: list[str] = []
    last = len(segments) - 1
    for i, segment in enumerate(segments):
        if segment in (".", ".."):
            if segment == ".." and len(out) > 1:
                out.pop()
            if i == last:
                out.append("")
            continue
        out.append(segment)
    return "/".join(out)


def _urljoin(base: str, ref: str) -> str:
    """Resolve `ref` against `base` per RFC 3986 5.2.2.

    `urllib.parse.urljoin` drops empty path segments, which breaks real URLs such as
    web.archive.org's "https://web.archive.org/web/2011/http://example.org/feed.xml".
    """
    r = urlsplit(ref)
    if r.scheme:
        return urlunsplit((r.scheme, r.netloc, _remove_dot_segments(r.path), r.query, ""))
    b = urlsplit(base)
    if ref.startswith("//"):
        netloc, path, query = r.netloc, _remove_dot_segments(r.path), r.query
    elif not r.path:
        netloc, path, query = b.netloc, b.path, r.query if "?" in ref else b.query
    else:
        netloc, query = b.netloc, r.query
        if r.path.startswith("/"):
            path = _remove_dot_segments(r.path)
        else:
            directory = b.path[: b.path.rfind("/") + 1] if b.path else "/"
            path = _remove_dot_segments(directory + r.path)
    return urlunsplit((b.scheme, netloc, path, query, ""))


def _absolute(href: str | None, base: str) -> str | None:
    """Resolve and normalise; None unless the result is an http(s) URL with a host."""
    cleaned = _clean_href(href)
    if cleaned is None:
        return None
    try:
        parts = urlsplit(_urljoin(base, cleaned))
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:  # an unbalanced IPv6 bracket, a bad port
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not host:
        return None
    netloc = parts.netloc
    at = netloc.rfind("@") + 1
    netloc = netloc[:at] + netloc[at:].lower()
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _site_key(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _same_site(url: str, sites: set[str]) -> bool:
    host = _site_key(url)
    return any(
        host == site or host.endswith("." + site) or site.endswith("." + host)
        for site in sites
        if site
    )


def _feedlike_href(url: str) -> bool:
    parts = urlsplit(url)
    path = parts.path.lower().rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if any(word in last for word in _NOT_FEEDS):
        return False
    if path.endswith(_FEEDLIKE_END) or path.endswith("/feeds/posts/default"):
        return True
    return re.search(r"(?:^|&)feed=(?:rss|rss2|atom|rdf)\b", parts.query.lower()) is not None


def _title(value: str | None) -> str | None:
    if not value:
        return None
    text = " ".join(value.split())
    return text[:_MAX_TITLE] or None


def _text(element: etree._Element) -> str:
    """The element's text, read no further than a title needs (an unclosed <a> may hold a page)."""
    parts: list[str] = []
    size = 0
    for piece in element.itertext():
        parts.append(piece)
        size += len(piece)
        if size > 4 * _MAX_TITLE:
            break
    return "".join(parts)


# --- HTML -------------------------------------------------------------------------------------


_DOCUMENT_END = re.compile(r"</(?:html|body)\b[^>]*>", re.IGNORECASE)


def _parse(text: str) -> etree._Element | None:
    parser = etree.HTMLParser(
        encoding="utf-8",
        recover=True,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=True,
        default_doctype=False,
    )
    # libxml2 drops whatever follows </html>; those end tags are optional, so remove them.
    text = _DOCUMENT_END.sub("", text.replace("\x00", "\ufffd"))
    data = text.encode("utf-8", "replace")
    try:
        return etree.fromstring(data, parser)
    except (etree.LxmlError, ValueError):
        return None


def find_feed_links(html: bytes, base_url: str, *, encoding: str | None = None) -> list[Candidate]:
    """Feed links declared by an HTML page, best first.

    `<link rel="alternate">` elements with a feed type come first, in document order; then
    same-site `<a href>` links whose URL looks like a feed (kind "unknown" unless the anchor
    declares a feed `type`). Hrefs are resolved against the first `<base href>` for the
    elements after it (a `<base>` that comes later does not move earlier links), otherwise
    against `base_url`. Only http(s) URLs are kept (a `feed:` pseudo-scheme is unwrapped);
    duplicates (ignoring the fragment and a trailing slash) are dropped, the first one kept;
    at most `MAX_CANDIDATES` are returned.

    Args:
        html: the page as fetched; only the first `MAX_PARSE_BYTES` are read.
        base_url: the page's final URL (after redirects).
        encoding: the charset from the Content-Type header, if any. A byte-order mark still
            wins over it, and it wins over `<meta charset>`.
    """
    root = _parse(_decode_html(html[:MAX_PARSE_BYTES], encoding))
    if root is None:
        return []

    page_base = _absolute(base_url, base_url) or base_url
    base = page_base
    base_seen = False
    sites = {_site_key(page_base)} if page_base.startswith(("http:", "https:")) else set()
    links: list[Candidate] = []
    anchors: list[Candidate] = []
    seen: set[str] = set()  # URLs without a trailing slash: "/feed/" and "/feed" are one feed

    for element in root.iter("base", "link", "a"):
        tag = element.tag
        href = element.get("href")
        if tag == "base":
            if href is not None and not base_seen:
                base_seen = True
                resolved = _absolute(href, page_base)
                if resolved is not None:
                    base = resolved
                    sites.add(_site_key(resolved))
            continue

        if tag == "link":
            rel = set((element.get("rel") or "").lower().split())
            if "stylesheet" in rel or not rel & {"alternate", "feed"}:
                continue
            media = _media_type(element.get("type"))
            kind = _FEED_TYPES.get(media)
            if kind is None and "alternate" in rel:
                kind = _LINK_ONLY_TYPES.get(media)
            if kind is None and "feed" in rel and not media:
                kind = "unknown"  # HTML5's short-lived rel="feed"
            if kind is None:
                continue
            url = _absolute(href, base)
            if url is None or url.rstrip("/") in seen:
                continue
            if media in ("text/xml", "application/xml") and not _feedlike_href(url):
                continue
            seen.add(url.rstrip("/"))
            links.append(Candidate(url, _title(element.get("title")), kind))
        else:  # <a>
            url = _absolute(href, base)
            if url is None or url.rstrip("/") in seen or url.rstrip("/") == page_base.rstrip("/"):
                continue
            if not _feedlike_href(url) or not _same_site(url, sites):
                continue
            seen.add(url.rstrip("/"))
            text = _title(_text(element)) or _title(element.get("title"))
            kind = _FEED_TYPES.get(_media_type(element.get("type")), "unknown")
            anchors.append(Candidate(url, text, kind))
        if len(links) >= MAX_CANDIDATES:
            break

    return (links + anchors)[:MAX_CANDIDATES]


# --- guessing ---------------------------------------------------------------------------------


def common_path_candidates(site_url: str) -> list[str]:
    """Absolute URLs to probe when a page declares no feed, in order.

    The paths are tried relative to the directory of `site_url` first (a blog at
    example.com/blog/ has its feed at /blog/feed), then at the site's root. A last path segment
    without a dot counts as a directory ("/blog" -> "/blog/"). A URL without a scheme is taken
    as https ("example.com:8080/blog" too); any other scheme gives [].
    """
    url = site_url.strip()
    if not _HAS_SCHEME.match(url):  # "example.com/blog" or "example.com:8080"
        url = "https://" + url
    absolute = _absolute(url, url)
    if absolute is None:
        return []
    parts = urlsplit(absolute)
    path = parts.path
    if not path.endswith("/"):
        head, _, last = path.rpartition("/")
        path = head + "/" if "." in last else path + "/"
    origin = f"{parts.scheme}://{parts.netloc}"

    result: list[str] = []
    for prefix in (path.rstrip("/"), ""):
        for common in COMMON_PATHS:
            candidate = origin + prefix + common
            if candidate not in result:
                result.append(candidate)
    return result
