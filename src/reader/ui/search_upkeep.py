"""The window's upkeep of the two search indexes (core/storage/search.py): the balance steps
run in the write worker, one at a time, so a star or a read mark asked for meanwhile waits for
one step (~0.2 s), never for all of them. No widgets."""

from __future__ import annotations

import logging

from reader.core.service import Service
from reader.ui.refresh import RefreshController
from reader.ui.tasks import WRITE, TaskRunner

log = logging.getLogger(__name__)

DELAY_MS = 3000  # after the window's first paint, the upkeep waits this long


class SearchUpkeep:
    def __init__(self, service: Service, runner: TaskRunner, refresher: RefreshController):
        self.service, self.runner, self.refresher = service, runner, refresher
        self._running = False  # a step is under way
        self._stopped = False

    def run(self) -> None:
        """Take steps until the indexes are balanced. Not while a refresh runs: its writes
        come first, and its end starts the steps again."""
        if self._running or self._stopped or self.refresher.running:
            return
        self._running = True

        def done(more: bool) -> None:
            self._running = False
            if more:
                self.run()

        def failed(exc: BaseException) -> None:
            self._running = False
            log.warning("balancing the search index failed: %s", exc)

        if not self.runner.submit(WRITE, self.service.update_search, on_done=done, on_error=failed):
            self._running = False  # the runner is shut down

    def stop(self) -> None:
        """No step after this one (the window is closing)."""
        self._stopped = True
