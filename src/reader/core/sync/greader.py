"""The Google Reader API client (FreshRSS, Miniflux, Inoreader, The Old Reader, BazQux).

What it relies on, from the servers' published documentation (FreshRSS and Miniflux docs, the
archived Google Reader API notes):

- Login: `POST {base}/accounts/ClientLogin` with Email and Passwd answers text lines `SID=`,
  `LSID=`, `Auth=`; every call then sends `Authorization: GoogleLogin auth=TOKEN`. The base is
  what the user typed: FreshRSS `https://host/api/greader.php`, Miniflux its root. When a plain
  root is typed and it is not an API, `{root}/api/greader.php` (FreshRSS) is tried once.
- Writes are POSTs with `T`, the edit token of `GET /reader/api/0/token`. FreshRSS checks it
  besides the header; Miniflux reads only `T` on POSTs (its edit token is the auth token), so
  both are always sent. A stale token answers 401 with `X-Reader-Google-Bad-Token: true`: fetch a
  new one and retry once; any other 401 means log in again, once.
- Item ids: `stream/items/ids` answers short ids (signed decimal), contents answer the long
  form `tag:google.com,2005:reader/item/<16 hex>`; both are one 64-bit number. The canonical id
  used here (and stored by the engine) is the signed decimal string; writes send the long form,
  which every server parses (old Miniflux read short ids as hex).
- Articles: `stream/contents/user/-/state/com.google/reading-list` oldest first (`r=o`), paged
  by `n` + `c`, `ot` = seconds for "crawled since". Miniflux has no `stream/contents` (its
  catch-all answers `[]`): then `stream/items/ids` pages ids and `stream/items/contents` fetches
  each page. The `since` marker is the newest crawl time seen (seconds, as a string); `ot` asks
  from one second before it, so an article crawled in the same second is not lost (the engine
  merges by id, so one seen twice costs nothing). Miniflux compares `ot` with the publication
  date, so there a late-arriving article with an old date is only found through `unread_ids`.
- Article categories: an item's `categories` mix states (`user/-/state/com.google/...`), the
  folder and user labels (`user/-/label/...`) and, on FreshRSS, the feed's own categories as
  plain strings. Only those plain strings become article categories (the folder is already the
  feed's folder); Miniflux passes none through, so its synced articles have no categories.
- Titles: FreshRSS sends them HTML-escaped, so titles are unescaped once.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from reader.core.fetch import USER_AGENT
from reader.core.sync.remote import (
    AuthError,
    RemoteArticle,
    RemoteFeed,
    RemoteFolder,
    SyncError,
)

LONG_PREFIX = "tag:google.com,2005:reader/item/"
READING_LIST = "user/-/state/com.google/reading-list"
READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
LABEL = "user/-/label/"
API = "/reader/api/0/"
PAGE = 200  # articles a page: bounded memory whatever the account holds
IDS_PAGE = 10_000  # ids a page for the unread / starred sets
EDIT_BATCH = 250  # item ids an edit-tag request
WRONG_PASSWORD = (
    "The server refused the user name or password. FreshRSS and Miniflux need the separate "
    "API password set in their settings, with API access enabled."
)


def canonical_id(value: str | int) -> str:
    """Any item id form -> the signed decimal string (`"-6"`, `"1700000000000000"`)."""
    text = str(value).strip()
    try:
        if text.startswith(LONG_PREFIX):
            number = int(text.removeprefix(LONG_PREFIX), 16)
            if number >= 1 << 63:  # the long form is the unsigned view of a signed number
                number -= 1 << 64
            return str(number)
        return str(int(text))
    except ValueError:
        raise SyncError(f"The server sent an item id that is not one: {text[:60]!r}.") from None


def long_id(value: str) -> str:
    """Canonical (or any) id -> `tag:google.com,2005:reader/item/<16 hex>`."""
    return LONG_PREFIX + format(int(canonical_id(value)) % (1 << 64), "016x")


def _label_id(value: str) -> str:
    """`user/1/label/X` (Miniflux) or a bare folder name -> `user/-/label/X`."""
    if value.startswith("user/") and "/label/" in value:
        return LABEL + value.split("/label/", 1)[1]
    return LABEL + value


def _state(stream: str) -> str | None:
    """`user/-/state/com.google/read` or `user/1/state/com.google/read` -> "read"."""
    if stream.startswith("user/") and "/state/com.google/" in stream:
        return stream.rsplit("/", 1)[1]
    return None


def normalize_base(url: str) -> str:
    """What the user typed -> the API base, without a trailing slash or an endpoint path."""
    base = url.strip().rstrip("/")
    if "://" not in base:
        base = "https://" + base
    for tail in ("/reader/api/0", "/accounts/ClientLogin"):
        base = base.removesuffix(tail)
    return base.rstrip("/")


class _SessionExpired(Exception):
    """A 401 on an authenticated call: the caller logs in again (once)."""


class GReaderRemote:
    """One account on a Google Reader API server; implements `remote.Remote`.

    Args:
        url: the API address (FreshRSS: `https://host/api/greader.php`, Miniflux: its root).
        user: the user name (`Email` in ClientLogin).
        password: the API password.
    """

    def __init__(self, url: str, user: str, password: str, *, timeout: float = 30.0) -> None:
        self.base = normalize_base(url)
        self.user = user
        self._password = password
        self._auth: str | None = None
        self._token: str | None = None
        self._has_stream_contents = True
        self._http = httpx.Client(
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> GReaderRemote:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- session ------------------------------------------------------------------------------

    def login(self) -> None:
        """ClientLogin -> the auth token. Raises AuthError for a refused password."""
        candidates = [self.base]
        if not self.base.endswith(".php"):
            candidates.append(self.base + "/api/greader.php")  # FreshRSS typed as its root
        for i, base in enumerate(candidates):
            token = self._client_login(base, last=i == len(candidates) - 1)
            if token is not None:
                self.base, self._auth, self._token = base, token, None
                return

    def _client_login(self, base: str, *, last: bool) -> str | None:
        """The Auth token, or None when `base` is not an API and another address is left."""
        form = [("Email", self.user), ("Passwd", self._password)]
        response = self._send("POST", base + "/accounts/ClientLogin", data=form)
        if response.status_code in (401, 403):
            raise AuthError(WRONG_PASSWORD)
        not_api = response.status_code in (404, 405) or _is_html(response)
        if not_api and not last:
            return None
        self._check(response, "the login")
        for line in response.text.splitlines():
            key, _, value = line.partition("=")
            if key.strip() == "Auth" and value.strip():
                return value.strip()
        try:  # some servers answer JSON ({"Auth": ...}) when asked or not
            token = response.json().get("Auth")
        except (ValueError, AttributeError):
            token = None
        if isinstance(token, str) and token:
            return token
        raise SyncError(
            f"{self._where()} did not answer the login like a Google Reader API server."
        )

    def _fetch_token(self) -> str:
        response = self._send("GET", self.base + API + "token", headers=self._headers())
        if response.status_code == 401:
            raise _SessionExpired
        self._check(response, "the token request")
        token = response.text.strip()
        if not token or _is_html(response):
            raise SyncError(f"{self._where()} sent no edit token; is this a Google Reader API?")
        return token

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"GoogleLogin auth={self._auth}"}

    def _call(
        self,
        method: str,
        op: str,
        *,
        params: list[tuple[str, str]] | None = None,
        form: list[tuple[str, str]] | None = None,
    ) -> httpx.Response:
        """One API call with its session: log in when needed, refresh a stale token, once each."""
        token_refreshed = relogged = False
        while True:
            try:
                if self._auth is None:
                    self.login()
                data = None
                if method == "POST":
                    if self._token is None:
                        self._token = self._fetch_token()
                    data = [*(form or []), ("T", self._token)]
                response = self._send(
                    method, self.base + API + op, params=params, data=data, headers=self._headers()
                )
                if response.status_code != 401:
                    self._check(response, op)
                    return response
                bad_token = any(
                    response.headers.get(name, "").lower() == "true"
                    for name in ("X-Reader-Google-Bad-Token", "Google-Bad-Token")
                )
                if method == "POST" and bad_token and not token_refreshed:
                    self._token, token_refreshed = None, True
                    continue
                raise _SessionExpired
            except _SessionExpired:
                if relogged:
                    raise AuthError(
                        f"{self._where()} refused the session after a fresh login; "
                        "check the account's API access."
                    ) from None
                self._auth, self._token, relogged = None, None, True

    def _send(
        self,
        method: str,
        url: str,
        *,
        params: list[tuple[str, str]] | None = None,
        data: list[tuple[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """One request; network failures become a SyncError. Forms keep repeated keys in order."""
        headers = dict(headers or {})
        body = None
        if data is not None:
            body = urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            return self._http.request(method, url, params=params, content=body, headers=headers)
        except httpx.TimeoutException:
            raise SyncError(f"{self._where()} did not answer in time.") from None
        except httpx.ConnectError:
            raise SyncError(
                f"Cannot connect to {self._where()}: is the server running and the address right?"
            ) from None
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:
            raise SyncError(f"Network error with {self._where()}: {exc}") from None

    def _where(self) -> str:
        parts = urlsplit(self.base)
        return parts.netloc or self.base

    def _check(self, response: httpx.Response, what: str) -> None:
        code = response.status_code
        if 200 <= code < 300:
            if _is_html(response):
                raise SyncError(
                    f"{self._where()} answered {what} with a web page, not the Google Reader API. "
                    "Check the address (FreshRSS: https://HOST/api/greader.php, Miniflux: its "
                    "root URL)."
                )
            return
        if code == 404:
            raise SyncError(
                f"{self._where()} has no Google Reader API at {self.base} (HTTP 404). Check the "
                "address (FreshRSS: https://HOST/api/greader.php, Miniflux: its root URL)."
            )
        if code == 503:
            raise SyncError(
                f"{self._where()} says its API is unavailable (HTTP 503); is API access enabled?"
            )
        raise SyncError(f"{self._where()} answered {what} with HTTP {code}.")

    def _json(self, response: httpx.Response, what: str) -> Any:
        try:
            return response.json()
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise SyncError(f"{self._where()} answered {what} with something not JSON.") from None

    def _get_json(self, op: str, params: list[tuple[str, str]], key: str) -> Any:
        """GET `op` and return `data[key]`, checked to be present."""
        data = self._json(self._call("GET", op, params=[*params, ("output", "json")]), op)
        if not isinstance(data, dict) or not isinstance(data.get(key), list):
            raise SyncError(f"{self._where()} sent an unexpected answer to {op} (no {key!r}).")
        return data

    # --- subscriptions --------------------------------------------------------------------------

    def folders(self) -> list[RemoteFolder]:
        """Folders: `tag/list` labels that are not plain tags, plus any holding a feed."""
        seen: dict[str, str] = {}
        for tag in self._get_json("tag/list", [], "tags")["tags"]:
            tag_id = tag.get("id") if isinstance(tag, dict) else None
            if isinstance(tag_id, str) and "/label/" in tag_id and tag.get("type") != "tag":
                label = _label_id(tag_id)
                seen[label] = str(tag.get("label") or label.removeprefix(LABEL))
        for sub in self._subscriptions():
            for label, title in _sub_labels(sub):
                seen.setdefault(label, title)
        return [RemoteFolder(id=k, title=v) for k, v in seen.items()]

    def _subscriptions(self) -> list[dict[str, Any]]:
        subs = self._get_json("subscription/list", [], "subscriptions")["subscriptions"]
        return [s for s in subs if isinstance(s, dict) and isinstance(s.get("id"), str)]

    def feeds(self) -> list[RemoteFeed]:
        feeds = []
        for sub in self._subscriptions():
            feed_id = sub["id"]
            url = sub.get("url") or feed_id.removeprefix("feed/")
            labels = _sub_labels(sub)
            feeds.append(
                RemoteFeed(
                    id=feed_id,
                    url=str(url),
                    title=html.unescape(str(sub.get("title") or url)),
                    folder_id=labels[0][0] if labels else None,
                    site_url=sub.get("htmlUrl") or None,
                )
            )
        return feeds

    def subscribe(self, url: str, folder_id: str | None) -> str:
        """Subscribe (into `folder_id`, a label id or a folder name) and return the feed id."""
        form = [("ac", "subscribe"), ("s", "feed/" + url)]
        if folder_id:
            form.append(("a", _label_id(folder_id)))
        self._call("POST", "subscription/edit", form=form)
        for feed in self.feeds():
            if feed.url == url or feed.id == "feed/" + url:
                return feed.id
        raise SyncError(f"{self._where()} accepted the subscription to {url} but does not list it.")

    def unsubscribe(self, feed_id: str) -> None:
        stream = feed_id if feed_id.startswith("feed/") else "feed/" + feed_id
        self._call("POST", "subscription/edit", form=[("ac", "unsubscribe"), ("s", stream)])

    # --- articles -------------------------------------------------------------------------------

    def articles_since(self, since: str | None) -> Iterator[tuple[list[RemoteArticle], str]]:
        marker = int(since) if since and since.lstrip("-").isdigit() else None
        params = [("n", str(PAGE)), ("r", "o")]
        if marker is not None:
            params.append(("ot", str(max(marker - 1, 0))))
        newest = marker or 0
        continuation: str | None = None
        while True:
            page = [*params, ("c", continuation)] if continuation else params
            items, next_cont = self._article_page(page)
            articles = [_article(item) for item in items]
            for item in items:
                newest = max(newest, _crawled(item))
            if articles:
                yield articles, str(newest)
            if not next_cont or next_cont == continuation or not items:
                return
            continuation = next_cont

    def _article_page(self, params: list[tuple[str, str]]) -> tuple[list[dict[str, Any]], Any]:
        """One page of the reading list: items and the continuation (None at the end)."""
        if self._has_stream_contents:
            op = "stream/contents/" + READING_LIST
            data = self._json(self._call("GET", op, params=[*params, ("output", "json")]), op)
            if isinstance(data, dict) and isinstance(data.get("items"), list):
                items = [i for i in data["items"] if isinstance(i, dict)]
                return items, _continuation(data)
            if data not in ([], {}, None):
                raise SyncError(f"{self._where()} sent an unexpected answer to {op}.")
            self._has_stream_contents = False  # Miniflux: ids, then contents
        refs = self._get_json("stream/items/ids", [*params, ("s", READING_LIST)], "itemRefs")
        ids = [canonical_id(r["id"]) for r in refs["itemRefs"] if isinstance(r, dict)]
        return self._contents(ids), _continuation(refs)

    def _contents(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        if not ids:
            return []
        form = [("i", long_id(i)) for i in ids]
        op = "stream/items/contents"
        response = self._call("POST", op, params=[("output", "json")], form=form)
        data = self._json(response, op)
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise SyncError(f"{self._where()} sent an unexpected answer to {op} (no 'items').")
        return [i for i in data["items"] if isinstance(i, dict)]

    def articles_by_ids(self, ids: Sequence[str]) -> list[RemoteArticle]:
        articles: list[RemoteArticle] = []
        for start in range(0, len(ids), PAGE):
            articles += [_article(item) for item in self._contents(ids[start : start + PAGE])]
        return articles

    def _item_ids(self, params: list[tuple[str, str]]) -> set[str]:
        found: set[str] = set()
        continuation: str | None = None
        while True:
            page = [*params, ("n", str(IDS_PAGE))]
            if continuation:
                page.append(("c", continuation))
            data = self._get_json("stream/items/ids", page, "itemRefs")
            refs = [r["id"] for r in data["itemRefs"] if isinstance(r, dict) and "id" in r]
            found.update(canonical_id(r) for r in refs)
            next_cont = _continuation(data)
            if not refs or not next_cont or next_cont == continuation:
                return found
            continuation = next_cont

    def unread_ids(self) -> set[str]:
        return self._item_ids([("s", READING_LIST), ("xt", READ)])

    def starred_ids(self) -> set[str]:
        return self._item_ids([("s", STARRED)])

    def _edit_tag(self, ids: Sequence[str], tag: str, add: bool) -> None:
        for start in range(0, len(ids), EDIT_BATCH):
            form = [("i", long_id(i)) for i in ids[start : start + EDIT_BATCH]]
            form.append(("a" if add else "r", tag))
            self._call("POST", "edit-tag", form=form)

    def set_read(self, ids: Sequence[str], read: bool) -> None:
        self._edit_tag(ids, READ, read)

    def set_starred(self, ids: Sequence[str], starred: bool) -> None:
        self._edit_tag(ids, STARRED, starred)


def _is_html(response: httpx.Response) -> bool:
    if "html" in response.headers.get("content-type", "").lower():
        return True
    head = response.content[:200].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _continuation(data: Any) -> str | None:
    value = data.get("continuation") if isinstance(data, dict) else None
    return str(value) if value not in (None, "", 0) else None


def _sub_labels(sub: dict[str, Any]) -> list[tuple[str, str]]:
    """A subscription's folder labels as (canonical id, title)."""
    labels = []
    for cat in sub.get("categories") or []:
        cat_id = cat.get("id") if isinstance(cat, dict) else None
        if isinstance(cat_id, str) and "/label/" in cat_id:
            label = _label_id(cat_id)
            labels.append((label, str(cat.get("label") or label.removeprefix(LABEL))))
    return labels


