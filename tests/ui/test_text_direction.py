"""Names and titles in their own direction, whatever the window's: a feed named by its URL in
a right-to-left (Arabic) window reads left to right, host first, and a URL too long for its
column loses its end (the path), not its start; an English name there keeps its "?" at its
end, and an Arabic title in a left-to-right window keeps its "؟" at its own end too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem

from reader.core.types import Article, Feed
from reader.ui.models.articles import ArticleListModel
from reader.ui.models.entries import SidebarData
from reader.ui.models.sidebar import SidebarModel
from reader.ui.widgets.articlelist import ArticleTable
from reader.ui.widgets.sidebar import SidebarPanel

LONG = "https://example.org/some/very/long/path/to/the/feed.xml"
SHORT = "https://ex.org/"  # a trailing slash jumps to the left in a right-to-left paragraph
ARABIC = "أخبار العالم العربي اليوم من كل مكان وزمان، ومقالات الرأي والتحليلات"
ENGLISH = "Why now?"  # in a right-to-left paragraph the "?" would jump to the left
INVISIBLE = "\u2066\u2067\u2068\u2069"  # directional isolates draw nothing


def _drawn(view: QAbstractItemView, index) -> tuple[str, QStyleOptionViewItem]:  # type: ignore[no-untyped-def]
    """What the view paints for an index, left to right on the screen (elided as the style
    elides it), and the style option it paints with."""
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    style = view.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    text = QFontMetrics(option.font).elidedText(
        option.text, option.textElideMode, rect.width() - 2 * margin
    )
    layout = QTextLayout(text, option.font)
    text_option = QTextOption()
    text_option.setTextDirection(option.direction)
    layout.setTextOption(text_option)
    layout.beginLayout()
    layout.createLine().setLineWidth(10_000)
    layout.endLayout()
    placed = []
    for i, char in enumerate(text):
        if char in INVISIBLE:
            continue
        runs = layout.glyphRuns(i, 1)
        placed.append((runs[0].boundingRect().center().x(), char))
    return "".join(char for _x, char in sorted(placed)), option


def test_an_untitled_feed_reads_host_first_in_a_right_to_left_sidebar(qtbot, arabic):
    model = SidebarModel()
    feeds = [
        Feed(1, LONG, "", None, 3, 10, None),
        Feed(2, SHORT, "", None, 0, 10, None),
        Feed(3, "https://x.org/a", ARABIC, None, 0, 10, None),
        Feed(4, "https://x.org/b", ENGLISH, None, 0, 10, None),
    ]
    panel = SidebarPanel(model)
    qtbot.addWidget(panel)
    panel.resize(240, 400)  # narrow: the long URL and the Arabic title do not fit
    panel.show()
    model.set_data(SidebarData({"all": 40}, feeds, [], []))
    view = panel.feeds_view
    assert view.isRightToLeft()

    def row(feed_id: int) -> tuple[str, QStyleOptionViewItem]:
        return _drawn(view, model.index_for_key(("feed", feed_id)))

    shown, long_option = row(1)
    assert shown.startswith("https://ex") and shown.endswith("…"), shown
    assert len(shown) < len(LONG)
    assert row(2)[0] == SHORT
    arabic_shown, arabic_option = row(3)
    # Still right to left: the title's first word at the right, the ellipsis at the left.
    assert arabic_shown.startswith("…") and arabic_shown.endswith(ARABIC[0]), arabic_shown
    assert row(4)[0] == ENGLISH
    # The URL row is laid out like the others: same direction, alignment and icon side.
    assert long_option.direction == arabic_option.direction == Qt.LayoutDirection.RightToLeft
    assert long_option.displayAlignment == arabic_option.displayAlignment
    assert long_option.decorationPosition == arabic_option.decorationPosition


def _table(qtbot, rows: list[tuple[str, str]], width: int) -> ArticleTable:  # type: ignore[no-untyped-def]
    """A shown article list of these (feed name, title) rows, ids 1, 2 ..."""

    def loader(ids):  # type: ignore[no-untyped-def]
        return [Article(i, i, *rows[i - 1], None, None, None, (), False, False) for i in ids]

    table = ArticleTable(ArticleListModel(loader))
    table.model().set_ids(range(1, len(rows) + 1))
    qtbot.addWidget(table)
    table.resize(width, 300)
    table.show()
    return table


def test_a_url_in_the_feed_column_reads_host_first_in_a_right_to_left_list(qtbot, arabic):
    table = _table(qtbot, [(LONG, "A1"), (SHORT, "A2"), (ARABIC, "A3")], 600)
    model = table.model()
    assert table.isRightToLeft()

    def cell(row: int) -> str:
        return _drawn(table, model.index(row, ArticleListModel.FEED))[0]

    assert cell(0).startswith("https://ex") and cell(0).endswith("…"), cell(0)
    assert cell(1) == SHORT
    assert cell(2).startswith("…") and cell(2).endswith(ARABIC[0]), cell(2)


def test_an_arabic_title_keeps_its_question_mark_at_its_end_in_a_left_to_right_list(qtbot):
    question = "ما الجديد في سوريا اليوم؟"
    rows = [("Feed", question), ("Feed", ARABIC + " " + ARABIC), ("Feed", "Talks resume")]
    table = _table(qtbot, rows, 900)
    model = table.model()
    table.setColumnWidth(ArticleListModel.TITLE, 400)  # the question fits, the long title not
    assert not table.isRightToLeft()

    def cell(row: int) -> tuple[str, QStyleOptionViewItem]:
        return _drawn(table, model.index(row, ArticleListModel.TITLE))

    # Read right to left: the first letter at the right, the question mark at the far left.
    shown, option = cell(0)
    assert shown.startswith("؟") and shown.endswith(question[0]), shown
    # Too long: the ellipsis is at the title's own end (its left), its start stays visible.
    shown = cell(1)[0]
    assert shown.startswith("…") and shown.endswith(ARABIC[0]), shown
    assert cell(2)[0] == "Talks resume"
    # The row itself stays left to right, like the others.
    assert option.direction == cell(2)[1].direction == Qt.LayoutDirection.LeftToRight
