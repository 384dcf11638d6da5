"""Qt's enums made by Python's quicker enum builder: ~20 ms of the window's start.

PySide makes every Qt enum a Python enum the first time its class is used: 234 of them
(3,700 members) before the window's first paint, through `Enum("Name", [(name, value), ...])`,
Python's functional API. That runs the checks written for enums defined in Python source,
member by member: ~40 ms here. The standard library builds its own enums (`re`, `ast`) with
`enum._simple_enum`, which makes the same class without them in about half the time, and
ships `enum._test_simple_enum` to prove two such classes the same; the tests run it over
every enum of QtCore, QtGui and QtWidgets.

`install()` routes the functional API's calls of exactly that shape (a plain Enum, IntEnum,
Flag or IntFlag from a list of (name, int) pairs, as PySide makes them) through
`_simple_enum`; anything else takes Python's own path. No Qt imports.
"""

from __future__ import annotations

import builtins
import enum
import sys
from typing import Any

_BASES = (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)
_ORIGINAL = enum.EnumType.__dict__["_create_"]


def _pairs(names: Any) -> bool:
    return isinstance(names, list) and all(
        type(item) is tuple and len(item) == 2 and type(item[0]) is str and type(item[1]) is int
        for item in names
    )


def _create(
    cls: Any,
    class_name: str,
    names: Any = None,
    *,
    module: str | None = None,
    qualname: str | None = None,
    type: Any = None,  # the functional API's own keyword
    start: int = 1,
    boundary: Any = None,
) -> Any:
    """EnumType._create_, the same class made by `_simple_enum` when the call allows it."""
    if module is None:
        try:  # the functional API's own guess: the module calling Enum(...)
            module = sys._getframe(2).f_globals["__name__"]
        except (AttributeError, ValueError, KeyError):
            pass
    body = dict(names) if _pairs(names) else {}
    if (
        cls not in _BASES
        or type is not None
        or qualname is not None
        or module is None
        or not body
        or len(body) != len(names)  # a repeated name: let Python say so
    ):
        return _ORIGINAL(
            cls,
            class_name,
            names,
            module=module,
            qualname=qualname,
            type=type,
            start=start,
            boundary=boundary,
        )
    body["__module__"] = module
    plain = builtins.type(class_name, (), body)
    return enum._simple_enum(cls, boundary=boundary)(plain)


def available() -> bool:
    return hasattr(enum, "_simple_enum") and callable(_ORIGINAL)


def install() -> bool:
    """Make enums the quicker way from now on; True when it did (False: this Python lacks
    `_simple_enum`)."""
    if not available():
        return False
    enum.EnumType._create_ = _create
    return True


def uninstall() -> None:
    enum.EnumType._create_ = _ORIGINAL
