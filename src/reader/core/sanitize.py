"""HTML sanitizing (nh3 allow-list), plain-text extraction and text direction.

Everything stored or shown passes through `clean_html`: no script, iframe, object, embed, form,
style, event handler, or javascript:/data: URL survives, and tracking pixels are dropped.
"""

from __future__ import annotations

import functools
import html
import re
from urllib.parse import urljoin

import nh3

_TAGS = set(nh3.ALLOWED_TAGS) - {"area", "map"} | {"figure", "figcaption", "picture", "source"}
_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "source": {"srcset", "type", "media"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "time": {"datetime"},
}
_DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript"}
_URL_SCHEMES = {"http", "https", "mailto", "tel", "ftp", "magnet", "geo"}

# The sanitizer's HTML parser is quadratic in nesting depth (100,000 nested <div>: 40 s) and in
# dense character references (1 MB of "&": 10 s): a fragment is cut at MAX_HTML_CHARS (the
# longest real article in the corpus is about 100 KB) and nested past MAX_DEPTH is flattened.
MAX_HTML_CHARS = 300_000
MAX_DEPTH = 100
_START_OR_END = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*?)?(/?)>")
# Elements that never nest in practice: void, or closed by the next one of their kind.
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd tr td th option thead tbody tfoot colgroup rt rp".split()
)

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_DIM = re.compile(r'\b(width|height)="\s*(\d+)(?:px)?\s*"', re.IGNORECASE)
_TRACKER_HOSTS = re.compile(
    r'src="https?://(?:[^"/]*\.)?(?:feeds\.feedburner\.com/~r/|feedburner\.google\.com/~r|'
    r"pixel\.[^\"/]+|stats\.wordpress\.com/b\.gif|pixel\.wp\.com|www\.google-analytics\.com|"
    r'[^"]*/(?:pixel|tracking|beacon)\.(?:gif|png))',
    re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]*>")
# Tags that separate words when rendered; any other tag (b, em, a, span...) joins its neighbours.
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|table|tr|td|th|caption|blockquote|pre|"
    r"section|article|aside|header|footer|nav|figure|figcaption|img|source|video|audio)\b[^>]*>",
    re.IGNORECASE,
)
_CLEAN_BLOCK_TAG = re.compile(_BLOCK_TAG.pattern)  # for nh3's output: tag names in lower case
# C0/C1 control characters that are not whitespace: NUL, ESC (terminal colours), BEL...
# Control characters that must never reach a title or the terminal; deleted with str.translate.
_CONTROL_TABLE = dict.fromkeys(
    [*range(0x00, 0x09), *range(0x0E, 0x1C), *range(0x7F, 0x85), *range(0x86, 0xA0)]
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")  # the same characters
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_RTL_LANGUAGES = ("ar", "he", "fa", "ur", "yi", "ps", "dv", "ku", "sd", "ug")
# Runs of letters, not single ones: counting a word per match is four times faster.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+")
_LTR = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0900-\u0dff\u3040-\u9fff]+")


def clean_html(fragment: str, base_url: str | None = None) -> str:
    """Sanitize an HTML fragment, resolving relative links and image sources against base_url."""
    if not fragment:
        return ""
    fragment = _bounded(fragment)
    try:
        cleaned = _cleaner(base_url if _is_http(base_url) else None).clean(fragment)
    except Exception:  # nh3 rejects nothing normally; a bad base URL must not lose the text
        cleaned = nh3.clean(
            fragment,
            tags=_TAGS,
            clean_content_tags=_DROP_WITH_CONTENT,
            attributes=_ATTRIBUTES,
            url_schemes=_URL_SCHEMES,
        )
    if "srcset=" in cleaned:
        cleaned = _SRCSET.sub(lambda m: _web_srcset(m.group(1), base_url), cleaned)
    return _IMG.sub(_drop_tracking_pixel, cleaned)


# nh3 checks the scheme of href and src but not of srcset: its candidates are checked here, in
# nh3's output (attributes double-quoted, "&" escaped). Relative ones are resolved like src.
_SRCSET = re.compile(r'\ssrcset="([^"]*)"')
_SRCSET_SPLIT = re.compile(r",\s+|,(?=\s*https?:)", re.IGNORECASE)


def _web_srcset(value: str, base_url: str | None) -> str:
    kept = []
    for candidate in _SRCSET_SPLIT.split(value.strip()):
        url, *size = candidate.split() or [""]
        url = html.unescape(url)
        if base_url and _is_http(base_url):
            try:
                url = urljoin(base_url, url)
            except ValueError:  # e.g. "http://[::1": not a URL at all
                continue
        if url.lower().startswith(("http://", "https://")):
            kept.append(" ".join([html.escape(url), *size]))
    return f' srcset="{", ".join(kept)}"' if kept else ""


