"""Exporting favorites as one self-contained HTML file or as JSON, readable without Reader.

Images travel inside the file: the HTML has each stored image as a data: URI (an image with no
local copy is removed, leaving its alt text), so it opens with no network; the JSON keeps
`content_html` as stored and adds `images: [{url, mime, data}]` with the bytes in base64.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path

from reader.core import offline
from reader.core.errors import ReaderError
from reader.core.types import ArticleDetail

# The exported page loads nothing from the network: no script, no remote images or styles.
_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"
_STYLE = """
body{font:16px/1.55 system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
article{border-bottom:1px solid #ddd;padding:1.5em 0}
h2{margin:0 0 .3em;font-size:1.4em} .meta{color:#666;font-size:.9em}
.cat{display:inline-block;background:#eef;border-radius:1em;padding:0 .6em;margin:0 .2em}
img{max-width:100%;height:auto} nav a{display:block}
"""


Images = Mapping[int, Mapping[str, Path]]  # article id -> image URL -> local file


def export(
    items: Sequence[ArticleDetail], path: Path, *, fmt: str = "html", images: Images | None = None
) -> None:
    if fmt not in ("html", "json"):
        raise ReaderError(f"Unknown export format {fmt!r}; use html or json.")
    text = to_json(items, images) if fmt == "json" else to_html(items, images)
    try:
        Path(path).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ReaderError(f"Cannot write {path}: {exc.strerror}.") from None


def to_json(items: Sequence[ArticleDetail], images: Images | None = None) -> str:
    records = []
    for item in items:
        record = asdict(item)
        record["categories"] = list(item.categories)
        record["enclosures"] = [asdict(e) for e in item.enclosures]
        record["images"] = _image_records((images or {}).get(item.id, {}))
        records.append(record)
    return json.dumps({"version": 1, "favorites": records}, ensure_ascii=False, indent=2)


def _image_records(local: Mapping[str, Path]) -> list[dict[str, str]]:
    records = []
    seen: set[Path] = set()
    for url, path in local.items():
        if path in seen:  # the same file under its written and its absolute URL
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        seen.add(path)
        mime = offline.sniff(data) or "application/octet-stream"
        records.append({"url": url, "mime": mime, "data": base64.b64encode(data).decode("ascii")})
    return records


def to_html(items: Sequence[ArticleDetail], images: Images | None = None) -> str:
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="und"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        f"<title>Favorites ({len(items)})</title><style>{_STYLE}</style></head><body>",
        f"<h1>Favorites ({len(items)})</h1><nav>",
    ]
    parts += [f'<a href="#a{i.id}">{esc(i.title)}</a>' for i in items]
    parts.append("</nav>")
    for item in items:
        local = (images or {}).get(item.id, {})
        cats = "".join(f'<span class="cat">{esc(c)}</span>' for c in item.categories)
        meta = " · ".join(
            esc(x) for x in (item.source, item.author or "", item.published or "") if x
        )
        link = f' · <a href="{esc(item.link)}">original</a>' if item.link else ""
        parts.append(
            f'<article id="a{item.id}" dir="{item.direction}"><h2>{esc(item.title)}</h2>'
            f'<div class="meta">{meta}{link}</div><div>{cats}</div>'
            f"<div>{offline.embed_images(item.content_html, dict(local), item.link)}</div>"
            "</article>"
        )
    parts.append("</body></html>")
    return "\n".join(parts)
