"""Where the window's start goes: marks in the process, from Reader's first line to the filled
paint, for finding what to cut (launch times, `run.py window`, say whether it worked).

    .venv/bin/python benchmarks/start_marks.py STORE [-n 5]      (needs DISPLAY, e.g. Xvfb)

Each run starts a new process that opens the window on STORE the way `reader --data-dir STORE`
does, prints its marks (milliseconds since the process began running this file; the
interpreter's own start comes before) and exits at the filled paint. The marks:

- app-imported: `reader.app` is imported;
- preload> / <preload: the thread loading Qt's libraries (ui/preload.py) runs;
- db-open> / <db-open: the engine's import is done and the database opens;
- qt-import> / <qt-import: PySide6's import (app._import_qt);
- ui-modules> / <ui-modules: the window's modules (reader.ui.main and what it imports);
- app-setup, MainWindow, show: those calls; filled: the trace's filled paint.

Compare marks between two source trees with PYTHONPATH=TREE/src (run `python -m compileall`
on a tree first where PYTHONDONTWRITEBYTECODE is set: without its bytecode every module is
compiled again at each start).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

_CHILD = r"""
import importlib.machinery, os, sys, time
T0 = time.perf_counter()
marks = []
def mark(name):
    marks.append((name, 1000 * (time.perf_counter() - T0)))
def timed(name, f):
    def run(*args, **kwargs):
        mark(name + ">")
        try:
            return f(*args, **kwargs)
        finally:
            mark("<" + name)
    return run
def filled():
    mark("filled")
    print("  ".join(f"{name} {at:.0f}" for name, at in marks), flush=True)
    os._exit(0)
class Marker:
    names = ("reader.ui.startview", "reader.ui.preload", "reader.ui.main", "reader.core.service")
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if name not in cls.names:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run_module = spec.loader.exec_module
        def exec_module(module):
            if name == "reader.ui.main":
                mark("ui-modules>")
            run_module(module)
            if name == "reader.ui.startview":
                module.trace_filled = filled
            elif name == "reader.ui.preload":
                module._load = timed("preload", module._load)
            elif name == "reader.core.service":
                module.Service.__init__ = timed("db-open", module.Service.__init__)
            else:
                mark("<ui-modules")
                module.setup_application = timed("app-setup", module.setup_application)
                module.MainWindow.__init__ = timed("MainWindow", module.MainWindow.__init__)
                module.MainWindow.show = timed("show", module.MainWindow.show)
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, Marker)
sys.argv = ["reader", "--data-dir", STORE]
import reader.app as app
mark("app-imported")
app._import_qt = timed("qt-import", app._import_qt)
app.main()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", help="a data dir (gen_store.py makes one of 100,000 articles)")
    parser.add_argument("-n", type=int, default=5, help="runs (default 5)")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        print("start_marks: no DISPLAY (run it under xvfb-run)", file=sys.stderr)
        return 1
    env = {**os.environ}
    env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen, as the window benchmark
    code = _CHILD.replace("STORE", repr(os.path.abspath(args.store)))
    for _ in range(args.n):
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
        )
        lines = [line for line in done.stdout.splitlines() if "filled" in line]
        print(lines[-1] if lines else f"no filled paint: {done.stderr.strip()[-300:]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
