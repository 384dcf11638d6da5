"""Starting the window: QApplication, main window, single-instance server and a clean stop."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.core.service import Service
from reader.desktop import APP_ID
from reader.ui import i18n, icons, logs, theme
from reader.ui.instance import Request, send
from reader.ui.mainwindow import MainWindow

if TYPE_CHECKING:
    from reader.ui.instance_server import InstanceServer


def app_icon() -> QIcon:
    """The shipped SVG icon (reader/resources/icons/reader.svg), else the drawn fallback."""
    path = i18n.translations_dir().parent / "icons" / "reader.svg"
    icon = QIcon(os.fspath(path))
    return icons.app_icon() if icon.isNull() else icon


def setup_application(app: QApplication) -> None:
    """Names and icon the desktop uses to match windows to the menu entry.

    desktopFileName becomes the Wayland app_id and _GTK_APPLICATION_ID on X11; the X11 WM_CLASS
    class is the application name, "Reader", which the entry's StartupWMClass names.
    """
    app.setApplicationName("Reader")
    app.setApplicationDisplayName("Reader")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("reader-desktop")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())


def bring_to_front(window: MainWindow, token: str = "") -> None:
    """Show, raise and activate the window (from the tray, minimised or behind others)."""
    if token:  # Wayland's xdg-activation: Qt reads the token from the environment
        os.environ["XDG_ACTIVATION_TOKEN"] = token
    if window.isMinimized() or not window.isVisible():
        window.showNormal()
    window.raise_()
    window.activateWindow()


def attach(server: InstanceServer, window: MainWindow) -> None:
    """Let later launches reach this window."""
    server.raise_requested.connect(lambda token: bring_to_front(window, token))
    server.refresh_requested.connect(window.refresh_all)
    server.open_requested.connect(lambda url: window.subscriptions.add_feed(url))


def serve(
    app: QApplication, window: MainWindow, name: str, request: Request
) -> list[InstanceServer]:
    """Take the data folder's socket, then apply this launch's request; the server, if any.

    Runs once the window has painted: QtNetwork stays off the start. A window that another
    launch opened at the same moment may hold the socket by then: this one hands its request
    over and quits (exit code 0), so the two launches end with one window.
    """
    from reader.ui.instance_server import InstanceServer

    server = InstanceServer(name, app)
    if not server.listen():
        code: int | None = 0
        try:
            if not send(name, request):  # that window closed meanwhile: this one stays
                code = None
        except TimeoutError as exc:  # that window hangs: as a launch facing it, give up
            sys.stderr.write(f"reader: {exc}\n")
            code = 1
        if code is not None:
            server.deleteLater()
            window.hide()
            QTimer.singleShot(0, app, lambda: app.exit(code))  # also if the loop has yet to run
            return []
        server.listen()
    attach(server, window)
    server.dispatch(request)
    return [server]


def quit_on_signals(app: QApplication) -> None:
    """SIGTERM (logout, `kill`) and SIGINT quit through the event loop, so the window saves its
    state and the single-instance socket is removed instead of left stale.

    The quit happens in the event loop, never in the Python signal handler: Python runs that
    between any two bytecodes, so a window shutdown from there could start inside a task
    submission (its pool then shut under it) or while a lock is held (a deadlock)."""
    if sys.platform == "win32":
        return
    import signal
    import socket

    wake, wakeup = socket.socketpair()
    wake.setblocking(False)
    wakeup.setblocking(False)
    signal.set_wakeup_fd(wakeup.fileno())  # the C handler writes each signal's number here
    notifier = QSocketNotifier(wake.fileno(), QSocketNotifier.Type.Read, app)
    wanted = {signal.SIGTERM, signal.SIGINT}

    def drain() -> None:
        try:
            numbers = wake.recv(64)
        except OSError:
            return
        if wanted & set(numbers):
            app.quit()

    notifier.activated.connect(drain)
    for number in wanted:
        signal.signal(number, lambda _number, _frame: None)  # not the default: that kills
    _KEEP.append((wake, wakeup, notifier))


_KEEP: list[object] = []


def run(
    service: Service,
    *,
    instance: str | None = None,
    request: Request | None = None,
    lang: str | None = None,
    on_shown: Sequence[Callable[[], None]] = (),
) -> int:
    """Show the window over this service until the user quits; returns the exit code.

    Args:
        service: the opened data folder; closed on return.
        instance: the single-instance socket name; None runs without hand-off.
        request: what this launch asked for (--refresh, URLs), applied once the window shows.
        lang: the interface language ("ar"); None follows READER_LANG, then the system.
        on_shown: work for once the window has painted (app.py saves its code cache).
    """
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    setup_application(app)
    i18n.install(app, lang)
    theme.apply(app)
    request = request or Request()
    handler = logs.install(logs.log_dir(service.data_dir))  # before anything can fail
    window = MainWindow(service)
    window.show()
    # What the first paint does not need waits for it.
    window.after_first_paint(lambda: quit_on_signals(app))
    window.after_first_paint(gc.enable)  # app.run_window turned it off for the start
    for work in on_shown:
        window.after_first_paint(work)
    servers: list[InstanceServer] = []  # the single-instance server, once the window painted
    if instance is not None:
        window.after_first_paint(lambda: servers.extend(serve(app, window, instance, request)))
    else:
        if request.refresh:
            window.after_first_paint(window.refresh_all)
        for url in request.urls:
            window.after_first_paint(lambda url=url: window.subscriptions.add_feed(url))
    try:
        return app.exec()
    finally:
        for server in servers:
            server.close()
        window.shutdown()
        service.close()
        logs.uninstall(handler)
