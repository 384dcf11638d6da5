"""Where Reader keeps its files: platformdirs locations, or --data-dir / READER_DATA_DIR."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

import platformdirs

APP_NAME = "reader-desktop"
DB_NAME = "reader.sqlite3"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: the override, else READER_DATA_DIR, else the platform's user data dir."""
    chosen = override or os.environ.get("READER_DATA_DIR")
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def code_cache_file() -> Path:
    """The dataclasses' compiled code (codecache.py): the platform's cache folder, never the
    data folder, which may be shared, since the file holds code that runs."""
    cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    return cache / f"dataclasses.{sys.implementation.cache_tag}.bin"


def write_atomically(target: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `target`, then rename it over `target`: a
    reader (or a crash) never sees half a file, and concurrent writers never share the
    temporary. Raises OSError, leaving no temporary behind."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, target)
    finally:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:  # e.g. its folder is a file: nothing was written there
            pass


def database_path(directory: Path) -> Path:
    return directory / DB_NAME


def cache_dir(directory: Path) -> Path:
    """Image and page cache, kept inside the data dir so one folder holds a user's whole archive."""
    return directory / "cache"
