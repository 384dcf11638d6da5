"""relative_time / absolute_time / parse_iso with an injected clock."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest

from reader.core.timefmt import absolute_time, parse_iso, relative_time

NOW = datetime(2026, 11, 25, 16, 24, 0, tzinfo=UTC)
RIYADH = timezone(timedelta(hours=3))
NEW_YORK = timezone(timedelta(hours=-5))


@pytest.mark.parametrize(
    ("ago", "text"),
    [
        (timedelta(0), "just now"),
        (timedelta(seconds=44), "just now"),
        (timedelta(seconds=45), "1 minute ago"),
        (timedelta(seconds=89), "1 minute ago"),
        (timedelta(seconds=90), "2 minutes ago"),
        (timedelta(minutes=5), "5 minutes ago"),
        (timedelta(minutes=44, seconds=29), "44 minutes ago"),
        (timedelta(minutes=45), "1 hour ago"),
        (timedelta(minutes=89), "1 hour ago"),
        (timedelta(minutes=90), "2 hours ago"),
        (timedelta(hours=3), "3 hours ago"),
        (timedelta(hours=3, minutes=29), "3 hours ago"),
        (timedelta(hours=3, minutes=30), "4 hours ago"),
        (timedelta(hours=21, minutes=29), "21 hours ago"),
        (timedelta(hours=22), "yesterday"),  # 2026-11-24 18:24 UTC
        (timedelta(hours=40), "yesterday"),  # 2026-11-24 00:24 UTC
        (timedelta(hours=41), "2 days ago"),  # 2026-11-23 23:24 UTC
        (timedelta(days=3), "3 days ago"),
        (timedelta(days=6), "6 days ago"),
        (timedelta(days=7), "1 week ago"),
        (timedelta(days=10), "1 week ago"),
        (timedelta(days=11), "2 weeks ago"),
        (timedelta(days=14), "2 weeks ago"),
        (timedelta(days=27), "4 weeks ago"),
        (timedelta(days=28), "1 month ago"),
        (timedelta(days=45), "1 month ago"),
        (timedelta(days=46), "2 months ago"),
        (timedelta(days=150), "5 months ago"),
        (timedelta(days=350), "11 months ago"),
        (timedelta(days=351), "1 year ago"),
        (timedelta(days=396), "1 year ago"),  # 13 months
        (timedelta(days=547), "1 year ago"),
        (timedelta(days=548), "2 years ago"),  # 18 months rounds up
        (timedelta(days=7 * 365 + 2), "7 years ago"),
    ],
)
def test_past(ago: timedelta, text: str) -> None:
    assert relative_time(NOW - ago, NOW) == text


@pytest.mark.parametrize(
    ("ahead", "text"),
    [
        (timedelta(seconds=30), "just now"),  # small clock skew is not "in 30 seconds"
        (timedelta(seconds=60), "in 1 minute"),
        (timedelta(minutes=5), "in 5 minutes"),
        (timedelta(minutes=60), "in 1 hour"),
        (timedelta(hours=3), "in 3 hours"),
        (timedelta(hours=10), "in 10 hours"),  # hours win under 22 h, across midnight too
        (timedelta(hours=30), "tomorrow"),  # 2026-11-26 22:24 UTC
        (timedelta(days=3), "in 3 days"),
        (timedelta(days=14), "in 2 weeks"),
        (timedelta(days=60), "in 2 months"),
        (timedelta(days=800), "in 2 years"),
    ],
)
def test_future(ahead: timedelta, text: str) -> None:
    assert relative_time(NOW + ahead, NOW) == text


def test_none_is_empty() -> None:
    assert relative_time(None, NOW) == ""
    assert absolute_time(None) == ""


def test_naive_datetimes_are_utc() -> None:
    naive_when = datetime(2026, 11, 25, 16, 19, 0)
    assert relative_time(naive_when, NOW) == "5 minutes ago"
    assert relative_time(naive_when, NOW.astimezone(RIYADH)) == "5 minutes ago"
    assert relative_time(NOW - timedelta(hours=2), datetime(2026, 11, 25, 16, 24)) == "2 hours ago"


def test_calendar_days_follow_the_zone_of_now() -> None:
    # 23:50 in Riyadh; an article from 00:30 the same day is not "yesterday"
    now = datetime(2026, 11, 25, 23, 50, tzinfo=RIYADH)
    assert relative_time(datetime(2026, 11, 25, 0, 30, tzinfo=RIYADH), now) == "23 hours ago"
    # ... but 23 hours before 08:00 is the previous calendar day
    morning = datetime(2026, 11, 25, 8, 0, tzinfo=RIYADH)
    assert relative_time(datetime(2026, 11, 24, 9, 0, tzinfo=RIYADH), morning) == "yesterday"
    # the same instant reads differently where the date line falls elsewhere
    when = datetime(2026, 11, 23, 22, 0, tzinfo=UTC)
    assert relative_time(when, datetime(2026, 11, 25, 0, 30, tzinfo=UTC)) == "2 days ago"
    assert relative_time(when, datetime(2026, 11, 25, 0, 30, tzinfo=UTC).astimezone(NEW_YORK)) == (
        "yesterday"
    )


def test_extreme_dates_do_not_raise() -> None:
    ny_now = NOW.astimezone(NEW_YORK)
    assert relative_time(datetime(1, 1, 1, tzinfo=UTC), ny_now) == "2026 years ago"
    assert relative_time(datetime(9999, 12, 31, 23, 59, tzinfo=UTC), NOW.astimezone(RIYADH)) == (
        "in 7973 years"
    )
    assert absolute_time(datetime(1, 1, 1), tz=NEW_YORK) == "0001-01-01 00:00"
    assert absolute_time(datetime(9999, 12, 31, 23, 0, tzinfo=UTC), tz=RIYADH) == "9999-12-31 23:00"


def test_default_now_is_the_real_clock() -> None:
    assert relative_time(datetime.now(UTC) - timedelta(minutes=3)) == "3 minutes ago"
    # Calendar days: exactly three days ahead is three dates ahead at any time of day (with
    # an hour more, the test failed between 23:00 and midnight: that is the fourth date).
    assert relative_time(datetime.now(UTC) + timedelta(days=3)) == "in 3 days"


def test_absolute_time_in_a_given_zone() -> None:
    assert absolute_time(NOW, tz=UTC) == "2026-11-25 16:24"
    assert absolute_time(NOW, tz=RIYADH) == "2026-11-25 19:24"
    assert absolute_time(NOW, tz=NEW_YORK) == "2026-11-25 11:24"
    assert absolute_time(datetime(2026, 11, 25, 16, 24, 59), tz=RIYADH) == "2026-11-25 19:24"


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's local zone set to UTC+3 (POSIX TZ syntax needs no tz database)."""
    monkeypatch.setenv("TZ", "XYZ-3")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("local_zone")
