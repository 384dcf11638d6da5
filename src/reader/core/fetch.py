"""HTTP fetching for feeds: timeouts, an overall deadline, a size cap, conditional GET, redirects.

Errors come back as `FetchError` with one sentence a user understands; a 304 is a normal result.
"""

from __future__ import annotations

import email.utils
import heapq
import http.client
import itertools
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import urllib3
import urllib3.connection
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    LocationValueError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.response import BaseHTTPResponse

from reader import __version__
from reader.core.errors import GONE_MESSAGE, FetchError, InvalidURLError, UnreachableError

USER_AGENT = (
    f"Reader/{__version__} (desktop feed reader; +https://pypi.org/project/reader-desktop/)"
)
MAX_BYTES = 20 * 1024 * 1024  # decoded body size cap
DEADLINE_SECONDS = 30.0  # whole request, including a server that trickles bytes
MAX_REDIRECTS = 5
MAX_CONNECTIONS = 64  # to one server at once: the refresh fetches 64 feeds at a time
MAX_RETRY_AFTER = 24 * 3600  # a server cannot silence a feed for longer than a day
ACCEPT = (
    "application/atom+xml, application/rss+xml, application/rdf+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.7, */*;q=0.5"
)


@dataclass(frozen=True, slots=True)
class Fetched:
    status: int  # 200 or 304
    url: str  # the URL finally answered (after redirects)
    body: bytes
    headers: dict[str, str]  # lower-case names
    etag: str | None
    last_modified: str | None
    permanent_url: str | None  # set when every redirect on the way was permanent (301/308)


def check_url(url: str) -> str:
    """Return a cleaned http(s) URL or raise InvalidURLError."""
    url = url.strip()
    if "://" not in url and not url.startswith(("javascript:", "file:", "data:")):
        url = "https://" + url if "." in url.split("/")[0] else url
    shown = repr(url if len(url) <= 100 else url[:100] + "…")  # a message stays one short line
    import httpx  # its URL type normalizes (IDNA, percent-encoding) as browsers do

    try:
        parsed = httpx.URL(url)
        port = parsed.port
    except Exception as exc:
        raise InvalidURLError(f"Not a valid URL: {shown}.") from exc
    if parsed.scheme not in ("http", "https"):
        raise InvalidURLError(f"Only http and https URLs can be subscribed to, not {shown}.")
    if not parsed.host:
        raise InvalidURLError(f"The URL {shown} has no host name.")
    host = parsed.raw_host.decode("ascii", "replace")  # IDNA-encoded
    if not _HOST.fullmatch(host) or (port is not None and not 0 < port < 65536):
        raise InvalidURLError(f"The URL {shown} has an invalid host name or port.")
    return str(parsed)


_HOST = re.compile(r"[A-Za-z0-9._:-]+")  # after IDNA encoding; ':' for IPv6 literals


class RetryLaterError(FetchError):
    """A 429 or 503 with a usable Retry-After: the feed must not be asked before `delay` s."""

    def __init__(self, message: str, delay: int) -> None:
        super().__init__(message)
        self.delay = delay


def retry_after_seconds(value: str | None, now: float | None = None) -> int | None:
    """Retry-After (seconds or an HTTP date) -> seconds to wait (at most a day), or None."""
    text = (value or "").strip()
    if not text:
        return None
    if text.isdigit():
        delay = int(text[:9])
    else:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            return None
        delay = int(when.timestamp() - (time.time() if now is None else now))
    return min(delay, MAX_RETRY_AFTER) if delay > 0 else None


