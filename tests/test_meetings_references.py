"""Nominal references to a meeting (``extract/events/meeting_references.py``) on sentences written for these
tests: a definite meeting noun with its own time, place or ordinal, or a meeting whose subject is a definite
group ("the two ministers"), is a CONSULT event whose sides come from the article's context; and, end to end,
such a reference links an article to the meeting an earlier article reported."""

from __future__ import annotations

from dataclasses import replace

import pytest

import newsgraph
from newsgraph.extract.events.meeting_references import dated_status
from newsgraph.meetings.link import Mention, link
from newsgraph.model import Analysis, Article, Event, When


def consults(analysis: Analysis) -> list[tuple[str, str, list[str], str | None, str | None]]:
    """(trigger, status, country codes of the sides, place, TIMEX value) of each CONSULT event."""
    country = {a.id: a.country for a in analysis.actors}
    return [
        (e.trigger, e.status, sorted(str(country[i]) for i in e.source + e.target), _place(e), _when(e))
        for e in analysis.events
        if e.type == "CONSULT"
    ]


def _place(event: Event) -> str | None:
    return event.where.text if event.where else None


def _when(event: Event) -> str | None:
    return event.when.value if event.when and not event.when.assumed else None


def test_a_dated_reference_takes_the_sides_of_the_meeting_before_it(run):
    analysis = run(
        "Chile and Argentina will hold talks on fishing quotas in Santiago on March 3, officials said on Tuesday.\n"
        "The talks follow last month's meeting in Mendoza, which ended without a deal.",
        published="2026-02-10",
    )
    reference = [c for c in consults(analysis) if c[0] == "meeting"]
    assert reference == [("meeting", "occurred", ["ARG", "CHL"], "Mendoza", "2026-01")]


def test_a_place_before_the_noun_is_the_meeting_place(run):
    analysis = run(
        "Chile ruled out new talks with Argentina on Friday, saying the Lima meeting had settled nothing.",
        published="2026-02-14",
    )
    assert ("meeting", "occurred", ["ARG", "CHL"], "Lima", None) in consults(analysis)


def test_an_indefinite_or_bare_meeting_noun_is_no_reference(run):
    analysis = run(
        "Chile and Argentina met in Santiago on Monday. A meeting in Lima is possible, and the talks were long.",
        published="2026-02-10",
    )
    assert [c[0] for c in consults(analysis)] == ["met"]


def test_a_reference_without_sides_in_its_context_gives_no_event(run):
    analysis = run("The Geneva talks ended on Friday without a deal, a spokeswoman said.", published="2026-02-14")
    assert consults(analysis) == []


def test_a_group_subject_takes_the_sides_of_the_meeting_before_it(run):
    analysis = run(
        "The foreign ministers of Norway and Sweden met in Oslo on Monday. "
        "The two ministers agreed to meet again in Stockholm next month.",
        published="2026-04-07",
    )
    assert ("meet", "planned", ["NOR", "SWE"], "Stockholm", "2026-05") in consults(analysis)


def test_a_group_that_names_its_country_is_no_reference(run):
    analysis = run(
        "The foreign ministers of Norway and Sweden met in Oslo on Monday. "
        "The Swedish delegation will meet Finnish officials next week.",
        published="2026-04-07",
    )
    assert [c for c in consults(analysis) if c[2] == ["NOR", "SWE"] and c[1] == "planned"] == []


def test_a_headline_reference_takes_the_sides_of_the_meeting_after_it(run):
    analysis = run(
        "Oslo talks end with fishing deal\n\n"
        "The foreign ministers of Norway and Iceland met in Oslo on Thursday and agreed on quotas for herring.",
        published="2026-04-10",
    )
    assert ("talks", "ongoing", ["ISL", "NOR"], "Oslo", None) in consults(analysis)


