"""Preferences (stored with the engine's settings, so the CLI and window share them), the
keyboard shortcut list, and the About box."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.service import Service


@dataclass(frozen=True, slots=True)
class Preferences:
    mark_read_on_open: bool = True
    refresh_minutes: int = 30  # 0: only by hand
    refresh_on_start: bool = False
    tray_icon: bool = True
    notify_new: bool = True
    retention_days: int = 90

    @classmethod
    def load(cls, service: Service) -> Preferences:
        values = {}
        for item in dataclasses.fields(cls):
            raw = service.setting(item.name)
            if raw is None:
                continue
            try:
                values[item.name] = (raw == "1") if item.type == "bool" else int(raw)
            except ValueError:
                continue
        return cls(**values)  # type: ignore[arg-type]

    def as_settings(self) -> dict[str, str]:
        return {
            name: ("1" if value else "0") if isinstance(value, bool) else str(value)
            for name, value in dataclasses.asdict(self).items()
        }


def save_preferences(service: Service, prefs: Preferences) -> None:
    """Write every preference (worker thread: the database may be busy with a refresh)."""
    for name, value in prefs.as_settings().items():
        service.set_setting(name, value)


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.mark_read = QCheckBox("Mark an article as read when it is shown")
        self.mark_read.setChecked(prefs.mark_read_on_open)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(" minutes")
        self.minutes.setSpecialValueText("Never (only with F5)")
        self.minutes.setValue(prefs.refresh_minutes)
        self.on_start = QCheckBox("Refresh all feeds when Reader starts")
        self.on_start.setChecked(prefs.refresh_on_start)
        self.tray = QCheckBox("Show an icon with the unread count in the system tray")
        self.tray.setChecked(prefs.tray_icon)
        self.notify = QCheckBox("Notify me when a refresh brings new articles")
        self.notify.setChecked(prefs.notify_new)
        self.retention = QSpinBox()
        self.retention.setRange(1, 36500)
        self.retention.setSuffix(" days")
        self.retention.setValue(prefs.retention_days)
        self.retention.setToolTip("Unread articles and favorites are never deleted.")
        form = QFormLayout()
        form.addRow("Reading:", self.mark_read)
        form.addRow("Refresh every:", self.minutes)
        form.addRow("", self.on_start)
        form.addRow("Desktop:", self.tray)
        form.addRow("", self.notify)
        form.addRow("Keep read articles:", self.retention)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def preferences(self) -> Preferences:
        return Preferences(
            mark_read_on_open=self.mark_read.isChecked(),
            refresh_minutes=self.minutes.value(),
            refresh_on_start=self.on_start.isChecked(),
            tray_icon=self.tray.isChecked(),
            notify_new=self.notify.isChecked(),
            retention_days=self.retention.value(),
        )


class ShortcutsDialog(QDialog):
    """Every action that has a shortcut, as a two-column table."""

    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(480, 520)
        rows = []
        for action in actions:
            keys = [k.toString() for k in action.shortcuts() if not k.isEmpty()]
            if keys:
                rows.append((action.text().replace("&", "").rstrip("…"), " or ".join(keys)))
        rows.append(("Open the article in the browser (in the list)", "Enter"))
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels(["Action", "Keys"])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
