"""The reading pane's HTML for one article (a pure function of the article and a few colours).

Internal actions are links with the ``reader:`` scheme, handled by the pane, never followed:
``reader:category/N`` (the N-th category), ``reader:star``, ``reader:open``,
``reader:comments``, ``reader:enclosure/N``. Images that are not local files are replaced by
a small link, unless the engine stored a copy (then the img points at the local file), so the
pane has nothing to fetch (and QTextBrowser is told to load nothing either, see
ArticleView.loadResource).

Directions: the article's title, chips and body follow the article's direction; the window's
own blocks (the full-text note, attachments, "Source: … · Open in browser") keep the
interface's, so "Source:" never ends up on the far side of a right-to-left article.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from reader.core.timefmt import absolute_time, parse_iso
from reader.core.types import ArticleDetail
from reader.ui.i18n import relative_time

translate = QCoreApplication.translate

# Pattern texts, compiled (and cached by re) on first use: not on the window's start.
_IMG = r"(?i)<img\b[^>]*>"
_ATTR = r"""(?i)\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)')"""
_BY = r"(?i)^\s*by\s+"  # feeds often write "By Jane" as the author
_SOURCE = r"(?i)<source\b[^>]*>"
# Letters of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo ... and their forms.
_RTL_LETTER = "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]"


@dataclass(frozen=True, slots=True)
class Colors:
    text: str
    meta: str
    link: str
    chip_fg: str
    chip_bg: str
    rule: str
    star: str = "#d99100"


def is_local(url: str) -> bool:
    return url.startswith(("file:", "data:image/"))


def _image(match: re.Match[str], colors: Colors, images: Mapping[str, str]) -> str:
    """A stored image points at its local file; any other becomes a small link."""
    tag = match.group(0)
    attrs = {
        m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or "")
        for m in re.finditer(_ATTR, tag)
    }
    src = attrs.get("src", "")
    if src and is_local(src):
        return tag
    alt = attrs.get("alt", "").strip()
    if src in images:
        # No width/height: the pane scales the file to the text column when it loads it.
        return f'<img src="{html.escape(images[src])}" alt="{html.escape(alt)}">'

    label = translate("Article", "Image: %1").replace("%1", alt) if alt else None
    label = label or translate("Article", "Image")
    if not src:
        return ""
    tip = translate("Article", "Not downloaded: click to open it in the browser")
    return (
        f'<a href="{html.escape(src)}" title="{html.escape(tip)}" '
        f'style="color:{colors.meta}; text-decoration:none">[{html.escape(label)}]</a>'
    )


def body_html(
    detail: ArticleDetail, colors: Colors, images: Mapping[str, str] | None = None
) -> str:
    """The article text; images are local files (from `images`: URL -> file URL) or links."""
    body = detail.content_html or ""
    if not body.strip():
        body = f"<p>{html.escape(detail.summary)}</p>" if detail.summary else ""
    body = re.sub(_SOURCE, "", body)
    return re.sub(_IMG, lambda m: _image(m, colors, images or {}), body)


def _size(length: int | None) -> str:
    if not length or length <= 0:
        return ""
    for unit in ("bytes", "KB", "MB", "GB"):
        if length < 1024 or unit == "GB":
            return f"{length:.0f} {unit}" if unit == "bytes" else f"{length:.1f} {unit}"
        length /= 1024  # type: ignore[assignment]
    return ""


def _chip_text(name: str) -> str:
    """A category name that wraps as one piece (a chip never breaks across lines)."""
    return html.escape(name).replace(" ", "&nbsp;").replace("-", "\u2011")


def _isolated(text: str) -> str:
    """Text of unknown direction as a first-strong isolate, when it holds right-to-left
    letters, so it does not drag the neutral characters around it (" · ") along."""
    return f"\u2068{text}\u2069" if re.search(_RTL_LETTER, text) else text