class Client:
    """Connection pools for fetching feeds, shared by all fetch threads (urllib3's pools are
    thread-safe). It keeps no cookies: a feed request carries no cookie a server set earlier.

    urllib3 rather than httpx here: a refresh of 500 feeds that all answer 304 spent 0.9 s of
    CPU in httpx's client against 0.35 s in urllib3's (benchmarks/README.md, session 10).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._managers: dict[str, urllib3.PoolManager] = {}

    def _manager(self, scheme: str) -> urllib3.PoolManager:
        with self._lock:
            manager = self._managers.get(scheme)
            if manager is None:
                options: dict[str, Any] = {}
                if scheme == "https":  # the TLS context loads its certificates once, when needed
                    options["ssl_context"] = _tls_context()
                manager = urllib3.PoolManager(
                    num_pools=64, maxsize=MAX_CONNECTIONS, retries=False, **options
                )
                manager.pool_classes_by_scheme = _POOLS  # type: ignore[assignment]
                self._managers[scheme] = manager
            return manager

    def open(self, url: str, headers: dict[str, str], timeout: float) -> BaseHTTPResponse:
        """Send a GET and return once the headers are in; the caller reads the body and hands
        the connection back (`release_conn`)."""
        scheme = url.partition(":")[0].lower()
        return self._manager(scheme).request(
            "GET",
            url,
            headers={**_HEADERS, **headers},
            timeout=urllib3.Timeout(connect=min(10.0, timeout), read=min(15.0, timeout)),
            preload_content=False,
            decode_content=False,
            redirect=False,
            retries=False,
        )

    def close(self) -> None:
        with self._lock:
            for manager in self._managers.values():
                manager.clear()
            self._managers.clear()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def new_client() -> Client:
    return Client()


_HEADERS = {"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}


def _tls_context() -> ssl.SSLContext:
    """The system's certificate authorities (a company's own included), else certifi's."""
    context = ssl.create_default_context()
    if not context.cert_store_stats().get("x509_ca"):
        try:
            import certifi

            context.load_verify_locations(cafile=certifi.where())
        except ImportError:
            pass
    return context


# The socket each thread reads or writes for its request, so that a deadline can cut a request
# wherever it waits: connecting, the TLS handshake, the headers (on a new or a kept-alive
# connection) or the body. A server could otherwise trickle bytes for as long as it liked.
_IN_USE: dict[int, socket.socket] = {}


def _mark(sock: socket.socket | None) -> None:
    if sock is not None:
        _IN_USE[threading.get_ident()] = sock


class _Tracked:
    """Names a connection's socket in _IN_USE when it is opened and at each request."""

    sock: socket.socket | None

    def _new_conn(self) -> socket.socket:  # urllib3 opens every connection's socket here
        sock = super()._new_conn()  # type: ignore[misc]
        _mark(sock)
        return sock

    def request(self, *args: Any, **kwargs: Any) -> None:
        _mark(self.sock)  # a kept-alive connection (a new one has no socket yet)
        super().request(*args, **kwargs)  # type: ignore[misc]


class _HTTPConnection(_Tracked, urllib3.connection.HTTPConnection):
    pass


class _HTTPSConnection(_Tracked, urllib3.connection.HTTPSConnection):
    pass


class _HTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


_POOLS = {"http": _HTTPPool, "https": _HTTPSPool}


def fetch(
    client: Client,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    deadline: float = DEADLINE_SECONDS,
    max_bytes: int = MAX_BYTES,
) -> Fetched:
    """GET a URL with conditional headers, following at most MAX_REDIRECTS redirects by hand.

    Raises:
        FetchError: with a message fit for the feed's error column.
    """
    started = time.monotonic()
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    all_permanent = True
    seen: set[str] = set()
    for _hop in range(MAX_REDIRECTS + 1):
        seen.add(current)
        status, body, resp_headers = _get(client, current, headers, started, deadline, max_bytes)
        if status in (301, 302, 303, 307, 308):
            location = resp_headers.get("location")
            if not location:
                raise FetchError(f"The server answered {status} (redirect) without a location.")
            target = _join(current, location)
            try:
                target = check_url(target)
            except InvalidURLError as exc:
                raise FetchError(f"The server redirected to an unusable address: {exc}") from None
            if target in seen:
                raise FetchError("The server redirects in a loop.")
            all_permanent = all_permanent and status in (301, 308)
            current = target
            continue
        if status == 304:
            return Fetched(
                304,
                current,
                b"",
                resp_headers,
                etag,
                last_modified,
                _permanent(url, current, all_permanent),
            )
        if status >= 400:
            delay = retry_after_seconds(resp_headers.get("retry-after"))
            if status in (429, 503) and delay is not None:
                raise RetryLaterError(_http_error(status, resp_headers), delay)
            raise FetchError(_http_error(status, resp_headers))
        if status != 200 and not 200 <= status < 300:
            raise FetchError(f"The server answered with an unexpected status {status}.")
        return Fetched(
            status=200,
            url=current,
            body=body,
            headers=resp_headers,
            etag=resp_headers.get("etag"),
            last_modified=resp_headers.get("last-modified"),
            permanent_url=_permanent(url, current, all_permanent),
        )
    raise FetchError(f"The server redirected more than {MAX_REDIRECTS} times.")


