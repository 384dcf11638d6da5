"""The window's actions, menus, toolbar and context menus (keyboard shortcuts live here)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from reader.ui import icons
from reader.ui.models.entries import FEEDS, Key
from reader.ui.tasks import WRITE

if TYPE_CHECKING:
    from reader.ui.dialogs.about import AboutDialog
    from reader.ui.mainwindow import MainWindow

translate = QCoreApplication.translate


def _action(
    window: MainWindow,
    text: str,
    slot: object,
    keys: tuple[str | QKeySequence.StandardKey, ...] = (),
    icon: QIcon | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if icon is not None:
        action.setIcon(icon)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
    window.addAction(action)  # shortcuts work whichever pane has the focus
    return action


def build(w: MainWindow) -> SimpleNamespace:
    subs = w.subscriptions
    a = SimpleNamespace()
    a.add_feed = _action(
        w,
        translate("Actions", "&Add feed…"),
        subs.add_feed,
        ("Ctrl+N",),
        icons.plus(),
        translate("Actions", "Subscribe to a feed or a site"),
    )
    a.new_folder = _action(
        w, translate("Actions", "New &folder…"), subs.new_folder, (), icons.new_folder()
    )
    a.import_opml = _action(
        w,
        translate("Actions", "&Import OPML…"),
        subs.import_opml,
        ("Ctrl+O",),
        icons.import_file(),
        translate("Actions", "Subscribe to the feeds listed in an OPML file"),
    )
    a.export_opml = _action(
        w,
        translate("Actions", "&Export OPML…"),
        subs.export_opml,
        (),
        icons.export_file(),
        translate("Actions", "Save your subscriptions as an OPML file"),
    )
    a.export_favorites = _action(
        w, translate("Actions", "Export &favorites…"), subs.export_favorites
    )
    a.preferences = _action(
        w, translate("Actions", "&Preferences…"), lambda: open_preferences(w), ("Ctrl+,",)
    )
    a.quit = _action(w, translate("Actions", "&Quit"), w.close, ("Ctrl+Q",), icons.quit_app())

    a.refresh_all = _action(
        w,
        translate("Actions", "&Refresh all feeds"),
        w.refresh_all,
        ("F5", "Ctrl+R"),
        icons.refresh(),
        translate("Actions", "Fetch new articles from every feed"),
    )
    a.refresh_one = _action(
        w, translate("Actions", "Refresh &this feed"), lambda: refresh_selected(w), ("Shift+F5",)
    )
    a.mark_all_read = _action(
        w,
        translate("Actions", "&Mark all as read"),
        w.mark_all_read,
        ("Ctrl+Shift+M",),
        icons.mark_read(),
        translate("Actions", "Mark every article of this view as read"),
    )
    a.properties = _action(
        w,
        translate("Actions", "Feed &properties…"),
        lambda: _feed_command(w, subs.properties),
        ("Alt+Return",),
        icons.properties(),
    )
    a.unsubscribe = _action(
        w,
        translate("Actions", "&Unsubscribe…"),
        lambda: _feed_command(w, subs.unsubscribe),
        (),
        icons.remove(),
    )

    a.next = _action(
        w, translate("Actions", "&Next article"), lambda: w.step_article(1), ("J", "N")
    )
    a.previous = _action(
        w, translate("Actions", "&Previous article"), lambda: w.step_article(-1), ("K", "P")
    )
    a.next_unread = _action(
        w, translate("Actions", "Scroll, then next &unread"), w.next_unread, ("Space",)
    )
    a.star = _action(
        w,
        translate("Actions", "Add to / remove from &favorites"),
        w.toggle_star,
        ("S",),
        icons.star(),
    )
    a.read = _action(w, translate("Actions", "Mark as read / &unread"), w.toggle_read, ("M",))
    a.open = _action(
        w,
        translate("Actions", "&Open in browser"),
        w.open_in_browser,
        ("O",),
        icons.open_external(),
    )
    a.search = _action(
        w,
        translate("Actions", "&Search"),
        lambda: _focus_search(w),
        ("/", "Ctrl+F"),
        icons.search(),
    )
    a.pane_right = _action(
        w,
        translate("Actions", "Reading pane on the &right"),
        lambda: set_pane_right(w, a.pane_right.isChecked()),
    )
    a.pane_right.setCheckable(True)
    a.shortcuts = _action(
        w,
        translate("Actions", "&Keyboard shortcuts"),
        lambda: shortcuts(w, a),
        ("F1",),
        icons.help_icon(),
    )
    a.about = _action(w, translate("Actions", "&About Reader"), lambda: about(w))
    a.zoom_in = _action(
        w,
        translate("Actions", "&Larger text"),
        lambda: w.zoom_pane(1),
        (QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
    )
    a.zoom_out = _action(
        w,
        translate("Actions", "S&maller text"),
        lambda: w.zoom_pane(-1),
        (QKeySequence.StandardKey.ZoomOut,),
    )
    a.zoom_reset = _action(
        w, translate("Actions", "&Normal text size"), lambda: w.zoom_pane(0), ("Ctrl+0",)
    )
    a.focus_sidebar = _action(
        w,
        translate("Actions", "Go to the &sidebar"),
        lambda: _focus(w.sidebar.feeds_view),
        ("Alt+1",),
    )
    a.focus_list = _action(
        w, translate("Actions", "Go to the article &list"), lambda: _focus(w.table), ("Alt+2",)
    )
    a.focus_pane = _action(
        w, translate("Actions", "Go to the &reading pane"), lambda: _focus(w.pane), ("Alt+3",)
    )

    bar = w.menuBar()
    for title, items in (
        (
            translate("Actions", "&File"),
            [
                "add_feed",
                "new_folder",
                None,
                "import_opml",
                "export_opml",
                "export_favorites",
                None,
                "preferences",
                None,
                "quit",
            ],
        ),
        (
            translate("Actions", "F&eeds"),
            [
                "refresh_all",
                "refresh_one",
                None,
                "mark_all_read",
                None,
                "properties",
                "unsubscribe",
            ],
        ),
        (
            translate("Actions", "&Article"),
            ["next", "previous", "next_unread", None, "star", "read", "open"],
        ),
        (
            translate("Actions", "&View"),
            [
                "search",
                None,
                "focus_sidebar",
                "focus_list",
                "focus_pane",
                None,
                "zoom_in",
                "zoom_out",
                "zoom_reset",
                None,
                "pane_right",
            ],
        ),
        (translate("Actions", "&Help"), ["shortcuts", None, "about"]),
    ):
        menu = bar.addMenu(title)
        for name in items:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(getattr(a, name))

    tools = QToolBar(translate("Actions", "Main toolbar"))
    tools.setObjectName("main-toolbar")
    tools.setMovable(False)
    tools.setIconSize(QSize(20, 20))
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    a.refresh_all.setIconText(translate("Actions", "Refresh"))
    a.add_feed.setIconText(translate("Actions", "Add feed"))
    a.mark_all_read.setIconText(translate("Actions", "Mark all read"))
    for action in (a.refresh_all, a.add_feed, a.mark_all_read):
        tools.addAction(action)
    w.addToolBar(tools)
    return a


def _keyed(a: SimpleNamespace) -> list[QAction]:
    return [v for v in vars(a).values() if isinstance(v, QAction) and v.shortcuts()]


def _focus(widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _focus_search(w: MainWindow) -> None:
    w.list_panel.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    w.list_panel.search.selectAll()


def _feed_command(w: MainWindow, command: object) -> None:
    key = w.current_key
    if key[0] == "feed":
        command(key[1])  # type: ignore[operator]
    else:
        w.statusBar().showMessage(translate("Actions", "Select a feed in the sidebar first."), 3000)


def refresh_selected(w: MainWindow) -> None:
    key = w.current_key
    if key[0] == "feed":
        w.refresh([key[1]])
    elif key[0] == "folder":
        ids = [f.id for f in w.sidebar_model.feeds if f.folder == key[1]]
        if ids:
            w.refresh(ids)
    else:
        w.refresh_all()


def set_pane_right(w: MainWindow, right: bool) -> None:
    orientation = Qt.Orientation.Horizontal if right else Qt.Orientation.Vertical
    if w.content.orientation() != orientation:
        w.content.setOrientation(orientation)
        total = w.content.width() if right else w.content.height()
        w.content.setSizes([int(total * 0.42), int(total * 0.58)])
    w.act.pane_right.setChecked(right)


def shortcuts(w: MainWindow, a: SimpleNamespace) -> None:
    from reader.ui.dialogs.preferences import ShortcutsDialog

    ShortcutsDialog(_keyed(a), w).open()


def open_preferences(w: MainWindow) -> None:
    from reader.ui.dialogs.preferences import PreferencesDialog, save_preferences

    dialog = PreferencesDialog(w.prefs, w.service, w.runner, w)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        prefs = dialog.preferences()
        w.apply_preferences(prefs)
        w.runner.submit(WRITE, save_preferences, w.service, prefs)

    dialog.accepted.connect(accepted)
    dialog.open()


def about(w: MainWindow) -> AboutDialog:
    from reader.ui.dialogs.about import AboutDialog, Places

    dialog = AboutDialog(Places.of(w.service.data_dir), w)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def sidebar_menu(w: MainWindow, key: Key) -> QMenu:
    """The context menu of a sidebar entry (empty for entries without one)."""
    subs = w.subscriptions
    menu = QMenu(w)
    kind = key[0]
    mark_text = translate("Actions", "Mark all as read")
    if kind == "feed":
        menu.addAction(
            icons.refresh(),
            translate("Actions", "Refresh this feed"),
            lambda: w.refresh([key[1]]),
        )
        menu.addAction(icons.mark_read(), mark_text, lambda: _mark_key_read(w, key))
        menu.addSeparator()
        menu.addAction(
            icons.properties(),
            translate("Actions", "Properties…"),
            lambda: subs.properties(key[1]),
        )
        menu.addAction(
            icons.remove(), translate("Actions", "Unsubscribe…"), lambda: subs.unsubscribe(key[1])
        )
    elif kind == "folder":
        ids = [f.id for f in w.sidebar_model.feeds if f.folder == key[1]]
        menu.addAction(
            icons.refresh(), translate("Actions", "Refresh this folder"), lambda: w.refresh(ids)
        )
        menu.addAction(icons.mark_read(), mark_text, lambda: _mark_key_read(w, key))
        menu.addSeparator()
        menu.addAction(translate("Actions", "Rename folder…"), lambda: subs.rename_folder(key[1]))
        menu.addAction(
            icons.remove(),
            translate("Actions", "Delete folder…"),
            lambda: subs.delete_folder(key[1]),
        )
    elif key == FEEDS:
        menu.addAction(w.act.add_feed)
        menu.addAction(w.act.new_folder)
        menu.addAction(w.act.refresh_all)
    elif kind in ("all", "unread", "starred", "category"):
        menu.addAction(icons.mark_read(), mark_text, lambda: _mark_key_read(w, key))
    return menu


def popup(menu: QMenu, pos: QPoint) -> None:
    if menu.isEmpty():
        menu.deleteLater()
        return
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(pos)


def _mark_key_read(w: MainWindow, key: Key) -> None:
    w.show_key(key)
    w.mark_all_read()


def article_menu(w: MainWindow, pos: QPoint) -> QMenu | None:
    ids = w.selected_ids()
    if not ids:
        return None
    menu = QMenu(w)
    menu.addAction(w.act.open)
    menu.addAction(w.act.star)
    menu.addAction(w.act.read)
    article = w.articles.article(ids[0])
    if article is not None and article.link:
        link = article.link
        menu.addAction(
            translate("Actions", "Copy link"), lambda: QGuiApplication.clipboard().setText(link)
        )
    menu.popup(pos)
    return menu
