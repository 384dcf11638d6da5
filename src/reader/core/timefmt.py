"""Human-readable times: "5 minutes ago" for lists, "2026-11-25 16:24" for tooltips.

Rounding rules of `relative_time` (chosen to read like a person, and pinned by tests):

- under 45 seconds either way: "just now" (feeds' clocks are often a little off);
- 45-89 seconds: "1 minute"; then minutes rounded to the nearest (2-44);
- 45-89 minutes: "1 hour"; then hours rounded to the nearest, up to 21 hours;
- from 22 hours on, calendar days in the time zone of `now`: same day -> "22 hours" /
  "23 hours", the day before -> "yesterday" (future: "tomorrow"), 2-6 days -> "N days";
- 7-27 days: weeks rounded to the nearest ("1 week" for 7-10 days .. "4 weeks");
- from 28 days: months of 30.4 days rounded to the nearest ("1 month" .. "11 months"; 150 days
  is "5 months"), and once that reaches 12, years rounded to the nearest ("1 year" from about
  11.5 up to 18 months, so 13 months is "1 year"; 18 months and more is "2 years").

Naive datetimes are taken as UTC, which is what the storage layer writes.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

__all__ = ["absolute_time", "parse_iso", "relative_time"]

_MINUTE = 60
_HOUR = 3600
_DAYS_PER_YEAR = 365.2425
_DAYS_PER_MONTH = _DAYS_PER_YEAR / 12


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _in_zone(value: datetime, zone: tzinfo | None) -> datetime:
    """`value` in `zone`, or in UTC when the conversion leaves datetime's range (year 1/9999)."""
    try:
        return value.astimezone(zone)
    except (OverflowError, ValueError):
        return value.astimezone(UTC)


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"


def _round(value: float) -> int:
    """Half up, as people round (Python's round() goes to even)."""
    return int(value + 0.5)


def _span(start: datetime, end: datetime, seconds: float) -> str:
    """Describe the span start -> end (end later), without "ago"/"in"; "" for a special word."""
    if seconds < 90:
        return "1 minute"
    if seconds < 45 * _MINUTE:
        return _plural(_round(seconds / _MINUTE), "minute")
    if seconds < 90 * _MINUTE:
        return "1 hour"
    if seconds < 22 * _HOUR:
        return _plural(_round(seconds / _HOUR), "hour")
    days = max((end.date() - start.date()).days, 0)
    if days == 0:
        return _plural(min(_round(seconds / _HOUR), 24), "hour")
    if days == 1:
        return ""  # "yesterday" / "tomorrow"
    if days < 7:
        return _plural(days, "day")
    if days < 28:
        return _plural(_round(days / 7), "week")
    months = max(_round(days / _DAYS_PER_MONTH), 1)
    if months < 12:
        return _plural(months, "month")
    return _plural(max(_round(days / _DAYS_PER_YEAR), 1), "year")


def relative_time(when: datetime | None, now: datetime | None = None) -> str:
    """ "5 minutes ago", "yesterday", "in 3 hours"; "" for None. See the module docstring.

    Args:
        when: the moment to describe; naive means UTC.
        now: the reference moment (injected by tests); defaults to the current local time.
            Calendar words (yesterday, days, months) are counted in its time zone; a naive
            `now` means UTC.
    """
    if when is None:
        return ""
    now = _aware(now) if now is not None else datetime.now(UTC).astimezone()
    zone = now.tzinfo
    when = _aware(when)
    seconds = (now - when).total_seconds()
    if abs(seconds) < 45:
        return "just now"
    here, then = _in_zone(now, zone), _in_zone(when, zone)
    if seconds > 0:
        text = _span(then, here, seconds)
        return f"{text} ago" if text else "yesterday"
    text = _span(here, then, -seconds)
    return f"in {text}" if text else "tomorrow"


def absolute_time(when: datetime | None, *, tz: tzinfo | None = None) -> str:
    """'2026-11-25 16:24' in local time (or `tz`), for tooltips; "" for None.

    Naive means UTC. Dates that cannot be shifted into the zone (year 1 or 9999) are shown in
    UTC rather than raising.
    """
    if when is None:
        return ""
    local = _in_zone(_aware(when), tz)
    return f"{local.year:04d}-{local.month:02d}-{local.day:02d} {local.hour:02d}:{local.minute:02d}"


def parse_iso(value: str | None) -> datetime | None:
    """ISO 8601 text -> aware UTC datetime; None for None, "" or anything unparseable.

    Accepts what `datetime.fromisoformat` reads on Python 3.11 ("Z", "+02:00", "+0200",
    a space instead of "T", a date alone, any number of fractional digits) plus a lower-case
    "t"/"z". Text without an offset is UTC. Only ASCII is accepted, so the result never
    depends on Unicode digit folding.
    """
    if not value:
        return None
    text = value.strip()
    if not text or len(text) > 64 or not text.isascii():
        return None
    if text[-1] in "zZ":
        text = text[:-1] + "+00:00"
    if len(text) > 10 and text[10] == "t":
        text = text[:10] + "T" + text[11:]
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    try:
        return _aware(parsed).astimezone(UTC)
    except (OverflowError, ValueError):
        return None
