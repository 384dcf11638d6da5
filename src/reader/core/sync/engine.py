"""Two-way sync of one account with its server, whatever the protocol (see remote.py).

One sync, in this order:

1. log in (a wrong password or a dead server stops here: nothing local changes);
2. push the queued local changes: subscribes, unsubscribes, read/unread, star/unstar;
3. pull the server's folders (as local folders) and feeds: new remote feeds are created locally,
   moved to their server folder; a feed gone from the server is removed locally, its favorites
   stay (as with a local unsubscribe);
4. pull new articles page by page (`articles_since(marker)`): each page is stored in its own
   transaction together with the marker after it, so an interrupted sync resumes there and
   memory holds one page at a time. HTML is sanitized and categories stored as a refresh does;
5. pull read and starred state, then fetch the starred articles not stored yet (with their
   full content; their images are downloaded like a new favorite's).

Conflict rule: **a local change still queued (not yet pushed) wins; otherwise the server's state
wins.** In practice the queue is pushed first, so the server already agrees when its state is
pulled; a change made locally while the sync runs stays queued and is not overwritten. Sync
never deletes a favorite: it may unstar one (the server's state), never remove its article.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.core import fetch as fetching
from reader.core.errors import InvalidURLError, ReaderError, StorageError
from reader.core.parse import category_key
from reader.core.storage import feeds as feed_store
from reader.core.storage import sync as store
from reader.core.storage.sync import KINDS, Account
from reader.core.sync import secrets
from reader.core.sync.remote import AuthError, Remote, RemoteFeed, SyncError

if TYPE_CHECKING:
    from reader.core.service import Service

__all__ = ["KINDS", "Account", "SyncReport", "accounts", "add_account", "remove_account", "sync"]

log = logging.getLogger(__name__)

# kind -> (module, class); imported only when an account of that kind is used.
REMOTES = {
    "ttrss": ("reader.core.sync.ttrss", "TtrssRemote"),
    "greader": ("reader.core.sync.greader", "GReaderRemote"),
}
PUSH_CHUNK = 200  # ids per set_read / set_starred call
FETCH_CHUNK = 100  # starred articles asked for at once

Progress = Callable[[int, int, str], None]  # done, total (0: unknown), message
Factory = Callable[[str, str, str, str], Remote]  # kind, url, user, password -> Remote


@dataclass
class Pulled:
    feeds: int = 0  # local feeds added, moved or removed to match the server
    articles: int = 0  # articles stored
    read: int = 0  # articles whose read state changed to the server's
    starred: int = 0  # articles whose starred state changed to the server's


@dataclass
class Pushed:
    read: int = 0
    starred: int = 0
    subscribed: int = 0
    unsubscribed: int = 0


@dataclass
class SyncReport:
    pulled: Pulled = field(default_factory=Pulled)
    pushed: Pushed = field(default_factory=Pushed)
    errors: list[str] = field(default_factory=list)
    cancelled: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "pulled": dataclasses.asdict(self.pulled),
            "pushed": dataclasses.asdict(self.pushed),
            "errors": list(self.errors),
        }

    def add(self, other: SyncReport, prefix: str = "") -> None:
        for mine, theirs in ((self.pulled, other.pulled), (self.pushed, other.pushed)):
            for f in dataclasses.fields(mine):
                setattr(mine, f.name, getattr(mine, f.name) + getattr(theirs, f.name))
        self.errors.extend(prefix + e for e in other.errors)
        self.cancelled = self.cancelled or other.cancelled


class _Cancelled(Exception):
    pass


def make_remote(kind: str, url: str, user: str, password: str) -> Remote:
    """The protocol client for an account kind (imported lazily)."""
    if kind not in REMOTES:
        raise InvalidURLError(f"Unknown account kind {kind!r}; use one of {', '.join(KINDS)}.")
    module_name, class_name = REMOTES[kind]
    cls = getattr(importlib.import_module(module_name), class_name)
    remote: Remote = cls(url, user, password)
    return remote


def _factory(factory: Factory | None) -> Factory:
    return factory or make_remote  # looked up at call time, so tests can replace make_remote


def label(account: Account) -> str:
    return f"{account.user} at {account.url}"


# --- accounts ---


def accounts(service: Service) -> list[Account]:
    return store.list_accounts(service.conn)


def account(service: Service, account_id: int) -> Account:
    return store.get_account(service.conn, account_id)


def check_login(
    kind: str, url: str, user: str, password: str, *, factory: Factory | None = None
) -> str:
    """Log in once ("Test connection"); returns the URL as it will be stored.

    Raises:
        InvalidURLError: bad kind, URL or empty user name.
        AuthError, SyncError: the server refused or could not be reached.
    """
    if kind not in KINDS:
        raise InvalidURLError(f"Unknown account kind {kind!r}; use one of {', '.join(KINDS)}.")
    url = fetching.check_url(url.strip())
    if not user.strip():
        raise InvalidURLError("An account needs a user name.")
    if not password:
        raise InvalidURLError("An account needs a password.")
    remote = _factory(factory)(kind, url, user.strip(), password)
    try:
        remote.login()
    finally:
        _close(remote)
    return url


def _close(remote: object) -> None:
    """Close a client's connections (the protocol clients hold an httpx.Client)."""
    close = getattr(remote, "close", None)
    if callable(close):
        close()


