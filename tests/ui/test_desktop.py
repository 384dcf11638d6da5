"""One window per data folder: a later launch hands its request to the running window, a stale
socket left by a crash is recovered, and the command line never goes through any of it."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from reader import app, cli
from reader.core.service import Service
from reader.desktop import APP_ID
from reader.ui import instance, main
from reader.ui.instance import Request
from reader.ui.instance_server import InstanceServer


@pytest.fixture
def name(tmp_path: Path) -> str:
    return str(tmp_path / "r.sock")  # a path keeps tests apart from any real window


@pytest.fixture
def listener(qtbot: Any, name: str) -> Iterator[InstanceServer]:
    """The running window's end (the ui conftest's `server` is the feed server)."""
    srv = InstanceServer(name)
    assert srv.listen()
    yield srv
    srv.close()


# A second launch is a second process, as in real use: QObjects (its QLocalSocket) must not be
# made in a Python thread of this process, which crashed Qt now and then at teardown.
_SECOND_LAUNCH = """
import json, sys
from reader.ui.instance import Request, send
request = Request.decode(sys.argv[2].encode())
try:
    print(json.dumps(send(sys.argv[1], request, **json.loads(sys.argv[3]))))
except TimeoutError as exc:
    print(json.dumps("timeout: " + str(exc)))
"""


class Launch:
    """A second launch's send() in its own process, so this event loop can serve it."""

    def __init__(self, name: str, request: Request, **kwargs: Any) -> None:
        self.result: Any = None
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _SECOND_LAUNCH,
                name,
                request.encode().decode().strip(),
                json.dumps(kwargs),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )

    def done(self) -> bool:
        if self._process.poll() is None:
            return False
        if self.result is None:
            out = self._process.stdout.read() if self._process.stdout else ""
            value = json.loads(out) if out.strip() else None
            self.result = TimeoutError(value) if isinstance(value, str) else value
        return True


def _launch(qtbot: Any, name: str, request: Request, **kwargs: Any) -> Any:
    launch = Launch(name, request, **kwargs)
    qtbot.waitUntil(launch.done, timeout=10_000)
    return launch.result


def test_second_launch_asks_to_raise(qtbot: Any, listener: InstanceServer, name: str) -> None:
    refreshes: list[None] = []
    listener.refresh_requested.connect(lambda: refreshes.append(None))
    with qtbot.waitSignal(listener.raise_requested, timeout=5000) as raised:
        launch = Launch(name, Request(activation_token="tok-1"))
    qtbot.waitUntil(launch.done)
    assert launch.result is True
    assert raised.args == ["tok-1"]
    assert refreshes == []


def test_refresh_is_handed_over_without_raising(
    qtbot: Any, listener: InstanceServer, name: str
) -> None:
    raised: list[str] = []
    listener.raise_requested.connect(raised.append)
    with qtbot.waitSignal(listener.refresh_requested, timeout=5000):
        launch = Launch(name, Request(refresh=True))
    qtbot.waitUntil(launch.done)
    assert launch.result is True
    assert raised == []


def test_url_opens_the_subscribe_dialog(qtbot: Any, listener: InstanceServer, name: str) -> None:
    with qtbot.waitSignal(listener.open_requested, timeout=5000) as opened:
        launch = Launch(name, Request(urls=("https://news.example/feed.xml",)))
    qtbot.waitUntil(launch.done)
    assert opened.args == ["https://news.example/feed.xml"]


def test_malformed_request_is_refused(qtbot: Any, listener: InstanceServer, name: str) -> None:
    received: list[object] = []
    listener.request_received.connect(received.append)
    client = socket.socket(socket.AF_UNIX)
    client.connect(name)
    client.sendall(b'{"protocol": 99}\n')
    client.settimeout(0.05)
    reply = b""

    def answered() -> bool:
        nonlocal reply
        try:
            reply += client.recv(100)
        except TimeoutError:
            pass
        return b"\n" in reply

    qtbot.waitUntil(answered, timeout=5000)
    client.close()
    assert reply == b"error\n"
    assert received == []


def test_no_window_means_no_hand_off(name: str) -> None:
    assert instance.send(name, Request()) is False


