"""Composition root: the command line when a command is given, otherwise the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from reader import cli

    parser = cli.build_parser()
    known, _rest = parser.parse_known_args(args)
    if known.command is not None or any(a in ("-h", "--help", "--version") for a in args):
        return cli.run(args)
    return run_window(known.data_dir)


def run_window(data_dir: str | None) -> int:
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
