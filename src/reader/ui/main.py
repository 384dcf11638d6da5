"""Starting the window: QApplication, main window, single-instance server and a clean stop."""

from __future__ import annotations

import gc
import os
import sys

from PySide6.QtCore import QSocketNotifier
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.core.service import Service
from reader.desktop import APP_ID
from reader.ui import i18n, icons, logs, theme
from reader.ui.instance import InstanceServer, Request, send
from reader.ui.mainwindow import MainWindow


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


def quit_on_signals(app: QApplication) -> None:
    """SIGTERM (logout, `kill`) and SIGINT quit through the event loop, so the window saves its
    state and the single-instance socket is removed instead of left stale."""
    if sys.platform == "win32":
        return
    import signal
    import socket

    wake, wakeup = socket.socketpair()
    wake.setblocking(False)
    wakeup.setblocking(False)
    signal.set_wakeup_fd(wakeup.fileno())
    notifier = QSocketNotifier(wake.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:  # Python runs the signal handler once it has control again
        try:
            wake.recv(64)
        except OSError:
            pass

    notifier.activated.connect(drain)
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda _number, _frame: app.quit())
    _KEEP.append((wake, wakeup, notifier))


_KEEP: list[object] = []


def run(
    service: Service,
    *,
    instance: str | None = None,
    request: Request | None = None,
    lang: str | None = None,
) -> int:
    """Show the window over this service until the user quits; returns the exit code.

    Args:
        service: the opened data folder; closed on return.
        instance: the single-instance socket name; None runs without hand-off.
        request: what this launch asked for (--refresh, URLs), applied once the window shows.
        lang: the interface language ("ar"); None follows READER_LANG, then the system.
    """
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    setup_application(app)
    i18n.install(app, lang)
    theme.apply(app)
    request = request or Request()
    server = None
    if instance is not None:
        server = InstanceServer(instance, app)
        if not server.listen():  # another launch opened a window meanwhile: hand over to it
            service.close()
            try:
                return 0 if send(instance, request) else 1
            except TimeoutError as exc:
                sys.stderr.write(f"reader: {exc}\n")
                return 1
    handler = logs.install(logs.log_dir(service.data_dir))  # before anything can fail
    window = MainWindow(service)
    window.show()
    # What the first paint does not need waits for it.
    window.after_first_paint(lambda: quit_on_signals(app))
    window.after_first_paint(gc.enable)  # app.run_window turned it off for the start
    if server is not None:
        attach(server, window)
        window.after_first_paint(lambda: server.dispatch(request))
    else:
        if request.refresh:
            window.after_first_paint(window.refresh_all)
        for url in request.urls:
            window.after_first_paint(lambda url=url: window.subscriptions.add_feed(url))
    try:
        return app.exec()
    finally:
        if server is not None:
            server.close()
        window.shutdown()
        service.close()
        logs.uninstall(handler)