def add_account(
    service: Service,
    kind: str,
    url: str,
    user: str,
    password: str,
    *,
    factory: Factory | None = None,
) -> Account:
    """Test the login, then store the account (password in the keyring or the 0600 file).

    A failed login stores nothing.
    """
    url = check_login(kind, url, user, password, factory=factory)
    user = user.strip()
    if store.find_account(service.conn, kind, url, user) is not None:
        raise InvalidURLError(f"There is already a {kind} account for {user} at {url}.")
    where = secrets.store(service.data_dir, kind, url, user, password)
    try:
        with service._write() as conn:
            account_id = store.insert_account(conn, kind, url, user, where, service._now())
    except BaseException:
        secrets.delete(service.data_dir, kind, url, user, where)
        raise
    return store.get_account(service.conn, account_id)


def remove_account(service: Service, account_id: int) -> Account:
    """Forget an account and its password. Its feeds and articles stay, as local feeds."""
    found = store.get_account(service.conn, account_id)
    with service._write() as conn:
        store.delete_account(conn, account_id)
    secrets.delete(service.data_dir, found.kind, found.url, found.user, found.secret)
    return found


def pending_changes(service: Service, account_id: int) -> int:
    return store.pending_count(service.conn, account_id)


# --- sync ---


def sync_all(
    service: Service,
    account_ids: Sequence[int] | None = None,
    *,
    factory: Factory | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> SyncReport:
    """Sync every account (or these); errors are prefixed with the account they belong to."""
    chosen = (
        [store.get_account(service.conn, i) for i in account_ids]
        if account_ids is not None
        else store.list_accounts(service.conn)
    )
    report = SyncReport()
    for item in chosen:
        if cancel is not None and cancel.is_set():
            break
        one = sync(service, item.id, factory=factory, progress=progress, cancel=cancel)
        report.add(one, prefix=f"{label(item)}: " if len(chosen) > 1 else "")
    return report


def sync(
    service: Service,
    account_id: int,
    *,
    remote: Remote | None = None,
    factory: Factory | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> SyncReport:
    """Sync one account (order and conflict rule: the module docstring).

    A server failure (SyncError) ends the sync with its message in `errors`; what was stored
    before stays, the queue keeps what was not pushed. StorageError (disk full...) is raised.
    """
    found = store.get_account(service.conn, account_id)
    report = SyncReport()
    owned = remote is None
    try:
        if remote is None:
            password = secrets.load(
                service.data_dir, found.kind, found.url, found.user, found.secret
            )
            remote = _factory(factory)(found.kind, found.url, found.user, password)
        _Run(service, found, remote, report, progress, cancel).run()
        error = None
    except _Cancelled:
        report.cancelled = True
        error = None
        report.errors.append("The sync was cancelled; the next one goes on from there.")
    except SyncError as exc:
        error = str(exc)
        report.errors.append(error)
    except StorageError:
        raise
    except ReaderError as exc:  # e.g. the password is missing from the keyring
        error = str(exc)
        report.errors.append(error)
    except Exception as exc:  # a bug in a client must not crash the window or the CLI
        log.exception("sync of account %s failed", account_id)
        error = f"Unexpected error while syncing ({type(exc).__name__}); details are in the log."
        report.errors.append(error)
    finally:
        if owned and remote is not None:
            _close(remote)
    if not report.cancelled:
        with service._write() as conn:
            store.record_sync(conn, account_id, service._now(), error)
    return report


class _Run:
    """One sync of one account; each phase is a method, each write a short transaction."""

    def __init__(
        self,
        service: Service,
        account: Account,
        remote: Remote,
        report: SyncReport,
        progress: Progress | None,
        cancel: threading.Event | None,
    ) -> None:
        self.service, self.account, self.remote, self.report = service, account, remote, report
        self.id = account.id
        self._progress = progress
        self.cancel = cancel or threading.Event()
        self.folders: dict[str, str] = {}  # remote folder id -> title
        self.titles: dict[str, str] = {}  # remote feed id -> title
        self.new_favorites: list[int] = []  # local ids, for their images

    def step(self, done: int, message: str) -> None:
        if self.cancel.is_set():
            raise _Cancelled
        if self._progress is not None:
            self._progress(done, 5, message)
            if self.cancel.is_set():
                raise _Cancelled

    def run(self) -> None:
        self.step(0, f"Connecting to {self.account.url}…")
        self.remote.login()
        self.folders = {f.id: f.title for f in self.remote.folders()}
        self.step(1, "Sending local changes…")
        self.push()
        self.step(2, "Updating subscriptions…")
        self.pull_feeds()
        self.step(3, "Downloading new articles…")
        self.pull_articles()
        self.step(4, "Updating read and starred state…")
        new_favorites = self.pull_state()
        self.step(5, "Done.")
        self.download_images(new_favorites)

    # --- push ---

    def push(self) -> None:
        conn = self.service.conn
        by_title = {category_key(t): i for i, t in self.folders.items()}
        for item in store.pending(conn, self.id, "subscribe"):
            feed_id = item[1]
            url = store.feed_url(conn, feed_id)
            if url is not None:
                folder = store.feed_folder(conn, feed_id)
                folder_id = by_title.get(category_key(folder)) if folder else None
                try:
                    remote_id = self.remote.subscribe(url, folder_id)
                except AuthError:
                    raise
                except SyncError as exc:  # this feed only (the server answered the login)
                    self.report.errors.append(f"Could not subscribe to {url}: {exc}")
                    continue
            with self.service._write() as wconn:
                if url is not None:
                    store.link_feed(wconn, self.id, feed_id, remote_id)
                    self.report.pushed.subscribed += 1
                store.clear_pending(wconn, self.id, "subscribe", [item])
        for item in store.pending(conn, self.id, "unsubscribe"):
            try:
                self.remote.unsubscribe(item[0])
            except AuthError:
                raise
            except SyncError as exc:
                self.report.errors.append(f"Could not unsubscribe feed {item[0]}: {exc}")
                continue
            with self.service._write() as wconn:
                store.clear_pending(wconn, self.id, "unsubscribe", [item])
            self.report.pushed.unsubscribed += 1
        for kind in ("read", "starred"):
            self._push_flags(kind)

    def _push_flags(self, kind: str) -> None:
        items = store.pending(self.service.conn, self.id, kind)
        for value in (1, 0):
            chosen = [item for item in items if item[1] == value]
            for start in range(0, len(chosen), PUSH_CHUNK):
                chunk = chosen[start : start + PUSH_CHUNK]
                ids = [item[0] for item in chunk]
                if kind == "read":
                    self.remote.set_read(ids, bool(value))
                else:
                    self.remote.set_starred(ids, bool(value))
                with self.service._write() as conn:
                    store.clear_pending(conn, self.id, kind, chunk)
                setattr(self.report.pushed, kind, getattr(self.report.pushed, kind) + len(chunk))

    # --- pull ---

    def pull_feeds(self) -> None:
        remote_feeds = self.remote.feeds()
        self.titles = {f.id: f.title for f in remote_feeds}
        now = self.service._now()
        # A feed unsubscribed here whose unsubscribe did not reach the server yet stays gone.
        leaving = {item[0] for item in store.pending(self.service.conn, self.id, "unsubscribe")}
        remote_feeds = [f for f in remote_feeds if f.id not in leaving]
        with self.service._write() as conn:
            for title in self.folders.values():
                if title.strip():
                    feed_store.ensure_folder(conn, title)
            known = store.feed_map(conn, self.id)
            for feed in remote_feeds:
                self._pull_feed(conn, feed, known.get(feed.id), now)
            listed = {f.id for f in remote_feeds}
            for remote_id, feed_id in known.items():
                if remote_id not in listed:  # unsubscribed on the server; favorites stay
                    feed_store.delete_feed(conn, feed_id)
                    self.report.pulled.feeds += 1

    def _pull_feed(self, conn: Any, feed: RemoteFeed, local: int | None, now: int) -> None:
        folder = self.folders.get(feed.folder_id) if feed.folder_id else None
        folder = folder if folder and folder.strip() else None
        if local is None:
            try:
                url = fetching.check_url(feed.url)
            except InvalidURLError as exc:
                self.report.errors.append(f"Feed {feed.title!r} was skipped: {exc}")
                return
            local = feed_store.find_feed_id(conn, url)
            if local is not None and store.feed_account(conn, local) not in (None, self.id):
                self.report.errors.append(f"{url} belongs to another account; skipped.")
                return
            if local is None:
                local = feed_store.insert_feed(conn, url, title=feed.title, folder=folder, now=now)
            else:
                feed_store.update_feed(conn, local, folder=folder, clear_folder=folder is None)
            store.link_feed(conn, self.id, local, feed.id)
            self.report.pulled.feeds += 1
            return
        # The server's folder wins (the API of tt-rss cannot move a feed, so local moves of a
        # synced feed would never reach it).
        if store.feed_folder(conn, local) != folder:
            feed_store.update_feed(conn, local, folder=folder, clear_folder=folder is None)
            self.report.pulled.feeds += 1
        conn.execute(
            "UPDATE feeds SET title = ?, site_url = COALESCE(?, site_url) WHERE id = ?",
            (feed.title, feed.site_url, local),
        )

    def pull_articles(self) -> None:
        feeds = store.feed_map(self.service.conn, self.id)
        marker = store.get_account(self.service.conn, self.id).marker
        pages = self.remote.articles_since(marker)
        refetched = False
        try:
            for page, after in pages:
                if not refetched and any(a.feed_id not in feeds for a in page):
                    # A feed subscribed on the server since `feeds()` was read: its articles
                    # must not be skipped (the marker moves past them).
                    refetched = True
                    self.pull_feeds()
                    feeds = store.feed_map(self.service.conn, self.id)
                with self.service._write() as conn:
                    new = store.store_articles(
                        conn, self.id, page, feeds, self.service._now(), sources=self.titles
                    )
                    store.set_marker(conn, self.id, after)
                self.report.pulled.articles += len(new)
                if any(a.starred for a in page):
                    self.new_favorites += store.starred_among(self.service.conn, new)
                self.step(3, f"Downloading new articles… {self.report.pulled.articles:,} stored")
        finally:
            close = getattr(pages, "close", None)
            if close is not None:
                close()

    def pull_state(self) -> list[int]:
        """Read and starred state from the server, then starred articles not stored yet.

        Returns the local ids of articles that became favorites (for their images).
        """
        unread = self.remote.unread_ids()
        starred = self.remote.starred_ids()
        now = self.service._now()
        with self.service._write() as conn:
            self.report.pulled.read += len(store.apply_state(conn, self.id, "read", unread, now))
            changed = store.apply_state(conn, self.id, "starred", starred, now)
        del unread
        self.report.pulled.starred += len(changed)
        favorites = self.new_favorites + [article_id for article_id, value in changed if value]
        ordered = sorted(starred)
        mapped = store.mapped_ids(self.service.conn, self.id, ordered)
        missing = [i for i in ordered if i not in mapped]
        del mapped
        feeds = store.feed_map(self.service.conn, self.id)
        for start in range(0, len(missing), FETCH_CHUNK):
            self.step(4, f"Downloading favorites… {start:,} of {len(missing):,}")
            chunk = self.remote.articles_by_ids(missing[start : start + FETCH_CHUNK])
            chunk = [dataclasses.replace(a, starred=True) for a in chunk]
            with self.service._write() as conn:
                new = store.store_articles(
                    conn, self.id, chunk, feeds, self.service._now(), sources=self.titles
                )
            self.report.pulled.articles += len(new)
            self.report.pulled.starred += len(new)
            favorites.extend(new)
        return favorites

    def download_images(self, article_ids: list[int]) -> None:
        """Images of new favorites, so they read offline; a failure never fails the sync."""
        if not article_ids:
            return
        try:
            self.service.download_images(article_ids, cancel=self.cancel)
        except (ReaderError, OSError) as exc:
            log.warning("images of synced favorites: %s", exc)
