"""Drive the real window under Xvfb and take a screenshot of the whole screen (import -window root).

usage: shoot.py DATA_DIR OUT.png KEY_KIND KEY_ARG ARTICLE_TITLE_PREFIX

Example (the README's screenshot; READER_THEME=dark or READER_LANG=ar for the others):
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python docs/shoot.py DATA docs/screenshot.png \
        category Syria "Syria Sentences"
DATA is a data dir made with `reader --data-dir DATA add URL` for feeds of ../shared/corpus
served on 127.0.0.1 (python3 -m http.server); star the article first for the README's
(`reader --data-dir DATA star ID`).
"""

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reader.core.service import Service
from reader.ui import i18n, main, theme
from reader.ui.mainwindow import MainWindow

data, out, kind, arg, title = sys.argv[1:6]
app = QApplication(sys.argv)
main.setup_application(app)
i18n.install(app)
theme.apply(app)
service = Service(Path(data))
window = MainWindow(service)
window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
window.show()
key = (kind, int(arg)) if kind in ("feed",) else ((kind, arg) if arg != "-" else (kind,))


def pick() -> None:
    if not window.loaded:
        QTimer.singleShot(200, pick)
        return
    window.show_key(key)
    QTimer.singleShot(800, choose)


def choose() -> None:
    model = window.articles
    for row in range(model.rowCount()):
        if (model.index(row, 0).data() or "").startswith(title):
            window.select_row(row)
            break
    QTimer.singleShot(1500, snap)


def snap() -> None:
    window.table.setFocus()
    subprocess.run(["import", "-window", "root", out], check=True)
    window.shutdown()
    app.quit()


QTimer.singleShot(300, pick)
app.exec()
service.close()
