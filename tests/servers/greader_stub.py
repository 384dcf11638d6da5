"""A stub Google Reader API server for the tests (in-process, 127.0.0.1 port 0, in-memory state).

This is a STUB, not a real server: no server speaking the Google Reader API (FreshRSS, Miniflux,
Inoreader, The Old Reader) can be installed on the test machines (see
../shared/research/ttrss.md), so the client is tested against this small imitation written from
the servers' published documentation and behaviour:

- `POST /accounts/ClientLogin` (Email, Passwd) answers the text lines `SID= / LSID= / Auth=`;
  a wrong password answers 401 (FreshRSS: text, Miniflux: JSON `error_message`).
- `/reader/api/0/*` needs `Authorization: GoogleLogin auth=TOKEN`, else 401 with
  `X-Reader-Google-Bad-Token: true`. POSTs also need `T`: on FreshRSS the separate edit token
  of `GET /reader/api/0/token`, on Miniflux the auth token itself (Miniflux reads only `T` on
  POSTs). `expire_write_token()` makes the current edit token stale, like Google Reader's
  30-minute tokens.
- `tag/list`, `subscription/list`, `subscription/edit` (subscribe / unsubscribe / edit),
  `stream/contents[/STREAM]` (FreshRSS flavour only: Miniflux answers `[]`, as its catch-all
  does), `stream/items/ids`, `stream/items/contents` (POST), `edit-tag`, `user-info`.
- Paging: `n` and `c`; the continuation is the last id sent (FreshRSS) or an offset (Miniflux).
  `r=o` is oldest first; `ot` keeps items crawled at or after that second; `xt` / `it` exclude /
  include a state stream.
- Ids: `stream/items/ids` answers short decimal ids, contents answer the long form
  `tag:google.com,2005:reader/item/<16 hex>`; both forms are accepted in `i`. FreshRSS ids are
  microsecond timestamps (so above 2**53), Miniflux ids small serials.
- Items carry `user/-/state/com.google/{reading-list,read,starred}`, the folder label and, in
  the FreshRSS flavour, the feed's own categories as plain strings (as FreshRSS >= 1.20 does).
- The FreshRSS flavour lives under `/api/greader.php`, and its root serves the web UI (HTML);
  the Miniflux flavour lives at the root.

Test helpers: `add_folder`, `add_feed`, `add_item`, `set_read`, `set_starred`, `item`,
`expire_write_token`, `stop` / `start` (a dead server, then back on the same port), `mode`
("api"; "html": every answer is a web page; "down503": the API switched off), `hits`.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

LONG_PREFIX = "tag:google.com,2005:reader/item/"
STATE = "user/-/state/com.google/"
LABEL = "user/-/label/"
HTML_PAGE = b"<!DOCTYPE html><html><head><title>FreshRSS</title></head><body>Log in</body></html>"


@dataclass
class StubFeed:
    id: int
    url: str
    title: str
    folder: str
    site_url: str = ""


@dataclass
class StubItem:
    id: int
    feed_id: int
    title: str
    link: str
    content: str
    author: str
    published: int
    crawled: float  # seconds, as the server received it
    categories: tuple[str, ...] = ()  # the feed's own categories
    read: bool = False
    starred: bool = False


@dataclass(frozen=True)
class StubHit:
    method: str
    path: str  # the API path, without the flavour's prefix or the query
    params: tuple[tuple[str, str], ...]  # query and form together, in order


@dataclass
class GReaderStub:
    """The server state and its HTTP front. `url` is what a user types into the client."""

    flavour: str = "freshrss"  # or "miniflux"
    users: dict[str, str] = field(default_factory=lambda: {"alice": "secret"})
    default_folder: str = "Uncategorized"  # FreshRSS's; Miniflux calls it "All"

    def __post_init__(self) -> None:
        assert self.flavour in ("freshrss", "miniflux")
        self.lock = threading.RLock()
        self.folders: list[str] = [self.default_folder]
        self.feeds: dict[int, StubFeed] = {}
        self.items: dict[int, StubItem] = {}
        self.hits: list[StubHit] = []
        self.mode = "api"
        self.token_generation = 0
        self.salt = "salt"  # a new salt (e.g. a reinstalled server) ends every session
        self.clock = time.time
        self._feed_ids = itertools.count(1)
        # FreshRSS item ids are microsecond timestamps of arrival; Miniflux's are serials.
        start = 1_700_000_000_000_000 if self.flavour == "freshrss" else 1
        self._item_ids = itertools.count(start, 1_000 if self.flavour == "freshrss" else 1)
        self.prefix = "/api/greader.php" if self.flavour == "freshrss" else ""
        self.port = 0
        self.start()

    # --- addresses and lifecycle ----------------------------------------------------------

    def start(self) -> None:
        """Listen (again, on the same port after `stop`), with the state kept."""
        server = ThreadingHTTPServer(("127.0.0.1", self.port), _Handler, bind_and_activate=False)
        server.allow_reuse_address = True
        server.daemon_threads = True
        server.server_bind()
        server.server_activate()
        server.stub = self  # type: ignore[attr-defined]
        self._server = server
        self.port = server.server_address[1]
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """A dead server: connections are refused until `start()`."""
        if not self._thread.is_alive():
            return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    close = stop

    @property
    def root_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The API address a user types: FreshRSS `.../api/greader.php`, Miniflux the root."""
        return self.root_url + self.prefix

    # --- tokens -----------------------------------------------------------------------------

    def auth_token(self, user: str) -> str:
        digest = hashlib.sha1(f"{self.salt}{user}{self.users[user]}".encode()).hexdigest()
        return f"{user}/{digest}"

    def write_token(self, user: str) -> str:
        if self.flavour == "miniflux":
            return self.auth_token(user)
        seed = f"{self.salt}{self.token_generation}{user}{self.users[user]}".encode()
        return hashlib.sha1(seed).hexdigest().ljust(57, "Z")  # FreshRSS: always 57 characters

    def expire_write_token(self) -> None:
        """The edit token handed out so far becomes stale (a new one comes from /token)."""
        with self.lock:
            self.token_generation += 1

    # --- state helpers for tests ------------------------------------------------------------

    def add_folder(self, name: str) -> str:
        with self.lock:
            if name not in self.folders:
                self.folders.append(name)
        return LABEL + name

    def add_feed(
        self, url: str, title: str = "", folder: str | None = None, site_url: str = ""
    ) -> str:
        """Subscribe server-side; returns the stream id (`feed/N`)."""
        with self.lock:
            folder = folder or self.default_folder
            self.add_folder(folder)
            feed = StubFeed(next(self._feed_ids), url, title or url, folder, site_url)
            self.feeds[feed.id] = feed
            return f"feed/{feed.id}"

    def add_item(
        self,
        feed: str,
        title: str,
        *,
        content: str = "<p>text</p>",
        link: str = "",
        author: str = "",
        published: int | None = None,
        crawled: float | None = None,
        categories: tuple[str, ...] = (),
        read: bool = False,
        starred: bool = False,
    ) -> str:
        """Add an article to `feed` (a `feed/N` id); returns its short (decimal) id."""
        with self.lock:
            now = self.clock() if crawled is None else crawled
            item = StubItem(
                id=next(self._item_ids),
                feed_id=int(feed.removeprefix("feed/")),
                title=title,
                link=link or f"https://example.org/{quote(title)}",
                content=content,
                author=author,
                published=int(now) if published is None else published,
                crawled=now,
                categories=categories,
                read=read,
                starred=starred,
            )
            self.items[item.id] = item
            return str(item.id)

    def item(self, item_id: str) -> StubItem:
        return self.items[_parse_item_id(item_id)]

    def set_read(self, item_id: str, read: bool = True) -> None:
        with self.lock:
            self.item(item_id).read = read

    def set_starred(self, item_id: str, starred: bool = True) -> None:
        with self.lock:
            self.item(item_id).starred = starred

    def feed_by_url(self, url: str) -> StubFeed | None:
        return next((f for f in self.feeds.values() if f.url == url), None)

    def calls(self, path: str) -> list[StubHit]:
        return [h for h in self.hits if h.path == path]

    # --- the API ----------------------------------------------------------------------------

    def user_for(self, auth: str | None) -> str | None:
        return next((u for u in self.users if auth == self.auth_token(u)), None)

    def client_login(self, form: dict[str, str]) -> tuple[int, str, bytes]:
        user, password = form.get("Email", ""), form.get("Passwd", "")
        if user not in self.users or self.users[user] != password:
            if self.flavour == "miniflux":
                return 401, "application/json", b'{"error_message":"access unauthorized"}'
            return 401, "text/plain; charset=UTF-8", b"Unauthorized!"
        token = self.auth_token(user)
        return 200, "text/plain; charset=UTF-8", f"SID={token}\nLSID=null\nAuth={token}\n".encode()

    def tag_list(self) -> Any:
        tags: list[dict[str, str]] = [{"id": STATE + "starred"}]
        tags += [{"id": LABEL + name, "label": name, "type": "folder"} for name in self.folders]
        return {"tags": tags}

    def subscription_list(self) -> Any:
        subs = []
        for feed in self.feeds.values():
            label = LABEL + feed.folder
            if self.flavour == "miniflux":
                label = f"user/1/label/{feed.folder}"  # Miniflux puts its user id in
            subs.append(
                {
                    "id": f"feed/{feed.id}",
                    "title": feed.title,
                    "categories": [{"id": label, "label": feed.folder, "type": "folder"}],
                    "url": feed.url,
                    "htmlUrl": feed.site_url,
                    "iconUrl": "",
                }
            )
        return {"subscriptions": subs}

    def subscription_edit(self, params: list[tuple[str, str]]) -> tuple[int, str]:
        form = dict(params)
        action = form.get("ac")
        streams = [v for k, v in params if k == "s"]
        add = form.get("a", "")
        folder = _label_name(add) if add else None
        if action not in ("subscribe", "unsubscribe", "edit") or not streams:
            return 400, "Bad Request!"
        for stream in streams:
            if not stream.startswith("feed/"):
                return 400, "Bad Request!"
            target = stream.removeprefix("feed/")
            if action == "subscribe":
                if target.isdigit() or not target.startswith(("http://", "https://")):
                    return 400, "Bad Request!"
                if self.feed_by_url(target) is None:
                    self.add_feed(target, form.get("t", ""), folder)
            elif not target.isdigit() or int(target) not in self.feeds:
                return 400, "Bad Request!"
            elif action == "unsubscribe":
                del self.feeds[int(target)]
                for item_id in [i.id for i in self.items.values() if i.feed_id == int(target)]:
                    del self.items[item_id]
            elif folder:
                self.add_folder(folder)
                self.feeds[int(target)].folder = folder
        return 200, "OK"

    def select(self, query: dict[str, list[str]], stream: str) -> tuple[list[StubItem], str | None]:
        """One page of a stream, with the continuation for the next page (None: last page)."""
        items = [i for i in self.items.values() if _in_stream(self, i, stream)]
        for target in query.get("xt", []):
            items = [i for i in items if not _in_stream(self, i, target)]
        for target in query.get("it", []):
            items = [i for i in items if _in_stream(self, i, target)]
        if query.get("ot"):
            items = [i for i in items if i.crawled >= int(query["ot"][0])]
        if query.get("nt"):
            items = [i for i in items if i.crawled <= int(query["nt"][0])]
        oldest_first = query.get("r", ["d"])[0] == "o"
        items.sort(key=lambda i: i.id, reverse=not oldest_first)
        count = int(query.get("n", ["20"])[0])
        cont = query.get("c", [""])[0]
        if self.flavour == "miniflux":
            offset = int(cont) if cont.isdigit() else 0
            page = items[offset : offset + count]
            more = offset + count < len(items)
            return page, str(offset + count) if more else None
        if cont.isdigit():  # FreshRSS: the last id already sent
            last = int(cont)
            items = [i for i in items if (i.id > last if oldest_first else i.id < last)]
        page = items[:count]
        return page, str(page[-1].id) if len(items) > count else None

    def to_json(self, item: StubItem) -> dict[str, Any]:
        feed = self.feeds.get(item.feed_id)
        categories = [STATE + "reading-list"]
        if feed is not None:
            categories.append(LABEL + feed.folder)
        if item.read:
            categories.append(STATE + "read")
        if item.starred:
            categories.append(STATE + "starred")
        if self.flavour == "freshrss":
            categories += item.categories  # the feed's own categories, as plain strings
        usec = int(item.crawled * 1_000_000)
        body: dict[str, Any] = {
            "id": LONG_PREFIX + format(item.id, "016x"),
            "crawlTimeMsec": str(usec // 1000),
            "timestampUsec": str(usec),
            "published": item.published,
            "title": item.title,
            "canonical": [{"href": item.link}],
            "alternate": [{"href": item.link, "type": "text/html"}],
            "categories": categories,
            "origin": {
                "streamId": f"feed/{item.feed_id}",
                "title": feed.title if feed else "",
                "htmlUrl": feed.site_url if feed else "",
            },
            "content": {"content": item.content},
        }
        if item.author:
            body["author"] = item.author
        if self.flavour == "miniflux":
            body["summary"] = {"direction": "ltr", "content": item.content}
            body["updated"] = item.published
        return body

    def edit_tag(self, params: list[tuple[str, str]]) -> tuple[int, str]:
        ids = [v for k, v in params if k == "i"]
        add = [v for k, v in params if k == "a"]
        remove = [v for k, v in params if k == "r"]
        if not ids:
            return 400, "Bad Request!"
        try:
            numbers = [_parse_item_id(i) for i in ids]
        except ValueError:
            return 400, "Bad Request!"
        # Unknown ids change nothing, like the servers' SQL UPDATE ... WHERE id IN (...).
        items = [self.items[n] for n in numbers if n in self.items]
        for tag, value in [(t, True) for t in add] + [(t, False) for t in remove]:
            state = _state_name(tag)
            for item in items:
                if state == "read":
                    item.read = value
                elif state == "starred":
                    item.starred = value
                elif state is None and _label_name(tag) is None:
                    return 400, "Bad Request!"
        return 200, "OK"


def _parse_item_id(value: str) -> int:
    """Long form (hex) or short form (signed decimal) -> the id number."""
    if value.startswith(LONG_PREFIX):
        return int(value.removeprefix(LONG_PREFIX), 16)
    return int(value)


def _state_name(stream: str) -> str | None:
    """`user/-/state/com.google/read` (or `user/1/...`) -> "read"."""
    if stream.startswith("user/") and "/state/com.google/" in stream:
        return stream.rsplit("/", 1)[1]
    return None


def _label_name(stream: str) -> str | None:
    if stream.startswith("user/") and "/label/" in stream:
        return stream.split("/label/", 1)[1]
    return None


def _in_stream(stub: GReaderStub, item: StubItem, stream: str) -> bool:
    state = _state_name(stream)
    if state == "reading-list":
        return True
    if state == "read":
        return item.read
    if state == "starred":
        return item.starred
    if stream.startswith("feed/"):
        target = stream.removeprefix("feed/")
        feed = stub.feeds.get(item.feed_id)
        return str(item.feed_id) == target or (feed is not None and feed.url == target)
    label = _label_name(stream)
    if label is not None:
        feed = stub.feeds.get(item.feed_id)
        return feed is not None and feed.folder == label
    return False


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    server: ThreadingHTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _send(self, status: int, body: bytes | str, ctype: str, headers: dict[str, str]) -> None:
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _json(self, data: Any) -> None:
        self._send(200, json.dumps(data), "application/json; charset=UTF-8", {})

    def _unauthorized(self) -> None:
        # Miniflux names the header X-Reader-Google-Bad-Token, older FreshRSS Google-Bad-Token.
        self._send(
            401,
            "Unauthorized!",
            "text/plain; charset=UTF-8",
            {"X-Reader-Google-Bad-Token": "true"},
        )

    def _serve(self) -> None:
        stub: GReaderStub = self.server.stub  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        params = parse_qsl(parts.query, keep_blank_values=True)
        if self.command == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            params += parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True)
        path = parts.path
        if stub.mode == "html":  # a captive portal, a web site: anything but the API
            self._send(200, HTML_PAGE, "text/html; charset=utf-8", {})
            return
        if stub.mode == "down503":
            self._send(503, "Service Unavailable!", "text/plain; charset=UTF-8", {})
            return
        if not path.startswith(stub.prefix + "/") or path == "/":
            if path == "/":
                self._send(200, HTML_PAGE, "text/html; charset=utf-8", {})
            else:
                self._send(404, b"<html><body>Not Found</body></html>", "text/html", {})
            return
        path = path[len(stub.prefix) :]
        with stub.lock:
            stub.hits.append(StubHit(self.command, path, tuple(params)))
            self._api(stub, path, params)

    def _api(self, stub: GReaderStub, path: str, params: list[tuple[str, str]]) -> None:
        query: dict[str, list[str]] = {}
        for key, value in params:
            query.setdefault(key, []).append(value)
        form = dict(params)
        if path == "/accounts/ClientLogin":
            if self.command != "POST":
                self._send(405, "Method Not Allowed", "text/plain", {})
                return
            status, ctype, body = stub.client_login(form)
            self._send(status, body, ctype, {})
            return
        if not path.startswith("/reader/api/0/"):
            self._send(404, b"<html><body>Not Found</body></html>", "text/html", {})
            return
        header = self.headers.get("Authorization", "")
        auth = header.removeprefix("GoogleLogin auth=") if header.startswith("GoogleLogin ") else ""
        if self.command == "POST" and stub.flavour == "miniflux":
            user = stub.user_for(form.get("T"))  # Miniflux authenticates POSTs by T alone
        else:
            user = stub.user_for(auth)
            if user is not None and self.command == "POST":
                if form.get("T") != stub.write_token(user):
                    user = None
        if user is None:
            self._unauthorized()
            return
        self._route(stub, user, path.removeprefix("/reader/api/0/"), params, query)

    def _route(
        self,
        stub: GReaderStub,
        user: str,
        op: str,
        params: list[tuple[str, str]],
        query: dict[str, list[str]],
    ) -> None:
        post = self.command == "POST"
        if op == "token" and not post:
            self._send(200, stub.write_token(user) + "\n", "text/plain; charset=UTF-8", {})
        elif op == "user-info":
            self._json({"userId": "1", "userName": user, "userProfileId": "1", "userEmail": user})
        elif op == "tag/list" and not post:
            self._json(stub.tag_list())
        elif op == "subscription/list" and not post:
            self._json(stub.subscription_list())
        elif op == "subscription/edit" and post:
            status, text = stub.subscription_edit(params)
            self._send(status, text, "text/plain; charset=UTF-8", {})
        elif op == "edit-tag" and post:
            status, text = stub.edit_tag(params)
            self._send(status, text, "text/plain; charset=UTF-8", {})
        elif op == "stream/items/ids" and not post:
            stream = query.get("s", [""])[0]
            page, cont = stub.select(query, stream)
            data: dict[str, Any] = {"itemRefs": [{"id": str(i.id)} for i in page]}
            if cont is not None:
                data["continuation"] = cont
            self._json(data)
        elif op == "stream/items/contents" and post:
            try:
                ids = {_parse_item_id(v) for k, v in params if k == "i"}
            except ValueError:
                self._send(400, "Bad Request!", "text/plain", {})
                return
            items = sorted((stub.items[i] for i in ids if i in stub.items), key=lambda i: -i.id)
            self._json({"id": STATE + "reading-list", "items": [stub.to_json(i) for i in items]})
        elif op.startswith("stream/contents") and not post and stub.flavour == "freshrss":
            stream = op.removeprefix("stream/contents").strip("/") or STATE + "reading-list"
            page, cont = stub.select(query, stream)
            data = {"id": stream, "updated": int(stub.clock())}
            data["items"] = [stub.to_json(i) for i in page]
            if cont is not None:
                data["continuation"] = cont
            self._json(data)
        elif stub.flavour == "miniflux":
            self._json([])  # Miniflux's catch-all for what it does not implement
        else:
            self._send(400, "Bad Request!", "text/plain; charset=UTF-8", {})