def test_a_window_that_does_not_answer_is_reported(tmp_path: Path) -> None:
    path = str(tmp_path / "hung.sock")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(path)
    listener.listen(1)  # accepts at the kernel level, never reads nor answers
    try:
        with pytest.raises(TimeoutError, match="did not answer"):
            instance.send(path, Request(), timeout_ms=300)
    finally:
        listener.close()


def test_only_one_server_per_name(qtbot: Any, listener: InstanceServer, name: str) -> None:
    second = InstanceServer(name)
    assert second.listen() is False
    assert not second.listening
    assert listener.listening


def test_stale_socket_is_recovered(qtbot: Any, name: str) -> None:
    dead = socket.socket(socket.AF_UNIX)  # a crashed window: the file stays, nobody listens
    dead.bind(name)
    dead.close()
    assert os.path.exists(name)
    assert instance.send(name, Request()) is False

    srv = InstanceServer(name)
    try:
        assert srv.listen() is True
        assert srv.recovered_stale
        with qtbot.waitSignal(srv.raise_requested, timeout=5000):
            launch = Launch(name, Request())
        qtbot.waitUntil(launch.done)
        assert launch.result is True
    finally:
        srv.close()
    assert not os.path.exists(name)  # a clean stop leaves no socket behind


def test_socket_name_is_per_data_folder(tmp_path: Path) -> None:
    one = instance.socket_name(tmp_path / "one")
    assert one == instance.socket_name(tmp_path / "one")
    assert one != instance.socket_name(tmp_path / "two")
    assert len(one.encode()) < 100


def test_request_round_trip() -> None:
    request = Request(
        refresh=True, urls=("https://a.example/", "http://ب.example/"), activation_token="t"
    )
    assert Request.decode(request.encode().strip()) == request
    for bad in (b"[]", b'{"protocol": 1, "urls": "x"}', b"not json"):
        with pytest.raises(ValueError):
            Request.decode(bad)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (None, False, (), None)),
        (["--data-dir", "/d", "--refresh"], ("/d", True, (), None)),
        (["--lang", "ar"], (None, False, (), "ar")),
        (["feed://news.example/rss"], (None, False, ("http://news.example/rss",), None)),
        (["feed:https://news.example/rss"], (None, False, ("https://news.example/rss",), None)),
        (["https://news.example/"], (None, False, ("https://news.example/",), None)),
        (["feeds"], None),
        (["--data-dir", "/d", "refresh", "--json"], None),
        (["install-desktop"], None),
        (["--help"], None),
        (["--version"], None),
        (["fedes"], None),
        (["--data-dir"], None),
    ],
)
def test_commands_never_reach_the_window(argv: list[str], expected: object) -> None:
    commands = app._commands(cli.build_parser())
    assert "install-desktop" in commands
    assert app.window_request(argv, commands) == expected