def _number(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _crawled(item: dict[str, Any]) -> int:
    """When the server got the item, in seconds (what `ot` compares with)."""
    msec = _number(item.get("crawlTimeMsec"))
    if msec is not None:
        return msec // 1000
    usec = _number(item.get("timestampUsec"))
    if usec is not None:
        return usec // 1_000_000
    return _number(item.get("published")) or 0


def _href(item: dict[str, Any]) -> str | None:
    for key in ("alternate", "canonical"):
        links = item.get(key)
        if isinstance(links, list):
            for link in links:
                if isinstance(link, dict) and isinstance(link.get("href"), str) and link["href"]:
                    return str(link["href"])
    return None


def _article(item: dict[str, Any]) -> RemoteArticle:
    if not isinstance(item.get("id"), str | int):
        raise SyncError("The server sent an article without an id.")
    states = set()
    categories: list[str] = []
    for cat in item.get("categories") or []:
        if not isinstance(cat, str):
            continue
        state = _state(cat)
        if state is not None:
            states.add(state)
        elif not (cat.startswith("user/") and "/label/" in cat):
            name = cat.strip()
            if name and name not in categories:
                categories.append(name)  # the feed's own category, passed through
    body = ""
    for key in ("content", "summary"):
        part = item.get(key)
        if isinstance(part, dict) and isinstance(part.get("content"), str) and part["content"]:
            body = part["content"]
            break
    origin = item.get("origin") if isinstance(item.get("origin"), dict) else {}
    return RemoteArticle(
        id=canonical_id(item["id"]),
        feed_id=str(origin.get("streamId") or ""),
        guid=item.get("guid") if isinstance(item.get("guid"), str) else None,
        link=_href(item),
        title=html.unescape(str(item.get("title") or "")),
        author=str(item["author"]) if item.get("author") else None,
        content_html=body,
        published=_number(item.get("published")),
        updated=_number(item.get("updated")),
        categories=tuple(categories),
        unread="read" not in states,
        starred="starred" in states,
    )
