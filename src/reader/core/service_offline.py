"""The Service's offline copies: full text at refresh, the image cache, and what the reading
pane asks of it (see core/offline.py and core/fulltext.py). A part of `Service`, kept apart."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import ReaderError
from reader.core.storage import feeds as feed_store
from reader.core.storage import images as image_store

if TYPE_CHECKING:
    from reader.core import fetch as fetching
    from reader.core import offline

log = logging.getLogger(__name__)


class OfflineCopies:
    """Mixed into `Service`, which provides what is declared here."""

    if TYPE_CHECKING:
        conn: sqlite3.Connection
        client: fetching.Client
        images: offline.ImageCache
        clock: Callable[[], float]
        _lock: threading.Lock
        _image_uses: dict[int, int]

        def _now(self) -> int: ...
        def setting(self, name: str, default: str | None = None) -> str | None: ...
        def _write(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def _after_refresh(
        self, feed_ids: list[int], cancel: threading.Event | None, *, images: bool
    ) -> None:
        """Full text, then images of what the refresh added; never fails the refresh.

        New articles were linked to their images as they were stored; articles whose page
        was extracted here get linked to the images of their new text.
        """
        from reader.core import fulltext

        try:
            changed = fulltext.run(
                self.conn, self.client, feed_ids, cancel=cancel, clock=self.clock
            )
            self._link_images(changed)
            images = images and self.setting("download_images", "1") != "0"
            if images and not (cancel and cancel.is_set()):
                self.download_images(cancel=cancel)
        except (ReaderError, sqlite3.Error, OSError) as exc:
            log.warning("offline copies after the refresh failed: %s", exc)

    def _link_images(self, article_ids: Sequence[int]) -> None:
        self.images.collect(self.conn, article_ids, self._now())

    def download_images(
        self, article_ids: Sequence[int] | None = None, *, cancel: threading.Event | None = None
    ) -> int:
        """Download the images not stored yet (of these articles, else of all); then fit the
        cache in its budget. Returns how many were stored. Blocks: call it off the GUI thread.

        Given article ids (a new favorite), images that failed before are tried again.
        """
        if article_ids is not None:
            self._link_images(article_ids)
        stored = self.images.download(
            self.conn,
            self.client,
            article_ids=article_ids,
            cancel=cancel,
            clock=self.clock,
            retry_failed=article_ids is not None,
        )
        self._write_image_uses()
        self.images.evict(self.conn, self.image_budget())
        return stored

    def image_map(self, article_id: int) -> dict[str, Path]:
        """Image URL -> local file for an article's stored images (contract: core/offline.py).

        Never touches the network; a URL missing from the map has no local copy.
        """
        rows = image_store.article_images(self.conn, article_id)
        if not rows:
            return {}
        found: dict[str, Path] = {}
        now = self._now()
        with self._lock:
            for image_id, url, relative in rows:
                path = self.images.file(relative)
                if path.is_file():
                    found[url] = path
                    self._image_uses[image_id] = now
        row = self.conn.execute(
            "SELECT c.content_html, a.link FROM articles a "
            "JOIN article_content c ON c.id = a.id WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is not None:
            from reader.core import offline

            for raw, url in offline.image_sources(row[0], row[1]):
                if raw != url and url in found:
                    found[raw] = found[url]
        return found

    def local_image(self, url: str) -> Path | None:
        """The local file of one image URL, if it is stored; never touches the network."""
        found = image_store.find(self.conn, url)
        if found is None:
            return None
        with self._lock:
            self._image_uses[found[0]] = self._now()
        path = self.images.file(found[1])
        return path if path.is_file() else None

    def image_errors(self, article_id: int) -> list[tuple[str, str]]:
        """(url, reason) of the article's images that could not be stored."""
        return image_store.article_errors(self.conn, article_id)

    def _write_image_uses(self) -> None:
        with self._lock:
            uses, self._image_uses = self._image_uses, {}
        if uses:
            with self._write() as conn:
                image_store.touch(conn, uses)

    def image_budget(self) -> int:
        """The image cache budget in bytes (setting `image_cache_mb`, default 1024)."""
        from reader.core import offline

        try:
            megabytes = float(self.setting("image_cache_mb") or offline.DEFAULT_BUDGET_MB)
        except ValueError:
            megabytes = offline.DEFAULT_BUDGET_MB
        return max(0, int(megabytes * 1024 * 1024))

    def image_cache_bytes(self) -> int:
        return image_store.total_size(self.conn)

    def clear_image_cache(self) -> int:
        """Remove every cached image except favorites'; returns the number of files removed."""
        self._write_image_uses()
        return self.images.clear(self.conn)

    def set_full_text(self, feed_id: int, on: bool) -> None:
        """Turn "Download full article" on or off; pages are extracted at refresh."""
        feed_store.get_feed(self.conn, feed_id)
        with self._write() as conn:
            image_store.set_full_text(conn, feed_id, on)

    def full_text_enabled(self, feed_id: int) -> bool:
        feed_store.get_feed(self.conn, feed_id)
        return image_store.full_text_enabled(self.conn, feed_id)

    def full_text_error(self, article_id: int) -> str | None:
        """Why the article's full text could not be extracted (None: done, or never tried)."""
        return image_store.full_text_error(self.conn, article_id)
