"""Temporal expressions -> TIMEX3-style values relative to the publication date.

Candidates come from a token ``Matcher`` (one per ``Vocab``, built once); the
model's DATE entities gate the ambiguous ones (bare years, bare month names).
Weekdays, bare months and the weekend take their direction (past or future)
from the governing verb in the dependency parse. Without a publication date
only absolute values (full dates, month + year, years, decades) are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from newsgraph.model import TimeExpr

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTHS: dict[str, int] = {name: i for i, name in enumerate(_MONTH_NAMES, 1)}
MONTHS.update({name[:3]: i for i, name in enumerate(_MONTH_NAMES, 1) if name != "may"})
MONTHS.update({f"{name[:3]}.": i for i, name in enumerate(_MONTH_NAMES, 1) if name != "may"})
MONTHS.update({"sept": 9, "sept.": 9})
WEEKDAYS: dict[str, int] = {
    name: i for i, name in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
UNITS = ("day", "week", "month", "year")
PLURAL_UNITS = [f"{u}s" for u in UNITS]
FUTURE_LEMMAS = frozenset({"schedule", "expect", "plan", "set", "slate", "intend", "go"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODALS = frozenset({"can", "ca", "could", "may", "might", "must", "should", "would"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})
SET_MARKERS = frozenset({"every", "each"})
FUTURE_REF, PAST_REF = "FUTURE_REF", "PAST_REF"
# Every pattern contains one of these words or a number of one of these shapes;
# the matcher only runs on windows around them.
TRIGGERS = frozenset(
    [
        *MONTHS,
        *WEEKDAYS,
        *SEASONS,
        *PARTS_OF_DAY,
        *UNITS,
        *PLURAL_UNITS,
        "weekend",
        "today",
        "tonight",
        "yesterday",
        "tomorrow",
        "ago",
        "recent",
        "coming",
        "upcoming",
        "ahead",
        "future",
    ]
)
TRIGGER_SHAPES = frozenset({"d", "dd", "dxx", "ddxx", "dddd", "ddddx", "xxx-dddd"})
WINDOW = 6  # no pattern is longer than 6 tokens
NAME_LABELS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
    }
)

_YEAR_RE = r"^(1[89]|20)[0-9][0-9]$"  # ASCII digits only: values are ASCII
_DAY_RE = r"^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$"
_YEAR = {"TEXT": {"REGEX": _YEAR_RE}}
_MIDYEAR = {"LOWER": {"REGEX": r"^mid-(1[89]|20)[0-9][0-9]$"}}
_DAY = {"LOWER": {"REGEX": _DAY_RE}}
_MONTH = {"LOWER": {"IN": list(MONTHS)}}
_WEEKDAY = {"LOWER": {"IN": list(WEEKDAYS)}}
_PART = {"LOWER": {"IN": list(PARTS_OF_DAY)}, "OP": "?"}
_COMMA = {"ORTH": ",", "OP": "?"}
_EDGE = {"LOWER": {"IN": ["early", "mid", "late"]}, "OP": "?"}
_THE = {"LOWER": "the", "OP": "?"}
_REL = {"LOWER": {"IN": ["this", "last", "next"]}}
_FEW: list[dict] = [{"LOWER": {"IN": ["couple", "few"]}}, {"LOWER": "of", "OP": "?"}]

PATTERNS: dict[str, list[list[dict]]] = {
    "CAL": [
        [_EDGE, _MONTH, _DAY, _COMMA, _YEAR],
        [_EDGE, _MONTH, _DAY],
        [_DAY, _MONTH, _YEAR],
        [_DAY, _MONTH],
        [_THE, _DAY, {"LOWER": "of"}, _MONTH, _COMMA, _YEAR],
        [_THE, _DAY, {"LOWER": "of"}, _MONTH],
        [_WEEKDAY, _COMMA, _MONTH, _DAY, _COMMA, _YEAR],
        [_WEEKDAY, _COMMA, _MONTH, _DAY],
        [_EDGE, _MONTH, {"LOWER": "of", "OP": "?"}, _YEAR],
        [_EDGE, _MONTH],
        [_REL, _MONTH],
        [_EDGE, _YEAR],
        [_MIDYEAR],
    ],
    "ISO": [
        [
            _YEAR,
            {"ORTH": "-"},
            {"TEXT": {"REGEX": r"^[0-9][0-9]$"}},
            {"ORTH": "-"},
            {"TEXT": {"REGEX": r"^[0-9][0-9]$"}},
        ]
    ],
    "DECADE": [[_THE, _EDGE, {"TEXT": {"REGEX": r"^(1[89]|20)[0-9]0s$"}}]],
    "SEASON": [
        [{"LOWER": "this"}, {"LOWER": {"IN": list(SEASONS)}}],
        [_THE, {"LOWER": {"IN": list(SEASONS)}}, {"LOWER": "of", "OP": "?"}, _YEAR],
    ],
    "WEEKDAY": [[_WEEKDAY, _PART], [_REL, _WEEKDAY, _PART]],
    "REL_UNIT": [
        [
            {"LOWER": {"IN": ["earlier", "later", "early", "late"]}, "OP": "?"},
            _REL,
            {"LOWER": {"IN": [*UNITS, "weekend"]}},
        ]
    ],
    "WEEKEND": [[{"LOWER": "the"}, {"LOWER": "weekend"}]],
    "DEICTIC": [
        [{"LOWER": {"IN": ["today", "yesterday", "tomorrow", "tonight"]}}],
        [{"LOWER": {"IN": ["yesterday", "tomorrow"]}}, _PART],
        [{"LOWER": "this"}, {"LOWER": {"IN": ["morning", "afternoon", "evening"]}}],
        [{"LOWER": "last"}, {"LOWER": "night"}],
    ],
    "AGO": [
        [
            {"LOWER": {"IN": [*NUMBER_WORDS, "few", "several"]}},
            {"LOWER": {"IN": [*UNITS, *PLURAL_UNITS]}},
            {"LOWER": "ago"},
        ],
        [{"LIKE_NUM": True}, {"LOWER": {"IN": PLURAL_UNITS}}, {"LOWER": "ago"}],
        [{"LOWER": "a"}, {"LOWER": "few"}, {"LOWER": {"IN": PLURAL_UNITS}}, {"LOWER": "ago"}],
    ],
    FUTURE_REF: [
        [{"LOWER": "the"}, {"LOWER": "next"}, *_FEW, {"LOWER": {"IN": PLURAL_UNITS}}],
        [_THE, {"LOWER": {"IN": ["coming", "upcoming"]}}, {"LOWER": {"IN": PLURAL_UNITS}}],
        [{"LOWER": "the"}, {"LOWER": {"IN": PLURAL_UNITS}}, {"LOWER": "ahead"}],
        [{"LOWER": "the"}, {"LOWER": "near"}, {"LOWER": "future"}],
    ],
    PAST_REF: [[{"LOWER": "recent"}, {"LOWER": {"IN": PLURAL_UNITS}}]],
}


@lru_cache(maxsize=8)
def _matcher(vocab: Vocab) -> Matcher:
    """The compiled matcher for one vocabulary (built once, then cached)."""
    matcher = Matcher(vocab)
    for label, patterns in PATTERNS.items():
        matcher.add(label, patterns)
    return matcher


def extract_times(doc: Doc, published: dt.date | None) -> list[TimeExpr]:
    """Temporal expressions of ``doc`` with TIMEX3-style values, sorted by offset."""
    resolved: dict[tuple[int, int], str] = {}
    spans = []
    for match_id, start, end in _matches(doc):
        span = Span(doc, start, end, label=match_id)
        value = _normalise(span, published) if _admissible(span) else None
        if value:
            resolved[start, end] = value
            spans.append(span)
    return [
        TimeExpr(text=s.text, start=s.start_char, end=s.end_char, value=resolved[s.start, s.end])
        for s in sorted(filter_spans(spans), key=lambda s: s.start)
    ]


def _matches(doc: Doc) -> list[tuple[int, int, int]]:
    """Matcher hits (label id, start, end), matching only near trigger tokens for speed."""
    matcher = _matcher(doc.vocab)
    hits: list[tuple[int, int, int]] = []
    for start, end in _windows(doc):
        hits.extend((m, start + s, start + e) for m, s, e in matcher(doc[start:end]))
    return hits


def _windows(doc: Doc) -> list[tuple[int, int]]:
    """Merged token ranges of WINDOW tokens either side of each trigger token."""
    ranges: list[tuple[int, int]] = []
    for token in doc:
        if token.lower_ in TRIGGERS or token.shape_ in TRIGGER_SHAPES:
            start, end = max(0, token.i - WINDOW), min(len(doc), token.i + WINDOW)
            if ranges and start <= ranges[-1][1]:
                start = ranges.pop()[0]
            ranges.append((start, end))
    return ranges


def _admissible(span: Span) -> bool:
    """Whether a match is a temporal expression worth resolving."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return not (_set_or_period(span, before) or _in_name(span, before)) and _gated(span, before)


