"""Preferences (stored with the engine's settings, so the CLI and window share them) and the
keyboard shortcut list.

The image cache's size and "Clear image cache" run in the task runner: the dialog never
waits on the database or the disk.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.service import Service
from reader.ui.prefs import Preferences, save_preferences
from reader.ui.tasks import READ, WRITE, TaskRunner, describe_error
from reader.ui.widgets.reading import PANE_FONT_MAX, PANE_FONT_MIN

translate = QCoreApplication.translate
__all__ = ["Preferences", "PreferencesDialog", "ShortcutsDialog", "save_preferences", "size_text"]


def size_text(size: int) -> str:
    """A byte count as people read it: "0 bytes", "840 KB", "12.3 MB", "1.2 GB"."""
    if size < 1024:
        if size == 1:
            return translate("PreferencesDialog", "%n byte", "", size)
        return translate("PreferencesDialog", "%n bytes", "", size)
    traditional = QLocale.DataSizeFormat.DataSizeTraditionalFormat  # "KB", not "KiB"
    return QLocale().formattedDataSize(size, 0 if size < 1024 * 1024 else 1, traditional)


class PreferencesDialog(QDialog):
    def __init__(
        self,
        prefs: Preferences,
        service: Service,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._service, self._runner = service, runner
        self._closed = False
        self.finished.connect(self._on_finished)
        self.mark_read = QCheckBox(self.tr("Mark an article as read when it is shown"))
        self.mark_read.setChecked(prefs.mark_read_on_open)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" minutes"))
        self.minutes.setSpecialValueText(self.tr("Never (only with F5)"))
        self.minutes.setAccessibleName(self.tr("Refresh every (minutes)"))
        self.minutes.setValue(prefs.refresh_minutes)
        self.on_start = QCheckBox(self.tr("Refresh all feeds when Reader starts"))
        self.on_start.setChecked(prefs.refresh_on_start)
        self.tray = QCheckBox(self.tr("Show an icon with the unread count in the system tray"))
        self.tray.setChecked(prefs.tray_icon)
        self.notify = QCheckBox(self.tr("Notify me when a refresh brings new articles"))
        self.notify.setChecked(prefs.notify_new)
        self.retention = QSpinBox()
        self.retention.setRange(1, 36500)
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setValue(prefs.retention_days)
        self.retention.setToolTip(self.tr("Unread articles and favorites are never deleted."))
        self.retention.setAccessibleName(self.tr("Keep read articles (days)"))
        self.retention.setAccessibleDescription(self.retention.toolTip())
        self.font_size = QSpinBox()
        self.font_size.setObjectName("pane-font-size")
        self.font_size.setRange(PANE_FONT_MIN - 1, PANE_FONT_MAX)
        self.font_size.setSuffix(self.tr(" points"))
        self.font_size.setSpecialValueText(self.tr("System size"))
        self.font_size.setValue(max(prefs.pane_font_size, PANE_FONT_MIN - 1))
        self.font_size.setAccessibleName(self.tr("Reading pane text size (points)"))
        self.font_size.setToolTip(self.tr("Also Ctrl+= and Ctrl+- in the window; Ctrl+0 resets."))
        self.font_size.setAccessibleDescription(self.font_size.toolTip())
        form = QFormLayout()
        form.addRow(self.tr("Reading:"), self.mark_read)
        form.addRow(self.tr("Text size:"), self.font_size)
        form.addRow(self.tr("Refresh every:"), self.minutes)
        form.addRow("", self.on_start)
        form.addRow(self.tr("Desktop:"), self.tray)
        form.addRow("", self.notify)
        form.addRow(self.tr("Keep read articles:"), self.retention)
        if hasattr(parent, "open_accounts"):  # the main window (ui/dialogs/accounts.py)
            accounts = QPushButton(self.tr("Accounts…"))
            accounts.setObjectName("open-accounts")
            accounts.setToolTip(self.tr("Sync with Tiny Tiny RSS or a Google Reader API server"))
            accounts.clicked.connect(lambda: parent.open_accounts())  # type: ignore[union-attr]
            form.addRow(self.tr("Sync:"), accounts)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._offline_rows(form, prefs)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.update_cache_size()

    def _offline_rows(self, form: QFormLayout, prefs: Preferences) -> None:
        self.download_images = QCheckBox(self.tr("Download images for offline reading"))
        self.download_images.setChecked(prefs.download_images)
        self.download_images.setToolTip(
            self.tr(
                "Store the images of new articles at each refresh, so articles read offline "
                "show them. Adding an article to favorites always stores its images."
            )
        )
        self.cache_mb = QSpinBox()
        self.cache_mb.setRange(16, 1024 * 1024)
        self.cache_mb.setSingleStep(256)
        self.cache_mb.setSuffix(self.tr(" MB"))
        self.cache_mb.setValue(prefs.image_cache_mb)
        self.cache_mb.setToolTip(
            self.tr(
                "Beyond this, the images read longest ago are removed. "
                "Images of favorites are never removed."
            )
        )
        self.cache_mb.setAccessibleName(self.tr("Image cache size (MB)"))
        self.cache_mb.setAccessibleDescription(self.cache_mb.toolTip())
        self.cache_size = QLabel(self.tr("Measuring…"))
        self.cache_size.setObjectName("cache-size")
        self.clear_cache = QPushButton(self.tr("Clear image cache"))
        self.clear_cache.setObjectName("clear-cache")
        self.clear_cache.setToolTip(
            self.tr("Remove the stored images; images of favorites are kept.")
        )
        self.clear_cache.setAccessibleDescription(self.clear_cache.toolTip())
        self.clear_cache.clicked.connect(self.clear_image_cache)
        self.cache_message = QLabel(self.tr("Images of favorites are always kept."))
        self.cache_message.setObjectName("cache-message")
        self.cache_message.setWordWrap(True)
        self.cache_message.setEnabled(False)  # muted, like a caption
        usage = QHBoxLayout()
        usage.addWidget(self.cache_size, 1)
        usage.addWidget(self.clear_cache)
        form.addRow(self.tr("Offline reading:"), self.download_images)
        form.addRow(self.tr("Image cache size:"), self.cache_mb)
        form.addRow(self.tr("Image cache in use:"), usage)
        form.addRow("", self.cache_message)

    def update_cache_size(self) -> None:
        """Measure the image cache in the background, then show it."""
        self._runner.submit(
            READ,
            self._service.image_cache_bytes,
            on_done=lambda size: self._alive() and self.cache_size.setText(size_text(size)),
            on_error=lambda exc: self._alive() and self.cache_size.setText(self.tr("Unknown")),
        )

    def clear_image_cache(self) -> None:
        """Remove every stored image except favorites' (a write, in the background)."""
        self.clear_cache.setEnabled(False)
        self.cache_message.setText(self.tr("Clearing the image cache…"))
        self._runner.submit(
            WRITE,
            self._service.clear_image_cache,
            on_done=self._cleared,
            on_error=self._clear_failed,
        )

    def _cleared(self, removed: int) -> None:
        if not self._alive():
            return
        self.cache_message.setText(
            self.tr("Removed %Ln image file. Images of favorites are kept.", "", removed)
            if removed == 1
            else self.tr("Removed %Ln image files. Images of favorites are kept.", "", removed)
        )
        self.clear_cache.setEnabled(True)
        self.update_cache_size()

    def _clear_failed(self, exc: BaseException) -> None:
        if self._alive():
            self.cache_message.setText(
                self.tr("The cache was not cleared: %1").replace("%1", describe_error(exc))
            )
            self.clear_cache.setEnabled(True)

    def _alive(self) -> bool:
        return not self._closed

    def _on_finished(self, _result: int) -> None:
        self._closed = True  # results of tasks still running are dropped

    def preferences(self) -> Preferences:
        return Preferences(
            mark_read_on_open=self.mark_read.isChecked(),
            refresh_minutes=self.minutes.value(),
            refresh_on_start=self.on_start.isChecked(),
            tray_icon=self.tray.isChecked(),
            notify_new=self.notify.isChecked(),
            retention_days=self.retention.value(),
            download_images=self.download_images.isChecked(),
            image_cache_mb=self.cache_mb.value(),
            pane_font_size=0 if self.font_size.value() < PANE_FONT_MIN else self.font_size.value(),
        )


class ShortcutsDialog(QDialog):
    """Every action that has a shortcut, as a two-column table."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(480, 520)
        rows = []
        for action in actions:
            keys = [
                k.toString(QKeySequence.SequenceFormat.NativeText)
                for k in action.shortcuts()
                if not k.isEmpty()
            ]
            if keys:
                rows.append(
                    (action.text().replace("&", "").rstrip("…"), self.tr(" or ").join(keys))
                )
        rows.append((self.tr("Open the article in the browser (in the list)"), self.tr("Enter")))
        rows.append((self.tr("Next control"), self.tr("Tab")))
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)

        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (text, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(text))
            table.setItem(row, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
