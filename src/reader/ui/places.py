"""Where the window keeps its files besides the data folder: the platform's config and log
folders (platformdirs), or inside the data folder when that one was chosen by hand
(--data-dir, READER_DATA_DIR), so a test or a portable folder keeps everything together.

The image cache stays inside the data folder (core/paths.py): it holds the favorites' images,
which a cache cleaner must not take away.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from reader.core import paths

LOG_NAME = "reader.log"
SETTINGS_NAME = "window.ini"


def chosen_by_hand(data_dir: Path) -> bool:
    if os.environ.get("READER_DATA_DIR"):
        return True
    return data_dir.resolve() != paths.data_dir(None).resolve()


def log_dir(data_dir: Path) -> Path:
    if chosen_by_hand(data_dir):
        return data_dir / "logs"
    return Path(platformdirs.user_log_dir(paths.APP_NAME, appauthor=False))


def config_dir(data_dir: Path) -> Path:
    if chosen_by_hand(data_dir):
        return data_dir
    return Path(platformdirs.user_config_dir(paths.APP_NAME, appauthor=False))


def settings_file(data_dir: Path) -> Path:
    """The window's settings (size, splitters); moved from the data folder where earlier
    versions kept it."""
    path = config_dir(data_dir) / SETTINGS_NAME
    old = data_dir / SETTINGS_NAME
    if path != old and not path.exists() and old.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(old, path)
    return path


@dataclass(frozen=True, slots=True)
class Places:
    data: Path
    cache: Path
    config: Path  # the window's settings file (preferences are in the database)
    log: Path

    @classmethod
    def of(cls, data_dir: Path) -> Places:
        return cls(
            data=data_dir,
            cache=paths.cache_dir(data_dir),
            config=config_dir(data_dir) / SETTINGS_NAME,
            log=log_dir(data_dir) / LOG_NAME,
        )
