"""Environment faults through the real command: a full disk, a read-only data folder, a database
from a newer Reader, a file that is not Reader's, a corrupt database, two processes at once.

The contract (README): a database problem exits 1 with one line that says what to do, and the
file is left untouched; a full disk loses nothing and writing works again once there is room.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from reliability_helpers import (
    CANNOT_DROP,
    ReaderProcess,
    SmallFarm,
    check_database,
    reader_command,
    record,
    run_reader,
    sha256,
    subscribe_farm,
    wrapped,
)

from reader.core.storage.db import SCHEMA_VERSION

DB = "reader.sqlite3"
OPML = '<opml version="2.0"><body><outline xmlUrl="http://h.example/f.xml"/></body></opml>'


@pytest.fixture(scope="module")
def farm() -> Iterator[SmallFarm]:
    farm = SmallFarm(feeds=6, spread=0.0)
    try:
        yield farm
    finally:
        farm.close()


@pytest.fixture(scope="module")
def template(farm: SmallFarm, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the farm's feeds refreshed and three favorites, closed cleanly."""
    base = tmp_path_factory.mktemp("template")
    data = base / "data"
    subscribe_farm(data, farm, base)
    assert run_reader(data, "star", "1", "2", "3").code == 0
    assert sorted(p.name for p in data.iterdir()) == [DB]  # no WAL left: a copy is complete
    return data


def copy_of(template: Path, where: Path) -> Path:
    data = where / "data"
    shutil.copytree(template, data)
    return data


def snapshot(data: Path) -> dict[str, str]:
    """Every file of the data dir with its hash: 'left untouched' means this does not change."""
    return {p.name: sha256(p) for p in sorted(data.iterdir()) if p.is_file()}


def counts(data: Path) -> tuple[int, int, set[int]]:
    conn = sqlite3.connect(data / DB)
    try:
        feeds = conn.execute("SELECT count(*) FROM feeds").fetchone()[0]
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        starred = {r[0] for r in conn.execute("SELECT id FROM articles WHERE starred = 1")}
        return feeds, articles, starred
    finally:
        conn.close()


def opml_of(count: int, path: Path) -> Path:
    outlines = "".join(
        f'<outline type="rss" text="f{i}" xmlUrl="http://h{i}.example/feed.xml"/>'
        for i in range(count)
    )
    path.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>', encoding="utf-8")
    return path


# --- a full disk ---------------------------------------------------------------------------------


def test_disk_full_during_import_stores_nothing_and_import_works_after(
    template: Path, tmp_path: Path
) -> None:
    data = copy_of(template, tmp_path)
    before = counts(data)
    opml = opml_of(10_000, tmp_path / "big.opml")
    full = run_reader(data, "import", str(opml), fsize_limit=64 * 1024)
    assert full.code == 1, full
    line = full.one_line_error()
    assert "disk" in line and "full" in line and "nothing was lost" in line, line
    check_database(data / DB)
    assert counts(data) == before  # one transaction: nothing stored half-way
    again = run_reader(data, "import", str(opml))
    assert again.code == 0 and again.stdout.startswith("imported 10000,"), again
    check_database(data / DB)


def test_disk_full_during_refresh_loses_nothing_and_refresh_works_after(
    template: Path, farm: SmallFarm, tmp_path: Path
) -> None:
    data = copy_of(template, tmp_path)
    feeds, articles, starred = counts(data)
    for _ in range(3):
        farm.mutate(1.0)
    full = run_reader(data, "refresh", "--json", fsize_limit=64 * 1024)
    assert full.code == 1, full
    line = full.one_line_error()
    assert "disk" in line and "full" in line, line
    assert full.stdout == ""
    check_database(data / DB)
    after = counts(data)
    assert after[0] == feeds and after[1] >= articles and after[2] == starred
    done = run_reader(data, "refresh", "--json")
    statuses = {row["status"] for row in done.json()}
    assert statuses <= {"updated", "not_modified"}, done.stdout
    check_database(data / DB)
    conn = sqlite3.connect(data / DB)
    try:
        keys = {r[0] for r in conn.execute("SELECT key FROM articles")}
    finally:
        conn.close()
    for i in range(farm.count):
        assert farm.keys(i) <= keys
    record(
        "disk full",
        "import of 10,000 feeds and a refresh under a 64 KB file size limit: exit 1 with one "
        "line, integrity ok, nothing stored half-way, both work once the limit is lifted",
    )


