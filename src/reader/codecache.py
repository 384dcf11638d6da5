"""Dataclasses' generated methods compiled once and kept, like a module's bytecode (~10 ms of
the window's start).

`@dataclass` writes each class's `__init__`, `__repr__`, `__eq__`, `__setattr__` ... as source
text and compiles it at every import: 19 classes before the window's first paint, ~80 small
compiles, ~10 ms here. `install(path)` has the dataclasses module run its generated source
through a `CodeCache`, which keeps the compiled code in a file keyed by that exact text and the
interpreter's bytecode version, and reuses it. A missing, stale or damaged file only means
compiling as before; `save()` writes it anew when something was compiled (atomically: two
windows starting at once cannot leave half a file). No Qt imports.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import marshal
from pathlib import Path
from types import CodeType
from typing import Any

from reader.core import paths

# The file's header: how this module compiles (bump it when that changes, so older files are
# not used) and the interpreter's bytecode format.
_MAGIC = b"reader-codecache 2 " + importlib.util.MAGIC_NUMBER


class CodeCache:
    """Compiled code by source text, loaded from and saved to one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.codes: dict[str, CodeType] = {}
        self.used: dict[str, CodeType] = {}  # what this process ran: what `save` keeps
        self.compiled = 0  # sources compiled (not found in the file) since loading
        try:
            data = path.read_bytes()
            if data.startswith(_MAGIC):
                codes = marshal.loads(data[len(_MAGIC) :])
                if isinstance(codes, dict):
                    self.codes = codes
        except (OSError, ValueError, EOFError, TypeError):
            pass  # no file, or not one of ours: compile as if there were none

    def exec(self, source: Any, globals: Any = None, locals: Any = None) -> None:
        """`exec` for the dataclasses module: its source compiled once."""
        if not isinstance(source, str):
            return exec(source, globals, locals)
        code = self.codes.get(source)
        if not isinstance(code, CodeType):
            # dont_inherit: compiled as exec() compiles it in dataclasses.py, without this
            # module's `from __future__ import annotations` (which would leave the generated
            # __init__'s annotations as strings)
            code = compile(source, "<string>", "exec", dont_inherit=True)
            self.codes[source] = code
            self.compiled += 1
        self.used[source] = code
        return exec(code, globals, locals)

    def save(self) -> None:
        """Write what this process ran so far when some of it was compiled (so entries of
        code that changed since go); a folder that cannot be written only costs the next
        start the compiles."""
        if not self.compiled:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            paths.write_atomically(self.path, _MAGIC + marshal.dumps(self.used))
            self.compiled = 0
        except (OSError, ValueError):
            pass


def install(path: Path) -> CodeCache:
    """Route the dataclasses module's compiles through a cache kept at `path`."""
    cache = CodeCache(path)
    dataclasses.exec = cache.exec  # type: ignore[attr-defined]  # shadows the builtin there
    return cache


def uninstall() -> None:
    vars(dataclasses).pop("exec", None)
