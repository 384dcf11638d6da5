"""The running window's end of the single-instance hand-off (the launch's end is instance.py).

QtNetwork is imported only here, and ui/main.py imports this module once the window has painted.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from reader.ui.instance import CONNECT_MS, MAX_MESSAGE, REPLY_MS, Request

log = logging.getLogger(__name__)


def _answers(name: str) -> bool:
    """Whether a live server accepts connections on `name`."""
    probe = QLocalSocket()
    probe.connectToServer(name)
    alive = probe.waitForConnected(CONNECT_MS)
    probe.abort()
    return alive


class InstanceServer(QObject):
    """The running window's end: receives requests from later launches.

    Signals:
        raise_requested(str): bring the window to the front (argument: the activation token).
        refresh_requested(): refresh every feed.
        open_requested(str): offer this feed URL in the subscribe dialog.
        request_received(object): the whole Request, after the signals above.
    """

    raise_requested = Signal(str)
    refresh_requested = Signal()
    open_requested = Signal(str)
    request_received = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.recovered_stale = False  # listen() removed a dead socket file
        # No socket options: with any, Qt binds elsewhere and renames over an existing socket,
        # so a second window would silently take the name. Privacy comes from the name's place
        # ($XDG_RUNTIME_DIR is the user's alone) and from the umask in the temporary folder.
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_new_connection)

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    @property
    def path(self) -> str:
        """Where the server listens (on Unix the socket file), empty when it does not."""
        return self._server.fullServerName()

    def listen(self) -> bool:
        """Take the name; returns False when another window already holds it.

        A socket file nobody answers on (a crashed window's) is removed and the name taken.
        Another failure (no permission, say) is logged and the window runs without hand-off.
        """
        if self._server.listen(self.name):
            return True
        if self._server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
            log.warning("single-instance socket %s: %s", self.name, self._server.errorString())
            return True
        if _answers(self.name):
            return False
        log.info("removing a stale socket %s (a previous window did not close)", self.name)
        QLocalServer.removeServer(self.name)
        self.recovered_stale = True
        if self._server.listen(self.name):
            return True
        if _answers(self.name):  # another launch took it in between
            return False
        log.warning("single-instance socket %s: %s", self.name, self._server.errorString())
        return True

    def close(self) -> None:
        """Stop listening (Qt removes the socket file)."""
        self._server.close()

    def dispatch(self, request: Request) -> None:
        """Emit the signals for `request` (also used for the first launch's own request)."""
        if request.wants_window:
            self.raise_requested.emit(request.activation_token)
        if request.refresh:
            self.refresh_requested.emit()
        for url in request.urls:
            self.open_requested.emit(url)
        self.request_received.emit(request)

    def _on_new_connection(self) -> None:
        while True:
            socket = self._server.nextPendingConnection()
            if socket is None:
                return
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._on_ready_read(s, b))
            socket.disconnected.connect(socket.deleteLater)
            # A client that connects and says nothing (a liveness probe) is dropped in time.
            QTimer.singleShot(REPLY_MS, socket, socket.abort)

    def _on_ready_read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += socket.readAll().data()
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE:
                socket.abort()
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        buffer.clear()
        try:
            request = Request.decode(line)
        except (ValueError, UnicodeDecodeError) as exc:
            log.warning("ignored a malformed request on %s: %s", self.name, exc)
            socket.write(b"error\n")
            socket.disconnectFromServer()
            return
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        self.dispatch(request)
