"""Publication dates: the ISO 8601 forms newsgraph accepts, each normalised to ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date

_TIME = r"(?:[T ].*)?"  # a time of day after the date is allowed and dropped
_CALENDAR = re.compile(rf"(\d{{4}})-(\d{{2}})-(\d{{2}}){_TIME}|(\d{{4}})(\d{{2}})(\d{{2}}){_TIME}", re.DOTALL)
_WEEK_DAY = re.compile(rf"(\d{{4}})-W(\d{{2}})-([1-7]){_TIME}|(\d{{4}})W(\d{{2}})([1-7]){_TIME}", re.DOTALL)
_WEEK = re.compile(r"\d{4}-?W\d{2}")
EXPECTED = "expected YYYY-MM-DD (or YYYYMMDD, or an ISO week date with its day, YYYY-Www-D)"


def published_date(value: str) -> date:
    """The day ``value`` names: a calendar date, extended (2025-08-19) or basic (20250819), or an ISO
    week date with its day (2025-W34-2), each optionally followed by a time. A bare week (2025-W34)
    names no day and is refused, like anything else, with ValueError giving the reason."""
    text = value.strip()
    try:
        if match := _CALENDAR.fullmatch(text):
            year, month, day = (int(part) for part in match.groups() if part is not None)
            return date(year, month, day)
        if match := _WEEK_DAY.fullmatch(text):
            year, week, weekday = (int(part) for part in match.groups() if part is not None)
            return date.fromisocalendar(year, week, weekday)
    except ValueError as exc:
        raise ValueError(f"publication date {_shown(value)} is not YYYY-MM-DD: {exc}") from exc
    if _WEEK.fullmatch(text):
        raise ValueError(f"publication date {_shown(value)} names a week, not a day; {EXPECTED}")
    raise ValueError(f"publication date {_shown(value)} is not a date; {EXPECTED}")


def normalise_published(value: str | None) -> str | None:
    """``value`` as ``YYYY-MM-DD`` (None or blank stays None); ValueError with the reason otherwise."""
    if value is None or not value.strip():
        return None
    return published_date(value).isoformat()


def _shown(value: str, limit: int = 40) -> str:
    """``value`` quoted for a message, cut to ``limit`` characters."""
    return repr(value if len(value) <= limit else value[:limit] + "…")
