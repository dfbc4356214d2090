"""TIMEX3 values and the calendar arithmetic behind them (None where the calendar ends)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span

from newsgraph.lang.en.times import PARTS_OF_DAY, SHIFTS

# Values of vague references, which are also the labels of their patterns.
FUTURE_REF, PAST_REF = "FUTURE_REF", "PAST_REF"


def shift_of(word: str) -> int:
    """-1 for "last", +1 for "next", 0 otherwise."""
    return SHIFTS.get(word, 0)


def part_of_day(span: Span) -> str:
    """The TIMEX3 part-of-day suffix ("TMO", "TNI"...) of a span, or ""."""
    return next((f"T{PARTS_OF_DAY[t.lower_]}" for t in span if t.lower_ in PARTS_OF_DAY), "")


def week_value(day: dt.date) -> str:
    """The ISO week of ``day``, e.g. 2025-W34."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def month_value(published: dt.date, shift: int) -> str | None:
    """The month ``shift`` months away from publication, e.g. 2025-07 (None outside the calendar)."""
    index = published.year * 12 + published.month - 1 + shift
    year = year_value(index // 12)
    return f"{year}-{index % 12 + 1:02d}" if year else None


def year_value(year: int) -> str | None:
    """A four-digit year, or None for a year the calendar does not have (before 1 or after 9999)."""
    return f"{year:04d}" if dt.MINYEAR <= year <= dt.MAXYEAR else None


def days_from(published: dt.date, days: int) -> dt.date | None:
    """The date ``days`` days after publication, or None outside the calendar."""
    try:
        return published + dt.timedelta(days=days)
    except OverflowError:  # past year 1 or 9999, or more days than a timedelta holds
        return None


def date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the day does not exist."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def iso(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD, or None for an impossible date."""
    found = date(year, month, day)
    return found.isoformat() if found else None
