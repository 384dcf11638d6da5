"""Menu integration: install the desktop entry, the icon and the AppStream metainfo for this user.

`reader install-desktop` copies the three files shipped as package data into the freedesktop
places under $XDG_DATA_HOME (default ~/.local/share), with the entry's Exec pointing at the
`reader` that runs now, so the menu starts the same install (a venv works without activation).
No Qt here: this runs from the command line, on machines without a display.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

APP_ID = "io.github.reader_desktop.Reader"
"""The reverse-DNS id: desktop file name, icon name, AppStream id and QGuiApplication's
desktopFileName (Wayland app_id; _GTK_APPLICATION_ID on X11) all use it."""

DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"
ICON_FILE = f"{APP_ID}.svg"

# Characters that force quoting inside an Exec value (Desktop Entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class Places:
    """Where each file goes under one XDG data home."""

    desktop: Path
    icon: Path
    metainfo: Path

    def all(self) -> tuple[Path, Path, Path]:
        return (self.desktop, self.icon, self.metainfo)


def data_home() -> Path:
    """$XDG_DATA_HOME when it is an absolute path (the spec says ignore a relative one), else
    ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def places(home: Path | None = None) -> Places:
    root = home or data_home()
    return Places(
        desktop=root / "applications" / DESKTOP_FILE,
        icon=root / "icons" / "hicolor" / "scalable" / "apps" / ICON_FILE,
        metainfo=root / "metainfo" / METAINFO_FILE,
    )


def resource(*parts: str) -> bytes:
    """A file shipped in reader/resources (works from a wheel, an sdist or an editable install)."""
    from importlib import resources  # not at import: the window's start needs only APP_ID

    node = resources.files("reader").joinpath("resources")
    for part in parts:
        node = node.joinpath(part)
    return node.read_bytes()


def reader_command() -> list[str]:
    """The command that starts this installation of Reader, as absolute paths.

    The `reader` script that runs now (sys.argv[0]) when it is one, else the script beside this
    interpreter (a venv's bin/), else `reader` on PATH, else `python -m reader`.
    """
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.name == "reader" and argv0.is_file():
        return [os.path.abspath(argv0)]
    beside = Path(sys.executable).parent / "reader"
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("reader")
    if found:
        return [os.path.abspath(found)]
    return [os.path.abspath(sys.executable), "-m", "reader"]


def _quote(arg: str) -> str:
    """One Exec argument: quoted when it holds a reserved character, `%` doubled."""
    arg = arg.replace("%", "%%")
    if not (set(arg) & _RESERVED):
        return arg
    inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{inner}"'


def exec_line(command: list[str], *, field_code: str = "%U") -> str:
    """The Exec value for `command`, escaped for a desktop file (quoting, then string escapes)."""
    value = " ".join([*(_quote(arg) for arg in command), *([field_code] if field_code else [])])
    return value.replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    """The shipped desktop entry with Exec and TryExec pointing at `command`.

    The main group's Exec takes URLs (%U); an action's keeps its own arguments (`--refresh`).
    """
    lines = []
    group = ""
    for line in resource("desktop", DESKTOP_FILE).decode("utf-8").splitlines():
        if line.startswith("["):
            group = line
        elif line.startswith("Exec=") and group == "[Desktop Entry]":
            line = "Exec=" + exec_line(command)
        elif line.startswith("Exec="):
            arguments = line.removeprefix("Exec=").split()[1:]
            line = "Exec=" + exec_line([*command, *arguments], field_code="")
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0].replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(
    *,
    home: Path | None = None,
    command: list[str] | None = None,
    report: Callable[[str], None] = print,
) -> list[Path]:
    """Write the desktop entry, icon and metainfo under `home`; returns the paths written.

    Raises:
        OSError: a folder cannot be created or a file written (the message names the path).
    """
    where = places(home)
    contents = {
        where.desktop: desktop_entry(command or reader_command()).encode("utf-8"),
        where.icon: resource("icons", "reader.svg"),
        where.metainfo: resource("desktop", METAINFO_FILE),
    }
    written = []
    for path, data in contents.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
        written.append(path)
        report(f"wrote {path}")
    _refresh_caches(where, report)
    return written


def uninstall(*, home: Path | None = None, report: Callable[[str], None] = print) -> list[Path]:
    """Remove what install() wrote; returns the paths removed (missing ones are skipped)."""
    where = places(home)
    removed = []
    for path in where.all():
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
        report(f"removed {path}")
    if not removed:
        report(f"nothing to remove under {where.desktop.parent.parent}")
    _refresh_caches(where, report)
    return removed


def _refresh_caches(where: Places, report: Callable[[str], None]) -> None:
    """Tell the desktop about the change where its cache tools exist (best effort, quiet)."""
    import subprocess

    theme = where.icon.parents[2]
    tools = [("update-desktop-database", "-q", str(where.desktop.parent))]
    if (theme / "icon-theme.cache").exists():  # a stale cache would hide the new icon
        tools.append(("gtk-update-icon-cache", "-q", "-t", str(theme)))
    for tool, *args in tools:
        if shutil.which(tool) is None or not Path(args[-1]).is_dir():
            continue
        try:
            subprocess.run([tool, *args], check=False, capture_output=True, timeout=30)
        except (OSError, subprocess.SubprocessError) as exc:
            report(f"{tool} failed: {exc}")
