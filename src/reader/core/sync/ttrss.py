"""The Tiny Tiny RSS JSON API as a `Remote` (see remote.py and ../shared/research/ttrss.md).

Facts of the API this client relies on (checked against Debian's tt-rss, API level 15):

- Every call is a JSON POST to `.../api/`; answers are `{"seq", "status": 0|1, "content"}`.
- A session (`sid`) is bound to the User-Agent, so one client always sends the same one. Any call
  may answer `NOT_LOGGED_IN` (session expired or purged): log in again and repeat the call once.
- `getHeadlines` pages by `limit` (at most 200) and `skip`, filters by `since_id`, and orders by
  date, not by id. So the `since` marker only moves forward after the last page of a run: an
  interrupted first sync starts over (the engine skips what it already has) but never loses one.
- `getHeadlines` gives each article's tags (tt-rss lowercases them); `getArticle` gives none, so
  `articles_by_ids` takes the tags of starred articles from the starred headlines.
- tt-rss keeps no feed guid: it stores `sha1(guid)`. `RemoteArticle.guid` is that `SHA1:<hex>`
  string; `hashed_guid()` turns a feed's guid into the same form so the engine can match them.
- Level 15 (Debian) has every op used here; subscribe/unsubscribe need level 5.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx

from reader import __version__
from reader.core.sync.remote import (
    AuthError,
    RemoteArticle,
    RemoteFeed,
    RemoteFolder,
    SyncError,
)

USER_AGENT = f"Reader/{__version__} (tt-rss sync)"
PAGE = 200  # the most getHeadlines returns
ID_CHUNK = 500  # ids per updateArticle / getArticle call, so requests stay small
ALL_ARTICLES, STARRED = -4, -1  # tt-rss special feed ids
SUBSCRIBE_LEVEL = 5  # subscribeToFeed / unsubscribeFeed appeared at API level 5

_SUBSCRIBE_ERRORS = {
    2: "is not a valid address",
    3: "is a web page without a feed",
    4: "is a web page with several feeds: pick one of them",
    5: "could not be downloaded by the server",
    6: "is not a valid feed (invalid XML)",
}


class ApiError(SyncError):
    """The server answered with an API error code (`content.error`)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def api_url(url: str) -> str:
    """The API endpoint for what a user typed: `https://host/tt-rss` -> `https://host/tt-rss/api/`."""
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError(f"“{url}” is not a web address (for example https://example.org/tt-rss/)")
    path = parts.path
    for suffix in ("index.php", "prefs.php"):
        path = path.removesuffix(suffix)
    path = path.rstrip("/")
    if not path.endswith("/api"):
        path += "/api"
    return urlunsplit((parts.scheme, parts.netloc, path + "/", "", ""))


def hashed_guid(guid: str) -> str:
    """A feed entry's guid as tt-rss stores it (`SHA1:` + sha1 of the guid)."""
    return "SHA1:" + hashlib.sha1(guid.encode("utf-8")).hexdigest()


def _chunks(ids: Sequence[str], size: int = ID_CHUNK) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield [str(int(i)) for i in ids[start : start + size]]