def render(
    detail: ArticleDetail,
    colors: Colors,
    *,
    now: datetime | None = None,
    images: Mapping[str, str] | None = None,
    note: str | None = None,
    ui_direction: str = "ltr",
) -> str:
    """The whole pane document for one article.

    Args:
        images: stored image URL -> file URL.
        note: why the full article is missing (the engine's full_text_error), shown as a
            muted line above the body.
        ui_direction: the interface's direction ("ltr" for an English interface). The article's
            title, category chips and body follow the article's own direction; the window's
            words ("Source:", "Open in browser", the note) follow the interface's.
    """
    esc = html.escape
    direction = "rtl" if detail.direction == "rtl" else "ltr"
    ui_dir = "rtl" if ui_direction == "rtl" else "ltr"
    ui_align = "right" if ui_dir == "rtl" else "left"
    # Inside the article's blocks, the window's own words ("3 hours ago") are isolated as
    # interface-direction runs and names of unknown direction as first-strong runs, so the
    # bidi algorithm does not shuffle their pieces.
    mixed = direction != ui_dir
    ui_mark = "\u2067" if ui_dir == "rtl" else "\u2066"
    ui = (lambda t: f"{ui_mark}{t}\u2069") if mixed else (lambda t: t)
    name = (lambda t: f"\u2068{t}\u2069") if mixed else _isolated
    when = parse_iso(detail.published)
    open_text = translate("Article", "Open in browser")
    show_text = translate("Article", "Show the articles in %1")
    by_text = translate("Article", "By")
    parts = [f'<div dir="{direction}">']

    title = esc(detail.title or translate("Article", "(untitled)"))
    if detail.link:
        title = (
            f'<a href="reader:open" title="{esc(open_text)}" '
            f'style="color:{colors.text}; text-decoration:none">{title}</a>'
        )
    parts.append(
        f'<p class="title" style="margin-top:0; margin-bottom:8px"><span style="font-size:x-large; '
        f'font-weight:600">{title}</span></p>'
    )

    meta: list[str] = []
    for number, category in enumerate(detail.categories):
        meta.append(
            f'<a href="reader:category/{number}" title="{esc(show_text.replace("%1", category))}" '
            f'style="color:{colors.chip_fg}; background-color:{colors.chip_bg}; '
            f'text-decoration:none">&nbsp;{name(_chip_text(category))}&nbsp;</a>'
        )
    chips = "&nbsp; ".join(meta)
    info: list[str] = []
    if when is not None:
        info.append(
            f'<span title="{esc(absolute_time(when))}" style="color:{colors.meta}">'
            f"{ui(esc(relative_time(when, now)))}</span>"
        )
    if detail.starred:
        tip = translate("Article", "Remove from favorites (s)")
        label = "\u2605&nbsp;" + esc(translate("Article", "In favorites"))
        info.append(
            f'<a href="reader:star" title="{esc(tip)}" '
            f'style="color:{colors.star}; text-decoration:none">{ui(label)}</a>'
        )
    else:
        tip = translate("Article", "Keep this article in your favorites (s)")
        label = "\u2606&nbsp;" + esc(translate("Article", "Add to favorites"))
        info.append(
            f'<a href="reader:star" title="{esc(tip)}" '
            f'style="color:{colors.link}; text-decoration:none">{ui(label)}</a>'
        )
    separator = f'<span style="color:{colors.meta}">&nbsp;&nbsp;·&nbsp;&nbsp;</span>'
    row = separator.join(info)
    if chips:
        row = chips + "&nbsp;&nbsp;&nbsp;" + row
    parts.append(f'<p class="meta" style="margin-top:0; margin-bottom:4px">{row}</p>')
    author = re.sub(_BY, "", detail.author or "").strip()
    if author:
        parts.append(
            f'<p class="meta" style="margin-top:0; margin-bottom:0; color:{colors.meta}">'
            f"{ui(esc(by_text))} {name(esc(author))}</p>"
        )
    parts.append(f'<hr style="background-color:{colors.rule}"/>')
    parts.append("</div>")

    # The window's own blocks: in the interface's direction, aligned to its start.
    ui_block = f'dir="{ui_dir}" align="{ui_align}"'
    if note:
        text = translate(
            "Article", "Full article could not be downloaded: %1; showing the feed's summary."
        ).replace("%1", note.strip().rstrip("."))
        parts.append(
            f'<p class="note" {ui_block} style="margin-top:0; color:{colors.meta}; '
            f'font-size:small">{esc(text)}</p>'
        )
    body = body_html(detail, colors, images)
    parts.append(f'<div dir="{direction}" class="body">{body}</div>')

    if detail.enclosures:
        items = []
        for number, enclosure in enumerate(detail.enclosures):
            filename = enclosure.url.rstrip("/").rsplit("/", 1)[-1] or enclosure.url
            details = ", ".join(x for x in (enclosure.type or "", _size(enclosure.length)) if x)
            suffix = (
                f' <span style="color:{colors.meta}">({esc(details)})</span>' if details else ""
            )
            items.append(
                f'<li {ui_block}><a href="reader:enclosure/{number}">'
                f"{_isolated(esc(filename))}</a>{suffix}</li>"
            )
        attachments = esc(translate("Article", "Attachments"))
        parts.append(f"<p {ui_block}><b>{attachments}</b></p><ul {ui_block}>{''.join(items)}</ul>")

    parts.append(f'<hr style="background-color:{colors.rule}"/>')
    source = esc(translate("Article", "Source:"))
    footer = [f'<span style="color:{colors.meta}">{source}</span> {_isolated(esc(detail.source))}']
    if detail.link:
        footer.append(f'<a href="reader:open">{esc(open_text)}</a>')
    if detail.comments:
        footer.append(f'<a href="reader:comments">{esc(translate("Article", "Comments"))}</a>')
    parts.append(f'<p class="source" {ui_block}>{separator.join(footer)}</p>')
    return "".join(parts)


def style(colors: Colors) -> str:
    """The pane's default style sheet: body text with room between lines, like a news page,
    quotes and code set apart in the palette's colours (light or dark).

    QTextDocument does not inherit line-height from a div to its paragraphs, and supports no
    borders outside tables, so quotes are set apart by colour and indent.
    """
    return (
        ".body, p, li, blockquote, dd { line-height: 140%; } "
        ".meta { line-height: 115%; } .title { line-height: 100%; } "
        f"a {{ color: {colors.link}; }} "
        f"blockquote {{ color: {colors.meta}; margin-left: 18px; margin-right: 18px; }} "
        f"pre, code {{ font-family: monospace; background-color: {colors.chip_bg}; }} "
        f"th {{ background-color: {colors.chip_bg}; }} "
        f"figcaption, small {{ color: {colors.meta}; }}"
    )


def placeholder(text: str, colors: Colors) -> str:
    return (
        f'<p align="center" style="margin-top:80px; color:{colors.meta}; font-size:large">'
        f"{html.escape(text)}</p>"
    )
