"""Preferences: every setting is in the dialog, applied at once, stored in the data folder and
read back by the next window (a restart)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reader.core.service import Service
from reader.ui.dialogs.preferences import Preferences, PreferencesDialog
from reader.ui.mainwindow import MainWindow


def _open_preferences(qtbot, window: MainWindow) -> PreferencesDialog:  # type: ignore[no-untyped-def]
    window.act.preferences.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PreferencesDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PreferencesDialog)
    return dialog


def test_preferences_apply_at_once_and_survive_a_restart(qtbot, window, service):
    default_size = window.pane.font_size()
    dialog = _open_preferences(qtbot, window)
    dialog.minutes.setValue(45)
    dialog.retention.setValue(30)
    dialog.cache_mb.setValue(512)
    dialog.font_size.setValue(default_size + 5)
    dialog.mark_read.setChecked(False)
    dialog.tray.setChecked(False)
    dialog.notify.setChecked(False)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    # Applied at once: the pane's text, the refresh timer, reading without marking.
    wanted = Preferences(
        mark_read_on_open=False,
        refresh_minutes=45,
        refresh_on_start=False,
        tray_icon=False,
        notify_new=False,
        retention_days=30,
        download_images=True,
        image_cache_mb=512,
        pane_font_size=default_size + 5,
    )
    assert window.prefs == wanted
    assert window.pane.font_size() == default_size + 5
    assert window._auto_refresh.isActive() and window._auto_refresh.interval() == 45 * 60_000
    assert not window.tray.visible

    # Stored in the data folder's database (the engine reads retention and cache from there).
    qtbot.waitUntil(lambda: service.setting("pane_font_size") == str(default_size + 5))
    assert service.setting("retention_days") == "30"
    assert service.setting("image_cache_mb") == "512"
    window.shutdown()

    # A restart: a new engine and window over the same folder.
    again = Service(service.data_dir)
    try:
        second = MainWindow(again)
        qtbot.addWidget(second)
        assert second.prefs == wanted
        assert second.pane.font_size() == default_size + 5
        assert second._auto_refresh.interval() == 45 * 60_000
        shown = _open_preferences(qtbot, second)
        assert shown.preferences() == wanted
        assert shown.font_size.value() == default_size + 5
        shown.reject()
        second.shutdown()
    finally:
        again.close()


def test_the_system_text_size_is_the_default(qtbot, window):
    dialog = _open_preferences(qtbot, window)
    assert dialog.font_size.text() == "System size"
    assert dialog.preferences().pane_font_size == 0
    dialog.reject()
