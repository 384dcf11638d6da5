"""The command line: a client of core.service, exactly like the window.

Contract (scripts and acceptance checks depend on it): every listing command takes --json and then
prints one JSON document on stdout and nothing else there; bad input exits 2 with one line on
stderr; a refresh where some feeds fail still exits 0 and reports each failure in its row.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, NoReturn

from reader import __version__
from reader.core import paths
from reader.core.errors import ReaderError, StorageError
from reader.core.service import Service
from reader.core.storage.db import describe
from reader.core.types import Query


def _number(text: str) -> int:
    """An id or a count: an integer SQLite can hold (a 30-digit id is bad input, not a crash)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not -(2**63) <= value < 2**63:
        raise argparse.ArgumentTypeError(f"number out of range: {text}")
    return value


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error in one line and exits 2."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"reader: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description=(
            "Reader: a desktop news reader. Without a command it opens the window, or brings the"
            " running one to the front; `reader URL` opens the subscribe dialog for a feed URL."
        ),
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="data folder (default: $READER_DATA_DIR or the platform's)",
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="with no command: open the window (or use the running one) and refresh all feeds",
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="with no command: the window's language, e.g. ar (default: $READER_LANG or system)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, text: str, *, listing: bool = False) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=text)
        if listing:
            p.add_argument("--json", action="store_true", help="print one JSON document")
        return p

    p = command("add", "subscribe to a feed URL or a site URL (autodiscovery)", listing=True)
    p.add_argument("url")
    p.add_argument("--folder", metavar="NAME")
    p.add_argument(
        "--full-text", action="store_true", help="download each article's page (full text)"
    )
    p.add_argument(
        "--account",
        type=_number,
        metavar="ID",
        help="subscribe through this sync account's server (at the next `reader sync`)",
    )
    p = command("remove", "unsubscribe from a feed (its favorites stay)")
    p.add_argument("feed_id", type=_number, metavar="FEED_ID")
    command("feeds", "list subscriptions with unread counts and errors", listing=True)
    p = command("import", "subscribe to the feeds of an OPML file", listing=True)
    p.add_argument("file", metavar="FILE")
    p = command("export", "write subscriptions as OPML 2.0 (stdout without FILE)")
    p.add_argument("file", nargs="?", metavar="FILE")
    p = command("refresh", "fetch and store new articles", listing=True)
    p.add_argument("--feed", type=_number, metavar="ID")
    p.add_argument("--no-images", action="store_true", help="do not download images this time")
    p = command("feed-option", "change a feed's options")
    p.add_argument("feed_id", type=_number, metavar="FEED_ID")
    p.add_argument(
        "--full-text",
        choices=("on", "off"),
        required=True,
        help="download each new article's page and keep its full text",
    )
    command("clear-cache", "remove cached images (favorites' images are kept)")
    p = command("articles", "list articles, newest first", listing=True)
    p.add_argument("--feed", type=_number, metavar="ID")
    p.add_argument("--folder", metavar="NAME")
    p.add_argument("--category", metavar="NAME")
    p.add_argument("--starred", action="store_true")
    p.add_argument("--unread", action="store_true")
    p.add_argument("--search", metavar="TEXT")
    p.add_argument("--limit", type=_number, default=50, metavar="N", help="default 50; 0 means all")
    command("categories", "list categories with article and unread counts", listing=True)
    p = command("show", "show one article", listing=True)
    p.add_argument("id", type=_number, metavar="ID")
    for name, text in (
        ("star", "add articles to favorites"),
        ("unstar", "remove articles from favorites"),
        ("read", "mark articles read"),
        ("unread", "mark articles unread"),
    ):
        p = command(name, text)
        p.add_argument("ids", type=_number, nargs="+", metavar="ID")
    p = command("favorites", "favorites: export them")
    fav = p.add_subparsers(
        dest="favorites_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    e = fav.add_parser("export", help="write every favorite to FILE, readable without Reader")
    e.add_argument("file", metavar="FILE")
    e.add_argument(
        "--format",
        choices=("json", "html"),
        default=None,
        help="default: from the file name, else html",
    )
    p = command("account", "sync accounts: Tiny Tiny RSS or Google Reader API servers")
    acc = p.add_subparsers(
        dest="account_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    a = acc.add_parser(
        "add",
        help="add an account (tests the login first)",
        description="Add a sync account. The password comes from $READER_PASSWORD or a prompt,"
        " never from the command line; it is kept in the system keyring where one works,"
        " otherwise in a file only you can read.",
    )
    a.add_argument("kind", choices=("ttrss", "greader"))
    a.add_argument("url", metavar="URL")
    a.add_argument("--user", required=True, metavar="NAME")
    a.add_argument("--json", action="store_true", help="print one JSON document")
    a = acc.add_parser("list", help="list accounts, where their passwords are, last sync")
    a.add_argument("--json", action="store_true", help="print one JSON document")
    a = acc.add_parser("remove", help="forget an account (its feeds stay, as local feeds)")
    a.add_argument("account_id", type=_number, metavar="ID")
    p = command("sync", "two-way sync with every account (or one)", listing=True)
    p.add_argument("--account", type=_number, metavar="ID")
    p = command(
        "install-desktop",
        "add Reader to the desktop's menu: entry, icon and AppStream data under $XDG_DATA_HOME",
    )
    p.add_argument("--uninstall", action="store_true", help="remove those files again")
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    if args.command == "install-desktop":  # no data dir involved
        return _install_desktop(args)
    try:
        service = Service(paths.data_dir(args.data_dir))
    except StorageError as exc:
        return _fail(str(exc), 1)
    try:
        return _HANDLERS[args.command](service, args)
    except StorageError as exc:
        return _fail(str(exc), 1)
    except ReaderError as exc:
        return _fail(str(exc), 2)
    except sqlite3.Error as exc:  # disk full, corrupt page, locked: one line, exit 1
        return _fail(describe(exc, service.db_path), 1)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:  # `reader articles | head`: the reader of our output left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        service.close()


def _install_desktop(args: argparse.Namespace) -> int:
    from reader import desktop

    try:
        if args.uninstall:
            desktop.uninstall()
        else:
            desktop.install()
    except OSError as exc:
        return _fail(f"cannot write the desktop files: {exc}", 1)
    return 0


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"reader: {message}\n")
    return code


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def _add(service: Service, args: argparse.Namespace) -> int:
    if args.account is not None:
        from reader.cli_sync import add_through_account

        return add_through_account(service, args)
    feed = service.add_feed(args.url, folder=args.folder)
    if args.full_text:
        service.set_full_text(feed.id, True)
    if args.json:
        _print_json(asdict(feed))
    else:
        print(f"added feed {feed.id}: {feed.title} <{feed.url}> ({feed.total} articles)")
    return 0