def _join(base: str, location: str) -> str:
    import httpx

    return str(httpx.URL(base).join(location))


def _permanent(original: str, final: str, all_permanent: bool) -> str | None:
    return final if all_permanent and final != original else None


def _get(
    client: Client,
    url: str,
    headers: dict[str, str],
    started: float,
    deadline: float,
    max_bytes: int,
) -> tuple[int, bytes, dict[str, str]]:
    remaining = deadline - (time.monotonic() - started)
    if remaining <= 0:
        raise FetchError(_took_longer(deadline))
    watchdog = _Watchdog(remaining)
    response: BaseHTTPResponse | None = None
    try:
        with watchdog:
            response = client.open(url, headers, remaining)
            resp_headers = {name.lower(): response.headers[name] for name in response.headers}
            declared = resp_headers.get("content-length", "")
            if response.status != 200:
                if response.status in (204, 304) or (declared.isdigit() and int(declared) < 65536):
                    response.drain_conn()  # a short body: read, so the connection is reused
                return response.status, b"", resp_headers
            if declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(_too_large(max_bytes))
            body = _read_capped(response, started, deadline, max_bytes)
            if watchdog.fired:
                # The shut-down socket looks like a clean end of a body without a length: the
                # bytes read so far are a truncated feed, not the feed.
                raise FetchError(_slow(watchdog, deadline))
            return 200, body, resp_headers
    except FetchError:
        raise
    except (HTTPError, OSError, http.client.HTTPException) as exc:  # urllib3's and below it
        raise _failure(exc, watchdog, deadline) from None
    finally:
        if response is not None:
            if not response.closed:
                response.close()  # bytes left unread: the connection cannot be reused
            response.release_conn()


def _failure(exc: Exception, watchdog: _Watchdog, deadline: float) -> FetchError:
    """The sentence for a request that failed in urllib3; a cut at the deadline says so."""
    if isinstance(exc, SSLError):
        return UnreachableError(_connect_error(exc))
    if watchdog.fired or isinstance(exc, ReadTimeoutError):
        return FetchError(_slow(watchdog, deadline))
    if isinstance(exc, NewConnectionError):  # before its base class: refused, no such name
        return UnreachableError(_connect_error(exc))
    if isinstance(exc, ConnectTimeoutError):
        return UnreachableError("The server did not answer in time.")
    if isinstance(exc, (ProtocolError, OSError, http.client.HTTPException)):
        return FetchError(f"The connection broke while downloading ({_broken(exc)}).")
    if isinstance(exc, LocationValueError):
        return FetchError("The address cannot be fetched.")
    return FetchError(f"The download failed ({_short(exc)}).")


