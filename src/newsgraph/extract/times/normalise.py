"""Normalisation: a matched span -> its TIMEX3 value, anchored on the publication date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from spacy.tokens import Span

from newsgraph.extract.times.tense import is_future
from newsgraph.extract.times.values import (
    FUTURE_REF,
    PAST_REF,
    date,
    days_from,
    iso,
    month_value,
    part_of_day,
    shift_of,
    week_value,
    year_value,
)
from newsgraph.lang.en.times import DAY_RE, DEICTIC_DAYS, MONTHS, NUMBER_WORDS, SEASONS, VAGUE_COUNTS, WEEKDAYS


def normalise(span: Span, published: dt.date | None) -> str | None:
    """The value of a matched span, or None when it cannot be resolved."""
    if span.label_ in _ABSOLUTE:
        return _ABSOLUTE[span.label_](span, published)
    if published is None:
        return None
    return _RELATIVE[span.label_](span, published)


# -- absolute (or partly absolute) expressions ---------------------------------------------


def _calendar(span: Span, published: dt.date | None) -> str | None:
    """Month/day/year combinations: full dates, month + year, bare years and months."""
    year = next((int(m[0]) for t in span if (m := re.search(r"[0-9]{4}", t.text))), None)
    month = next((MONTHS[t.lower_] for t in span if t.lower_ in MONTHS), None)
    day = next((int(m[1]) for t in span if (m := re.match(DAY_RE, t.lower_))), None)
    if month is None:
        return f"{year:04d}" if year else None
    if year is None:
        return _yearless(span, published, month, day)
    if day is None:
        return f"{year:04d}-{month:02d}"
    return iso(year, month, day)


def _yearless(span: Span, published: dt.date | None, month: int, day: int | None) -> str | None:
    """A month (tense decides the year) or a month and day (the nearest occurrence)."""
    if published is None:
        return None
    if day is None:
        year = year_value(_month_year(span, published, month))
        return f"{year}-{month:02d}" if year else None
    candidates = [date(published.year + k, month, day) for k in (-1, 0, 1)]
    valid = [d for d in candidates if d]
    if not valid:
        return None
    return min(valid, key=lambda d: abs((d - published).days)).isoformat()


def _month_year(span: Span, published: dt.date, month: int) -> int:
    """The year of a bare month: strictly before or after publication for "last"/"next",
    otherwise the nearest one in the direction of the clause's tense."""
    first = span[0].lower_
    if first == "last" or (first != "next" and not is_future(span)):
        after = month > published.month or (first == "last" and month == published.month)
        return published.year - after
    before = month < published.month or (first == "next" and month == published.month)
    return published.year + before


def _iso_date(span: Span, published: dt.date | None) -> str | None:
    """A numeric ISO date such as 2025-08-19."""
    year, month, day = (int(t.text) for t in span if t.text != "-")
    return iso(year, month, day)


def _decade(span: Span, published: dt.date | None) -> str:
    """A decade such as "the 1990s" -> "199"."""
    return span[-1].text[:3]


def _season(span: Span, published: dt.date | None) -> str | None:
    """A season with a year ("summer 2024") or of the publication year ("this summer")."""
    code = next(SEASONS[t.lower_] for t in span if t.lower_ in SEASONS)
    if span[-1].text.isdigit():
        return f"{span[-1].text}-{code}"
    return f"{published.year:04d}-{code}" if published else None


# -- expressions relative to the publication date -----------------------------------------


def _weekday(span: Span, published: dt.date) -> str | None:
    """A weekday in the publication week, with an optional last/next/this and part of day."""
    target = next(WEEKDAYS[t.lower_] for t in span if t.lower_ in WEEKDAYS)
    offset = (target - published.weekday()) % 7  # days ahead, 0..6
    first = span[0].lower_
    if first == "next":
        offset = offset or 7
    elif first == "last":
        offset -= 7
    elif offset and not is_future(span):
        offset -= 7
    day = days_from(published, offset)
    return day.isoformat() + part_of_day(span) if day else None


def _relative_unit(span: Span, published: dt.date) -> str | None:
    """this/last/next week, month, year or weekend (with earlier/later kept in the text)."""
    shift = shift_of(span[-2].lower_)
    unit = span[-1].lower_
    if unit == "year":
        return year_value(published.year + shift)
    if unit == "month":
        return month_value(published, shift)
    day = days_from(published, 7 * shift)
    if day is None:
        return None
    return week_value(day) + "-WE" if unit == "weekend" else week_value(day)


def _the_weekend(span: Span, published: dt.date) -> str | None:
    """ "the weekend": the coming one in a future clause, otherwise the last one."""
    if is_future(span) or published.weekday() >= 5:
        return week_value(published) + "-WE"
    day = days_from(published, -7)
    return week_value(day) + "-WE" if day else None


def _deictic(span: Span, published: dt.date) -> str | None:
    """today, yesterday, tomorrow, tonight, this morning, last night..."""
    first = span[0].lower_
    day = days_from(published, DEICTIC_DAYS.get(first, 0))
    part = "TNI" if first == "tonight" else part_of_day(span)
    return day.isoformat() + part if day else None


def _ago(span: Span, published: dt.date) -> str | None:
    """ "two days ago" and the like, at the granularity of the unit; "a few weeks ago" is vague."""
    word = span[0].lower_
    if word in VAGUE_COUNTS or span[1].lower_ == "few":
        return PAST_REF
    count = NUMBER_WORDS.get(word) or (int(word) if word.isascii() and word.isdigit() else None)
    if count is None:
        return None
    unit = span[-2].lower_.rstrip("s")
    if unit == "month":
        return month_value(published, -count)
    if unit == "year":
        return year_value(published.year - count)
    day = days_from(published, -count * (7 if unit == "week" else 1))
    if day is None:
        return None
    return week_value(day) if unit == "week" else day.isoformat()


def _constant(value: str) -> Callable[[Span, dt.date], str]:
    """A normaliser that always returns ``value``."""
    return lambda span, published: value


_ABSOLUTE: dict[str, Callable[[Span, dt.date | None], str | None]] = {
    "CAL": _calendar,
    "ISO": _iso_date,
    "DECADE": _decade,
    "SEASON": _season,
}
_RELATIVE: dict[str, Callable[[Span, dt.date], str | None]] = {
    "WEEKDAY": _weekday,
    "REL_UNIT": _relative_unit,
    "WEEKEND": _the_weekend,
    "DEICTIC": _deictic,
    "AGO": _ago,
    FUTURE_REF: _constant(FUTURE_REF),
    PAST_REF: _constant(PAST_REF),
}