def _remove(service: Service, args: argparse.Namespace) -> int:
    feed = service.feed(args.feed_id)
    service.remove_feed(args.feed_id)
    print(f"removed feed {feed.id}: {feed.title} (its favorites are kept)")
    return 0


def _feeds(service: Service, args: argparse.Namespace) -> int:
    feeds = service.feeds()
    if args.json:
        _print_json([asdict(f) for f in feeds])
        return 0
    for f in feeds:
        folder = f"[{f.folder}] " if f.folder else ""
        error = f"  ! {f.error}" if f.error else ""
        print(f"{f.id:>5}  {folder}{f.title}  ({f.unread}/{f.total}){error}")
    return 0


def _import(service: Service, args: argparse.Namespace) -> int:
    try:
        data = Path(args.file).read_bytes()
    except OSError as exc:
        raise ReaderError(f"Cannot read {args.file}: {exc.strerror}.") from None
    report = service.import_opml(data)
    if args.json:
        _print_json(asdict(report))
        return 0
    line = f"imported {report.imported}, skipped {report.skipped}"
    if report.reasons:
        shown = "; ".join(report.reasons[:3])
        more = f"; and {len(report.reasons) - 3} more" if len(report.reasons) > 3 else ""
        line += f" ({shown}{more})"
    print(line)
    return 0


