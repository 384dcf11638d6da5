"""The pure step of a refresh: what a freshly parsed feed changes in what is stored.

Identity of an entry, in order: its guid (Atom id, RSS guid, JSON Feed id); for entries without a
guid, its link; for entries with neither, title + date. An entry seen again is never duplicated;
a changed entry is updated (its read/starred state is kept by the storage layer); a starred
entry is a favorite and stays exactly as it was starred; a purged entry is not brought back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.core.parse import ParsedEntry


@dataclass(frozen=True, slots=True)
class StoredEntry:
    id: int
    key: str
    link: str | None
    hash: str
    starred: bool


@dataclass(slots=True)
class Plan:
    inserts: list[ParsedEntry] = field(default_factory=list)
    updates: list[tuple[int, ParsedEntry]] = field(default_factory=list)
    unchanged: int = 0


def decide(
    stored: Iterable[StoredEntry],
    entries: Sequence[ParsedEntry],
    purged_keys: frozenset[str] | set[str] = frozenset(),
) -> Plan:
    by_key: dict[str, StoredEntry] = {}
    by_link: dict[str, StoredEntry] = {}
    for row in stored:
        by_key[row.key] = row
        if row.link:
            by_link.setdefault(row.link, row)
    plan = Plan()
    seen_keys: set[str] = set()
    matched_ids: set[int] = set()
    for entry in entries:
        if entry.key in seen_keys or entry.key in purged_keys:
            continue
        seen_keys.add(entry.key)
        match = by_key.get(entry.key)
        if match is None and entry.guid is None and entry.link:
            match = by_link.get(entry.link)
        if match is not None and match.id in matched_ids:
            # Two entries claim one stored article: a key match keeps it, a link match is new.
            if match.key == entry.key:
                continue
            match = None
        if match is None:
            plan.inserts.append(entry)
            continue
        matched_ids.add(match.id)
        if match.hash == entry.hash or match.starred:
            plan.unchanged += 1
        else:
            plan.updates.append((match.id, entry))
    return plan
