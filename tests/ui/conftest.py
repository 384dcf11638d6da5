"""Fixtures for the window tests: a local HTTP server over tests/data/ui, a filled data dir,
and the real MainWindow over it."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.core.service import Service
from reader.ui import quick_enums

quick_enums.install()  # the Qt enums made from here on are made as the window makes them

DATA = Path(__file__).resolve().parent.parent / "data" / "ui"
TYPES = {
    ".xml": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".html": "text/html",
    ".png": "image/png",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns that it cannot pass size hints to a window manager.
    marker = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(marker)


@dataclass
class FeedServer:
    """What the tests can see of and change in the server."""

    base: str = ""
    requests: list[str] = field(default_factory=list)
    delay: float = 0.0  # seconds every feed answer waits (a slow server)
    aliases: dict[str, str] = field(default_factory=dict)  # path -> another fixture file
    release: threading.Event = field(default_factory=threading.Event)
    files: dict[str, bytes] = field(default_factory=dict)  # path -> body made by a test
    image_delay: float = 0.0  # seconds every .png answer waits (slow image downloads)
    httpd: ThreadingHTTPServer | None = None

    def url(self, name: str) -> str:
        return f"{self.base}/{name}"

    def stop(self) -> None:
        """Take the server down (the network is gone); idempotent."""
        if self.httpd is not None:
            httpd, self.httpd = self.httpd, None
            self.release.set()
            httpd.shutdown()
            httpd.server_close()


def _handler(state: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(self.path)
            name = self.path.lstrip("/").split("?")[0]
            name = state.aliases.get(name, name)
            if name in state.files:
                self._send(name, state.files[name])
                return
            path = DATA / name
            if "/" in name or not path.is_file():
                self.send_error(404, "Not Found")
                return
            if state.delay:
                state.release.wait(state.delay)  # a slow server, without time.sleep
            self._send(name, path.read_bytes().replace(b"@BASE@", state.base.encode()))

        def _send(self, name: str, body: bytes) -> None:
            suffix = Path(name).suffix
            if suffix == ".png" and state.image_delay:
                state.release.wait(state.image_delay)
            self.send_response(200)
            self.send_header("Content-Type", TYPES.get(suffix, "application/octet-stream"))
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:  # the client gave up (a cancelled download)
                pass

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture
def server() -> Iterator[FeedServer]:
    state = FeedServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    state.httpd = httpd
    thread = threading.Thread(target=httpd.serve_forever, name="feed-server", daemon=True)
    thread.start()
    yield state
    state.stop()


@pytest.fixture
def service(tmp_path: Path, server: FeedServer) -> Iterator[Service]:
    """A data dir with the English news feed and the Arabic feed, added through the engine."""
    svc = Service(tmp_path / "data")
    svc.set_setting("retention_days", "36500")  # fixture articles are from 2025
    svc.set_setting("refresh_minutes", "0")
    svc.add_feed(server.url("news.xml"))
    svc.add_feed(server.url("arabic.xml"))
    yield svc
    svc.close()


@pytest.fixture
def window(qtbot, service: Service):  # type: ignore[no-untyped-def]
    from reader.ui.mainwindow import MainWindow

    win = MainWindow(service)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.loaded and win.articles.rowCount() > 0)
    yield win
    win.shutdown()


@pytest.fixture
def arabic(qapp, monkeypatch):  # type: ignore[no-untyped-def]
    """The interface in Arabic (right to left) for one test; its translators are yielded."""
    from reader.ui import i18n

    monkeypatch.setenv("READER_LANG", "ar_SA")
    translators = i18n.install(qapp)
    yield translators
    i18n.uninstall(qapp, translators)
