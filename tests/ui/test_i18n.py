"""The interface's language: the Arabic translation mirrors the window, and the shipped
translation files cover every string of the sources."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from ui_helpers import click_row

from reader.ui import i18n
from reader.ui.mainwindow import MainWindow
from reader.ui.models.entries import ALL

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "reader" / "ui"
I18N = ROOT / "src" / "reader" / "resources" / "i18n"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
PLACEHOLDER = re.compile(r"%(?:L?n|\d)")


@pytest.fixture
def arabic_window(qtbot, service, arabic):  # type: ignore[no-untyped-def]
    win = MainWindow(service)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.loaded and win.articles.rowCount() > 0)
    yield win
    win.shutdown()


def test_the_arabic_locale_mirrors_the_window_and_speaks_arabic(qtbot, arabic_window, service):
    win = arabic_window
    assert "ar" in i18n.available()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert win.isRightToLeft()
    # Mirrored: the sidebar is on the right of the article list.
    sidebar_x = win.sidebar.mapTo(win, QPoint(0, 0)).x()
    assert sidebar_x > win.list_panel.mapTo(win, QPoint(0, 0)).x()

    menus = [action.text() for action in win.menuBar().actions()]
    assert menus[0] == "&ملف"
    assert "م&ساعدة" in menus
    assert win.act.refresh_all.text() == "&حدّث كل الموجزات"
    assert win.act.star.text() == "أضف إلى ال&مفضلة / أزل منها"
    assert win.sidebar_model.index_for_key(ALL).data() == "كل المقالات"
    total = len(service.article_ids())
    # Counts in the locale's digits, with the Arabic plural form.
    assert QLocale().toString(total) in win.list_panel.count.text()
    assert "مقال" in win.list_panel.count.text()

    # The pane's own words are Arabic; Qt's own dialogs too (qtbase_ar).
    row = next(
        r
        for r in range(win.articles.rowCount())
        if win.articles.index(r, 0).data() == "استئناف المحادثات في دمشق"
    )
    click_row(qtbot, win.table, win.articles.index(row, 0))
    qtbot.waitUntil(lambda: win.pane.article is not None)
    text = win.pane.toPlainText()
    assert "أضف إلى المفضلة" in text and "المصدر:" in text
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() != "Cancel"
    box.deleteLater()


def test_an_english_window_after_the_arabic_one_is_english_again(qtbot, service, qapp):
    translators = i18n.install(qapp, "ar")
    i18n.uninstall(qapp, translators)
    win = MainWindow(service)
    qtbot.addWidget(win)
    assert not win.isRightToLeft()
    assert win.act.refresh_all.text() == "&Refresh all feeds"
    win.shutdown()


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or ""): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def _sources_now(tmp_path: Path) -> dict[tuple[str, str], ET.Element]:
    """What lupdate finds in the sources today."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(LUPDATE), "-silent", "-extensions", "py", str(UI), "-ts", str(fresh)],
        check=True,
        timeout=120,
    )
    return _messages(fresh)


def test_template_and_arabic_translation_cover_every_string(tmp_path: Path) -> None:
    now = _sources_now(tmp_path)
    assert len(now) > 250, "lupdate found too few strings: are the sources still tr()-ed?"
    hint = "run `make translations`, translate what is unfinished, then `make venv`"
    template = _messages(I18N / "reader.ts")
    missing = sorted(key for key in now if key not in template)
    assert not missing, f"reader.ts lacks {missing[:10]} ({hint})"

    arabic = _messages(I18N / "reader_ar.ts")
    problems = []
    for key in now:
        found = arabic.get(key)
        translation = found.find("translation") if found is not None else None
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            problems.append(f"untranslated: {key}")
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if not all(form.strip() for form in forms):
            problems.append(f"empty form: {key}")
        # Every %1, %2 ... of the source is kept (plural forms may spell out "one", "two").
        wanted = {p for p in PLACEHOLDER.findall(key[1]) if p[-1].isdigit()}
        for form in forms:
            if not wanted <= set(PLACEHOLDER.findall(form)):
                problems.append(f"placeholder lost: {key} -> {form}")
    assert not problems, "\n".join(problems[:20]) + f"\n({hint})"


def test_the_compiled_translation_is_up_to_date() -> None:
    """The .qm built at install time is newer than its .ts (the build step ran)."""
    ts, qm = I18N / "reader_ar.ts", I18N / "reader_ar.qm"
    assert qm.is_file(), "reader_ar.qm missing: reinstall (pip install -e .) to compile it"
    assert qm.stat().st_mtime >= ts.stat().st_mtime, "reader_ar.qm is older than reader_ar.ts"


SYSTEM_LOCALE = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from reader.core.service import Service
from reader.ui import i18n
from reader.ui.mainwindow import MainWindow
i18n.install(app)
service = Service(Path(sys.argv[1]))
window = MainWindow(service)
print(json.dumps({
    "locale": QLocale().name(),
    "rtl": window.isRightToLeft(),
    "file": window.menuBar().actions()[0].text(),
    "title": window.windowTitle(),
}))
window.shutdown()
service.close()
"""


def test_lang_ar_sa_in_the_environment_is_enough(tmp_path: Path) -> None:
    """The system locale path, as a user starts it: LANG=ar_SA.UTF-8 reader."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "READER_LANG")
    }
    env.update(LANG="ar_SA.UTF-8", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", SYSTEM_LOCALE, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    shown = json.loads(out.stdout.strip().splitlines()[-1])
    assert shown == {"locale": "ar_SA", "rtl": True, "file": "&ملف", "title": "Reader"}
