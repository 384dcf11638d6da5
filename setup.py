"""Build step: compile the Qt Linguist translations (.ts) into the .qm files Reader loads.

Everything else about the package is in pyproject.toml. The .qm files are written next to
their .ts in the source tree (so an editable install finds them too) before the package data
is collected, so a wheel carries them. `lrelease` comes from PySide6, a build requirement.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

I18N = Path(__file__).resolve().parent / "src" / "reader" / "resources" / "i18n"


def lrelease() -> str:
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for name in ("lrelease", "lrelease.exe"):
            candidate = Path(folder) / name
            if candidate.is_file():
                return str(candidate)
    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found is None:
        raise RuntimeError("lrelease not found: install PySide6 to build Reader's translations")
    return found


def compile_translations() -> list[Path]:
    """reader_<lang>.ts -> reader_<lang>.qm (the template reader.ts has no translations)."""
    sources = sorted(I18N.glob("reader_*.ts"))
    if not sources:
        return []
    tool = lrelease()
    outputs = []
    for ts in sources:
        qm = ts.with_suffix(".qm")
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        outputs.append(qm)
    return outputs


class BuildWithTranslations(build_py):
    def run(self) -> None:
        compile_translations()
        self.__dict__.pop("data_files", None)  # collect package data again, .qm included
        super().run()


setup(cmdclass={"build_py": BuildWithTranslations})
