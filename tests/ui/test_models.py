"""The window's item models: Qt's model tester, then cells as the user sees them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt

from reader.core.types import Article, Query
from reader.ui.mainwindow import load_sidebar
from reader.ui.models.articles import ArticleListModel
from reader.ui.models.categories import COUNTS_PER_TURN, FIRST_ROWS
from reader.ui.models.entries import ALL, CATEGORIES, FEEDS, STARRED, SidebarData
from reader.ui.models.sidebar import ROWS_PER_TURN, SidebarModel


def test_sidebar_model_passes_the_model_tester(qapp, qtmodeltester, service):
    model = SidebarModel()
    model.set_data(load_sidebar(service))
    qtmodeltester.check(model)
    qtmodeltester.check(model.categories)
    model.set_category_filter("syr")
    model.set_data(load_sidebar(service))  # counts only: same shape
    service.set_starred(service.article_ids(Query(category="Syria"))[:1], True)
    model.set_data(load_sidebar(service))
    qtmodeltester.check(model)
    qtmodeltester.check(model.categories)


def test_sidebar_shows_views_feeds_and_categories_with_counts(qapp, service):
    model = SidebarModel()
    model.set_data(load_sidebar(service))
    counts = service.counts()
    all_row = model.index_for_key(ALL)
    assert all_row.data() == "All articles"
    assert model.index(all_row.row(), 1).data() == str(counts["unread"])
    syria = model.index_for_key(("category", "Syria"))
    assert syria.isValid()
    assert syria.siblingAtColumn(1).data() == "2"  # all unread
    assert model.categories.tooltip(syria) == "Syria: 2 unread of 2"
    service.set_read(service.article_ids(Query(category="Syria"))[:1], True)
    model.set_data(load_sidebar(service))
    assert syria.siblingAtColumn(1).data() == "1/2"  # unread/total
    assert syria.siblingAtColumn(1).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "Syria: 1 unread of 2"
    )
    assert model.index_for_key(("category", "سوريا")).isValid()
    feeds = {f.title: f for f in service.feeds()}
    news = model.index_for_key(("feed", feeds["World News"].id))
    assert news.data() == "World News"
    assert model.index(news.row(), 1, news.parent()).data() == "3"  # unread
    assert "news.xml" in news.data(Qt.ItemDataRole.ToolTipRole)
    # The filter box narrows the categories, casefolded.
    model.set_category_filter("SYR")
    assert model.index_for_key(("category", "Syria")).isValid()
    assert not model.index_for_key(("category", "Economy")).isValid()


def test_sidebar_feed_error_is_marked_with_the_error_as_tooltip(qapp, service, server):
    feed = next(f for f in service.feeds() if f.title == "World News")
    service.update_feed(feed.id, url=server.url("gone.xml"))
    list(service.refresh_iter([feed.id]))
    model = SidebarModel()
    model.set_data(load_sidebar(service))
    index = model.index_for_key(("feed", feed.id))
    assert index.data(SidebarModel.ErrorRole)
    assert "Last refresh failed" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_sidebar_favorites_count_follows_stars(qapp, service):
    model = SidebarModel()
    model.set_data(load_sidebar(service))
    favorites = model.index_for_key(STARRED)
    assert model.index(favorites.row(), 1).data() == ""
    service.set_starred(service.article_ids()[:2], True)
    model.set_data(load_sidebar(service))
    assert model.index(favorites.row(), 1).data() == "2"


def test_article_model_passes_the_model_tester(qapp, qtmodeltester, service):
    model = ArticleListModel(service.articles_by_ids)
    model.set_ids(service.article_ids())
    qtmodeltester.check(model)
    model.set_ids(service.article_ids(Query(category="Syria")))
    qtmodeltester.check(model)


def test_article_cells(qapp, service):
    model = ArticleListModel(service.articles_by_ids)
    ids = service.article_ids()
    model.set_ids(ids)
    assert model.rowCount() == len(ids)
    first = model.index(0, ArticleListModel.TITLE)
    assert first.data() == "Talks resume in Damascus"
    assert first.data(Qt.ItemDataRole.FontRole).bold()  # unread
    assert model.index(0, ArticleListModel.FEED).data() == "World News"
    assert model.index(0, ArticleListModel.TIME).data().endswith("ago")
    assert model.index(0, ArticleListModel.TIME).data(Qt.ItemDataRole.ToolTipRole)[:4] == "2025"
    assert model.index(0, ArticleListModel.CATEGORIES).data() == "Politics, Syria"
    assert model.index(0, ArticleListModel.STAR).data(Qt.ItemDataRole.DecorationRole) is None
    model.patch([ids[0]], read=True, starred=True)
    assert model.index(0, ArticleListModel.TITLE).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(0, ArticleListModel.STAR).data(Qt.ItemDataRole.DecorationRole) is not None


def test_article_model_loads_blocks_lazily_into_a_bounded_cache(qapp):
    calls: list[list[int]] = []

    def loader(ids):
        calls.append(list(ids))
        return [
            Article(i, 1, "Feed", f"Article {i}", None, None, None, (), False, False) for i in ids
        ]

    model = ArticleListModel(loader)
    model.set_ids(list(range(100_000, 0, -1)))
    assert model.rowCount() == 100_000
    assert calls == []  # nothing is loaded until a row is looked at
    assert model.index(99_999, 0).data() == "Article 1"
    assert len(calls) == 1 and len(calls[0]) == ArticleListModel.BLOCK
    for row in range(0, 100_000, ArticleListModel.BLOCK):
        model.index(row, 0).data()
    assert len(model._blocks) <= ArticleListModel.MAX_BLOCKS


def test_article_model_prepends_new_ids_as_inserted_rows(qapp, qtbot):
    def loader(ids):
        return [Article(i, 1, "Feed", f"A{i}", None, None, None, (), False, False) for i in ids]

    model = ArticleListModel(loader)
    model.set_ids([3, 2, 1])
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.set_ids([5, 4, 3, 2, 1])
    assert inserted.args[1:] == [0, 1]
    with qtbot.waitSignal(model.modelReset):
        model.set_ids([5, 3, 1])
    assert model.row_of(3) == 1
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.rowCount(QModelIndex()) == 3


def _data(feeds, categories, folders=()):
    from reader.core.types import Category, Feed, Folder

    return SidebarData(
        counts={"all": 10, "unread": 5, "starred": 1},
        feeds=[
            Feed(i, f"http://x/{i}", f"Feed {i}", folder, unread, 10, None)
            for i, folder, unread in feeds
        ],
        folders=[Folder(n, name) for n, name in enumerate(folders)],
        categories=[Category(name, total, unread) for name, total, unread in categories],
    )


def test_sidebar_model_keeps_rows_across_moves_reorders_and_removals(qapp, qtmodeltester):
    model = SidebarModel()
    model.set_data(
        _data(
            [(1, "News", 3), (2, None, 0), (3, "News", 1)],
            [("Syria", 5, 2), ("Economy", 3, 0), ("Sport", 2, 2)],
            ["News", "Empty"],
        )
    )
    qtmodeltester.check(model)
    qtmodeltester.check(model.categories)
    syria = QPersistentModelIndex(model.index_for_key(("category", "Syria")))
    feed3 = QPersistentModelIndex(model.index_for_key(("feed", 3)))
    # Categories reorder by count, one vanishes, one appears; feed 1 leaves its folder,
    # feed 2 is removed, feed 4 is new; the empty folder is deleted.
    model.set_data(
        _data(
            [(1, None, 3), (3, "News", 0), (4, "News", 7)],
            [("Sport", 9, 9), ("Syria", 5, 2), ("Health", 1, 1)],
            ["News"],
        )
    )
    assert syria.isValid() and syria.data() == "Syria" and syria.row() == 1
    assert feed3.isValid() and feed3.data() == "Feed 3"
    categories = model.categories
    names = [categories.index(r, 0).data() for r in range(categories.rowCount())]
    assert names == ["Sport", "Syria", "Health"]
    assert model.key_of(categories.index(2, 0)) == ("category", "Health")
    assert not model.index_for_key(("feed", 2)).isValid()
    assert not model.index_for_key(("folder", "Empty")).isValid()
    assert model.index_for_key(("feed", 1)).parent() == model.index_for_key(FEEDS)
    assert model.index_for_key(("feed", 4)).parent() == model.index_for_key(("folder", "News"))
    news = model.index_for_key(("folder", "News"))
    assert model.index(news.row(), 1, news.parent()).data() == "7"


def test_sidebar_reorders_the_same_categories_in_place_when_counts_change(qapp, qtmodeltester):
    """The same categories with new counts (the update after a refresh): the rows are sorted
    into the data's order, the selection follows its row, and the counts are announced."""
    model = SidebarModel()
    feeds = [(1, None, 3)]
    model.set_data(_data(feeds, [("Syria", 5, 2), ("Economy", 3, 0), ("Sport", 2, 2)], []))
    sport = QPersistentModelIndex(model.index_for_key(("category", "Sport")))
    categories = model.categories
    announced: list[tuple[int, int]] = []
    categories.dataChanged.connect(
        lambda first, last, *_: announced.append((first.row(), last.row()))
    )
    model.set_data(_data(feeds, [("Sport", 900, 12), ("Syria", 5, 2), ("Economy", 3, 0)], []))
    rows = [
        (categories.index(r, 0).data(), categories.index(r, 1).data())
        for r in range(categories.rowCount())
    ]
    assert rows == [("Sport", "12/900"), ("Syria", "2/5"), ("Economy", "3")]
    assert sport.isValid() and sport.row() == 0
    assert sport.data(Qt.ItemDataRole.FontRole).bold()  # unread ones are bold
    assert categories.index(2, 0).data(Qt.ItemDataRole.FontRole) is None
    assert announced  # the views repaint the new counts
    assert model.widest_count(CATEGORIES) == "12/900"
    assert model.widest_count(FEEDS) == "3"
    qtmodeltester.check(model)
    qtmodeltester.check(categories)


