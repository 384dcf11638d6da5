"""Subscription commands: add, properties, unsubscribe, folders, OPML and favorites export.

Each command asks through a dialog, runs the engine call in the task runner and then refreshes
the sidebar and the list. Files are read and written in workers too (a network drive can hang).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from reader.core.types import Feed, ImportReport
from reader.ui.tasks import READ, WRITE, describe_error

if TYPE_CHECKING:
    from reader.core.storage.sync import Account
    from reader.ui.dialogs.addfeed import AddFeedDialog
    from reader.ui.dialogs.feeds import FeedPropertiesDialog
    from reader.ui.mainwindow import MainWindow

# The dialogs, QFileDialog too, are imported where they open: the window's start does not
# need them (PySide builds a Qt class, enums and all, when it is first imported: ~1 ms here).


def _read_bytes(path: str) -> bytes:
    return Path(path).read_bytes()


def _write_text(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")


class Subscriptions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def _opml_filter(self) -> str:
        return self.tr("OPML files (*.opml *.xml);;All files (*)")

    def _changed(self) -> None:
        self.w.reload_sidebar()
        self.w.apply_filter(keep_place=True)

    def _feed(self, feed_id: int) -> Feed | None:
        for feed in self.w.sidebar_model.feeds:
            if feed.id == feed_id:
                return feed
        return None

    # --- feeds ---

    def add_feed(self, url: str = "") -> AddFeedDialog:
        from reader.core.sync import engine
        from reader.ui.dialogs.addfeed import AddFeedDialog

        key = self.w.current_key
        folder = key[1] if key[0] == "folder" else None
        dialog = AddFeedDialog(
            self.w.service,
            self.w.runner,
            self.w.folders,
            self.w,
            url=url,
            folder=folder,
            accounts=engine.accounts(self.w.service),
        )
        dialog.added.connect(self._on_added)
        dialog.queued.connect(self._on_queued)
        dialog.open()
        return dialog

    def _on_added(self, feed: Feed) -> None:
        self.w.statusBar().showMessage(
            (
                self.tr("Subscribed to %1 (%Ln article).", "", feed.total)
                if feed.total == 1
                else self.tr("Subscribed to %1 (%Ln articles).", "", feed.total)
            ).replace("%1", feed.title),
            6000,
        )
        self.w.reload_sidebar()
        self.w.show_key(("feed", feed.id))

    def _on_queued(self, feed: Feed, account: Account) -> None:
        """Subscribed through a sync account: sync now, which brings its articles."""
        self.w.statusBar().showMessage(
            self.tr("Subscribed to %1 through %2; its articles arrive with the sync.")
            .replace("%1", feed.title or feed.url)
            .replace("%2", account.url),
            6000,
        )
        self.w.reload_sidebar()
        self.w.syncer.start()

    def properties(self, feed_id: int) -> FeedPropertiesDialog | None:
        from reader.ui.dialogs.feeds import FeedPropertiesDialog

        feed = self._feed(feed_id)
        if feed is None:
            return None
        dialog = FeedPropertiesDialog(self.w.service, self.w.runner, feed, self.w.folders, self.w)
        dialog.saved.connect(lambda _feed: self._changed())
        dialog.open()
        return dialog

    def unsubscribe(self, feed_id: int) -> None:
        from reader.ui.dialogs.feeds import confirm

        feed = self._feed(feed_id)
        if feed is None:
            return
        confirm(
            self.w,
            self.tr("Unsubscribe"),
            self.tr("Unsubscribe from “%1”?").replace("%1", feed.title),
            self.tr(
                "Its articles will be deleted. Your favorites from this feed are kept and stay "
                "in Favorites."
            ),
            self.tr("Unsubscribe"),
            lambda: self._remove(feed),
        )

    def _remove(self, feed: Feed) -> None:
        def done(_result: object) -> None:
            self.w.statusBar().showMessage(
                self.tr("Unsubscribed from %1; its favorites are kept.").replace("%1", feed.title),
                6000,
            )
            self._changed()

        self.w.runner.submit(WRITE, self.w.service.remove_feed, feed.id, on_done=done)

    def move_feed(self, feed_id: int, folder: str | None) -> None:
        feed = self._feed(feed_id)
        if feed is None or feed.folder == folder:
            return
        service = self.w.service
        self.w.runner.submit(
            WRITE,
            lambda: service.update_feed(feed_id, folder=folder, clear_folder=folder is None),
            on_done=lambda _feed: self._changed(),
        )

    # --- folders ---

    def new_folder(self) -> None:
        from reader.ui.dialogs.feeds import ask_text

        def create(name: str) -> None:
            self.w.runner.submit(
                WRITE, self.w.service.add_folder, name, on_done=lambda _r: self._changed()
            )

        ask_text(
            self.w,
            self.tr("New folder"),
            self.tr("Name of the new folder:"),
            create,
            ok=self.tr("Create"),
        )

    def rename_folder(self, old: str) -> None:
        from reader.ui.dialogs.feeds import ask_text

        def rename(new: str) -> None:
            if new == old:
                return
            if self.w.current_key == ("folder", old):
                self.w.show_key(("folder", new))
            self.w.runner.submit(
                WRITE,
                self.w.service.rename_folder,
                old,
                new,
                on_done=lambda _r: self._changed(),
            )

        ask_text(
            self.w,
            self.tr("Rename folder"),
            self.tr("New name for “%1”:").replace("%1", old),
            rename,
            text=old,
            ok=self.tr("Rename"),
        )

    def delete_folder(self, name: str) -> None:
        from reader.ui.dialogs.feeds import confirm

        confirm(
            self.w,
            self.tr("Delete folder"),
            self.tr("Delete the folder “%1”?").replace("%1", name),
            self.tr("Its feeds are not unsubscribed: they move to the top level."),
            self.tr("Delete folder"),
            lambda: self.w.runner.submit(
                WRITE, self.w.service.delete_folder, name, on_done=lambda _r: self._changed()
            ),
        )

    # --- OPML and favorites ---

    def import_opml(self, path: str | None = None) -> None:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(
                self.w, self.tr("Import OPML"), "", self._opml_filter()
            )
            if not path:
                return
        self._import(lambda: _read_bytes(path))

    def import_suggested(self) -> None:
        """Subscribe to the starter feeds shipped with Reader (resources/samples)."""
        from reader.desktop import resource

        self._import(lambda: resource("samples", "suggested.opml"))

    def _import(self, read: Callable[[], bytes]) -> None:
        service = self.w.service

        def work() -> ImportReport:
            return service.import_opml(read())

        self.w.runner.submit(
            WRITE, work, on_done=self._imported, on_error=lambda exc: self._import_failed(exc)
        )

    def _import_failed(self, exc: BaseException) -> None:
        from reader.ui.dialogs.feeds import inform

        inform(
            self.w, self.tr("Import OPML"), self.tr("Nothing was imported."), describe_error(exc)
        )

    def _imported(self, report: ImportReport) -> None:
        from reader.ui.dialogs.feeds import inform

        n = report.imported
        text = (
            self.tr("Imported %Ln feed; skipped %1.", "", n)
            if n == 1
            else self.tr("Imported %Ln feeds; skipped %1.", "", n)
        ).replace("%1", str(report.skipped))
        if report.imported:
            text += " " + self.tr("Their articles are being fetched now.")
        inform(self.w, self.tr("Import OPML"), text, "\n".join(report.reasons))
        self.w.reload_sidebar()
        if report.feed_ids:
            self.w.refresh(list(report.feed_ids))

    def export_opml(self, path: str | None = None) -> None:
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(
                self.w, self.tr("Export OPML"), "subscriptions.opml", self._opml_filter()
            )
            if not path:
                return
        service = self.w.service
        count = len(self.w.sidebar_model.feeds)
        self.w.runner.submit(
            READ,
            lambda: _write_text(path, service.export_opml()),
            on_done=lambda _r: self.w.statusBar().showMessage(
                (
                    self.tr("Saved %Ln subscription to %1.", "", count)
                    if count == 1
                    else self.tr("Saved %Ln subscriptions to %1.", "", count)
                ).replace("%1", path),
                6000,
            ),
        )

    def export_favorites(self, path: str | None = None) -> None:
        fmt = "html"
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, chosen = QFileDialog.getSaveFileName(
                self.w,
                self.tr("Export favorites"),
                "favorites.html",
                self.tr("Web page (*.html);;JSON (*.json)"),
            )
            if not path:
                return
            fmt = "json" if "json" in chosen.lower() or path.endswith(".json") else "html"
        service = self.w.service
        self.w.runner.submit(
            READ,
            lambda: service.export_favorites(Path(path), fmt=fmt),
            on_done=lambda count: self.w.statusBar().showMessage(
                (
                    self.tr("Saved %Ln favorite to %1.", "", count)
                    if count == 1
                    else self.tr("Saved %Ln favorites to %1.", "", count)
                ).replace("%1", path),
                6000,
            ),
        )