def _set_or_period(span: Span, before: Token | None) -> bool:
    """Sets ("every Tuesday"), fiscal periods, durations with "the" ("the last year")."""
    word = before.lower_ if before is not None else ""
    if word == "the":
        return span.label_ not in ("CAL", "SEASON")
    return word in SET_MARKERS or word == "fiscal"


def _in_name(span: Span, before: Token | None) -> bool:
    """Part of a name: "Super Tuesday", "Good Friday", a show called "This Week", "USA TODAY"."""
    if any(t.ent_type_ in NAME_LABELS for t in span):
        return True
    if before is not None and span[0].ent_iob_ == "I" and _capitalised(before):
        return True
    return any(_capitalised(t) for t in span if t.lower_ not in MONTHS and t.lower_ not in WEEKDAYS)


def _capitalised(token: Token) -> bool:
    """A capitalised or upper-case word that does not start its sentence."""
    return token.is_alpha and not token.is_sent_start and (token.is_title or token.is_upper)


def _gated(span: Span, before: Token | None) -> bool:
    """A bare month needs a DATE entity; a bare year a DATE entity or a preposition before it."""
    if span.label_ != "CAL":
        return True
    if not any(t.text[:1].isdigit() or t.text[-1:].isdigit() for t in span):
        return all(t.ent_type_ == "DATE" for t in span if t.lower_ in MONTHS)
    if len(span) == 1:
        return span[0].ent_type_ == "DATE" or (before is not None and before.pos_ == "ADP")
    return True


