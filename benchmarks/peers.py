"""The programs a refresh scenario runs side by side: Reader's CLI, newsboat, lemon24's reader.

Each one knows how to subscribe to the farm's feeds in a fresh work folder (not measured), the
command that refreshes every feed (measured), and how many entries it has stored afterwards
(read from its own SQLite file, to prove it really fetched and parsed).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
READER = Path(sys.executable).parent / "reader"
LEMON24_PYTHON = HERE / ".peers" / "lemon24-venv" / "bin" / "python"
THREADS = 8  # newsboat's reload-threads and lemon24's workers, as the issue asks


@dataclass(frozen=True)
class Peer:
    """How a refresh scenario drives one program. `work` is a folder of its own."""

    name: str

    def missing(self) -> str | None:
        """Why this program cannot run here (None when it can)."""
        return None

    def version(self) -> str:
        return "?"

    def prepare(self, work: Path, urls: list[str], opml: Path) -> None:
        raise NotImplementedError

    def command(self, work: Path) -> list[str]:
        raise NotImplementedError

    def env(self, work: Path) -> dict[str, str]:
        return {}

    def settle(self, work: Path, log: Path) -> None:
        """Bring the store to steady state after its first refresh (not measured)."""

    def entries(self, work: Path) -> int:
        raise NotImplementedError


def _count(db: Path, table: str) -> int:
    """Rows in a table of a program's own database; -1 when it cannot be read (a failed run)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    except sqlite3.Error:
        return -1
    try:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    except sqlite3.Error:
        return -1
    finally:
        conn.close()


def _output(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    except OSError:
        return "?"
    return (done.stdout or done.stderr).strip().splitlines()[0] if done.returncode == 0 else "?"


@dataclass(frozen=True)
class ReaderCli(Peer):
    """Reader itself, through its command line: `reader --data-dir D refresh [--no-images]`.

    With images=False it skips storing the new articles' images for offline reading, which
    none of the peers does: that is the like-for-like comparison.
    """

    images: bool = False

    def missing(self) -> str | None:
        return None if READER.exists() else f"{READER} not found (run `make venv` first)"

    def version(self) -> str:
        return "Reader " + _output([str(READER), "--version"]).split()[-1]

    def prepare(self, work: Path, urls: list[str], opml: Path) -> None:
        subprocess.run(
            [str(READER), "--data-dir", str(work), "import", str(opml)],
            check=True,
            capture_output=True,
        )

    def command(self, work: Path) -> list[str]:
        command = [str(READER), "--data-dir", str(work), "refresh"]
        return command if self.images else [*command, "--no-images"]

    def entries(self, work: Path) -> int:
        return _count(work / "reader.sqlite3", "articles")


class Newsboat(Peer):
    """newsboat (C++), `newsboat -x reload` with `reload-threads 8`, its own cache and HOME."""

    def missing(self) -> str | None:
        return None if shutil.which("newsboat") else "newsboat is not installed (setup.sh)"

    def version(self) -> str:
        return _output(["newsboat", "--version"]).split(" - ")[0]

    def prepare(self, work: Path, urls: list[str], opml: Path) -> None:
        work.mkdir(parents=True, exist_ok=True)
        (work / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
        (work / "config").write_text(f"reload-threads {THREADS}\n", encoding="utf-8")

    def command(self, work: Path) -> list[str]:
        files = ["-u", str(work / "urls"), "-c", str(work / "cache.db"), "-C", str(work / "config")]
        return ["newsboat", "-x", "reload", *files]

    def env(self, work: Path) -> dict[str, str]:
        return {"HOME": str(work)}  # never touch the real ~/.newsboat

    def settle(self, work: Path, log: Path) -> None:
        # newsboat 2.21 saves a new feed's ETag/Last-Modified before the feed's row exists, so
        # its second reload downloads everything again; only the third is all 304s.
        env = {**os.environ, **self.env(work)}
        with open(log, "ab") as out:
            subprocess.run(self.command(work), env=env, stdout=out, stderr=out, check=False)

    def entries(self, work: Path) -> int:
        return _count(work / "cache.db", "rss_item")


class Lemon24(Peer):
    """lemon24's `reader` library in its own venv: `update_feeds(workers=8)`."""

    script = HERE / "lemon24_refresh.py"

    def missing(self) -> str | None:
        if not LEMON24_PYTHON.exists():
            return f"{LEMON24_PYTHON} not found (setup.sh)"
        return None

    def version(self) -> str:
        return _output(
            [
                str(LEMON24_PYTHON),
                "-c",
                "import reader; print('lemon24 reader', reader.__version__)",
            ]
        )

    def prepare(self, work: Path, urls: list[str], opml: Path) -> None:
        work.mkdir(parents=True, exist_ok=True)
        (work / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
        db, listing = str(work / "db.sqlite"), str(work / "urls")
        subprocess.run(
            [str(LEMON24_PYTHON), str(self.script), "add", db, listing],
            check=True,
            capture_output=True,
        )

    def command(self, work: Path) -> list[str]:
        db = str(work / "db.sqlite")
        return [str(LEMON24_PYTHON), str(self.script), "update", db, str(THREADS)]

    def entries(self, work: Path) -> int:
        return _count(work / "db.sqlite", "entries")


ALL: dict[str, Peer] = {
    "reader": ReaderCli("Reader"),
    "reader-images": ReaderCli("Reader+images", images=True),  # not in the default run
    "newsboat": Newsboat("newsboat"),
    "lemon24": Lemon24("lemon24"),
}