def test_absolute_time_defaults_to_local_time() -> None:
    assert absolute_time(NOW) == "2026-11-25 19:24"
    assert absolute_time(datetime(2026, 11, 25, 23, 0)) == "2026-11-26 02:00"  # naive = UTC


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-25T16:24:00Z", NOW),
        ("2026-11-25t16:24:00z", NOW),
        ("2026-11-25T16:24:00+00:00", NOW),
        ("2026-11-25T19:24:00+03:00", NOW),
        ("2026-11-25T11:24:00-05:00", NOW),
        ("2026-11-25T19:24:00+0300", NOW),
        ("2026-11-25 16:24:00", NOW),  # no offset: UTC
        ("  2026-11-25T16:24Z\n", NOW),
        ("2026-11-25T16:24:00.5Z", NOW.replace(microsecond=500_000)),
        ("2026-11-25T16:24:00.123456789Z", NOW.replace(microsecond=123_456)),
        ("2026-11-25", datetime(2026, 11, 25, tzinfo=UTC)),
        ("2026-11-26T01:00:00+09:00", datetime(2026, 11, 25, 16, 0, tzinfo=UTC)),
    ],
)
def test_parse_iso(text: str, expected: datetime) -> None:
    parsed = parse_iso(text)
    assert parsed == expected
    assert parsed is not None and parsed.tzinfo is UTC


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        "yesterday",
        "25/11/2026",
        "Wed, 25 Nov 2026 16:24:00 GMT",  # RFC 822 belongs to the feed parser, not here
        "2026-02-30T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "0001-01-01T00:00:00+01:00",  # before datetime.min once shifted to UTC
        "٢٠٢٦-١١-٢٥",  # Arabic-Indic digits
        "2026-11-25T16:24:00Z" + "0" * 100,
    ],
)
def test_parse_iso_rejects(text: str | None) -> None:
    assert parse_iso(text) is None


def test_round_trip() -> None:
    parsed = parse_iso(NOW.isoformat())
    assert parsed == NOW
    assert relative_time(parse_iso("2026-11-25T16:19:00Z"), NOW) == "5 minutes ago"