def _normalise(span: Span, published: dt.date | None) -> str | None:
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
    day = next((int(m[1]) for t in span if (m := re.match(_DAY_RE, t.lower_))), None)
    if month is None:
        return f"{year:04d}" if year else None
    if year is None:
        return _yearless(span, published, month, day)
    if day is None:
        return f"{year:04d}-{month:02d}"
    return _iso(year, month, day)


def _yearless(span: Span, published: dt.date | None, month: int, day: int | None) -> str | None:
    """A month (tense decides the year) or a month and day (the nearest occurrence)."""
    if published is None:
        return None
    if day is None:
        year = _year_value(_month_year(span, published, month))
        return f"{year}-{month:02d}" if year else None
    candidates = [_date(published.year + k, month, day) for k in (-1, 0, 1)]
    valid = [d for d in candidates if d]
    if not valid:
        return None
    return min(valid, key=lambda d: abs((d - published).days)).isoformat()


def _month_year(span: Span, published: dt.date, month: int) -> int:
    """The year of a bare month: strictly before or after publication for "last"/"next",
    otherwise the nearest one in the direction of the clause's tense."""
    first = span[0].lower_
    if first == "last" or (first != "next" and not _is_future(span)):
        after = month > published.month or (first == "last" and month == published.month)
        return published.year - after
    before = month < published.month or (first == "next" and month == published.month)
    return published.year + before


def _iso_date(span: Span, published: dt.date | None) -> str | None:
    """A numeric ISO date such as 2025-08-19."""
    year, month, day = (int(t.text) for t in span if t.text != "-")
    return _iso(year, month, day)


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
    elif offset and not _is_future(span):
        offset -= 7
    day = _days_from(published, offset)
    return day.isoformat() + _part_of_day(span) if day else None


