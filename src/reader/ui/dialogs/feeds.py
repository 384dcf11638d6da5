"""Feed properties, folder names and the confirmations around subscriptions.

Every dialog here is opened with `open()` (window-modal, not blocking the event loop) and
reports through a callback, so the window keeps refreshing while one is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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

from reader.core.errors import ReaderError
from reader.core.service import Service
from reader.core.types import Feed
from reader.ui.dialogs.addfeed import folder_box
from reader.ui.engine_text import translated
from reader.ui.tasks import WRITE, TaskRunner, describe_error


class FeedPropertiesDialog(QDialog):
    """Title, address, folder and "Download full article" of one feed; saved in the
    background, errors shown inline.

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
        self.setWindowTitle(self.tr("Properties of %1").replace("%1", feed.title))
        self.setMinimumWidth(520)
        self._service, self._runner, self._feed = service, runner, feed
        self._closed = False
        self.title = QLineEdit(feed.title)
        self.title.setObjectName("title")
        self.title.setAccessibleName(self.tr("Title"))
        self.url = QLineEdit(feed.url)
        self.url.setObjectName("url")
        self.url.setAccessibleName(self.tr("Address"))
        self.folder = folder_box(folders, feed.folder)
        try:  # one row by its key, like showing an article
            self._full_text = service.full_text_enabled(feed.id)
        except ReaderError:
            self._full_text = False
        self.full_text = QCheckBox(self.tr("Download full article"))
        self.full_text.setObjectName("full-text")
        self.full_text.setChecked(self._full_text)
        self.full_text.setToolTip(
            self.tr(
                "For feeds that carry only a summary: at each refresh, fetch every new "
                "article's web page and keep its main text for offline reading. When that "
                "fails, the summary is shown with the reason."
            )
        )
        self.full_text.setAccessibleDescription(self.full_text.toolTip())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Address:"), self.url)
        form.addRow(self.tr("Folder:"), self.folder)
        form.addRow(self.tr("Offline:"), self.full_text)
        locale = QLocale()
        stats = (
            self.tr("%1 articles, %2 unread")
            .replace("%1", locale.toString(feed.total))
            .replace("%2", locale.toString(feed.unread))
        )
        form.addRow(self.tr("Articles:"), QLabel(stats))
        if feed.site_url:
            site = QLabel(feed.site_url)
            site.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(self.tr("Site:"), site)
        if feed.error:
            error = QLabel(translated(feed.error))
            error.setWordWrap(True)
            form.addRow(self.tr("Last error:"), error)
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
        full_text = self.full_text.isChecked()
        if not changes and full_text == self._full_text:
            super().accept()
            return

        def save() -> Feed:
            saved = feed
            if changes:
                saved = self._service.update_feed(feed.id, **changes)  # type: ignore[arg-type]
            if full_text != self._full_text:
                self._service.set_full_text(feed.id, full_text)
            return saved

        self._runner.submit(WRITE, save, on_done=self._on_saved, on_error=self._on_error)

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
    ok: str = "",
) -> QInputDialog:
    """Ask for one line of text (a folder name); on_text gets it, stripped and non-empty."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    if ok:
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