# --- files Reader must not touch -----------------------------------------------------------------


COMMANDS = [
    ("feeds",),
    ("articles", "--json"),
    ("refresh",),
    ("star", "1"),
    ("import", "OPML"),
    ("add", "http://127.0.0.1:9/feed.xml"),
]


REFUSED: list[str] = []  # the faults tried, for the figures


def assert_refused(data: Path, words: tuple[str, ...], opml: Path, read_only: bool = False) -> str:
    """Every command exits 1 with one line holding `words`; no file of the dir changes."""
    before = snapshot(data)
    line = ""
    for command in COMMANDS:
        args = [str(opml) if a == "OPML" else a for a in command]
        result = run_reader(data, *args, timeout=60, read_only=read_only)
        assert result.code == 1, (command, result)
        line = result.one_line_error()
        for word in words:
            assert word in line.lower(), (command, line)
        assert result.stdout == "", (command, result.stdout)
        assert snapshot(data) == before, f"{command} changed the data dir"
    REFUSED.append(words[0])
    record(
        "files refused untouched",
        f"{len(REFUSED)} cases ({', '.join(REFUSED)}) x {len(COMMANDS)} commands "
        "(feeds, articles, refresh, star, import, add): exit 1, one line saying what to do, "
        "every file of the data dir byte-identical afterwards",
    )
    return line


def test_newer_database_is_refused_and_left_untouched(template: Path, tmp_path: Path) -> None:
    data = copy_of(template, tmp_path)
    conn = sqlite3.connect(data / DB)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    line = assert_refused(data, ("newer version", "upgrade"), opml_of(3, tmp_path / "a.opml"))
    assert "untouched" in line