def _relative_unit(span: Span, published: dt.date) -> str | None:
    """this/last/next week, month, year or weekend (with earlier/later kept in the text)."""
    shift = _shift(span[-2].lower_)
    unit = span[-1].lower_
    if unit == "year":
        return _year_value(published.year + shift)
    if unit == "month":
        return _month_value(published, shift)
    day = _days_from(published, 7 * shift)
    if day is None:
        return None
    return _week_value(day) + "-WE" if unit == "weekend" else _week_value(day)


def _the_weekend(span: Span, published: dt.date) -> str | None:
    """ "the weekend": the coming one in a future clause, otherwise the last one."""
    if _is_future(span) or published.weekday() >= 5:
        return _week_value(published) + "-WE"
    day = _days_from(published, -7)
    return _week_value(day) + "-WE" if day else None


def _deictic(span: Span, published: dt.date) -> str | None:
    """today, yesterday, tomorrow, tonight, this morning, last night..."""
    first = span[0].lower_
    day = _days_from(published, {"yesterday": -1, "tomorrow": 1, "last": -1}.get(first, 0))
    part = "TNI" if first == "tonight" else _part_of_day(span)
    return day.isoformat() + part if day else None


def _ago(span: Span, published: dt.date) -> str | None:
    """ "two days ago" and the like, at the granularity of the unit; "a few weeks ago" is vague."""
    word = span[0].lower_
    if word in ("few", "several") or span[1].lower_ == "few":
        return PAST_REF
    count = NUMBER_WORDS.get(word) or (int(word) if word.isascii() and word.isdigit() else None)
    if count is None:
        return None
    unit = span[-2].lower_.rstrip("s")
    if unit == "month":
        return _month_value(published, -count)
    if unit == "year":
        return _year_value(published.year - count)
    day = _days_from(published, -count * (7 if unit == "week" else 1))
    if day is None:
        return None
    return _week_value(day) if unit == "week" else day.isoformat()


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


# -- tense ------------------------------------------------------------------------------


def _is_future(span: Span) -> bool:
    """Whether the clause governing ``span`` is about the future (will, is scheduled to, ...).

    Climbs from the governing verb through xcomp/acomp ("is due to meet", "plans to go").
    """
    verb = _governing_verb(span.root)
    while verb is not None:
        if _future_marked(verb):
            return True
        if verb.dep_ not in ("xcomp", "acomp") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token``."""
    while token.pos_ not in ("VERB", "AUX"):
        if token.head.i == token.i:
            return None
        token = token.head
    return token


def _future_marked(verb: Token) -> bool:
    """Future or modal auxiliary, present simple or progressive, present "is scheduled/expected"."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_AUX:
        return True
    if auxes & MODALS:
        return "have" not in auxes
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    return bool(auxes & PRESENT_BE) and (verb.tag_ == "VBG" or verb.lemma_ in FUTURE_LEMMAS)


# -- small helpers ----------------------------------------------------------------------------


def _shift(word: str) -> int:
    """-1 for "last", +1 for "next", 0 otherwise."""
    return {"last": -1, "next": 1}.get(word, 0)


def _part_of_day(span: Span) -> str:
    """The TIMEX3 part-of-day suffix ("TMO", "TNI"...) of a span, or ""."""
    return next((f"T{PARTS_OF_DAY[t.lower_]}" for t in span if t.lower_ in PARTS_OF_DAY), "")


def _week_value(day: dt.date) -> str:
    """The ISO week of ``day``, e.g. 2025-W34."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _month_value(published: dt.date, shift: int) -> str | None:
    """The month ``shift`` months away from publication, e.g. 2025-07 (None outside the calendar)."""
    index = published.year * 12 + published.month - 1 + shift
    year = _year_value(index // 12)
    return f"{year}-{index % 12 + 1:02d}" if year else None


def _year_value(year: int) -> str | None:
    """A four-digit year, or None for a year the calendar does not have (before 1 or after 9999)."""
    return f"{year:04d}" if dt.MINYEAR <= year <= dt.MAXYEAR else None


def _days_from(published: dt.date, days: int) -> dt.date | None:
    """The date ``days`` days after publication, or None outside the calendar."""
    try:
        return published + dt.timedelta(days=days)
    except OverflowError:  # past year 1 or 9999, or more days than a timedelta holds
        return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the day does not exist."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD, or None for an impossible date."""
    date = _date(year, month, day)
    return date.isoformat() if date else None
