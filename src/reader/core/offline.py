"""Images stored for offline reading: which to fetch, how to check them, where they live.

Files live under `paths.cache_dir(data_dir)/images/ab/<sha256 of the URL>.<ext>`, one per URL,
shared by every article that shows it (tables in `storage/images.py`).

Contract for the reading pane (through `Service`, never this module):

- `Service.image_map(article_id) -> dict[str, Path]` maps each image URL of the article to its
  local file, for the images that are stored. Keys are the URLs as they appear in the article's
  `content_html` `<img src>` (HTML entities decoded, e.g. `&amp;` -> `&`), and also the absolute
  form when the stored src was relative; `<picture>` sources and image enclosures are included.
  A URL that is not a key has no local copy: show a neutral placeholder and never fetch it.
- `Service.local_image(url) -> Path | None` answers the same for one URL (for a
  `QTextBrowser.loadResource` override that looks each image up as it is asked for).
- Both mark the images as recently used (kept in memory, written at the next download), so
  the LRU eviction spares what the user reads. Neither ever touches the network.

What is fetched: `<img src>`; for a `<picture>` without an `<img src>`, the best `srcset`
candidate of its first usable `<source>`; enclosures typed `image/*`. Tracking pixels never get
here (sanitize drops them). What is kept: PNG, JPEG, GIF, WebP, AVIF, BMP and ICO only, checked
by their first bytes AND a Content-Type that is `image/*` (or a generic octet-stream); SVG is
refused (it can carry script), so is an HTML error page. At most MAX_IMAGE_BYTES an image, four
downloads in flight per host, eight in all; `cancel` is checked between images.
"""

from __future__ import annotations

import base64
import html
import json
import logging
import re
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from reader.core import fetch as fetching
from reader.core import paths
from reader.core.errors import FetchError, InvalidURLError, UnreachableError
from reader.core.links import join
from reader.core.storage import images as store
from reader.core.storage.db import in_chunks, transaction

if TYPE_CHECKING:
    from reader.core.parse import ParsedEntry

log = logging.getLogger(__name__)

MAX_IMAGE_BYTES = 10 * 1024 * 1024
IMAGE_DEADLINE = 20.0  # seconds for one image, redirects included
MAX_IMAGES_PER_ARTICLE = 50
WORKERS = 8
PER_HOST = 4
HOST_DOWN_AFTER = 3  # unreachable answers in a row before a host's other images wait
DEFAULT_BUDGET_MB = 1024
SWEEP_GRACE = 300  # seconds: a file this young may belong to a download still being recorded
_GENERIC_TYPES = {"", "application/octet-stream", "binary/octet-stream", "application/binary"}
_EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/avif": "avif",
    "image/bmp": "bmp",
    "image/x-icon": "ico",
}


class ImageRefused(Exception):
    """The server answered, but not with an image we keep (wrong type, SVG, too large)."""


# --- which images an article shows ---


def image_urls(
    content_html: str, enclosures_json: str | None = None, base: str | None = None
) -> list[str]:
    """Absolute http(s) URLs of the images an article shows, in order, without duplicates."""
    try:
        items = json.loads(enclosures_json or "[]")
    except ValueError:
        items = []
    return _image_urls(content_html, items if isinstance(items, list) else [], base)


def parsed_image_urls(entry: ParsedEntry) -> tuple[str, ...]:
    """`image_urls` of an entry as parsed, before it is stored (the same URLs, found in a
    parse worker so the writer does not read the HTML again)."""
    items = [{"url": url, "type": kind} for url, kind, _length in entry.enclosures]
    return tuple(_image_urls(entry.content_html, items, entry.link))


def _image_urls(content_html: str, enclosures: list[object], base: str | None) -> list[str]:
    urls = [url for _raw, url in image_sources(content_html, base)]
    urls += _enclosure_images(enclosures)
    kept = (url for url in urls if not _RESERVED.search(host_of(url)))
    return list(dict.fromkeys(kept))[:MAX_IMAGES_PER_ARTICLE]


# Names reserved for examples and tests (RFC 2606, RFC 6761): no image is ever there, and
# sample feeds and test fixtures are full of them.
_RESERVED = re.compile(r"(^|\.)(example|test|invalid|example\.(com|net|org))(:\d+)?$")


