"""Exceptions that cross the engine's seam; each message is one sentence a user can act on."""

from __future__ import annotations


class ReaderError(Exception):
    """Base of every error the engine raises on purpose."""


class InvalidURLError(ReaderError):
    """A URL a user typed or a file named is not a usable http(s) URL."""


class FetchError(ReaderError):
    """The network or the server failed us (timeout, refused, HTTP error, too large)."""


class UnreachableError(FetchError):
    """No connection to the server at all (name not found, refused, TLS failed, connect timed
    out): its other URLs would fail the same way for now."""


class ParseError(ReaderError):
    """The bytes we got are not a feed we can read."""


class NotFoundError(ReaderError):
    """An id or name that does not exist (unknown feed, article, folder)."""


class StorageError(ReaderError):
    """The database cannot be opened or written (corrupt, newer version, disk full, read-only)."""


class ImportFileError(ReaderError):
    """An OPML file that cannot be read at all."""


# Feed errors that call for a different action than "try again later"; the window offers it.
GONE_MESSAGE = "The feed is gone for good (HTTP 410); you may want to unsubscribe."
WEB_PAGE_MESSAGE = (
    "The address returned a web page, not a feed; try adding the site to find its feed."
)


def feed_problem(error: str | None) -> str | None:
    """'gone', 'web_page' or 'failed' for a feed's stored error; None when it has none."""
    if not error:
        return None
    if error == GONE_MESSAGE:
        return "gone"
    if error == WEB_PAGE_MESSAGE:
        return "web_page"
    return "failed"
