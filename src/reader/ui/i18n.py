"""The interface's language: Reader's own translation and Qt's, and the layout direction.

Translations are Qt Linguist files: `resources/i18n/reader.ts` is the template (made by
`pyside6-lupdate` from the sources), `reader_<lang>.ts` a translation, compiled to `.qm`
when the package is built (setup.py). The language is the system locale (LANG, LC_ALL ...),
or READER_LANG / `reader --lang` when set; a right-to-left language mirrors the window.
"""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from reader.core import timefmt

translate = QCoreApplication.translate

DOMAIN = "reader"


def translations_dir() -> Path:
    # The package is installed as files (pip never zips it); importlib.resources costs the
    # window's start about 15 ms of imports.
    return Path(__file__).resolve().parent.parent / "resources" / "i18n"


def available() -> list[str]:
    """Languages Reader ships a compiled translation for ("ar", ...)."""
    prefix = f"{DOMAIN}_"
    return sorted(
        p.stem[len(prefix) :] for p in translations_dir().glob(f"{prefix}*.qm") if p.is_file()
    )


def chosen_locale(lang: str | None = None) -> QLocale:
    """The locale asked for: `lang`, else READER_LANG, else the system's."""
    name = lang or os.environ.get("READER_LANG")
    return QLocale(name) if name else QLocale.system()


def install(app: QApplication, lang: str | None = None) -> list[QTranslator]:
    """Load the translations for the chosen locale and set the layout direction.

    The chosen locale also becomes QLocale's default (numbers, sizes). Returns the translators
    installed (parented to the application), for `uninstall`.
    """
    locale = chosen_locale(lang)
    QLocale.setDefault(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for name, directory in (("qtbase", qt_dir), (DOMAIN, str(translations_dir()))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", directory):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            translator.deleteLater()
    app.setLayoutDirection(locale.textDirection())
    return installed


def uninstall(app: QApplication, translators: list[QTranslator]) -> None:
    """Back to the source language, left to right (tests switch languages in one process)."""
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


_SPAN = re.compile(r"^(in )?(\d+) (minute|hour|day|week|month|year)s?( ago)?$")


def relative_time(when: datetime | None, now: datetime | None = None) -> str:
    """The engine's "5 minutes ago" (timefmt.relative_time, with its rounding rules) in the
    interface's language."""
    text = timefmt.relative_time(when, now)
    fixed = {
        "just now": translate("Time", "just now"),
        "yesterday": translate("Time", "yesterday"),
        "tomorrow": translate("Time", "tomorrow"),
    }
    if text in fixed or not text:
        return fixed.get(text, text)
    match = _SPAN.match(text)
    if match is None:
        return text
    n, unit, future = int(match.group(2)), match.group(3), bool(match.group(1))
    return _span(unit, n, future)


def _span(unit: str, n: int, future: bool) -> str:
    # One call per text, so lupdate sees each (numerus: "%n" takes the language's plural form).
    past = {
        "minute": lambda: translate("Time", "%Ln minute(s) ago", "", n),
        "hour": lambda: translate("Time", "%Ln hour(s) ago", "", n),
        "day": lambda: translate("Time", "%Ln day(s) ago", "", n),
        "week": lambda: translate("Time", "%Ln week(s) ago", "", n),
        "month": lambda: translate("Time", "%Ln month(s) ago", "", n),
        "year": lambda: translate("Time", "%Ln year(s) ago", "", n),
    }
    ahead = {
        "minute": lambda: translate("Time", "in %Ln minute(s)", "", n),
        "hour": lambda: translate("Time", "in %Ln hour(s)", "", n),
        "day": lambda: translate("Time", "in %Ln day(s)", "", n),
        "week": lambda: translate("Time", "in %Ln week(s)", "", n),
        "month": lambda: translate("Time", "in %Ln month(s)", "", n),
        "year": lambda: translate("Time", "in %Ln year(s)", "", n),
    }
    result = (ahead if future else past)[unit]()
    if "(s)" in result:  # no translation loaded: English, by hand
        word = unit if n == 1 else unit + "s"
        return f"in {n} {word}" if future else f"{n} {word} ago"
    return result