def image_sources(content_html: str, base: str | None = None) -> list[tuple[str, str]]:
    """(src as written, absolute URL) of each image in the HTML; unusable URLs left out."""
    # Only the image tags matter: parsing just them is ~50x cheaper than the whole article.
    tags = _IMAGE_TAG.findall(content_html or "")
    if all(_PLAIN_IMG.fullmatch(tag) for tag in tags):
        # Sanitized HTML has only these (lower case, double quotes, no reference): what
        # HTMLParser would find, without it (it cost a refresh's parse workers 10%).
        sources = (dict(_ATTRIBUTE.findall(tag)).get("src") for tag in tags)
        raws = [src for src in sources if src]
    else:
        finder = _ImageFinder()
        try:
            finder.feed("".join(tags))
            finder.close()
        except Exception:  # HTMLParser is lenient; a pathological input must not stop a refresh
            log.debug("image scan failed", exc_info=True)
        raws = finder.found
    found = []
    for raw in raws:
        url = _absolute(raw, base)
        if url is not None:
            found.append((raw, url))
    return found


def _enclosure_images(items: list[object]) -> list[str]:
    urls = []
    for item in items:
        if not isinstance(item, dict):
            continue
        kind = str(item.get("type") or "").lower()
        if kind.startswith("image/") and "svg" not in kind:
            url = _absolute(str(item.get("url") or ""), None)
            if url:
                urls.append(url)
    return urls


def _absolute(raw: str, base: str | None) -> str | None:
    raw = raw.strip()
    if not raw or raw.startswith("data:"):
        return None
    try:
        url = join(base, raw) if base else raw
        url = url.split("#", 1)[0]
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or len(url) > 2000:
        return None
    return url


_IMAGE_TAG = re.compile(
    r"""<(?:img|source|/?picture)\b(?:[^>"']|"[^"]*"|'[^']*')*>""", re.IGNORECASE
)


_PLAIN_IMG = re.compile(r'<img(?:\s+[a-z-]+="[^"<>&]*")*\s*/?>')
_ATTRIBUTE = re.compile(r'\s([a-z-]+)="([^"]*)"')


