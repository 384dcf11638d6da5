"""The window's preferences, stored with the engine's settings (so the CLI and the window
share them). The dialog that edits them is dialogs/preferences.py, loaded when it opens."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.core.service import Service


@dataclass(frozen=True, slots=True)
class Preferences:
    mark_read_on_open: bool = True
    refresh_minutes: int = 30  # 0: only by hand
    refresh_on_start: bool = False
    tray_icon: bool = True
    notify_new: bool = True
    retention_days: int = 90
    download_images: bool = True  # at refresh; a new favorite's images are always fetched
    image_cache_mb: int = 1024  # the engine evicts the least recently used beyond this
    pane_font_size: int = 0  # points; 0 follows the system font (a little larger)

    @classmethod
    def load(cls, service: Service) -> Preferences:
        values = {}
        for item in dataclasses.fields(cls):
            raw = service.setting(item.name)
            if raw is None:
                continue
            try:
                values[item.name] = (raw == "1") if item.type == "bool" else int(raw)
            except ValueError:
                continue
        return cls(**values)  # type: ignore[arg-type]

    def as_settings(self) -> dict[str, str]:
        return {
            name: ("1" if value else "0") if isinstance(value, bool) else str(value)
            for name, value in dataclasses.asdict(self).items()
        }


def save_preferences(service: Service, prefs: Preferences) -> None:
    """Write every preference (worker thread: the database may be busy with a refresh)."""
    for name, value in prefs.as_settings().items():
        service.set_setting(name, value)
