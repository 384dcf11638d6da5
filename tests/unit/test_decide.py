"""The pure decide step: stored state + parsed entries -> inserts, updates, unchanged.

Identity, in order: the guid; for an entry without a guid, its link; for an entry with neither,
its title + date (the parser builds that key). These tests pin that order down.
"""

from __future__ import annotations

from reader.core.decide import StoredEntry, decide
from reader.core.parse import ParsedEntry


def entry(
    *,
    guid: str | None = None,
    link: str | None = None,
    title: str = "Title",
    published: int | None = 1_750_000_000,
    text: str = "Body",
) -> ParsedEntry:
    key = guid or link or f"{title}|{published or ''}"
    return ParsedEntry(
        key=key,
        guid=guid,
        link=link,
        title=title,
        author=None,
        published=published,
        updated=None,
        content_html=f"<p>{text}</p>",
        summary=text,
        text_start=text,
        categories=(),
        enclosures=(),
        comments=None,
        direction="ltr",
        hash=f"{title}|{text}|{link}",
    )


def stored(id: int, e: ParsedEntry, *, starred: bool = False, hash: str | None = None):
    return StoredEntry(id=id, key=e.key, link=e.link, hash=hash or e.hash, starred=starred)


def test_first_refresh_inserts_everything_in_feed_order() -> None:
    entries = [entry(guid="a"), entry(guid="b"), entry(guid="c")]
    plan = decide([], entries)
    assert [e.key for e in plan.inserts] == ["a", "b", "c"]
    assert plan.updates == []
    assert plan.unchanged == 0


def test_same_feed_again_changes_nothing() -> None:
    entries = [entry(guid="a"), entry(guid="b")]
    plan = decide([stored(1, entries[0]), stored(2, entries[1])], entries)
    assert plan.inserts == [] and plan.updates == []
    assert plan.unchanged == 2


def test_new_entry_is_inserted_old_ones_unchanged() -> None:
    old = entry(guid="a")
    new = entry(guid="b", title="Newer")
    plan = decide([stored(1, old)], [new, old])
    assert [e.key for e in plan.inserts] == ["b"]
    assert plan.unchanged == 1


def test_republished_entry_with_new_text_is_an_update_of_the_same_article() -> None:
    before = entry(guid="a", text="first version")
    after = entry(guid="a", text="corrected version")
    plan = decide([stored(7, before)], [after])
    assert plan.inserts == []
    assert plan.updates == [(7, after)]


def test_guid_wins_over_link() -> None:
    # Two articles share a link (a homepage link, say) but have their own guids: both are kept.
    one = entry(guid="g1", link="https://s.example/")
    two = entry(guid="g2", link="https://s.example/", title="Other")
    plan = decide([stored(1, one)], [one, two])
    assert [e.key for e in plan.inserts] == ["g2"]
    assert plan.unchanged == 1


def test_entry_without_guid_is_matched_by_link() -> None:
    # The feed used to send a guid, then stopped: the article is found again through its link.
    with_guid = entry(guid="urn:1", link="https://s.example/1")
    without = entry(link="https://s.example/1", text="same article, guid dropped")
    plan = decide([stored(3, with_guid)], [without])
    assert plan.inserts == []
    assert plan.updates == [(3, without)]


def test_guidless_entries_with_different_links_are_different_articles() -> None:
    a = entry(link="https://s.example/a")
    b = entry(link="https://s.example/b")
    plan = decide([stored(1, a)], [a, b])
    assert [e.key for e in plan.inserts] == ["https://s.example/b"]


def test_entry_with_neither_guid_nor_link_is_matched_by_title_and_date() -> None:
    a = entry(title="Note", published=100)
    same = entry(title="Note", published=100, text="edited")
    other_day = entry(title="Note", published=200)
    plan = decide([stored(5, a)], [same, other_day])
    assert plan.updates == [(5, same)]
    assert [e.key for e in plan.inserts] == [other_day.key]


def test_starred_article_is_never_updated() -> None:
    before = entry(guid="a", text="what I starred")
    after = entry(guid="a", text="rewritten by the publisher")
    plan = decide([stored(1, before, starred=True)], [after])
    assert plan.updates == [] and plan.inserts == []
    assert plan.unchanged == 1


def test_purged_article_is_not_added_again() -> None:
    old = entry(guid="old")
    new = entry(guid="new")
    plan = decide([], [new, old], purged_keys={"old"})
    assert [e.key for e in plan.inserts] == ["new"]


def test_duplicates_within_one_feed_are_stored_once() -> None:
    first = entry(guid="dup", text="first copy")
    second = entry(guid="dup", text="second copy")
    plan = decide([], [first, second, entry(guid="x")])
    assert [e.key for e in plan.inserts] == ["dup", "x"]
    assert plan.inserts[0].text_start == "first copy"


def test_duplicate_within_one_feed_does_not_update_twice() -> None:
    stored_one = entry(guid="dup", text="stored")
    a = entry(guid="dup", text="changed once")
    b = entry(guid="dup", text="changed twice")
    plan = decide([stored(1, stored_one)], [a, b])
    assert plan.updates == [(1, a)]
    assert plan.inserts == []


def test_decide_is_pure() -> None:
    entries = [entry(guid="a"), entry(guid="b")]
    rows = [stored(1, entries[0], hash="stale")]
    first = decide(rows, entries)
    second = decide(rows, entries)
    assert (first.inserts, first.updates, first.unchanged) == (
        second.inserts,
        second.updates,
        second.unchanged,
    )
