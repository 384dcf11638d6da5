"""Sync accounts in the window: "Sync now" with progress and Cancel, and the menu entries.

Everything that talks to a server or the database runs in the task runner (network pool):
logging in to test a connection, adding an account (which logs in first), syncing. The sync
engine (`core/sync/engine.py`) reports progress from its worker; the controller re-emits it on
the GUI thread. `install(window)` adds "Accounts…" to the File menu and "Sync now" to the
Feeds menu, and shows the sync's progress and result in the status bar. The dialogs
(account_dialogs.py) are imported when first opened: the window's start does not need them.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QProgressBar, QToolButton, QWidget

from reader.core.service import Service
from reader.ui.tasks import NETWORK, TaskRunner, describe_error

if TYPE_CHECKING:
    from reader.core.sync import engine  # imported where used: not needed to show the window
    from reader.ui.dialogs.account_dialogs import AccountsDialog
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


def install(window: MainWindow) -> None:
    """Add "Accounts…" (File menu) and "Sync now" (Feeds menu) to the window."""
    syncer = SyncController(window.service, window.runner, window)
    status = SyncStatus(syncer)
    window.statusBar().addPermanentWidget(status)
    window.syncer = syncer  # type: ignore[attr-defined]

    def open_accounts() -> AccountsDialog:
        from reader.ui.dialogs.account_dialogs import AccountsDialog

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