class _Alarms:
    """One thread that calls functions at their deadlines (instead of a thread per request)."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._cancelled: set[int] = set()
        self._wake = threading.Condition()
        self._ids = itertools.count()
        self._thread: threading.Thread | None = None

    def add(self, seconds: float, fn: Callable[[], None]) -> int:
        with self._wake:
            alarm = next(self._ids)
            heapq.heappush(self._heap, (time.monotonic() + seconds, alarm, fn))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="fetch-alarms", daemon=True)
                self._thread.start()
            self._wake.notify()
            return alarm

    def cancel(self, alarm: int) -> None:
        with self._wake:
            self._cancelled.add(alarm)

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._heap and self._heap[0][1] in self._cancelled:
                    self._cancelled.discard(heapq.heappop(self._heap)[1])
                if not self._heap:
                    self._wake.wait()
                    continue
                when, _alarm, fn = self._heap[0]
                if when > time.monotonic():
                    self._wake.wait(when - time.monotonic())
                    continue
                heapq.heappop(self._heap)
            fn()


_ALARMS = _Alarms()


class _Watchdog:
    """Enforces the overall deadline even while urllib3 waits inside a read.

    urllib3's timeouts apply to each read, so a server sending one byte a second never trips them.
    When time is up an alarm shuts the request's socket down (the one its thread last used,
    _IN_USE), which wakes the blocked read with an error.
    """

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._seconds = seconds
        self._alarm: int | None = None
        self._thread = threading.get_ident()
        self._lock = threading.Lock()
        self._active = False

    def _fire(self) -> None:
        with self._lock:  # not once the request is over: its thread may be on its next one
            if not self._active:
                return
            self.fired = True
            sock = _IN_USE.get(self._thread)
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def __enter__(self) -> _Watchdog:
        self._thread = threading.get_ident()
        _IN_USE.pop(self._thread, None)  # the socket of this thread's previous request
        self._active = True
        self._alarm = _ALARMS.add(self._seconds, self._fire)
        return self

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._active = False
            if self._alarm is not None:
                _ALARMS.cancel(self._alarm)
            _IN_USE.pop(self._thread, None)


def _took_longer(deadline: float, what: str = "") -> str:
    """Says "The server took longer than 1.5 seconds"; rounding would say 2 seconds."""
    amount = f"{deadline:.1f}".removesuffix(".0")
    unit = "second" if amount == "1" else "seconds"
    return f"The server took longer than {amount} {unit}{what}."


def _slow(watchdog: _Watchdog, deadline: float) -> str:
    if watchdog.fired:
        return _took_longer(deadline)
    return "The server did not answer in time."


def _read_capped(response: BaseHTTPResponse, started: float, deadline: float, cap: int) -> bytes:
    """Read the decoded body, stopping at the size cap and the overall deadline.

    Decompression is done here, chunk by chunk, so a small gzip bomb cannot grow past the cap.
    """
    encoding = response.headers.get("content-encoding", "").lower().strip()
    decoder = None
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    parts: list[bytes] = []
    size = 0
    for raw in response.stream(65536, decode_content=False):
        if time.monotonic() - started > deadline:
            raise FetchError(_took_longer(deadline, " to send the feed"))
        if decoder is not None:
            try:
                chunk = decoder.decompress(raw, cap + 1 - size)
            except zlib.error:
                raise FetchError("The server sent a corrupt compressed response.") from None
        else:
            chunk = raw
        size += len(chunk)
        if size > cap:
            raise FetchError(_too_large(cap))
        parts.append(chunk)
    if decoder is not None:
        try:
            parts.append(decoder.flush())
        except zlib.error:
            raise FetchError("The server sent a corrupt compressed response.") from None
    return b"".join(parts)


def _too_large(cap: int) -> str:
    return f"The feed is larger than {cap // (1024 * 1024)} MB and was not downloaded."


def _http_error(status: int, headers: dict[str, str]) -> str:
    messages = {
        401: "The server asks for a login (HTTP 401).",
        403: "The server refused access (HTTP 403).",
        404: "The feed was not found on the server (HTTP 404).",
        410: GONE_MESSAGE,
        429: "The server says we ask too often (HTTP 429).",
        500: "The server had an internal error (HTTP 500).",
        502: "The server's gateway failed (HTTP 502).",
        503: "The server is unavailable for now (HTTP 503).",
    }
    text = messages.get(status, f"The server answered with error {status}.")
    retry = headers.get("retry-after")
    if status in (429, 503) and retry:
        retry = retry.strip()[:40]
        unit = " seconds" if retry.isdigit() else ""
        text = text[:-1] + f"; it asks to retry after {retry}{unit}."
    return text


def _connect_error(exc: Exception) -> str:
    text = str(exc).lower()
    if "name or service" in text or "nodename" in text or "resolution" in text:
        return "The server's name could not be found."
    if "refused" in text:
        return "The server refused the connection."
    if "certificate" in text or "ssl" in text or "tls" in text:
        return "The server's secure connection could not be verified (TLS error)."
    return f"Could not connect to the server ({_short(exc)})."


def _broken(exc: Exception) -> str:
    """Why a connection broke, in a few words: urllib3 wraps the reason in its own error."""
    reasons = [exc, *(a for a in exc.args if isinstance(a, BaseException))]
    for reason in reasons:
        if isinstance(reason, http.client.IncompleteRead):
            return "the server closed it before the end"
        if isinstance(reason, http.client.RemoteDisconnected):
            return "the server closed it without answering"
        if isinstance(reason, ConnectionResetError):
            return "reset by the server"
        if isinstance(reason, http.client.BadStatusLine):
            return "the answer was not HTTP"
        if isinstance(reason, http.client.HTTPException):
            return "the server's headers were unusable"
    return _short(exc)


def _short(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    text = re.sub(r"^\(?'?<[^>]*>: ", "", text)  # urllib3 starts with the connection's repr
    return text[:120]