class _ImageFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._pictures: list[list[str | None]] = []  # [best source candidate, img src]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "picture":
            self._pictures.append([None, None])
        elif tag == "source" and self._pictures and self._pictures[-1][0] is None:
            kind = values.get("type", "").lower()
            if values.get("srcset") and "svg" not in kind:
                self._pictures[-1][0] = best_candidate(values["srcset"])
        elif tag == "img" and values.get("src"):
            if self._pictures:
                self._pictures[-1][1] = values["src"]
            self.found.append(values["src"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "picture" and self._pictures:
            self._end_picture()

    def close(self) -> None:
        super().close()
        while self._pictures:
            self._end_picture()

    def _end_picture(self) -> None:
        source, img = self._pictures.pop()
        if img is None and source:
            self.found.append(source)


_CANDIDATE = re.compile(r"^\s*(\S+?),?(?:\s+([\d.]+)([wx]))?\s*$")


def best_candidate(srcset: str, *, max_width: int = 2000, max_density: float = 2.0) -> str | None:
    """The srcset candidate to keep: the largest up to max_width (or 2x), else the smallest."""
    candidates: list[tuple[float, str]] = []
    for part in re.split(r",\s+|,(?=https?:)", srcset.strip()):
        match = _CANDIDATE.match(part)
        if not match:
            continue
        url, number, unit = match.groups()
        try:
            value = float(number) if number else 1.0
        except ValueError:
            continue
        candidates.append((value * (1000 if unit == "x" else 1), url))
    if not candidates:
        return None
    limit = max(max_width, max_density * 1000)
    fitting = [c for c in candidates if c[0] <= limit]
    return max(fitting)[1] if fitting else min(candidates)[1]


# --- checking and downloading one image ---


def sniff(data: bytes) -> str | None:
    """The MIME type of a kept image format from its first bytes, else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp":
        box = int.from_bytes(data[:4], "big")
        brands = data[8 : max(12, min(box, 64))]
        if any(brands[i : i + 4] in (b"avif", b"avis") for i in range(0, len(brands), 4)):
            return "image/avif"
    if data[:2] == b"BM" and len(data) > 26:
        return "image/bmp"
    if data[:4] == b"\x00\x00\x01\x00" and len(data) > 6:
        return "image/x-icon"
    return None


@dataclass(frozen=True, slots=True)
class Image:
    url: str
    body: bytes
    mime: str


def download(client: fetching.Client, url: str) -> Image:
    """GET one image and check it.

    Raises:
        ImageRefused: the answer is not an image we keep (never retried).
        FetchError, InvalidURLError: the download failed (retried at a later refresh).
    """
    try:
        fetched = fetching.fetch(
            client, fetching.check_url(url), deadline=IMAGE_DEADLINE, max_bytes=MAX_IMAGE_BYTES
        )
    except FetchError as exc:
        message = str(exc).replace("The feed", "The image").replace("the feed", "the image")
        if "larger than" in message:
            raise ImageRefused(message) from None
        raise type(exc)(message) from None  # UnreachableError stays one (see bounded_map)
    declared = fetched.headers.get("content-type", "").split(";")[0].strip().lower()
    mime = sniff(fetched.body)
    if "svg" in declared or (mime is None and b"<svg" in fetched.body[:2048].lower()):
        raise ImageRefused("SVG images are not kept (they can carry scripts).")
    if declared not in _GENERIC_TYPES and not declared.startswith("image/"):
        raise ImageRefused(f"Not an image: the server sent {declared[:60]}.")
    if mime is None:
        raise ImageRefused("Not an image in a format Reader keeps (PNG, JPEG, GIF, WebP, AVIF).")
    return Image(fetched.url, fetched.body, mime)


# --- running many downloads: bounded in all and per host ---

T = TypeVar("T")
R = TypeVar("R")


def bounded_map(
    items: Iterable[T],
    fn: Callable[[T], R],
    *,
    key: Callable[[T], str],
    workers: int = WORKERS,
    per_host: int = PER_HOST,
    cancel: threading.Event | None = None,
    host_down: Callable[[Exception], bool] = lambda exc: isinstance(exc, UnreachableError),
) -> Iterator[tuple[T, R | Exception]]:
    """Run fn over items in threads, at most `per_host` at once per key; yield as they finish.

    An exception raised by fn is yielded as the result. After HOST_DOWN_AFTER results in a row
    for one key are `host_down` errors, that key's items not started yet are dropped (never
    yielded): a dead image server would otherwise cost a connect timeout per image. Setting
    `cancel` stops at once: work not started is dropped, work in flight is abandoned (it ends
    by its own timeouts).
    """
    queues: dict[str, deque[T]] = {}
    for item in items:
        queues.setdefault(key(item), deque()).append(item)
    if not queues:
        return
    running: dict[str, int] = dict.fromkeys(queues, 0)
    down_in_a_row: dict[str, int] = dict.fromkeys(queues, 0)
    in_flight: dict[Future[R], tuple[T, str]] = {}
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="offline")
    try:
        while not (cancel and cancel.is_set()):
            for host in list(queues):
                while len(in_flight) < workers and running[host] < per_host and queues[host]:
                    item = queues[host].popleft()
                    in_flight[pool.submit(fn, item)] = (item, host)
                    running[host] += 1
                if not queues[host]:
                    del queues[host]
            if not in_flight:
                return
            done, _ = wait(in_flight, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                item, host = in_flight.pop(future)
                running[host] -= 1
                try:
                    result: R | Exception = future.result()
                except Exception as exc:
                    result = exc
                if isinstance(result, Exception) and host_down(result):
                    down_in_a_row[host] += 1
                    if down_in_a_row[host] >= HOST_DOWN_AFTER:
                        queues.pop(host, None)
                else:
                    down_in_a_row[host] = 0
                yield item, result
                if cancel and cancel.is_set():
                    return
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def host_of(url: str) -> str:
    """The server a URL names: its host, and its port when one is given."""
    try:
        parts = urlsplit(url)
        host, port = (parts.hostname or "").lower(), parts.port
    except ValueError:
        return ""
    return f"{host}:{port}" if port else host


# --- the cache on disk and in the database ---


class ImageCache:
    """The image files of one data dir and their rows; every method takes the caller's connection.

    Args:
        root: the cache folder (`paths.cache_dir(data_dir)`); images go in `root/images`.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def file(self, relative: str) -> Path:
        return self.root / relative

    def collect(self, conn: sqlite3.Connection, article_ids: Sequence[int], now: int) -> None:
        """Link articles to the images their text and enclosures show (no network)."""
        for chunk, marks in in_chunks(article_ids, 200):
            rows = conn.execute(
                "SELECT a.id, c.content_html, a.enclosures, a.link FROM articles a "
                f"JOIN article_content c ON c.id = a.id WHERE a.id IN ({marks})",
                chunk,
            ).fetchall()
            pairs = [(r[0], url) for r in rows for url in image_urls(r[1], r[2], r[3])]
            if pairs:
                with transaction(conn):
                    store.link_many(conn, pairs, now)

    def download(
        self,
        conn: sqlite3.Connection,
        client: fetching.Client,
        *,
        article_ids: Sequence[int] | None = None,
        cancel: threading.Event | None = None,
        clock: Callable[[], float] = time.time,
        retry_failed: bool = False,
    ) -> int:
        """Fetch the linked images not stored yet; returns how many were stored.

        Network work runs in threads; files and rows are written here, one short transaction
        an image, so a cancelled or crashed run keeps what it stored and leaves the rest queued.
        """
        limit = store.REFUSED if retry_failed else store.MAX_ATTEMPTS
        todo = store.pending(conn, article_ids, max_attempts=limit)
        stored = 0
        for (image_id, url), result in bounded_map(
            todo,
            lambda job: download(client, job[1]),
            key=lambda job: host_of(job[1]),
            cancel=cancel,
        ):
            now = int(clock())
            if isinstance(result, Image):
                try:
                    relative = self._write_file(url, result)
                except OSError as exc:
                    with transaction(conn):
                        store.record_failed(
                            conn,
                            image_id,
                            f"Cannot save the image: {exc.strerror}.",
                            now,
                            permanent=False,
                        )
                    continue
                with transaction(conn):
                    store.record_stored(
                        conn, image_id, relative, result.mime, len(result.body), now
                    )
                stored += 1
            else:
                permanent = isinstance(result, ImageRefused)
                if isinstance(result, FetchError | InvalidURLError | ImageRefused):
                    message = str(result)
                else:
                    log.error("downloading %s failed", url, exc_info=result)
                    message = f"Unexpected error while downloading ({type(result).__name__})."
                with transaction(conn):
                    store.record_failed(conn, image_id, message, now, permanent=permanent)
        return stored

    def _write_file(self, url: str, image: Image) -> str:
        digest = store.url_hash(url)
        relative = f"images/{digest[:2]}/{digest}.{_EXTENSIONS[image.mime]}"
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        paths.write_atomically(target, image.body)
        return relative

    def evict(self, conn: sqlite3.Connection, budget_bytes: int) -> int:
        """Delete least recently used unpinned images until the cache fits; returns bytes freed."""
        self._forget(conn, store.orphans(conn))
        excess = store.total_size(conn) - budget_bytes
        if excess <= 0:
            return 0
        before = store.total_size(conn)
        self._forget(conn, store.eviction_victims(conn, excess))
        return before - store.total_size(conn)

    def clear(self, conn: sqlite3.Connection) -> int:
        """Remove every image not pinned by a favorite; returns the number of files removed."""
        removed = self._forget(conn, store.unpinned(conn))
        return removed + self._sweep(conn)

    def _forget(self, conn: sqlite3.Connection, rows: list[tuple[int, str | None]]) -> int:
        """Delete rows first, then their files: a crash in between leaves a stray file only."""
        if not rows:
            return 0
        with transaction(conn):
            store.delete(conn, [image_id for image_id, _ in rows])
        removed = 0
        for _, relative in rows:
            if relative:
                try:
                    self.file(relative).unlink()
                    removed += 1
                except FileNotFoundError:
                    pass
                except OSError as exc:
                    log.warning("cannot remove cached image %s: %s", relative, exc)
        return removed

    def _sweep(self, conn: sqlite3.Connection) -> int:
        """Remove files no row refers to (left by a crash), sparing very recent ones."""
        folder = self.root / "images"
        if not folder.is_dir():
            return 0
        known = store.known_paths(conn)
        cutoff = time.time() - SWEEP_GRACE
        removed = 0
        for path in folder.glob("*/*"):
            relative = path.relative_to(self.root).as_posix()
            try:
                if relative not in known and path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed


# --- exports ---


def data_uri(path: Path, mime: str | None = None) -> str | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    kind = sniff(data) or mime
    if kind is None:
        return None
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SOURCE_TAG = re.compile(r"<source\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r'\ssrc="([^"]*)"', re.IGNORECASE)
_ALT = re.compile(r'\salt="([^"]*)"', re.IGNORECASE)


def embed_images(content_html: str, local: dict[str, Path], base: str | None = None) -> str:
    """The HTML with each stored image inlined as a data: URI and every other image removed.

    A removed image leaves its alt text, so the export loads nothing from the network.
    """
    cache: dict[str, str | None] = {}

    def replace(match: re.Match[str]) -> str:
        tag = match.group(0)
        src = _SRC.search(tag)
        raw = html.unescape(src.group(1)) if src else ""
        path = local.get(raw) or local.get(_absolute(raw, base) or "")
        uri = None
        if path is not None:
            if raw not in cache:
                cache[raw] = data_uri(path)
            uri = cache[raw]
        if uri is None:
            alt = _ALT.search(tag)
            return f"<span>[{alt.group(1)}]</span>" if alt and alt.group(1).strip() else ""
        return tag[: src.start(1)] + uri + tag[src.end(1) :] if src else tag

    return _SOURCE_TAG.sub("", _IMG_TAG.sub(replace, content_html))