def test_a_round_with_its_own_sides_gives_one_event(run):
    analysis = run(
        "A second round of talks between Chile and Argentina will be held in Santiago in May, officials said.",
        published="2026-04-07",
    )
    assert len(consults(analysis)) == 1


def test_a_reference_links_an_article_to_the_meeting_an_earlier_one_reported(tmp_path):
    held = Article(
        "held",
        "Chile and Argentina hold fishing talks\n\n"
        "Chilean and Argentine negotiators met in Mendoza on Monday for talks on fishing quotas.",
        published="2026-01-13",
        title="Chile and Argentina hold fishing talks",
    )
    later = Article(
        "later",
        "Fishing fleets return to port\n\n"
        "Chile and Argentina will hold new talks in Santiago in March, officials said on Tuesday. "
        "Chile's fishing minister said last month's talks in Mendoza had been useful.",
        published="2026-02-10",
        title="Fishing fleets return to port",
    )
    with newsgraph.open(tmp_path / "r.db") as db:
        assert db.ingest([held, later]).new == 2
        meetings = {m.place: [(x.article, x.status) for x in m.mentions] for m in db.meetings()}
    assert meetings["Mendoza"] == [("held", "occurred"), ("later", "occurred")]
    assert meetings["Santiago"] == [("later", "planned")]


def mention(event: str, status: str, place: str | None = None) -> Mention:
    return Mention("a2", event, "2026-03-25", status, None, place, None, frozenset({"EGY", "ETH"}))


def test_a_held_meeting_named_in_the_article_of_a_refusal_joins_the_meeting_of_its_place():
    set_up = replace(mention("E1", "occurred", "Cairo"), article_id="a1", when="2026-03-16", published="2026-03-17")
    refused, recalled = mention("E2", "negated"), mention("E3", "occurred", "Cairo")
    threads = link([], [set_up])
    link(threads, [refused, recalled])
    assert [[m.event_id for m, _ in t.mentions] for t in threads] == [["E1", "E3"], ["E2"]]


def test_a_reference_in_the_sentence_of_its_meeting_that_tells_nothing_new_gives_no_second_event(run):
    analysis = run("The foreign ministers of Chile and Argentina met on Monday for the second round of talks.")
    assert [c[0] for c in consults(analysis)] == ["met"]


@pytest.mark.parametrize(
    ("status", "value", "settled"),
    [
        ("occurred", "2026-07-08", "planned"),
        ("ongoing", "2026-01", "occurred"),
        ("ongoing", "2026-02", "ongoing"),
        ("occurred", "2026-W06", "occurred"),
        ("planned", "2026-01-20", "planned"),
    ],
)
def test_a_references_own_date_settles_its_tense(status, value, settled):
    assert dated_status(status, When(text="x", value=value), "2026-02-10") == settled


def test_a_scare_quoted_meeting_noun_is_no_reference(run):
    analysis = run("Chile criticized Argentina over the “fishing summit” in Santiago.", published="2026-02-10")
    assert consults(analysis) == []


def test_a_planned_meeting_called_off_is_cancelled_in_every_later_article(tmp_path):
    def article(name: str, published: str, text: str) -> Article:
        title = text.split(".")[0]
        return Article(name, f"{title}\n\n{text}", published=published, title=title)

    articles = [
        article("set", "2026-06-01", "Chile and Peru agreed on Monday to hold a summit in Lima on June 25."),
        article("off", "2026-06-15", "Chile called off the planned summit with Peru on Sunday after a border clash."),
        article("regret", "2026-06-20", "Peru regretted the cancellation of the Lima summit with Chile on Friday."),
    ]
    with newsgraph.open(tmp_path / "c.db") as db:
        assert db.ingest(articles).new == 3
        (summit,) = [m for m in db.meetings() if m.kind == "summit"]
    assert [(x.article, x.status) for x in summit.mentions] == [
        ("set", "planned"),
        ("off", "cancelled"),
        ("regret", "cancelled"),
    ]
