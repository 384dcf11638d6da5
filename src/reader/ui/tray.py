"""The tray icon: unread count on the icon and in its tooltip, and a notification after a refresh
brings new articles. Both can be turned off in Preferences; absent where there is no tray."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from reader.ui import icons

if TYPE_CHECKING:
    from reader.ui.mainwindow import MainWindow
    from reader.ui.prefs import Preferences
    from reader.ui.refresh import RefreshSummary


class Tray(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self._icon: QSystemTrayIcon | None = None
        self._unread = 0

    @property
    def visible(self) -> bool:
        return self._icon is not None and self._icon.isVisible()

    def apply(self, prefs: Preferences) -> None:
        wanted = prefs.tray_icon and QSystemTrayIcon.isSystemTrayAvailable()
        if wanted and self._icon is None:
            icon = QSystemTrayIcon(icons.app_icon(), self)
            menu = QMenu(self.w)
            menu.addAction(self.tr("Show Reader"), self._show_window)
            menu.addAction(icons.refresh(), self.tr("Refresh all feeds"), self.w.refresh_all)
            menu.addSeparator()
            menu.addAction(icons.quit_app(), self.tr("Quit"), self.w.close)
            icon.setContextMenu(menu)
            icon.activated.connect(self._on_activated)
            self._icon = icon
            self.set_unread(self._unread)
            icon.show()
        elif not wanted and self._icon is not None:
            self._icon.hide()
            self._icon.deleteLater()
            self._icon = None

    def set_unread(self, count: int) -> None:
        self._unread = count
        if self._icon is not None:
            self._icon.setIcon(icons.badge(icons.app_icon(), count))
            self._icon.setToolTip(self.tr("Reader: %Ln unread", "", count))

    def notify(self, summary: RefreshSummary) -> None:
        if self._icon is not None and self._icon.supportsMessages():
            n = summary.new
            text = (
                self.tr("%Ln new article", "", n) if n == 1 else self.tr("%Ln new articles", "", n)
            )
            self._icon.showMessage(self.tr("Reader"), text, QSystemTrayIcon.MessageIcon.Information)

    def hide(self) -> None:
        if self._icon is not None:
            self._icon.hide()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._show_window()

    def _show_window(self) -> None:
        self.w.showNormal()
        self.w.raise_()
        self.w.activateWindow()
