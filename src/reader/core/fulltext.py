"""Full text for summary-only feeds: fetch the article's page, extract its main text.

Per feed, off by default (`feeds.full_text`, `Service.set_full_text`). At refresh, articles of
such feeds that were never extracted (newest first, BATCH at most per refresh; favorites never)
get their page fetched with the feed limits (deadline, size cap, redirects) and its main text
extracted with trafilatura, then sanitized like feed content (`sanitize.clean_html`, relative
links resolved against the page). The result replaces `content_html` and the search index entry;
the summary stays. A failure keeps the text the feed gave and records why (`full_text` table,
`Service.full_text_error`); the article is not tried again.

Why trafilatura over readability-lxml (measured on ../shared/corpus/html and synthetic
article pages, see the closing note of issue 5): it found the text on every page where
readability-lxml lost it (scripting.com: 7,373 words against 8) and kept figure images that
readability dropped; it costs ~25 ms a page against ~10 ms, which is small beside fetching the page.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence

from reader.core import fetch as fetching
from reader.core import offline
from reader.core.errors import FetchError, InvalidURLError, ParseError
from reader.core.sanitize import clean_html, html_to_text
from reader.core.storage import images as store

log = logging.getLogger(__name__)

BATCH = 50  # pages fetched per refresh at most; older articles wait for the next refresh
PER_HOST = 2  # article pages usually share one host: be gentle with it
_HTML_TYPES = ("text/html", "application/xhtml+xml", "")


def extract(page: bytes | str, url: str | None = None) -> str | None:
    """The main text of a web page as an HTML fragment (not sanitized yet), or None."""
    import trafilatura  # ~0.2 s to import: only when a full-text feed is refreshed

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    result = trafilatura.extract(
        page,
        url=url,
        output_format="html",
        include_images=True,
        include_links=True,
        include_tables=True,
        include_comments=False,
    )
    return result or None


def fetch_article(client: fetching.Client, url: str, feed_text: str) -> str:
    """Fetch and extract one article page; returns sanitized HTML.

    Raises:
        FetchError, InvalidURLError: the page could not be downloaded.
        ParseError: the page held no article text longer than what the feed gave.
    """
    fetched = fetching.fetch(client, fetching.check_url(url))
    declared = fetched.headers.get("content-type", "").split(";")[0].strip().lower()
    if declared not in _HTML_TYPES:
        raise ParseError(f"The article's address is not a web page ({declared[:60]}).")
    page: bytes | str = fetched.body
    charset = _charset(fetched.headers)
    if charset:
        try:
            page = fetched.body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            page = fetched.body
    extracted = extract(page, fetched.url)
    cleaned = clean_html(extracted or "", fetched.url)
    text = html_to_text(cleaned)
    if not text:
        raise ParseError("No article text was found on its page; the feed's text is shown.")
    if len(text) < len(feed_text):
        raise ParseError("The article's page had less text than the feed; the feed's is shown.")
    return cleaned


def _charset(headers: dict[str, str]) -> str | None:
    for part in headers.get("content-type", "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def run(
    conn: sqlite3.Connection,
    client: fetching.Client,
    feed_ids: Sequence[int] | None = None,
    *,
    cancel: threading.Event | None = None,
    clock: Callable[[], float] = time.time,
) -> list[int]:
    """Extract the pages of the articles waiting for it; returns the ids whose text changed."""
    jobs = store.full_text_candidates(conn, BATCH, feed_ids)
    changed: list[int] = []

    def work(job: tuple[int, str, str]) -> str:
        return fetch_article(client, job[1], html_to_text(job[2]))

    for (article_id, link, _), result in offline.bounded_map(
        jobs, work, key=lambda job: offline.host_of(job[1]), per_host=PER_HOST, cancel=cancel
    ):
        now = int(clock())
        if isinstance(result, str):
            text = html_to_text(result)
            with offline.transaction(conn):
                if store.replace_content(conn, article_id, result, text):
                    store.record_full_text(conn, article_id, now)
                    changed.append(article_id)
            continue
        if isinstance(result, FetchError | InvalidURLError | ParseError):
            # fetch speaks of feeds; here it fetched an article's page
            message = str(result).replace("The feed", "The article's page")
            message = message.replace("the feed", "the page")
        else:
            log.error("extracting %s failed", link, exc_info=result)
            message = f"Unexpected error while extracting the article ({type(result).__name__})."
        with offline.transaction(conn):
            store.record_full_text(conn, article_id, now, message)
    return changed