@functools.lru_cache(maxsize=64)
def _cleaner(base_url: str | None) -> nh3.Cleaner:
    """The sanitizer for one base URL, built once: nh3.clean() builds it at every call, which
    cost a third of each article's cleaning (a feed's entries mostly share their base)."""
    return nh3.Cleaner(
        tags=_TAGS,
        clean_content_tags=_DROP_WITH_CONTENT,
        attributes=_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        url_relative=("rewrite_with_base", base_url) if base_url else "pass_through",
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def _bounded(fragment: str) -> str:
    """The fragment cut to MAX_HTML_CHARS and with tags nested deeper than MAX_DEPTH removed."""
    if len(fragment) > MAX_HTML_CHARS:
        cut = fragment.rfind("<", MAX_HTML_CHARS - 1000, MAX_HTML_CHARS)
        fragment = fragment[: cut if cut > 0 else MAX_HTML_CHARS]
    if fragment.count("<") <= MAX_DEPTH:
        return fragment  # cannot be nested deeper
    depth = dropped = 0

    def keep(match: re.Match[str]) -> str:
        nonlocal depth, dropped
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _FLAT:
            return match.group(0)
        if not closing:
            if depth >= MAX_DEPTH:
                dropped += 1
                return ""
            depth += 1
        elif dropped:
            dropped -= 1
            return ""
        else:
            depth = max(0, depth - 1)
        return match.group(0)

    return _START_OR_END.sub(keep, fragment)


def _drop_tracking_pixel(match: re.Match[str]) -> str:
    tag = match.group(0)
    dims = {name.lower(): int(value) for name, value in _DIM.findall(tag)}
    if dims and all(v <= 1 for v in dims.values()) and len(dims) >= 1:
        return ""
    if _TRACKER_HOSTS.search(tag):
        return ""
    return tag


def _is_http(url: str | None) -> bool:
    return bool(url) and url.startswith(("http://", "https://"))  # type: ignore[union-attr]


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, whitespace collapsed (for titles, search and summaries)."""
    return _plain(fragment, _BLOCK_TAG)


def clean_html_text(cleaned: str) -> str:
    """`html_to_text` of `clean_html`'s output, twice as fast there: nh3 writes tag names in
    lower case, so the block tags are matched case-sensitively (the same text, proven on the
    corpus by tests/unit/test_refresh_fast_paths.py)."""
    return _plain(cleaned, _CLEAN_BLOCK_TAG)


def clean_html_text_start(cleaned: str, chars: int) -> str:
    """`clean_html_text(cleaned)[:chars]`, from only as much of the HTML as that takes.

    The HTML is cut just after a ">": no tag or character reference is cut in two, so the cut
    HTML's text is the start of the whole text (its last word maybe shortened)."""
    size = 4 * chars  # most articles' text is over a quarter of their HTML
    while size < len(cleaned):
        cut = cleaned.rfind(">", 0, size) + 1
        text = _plain(cleaned[:cut], _CLEAN_BLOCK_TAG)
        if len(text) >= chars:
            return text[:chars]
        size *= 4
    return _plain(cleaned, _CLEAN_BLOCK_TAG)[:chars]


def _plain(fragment: str, block_tags: re.Pattern[str]) -> str:
    """Block tags made spaces, other tags removed, character references decoded, control
    characters removed, white space collapsed."""
    if not fragment:
        return ""
    if "<" in fragment:
        fragment = _TAG.sub("", block_tags.sub(" ", fragment))
    source = html.unescape(fragment)
    # str.split() splits on exactly the characters `\s` matches; it is ten times faster here.
    text = " ".join(source.split())
    # No control character is white space, so the joined text has one iff the source has;
    # isprintable() (C, stops at the first hit) saves the regex's scan in the usual case.
    if not text.isprintable() and _CONTROL.search(text):
        # Deleted before spaces collapse, so removing one leaves no double space behind.
        text = " ".join(source.translate(_CONTROL_TABLE).split())
    return text


def clean_text(value: str | None, *, limit: int = 1000) -> str:
    """A single-line plain-text field (title, author, category): tags, bidi overrides removed."""
    if not value:
        return ""
    text = html_to_text(value) if ("<" in value or "&" in value) else value
    if not text.isprintable():  # else it has neither (both are unprintable): the usual case
        # Controls go before spaces collapse, so removing one leaves no double space behind.
        text = _BIDI_CONTROLS.sub("", text).translate(_CONTROL_TABLE)
    return " ".join(text.split())[:limit]


def direction(*texts: str, hint_language: str | None = None) -> str:
    """'rtl' when right-to-left letters outnumber left-to-right ones in the first few KB."""
    sample = " ".join(t[:400] for t in texts if t)  # a paragraph decides as well as a page
    # No right-to-left letter at all, the usual case (isascii() saves max()'s slower scan).
    if not sample or sample.isascii() or max(sample) < "\u0590":
        if hint_language and not _LTR.search(sample):
            return "rtl" if hint_language.lower()[:2] in _RTL_LANGUAGES else "ltr"
        return "ltr"
    rtl = _letters(_RTL, sample)
    ltr = _letters(_LTR, sample)
    if rtl == ltr == 0 and hint_language:
        return "rtl" if hint_language.lower()[:2] in _RTL_LANGUAGES else "ltr"
    return "rtl" if rtl > ltr else "ltr"


def _letters(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of `text` the run pattern matches."""
    return sum(map(len, pattern.findall(text)))
