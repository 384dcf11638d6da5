"""Fixtures of the reliability suite; helpers live in reliability_helpers.py.

The engine-wide fixtures (`feed_server`, `module_feed_server`, `rss`, `clock`, `service`...) come
from tests/conftest.py. The figures the tests measure are printed at the end of the run.

`hostile_cli` is a `reader refresh` against every hostile server, started when the first test of
this folder starts: it waits on the real 30 s per-feed deadline while the other modules run, and
test_hostile_servers.py checks it last.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import (
    FIGURES,
    NO_CORPUS,
    REPO,
    ReaderProcess,
    SmallFarm,
    attribute_feed,
    corpus_root,
    install_hostile_routes,
    reader_command,
    run_reader,
)

CLI_CHECK = "test_cli_refresh_against_every_hostile_server"


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if FIGURES:
        terminalreporter.section("Reliability figures")
        for name in sorted(FIGURES):
            terminalreporter.write_line(f"{name}: {FIGURES[name]}")


@pytest.fixture(scope="session")
def hostile_dir() -> Path:
    folder = corpus_root() / "hostile"
    if not folder.is_dir():
        pytest.skip(NO_CORPUS.format(path=folder.parent))
    return folder


@pytest.fixture
def small_farm() -> Iterator[SmallFarm]:
    farm = SmallFarm()
    try:
        yield farm
    finally:
        farm.close()


@dataclass
class HostileCli:
    process: ReaderProcess
    data: Path
    urls: dict[str, str]
    server: Any  # tests/conftest.py's FeedServer


def _feed_server_class(config: pytest.Config) -> Any:
    """tests/conftest.py's FeedServer (conftest modules cannot be imported by name reliably)."""
    root = str(REPO / "tests" / "conftest.py")
    plugins = config.pluginmanager.get_plugins()
    module = next(m for m in plugins if getattr(m, "__file__", None) == root)
    return module.FeedServer


@pytest.fixture(scope="session")
def _hostile_cli_holder(request: pytest.FixtureRequest) -> Iterator[dict[str, HostileCli]]:
    holder: dict[str, HostileCli] = {}
    yield holder
    if "run" in holder:
        holder["run"].process.kill()
        holder["run"].server.close()


@pytest.fixture(autouse=True)
def _start_hostile_cli(
    request: pytest.FixtureRequest,
    _hostile_cli_holder: dict[str, HostileCli],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Starts the hostile refresh at the first test of this folder, if its check was selected."""
    if _hostile_cli_holder or not any(
        getattr(i, "originalname", i.name) == CLI_CHECK for i in request.session.items
    ):
        return
    server = _feed_server_class(request.config)()
    urls = install_hostile_routes(server)
    # Only in this run: the real parse deadline (15 s) fits in the fetch deadline (30 s).
    urls["pathological 18 MB"] = server.add(
        "/srv/attributes.xml",
        attribute_feed(),
        content_type="application/rss+xml",
        conditional=False,
    )
    data = tmp_path_factory.mktemp("hostile-cli") / "data"
    outlines = "".join(
        f'<outline type="rss" text="{name}" xmlUrl="{url.replace("&", "&amp;")}"/>'
        for name, url in urls.items()
    )
    opml = data.parent / "hostile.opml"
    opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>', encoding="utf-8")
    imported = run_reader(data, "import", str(opml))
    assert imported.stdout.startswith(f"imported {len(urls)},"), imported
    process = ReaderProcess(reader_command(data, "refresh"))
    _hostile_cli_holder["run"] = HostileCli(process, data, urls, server)


@pytest.fixture
def hostile_cli(_hostile_cli_holder: dict[str, HostileCli]) -> HostileCli:
    return _hostile_cli_holder["run"]
