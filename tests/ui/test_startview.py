"""The start view: the window paints what it showed when it last closed, before its first
query returns, and the real queries correct it (ui/startview.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader import cli
from reader.core.service import Service
from reader.ui import startview
from reader.ui.mainwindow import MainWindow
from reader.ui.models.entries import ALL


def _close(window: MainWindow) -> None:
    window.close()
    window.service.close()


def _open(qtbot, service: Service) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(Service(service.data_dir))
    qtbot.addWidget(window)
    return window


def _spy(method, calls: list[str]):  # type: ignore[no-untyped-def]
    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(method.__name__)
        return method(*args, **kwargs)

    return spy


def _titles(window: MainWindow) -> list[str]:
    model = window.articles
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _count_of(window: MainWindow, key) -> str:  # type: ignore[no-untyped-def]
    index = window.sidebar_model.index_for_key(key)
    return window.sidebar_model.index(index.row(), 1, index.parent()).data()


def test_the_window_closes_with_a_start_view_and_shows_it_before_any_query(
    qtbot, window, service, monkeypatch
):
    window.close()
    assert startview.path(service.data_dir).is_file()

    queried: list[str] = []
    reopened = Service(service.data_dir)
    for name in ("article_ids", "articles_by_ids", "counts", "feeds", "categories"):
        monkeypatch.setattr(reopened, name, _spy(getattr(reopened, name), queried))
    again = MainWindow(reopened)
    qtbot.addWidget(again)

    # Straight after construction, before the event loop ran any query: already filled.
    ids = service.article_ids()
    assert again.articles.ids == ids
    assert again.articles.article_at(0) == service.articles_by_ids([ids[0]])[0]
    assert _titles(again)[0] == "Talks resume in Damascus"
    assert "استئناف المحادثات في دمشق" in _titles(again)
    assert again.list_panel.count.text() == f"{len(ids)} articles"
    assert {f.title for f in again.sidebar_model.feeds} == {f.title for f in service.feeds()}
    syria = again.sidebar_model.index_for_key(("category", "سوريا"))
    counts = next(c for c in service.categories() if c.name == "سوريا")
    assert again.sidebar_model.categories.tooltip(syria) == (
        f"سوريا: {counts.unread} unread of {counts.articles}"
    )
    assert _count_of(again, ALL) == str(service.counts()["unread"])
    assert queried == []
    assert not again.loaded

    again.show()  # then the real queries run and find the same
    qtbot.waitUntil(lambda: again.loaded and "article_ids" in queried)
    assert again.articles.ids == ids
    again.shutdown()
    reopened.close()


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\x01 not a start view",
        b'{"version": 1, "fields": {}}\n',  # written by another version
        b'{"version": 999}\n',
        b"[1, 2, 3]\n",
    ],
)
def test_an_unusable_start_view_is_ignored_and_the_window_still_fills(qtbot, service, content):
    startview.path(service.data_dir).write_bytes(content)
    window = _open(qtbot, service)
    assert window.articles.rowCount() == 0  # nothing shown from the file
    window.show()
    qtbot.waitUntil(lambda: window.loaded and window.articles.ids == service.article_ids())
    assert window.sidebar_model.index_for_key(("category", "Syria")).isValid()
    _close(window)


def test_a_start_view_cut_short_is_ignored(qtbot, window, service):
    window.close()
    path = startview.path(service.data_dir)
    path.write_bytes(path.read_bytes()[:-3])  # a crash while writing, say
    assert startview.load(service.data_dir) is None
    again = _open(qtbot, service)
    assert again.articles.rowCount() == 0
    again.show()
    qtbot.waitUntil(lambda: again.loaded and again.articles.ids == service.article_ids())
    _close(again)


def test_a_start_view_made_stale_by_the_command_line_is_corrected(qtbot, window, service):
    window.close()
    news = next(f for f in service.feeds() if f.title == "World News")
    kept = [f for f in service.feeds() if f.id != news.id]
    first = service.article_ids()[0]
    assert cli.run(["--data-dir", str(service.data_dir), "remove", str(news.id)]) == 0

    again = _open(qtbot, service)
    assert "Talks resume in Damascus" in _titles(again)  # what the file remembers
    again.show()
    ids = service.article_ids()
    qtbot.waitUntil(lambda: again.loaded and again.articles.ids == ids)
    assert first not in ids
    assert "Talks resume in Damascus" not in _titles(again)
    assert again.list_panel.count.text() == f"{len(ids)} articles"
    assert [f.title for f in again.sidebar_model.feeds] == [f.title for f in kept]
    qtbot.waitUntil(lambda: _count_of(again, ALL) == str(service.counts()["unread"]))
    assert not again.sidebar_model.index_for_key(("category", "Syria")).isValid()
    _close(again)

    # The next start shows the corrected view.
    assert list(startview.load(service.data_dir).ids) == ids


def test_the_start_view_holds_the_unfiltered_list_whatever_was_shown(qtbot, window, service):
    window.show_key(("category", "Syria"))
    qtbot.waitUntil(lambda: len(window.articles.ids) == 2)
    window.close()
    view = startview.load(service.data_dir)
    assert view is not None
    assert list(view.ids) == service.article_ids()
    assert set(view.rows) == set(service.article_ids())  # a small list: all its rows


def test_the_filled_time_is_written_for_the_benchmark(qtbot, service, tmp_path, monkeypatch):
    trace = tmp_path / "start.trace"
    monkeypatch.setenv("READER_TRACE_START", str(trace))
    window = _open(qtbot, service)
    window.show()
    qtbot.waitUntil(lambda: trace.is_file() and trace.read_text().startswith("filled "))
    assert window.articles.rowCount() > 0 and window.loaded
    float(trace.read_text().split()[1])
    _close(window)


def test_the_file_is_small_json_then_the_ids(window, service):
    window.close()
    header, _, ids = startview.path(service.data_dir).read_bytes().partition(b"\n")
    document = json.loads(header)
    assert document["version"] == startview.VERSION
    assert len(ids) == 8 * len(service.article_ids())


def test_the_start_view_follows_a_refresh(qtbot, window, service, server):
    server.aliases["news.xml"] = "news_more.xml"
    with qtbot.waitSignal(window.refresher.finished, timeout=15_000):
        window.refresh_all()
    ids = service.article_ids()

    def saved() -> bool:
        view = startview.load(service.data_dir)
        return view is not None and list(view.ids) == ids

    qtbot.waitUntil(saved)  # without closing the window: a crash later still finds it
    first = startview.load(service.data_dir).rows[ids[0]]
    assert first.title == "Ceasefire holds for a second day"


def test_the_window_start_imports_no_network_parsing_or_dialog_code():
    """What the first paint does not need loads when first used (tens of ms at every start);
    the single-instance server (QtNetwork) and OpenSSL come after the first paint."""
    code = (
        "import sys, reader.app\n"
        "from reader.core.service import Service\n"
        "from reader.ui import instance, main\n"
        "heavy = ('httpx', 'lxml', 'feedparser', 'nh3', 'reader.cli', 'reader.core.parse',\n"
        "         'reader.core.update', 'reader.core.sync', 'reader.core.offline',\n"
        "         'reader.ui.dialogs.preferences', 'reader.ui.dialogs.about',\n"
        "         'reader.ui.dialogs.addfeed', 'reader.ui.dialogs.feeds',\n"
        "         'reader.core.refresh_child', 'subprocess',\n"
        "         'PySide6.QtNetwork', 'hashlib', 'reader.ui.instance_server')\n"
        "print(','.join(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "", f"loaded before the window shows: {done.stdout}"


def test_the_start_view_keeps_the_first_categories_and_the_query_brings_the_rest(
    qtbot, window, service, monkeypatch
):
    # The sidebar builds its first rows before the first paint; the file holds only those.
    monkeypatch.setattr(startview, "FIRST_ROWS", 2)
    window.close()
    everything = [c.name for c in service.categories()]
    assert len(everything) > 2
    view = startview.load(service.data_dir)
    assert view is not None
    assert [c.name for c in view.sidebar.categories] == everything[:2]

    again = _open(qtbot, service)
    shown = again.sidebar_model.categories
    assert [shown.item(row, 0).text() for row in range(shown.rowCount())] == everything[:2]
    again.show()
    qtbot.waitUntil(lambda: again.loaded and shown.rowCount() == len(everything))
    assert sorted(shown.item(row, 0).text() for row in range(shown.rowCount())) == sorted(
        everything
    )
    again.shutdown()