@pytest.mark.parametrize("kind", ["another app's SQLite", "another application id", "text"])
def test_a_file_that_is_not_readers_is_refused_and_left_untouched(
    kind: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    if kind == "text":
        (data / DB).write_text("These are my notes, not a database.\n" * 50, encoding="utf-8")
    else:
        conn = sqlite3.connect(data / DB)
        conn.execute("CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places(url) VALUES ('https://example.com/')")
        if kind == "another application id":
            conn.execute("PRAGMA application_id = 1234")
        conn.commit()
        conn.close()
    line = assert_refused(data, ("not a reader database",), opml_of(3, tmp_path / "a.opml"))
    assert "untouched" in line and ("move it away" in line.lower())


def corrupt(path: Path, page: int, *, seed: int = 1) -> None:
    """Overwrite one 4 KB page with random bytes (page 1 is the header, page 2 the first table)."""
    size = path.stat().st_size
    assert size >= page * 4096
    garbage = random.Random(seed).randbytes(4096)
    with open(path, "r+b") as f:
        f.seek((page - 1) * 4096)
        f.write(garbage)


def test_corrupt_database_is_refused_and_never_overwritten(template: Path, tmp_path: Path) -> None:
    data = copy_of(template, tmp_path)
    corrupt(data / DB, 2)
    line = assert_refused(data, ("corrupt", "untouched"), opml_of(3, tmp_path / "a.opml"))
    assert "backup" in line


def test_deeper_corruption_never_gives_a_traceback(template: Path, tmp_path: Path) -> None:
    """Damage past the first pages is found only by the query that reads it: a sentence, exit 1."""
    data = copy_of(template, tmp_path)
    pages = (data / DB).stat().st_size // 4096
    for page in range(3, pages + 1, max(1, pages // 8)):
        corrupt(data / DB, page, seed=page)
    for command in (("feeds",), ("articles", "--limit", "0"), ("categories",), ("show", "1")):
        result = run_reader(data, *command)
        assert "Traceback" not in result.stderr, (command, result.stderr[-500:])
        if result.code != 0:
            assert result.code in (1, 2), (command, result)
            result.one_line_error()


# --- a read-only data folder ---------------------------------------------------------------------


@pytest.fixture
def readonly_data(template: Path) -> Iterator[Path]:
    """The template in a folder (and a file) without write permission.

    Root ignores permissions, so as root the commands run without that power (`read_only=True`
    drops CAP_DAC_OVERRIDE and friends); the test skips where that cannot be done.
    """
    base = Path(tempfile.mkdtemp(prefix="reader-ro-"))
    data = base / "data"
    shutil.copytree(template, data)
    (base / "a.opml").write_text(OPML, encoding="utf-8")
    os.chmod(data / DB, 0o444)
    os.chmod(data, 0o555)
    try:
        probe = ReaderProcess(
            wrapped([sys.executable, "-c", f"open({str(data / 'probe')!r}, 'w')"], read_only=True)
        ).finish(60)
        if probe.code == CANNOT_DROP or probe.code == 0:
            pytest.skip("cannot make a folder read-only for this user here")
        yield data
    finally:
        os.chmod(data, 0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_read_only_data_dir_is_refused_and_left_untouched(readonly_data: Path) -> None:
    line = assert_refused(readonly_data, ("read-only",), readonly_data.parent / "a.opml", True)
    assert "permission" in line.lower()


def test_read_only_parent_folder_is_refused_with_a_sentence(readonly_data: Path) -> None:
    result = run_reader(readonly_data / "new", "feeds", read_only=True)
    assert result.code == 1, result
    line = result.one_line_error()
    assert "folder" in line.lower(), line
    assert not (readonly_data / "new").exists()


# --- two processes on one data dir ---------------------------------------------------------------


def test_two_processes_writing_at_once_lose_no_write(
    template: Path, farm: SmallFarm, tmp_path: Path
) -> None:
    """Two refreshes and a burst of star/read commands at once: all succeed, every star stays."""
    data = copy_of(template, tmp_path)
    farm.mutate(1.0)
    conn = sqlite3.connect(data / DB)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE starred = 0 ORDER BY id")]
    conn.close()
    rng = random.Random(3)
    to_star = rng.sample(ids, 24)
    to_read = rng.sample(sorted(set(ids) - set(to_star)), 12)
    processes = [ReaderProcess(reader_command(data, "refresh", "--json")) for _ in range(2)]
    writers = [
        (ReaderProcess(reader_command(data, "star", *map(str, to_star[i : i + 3]))), to_star[i])
        for i in range(0, len(to_star), 3)
    ]
    readers = [
        ReaderProcess(reader_command(data, "read", *map(str, to_read[i : i + 3])))
        for i in range(0, len(to_read), 3)
    ]
    results = [p.finish(120) for p in processes + [w for w, _ in writers] + readers]
    refused = [r for r in results if r.code != 0]
    for result in refused:  # allowed by the contract: refused with a sentence, not a traceback
        assert result.code == 1, result
        assert "busy" in result.one_line_error()
    assert not refused, [r.stderr for r in refused]  # with a 30 s busy timeout, none is
    conn = sqlite3.connect(data / DB)
    try:
        starred = {r[0] for r in conn.execute("SELECT id FROM articles WHERE starred = 1")}
        read = {r[0] for r in conn.execute("SELECT id FROM articles WHERE read = 1")}
    finally:
        conn.close()
    assert set(to_star) <= starred, "a star was lost"
    assert set(to_read) <= read, "a read mark was lost"
    check_database(data / DB)
    record(
        "two processes",
        f"2 concurrent refreshes + {len(writers) + len(readers)} star/read commands on one "
        "data dir: all exit 0, every star and read mark persists",
    )