@pytest.mark.qt_log_ignore(  # offscreen has no window manager (this replaces conftest's mark)
    "This plugin does not support raise", "This plugin does not support propagateSizeHints"
)
def test_window_is_raised_and_refreshed(
    qtbot: Any, window: Any, listener: InstanceServer, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    refreshed: list[None] = []
    monkeypatch.setattr(window, "refresh_all", lambda: refreshed.append(None))
    main.attach(listener, window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    assert _launch(qtbot, name, Request()) is True
    qtbot.waitUntil(lambda: window.isVisible() and not window.isMinimized())
    assert _launch(qtbot, name, Request(refresh=True)) is True
    qtbot.waitUntil(lambda: refreshed == [None])


def test_application_identity(qapp: QApplication) -> None:
    main.setup_application(qapp)
    assert qapp.desktopFileName() == APP_ID
    assert qapp.applicationName() == "Reader"
    assert not qapp.windowIcon().isNull()
    assert not main.app_icon().pixmap(64, 64).isNull()


def test_second_reader_process_hands_over(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reader --data-dir D --refresh` exits at once and the running window gets the refresh,
    while `reader --data-dir D feeds` runs as a command next to the window."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    data = tmp_path / "data"
    srv = InstanceServer(instance.socket_name(data))
    assert srv.listen()
    env = {k: v for k, v in os.environ.items() if not k.startswith("READER_")}

    def start(*args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "reader", "--data-dir", str(data), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )

    def done(process: subprocess.Popen[str]) -> Callable[[], bool]:
        return lambda: process.poll() is not None

    try:
        with qtbot.waitSignal(srv.refresh_requested, timeout=20_000):
            launch = start("--refresh")
        qtbot.waitUntil(done(launch), timeout=20_000)
        assert launch.returncode == 0, launch.communicate()[1]
        # The hand-over happens before Qt is imported: it is quick and needs no display.
        script = (
            "import sys; from reader import app; code = app.main(sys.argv[1:]); "
            "print('PySide6' in sys.modules); sys.exit(code)"
        )
        with qtbot.waitSignal(srv.raise_requested, timeout=20_000):
            bare = subprocess.Popen(
                [sys.executable, "-c", script, "--data-dir", str(data)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env={k: v for k, v in env.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")},
            )
        qtbot.waitUntil(done(bare), timeout=20_000)
        out, err = bare.communicate()
        assert bare.returncode == 0, err
        assert out.strip() == "False"
        command = start("feeds", "--json")
        qtbot.waitUntil(done(command), timeout=20_000)
        out, err = command.communicate()
        assert command.returncode == 0, err
        assert out.strip() == "[]"
    finally:
        srv.close()


def test_the_launch_side_loads_no_qt_nor_openssl() -> None:
    """A launch hands over before QApplication exists, with no Qt at all (and no OpenSSL,
    ~3 ms); test_startview checks that the window's start loads no QtNetwork either."""
    code = (
        "import sys, reader.ui.instance; print('PySide6' in sys.modules, 'hashlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "False False", done.stderr


@pytest.fixture(params=["runtime", "temp"])
def place(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the socket goes: a path in $XDG_RUNTIME_DIR, or a bare name that Qt puts in
    $TMPDIR (given with a trailing slash, which Qt drops); returns that folder."""
    folder = tmp_path / request.param[0]  # short: a socket path holds at most 107 bytes
    folder.mkdir(mode=0o700)
    if request.param == "runtime":
        monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    else:
        monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
        monkeypatch.setenv("TMPDIR", f"{folder}/")
    return folder


def test_the_launch_reaches_the_qt_server_where_qt_listens(
    qtbot: Any, tmp_path: Path, place: Path
) -> None:
    name = instance.socket_name(tmp_path / "data")
    assert name.startswith("/") == (place.name == "r")
    srv = InstanceServer(name)
    try:
        assert srv.listen()
        assert srv.path == instance.socket_path(name)
        assert os.path.dirname(srv.path) == str(place)
        with qtbot.waitSignal(srv.open_requested, timeout=5000) as opened:
            launch = Launch(name, Request(urls=("https://news.example/feed.xml",)))
        qtbot.waitUntil(launch.done, timeout=10_000)
        assert launch.result is True
        assert opened.args == ["https://news.example/feed.xml"]
    finally:
        srv.close()
    assert os.listdir(place) == []


def test_no_listener_is_no_window_at_once(tmp_path: Path, place: Path) -> None:
    name = instance.socket_name(tmp_path / "data")
    path = instance.socket_path(name)
    started = time.monotonic()
    assert instance.send(name, Request()) is False  # no file
    Path(path).write_text("not a socket")
    assert instance.send(name, Request()) is False
    os.unlink(path)
    dead = socket.socket(socket.AF_UNIX)  # a crashed window's file: nobody accepts on it
    dead.bind(path)
    dead.close()
    assert instance.send(name, Request()) is False
    assert time.monotonic() - started < 0.5  # refused at once, no connect timeout waited


def test_a_listener_that_never_answers_times_out_in_time(tmp_path: Path, place: Path) -> None:
    name = instance.socket_name(tmp_path / "data")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(instance.socket_path(name))
    listener.listen(1)  # accepts at the kernel level, never reads nor answers
    try:
        started = time.monotonic()
        with pytest.raises(TimeoutError, match="did not answer"):
            instance.send(name, Request(), timeout_ms=400)
        assert 0.35 < time.monotonic() - started < 2
    finally:
        listener.close()


def test_the_socket_name_is_stable_and_per_user_and_folder(tmp_path: Path) -> None:
    one = instance.socket_name(tmp_path / "one")
    code = (
        "import sys; from pathlib import Path; from reader.ui import instance; "
        "print(instance.socket_name(Path(sys.argv[1])))"
    )
    other_run = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "one")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert other_run.stdout.strip() == one  # not Python's per-run hash()
    names = {instance.socket_name(tmp_path / f"f{i}") for i in range(2000)}
    assert len(names) == 2000
    assert re.fullmatch(r"reader-[0-9a-f]{16}(\.sock)?", os.path.basename(one))


_OTHER_WINDOW_WON = """
import sys
from pathlib import Path
from reader.core.service import Service
from reader.ui import main
from reader.ui.instance import Request
sys.exit(main.run(Service(Path(sys.argv[1])), instance=sys.argv[2], request=Request(refresh=True)))
"""


def test_a_window_that_finds_the_socket_taken_hands_over_and_quits(
    qtbot: Any, listener: InstanceServer, name: str, tmp_path: Path
) -> None:
    """Another window took the socket between this launch's check and its first paint."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("READER_")}
    with qtbot.waitSignal(listener.refresh_requested, timeout=30_000):
        late = subprocess.Popen(
            [sys.executable, "-c", _OTHER_WINDOW_WON, str(tmp_path / "data"), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
    qtbot.waitUntil(lambda: late.poll() is not None, timeout=20_000)
    assert late.returncode == 0, late.communicate()[1]
    assert listener.listening


def test_two_windows_started_at_once_end_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    data = tmp_path / "data"
    # A folder used before: two launches creating a new database at once is another matter
    # (the second one reports the database busy).
    Service(data).close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("READER_")}
    windows = [
        subprocess.Popen(
            [sys.executable, "-m", "reader", "--data-dir", str(data)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for _ in range(2)
    ]
    try:
        deadline = time.monotonic() + 60
        while all(w.poll() is None for w in windows) and time.monotonic() < deadline:
            time.sleep(0.1)
        ended = [w for w in windows if w.poll() is not None]
        assert len(ended) == 1, [w.communicate()[1] for w in ended] or "both stayed open"
        assert ended[0].returncode == 0, ended[0].communicate()[1]
        (survivor,) = [w for w in windows if w.poll() is None]
        name = instance.socket_name(data)
        assert instance.send(name, Request()) is True  # it holds the socket
        survivor.send_signal(signal.SIGTERM)
        assert survivor.wait(timeout=30) == 0, survivor.communicate()[1]
        assert os.listdir(runtime) == []  # a clean stop removes its socket
    finally:
        for w in windows:
            if w.poll() is None:
                w.kill()
                w.wait()


_SIGNAL_INSIDE_A_LOCK = """
import os, signal, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from reader.core.service import Service
from reader.ui import main
from reader.ui.mainwindow import MainWindow

def signal_inside_a_lock(window):
    # SIGTERM arrives while the window's task runner holds its lock (as in a task submission)
    with window.runner._lock:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(0.3)  # Python runs its signal handler here, inside the lock
    print("lock released", flush=True)

shown = MainWindow.show
def show(self):
    shown(self)
    # after the window's own after-paint work, which installs the signal handling
    self.after_first_paint(lambda: QTimer.singleShot(0, lambda: signal_inside_a_lock(self)))
MainWindow.show = show
sys.exit(main.run(Service(Path(sys.argv[1]))))
"""


def test_sigterm_in_the_middle_of_work_still_closes_the_window(tmp_path: Path) -> None:
    """The window quits from its event loop, not from inside whatever Python code the signal
    interrupted: a quit from the handler itself deadlocked on a lock held there."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("READER_")}
    window = subprocess.Popen(
        [sys.executable, "-c", _SIGNAL_INSIDE_A_LOCK, str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        out, err = window.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        window.kill()
        window.communicate()
        pytest.fail("the window hung after SIGTERM")
    assert window.returncode == 0, err
    assert "lock released" in out
    assert "Traceback" not in err
