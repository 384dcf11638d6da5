"""Where Reader keeps its files: platformdirs locations, or --data-dir / READER_DATA_DIR."""

from __future__ import annotations

import os
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


def database_path(directory: Path) -> Path:
    return directory / DB_NAME


def cache_dir(directory: Path) -> Path:
    """Image and page cache, kept inside the data dir so one folder holds a user's whole archive."""
    return directory / "cache"
