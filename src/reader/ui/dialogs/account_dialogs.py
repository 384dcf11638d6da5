"""The Accounts dialog (the list, Add…, Remove, Sync now) and the Add account dialog."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core import timefmt
from reader.core.service import Service
from reader.ui.dialogs.accounts import SyncController, SyncStatus, kind_names, summary
from reader.ui.engine_text import translated
from reader.ui.tasks import NETWORK, READ, WRITE, TaskRunner, describe_error

if TYPE_CHECKING:
    from reader.core.sync import engine


class AddAccountDialog(QDialog):
    """Kind, server address, user and password; "Test connection" logs in without storing."""

    def __init__(self, service: Service, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add account"))
        self._service, self._runner = service, runner
        self.added: engine.Account | None = None
        self._gone = False  # closed: late answers from the runner are dropped
        self.finished.connect(lambda _result: setattr(self, "_gone", True))
        self.kind = QComboBox()
        for key, text in kind_names().items():
            self.kind.addItem(text, key)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://example.com/tt-rss/")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        form = QFormLayout()
        form.addRow(self.tr("&Server type:"), self.kind)
        form.addRow(self.tr("&Address:"), self.url)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Add"))
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.add)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _fields(self) -> tuple[str, str, str, str]:
        return (
            str(self.kind.currentData()),
            self.url.text().strip(),
            self.user.text().strip(),
            self.password.text(),
        )

    def _busy(self, busy: bool, text: str = "") -> None:
        if self._gone:
            return
        self.test_button.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)
        if text:
            self.status.setText(text)

    def test_connection(self) -> None:
        from reader.core.sync import engine

        self._busy(True, self.tr("Connecting…"))
        self._runner.submit(
            NETWORK,
            engine.check_login,
            *self._fields(),
            on_done=lambda _url: self._busy(False, self.tr("The connection works.")),
            on_error=lambda exc: self._busy(False, describe_error(exc)),
        )

    def add(self) -> None:
        from reader.core.sync import engine

        self._busy(True, self.tr("Logging in…"))
        self._runner.submit(
            NETWORK,
            engine.add_account,
            self._service,
            *self._fields(),
            on_done=self._added,
            on_error=lambda exc: self._busy(False, describe_error(exc)),
        )

    def _added(self, account: engine.Account) -> None:
        self.added = account
        if self._gone:
            return
        self._busy(False)
        self.accept()


class AccountsDialog(QDialog):
    """The accounts list with Add…, Remove and Sync now."""

    def __init__(
        self,
        service: Service,
        runner: TaskRunner,
        syncer: SyncController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(560, 320)
        self._service, self._runner, self._syncer = service, runner, syncer
        self._gone = False  # closed: late answers from the runner are dropped
        self.finished.connect(self._closing)
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(self.tr("Accounts"))
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.add_button = QPushButton(self.tr("&Add…"))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.add_button.clicked.connect(self.add_account)
        self.remove_button.clicked.connect(self.remove_account)
        self.sync_button.clicked.connect(lambda: self._syncer.start())
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = SyncStatus(syncer)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.sync_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Feeds of a sync account are fetched by its server; read and starred state"
                    " travel both ways. Favorites always stay on this computer."
                )
            )
        )
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(close)
        syncer.started.connect(self._update_buttons)
        syncer.finished.connect(self._sync_finished)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        self._runner.submit(READ, _account_rows, self._service, on_done=self._show)

    def _closing(self, _result: int) -> None:
        self._gone = True
        self._syncer.started.disconnect(self._update_buttons)
        self._syncer.finished.disconnect(self._sync_finished)

    def _show(self, rows: list[tuple[engine.Account, str]]) -> None:
        if self._gone:
            return
        self.list.clear()
        for account, where in rows:
            when = (
                self.tr("synced %1").replace(
                    "%1", timefmt.relative_time(datetime.fromtimestamp(account.synced, UTC))
                )
                if account.synced
                else self.tr("never synced")
            )
            kind = kind_names().get(account.kind, account.kind)
            text = f"{account.user} — {account.url}\n{kind} · {when} · " + self.tr(
                "password in %1"
            ).replace("%1", where)
            if account.error:
                text += "\n⚠ " + translated(account.error)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.list.currentItem() is not None
        self.remove_button.setEnabled(has)
        self.sync_button.setEnabled(self.list.count() > 0 and not self._syncer.running)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def add_account(self) -> AddAccountDialog:
        dialog = AddAccountDialog(self._service, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog

    def remove_account(self) -> None:
        from reader.core.sync import engine

        account_id = self.current_id()
        if account_id is None:
            return
        self._runner.submit(
            WRITE,
            engine.remove_account,
            self._service,
            account_id,
            on_done=lambda _a: self.reload() if not self._gone else None,
            on_error=lambda exc: self._say(describe_error(exc)),
        )

    def _say(self, text: str) -> None:
        if not self._gone:
            self.status.setText(text)

    def _sync_finished(self, report: engine.SyncReport | str) -> None:
        self.status.setText(summary(report))
        self._update_buttons()
        self.reload()


def _account_rows(service: Service) -> list[tuple[engine.Account, str]]:
    from reader.core.sync import engine, secrets

    return [(a, secrets.describe(a.secret, service.data_dir)) for a in engine.accounts(service)]
