"""The command line's sync commands: `reader account add|list|remove` and `reader sync`.

Same contract as cli.py: --json prints one JSON document; bad input (unknown kind, bad URL,
no password, a password the server refuses at `account add`) exits 2 with one line on stderr;
a server or environment fault (dead server, not an API, disk full) exits 1 with one line.
`reader sync --json` always prints its report, `{pulled, pushed, errors}`, and exits 1 when
`errors` is not empty.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from reader.cli import _fail, _print_json
from reader.core.errors import InvalidURLError
from reader.core.service import Service
from reader.core.storage.articles import iso
from reader.core.sync import engine, secrets
from reader.core.sync.remote import AuthError, SyncError


def account(service: Service, args: argparse.Namespace) -> int:
    return {"add": _add, "list": _list, "remove": _remove}[args.account_command](service, args)


def _password() -> str:
    """From $READER_PASSWORD, else a prompt on the terminal; never from the command line."""
    password = os.environ.get("READER_PASSWORD")
    if password:
        return password
    if not sys.stdin.isatty():
        raise InvalidURLError("No password: set READER_PASSWORD or run this in a terminal.")
    try:
        return getpass.getpass("Password: ")
    except EOFError:
        raise InvalidURLError("No password was given.") from None


def record(service: Service, item: engine.Account) -> dict[str, Any]:
    return {
        "id": item.id,
        "kind": item.kind,
        "url": item.url,
        "user": item.user,
        "password_store": item.secret,
        "password_location": secrets.describe(item.secret, service.data_dir),
        "last_sync": iso(item.synced),
        "last_error": item.error,
        "pending_changes": engine.pending_changes(service, item.id),
    }


def _add(service: Service, args: argparse.Namespace) -> int:
    password = _password()
    try:
        added = engine.add_account(service, args.kind, args.url, args.user, password)
    except AuthError as exc:
        return _fail(str(exc), 2)
    except SyncError as exc:
        return _fail(str(exc), 1)
    if args.json:
        _print_json(record(service, added))
    else:
        where = secrets.describe(added.secret, service.data_dir)
        print(
            f"added account {added.id}: {added.kind} {engine.label(added)}; "
            f"password stored in {where}"
        )
    return 0


def _list(service: Service, args: argparse.Namespace) -> int:
    items = [record(service, a) for a in engine.accounts(service)]
    if args.json:
        _print_json(items)
        return 0
    for r in items:
        when = r["last_sync"] or "never"
        error = f"  ! {r['last_error']}" if r["last_error"] else ""
        print(
            f"{r['id']:>3}  {r['kind']:7} {r['user']} at {r['url']}  last sync: {when}"
            f"  password: {r['password_location']}{error}"
        )
    return 0


def _remove(service: Service, args: argparse.Namespace) -> int:
    removed = engine.remove_account(service, args.account_id)
    print(f"removed account {removed.id}: {engine.label(removed)} (its feeds stay, as local feeds)")
    return 0


def sync(service: Service, args: argparse.Namespace) -> int:
    ids = [args.account] if args.account is not None else None
    if ids is not None:
        engine.account(service, args.account)  # a missing id is bad input: exit 2
    elif not engine.accounts(service):
        raise InvalidURLError("There is no sync account; add one with `reader account add`.")
    shown = [-1]
    live = not args.json and sys.stderr.isatty()  # scripts get one line on failure, no progress

    def progress(done: int, total: int, message: str) -> None:
        if live and done != shown[0]:
            shown[0] = done
            print(f"[{done}/{total}] {message}", file=sys.stderr)

    report = engine.sync_all(service, ids, progress=progress)
    if args.json:
        _print_json(report.to_dict())
    else:
        pulled, pushed = report.pulled, report.pushed
        print(
            f"pulled {pulled.feeds} feeds, {pulled.articles} articles, {pulled.read} read and "
            f"{pulled.starred} starred changes; pushed {pushed.read} read, {pushed.starred} "
            f"starred, {pushed.subscribed} subscribed, {pushed.unsubscribed} unsubscribed"
        )
    if report.errors:
        more = f" (and {len(report.errors) - 1} more)" if len(report.errors) > 1 else ""
        return _fail(report.errors[0] + more, 1)
    return 0


def add_through_account(service: Service, args: argparse.Namespace) -> int:
    """`reader add URL --account ID`: queue a subscribe on that account's server."""
    engine.account(service, args.account)
    feed_id = service.subscribe(args.url, folder=args.folder, account_id=args.account)
    feed = service.feed(feed_id)
    if args.json:
        from dataclasses import asdict

        _print_json(asdict(feed))
    else:
        print(
            f"added feed {feed.id}: {feed.url} to account {args.account}; "
            "`reader sync` subscribes on the server and brings its articles"
        )
    return 0
