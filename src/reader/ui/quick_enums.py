"""Qt's enums made the quick way: ~25 ms of the window's start.

PySide makes every Qt enum a Python enum the first time its class is used: 234 of them
(3,700 members) before the window's first paint, through `Enum("Name", [(name, value), ...])`,
Python's functional API. That runs the checks written for enums defined in Python source,
member by member: ~40 ms here. The standard library builds its own enums (`re`, `ast`) with
`enum._simple_enum`, which makes the same class without those checks, and ships
`enum._test_simple_enum` to prove two such classes the same.

`install()` routes the functional API's calls of exactly PySide's shape (a plain Enum,
IntEnum, Flag or IntFlag from a list of (name, int) pairs, FlagBoundary.KEEP) through
`_simple_enum`, which makes the class; on Python 3.11 the members are then added in one pass
(`_add_members`, the rules of 3.11's enum.py applied to int values), which halves the time
again. Anything else takes Python's own path. The tests build every enum of QtCore, QtGui and
QtWidgets both ways and compare them with `_test_simple_enum` and by use (that comparison also
passed on Python 3.12.1 and 3.13.0, for both paths, with the same PySide). No Qt imports.
"""

from __future__ import annotations

import builtins
import enum
import functools
import sys
import types
from typing import Any

_BASES = (enum.Enum, enum.IntEnum, enum.Flag, enum.IntFlag)
_ORIGINAL = enum.EnumType.__dict__["_create_"]
# The member layout _add_members writes is 3.11's; other versions make the members with
# _simple_enum itself.
BULK_MEMBERS = sys.version_info[:2] == (3, 11)


def _pairs(names: Any) -> bool:
    return isinstance(names, list) and all(
        type(item) is tuple and len(item) == 2 and type(item[0]) is str and type(item[1]) is int
        for item in names
    )


def _redirected(base: type) -> frozenset[str]:
    """Names a base class holds descriptors for: a member of that name needs a redirect
    (e.g. a member called `name` or `value`), which Python's own path sets up."""
    return frozenset(
        name
        for klass in base.__mro__
        for name, attr in vars(klass).items()
        if isinstance(attr, (property, types.DynamicClassAttribute))
        or all(hasattr(attr, a) for a in ("fget", "fset", "fdel"))
    )


_REDIRECTED = {base: _redirected(base) for base in _BASES}


@functools.cache
def _python_doc(base: type) -> str | None:
    """The `__doc__` Python's own path gives an enum of this base (None on 3.11), which
    `_simple_enum` would set to its own text."""
    return _ORIGINAL(base, "Probe", [("A", 1)], module=__name__, boundary=enum.KEEP).__doc__


def _single_bit(value: int) -> bool:
    return value > 0 and value & (value - 1) == 0


def _add_members(enum_class: Any, pairs: list[tuple[str, int]]) -> None:
    """Make the members of a class `_simple_enum` made without any, as 3.11's EnumType does:
    in order, an alias for a value seen before, a Flag's multi-bit value a member outside
    `_member_names_`."""
    flag = issubclass(enum_class, enum.Flag)
    new_member, use_args = enum_class._new_member_, enum_class._use_args_
    names, by_name, by_value = (
        enum_class._member_names_,
        enum_class._member_map_,
        enum_class._value2member_map_,
    )
    mask = singles = 0
    for name, value in pairs:
        member = by_value.get(value)
        if member is None:
            member = new_member(enum_class, value) if use_args else new_member(enum_class)
            member.__dict__.update(
                _value_=value, _name_=name, __objclass__=enum_class, _sort_order_=len(names)
            )
            by_value[value] = member
            if not flag or _single_bit(value):
                names.append(name)
        if flag:
            mask |= value
            if _single_bit(value):
                singles |= value
        by_name[name] = member
        type.__setattr__(enum_class, name, member)
    if flag:
        enum_class._flag_mask_ = mask
        enum_class._singles_mask_ = singles
        enum_class._all_bits_ = 2 ** mask.bit_length() - 1
        values = [member._value_ for member in enum_class]
        if values != sorted(values):
            enum_class._iter_member_ = enum_class._iter_member_by_def_


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
    """EnumType._create_, the same class made the quick way when the call allows it."""
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
        or boundary is not enum.KEEP
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
    if BULK_MEMBERS and _REDIRECTED[cls].isdisjoint(body):
        plain = builtins.type(class_name, (), {"__module__": module})
        enum_class = enum._simple_enum(cls, boundary=boundary)(plain)
        _add_members(enum_class, names)
    else:
        body["__module__"] = module
        plain = builtins.type(class_name, (), body)
        enum_class = enum._simple_enum(cls, boundary=boundary)(plain)
    enum_class.__doc__ = _python_doc(cls)
    return enum_class


def available() -> bool:
    return hasattr(enum, "_simple_enum") and callable(_ORIGINAL)


def install() -> bool:
    """Make enums the quick way from now on; True when it did (False: this Python lacks
    `_simple_enum`)."""
    if not available():
        return False
    enum.EnumType._create_ = _create
    return True


def uninstall() -> None:
    enum.EnumType._create_ = _ORIGINAL