def _export(service: Service, args: argparse.Namespace) -> int:
    text = service.export_opml()
    if args.file:
        try:
            Path(args.file).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ReaderError(f"Cannot write {args.file}: {exc.strerror}.") from None
        print(f"exported {len(service.feeds())} feeds to {args.file}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _refresh(service: Service, args: argparse.Namespace) -> int:
    ids = [args.feed] if args.feed is not None else None
    total = len(ids) if ids else len(service.refreshable_feed_ids())
    results = []
    for n, result in enumerate(service.refresh_iter(ids, images=not args.no_images), 1):
        results.append(result)
        if not args.json:
            what = (
                result.error
                if result.status == "error"
                else (
                    f"{result.new} new, {result.updated} updated"
                    if result.status == "updated"
                    else "not modified"
                )
            )
            print(f"[{n}/{total}] {result.url}: {what}", file=sys.stderr)
    if args.json:
        _print_json([asdict(r) for r in results])
    else:
        new = sum(r.new for r in results)
        errors = sum(r.status == "error" for r in results)
        print(f"refreshed {len(results)} feeds: {new} new articles, {errors} errors")
    return 0


def _articles(service: Service, args: argparse.Namespace) -> int:
    if args.limit < 0:
        raise ReaderError("--limit must be 0 (all) or a positive number.")
    if args.feed is not None:
        service.feed(args.feed)
    query = Query(
        feed_id=args.feed,
        folder=args.folder,
        category=args.category,
        starred=args.starred,
        unread=args.unread,
        search=args.search,
    )
    items = service.articles(query, limit=args.limit)
    if args.json:
        _print_json([_article_json(asdict(a)) for a in items])
        return 0
    for a in items:
        star = "*" if a.starred else " "
        unread = "N" if not a.read else " "
        print(
            f"{a.id:>7} {star}{unread} {(a.published or '')[:10]:10}  {a.title}  — {a.feed_title}"
        )
    return 0


def _article_json(record: dict[str, Any]) -> dict[str, Any]:
    record["categories"] = list(record["categories"])
    if "enclosures" in record:
        record["enclosures"] = list(record["enclosures"])
    return record


def _categories(service: Service, args: argparse.Namespace) -> int:
    cats = service.categories()
    if args.json:
        _print_json([asdict(c) for c in cats])
        return 0
    for c in cats:
        print(f"{c.articles:>6} {c.unread:>6}  {c.name}")
    return 0


def _show(service: Service, args: argparse.Namespace) -> int:
    a = service.article(args.id)
    if args.json:
        record = _article_json(asdict(a))
        local = service.image_map(a.id)
        record["images"] = [{"url": url, "path": str(path)} for url, path in local.items()]
        _print_json(record)
        return 0
    print(a.title)
    print(" · ".join(x for x in (a.source, a.author or "", a.published or "") if x))
    if a.categories:
        print("Categories: " + ", ".join(a.categories))
    if a.link:
        print(a.link)
    print()
    from reader.core.sanitize import html_to_text

    print(html_to_text(a.content_html.replace("</p>", "</p>\n\n")) or a.summary)
    return 0


def _flag(column: str, value: bool) -> Callable[[Service, argparse.Namespace], int]:
    def handler(service: Service, args: argparse.Namespace) -> int:
        if column == "starred":
            service.set_starred(args.ids, value)
            if value:  # a favorite keeps its images: fetch the missing ones now
                service.download_images(args.ids)
        else:
            service.set_read(args.ids, value)
        return 0

    return handler


def _favorites(service: Service, args: argparse.Namespace) -> int:
    fmt = args.format or ("json" if args.file.lower().endswith(".json") else "html")
    count = service.export_favorites(Path(args.file), fmt=fmt)
    print(f"exported {count} favorites to {args.file}", file=sys.stderr)
    return 0


def _feed_option(service: Service, args: argparse.Namespace) -> int:
    service.set_full_text(args.feed_id, args.full_text == "on")
    feed = service.feed(args.feed_id)
    print(f"feed {feed.id}: {feed.title}: full text {args.full_text}")
    return 0


def _clear_cache(service: Service, args: argparse.Namespace) -> int:
    removed = service.clear_image_cache()
    left = service.image_cache_bytes()
    print(f"removed {removed} images; {left / 1048576:.1f} MB of favorites' images kept")
    return 0


_HANDLERS = {
    "feed-option": _feed_option,
    "clear-cache": _clear_cache,
    "add": _add,
    "remove": _remove,
    "feeds": _feeds,
    "import": _import,
    "export": _export,
    "refresh": _refresh,
    "articles": _articles,
    "categories": _categories,
    "show": _show,
    "star": _flag("starred", True),
    "unstar": _flag("starred", False),
    "read": _flag("read", True),
    "unread": _flag("read", False),
    "favorites": _favorites,
    "account": lambda service, args: _sync_cli().account(service, args),
    "sync": lambda service, args: _sync_cli().sync(service, args),
}


def _sync_cli() -> Any:
    from reader import cli_sync

    return cli_sync