class TtrssRemote:
    """One account on a Tiny Tiny RSS server (implements `remote.Remote`).

    Args:
        url: the tt-rss address as a user types it; `api/` is appended when missing.
        transport: an httpx transport (tests); None for the network.
    """

    def __init__(
        self,
        url: str,
        user: str,
        password: str,
        *,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = api_url(url)
        self.user = user
        self._password = password
        self.sid: str | None = None
        self.api_level: int | None = None
        self._tags_cache: dict[str, tuple[str, ...]] | None = None
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            follow_redirects=False,  # a redirected POST arrives as a GET without its body
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> TtrssRemote:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the wire ------------------------------------------------------------------------------

    def _post(self, payload: dict[str, Any]) -> dict[str, Any]:
        """One POST; returns the decoded envelope or raises SyncError saying what the server did."""
        where = self.url
        try:
            response = self._client.post(where, content=json.dumps(payload).encode("utf-8"))
        except httpx.TimeoutException:
            raise SyncError(f"The server at {where} did not answer in time.") from None
        except httpx.ConnectError as exc:
            raise SyncError(f"Cannot connect to the server at {where}: {_reason(exc)}.") from None
        except httpx.HTTPError as exc:
            raise SyncError(f"The connection to {where} failed: {_reason(exc)}.") from None
        if response.is_redirect:
            target = response.headers.get("Location", "")
            raise SyncError(f"The server moved {where} to {target}: use that address instead.")
        if response.status_code in (401, 403):
            raise SyncError(f"The server refused access to {where} (HTTP {response.status_code}).")
        if response.status_code == 404:
            raise SyncError(f"No Tiny Tiny RSS API at {where} (HTTP 404): check the address.")
        if response.status_code != 200:
            raise SyncError(f"The server at {where} answered HTTP {response.status_code}.")
        envelope = _decode(response.text)
        if envelope is None:
            head = response.text.lstrip()[:200].lower()
            if head.startswith(("<!doctype", "<?xml", "<head", "<body")) or "<html" in head:
                raise SyncError(
                    f"The server at {where} answered with a web page, not the Tiny Tiny RSS "
                    "API: check the address (for example https://example.org/tt-rss/)."
                )
            raise SyncError(f"The server at {where} did not answer like Tiny Tiny RSS (no JSON).")
        return envelope

    def _call(self, op: str, **params: Any) -> Any:
        """Call `op` in the session, logging in first or again (`NOT_LOGGED_IN`) when needed."""
        if self.sid is None:
            self.login()
        for attempt in range(2):
            envelope = self._post({"op": op, "sid": self.sid, **params})
            if envelope.get("status") == 0:
                return envelope.get("content")
            error = _error(envelope)
            if error == "NOT_LOGGED_IN" and attempt == 0:
                self.login()
                continue
            raise self._error_for(op, error)
        raise AssertionError("unreachable")

    def call(self, op: str, **params: Any) -> Any:
        """Any API op (tests, tools): the `content` of the answer."""
        return self._call(op, **params)

    def _error_for(self, op: str, error: str) -> SyncError:
        if error == "LOGIN_ERROR":
            return AuthError(
                f"Tiny Tiny RSS refused user “{self.user}”: wrong user name or password."
            )
        if error == "API_DISABLED":
            return SyncError(
                f"The API is off for user “{self.user}” on this server: turn on “Enable API "
                "access” in tt-rss Preferences."
            )
        if error == "NOT_LOGGED_IN":
            return ApiError("Tiny Tiny RSS ended the session again right after logging in.", error)
        return ApiError(f"Tiny Tiny RSS refused {op}: {error or 'no reason given'}.", error)

    # --- Remote ----------------------------------------------------------------------------------

    def login(self) -> None:
        self.sid = None
        envelope = self._post({"op": "login", "user": self.user, "password": self._password})
        content = envelope.get("content")
        if envelope.get("status") != 0 or not isinstance(content, dict):
            raise self._error_for("login", _error(envelope))
        sid = content.get("session_id")
        if not sid:
            raise SyncError(f"The server at {self.url} gave no session: is it Tiny Tiny RSS?")
        self.sid = str(sid)
        level = content.get("api_level")
        if level is None:  # servers older than level 1 do not say; ask
            level = (self._call("getApiLevel") or {}).get("level", 0)
        self.api_level = int(level)

    def folders(self) -> list[RemoteFolder]:
        """Real categories only: 0 is Uncategorized, negative ids are Special and Labels."""
        rows = self._call("getCategories", include_empty=True) or []
        return [
            RemoteFolder(str(row["id"]), str(row.get("title") or ""))
            for row in rows
            if _int(row.get("id")) > 0
        ]

    def feeds(self) -> list[RemoteFeed]:
        rows = self._call("getFeeds", cat_id=-3) or []  # -3: every real feed, in any category
        feeds = []
        for row in rows:
            if _int(row.get("id")) <= 0:
                continue
            cat = _int(row.get("cat_id"))
            feeds.append(
                RemoteFeed(
                    id=str(row["id"]),
                    url=str(row.get("feed_url") or ""),
                    title=str(row.get("title") or ""),
                    folder_id=str(cat) if cat > 0 else None,
                    site_url=row.get("site_url") or None,
                )
            )
        return feeds

    def _headlines(
        self, feed_id: int, view_mode: str, *, since_id: int = 0, content: bool
    ) -> Iterator[list[dict[str, Any]]]:
        skip = 0
        while True:
            rows = self._call(
                "getHeadlines",
                feed_id=feed_id,
                view_mode=view_mode,
                limit=PAGE,
                skip=skip,
                since_id=since_id,
                show_content=content,
                show_excerpt=False,
                include_attachments=False,
            )
            if not isinstance(rows, list):
                raise SyncError("Tiny Tiny RSS answered getHeadlines with something not a list.")
            if rows:
                yield rows
            if len(rows) < PAGE:
                return
            skip += len(rows)

    def articles_since(self, since: str | None) -> Iterator[tuple[list[RemoteArticle], str]]:
        """Pages of articles with an id above `since`; the marker moves only with the last page."""
        start = _int(since)
        newest = start
        pending: list[RemoteArticle] | None = None
        for rows in self._headlines(ALL_ARTICLES, "all_articles", since_id=start, content=True):
            if pending is not None:
                yield pending, str(start)
            pending = [_article(row) for row in rows]
            newest = max([newest, *(int(a.id) for a in pending)])
        if pending is not None:
            yield pending, str(newest)

    def articles_by_ids(self, ids: Sequence[str]) -> list[RemoteArticle]:
        found: list[RemoteArticle] = []
        for chunk in _chunks(ids):
            rows = self._call("getArticle", article_id=",".join(chunk)) or []
            found += [_article(row) for row in rows]
        if any(a.starred for a in found):  # getArticle has no tags; starred headlines do
            tags = self._starred_tags()
            found = [_with_tags(a, tags.get(a.id)) for a in found]
        return found

    def _starred_tags(self) -> dict[str, tuple[str, ...]]:
        """Tags of every starred article, asked once per client (the engine asks in chunks)."""
        if self._tags_cache is None:
            self._tags_cache = {
                str(row["id"]): tags
                for rows in self._headlines(STARRED, "all_articles", content=False)
                for row in rows
                if (tags := _tags(row))
            }
        return self._tags_cache

    def unread_ids(self) -> set[str]:
        return self._ids(ALL_ARTICLES, "unread")

    def starred_ids(self) -> set[str]:
        return self._ids(STARRED, "all_articles")

    def _ids(self, feed_id: int, view_mode: str) -> set[str]:
        return {
            str(row["id"])
            for rows in self._headlines(feed_id, view_mode, content=False)
            for row in rows
        }

    def set_read(self, ids: Sequence[str], read: bool) -> None:
        self._update(ids, field=2, on=not read)  # field 2 is "unread"

    def set_starred(self, ids: Sequence[str], starred: bool) -> None:
        self._tags_cache = None
        self._update(ids, field=0, on=starred)  # field 0 is "marked"

    def _update(self, ids: Sequence[str], *, field: int, on: bool) -> None:
        for chunk in _chunks(ids):
            self._call("updateArticle", article_ids=",".join(chunk), field=field, mode=int(on))

    def subscribe(self, url: str, folder_id: str | None) -> str:
        self._need_level(SUBSCRIBE_LEVEL, "subscribing")
        content = self._call("subscribeToFeed", feed_url=url, category_id=_int(folder_id))
        status = (content or {}).get("status")
        code = _int(status.get("code")) if isinstance(status, dict) else -1
        if code in (0, 1) and status.get("feed_id") is not None:  # 0: already subscribed
            return str(status["feed_id"])
        if code in (0, 1):  # old servers: no feed_id in the answer; find it by URL
            for feed in self.feeds():
                if feed.url == url:
                    return feed.id
        reason = _SUBSCRIBE_ERRORS.get(code, f"was refused (code {code})")
        detail = status.get("message") if isinstance(status, dict) else None
        raise SyncError(f"Tiny Tiny RSS: {url} {reason}" + (f" ({detail})." if detail else "."))

    def unsubscribe(self, feed_id: str) -> None:
        self._need_level(SUBSCRIBE_LEVEL, "unsubscribing")
        try:
            self._call("unsubscribeFeed", feed_id=_int(feed_id))
        except ApiError as exc:
            if exc.code != "FEED_NOT_FOUND":  # already gone is what we wanted
                raise

    def _need_level(self, level: int, what: str) -> None:
        if self.sid is None:
            self.login()
        if (self.api_level or 0) < level:
            raise SyncError(
                f"This Tiny Tiny RSS (API level {self.api_level}) is too old for {what}."
            )


def _decode(text: str) -> dict[str, Any] | None:
    """The JSON envelope, also when PHP printed warnings before it (a common misconfiguration)."""
    for start in (0, text.find('{"seq"')):
        if start < 0:
            continue
        try:
            value = json.loads(text[start:])
        except ValueError:
            continue
        if isinstance(value, dict) and "status" in value and "content" in value:
            return value
    return None


def _error(envelope: dict[str, Any]) -> str:
    content = envelope.get("content")
    return str(content.get("error", "")) if isinstance(content, dict) else ""


def _reason(exc: Exception) -> str:
    text = str(exc)
    if "refused" in text.lower():
        return "connection refused (is the server running?)"
    return text or type(exc).__name__


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def _tags(row: dict[str, Any]) -> tuple[str, ...]:
    tags = row.get("tags") or ()
    return tuple(dict.fromkeys(t.strip() for t in tags if isinstance(t, str) and t.strip()))


def _guid(raw: object) -> str | None:
    """`{"ver":2,"uid":1,"hash":"SHA1:..."}` -> `SHA1:...`; other forms as they are."""
    if not isinstance(raw, str) or not raw:
        return None
    if raw.startswith("{"):
        try:
            value = json.loads(raw)
        except ValueError:
            return raw
        if isinstance(value, dict) and isinstance(value.get("hash"), str):
            return value["hash"]
    return raw


def _article(row: dict[str, Any]) -> RemoteArticle:
    stamp = _int(row.get("updated")) or None
    return RemoteArticle(
        id=str(row["id"]),
        feed_id=str(row.get("feed_id", "")),
        guid=_guid(row.get("guid")),
        link=row.get("link") or None,
        title=str(row.get("title") or ""),
        author=row.get("author") or None,
        content_html=str(row.get("content") or ""),
        published=stamp,  # tt-rss keeps one date per article
        updated=stamp,
        categories=_tags(row),
        unread=bool(row.get("unread")),
        starred=bool(row.get("marked")),
    )


def _with_tags(article: RemoteArticle, tags: tuple[str, ...] | None) -> RemoteArticle:
    if not tags or article.categories:
        return article
    return replace(article, categories=tags)
