"""Run Python code in a new process, with Qt on the offscreen platform (a cold import)."""

from __future__ import annotations

import os
import subprocess
import sys


def run_python(code: str) -> str:
    """What a new Python process running `code` prints; fails the test when it fails."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
