"""Qt's enums made the quicker way (ui/quick_enums) are the enums Python itself would make:
every enum of QtCore, QtGui and QtWidgets is built both ways and compared."""

from __future__ import annotations

import enum
from collections.abc import Iterator

import pytest
from qt_child import run_python

from reader.ui import quick_enums

_EVERY_QT_ENUM = r"""
import enum
from reader.ui import quick_enums

quick_enums.install()
python_own = quick_enums._ORIGINAL
counts = {"quick": 0, "python": 0}
differ = []

def counted(*args, **kwargs):
    counts["python"] += 1
    return python_own(*args, **kwargs)

quick_enums._ORIGINAL = counted

def shown(members):
    return [(m.name, m.value, repr(m), str(m), format(m)) for m in members]

def compare(ref, quick):
    enum._test_simple_enum(ref, quick)  # raises TypeError on any difference
    # what _test_simple_enum leaves out
    assert (ref.__doc__, ref.__module__, ref.__qualname__) == (
        quick.__doc__, quick.__module__, quick.__qualname__)
    assert dir(ref) == dir(quick)
    assert shown(ref) == shown(quick)
    assert ref.__members__.keys() == quick.__members__.keys()
    for name, member in ref.__members__.items():
        assert shown([quick(member.value)]) == shown([ref(member.value)]), name
    if issubclass(ref, enum.Flag) and len(ref) >= 2:
        a, b = list(ref)[:2]
        qa, qb = quick[a.name], quick[b.name]
        assert shown([qa | qb, ~qa, qa & qb]) == shown([a | b, ~a, a & b])
        assert shown([quick(ref._all_bits_)]) == shown([ref(ref._all_bits_)])

def checking(cls, class_name, names=None, **kwargs):
    counts["quick"] += 1
    quick = quick_enums._create(cls, class_name, names, **kwargs)
    ref = python_own(cls, class_name, names, **{**kwargs, "module": quick.__module__})
    try:
        compare(ref, quick)
    except (AssertionError, TypeError) as exc:
        differ.append(f"{class_name}: {exc}")
    return quick

enum.EnumType._create_ = checking
import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
for module in (PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets):
    for name in dir(module):
        getattr(module, name)  # PySide makes a class's enums when the class is first used
print(counts["quick"], counts["python"], len(differ))
print("\n".join(differ[:5]))
"""


def test_every_qt_enum_is_the_enum_python_would_make() -> None:
    counts, *detail = run_python(_EVERY_QT_ENUM).split("\n")
    made, by_python, differ = counts.split()
    assert int(differ) == 0, detail
    assert int(made) > 600  # QtCore, QtGui and QtWidgets have ~635 enums
    # Only the few enums without members (which the quick builder cannot make) take Python's
    # own path, so the quick path is the one the window uses.
    assert int(by_python) < 10


_QT_ENUMS_AT_WORK = r"""
import pickle
from reader.ui import quick_enums
quick_enums.install()
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy
app = QApplication([])
label = QLabel("x")
label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
print(label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
print(bool(label.alignment() & Qt.AlignmentFlag.AlignRight))
print(QSizePolicy.Policy(7) is QSizePolicy.Policy.Expanding)
print(pickle.loads(pickle.dumps(Qt.AlignmentFlag.AlignLeft)) is Qt.AlignmentFlag.AlignLeft)
print(repr(Qt.CheckState.Checked))
"""


def test_qt_enums_made_the_quick_way_work_in_qt() -> None:
    out = run_python(_QT_ENUMS_AT_WORK).split()
    assert out == ["True", "True", "True", "True", "<CheckState.Checked:", "2>"]


@pytest.fixture
def installed() -> Iterator[None]:
    # Put back what was there: tests/ui/conftest.py installs the quick path for the whole run.
    previous = enum.EnumType.__dict__["_create_"]
    assert quick_enums.install()
    try:
        yield
    finally:
        enum.EnumType._create_ = previous


_COLORS = [("RED", 1), ("GREEN", 2), ("YELLOW", 3), ("BLACK", 0), ("ROUGE", 1), ("BLUE", 4)]


@pytest.mark.parametrize("bulk", [True, False], ids=["3.11 members", "simple_enum members"])
def test_an_enum_of_pairs_is_made_quickly_and_is_the_same(
    installed: None, bulk: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(quick_enums, "BULK_MEMBERS", bulk and quick_enums.BULK_MEMBERS)
    Color = enum.Flag("Color", _COLORS, boundary=enum.KEEP)
    assert Color.RED | Color.GREEN is Color.YELLOW
    assert Color.ROUGE is Color.RED  # an alias
    assert [c.name for c in Color] == ["RED", "GREEN", "BLUE"]
    assert Color.__module__ == __name__  # the caller's module, as Python's own path says
    quick_enums.uninstall()
    enum._test_simple_enum(enum.Flag("Color", _COLORS, boundary=enum.KEEP), Color)


def test_other_calls_take_pythons_own_path(installed: None) -> None:
    assert [m.value for m in enum.Enum("Animal", "ANT BEE CAT")] == [1, 2, 3]
    assert enum.IntEnum("Inner", [("A", 1)], qualname="Outer.Inner").__qualname__ == "Outer.Inner"
    with pytest.raises(TypeError, match="already defined"):
        enum.Enum("Twice", [("A", 1), ("A", 2)])

    class Base(enum.Enum):
        def describe(self) -> str:
            return f"is {self.name}"

    assert Base("Sub", [("X", 1)]).X.describe() == "is X"
