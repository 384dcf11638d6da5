"""Composition root: the command line when a command is given, otherwise the window."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from reader import cli

    parser = cli.build_parser()
    known, rest = parser.parse_known_args(args)
    if known.command is not None or rest or any(a in ("-h", "--help", "--version") for a in args):
        return cli.run(args)
    return run_window(known.data_dir)


def run_window(data_dir: str | None) -> int:
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
    from reader.core import paths
    from reader.core.errors import StorageError
    from reader.core.service import Service

    try:
        service = Service(paths.data_dir(data_dir))
    except StorageError as exc:
        sys.stderr.write(f"reader: {exc}\n")
        return 1
    from reader.ui.main import run

    return run(service)
