"""The dataclasses' generated code is compiled once and reused by later starts (codecache.py);
a damaged cache file or a folder that cannot be written changes nothing a user sees."""

from __future__ import annotations

import dataclasses
import importlib.util
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest
from qt_child import run_python

from reader import codecache


@pytest.fixture
def uninstalled() -> Iterator[None]:
    yield
    codecache.uninstall()


def _make_point() -> type:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Point:
        x: int
        y: int = 0
        label: str = ""

    return Point


def _check(point_type: type) -> None:
    # The generated __init__ is the one dataclasses would make: its annotations are the types.
    assert typing.get_type_hints(point_type.__init__) == {
        "x": int,
        "y": int,
        "label": str,
        "return": type(None),
    }
    point = point_type(3, label="a")
    assert point == point_type(3, 0, "a") and point != point_type(4)
    assert repr(point).endswith("Point(x=3, y=0, label='a')")
    assert hash(point) == hash(point_type(3, 0, "a"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 5
    assert dataclasses.replace(point, y=7).y == 7


def test_a_second_start_compiles_nothing(tmp_path: Path, uninstalled: None) -> None:
    path = tmp_path / "cache" / "dataclasses.bin"
    first = codecache.install(path)
    _check(_make_point())
    assert first.compiled > 0
    first.save()
    assert path.is_file()

    second = codecache.install(path)  # what the next start loads
    _check(_make_point())
    assert second.compiled == 0
    assert second.used.keys() == first.used.keys()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not a cache",
        codecache._MAGIC + b"\x00garbage",
        codecache._MAGIC,
    ],
)
def test_a_damaged_file_only_means_compiling(
    tmp_path: Path, uninstalled: None, content: bytes
) -> None:
    path = tmp_path / "dataclasses.bin"
    path.write_bytes(content)
    cache = codecache.install(path)
    _check(_make_point())
    assert cache.compiled > 0
    cache.save()  # replaced by a good one
    assert codecache.CodeCache(path).codes.keys() == cache.used.keys()


def test_a_file_of_another_format_is_not_used(tmp_path: Path, uninstalled: None) -> None:
    path = tmp_path / "dataclasses.bin"
    first = codecache.install(path)
    _check(_make_point())
    first.save()
    good = path.read_bytes()[len(codecache._MAGIC) :]
    for header in (b"reader-codecache 1 " + importlib.util.MAGIC_NUMBER, b"other magic "):
        path.write_bytes(header + good)  # the same code under another format's header
        again = codecache.install(path)
        _check(_make_point())
        assert again.compiled > 0


def test_a_path_that_cannot_be_a_folder_is_no_error(tmp_path: Path, uninstalled: None) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = codecache.install(blocker / "dataclasses.bin")  # its folder would be a file
    _check(_make_point())
    cache.save()
    assert blocker.read_text() == "x"
    assert list(tmp_path.iterdir()) == [blocker]


_ENGINE_TYPES = r"""
import hashlib, sys
from pathlib import Path
from reader import codecache
cache = codecache.install(Path(CACHE)) if CACHE else None
from reader.core.types import Article, Feed, Query
from reader.ui import places, prefs
query = Query(search="syria", feed_id=3)
# What dataclasses made: every generated function's code and annotations, as one digest.
made = []
for cls in (Article, Feed, Query, prefs.Preferences, places.Places):
    for name, f in sorted(vars(cls).items()):
        code = getattr(f, "__code__", None)
        if code is not None and code.co_filename == "<string>":
            made.append((name, code.co_code, code.co_consts, code.co_names, code.co_flags,
                         code.co_varnames, repr(f.__annotations__)))
digest = hashlib.sha256(repr(made).encode()).hexdigest()[:16]
print(cache.compiled if cache else "-", len(cache.used) if cache else "-", len(made), digest,
      query == Query(search="syria", feed_id=3))
if cache:
    cache.save()
"""


def test_the_engine_types_come_from_the_cache_on_the_next_start(tmp_path: Path) -> None:
    def start(cache: Path | None) -> list[str]:
        return run_python(_ENGINE_TYPES.replace("CACHE", repr(str(cache) if cache else ""))).split()

    _, _, functions, plain, equal = start(None)  # dataclasses' own compiles
    assert int(functions) > 20 and equal == "True"
    compiled, used, *rest = start(tmp_path / "dataclasses.bin")
    assert int(compiled) == int(used) > 20  # the first start compiles all it uses
    assert rest == [functions, plain, "True"]  # the same functions
    assert start(tmp_path / "dataclasses.bin") == ["0", used, functions, plain, "True"]
