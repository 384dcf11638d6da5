"""The desktop files: shipped as package data, installed under $XDG_DATA_HOME, and valid to the
freedesktop tools (desktop-file-validate, appstreamcli: Debian packages desktop-file-utils and
appstream, installed by `make system-deps`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader import desktop


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not found: install the Debian package {package} (make system-deps)")
    return path


def _validate_desktop(path: Path) -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower(), done.stdout


def _validate_metainfo(path: Path) -> None:
    tool = _tool("appstreamcli", "appstream")
    done = subprocess.run(
        [tool, "validate", "--no-net", "--no-color", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _entry(path: Path, group: str = "Desktop Entry") -> dict[str, str]:
    fields: dict[str, str] = {}
    current = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif "=" in line and current == group:
            key, value = line.split("=", 1)
            fields[key] = value
    return fields


def test_resources_ship_with_the_package() -> None:
    svg = ET.fromstring(desktop.resource("icons", "reader.svg"))
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    meta = ET.fromstring(desktop.resource("desktop", desktop.METAINFO_FILE))
    assert meta.findtext("id") == desktop.APP_ID
    assert meta.findtext("launchable") == desktop.DESKTOP_FILE
    assert [r.get("version") for r in meta.iter("release")] == ["0.1.0"]


def test_install_puts_three_files_in_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    lines: list[str] = []
    written = desktop.install(command=["/opt/reader/bin/reader"], report=lines.append)

    entry = tmp_path / "applications" / "io.github.reader_desktop.Reader.desktop"
    icon = tmp_path / "icons/hicolor/scalable/apps/io.github.reader_desktop.Reader.svg"
    meta = tmp_path / "metainfo" / "io.github.reader_desktop.Reader.metainfo.xml"
    assert written == [entry, icon, meta]
    assert all(p.is_file() for p in written)
    assert lines == [f"wrote {entry}", f"wrote {icon}", f"wrote {meta}"]
    fields = _entry(entry)
    assert fields["Exec"] == "/opt/reader/bin/reader %U"
    assert fields["TryExec"] == "/opt/reader/bin/reader"
    assert fields["Icon"] == desktop.APP_ID == icon.stem
    assert fields["StartupWMClass"] == "Reader"  # Qt's X11 WM_CLASS class: the application name
    action = _entry(entry, "Desktop Action refresh")
    assert action["Exec"] == "/opt/reader/bin/reader --refresh"
    assert icon.read_bytes() == desktop.resource("icons", "reader.svg")
    assert not list(tmp_path.rglob("*.tmp"))


def test_installed_files_validate(tmp_path: Path) -> None:
    where = desktop.places(tmp_path)
    desktop.install(home=tmp_path, command=["/opt/my apps/reader"], report=lambda _line: None)
    assert _entry(where.desktop)["Exec"] == '"/opt/my apps/reader" %U'
    action = _entry(where.desktop, "Desktop Action refresh")
    assert action["Exec"] == '"/opt/my apps/reader" --refresh'
    _validate_desktop(where.desktop)
    _validate_metainfo(where.metainfo)


def test_uninstall_removes_them(tmp_path: Path) -> None:
    desktop.install(home=tmp_path, command=["/usr/bin/reader"], report=lambda _line: None)
    (tmp_path / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    lines: list[str] = []
    removed = desktop.uninstall(home=tmp_path, report=lines.append)
    assert removed == list(desktop.places(tmp_path).all())
    assert not any(p.exists() for p in removed)
    assert (tmp_path / "applications" / "other.desktop").exists()
    assert len(lines) == 3
    assert desktop.uninstall(home=tmp_path, report=lines.append) == []


def test_relative_xdg_data_home_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert desktop.data_home() == Path.home() / ".local" / "share"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert desktop.data_home() == Path.home() / ".local" / "share"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["/usr/bin/reader"], "/usr/bin/reader %U"),
        (["/home/a b/reader"], '"/home/a b/reader" %U'),
        (["/x/$HOME/reader"], '"/x/\\\\$HOME/reader" %U'),
        (["/x/100%/reader"], "/x/100%%/reader %U"),
        (["/usr/bin/python3", "-m", "reader"], "/usr/bin/python3 -m reader %U"),
    ],
)
def test_exec_line_quoting(command: list[str], expected: str) -> None:
    assert desktop.exec_line(command) == expected


def test_cli_install_desktop(tmp_path: Path) -> None:
    """`reader install-desktop` as a user runs it: Exec is this install's absolute `reader`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("READER_", "QT_"))}
    env["XDG_DATA_HOME"] = str(tmp_path / "share")
    command = [sys.executable, "-m", "reader", "install-desktop"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    where = desktop.places(tmp_path / "share")
    assert done.stdout.splitlines() == [f"wrote {p}" for p in where.all()]
    program = _entry(where.desktop)["Exec"].removesuffix(" %U").split(" ")[0]
    assert os.path.isabs(program) and os.access(program, os.X_OK), program
    _validate_desktop(where.desktop)

    done = subprocess.run(
        [*command, "--uninstall"], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert not any(p.exists() for p in where.all())
