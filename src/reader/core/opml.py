"""OPML import and export: recover every usable subscription from real-world, often broken files.

Real exports are messy (raw ``&``, HTML or stray quotes inside attributes, wrong encodings), so
`parse_opml` climbs a ladder: a strict, entity-free lxml parse; the same after a textual repair;
then lxml's recovering parser *and* a tolerant tokenizer over ``<outline`` tags, keeping whichever
recovers more feeds (libxml2's recover mode silently drops outlines and mangles ``&b=2`` in URLs).
No DTD is ever honoured: the DOCTYPE is cut out before any parser sees the text, so entity bombs
and XXE cannot expand or read files. Parsing streams (iterparse), so large files stay cheap.
"""

from __future__ import annotations

import codecs
import html
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from lxml import etree

from reader.core.errors import ImportFileError

MAX_TITLE = 300
MAX_URL = 2048  # the de-facto limit of browsers and servers; longer is an attack, not a feed
_FEED_TYPES = ("rss", "atom", "rdf")  # also matches "RSS", "rss2", "application/atom+xml"
_SINGLE_BYTE = ("latin", "iso-8859", "iso8859", "cp125", "windows-125", "ascii", "us-ascii")

_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_DOCTYPE = re.compile(r"<!DOCTYPE\b[^\[>]*(?:\[.*?\]\s*)?>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BARE_AMP = re.compile(r"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|(?:amp|lt|gt|quot|apos);)")
_XML_REF = re.compile(r"&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,8})|(amp|lt|gt|quot|apos));")
_XML_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_OUTLINE_TAG = re.compile(r"<(/?)outline\b", re.I)
_ATTR = re.compile(r"""([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>]+))""")
_TAG_END = re.compile(r"\s*(/?)>")
_SCRIPT = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|$)", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True, slots=True)
class OutlineFeed:
    url: str
    title: str | None
    folder: str | None


@dataclass(frozen=True, slots=True)
class OpmlResult:
    feeds: list[OutlineFeed]
    skipped: list[str]


def parse_opml(data: bytes) -> OpmlResult:
    """Read every http(s) subscription that can be recovered from an OPML file.

    Raises:
        ImportFileError: the file is empty or nothing in it looks like OPML.
    """
    if not data.strip():
        raise ImportFileError("The file is empty, so there are no subscriptions to import.")
    text = _DOCTYPE.sub("", _decode(data), count=1)
    result = _parse_xml(text, recover=False)
    if result is None:
        text = _BARE_AMP.sub("&amp;", _BAD_XML_CHARS.sub("", text))
        result = _parse_xml(text, recover=False)
    if result is None:
        recovered = _parse_xml(text, recover=True)
        result = _tokenize(text)
        if recovered is not None and len(recovered.feeds) > len(result.feeds):
            result = recovered
    if not result.looks_like_opml:
        raise ImportFileError("This file is not an OPML subscription list.")
    return OpmlResult(feeds=result.feeds, skipped=result.skipped)


def export_opml(
    feeds: Iterable[tuple[str, str | None, str | None]], *, title: str = "Reader subscriptions"
) -> str:
    """Write (url, title, folder) triples as OPML 2.0: one outline per folder, loose feeds last."""
    root = etree.Element("opml", version="2.0")
    etree.SubElement(etree.SubElement(root, "head"), "title").text = _xml_safe(title)
    body = etree.SubElement(root, "body")
    folders: dict[str, list[tuple[str, str | None]]] = {}
    loose: list[tuple[str, str | None]] = []
    for url, feed_title, folder in feeds:
        folder = (folder or "").strip()
        (folders.setdefault(folder, []) if folder else loose).append((url, feed_title))
    for name, members in folders.items():
        parent = etree.SubElement(body, "outline", text=_xml_safe(name), title=_xml_safe(name))
        for url, feed_title in members:
            _export_feed(parent, url, feed_title)
    for url, feed_title in loose:
        _export_feed(body, url, feed_title)
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return out.decode("utf-8")


def _export_feed(parent: etree._Element, url: str, title: str | None) -> None:
    # OPML requires text=; an untitled feed gets its URL, which parse_opml reads back as no title.
    text = _xml_safe(title or url)
    etree.SubElement(parent, "outline", type="rss", text=text, title=text, xmlUrl=_xml_safe(url))


def _xml_safe(value: str) -> str:
    return _BAD_XML_CHARS.sub("", value)