def test_arabic_titles_are_aligned_right(qapp, service):
    model = ArticleListModel(service.articles_by_ids)
    model.set_ids(service.article_ids())
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    arabic = model.index(rows["استئناف المحادثات في دمشق"], ArticleListModel.TITLE)
    english = model.index(rows["Markets rally on trade hopes"], ArticleListModel.TITLE)
    assert arabic.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert english.data(Qt.ItemDataRole.TextAlignmentRole) is None


def test_sidebar_during_a_refresh_keeps_category_rows_in_place(qapp, qtmodeltester):
    """During a refresh new counts show at once but rows do not move (nor jump under the
    user's pointer) and new categories come last; the update after it sorts them."""
    model = SidebarModel()
    feeds = [(1, None, 3)]
    model.set_data(_data(feeds, [("Syria", 5, 2), ("Economy", 3, 0), ("Sport", 2, 2)], []))
    categories = model.categories

    def rows() -> list[tuple[str, str]]:
        return [
            (categories.index(r, 0).data(), categories.index(r, 1).data())
            for r in range(categories.rowCount())
        ]

    during = [("Sport", 900, 12), ("Health", 40, 40), ("Syria", 5, 2), ("Economy", 3, 0)]
    model.set_data(_data(feeds, during, []), keep_order=True)
    assert rows() == [("Syria", "2/5"), ("Economy", "3"), ("Sport", "12/900"), ("Health", "40")]
    model.set_data(_data(feeds, during, []))  # the refresh ended
    assert rows() == [("Sport", "12/900"), ("Health", "40"), ("Syria", "2/5"), ("Economy", "3")]
    qtmodeltester.check(categories)
    qtmodeltester.check(model)


