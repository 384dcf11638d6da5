"""Help -> About Reader: the version, and where Reader keeps its data, cache, settings and log."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.ui.places import Places

__all__ = ["AboutDialog", "Places"]


class AboutDialog(QDialog):
    def __init__(self, places: Places, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Reader"))
        self.setAccessibleName(self.tr("About Reader"))
        self.setMinimumWidth(560)
        title = QLabel(self.tr("Reader %1").replace("%1", __version__))
        title.setObjectName("about-title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            self.tr(
                "A desktop news reader: articles kept for offline reading, favorites that "
                "outlive subscriptions, and category filters."
            )
        )
        text.setWordWrap(True)
        qt = QLabel(
            self.tr("Qt %1, PySide6 %2")
            .replace("%1", qVersion())
            .replace("%2", PySide6.__version__)
        )
        qt.setEnabled(False)
        grid = QGridLayout()
        self.fields: dict[str, QLineEdit] = {}
        rows = (
            ("data", self.tr("Data:"), places.data, places.data),
            ("cache", self.tr("Image cache:"), places.cache, places.cache),
            ("config", self.tr("Window settings:"), places.config, places.config.parent),
            ("log", self.tr("Log file:"), places.log, places.log.parent),
        )
        for row, (key, label, path, folder) in enumerate(rows):
            name = QLabel(label)
            field = QLineEdit(str(path))
            field.setReadOnly(True)
            field.setObjectName(f"path-{key}")
            field.setAccessibleName(label.rstrip(":"))
            field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right
            name.setBuddy(field)
            button = QPushButton(self.tr("Open folder"))
            button.setObjectName(f"open-{key}")
            button.setAccessibleName(self.tr("Open the folder of: %1").replace("%1", label))
            button.clicked.connect(lambda _c=False, f=folder: self._open(f))
            grid.addWidget(name, row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(button, row, 2)
            self.fields[key] = field
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addWidget(qt)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def _open(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
