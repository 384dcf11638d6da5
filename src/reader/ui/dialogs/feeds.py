"""Feed properties, folder names and the confirmations around subscriptions.

Every dialog here is opened with `open()` (window-modal, not blocking the event loop) and
reports through a callback, so the window keeps refreshing while one is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader.core.service import Service
from reader.core.types import Feed
from reader.ui.dialogs.addfeed import folder_box
from reader.ui.tasks import WRITE, TaskRunner, describe_error


class FeedPropertiesDialog(QDialog):
    """Title, address and folder of one feed; saved in the background, errors shown inline.

    Signals:
        saved(Feed): the changes are stored.
    """

    saved = Signal(object)

    def __init__(
        self,
        service: Service,
        runner: TaskRunner,
        feed: Feed,
        folders: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Properties of {feed.title}")
        self.setMinimumWidth(520)
        self._service, self._runner, self._feed = service, runner, feed
        self._closed = False
        self.title = QLineEdit(feed.title)
        self.title.setObjectName("title")
        self.url = QLineEdit(feed.url)
        self.url.setObjectName("url")
        self.folder = folder_box(folders, feed.folder)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        form = QFormLayout()
        form.addRow("Title:", self.title)
        form.addRow("Address:", self.url)
        form.addRow("Folder:", self.folder)
        stats = f"{feed.total:,} articles, {feed.unread:,} unread"
        form.addRow("Articles:", QLabel(stats))
        if feed.site_url:
            site = QLabel(feed.site_url)
            site.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow("Site:", site)
        if feed.error:
            error = QLabel(feed.error)
            error.setWordWrap(True)
            form.addRow("Last error:", error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def accept(self) -> None:
        feed = self._feed
        title = self.title.text().strip()
        url = self.url.text().strip()
        folder = self.folder.currentText().strip()
        changes: dict[str, object] = {}
        if title != feed.title:
            changes["title"] = title  # "" restores the feed's own title
        if url != feed.url:
            changes["url"] = url
        if folder != (feed.folder or ""):
            if folder:
                changes["folder"] = folder
            else:
                changes["clear_folder"] = True
        if not changes:
            super().accept()
            return
        self._runner.submit(
            WRITE,
            lambda: self._service.update_feed(feed.id, **changes),  # type: ignore[arg-type]
            on_done=self._on_saved,
            on_error=self._on_error,
        )

    def reject(self) -> None:
        self._closed = True
        super().reject()

    def _on_saved(self, feed: Feed) -> None:
        if not self._closed:
            self.saved.emit(feed)
            super().accept()

    def _on_error(self, exc: BaseException) -> None:
        if not self._closed:
            self.message.setText(describe_error(exc))
            self.message.show()


def ask_text(
    parent: QWidget,
    title: str,
    label: str,
    on_text: Callable[[str], None],
    *,
    text: str = "",
    ok: str = "OK",
) -> QInputDialog:
    """Ask for one line of text (a folder name); on_text gets it, stripped and non-empty."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.setOkButtonText(ok)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def done(value: str) -> None:
        if value.strip():
            on_text(value.strip())

    dialog.textValueSelected.connect(done)
    dialog.open()
    return dialog


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    informative: str,
    action: str,
    on_yes: Callable[[], None],
) -> QMessageBox:
    """A question with a named action button and Cancel (Cancel is the default)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(informative)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("confirm")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def done(_result: int) -> None:
        if box.clickedButton() is yes:
            on_yes()

    box.finished.connect(done)
    box.open()
    return box


def inform(parent: QWidget, title: str, text: str, details: str = "") -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
