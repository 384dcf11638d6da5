"""Refreshing feeds in the background, with progress and Cancel in the status bar.

The refresh runs in a child process (core/refresh_child.py), so its work never holds the GIL
of the window's process; a network worker thread reads the child's events and posts each
UpdateResult to the GUI thread. Results are coalesced (COALESCE_MS) so a burst of feeds becomes
one progress update and one re-query of the list and counts.

After the last feed's result the child keeps running: it downloads full articles and images
for offline reading (see core/service.py). The controller announces that phase (`offline`), so
the status bar can say so and Cancel keeps working; the refresh is `finished` when the child
has ended.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from reader.core.service import Service
from reader.core.types import UpdateResult
from reader.ui import icons
from reader.ui.tasks import NETWORK, TaskRunner, describe_error

if TYPE_CHECKING:
    from reader.core.refresh_child import RefreshProcess

COALESCE_MS = 150
log = logging.getLogger(__name__)
translate = QCoreApplication.translate


@dataclass
class RefreshSummary:
    total: int = 0
    done: int = 0
    new: int = 0
    updated: int = 0
    errors: list[UpdateResult] = field(default_factory=list)
    cancelled: bool = False
    failure: str | None = None  # the whole refresh failed (e.g. the database is locked)
    offline: bool = False  # every feed was done; images and full text were being downloaded

    def message(self) -> str:
        if self.failure:
            return translate("Refresh", "Refresh failed: %1").replace("%1", self.failure)
        done, new = self.done, self.new
        if self.cancelled and not self.offline:
            head = (
                translate("Refresh", "Refresh cancelled after %1 of %2 feeds")
                .replace("%1", QLocale().toString(done))
                .replace("%2", QLocale().toString(self.total))
            )
        elif done == 1:
            head = translate("Refresh", "Refreshed %Ln feed", "", done)
        else:
            head = translate("Refresh", "Refreshed %Ln feeds", "", done)
        if self.cancelled and self.offline:
            head += " " + translate("Refresh", "(image downloads stopped)")
        parts = [
            translate("Refresh", "%Ln new article", "", new)
            if new == 1
            else translate("Refresh", "%Ln new articles", "", new)
        ]
        if self.errors:
            parts.append(
                translate("Refresh", "%Ln failed (see the marked feeds)", "", len(self.errors))
            )
        return (
            translate("Refresh", "%1: %2.")
            .replace("%1", head)
            .replace("%2", translate("Refresh", ", ").join(parts))
        )


class RefreshController(QObject):
    """Runs one refresh at a time.

    Signals:
        started(int): a refresh began over this many feeds.
        progress(int, int): feeds done, feeds in all (coalesced).
        batch(list): UpdateResults that arrived since the last batch (coalesced).
        offline(bool): every feed is done; full text and images are being downloaded (the
            argument: whether images are, per the `download_images` setting).
        finished(RefreshSummary): the refresh ended (done, cancelled or failed).
    """

    started = Signal(int)
    progress = Signal(int, int)
    batch = Signal(list)
    offline = Signal(bool)
    finished = Signal(object)

    def __init__(self, service: Service, runner: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._cancel: threading.Event | None = None
        self._process: RefreshProcess | None = None  # the running one (set by the worker)
        self._pending: list[UpdateResult] = []
        self._summary = RefreshSummary()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._flush)

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def start(self, feed_ids: Sequence[int] | None = None) -> bool:
        """Refresh these feeds (all when None); False if a refresh is already running."""
        if self._cancel is not None:
            return False
        cancel = self._cancel = threading.Event()
        # The window's objects stay out of the garbage collections its refresh updates trigger:
        # a full one scans them all on the GUI thread (20-100 ms with 100,000 articles).
        gc.freeze()
        self._summary = RefreshSummary()
        self._pending = []
        ids = list(feed_ids) if feed_ids is not None else None
        self._runner.submit(
            NETWORK,
            self._work,
            ids,
            cancel,
            on_done=lambda _none: self._end(cancel, None),
            on_error=lambda exc: self._end(cancel, describe_error(exc)),
        )
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            process = self._process
            if process is not None:
                process.cancel()

    def shutdown(self) -> None:
        self.cancel()
        self._timer.stop()

    # --- worker side ---

    def _work(self, feed_ids: list[int] | None, cancel: threading.Event) -> None:
        from reader.core.refresh_child import RefreshProcess, result_of  # not needed at start

        process = self._process = RefreshProcess(self._service.data_dir, feed_ids)
        if cancel.is_set():  # cancelled while the child was starting
            process.cancel()
        try:
            for event in process.events():
                kind = event.get("event")
                if kind == "started":
                    self._runner.post(self._on_started, cancel, int(event["total"]))
                elif kind == "result":
                    self._runner.post(self._on_result, cancel, result_of(event))
                elif kind == "offline" and not cancel.is_set():
                    self._runner.post(self._on_offline, cancel, bool(event["images"]))
        finally:
            self._process = None
            errors = process.errors()
            if errors.strip():
                log.warning("refresh process said:\n%s", errors.rstrip())

    # --- GUI side ---

    def _on_started(self, cancel: threading.Event, total: int) -> None:
        if cancel is self._cancel:
            self._summary.total = total
            self.started.emit(total)

    def _on_result(self, cancel: threading.Event, result: UpdateResult) -> None:
        if cancel is not self._cancel:
            return
        summary = self._summary
        summary.done += 1
        summary.new += result.new
        summary.updated += result.updated
        if result.status == "error":
            summary.errors.append(result)
        self._pending.append(result)
        if not self._timer.isActive():
            self._timer.start()

    def _on_offline(self, cancel: threading.Event, images: bool) -> None:
        if cancel is not self._cancel:
            return
        self._timer.stop()
        self._flush()  # show the new articles now, not after the images
        self._summary.offline = True
        self.offline.emit(images)

    def _flush(self) -> None:
        self.progress.emit(self._summary.done, self._summary.total)
        if self._pending:
            pending, self._pending = self._pending, []
            self.batch.emit(pending)

    def _end(self, cancel: threading.Event, failure: str | None) -> None:
        if cancel is not self._cancel:
            return
        self._timer.stop()
        self._flush()
        self._summary.cancelled = cancel.is_set()
        self._summary.failure = failure
        self._cancel = None
        gc.unfreeze()
        self.finished.emit(self._summary)


class RefreshStatus(QWidget):
    """Status-bar widget: "12 of 63 feeds", a progress bar and Cancel; hidden when idle."""

    def __init__(self, controller: RefreshController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("refresh-label")
        self.label.setAccessibleName(self.tr("Refresh progress"))
        self.bar = QProgressBar()
        self.bar.setObjectName("refresh-progress")
        self.bar.setAccessibleName(self.tr("Refresh progress"))
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(160)
        self.bar.setMaximumHeight(14)
        self.cancel_button = QToolButton()
        self.cancel_button.setObjectName("refresh-cancel")
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the refresh"))
        self.cancel_button.setIcon(icons.stop())
        self.cancel_button.setToolTip(self.tr("Stop the refresh after the feeds in progress"))
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.clicked.connect(self._on_cancel)
        self._controller = controller
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        controller.started.connect(self._on_started)
        controller.progress.connect(self._on_progress)
        controller.offline.connect(self._on_offline)
        controller.finished.connect(lambda _summary: self.hide())
        self.hide()

    def _on_cancel(self) -> None:
        self._controller.cancel()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Stopping…"))

    def begin(self) -> None:
        """Show at once (before the worker counted the feeds): a busy bar."""
        self.label.setText(self.tr("Refreshing…"))
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setToolTip(self.tr("Stop the refresh after the feeds in progress"))
        self.show()

    def _on_started(self, total: int) -> None:
        if not self.cancel_button.isEnabled():
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(0)
        self._on_progress(0, total)
        self.show()

    def _on_offline(self, images: bool) -> None:
        if not self.cancel_button.isEnabled():
            return
        self.label.setText(
            self.tr("Downloading images…") if images else self.tr("Downloading full articles…")
        )
        self.bar.setRange(0, 0)  # busy: the engine does not count images ahead
        self.cancel_button.setToolTip(self.tr("Stop downloading; the articles are already stored"))
        self.show()

    def _on_progress(self, done: int, total: int) -> None:
        if not self.cancel_button.isEnabled() or self.bar.maximum() == 0:
            return  # keep saying "Stopping…" (or "Downloading images…")
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.label.setText(
            self.tr("%1 of %Ln feed", "", total).replace("%1", QLocale().toString(done))
            if total == 1
            else self.tr("%1 of %Ln feeds", "", total).replace("%1", QLocale().toString(done))
        )