def _decode(data: bytes) -> str:
    """Bytes to text: BOM, then the declared encoding, then UTF-8, then cp1252 with replacement.

    UTF-8 is tried before a declared single-byte encoding: valid multi-byte UTF-8 is almost never
    accidental, and "declared latin-1, really UTF-8" is a common export bug.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    match = _DECLARED.match(data[:1024])
    candidates = ["utf-8"]
    if match:
        declared = match.group(1).decode("ascii").lower()
        if declared.startswith(_SINGLE_BYTE):
            candidates.append(declared)
        elif not declared.startswith("utf-16"):  # UTF-16 without a BOM is a lie; skip it
            candidates.insert(0, declared)
    for codec in candidates:
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


class _Collector:
    """Turns a stream of outline start/end events into feeds, folders and skip reasons."""

    def __init__(self) -> None:
        self.feeds: list[OutlineFeed] = []
        self.skipped: list[str] = []
        self.looks_like_opml = False
        self._seen: set[str] = set()
        self._stack: list[str | None] = []  # the folder each open outline gives its children

    def start(self, attrs: dict[str, str]) -> None:
        self.looks_like_opml = True
        folder = self._stack[-1] if self._stack else None
        kind = (attrs.get("type") or "").strip().lower()
        is_feed_type = kind == "feed" or any(word in kind for word in _FEED_TYPES)
        url = (attrs.get("xmlurl") or "").strip()
        if not url and is_feed_type:
            url = (attrs.get("url") or "").strip()
        name = _clean_text(attrs.get("text")) or _clean_text(attrs.get("title"))
        if url:
            self._add(url, name, folder)
        elif is_feed_type:
            self.skipped.append(f"no feed URL: {name or '(untitled outline)'}")
        # A feed's children stay in its folder; an unnamed folder is transparent.
        self._stack.append(folder if url else (name or folder))

    def end(self) -> None:
        if self._stack:
            self._stack.pop()

    def _add(self, url: str, title: str | None, folder: str | None) -> None:
        shown = url if len(url) <= 80 else url[:77] + "…"
        if len(url) > MAX_URL:
            self.skipped.append(f"URL too long ({len(url)} characters): {shown}")
            return
        try:
            parts = urlsplit(url)
            host = parts.hostname
        except ValueError:
            self.skipped.append(f"malformed URL: {shown}")
            return
        if parts.scheme.lower() not in ("http", "https"):
            self.skipped.append(f"not an http(s) URL: {shown}")
            return
        if not host:
            self.skipped.append(f"URL has no host: {shown}")
            return
        # Scheme and host are case-insensitive; path and query are not, so they stay as written.
        key = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), *parts[2:]))
        if key in self._seen:
            self.skipped.append(f"duplicate URL: {shown}")
            return
        self._seen.add(key)
        self.feeds.append(
            OutlineFeed(url=url, title=None if title == url else title, folder=folder)
        )


def _parse_xml(text: str, *, recover: bool) -> _Collector | None:
    """Stream the document through lxml; None when the strict parser rejects it."""
    collector = _Collector()
    events = etree.iterparse(
        io.BytesIO(text.encode("utf-8", errors="replace")),
        events=("start", "end"),
        encoding="utf-8",  # we decoded ourselves; the declaration may be wrong
        recover=recover,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        for event, element in events:
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.rpartition("}")[2].lower()
            if event == "start":
                if tag == "opml":
                    collector.looks_like_opml = True
                elif tag == "outline":
                    collector.start(_lower_keys(element.attrib))
            elif tag == "outline":
                collector.end()
                element.clear()  # keep memory flat on huge files
                while element.getprevious() is not None:
                    del element.getparent()[0]
    except etree.XMLSyntaxError:
        if not recover:
            return None
    return collector


def _lower_keys(attrib: etree._Attrib) -> dict[str, str]:
    return {key.rpartition("}")[2].lower(): value for key, value in attrib.items()}


def _tokenize(text: str) -> _Collector:
    """Last resort for text no XML parser accepts: scan ``<outline`` and ``</outline>`` tags.

    Reading attributes up to the next outline tag rather than the first ``>`` means that HTML
    or a stray quote inside a description cannot hide the xmlUrl that follows it.
    """
    collector = _Collector()
    text = _COMMENT.sub("", text)
    collector.looks_like_opml = re.search(r"<opml\b", text, re.I) is not None
    tags = list(_OUTLINE_TAG.finditer(text))
    for index, tag in enumerate(tags):
        if tag.group(1):
            collector.end()
            continue
        stop = tags[index + 1].start() if index + 1 < len(tags) else len(text)
        segment = text[tag.end() : stop]
        attrs: dict[str, str] = {}
        end = None
        # Attributes are taken from the whole stretch up to the next outline tag (first one
        # wins), because quotes in descriptions such as <a href="..."> break any tag boundary;
        # the last ">" or "/>" right after an attribute decides whether the outline is a leaf.
        for match in _ATTR.finditer(segment):
            key = match.group(1).rsplit(":", 1)[-1].lower()
            value = next(v for v in match.group(2, 3, 4) if v is not None)
            attrs.setdefault(key, _XML_REF.sub(_xml_ref, value))
            end = _TAG_END.match(segment, match.end()) or end
        collector.start(attrs)
        if end is None or end.group(1):  # self-closing, or never closed: a leaf either way
            collector.end()
    return collector


def _xml_ref(match: re.Match[str]) -> str:
    """Decode one XML character or predefined entity reference (the XML layer, nothing more)."""
    decimal, hexa, named = match.groups()
    if named:
        return _XML_NAMED[named]
    code = int(decimal) if decimal else int(hexa, 16)
    return chr(code) if 0 < code < 0x110000 else ""


def _clean_text(value: str | None) -> str | None:
    """Plain text for a title or folder: entities decoded once, tags gone, whitespace collapsed."""
    if not value:
        return None
    value = value[: MAX_TITLE * 50]  # bound the work on hostile input before cleaning
    if "&" in value:
        value = html.unescape(value)
    if "<" in value:
        value = _TAG.sub(" ", _SCRIPT.sub(" ", value))
    value = " ".join(_CONTROL.sub(" ", value).split())
    return value[:MAX_TITLE].rstrip() or None
