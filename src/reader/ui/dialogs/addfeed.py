"""The add-feed dialog: a feed or site URL, discovery in the background, a choice when a site
offers several feeds, and errors shown inside the dialog. With sync accounts, the feed can be
subscribed on one of their servers instead of on this computer (pushed at the next sync)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from reader.core.service import Service
from reader.core.storage.sync import Account
from reader.core.types import Feed
from reader.ui.tasks import NETWORK, TaskRunner, describe_error


def folder_box(folders: Sequence[str], current: str | None) -> QComboBox:
    """An editable folder chooser: "No folder", the existing folders, or a new name."""
    box = QComboBox()
    box.setEditable(True)
    box.addItem("")
    box.addItems(list(folders))
    box.lineEdit().setPlaceholderText(
        QCoreApplication.translate("AddFeedDialog", "No folder (type a name to create one)")
    )
    box.setAccessibleName(QCoreApplication.translate("AddFeedDialog", "Folder"))
    box.setCurrentText(current or "")
    return box


class AddFeedDialog(QDialog):
    """Signals:
    added(Feed): the feed was subscribed and its articles stored.
    """

    added = Signal(object)
    queued = Signal(object, object)  # (Feed, Account): subscribed through a sync account

    def __init__(
        self,
        service: Service,
        runner: TaskRunner,
        folders: Sequence[str],
        parent: QWidget | None = None,
        *,
        url: str = "",
        folder: str | None = None,
        accounts: Sequence[Account] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add feed"))
        self.setMinimumWidth(520)
        self._service = service
        self._runner = runner
        self._generation = 0
        self._closed = False

        self.url = QLineEdit(url)
        self.url.setObjectName("url")
        self.url.setPlaceholderText(self.tr("https://example.com/feed.xml or https://example.com"))
        self.url.setAccessibleName(self.tr("Address of the feed or site"))
        self.url.textEdited.connect(self._on_edited)
        self.folder = folder_box(folders, folder)
        self.account = QComboBox()
        self.account.setObjectName("account")
        self.account.setAccessibleName(self.tr("Where to subscribe"))
        self.account.addItem(self.tr("This computer"), None)
        for account in accounts:
            self.account.addItem(f"{account.user} — {account.url}", account)
        self.choices = QListWidget()
        self.choices.setObjectName("choices")
        self.choices.setAccessibleName(self.tr("Feeds found on the site"))
        self.choices.hide()
        self.choices.itemDoubleClicked.connect(lambda _item: self.accept())
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(10)
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText(self.tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.url)
        form.addRow(self.tr("Folder:"), self.folder)
        if accounts:
            form.addRow(self.tr("Subscribe in:"), self.account)
        hint = QLabel(self.tr("Paste the address of a feed, or of a site: Reader finds its feeds."))
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.choices)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)

    # --- flow: discover -> (choose) -> add ---

    def accept(self) -> None:
        if self.busy.isVisible():
            return
        if self.choices.isVisible():
            item = self.choices.currentItem()
            if item is None:
                self._show_error(self.tr("Choose one of the feeds first."))
                return
            self._add(item.data(Qt.ItemDataRole.UserRole))
            return
        url = self.url.text().strip()
        if not url:
            self._show_error(self.tr("Enter the address of a feed or a site."))
            return
        self._start(self.tr("Looking for feeds…"))
        generation = self._generation
        self._runner.submit(
            NETWORK,
            self._service.discover,
            url,
            on_done=lambda found: self._on_found(generation, found),
            on_error=lambda exc: self._on_error(generation, exc),
        )

    def reject(self) -> None:
        self._closed = True
        super().reject()

    def _on_found(self, generation: int, found: list) -> None:
        if self._stale(generation):
            return
        if len(found) == 1:
            self._add(found[0].url)
            return
        self._stop()
        self.choices.clear()
        for candidate in found:
            label = candidate.title or candidate.url
            kind = "" if candidate.kind in ("unknown", "feed") else f" ({candidate.kind.upper()})"
            item = QListWidgetItem(f"{label}{kind}\n{candidate.url}")
            item.setData(Qt.ItemDataRole.UserRole, candidate.url)
            item.setToolTip(candidate.url)
            self.choices.addItem(item)
        self.choices.setCurrentRow(0)
        self.choices.show()
        self._show_info(
            self.tr("This site offers %Ln feeds. Choose the one you want.", "", len(found))
        )

    def _add(self, url: str) -> None:
        folder = self.folder.currentText().strip() or None
        account: Account | None = self.account.currentData()
        service = self._service

        def work() -> Feed:
            if account is None:
                return service.add_feed(url, folder=folder)
            # The server fetches it: this computer only queues the change for the next sync.
            return service.feed(service.subscribe(url, folder=folder, account_id=account.id))

        self._start(
            self.tr("Subscribing and reading the feed…")
            if account is None
            else self.tr("Subscribing…")
        )
        generation = self._generation
        self._runner.submit(
            NETWORK,
            work,
            on_done=lambda feed: self._on_added(generation, feed, account),
            on_error=lambda exc: self._on_error(generation, exc),
        )

    def _on_added(self, generation: int, feed: object, account: Account | None = None) -> None:
        if self._stale(generation):
            return
        self._stop()
        if account is None:
            self.added.emit(feed)
        else:
            self.queued.emit(feed, account)
        super().accept()

    def _on_error(self, generation: int, exc: BaseException) -> None:
        if self._stale(generation):
            return
        self._stop()
        self._show_error(describe_error(exc))

    # --- state ---

    def _stale(self, generation: int) -> bool:
        return self._closed or generation != self._generation

    def _on_edited(self, _text: str) -> None:
        self._generation += 1  # a new address: forget answers about the old one
        self.choices.hide()
        self.message.hide()
        self._stop()

    def _start(self, text: str) -> None:
        self._generation += 1
        self._show_info(text)
        self.busy.show()
        self.add_button.setEnabled(False)
        self.url.setReadOnly(True)

    def _stop(self) -> None:
        self.busy.hide()
        self.add_button.setEnabled(True)
        self.url.setReadOnly(False)

    def _show_error(self, text: str) -> None:
        self.message.setStyleSheet("color: #c0392b;")
        self.message.setText(text)
        self.message.show()

    def _show_info(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.message.show()