def test_new_counts_of_thousands_of_categories_arrive_in_slices_newest_last(qtbot):
    """A refresh's end changes every category's count: the window shows them a slice per turn
    of the event loop (it answers in between), all of them in the end, and a newer update
    given before the slices are done is never overwritten by the older one's."""
    model = SidebarModel()
    names = [f"Topic {n:04}" for n in range(2000)]
    model.set_data(_data([(1, None, 3)], [(name, 10, 0) for name in names], []))
    categories = model.categories
    qtbot.waitUntil(lambda: categories.rowCount() == 2000)

    def counts() -> list[str]:
        return [categories.index(r, 1).data() for r in range(categories.rowCount())]

    with qtbot.waitSignal(categories.completed, timeout=5000):
        model.set_data(_data([(1, None, 3)], [(name, 20, 0) for name in names], []))
        first = counts()
        assert first[:COUNTS_PER_TURN] == ["20"] * COUNTS_PER_TURN
        assert first[COUNTS_PER_TURN:] == ["10"] * (2000 - COUNTS_PER_TURN)
    assert counts() == ["20"] * 2000
    assert model.widest_count(CATEGORIES) == "20"

    model.set_data(_data([(1, None, 3)], [(name, 30, 0) for name in names], []))
    model.set_data(_data([(1, None, 3)], [(name, 40, 5) for name in names], []))
    qtbot.waitUntil(lambda: counts() == ["5/40"] * 2000)
    qtbot.wait(50)  # the first update's slices, had they been left queued, would run now
    assert counts() == ["5/40"] * 2000
    assert categories.index(1999, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_a_refreshs_quiet_feed_updates_are_announced_after_it_in_slices(qtbot):
    """During a refresh the feeds' new counts show without a dataChanged per update; once it
    ends, every changed row is announced to the views, at most ROWS_PER_TURN rows per turn
    of the event loop (a view calls back into Python for each row announced)."""
    model = SidebarModel()
    feeds = [(i, f"Folder {i % 3}", 0) for i in range(1, 401)]
    folders = ["Folder 0", "Folder 1", "Folder 2"]
    model.set_data(_data(feeds, [], folders))
    turns: list[set[tuple[int, int]]] = []
    announced: set[tuple[int, int]] = set()  # (feed id, column)

    def on_changed(first: QModelIndex, last: QModelIndex, *_roles: object) -> None:
        keys = [model.key_of(first.siblingAtRow(row)) for row in range(first.row(), last.row() + 1)]
        columns = range(first.column(), last.column() + 1)
        cells = {(key[1], column) for key in keys if key[0] == "feed" for column in columns}
        announced.update(cells)
        turns[-1].update(row for row, _column in cells)

    model.dataChanged.connect(on_changed)
    turns.append(set())
    busy = [(i, folder, 7) for i, folder, _unread in feeds]
    model.set_data(_data(busy, [], folders), keep_order=True)
    qtbot.wait(50)
    assert not announced  # not during the refresh...
    news = model.index_for_key(("folder", "Folder 1"))
    assert model.index(0, 1, news).data() == "7"  # ...though the counts show
    model.set_data(_data(busy, [], folders))  # the refresh ended
    while len(announced) < 800 and len(turns) < 50:
        turns.append(set())
        QCoreApplication.processEvents()  # one turn of the event loop
    assert announced == {(i, column) for i in range(1, 401) for column in (0, 1)}
    assert max(len(rows) for rows in turns) <= ROWS_PER_TURN
    assert len([rows for rows in turns if rows]) >= 400 // ROWS_PER_TURN


def test_article_model_takes_rows_loaded_in_a_worker(qapp):
    calls: list[list[int]] = []

    def loader(ids):
        calls.append(list(ids))
        return [Article(i, 1, "Feed", f"A{i}", None, None, None, (), False, False) for i in ids]

    ids = list(range(1000, 0, -1))
    model = ArticleListModel(loader)
    block = ArticleListModel.BLOCK
    model.set_ids(ids, {a.id: a for a in loader(ids[:block])})
    calls.clear()
    assert model.index(0, 0).data() == "A1000"
    assert model.index(block - 1, 0).data() == f"A{1000 - block + 1}"
    assert calls == []  # the first rows came with the ids: no query on the GUI thread
    assert model.index(block, 0).data() == f"A{1000 - block}"
    assert len(calls) == 1


def test_thousands_of_categories_show_a_screenful_first_then_all(qtbot):
    """The window's first paint waits for a screenful of categories, not for all of them;
    the rest follow as soon as the event loop runs, and a lookup never misses one."""
    model = SidebarModel()
    many = [(f"Topic {n:04}", 5000 - n, n % 3) for n in range(2000)]
    model.set_data(_data([(1, None, 3)], many, []))
    categories = model.categories
    assert categories.rowCount() == FIRST_ROWS
    assert [categories.index(r, 0).data() for r in range(3)] == [
        "Topic 0000",
        "Topic 0001",
        "Topic 0002",
    ]
    qtbot.waitUntil(lambda: categories.rowCount() == 2000)
    names = [categories.index(r, 0).data() for r in range(categories.rowCount())]
    assert names == [name for name, _total, _unread in many]
    assert categories.index(1999, 1).data() == f"1/{QLocale().toString(3001)}"

    # Asked for one that is not built yet (a start that reselects the last category): found.
    again = SidebarModel()
    again.set_data(_data([(1, None, 3)], many, []))
    found = again.index_for_key(("category", "Topic 1500"))
    assert found.isValid() and found.data() == "Topic 1500"
    assert again.categories.rowCount() == 2000
