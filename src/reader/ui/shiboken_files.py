"""Three costs shiboken6 (PySide's runtime) adds to every start, and how the window avoids them.

Its support code (~20 ms): shiboken6 carries its support modules as a zip inside its library
and compiles them from source at every import, unless a `files.dir` folder beside it holds
them as plain files, which Python then caches like any module. Its documented switch SBK_EMBED=0
writes that folder during the import. `prepare()` sets the switch when the folder is missing
or was written for another shiboken6 build (a stamp file records which), only where the
folder can be written, and never when the user set SBK_EMBED. Must run before PySide6 is
imported; imports nothing heavy itself.

Its import hook (~11 ms of the start, and some at every later import): see
`drop_feature_hook`.

Its signature patterns (~15 ms): see `deferred_patterns`.
"""

from __future__ import annotations

import builtins
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.util import find_spec
from pathlib import Path
from typing import Any

FOLDER = "files.dir"
STAMP = "reader-stamp"
_SWITCH = "SBK_EMBED"


def _package_dir() -> Path | None:
    spec = find_spec("shiboken6")
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent


def _build_id(package: Path) -> str:
    """Which shiboken6 this is: its version line and the time its files were installed."""
    init = package / "__init__.py"
    with init.open("rb") as f:
        head = f.read(80).split(b"\n", 1)[0].decode("ascii", "replace")
    return f"{head} {init.stat().st_mtime_ns}"


class Unpacking:
    """An unpacking under way: its folder, and a lock on shiboken6's folder that makes any
    other window starting meanwhile wait instead of reading (or removing) half its files."""

    __slots__ = ("_lock", "folder")

    def __init__(self, folder: Path, lock: int) -> None:
        self.folder, self._lock = folder, lock

    def release(self) -> None:
        os.close(self._lock)  # closing the descriptor drops its lock


def _stamped(folder: Path, build: str) -> bool:
    try:
        return (folder / STAMP).read_text(encoding="utf-8") == build
    except OSError:
        return False


def prepare(package: Path | None = None) -> Unpacking | None:
    """Ask shiboken6 to unpack its support files when needed; returns the unpacking to pass
    to `finish` after the import, or None when nothing was asked.

    `package` is shiboken6's folder (found on sys.path when None)."""
    if _SWITCH in os.environ or sys.platform == "win32":
        return None
    try:
        package = package or _package_dir()
        if package is None or not os.access(package, os.W_OK):
            return None
        folder = package / FOLDER
        build = _build_id(package)
        if _stamped(folder, build):
            return None
        import fcntl

        lock = os.open(package, os.O_RDONLY)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another start may be unpacking: wait for it
            if _stamped(folder, build):
                os.close(lock)
                return None
            shutil.rmtree(folder, ignore_errors=True)  # a stale or half-written folder
        except OSError:
            os.close(lock)
            raise
    except (OSError, ValueError, ImportError):
        return None
    os.environ[_SWITCH] = "0"
    return Unpacking(folder, lock)


def finish(unpacking: Unpacking | None, *, imported: bool) -> None:
    """Stamp the folder after a good import, remove it after a failed one; unlock."""
    if unpacking is None:
        return
    os.environ.pop(_SWITCH, None)
    folder = unpacking.folder
    try:
        if imported and (folder / "shibokensupport").is_dir():
            (folder / STAMP).write_text(_build_id(folder.parent), encoding="utf-8")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
    finally:
        unpacking.release()


def drop_feature_hook() -> bool:
    """Give Python its own `__import__` back once PySide6 is imported; True when it did.

    For its opt-in `from __feature__ import snake_case`, PySide replaces `builtins.__import__`
    and, after every later import, reads the new module's whole source file to see whether
    it mentions PySide6. Reader never opts in, so that is wasted: ~11 ms of the window's start
    (35 of Reader's modules come after PySide), and the sources kept in memory. PySide keeps
    the original beside its own as `__orig_import__`; a module that was never scanned counts
    as using no feature, which is what Reader's modules are.
    """
    original = getattr(builtins, "__orig_import__", None)
    hook = getattr(builtins, "__feature_import__", None)
    if original is None or hook is None or builtins.__import__ is not hook:
        return False
    builtins.__import__ = original
    return True


LONG_PATTERN = 1000  # characters; shiboken's brace patterns are ~6,000, Python's own < 500


class DeferredPattern:
    """A regular expression compiled when first used, standing in for `re.compile`'s result.

    Its methods (search, finditer, split ...) may be fetched before then: they compile on
    their first call."""

    __slots__ = ("_compile", "_compiled", "_flags", "_source")

    def __init__(self, source: str, flags: int, compile_now: Callable[..., re.Pattern]) -> None:
        self._source, self._flags, self._compile = source, flags, compile_now
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = self._compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # e.g. ABCMeta's probe of a class body for abstract methods
            raise AttributeError(name)
        if callable(getattr(re.Pattern, name, None)):

            def method(*args: Any, **kwargs: Any) -> Any:
                return getattr(self.compiled(), name)(*args, **kwargs)

            return method
        return getattr(self.compiled(), name)


@contextmanager
def deferred_patterns() -> Iterator[None]:
    """Within it, `re.compile` of a long pattern returns a `DeferredPattern`.

    At import, shiboken's signature support compiles three ~6 KB regular expressions (~15 ms
    of the window's start). It uses them only to read a Qt function's signature (inspect,
    the text of a wrong call's TypeError, .pyi generation), which the start never does.
    """
    original = re.compile

    def compile_later(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and len(pattern) >= LONG_PATTERN:
            return DeferredPattern(pattern, flags, original)
        return original(pattern, flags)

    re.compile = compile_later
    try:
        yield
    finally:
        re.compile = original
