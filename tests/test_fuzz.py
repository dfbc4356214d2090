"""Property-based test: ``analyze`` survives any article and keeps its contract.

Articles are built from random Unicode, quotation marks of every kind, dates and numbers, and word
salad from news vocabulary (names, titles, speech verbs, commas, colons, dashes, line breaks). For
each one, with and without a publication date, ``analyze`` must not raise, the record must validate
against the JSON schema, and every offset must point at the item's text.

The normal suite runs a small seeded sample; ``NEWSGRAPH_FUZZ=ci`` runs the long profile.
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_valid_record
from newsgraph.analyze import Pipeline
from newsgraph.model import Article

PROFILES = {
    "default": settings(
        max_examples=80,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    ),
    "ci": settings(
        max_examples=5000,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    ),
}
PROFILE = PROFILES[os.environ.get("NEWSGRAPH_FUZZ", "default")]

QUOTE_MARKS = list("“”„‟«»‹›'\"‘’「」")
NAMES = [
    "Maria Lopez",
    "Lopez",
    "Andrii",
    "Chen Wei",
    "Ahmed",
    "Obi",
    "Smith",
    "O'Neill",
    "Trump",
    "Zelensky",
    "Ottawa",
    "China",
    "Russia",
    "NATO",
    "the ministry",
    "Reuters",
]
TITLES = [
    "President",
    "Minister",
    "Gov.",
    "Sen.",
    "Dr.",
    "spokesperson",
    "lawmaker",
    "the mayor",
    "Foreign Minister",
    "Cpl.",
    "chief executive",
]
SPEECH = [
    "said",
    "says",
    "told",
    "added",
    "warned",
    "asked",
    "according to",
    "wrote",
    "stated",
    "claimed",
    "denied",
    "called",
    "urged",
    "did not say",
    "was told",
]
FUNCTION = [
    "the",
    "a",
    "that",
    "and",
    "or",
    "but",
    "it",
    "he",
    "she",
    "they",
    "its",
    "his",
    "her",
    "this",
    "on",
    "in",
    "of",
    "to",
    "not",
    "will",
    "would",
    "has",
    "had",
    "who",
    "what",
]
CONTENT = [
    "talks",
    "ended",
    "military",
    "bombs",
    "winter",
    "posts",
    "dropped",
    "took",
    "followed",
    "ceasefire",
    "sanctions",
    "border",
    "met",
    "agreed",
    "rejected",
    "attack",
    "summit",
]
TIME_WORDS = [
    "Monday",
    "Friday",
    "last",
    "next",
    "this",
    "week",
    "month",
    "year",
    "weekend",
    "ago",
    "morning",
    "night",
    "tonight",
    "yesterday",
    "tomorrow",
    "today",
    "summer",
    "fall",
    "1990s",
    "the",
    "mid-2020",
    "May",
    "Sept.",
    "August",
    "early",
    "late",
    "few",
    "recent",
    "coming",
    "days",
    "years",
    "months",
]
PUNCTUATION = [
    ",",
    ".",
    ":",
    ";",
    "—",
    "–",
    "-",
    "?",
    "!",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    "…",
    "READ MORE:",
    "(@handle)",
    "— Maria Lopez (@mlopez) May 2, 2019",
    "#",
    "@",
]

words = st.sampled_from(NAMES + TITLES + SPEECH + FUNCTION + CONTENT + TIME_WORDS)
marks = st.sampled_from(QUOTE_MARKS)
punctuation = st.sampled_from(PUNCTUATION)
numbers = st.one_of(
    st.integers(min_value=-10, max_value=10**12).map(str),
    st.integers(min_value=1, max_value=31).map(lambda d: f"{d}th"),
    st.from_regex(r"\A[0-9]{1,4}(s|-[0-9]{2}(-[0-9]{2})?)?\Z"),
)
date_texts = st.dates().flatmap(
    lambda d: st.sampled_from(
        [d.isoformat(), f"{d:%B} {d.day}, {d.year}", f"{d.day} {d:%B}", f"{d:%B} {d.year}", str(d.year)]
    )
)
unicode = st.text(max_size=12)
chunks = st.one_of(words, words, words, marks, punctuation, numbers, date_texts, unicode)
salad = st.lists(chunks, max_size=25).map(" ".join)
speaker = st.tuples(st.sampled_from(TITLES + [""]), st.sampled_from(NAMES)).map(" ".join)
quoted_sentences = st.one_of(  # the shapes the quote rules look for, filled with salad
    st.tuples(marks, salad, marks, speaker, words).map(lambda p: f"{p[0]}{p[1]},{p[2]} {p[3]} {p[4]}."),
    st.tuples(speaker, words, marks, salad, marks).map(lambda p: f"{p[0]} {p[1]}: {p[2]}{p[3]}{p[4]}"),
    st.tuples(speaker, words, salad).map(lambda p: f"{p[0]} {p[1]} that {p[2]}."),
)
pieces = st.one_of(chunks, chunks, chunks, quoted_sentences)
articles = st.lists(pieces, max_size=80).map(" ".join)
publication = st.one_of(st.none(), st.dates().map(dt.date.isoformat))

_pipeline: Pipeline | None = None


def pipeline() -> Pipeline:
    """One pipeline for the whole module (hypothesis calls the test many times)."""
    global _pipeline
    if _pipeline is None:
        _pipeline = Pipeline()
    return _pipeline


@PROFILE
@given(text=articles, published=publication)
def test_any_article_gives_a_valid_record(text: str, published: str | None) -> None:
    analysis = pipeline().analyze(Article(id="fuzz", text=text, published=published))
    assert_valid_record(analysis.to_dict())


# -- texts that once crashed an extractor, each the smallest found -----------------------------


def test_quotation_marks_inside_the_last_word(run) -> None:
    """Marks after the last token's start: no token at or after the quotation, no quote."""
    for text in ("The talks ended“›\n", "A“›"):
        assert run(text).quotes == []


def test_coordinated_clause_before_the_reported_clause(run) -> None:
    """A clause coordinated to the cue that the parser put before the reported clause joins it
    (it used to make a span whose start is after its end). Since sentence starts are set before the
    parser (no sentence starts right after a word), this text parses as one sentence whose nearest
    subject is a pronoun, and gives no quote; every span stays ordered (the ``run`` fixture checks
    offsets)."""
    text = (
        "posts winter Trump its said out its dropped or China military took European Witkoff "
        "this bombs followed lawmaker Starlink Andrii\n"
    )
    assert all(q.start < q.end for q in run(text).quotes)


def test_reported_clause_parts_out_of_text_order(run) -> None:
    """Tokens gathered for a reported clause in another order than the text's still give a
    forward span (it used to give one whose start is after its end)."""
    text = "President Maria Lopez said that Andrii but ‹. Maria Lopez Minister who ‟ , 29th today “ onU"
    for quote in run(text, published=None).quotes:
        assert quote.start < quote.end


def test_an_empty_quotation_after_a_cue(run) -> None:
    """Marks with nothing between them after a cue gave a partial quote with empty text (found by the fuzz run)."""
    for text in ("Lopez said the plan was ‹›.", "Maria Lopez said President Maria Lopez: ‹›"):
        assert all(quote.text.strip() for quote in run(text, published=None).quotes)
