"""The window says what the command line says: a feed gone for good (410) suggests
unsubscribing, a web page instead of a feed suggests adding the site (autodiscovery).

The sidebar shows a failed feed with a warning icon and its error in the tooltip; this checks
the sentence itself reaches it, through the same loader the window runs.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from typing import Any

from PySide6.QtCore import Qt
from reliability_helpers import install_hostile_routes

from reader.ui.mainwindow import load_sidebar
from reader.ui.models.sidebar import SidebarModel


def test_sidebar_tooltips_offer_unsubscribe_and_autodiscovery(
    qapp: Any, service: Any, feed_server: Any
) -> None:
    urls = install_hostile_routes(feed_server)
    gone = service.subscribe(feed_server.url("/hostile/410"))
    page = service.subscribe(urls["web page"])
    good = service.subscribe(urls["good"])
    list(service.refresh_iter())
    model = SidebarModel()
    model.set_data(load_sidebar(service))

    def tip(feed_id: int) -> str:
        index = model.index_for_key(("feed", feed_id))
        assert index.isValid()
        return index.data(Qt.ItemDataRole.ToolTipRole) or ""

    assert "you may want to unsubscribe" in tip(gone)
    assert model.index_for_key(("feed", gone)).data(SidebarModel.ErrorRole)
    assert "try adding the site to find its feed" in tip(page)
    assert "Last refresh failed" not in tip(good)
