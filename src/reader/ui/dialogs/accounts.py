"""Sync accounts in the window: the Accounts dialog, "Sync now" with progress and Cancel.

Everything that talks to a server or the database runs in the task runner (network pool):
logging in to test a connection, adding an account (which logs in first), syncing. The sync
engine (`core/sync/engine.py`) reports progress from its worker; the controller re-emits it on
the GUI thread. `install(window)` adds "Accounts…" to the File menu and "Sync now" to the
Feeds menu, and shows the sync's progress and result in the status bar.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
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
    QMenu,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core import timefmt
from reader.core.service import Service
from reader.ui.engine_text import translated
from reader.ui.tasks import NETWORK, READ, WRITE, TaskRunner, describe_error

if TYPE_CHECKING:
    from reader.core.sync import engine  # imported where used: not needed to show the window
    from reader.ui.mainwindow import MainWindow

translate = QCoreApplication.translate


def kind_names() -> dict[str, str]:
    """Account kind -> its name for people."""
    return {
        "ttrss": translate("Accounts", "Tiny Tiny RSS"),
        "greader": translate("Accounts", "Google Reader API (FreshRSS, Miniflux…)"),
    }


class SyncController(QObject):
    """Runs one sync of all accounts at a time.

    Signals:
        started(): a sync began.
        progress(int, int, str): done, total (0: unknown), what is happening.
        finished(object): the SyncReport, or a str when the sync failed as a whole.
    """

    started = Signal()
    progress = Signal(int, int, str)
    finished = Signal(object)

    def __init__(self, service: Service, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._service, self._runner = service, runner
        self._cancel: threading.Event | None = None

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def start(self, account_ids: Sequence[int] | None = None, *, automatic: bool = False) -> bool:
        """Sync these accounts (all when None); False if a sync is already running.

        `automatic` (with a refresh): without any account nothing is shown at all.
        """
        if self._cancel is not None:
            return False
        cancel = self._cancel = threading.Event()

        def progress(done: int, total: int, message: str) -> None:  # in the worker
            self._runner.post(self.progress.emit, done, total, message)

        def work() -> engine.SyncReport | None:  # in the worker
            from reader.core.sync import engine

            if account_ids is None and not engine.accounts(self._service):
                return None
            self._runner.post(self._begin, cancel)
            return engine.sync_all(self._service, account_ids, progress=progress, cancel=cancel)

        future = self._runner.submit(
            NETWORK,
            work,
            on_done=lambda report: self._done(report, automatic),
            on_error=self._failed,
        )
        if future is None:
            self._cancel = None
            return False
        return True

    def _begin(self, cancel: threading.Event) -> None:
        if cancel is self._cancel:
            self.started.emit()

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _done(self, report: engine.SyncReport | None, automatic: bool) -> None:
        self._cancel = None
        if report is not None:
            self.finished.emit(report)
        elif not automatic:
            self.finished.emit(
                translate("Accounts", "There is no sync account; add one with File › Accounts…")
            )

    def _failed(self, exc: BaseException) -> None:
        self._cancel = None
        self.finished.emit(describe_error(exc))


def summary(report: engine.SyncReport | str) -> str:
    """One status-bar sentence for a sync's outcome."""
    if isinstance(report, str):
        return translate("Accounts", "Sync failed: %1").replace("%1", report)
    if report.cancelled:
        head = translate("Accounts", "Sync cancelled")
    elif report.errors:
        head = translate("Accounts", "Sync failed: %1").replace("%1", report.errors[0])
    else:
        head = translate("Accounts", "Synced")
    pulled, pushed = report.pulled, report.pushed
    return (
        translate("Accounts", "%1: %2 new articles, %3 read and %4 starred changes; sent %5.")
        .replace("%1", head)
        .replace("%2", str(pulled.articles))
        .replace("%3", str(pulled.read))
        .replace("%4", str(pulled.starred))
        .replace("%5", str(pushed.read + pushed.starred + pushed.subscribed + pushed.unsubscribed))
    )


class SyncStatus(QWidget):
    """A progress bar, its text and a Cancel button, shown while a sync runs."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the sync; the next one goes on from there"))
        self.cancel_button.clicked.connect(controller.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        controller.started.connect(self._begin)
        controller.progress.connect(self._progress)
        controller.finished.connect(self._end)
        self.hide()

    def _end(self, _report: object) -> None:
        self.hide()

    def _begin(self) -> None:
        self.label.setText(self.tr("Syncing…"))
        self.bar.setRange(0, 0)
        self.show()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.label.setText(message)


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


def install(window: MainWindow) -> None:
    """Add "Accounts…" (File menu) and "Sync now" (Feeds menu) to the window."""
    syncer = SyncController(window.service, window.runner, window)
    status = SyncStatus(syncer)
    window.statusBar().addPermanentWidget(status)
    window.syncer = syncer  # type: ignore[attr-defined]

    def open_accounts() -> AccountsDialog:
        dialog = AccountsDialog(window.service, window.runner, syncer, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        window.accounts_dialog = dialog  # type: ignore[attr-defined]
        return dialog

    def finished(report: Any) -> None:
        window.statusBar().showMessage(summary(report), 10_000)
        window.reload_sidebar()
        window.apply_filter(keep_place=True)

    syncer.finished.connect(finished)
    accounts = QAction(window.tr("&Accounts…"), window)
    accounts.triggered.connect(lambda _checked=False: open_accounts())
    sync_now = QAction(window.tr("&Sync now"), window)
    sync_now.setShortcut(QKeySequence("Ctrl+Shift+S"))
    sync_now.setStatusTip(
        window.tr("Two-way sync with your Tiny Tiny RSS or Google Reader accounts")
    )
    sync_now.triggered.connect(lambda _checked=False: syncer.start())
    window.addAction(sync_now)
    window.open_accounts = open_accounts  # type: ignore[attr-defined]
    _insert_before(window, window.act.preferences, accounts)
    _insert_after(window, window.act.refresh_all, sync_now)


def _menu_of(window: MainWindow, action: QAction) -> QMenu | None:
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and action in menu.actions():
            return menu
    return None


def _insert_before(window: MainWindow, anchor: QAction, action: QAction) -> None:
    menu = _menu_of(window, anchor)
    if menu is not None:
        menu.insertAction(anchor, action)


def _insert_after(window: MainWindow, anchor: QAction, action: QAction) -> None:
    menu = _menu_of(window, anchor)
    if menu is None:
        return
    items = menu.actions()
    index = items.index(anchor)
    if index + 1 < len(items):
        menu.insertAction(items[index + 1], action)
    else:
        menu.addAction(action)
