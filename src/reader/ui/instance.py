"""One window per data folder: a later launch hands its request to the window already running.

The first window listens on a local socket whose name is derived from the data folder (so two
data folders can run side by side); a later `reader`, `reader --refresh` or `reader URL` connects,
sends one JSON line, waits for "ok" and exits. A socket file left by a crashed window is found
(nobody answers on it) and removed. The command-line subcommands never come here: they open the
database directly, which WAL and short transactions make safe next to the window.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

PROTOCOL = 1
MAX_MESSAGE = 64 * 1024
CONNECT_MS = 500
REPLY_MS = 5000


@dataclass(frozen=True)
class Request:
    """What a launch asks of the window.

    Attributes:
        refresh: refresh every feed.
        urls: feed URLs to offer in the subscribe dialog.
        activation_token: the launcher's XDG_ACTIVATION_TOKEN or DESKTOP_STARTUP_ID, which lets
            the running window take the focus under focus-stealing prevention.
    """

    refresh: bool = False
    urls: tuple[str, ...] = ()
    activation_token: str = ""

    @classmethod
    def from_launch(cls, *, refresh: bool = False, urls: tuple[str, ...] = ()) -> Request:
        token = os.environ.get("XDG_ACTIVATION_TOKEN") or os.environ.get("DESKTOP_STARTUP_ID", "")
        return cls(refresh=refresh, urls=tuple(urls), activation_token=token)

    @property
    def wants_window(self) -> bool:
        """A plain launch or a URL brings the window forward; a bare --refresh does not."""
        return bool(self.urls) or not self.refresh

    def encode(self) -> bytes:
        data = {
            "protocol": PROTOCOL,
            "refresh": self.refresh,
            "urls": list(self.urls),
            "activation_token": self.activation_token,
        }
        return json.dumps(data).encode("utf-8") + b"\n"

    @classmethod
    def decode(cls, line: bytes) -> Request:
        """Raises ValueError for anything but a request of this protocol."""
        data = json.loads(line.decode("utf-8"))
        if not isinstance(data, dict) or data.get("protocol") != PROTOCOL:
            raise ValueError("not a Reader request")
        urls = data.get("urls", [])
        token = data.get("activation_token", "")
        if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
            raise ValueError("urls must be a list of strings")
        if not isinstance(token, str):
            raise ValueError("activation_token must be a string")
        return cls(refresh=bool(data.get("refresh")), urls=tuple(urls), activation_token=token)


def socket_name(data_dir: Path) -> str:
    """The server name for this data folder and this user.

    A path in $XDG_RUNTIME_DIR (private to the user) when there is one, else a bare name, which
    Qt places in the temporary folder; the user's id is hashed in either way.
    """
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    folder = os.path.normcase(os.path.abspath(data_dir.expanduser()))
    key = hashlib.sha256(f"{user}\0{folder}".encode()).hexdigest()[:16]
    name = f"reader-{key}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform != "win32" and runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        path = os.path.join(runtime, f"{name}.sock")
        if len(path.encode()) < 100:  # sun_path holds 108 bytes
            return path
    return name


def send(name: str, request: Request, *, timeout_ms: int = REPLY_MS) -> bool:
    """Hand `request` to the window listening on `name`.

    Needs no QCoreApplication (blocking socket calls only), so a second launch stays cheap.

    Returns:
        True when the window took the request, False when no window listens there.

    Raises:
        TimeoutError: a window listens but did not answer (it may be hung).
    """
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    deadline = time.monotonic() + timeout_ms / 1000
    socket.write(request.encode())
    reply = b""
    while b"\n" not in reply:
        left = int((deadline - time.monotonic()) * 1000)
        if left <= 0:
            break
        socket.waitForReadyRead(min(left, 200))
        reply += socket.readAll().data()
        if socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            reply += socket.readAll().data()
            break
    socket.abort()
    if reply.startswith(b"ok"):
        return True
    raise TimeoutError(
        "a Reader window is running for this data folder but did not answer; "
        "close it (or end its process) and start Reader again."
    )


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
