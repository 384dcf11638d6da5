"""Accessibility: every control has a name a screen reader can say, and the whole flow works
from the keyboard alone (no mouse event in these tests)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from reader.core.types import Query
from reader.ui import actions
from reader.ui.dialogs.about import AboutDialog, Places
from reader.ui.dialogs.account_dialogs import AccountsDialog, AddAccountDialog
from reader.ui.dialogs.addfeed import AddFeedDialog
from reader.ui.dialogs.feeds import FeedPropertiesDialog
from reader.ui.dialogs.preferences import PreferencesDialog, ShortcutsDialog
from reader.ui.mainwindow import MainWindow

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QAbstractSlider,
    QComboBox,
    QLineEdit,
    QTextEdit,
)


def _internal(widget: QWidget) -> bool:
    """Parts of a composite control that Qt names through their owner (a spin box's editor,
    a scroll area's bars, a line edit's clear button)."""
    parent = widget.parentWidget()
    if isinstance(widget, QScrollBar):
        return True
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QLineEdit)):
            return True
        if isinstance(widget, QAbstractSlider) and isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(top: QWidget) -> list[str]:
    """Interactive controls shown under `top` whose accessible name is empty."""
    found = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not isinstance(widget, CONTROLS) or _internal(widget) or not widget.isVisibleTo(top):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(
            widget, QAbstractButton
        ):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name).strip() if interface else ""
        if not name:
            found.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return found


def test_every_control_of_the_window_and_its_dialogs_has_a_name(qtbot, window, service):
    assert unnamed(window) == []
    feed = service.feeds()[0]
    dialogs = [
        PreferencesDialog(window.prefs, service, window.runner, window),
        ShortcutsDialog(actions._keyed(window.act), window),
        AddFeedDialog(service, window.runner, ["News"], window),
        FeedPropertiesDialog(service, window.runner, feed, ["News"], window),
        AboutDialog(Places.of(service.data_dir), window),
        AddAccountDialog(service, window.runner, window),
        AccountsDialog(service, window.runner, window.syncer, window),
    ]
    for dialog in dialogs:
        dialog.show()
        assert unnamed(dialog) == [], type(dialog).__name__
        dialog.close()
    # The welcome page's buttons (shown before any feed exists) too.
    window.stack.setCurrentWidget(window.welcome)
    assert unnamed(window) == []


def _press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def test_select_a_category_pick_an_article_and_star_it_with_the_keyboard_only(
    qtbot, window: MainWindow, service
):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.table.setFocus()
    qtbot.waitUntil(lambda: window.table.hasFocus())

    # Alt+1: the sidebar; Tab: the category filter. Typing narrows the categories and Enter
    # shows the first one left.
    _press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.sidebar.feeds_view.hasFocus()
    _press(qtbot, Qt.Key.Key_Tab)
    assert window.sidebar.filter.hasFocus()
    qtbot.keyClicks(window.sidebar.filter, "syr")
    _press(qtbot, Qt.Key.Key_Return)
    assert window.current_key == ("category", "Syria")
    qtbot.waitUntil(lambda: window.articles.ids == service.article_ids(Query(category="Syria")))
    assert window.sidebar.categories_view.hasFocus()

    # Back to the filter (Shift+Tab), empty it, then arrow down the categories to "سوريا",
    # and back to "Syria".
    _press(qtbot, Qt.Key.Key_Backtab)
    assert window.sidebar.filter.hasFocus()
    _press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _press(qtbot, Qt.Key.Key_Backspace)
    assert window.sidebar.filter.text() == ""
    _press(qtbot, Qt.Key.Key_Tab)
    assert window.sidebar.categories_view.hasFocus()
    for name, key in (("سوريا", Qt.Key.Key_Down), ("Syria", Qt.Key.Key_Up)):
        for _ in range(10):
            _press(qtbot, key)
            if window.current_key == ("category", name):
                break
        assert window.current_key == ("category", name)
    wanted = service.article_ids(Query(category="Syria"))
    qtbot.waitUntil(lambda: window.articles.ids == wanted)

    # Tab: the search box, then the list, where the first article is shown; J and K move.
    _press(qtbot, Qt.Key.Key_Tab)
    assert window.list_panel.search.hasFocus()
    _press(qtbot, Qt.Key.Key_Tab)
    assert window.table.hasFocus()
    qtbot.waitUntil(lambda: window.pane.article_id == wanted[0])
    _press(qtbot, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: window.pane.article_id == wanted[1])
    _press(qtbot, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: window.pane.article_id == wanted[0])

    # S stars it; the favorite is stored.
    _press(qtbot, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: service.counts()["starred"] == 1)
    assert service.article(wanted[0]).starred
    qtbot.waitUntil(lambda: "In favorites" in window.pane.toPlainText())

    # Tab reaches the reading pane; Alt+2 comes back to the list.
    _press(qtbot, Qt.Key.Key_Tab)
    assert window.pane.hasFocus()
    # The focus is visible: the pane's frame turns to the highlight colour, and back.
    frame = QPalette.ColorRole.WindowText
    highlight = window.pane.palette().color(QPalette.ColorRole.Highlight)
    assert window.pane.palette().color(frame) == highlight
    _press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.table.hasFocus()
    assert window.pane.palette().color(frame) != highlight


def test_the_reading_pane_text_grows_with_ctrl_plus_and_is_kept(qtbot, window, service):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.table.setFocus()
    before = window.pane.font_size()
    _press(qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    _press(qtbot, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.font_size() == before + 2
    qtbot.waitUntil(lambda: service.setting("pane_font_size") == str(before + 2))
    _press(qtbot, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.font_size() == before + 1
    _press(qtbot, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.pane.font_size() == before
    qtbot.waitUntil(lambda: service.setting("pane_font_size") == "0")
