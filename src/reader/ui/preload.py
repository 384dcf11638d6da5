"""Load Qt's shared libraries on the second core while the first runs the engine's Python.

Before the window can show, the dynamic linker maps and relocates PySide's and Qt's libraries
(~15 ms), and fontconfig reads its configuration (~4 ms here, more with many fonts). Python's
import of an extension module does this holding the interpreter lock, so nothing else runs
meanwhile. `start()` asks for the same libraries from a thread through libc's `dlopen` (a
ctypes call, made without the lock) while the main thread imports the engine and opens the
database; PySide's import then finds them loaded. Linux with a display only; any failure
leaves the work to the import, as without it. The thread is not a daemon, so the process
never exits with a library half loaded.
"""

from __future__ import annotations

import ctypes
import importlib
import os
import sys
import threading
from pathlib import Path

_MODULES = ("QtCore", "QtGui", "QtWidgets")  # their dependencies (Qt, ICU ...) come along
# Plugins the window's start loads besides the platform's (Qt opens plugins RTLD_LAZY).
_PLUGINS = (
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "iconengines/libqsvgicon.so",
)
# The C extensions the main thread imports meanwhile (the engine's, zipfile's for shiboken):
# imported before the thread starts, so the main thread never waits for the dynamic linker's
# lock while the thread holds it (A/B: ~6 ms of the start).
_FIRST = ("_datetime", "_sqlite3", "unicodedata", "binascii")


def _libraries() -> list[tuple[str, int]]:
    """(path, dlopen flags) of what the window's start loads, in the order it loads them."""
    from importlib.util import find_spec

    spec = find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    package = Path(next(iter(spec.submodule_search_locations)))
    found = []
    for name in _MODULES:
        found += [(str(p), sys.getdlopenflags()) for p in package.glob(f"{name}.*.so")]
    wayland = os.environ.get("WAYLAND_DISPLAY")
    platform = os.environ.get("QT_QPA_PLATFORM") or ("wayland" if wayland else "xcb")
    plugins = package / "Qt" / "plugins"
    for name in (f"platforms/libq{platform.partition(':')[0]}.so", *_PLUGINS):
        if (plugins / name).is_file():
            found.append((str(plugins / name), os.RTLD_LAZY))
    return found


def _load(libraries: list[tuple[str, int]]) -> None:
    try:
        dlopen = ctypes.CDLL(None).dlopen
        dlopen.restype, dlopen.argtypes = ctypes.c_void_p, (ctypes.c_char_p, ctypes.c_int)
        for path, flags in libraries:
            dlopen(path.encode(), flags)  # kept open: the import's own dlopen gets this handle
        ctypes.CDLL("libfontconfig.so.1").FcInit()
    except (OSError, AttributeError):
        pass


def start() -> threading.Thread | None:
    """Start loading in a thread; None where there is nothing to do."""
    if not sys.platform.startswith("linux") or not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        return None
    libraries = _libraries()
    if not libraries:
        return None
    for name in _FIRST:
        try:
            importlib.import_module(name)
        except ImportError:  # another Python's build: its own import finds what it needs
            pass
    thread = threading.Thread(target=_load, args=(libraries,), name="preload")
    thread.start()
    return thread
