"""One window per data folder: a later launch hands its request to the window already running.

The first window listens on a local socket whose name is derived from the data folder (so two
data folders can run side by side); a later `reader`, `reader --refresh` or `reader URL` connects,
sends one JSON line, waits for "ok" and exits. A socket file left by a crashed window is found
(nobody answers on it) and removed. The command-line subcommands never come here: they open the
database directly, which WAL and short transactions make safe next to the window.

This module is the launch's end and runs before the window exists, so it imports no Qt (the
QtNetwork import and OpenSSL, which hashlib loads, cost ~8 ms of the start): on POSIX it talks
to Qt's QLocalServer through a plain Unix socket. The window's end is instance_server.py.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

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
    Qt places in the temporary folder; the user's id goes into the name's checksum either way.
    """
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    folder = os.path.normcase(os.path.abspath(data_dir.expanduser()))
    key = _checksum(user.encode() + b"\0" + os.fsencode(folder))
    name = f"reader-{key}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if sys.platform != "win32" and runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        path = os.path.join(runtime, f"{name}.sock")
        if len(path.encode()) < 100:  # sun_path holds 108 bytes
            return path
    return name


def _checksum(data: bytes) -> str:
    """16 hex digits, the same for the same bytes in every run and version.

    The name needs no secret (it only keeps the folder's path out of sight) but must not collide
    between a user's folders. hashlib would load OpenSSL (~3 ms) and hash() differs per run, so:
    CRC-32 (zlib, loaded at the start anyway) of the bytes and of the bytes reversed. CRC is
    linear: a second CRC-32 with a salt collides exactly when the first does (32 bits in all),
    while the reversed bytes make a different linear check: 64 bits together (checked: rank 64
    over GF(2) for inputs of 20 bytes and more; uid + data folder path are about that long).
    """
    return f"{zlib.crc32(data):08x}{zlib.crc32(data[::-1]):08x}"


def socket_path(name: str) -> str:
    """The file where Qt's QLocalServer on Unix listens for `name`.

    A name starting with "/" is the path itself; else it goes into QDir::tempPath(), which is
    $TMPDIR (cleaned: no trailing "/") or /tmp (Qt's qlocalsocket_unix.cpp and
    qfilesystemengine_unix.cpp; macOS without $TMPDIR asks the system, but sets it for users).
    """
    if name.startswith("/"):
        return name
    temp = os.environ.get("TMPDIR") or "/tmp"
    return os.path.normpath(temp) + "/" + name


def send(name: str, request: Request, *, timeout_ms: int = REPLY_MS) -> bool:
    """Hand `request` to the window listening on `name`.

    Needs no QCoreApplication and, but on Windows, no Qt at all: a second launch stays cheap.

    Returns:
        True when the window took the request, False when no window listens there (no socket
        file, or one nobody accepts on: a crashed window's).

    Raises:
        TimeoutError: a window accepted the connection but did not answer (it may be hung).
    """
    if sys.platform == "win32":
        reply = _exchange_qt(name, request.encode(), timeout_ms)
    else:
        reply = _exchange_unix(socket_path(name), request.encode(), timeout_ms)
    if reply is None:
        return False
    if reply.startswith(b"ok"):
        return True
    raise TimeoutError(
        "a Reader window is running for this data folder but did not answer; "
        "close it (or end its process) and start Reader again."
    )


def _exchange_unix(path: str, message: bytes, timeout_ms: int) -> bytes | None:
    """Send `message` to the socket at `path`; the reply so far, None when nobody accepts."""
    try:
        if not stat.S_ISSOCK(os.stat(path).st_mode):
            return None
    except OSError:  # no file: the usual first start, which then needs no socket module
        return None
    import socket  # ~2 ms, only paid when a socket file is there

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(CONNECT_MS / 1000)
        try:
            client.connect(path)
        except OSError:  # refused (a crashed window's file), not ours, name too long...
            return None
        deadline = time.monotonic() + timeout_ms / 1000
        reply = b""
        try:
            client.settimeout(timeout_ms / 1000)
            client.sendall(message)
            while b"\n" not in reply:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                client.settimeout(left)
                chunk = client.recv(64)
                if not chunk:  # the window closed the connection
                    break
                reply += chunk
        except OSError:  # timed out or reset: no answer
            pass
        return reply


def _exchange_qt(name: str, message: bytes, timeout_ms: int) -> bytes | None:
    """_exchange_unix for Windows, where QLocalServer listens on a named pipe."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return None
    deadline = time.monotonic() + timeout_ms / 1000
    socket.write(message)
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
    return reply
