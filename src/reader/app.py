"""Composition root: the command line when a command is given, otherwise the window.

`reader [--data-dir DIR] [--refresh] [--lang LANG] [URL...]` is the window: handed to the
window already running on that data folder when there is one (ui/instance.py), else a new
window. Every subcommand goes to cli.py and never through the single-instance logic.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn


class _WindowArgs(argparse.ArgumentParser):
    """The window's own arguments; anything it cannot parse goes to the CLI's parser instead."""

    def error(self, message: str) -> NoReturn:
        raise ValueError(message)


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }


def _feed_target(text: str) -> str | None:
    """A command-line argument as a URL to subscribe to, or None when it is not one.

    feed://host/x -> http://host/x and feed:https://host/x -> https://host/x (the feed: scheme
    the desktop entry registers); an existing file becomes a file: URI.
    """
    if text.startswith("feed:"):
        rest = text[len("feed:") :]
        return rest if rest.startswith(("http://", "https://")) else "http:" + rest
    if text.startswith(("http://", "https://", "file:")):
        return text
    path = Path(text)
    if path.is_file():
        return path.resolve().as_uri()
    return None


def window_request(
    args: Sequence[str], commands: set[str]
) -> tuple[str | None, bool, tuple[str, ...], str | None] | None:
    """(data_dir, refresh, urls, lang) when `args` open the window, None for a command."""
    if any(a in ("-h", "--help", "--version") for a in args):
        return None
    parser = _WindowArgs(add_help=False, allow_abbrev=False)
    parser.add_argument("--data-dir")
    parser.add_argument("--refresh", action="store_true")
    parser.add_argument("--lang")
    parser.add_argument("targets", nargs="*")
    try:
        known, rest = parser.parse_known_args(list(args))
    except ValueError:
        return None
    if rest or (known.targets and known.targets[0] in commands):
        return None
    urls = [_feed_target(t) for t in known.targets]
    if any(u is None for u in urls):
        return None  # a mistyped command: let the CLI say so
    urls_found = tuple(u for u in urls if u is not None)
    return known.data_dir, known.refresh, urls_found, known.lang


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # The command names matter only when there are positional arguments: the window's start
    # without any (the usual one) does not import the command line (~0.15 s of imports).
    window = window_request(args, set())
    if window is None or window[2]:
        from reader import cli

        window = window_request(args, _commands(cli.build_parser()))
        if window is None:
            return cli.run(args)
    data_dir, refresh, urls, lang = window
    return run_window(data_dir, refresh=refresh, urls=urls, lang=lang)


def _import_qt() -> None:
    """Import PySide6, having shiboken6 unpack its support files first when it should,
    without its import hook and with its signature patterns compiled when first used (see
    shiboken_files); Qt's enums are made the quicker way from now on (see quick_enums)."""
    from reader.ui import quick_enums, shiboken_files

    quick_enums.install()
    unpacked = shiboken_files.prepare()
    try:
        with shiboken_files.deferred_patterns():
            import PySide6.QtWidgets  # noqa: F401
    except BaseException:
        shiboken_files.finish(unpacked, imported=False)
        raise
    shiboken_files.finish(unpacked, imported=True)
    shiboken_files.drop_feature_hook()


def run_window(
    data_dir: str | None,
    *,
    refresh: bool = False,
    urls: tuple[str, ...] = (),
    lang: str | None = None,
) -> int:
    import gc

    # The start allocates much and frees little: no collections until the window shows
    # (about 100 of them, 15 ms); ui/main.py turns them back on.
    gc.disable()
    from reader import codecache
    from reader.core import paths

    code_cache = codecache.install(paths.code_cache_file())  # before any dataclass is made
    directory = paths.data_dir(data_dir)
    from reader.ui import instance  # no Qt (but on Windows): a hand-over needs none

    request = instance.Request.from_launch(refresh=refresh, urls=urls)
    name = instance.socket_name(directory)
    try:
        if instance.send(name, request):  # a window runs on this data folder: it takes over
            return 0
    except TimeoutError as exc:
        sys.stderr.write(f"reader: {exc}\n")
        return 1
    if not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
        or sys.platform in ("win32", "darwin")
    ):
        sys.stderr.write(
            "reader: no display to open the window on; run a command instead (reader --help).\n"
        )
        return 1
    from reader.ui import preload

    preload.start()  # Qt's libraries load on the other core while the engine's Python runs
    from reader.core.errors import StorageError
    from reader.core.service import Service

    try:
        service = Service(directory)
    except StorageError as exc:
        sys.stderr.write(f"reader: {exc}\n")
        return 1
    _import_qt()
    from reader.ui.main import run

    return run(service, instance=name, request=request, lang=lang, on_shown=(code_cache.save,))
