"""The linking rules of ``newsgraph.meetings.link`` on hand-made mentions (no database, no spaCy)."""

from __future__ import annotations

import pytest

from newsgraph.meetings.build import is_topic
from newsgraph.meetings.link import Mention, after, dates_agree, kind_of, link


def mention(
    article: str,
    published: str,
    status: str,
    when: str | None = None,
    place: str | None = None,
    participants: tuple[str, ...] = ("FRA", "DEU"),
    **cues,
) -> Mention:
    return Mention(article, "E1", published, status, when, place, None, frozenset(participants), **cues)


@pytest.mark.parametrize(
    ("value", "is_after"),
    [("2026-05-20", True), ("2026-05-04", False), ("2026-05", False), ("2026-06", True), ("2026-W30", False)],
)
def test_after_the_publication_day(value, is_after):
    assert after(value, "2026-05-04") is is_after


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        ("2026-03-20", "2026-03-20", True),
        ("2026-03-20", "2026-03-21", True),
        ("2026-03-20", "2026-03-25", False),
        ("2026-03", "2026-03-20", True),
        ("2026-04", "2026-03-20", False),
        (None, "2026-03-20", True),
    ],
)
def test_dates_agree_as_far_as_both_are_precise(a, b, agree):
    assert dates_agree(a, b) is agree


def test_proposal_plan_and_meeting_are_one_and_a_later_round_elsewhere_is_another():
    threads = []
    link(threads, [mention("a", "2026-03-02", "proposed", when="2026-03-02")])
    link(threads, [mention("b", "2026-03-09", "planned", "2026-03-20", "Geneva")])
    link(threads, [mention("c", "2026-03-21", "occurred", "2026-03-20", "Geneva")])
    link(threads, [mention("d", "2026-04-15", "occurred", "2026-04-14", "Vienna")])
    assert [[s for _, s in t.mentions] for t in threads] == [["proposed", "planned", "occurred"], ["occurred"]]
    assert (threads[0].place, threads[0].date, threads[0].status) == ("Geneva", "2026-03-20", "occurred")


def test_a_plan_made_after_the_meeting_took_place_is_a_new_meeting():
    threads = []
    link(threads, [mention("a", "2026-03-21", "occurred", "2026-03-20", "Geneva")])
    link(threads, [mention("b", "2026-03-30", "proposed")])
    assert len(threads) == 2


def test_participants_must_agree_and_a_lone_side_joins_only_where_place_date_or_round_agree():
    threads: list = []
    link(threads, [mention("a", "2026-03-02", "planned", "2026-03-20", "Geneva")])
    link(threads, [mention("b", "2026-03-03", "planned", None, "Geneva", participants=("DEU",))])
    link(threads, [mention("c", "2026-03-04", "proposed", participants=("DEU",))])
    link(threads, [mention("d", "2026-03-04", "proposed", participants=("RUS", "UKR"))])
    assert [[m.article_id for m, _ in t.mentions] for t in threads] == [["a", "b"], ["c"], ["d"]]


def test_a_participant_without_a_country_does_not_keep_mentions_apart():
    threads: list = []
    link(threads, [mention("a", "2026-06-02", "planned", "2026-07", "Mombasa", ("KEN", "organization:ministry"))])
    link(threads, [mention("b", "2026-06-10", "negated", None, "Mombasa", ("KEN", "TZA"))])
    assert len(threads) == 1 and threads[0].status == "cancelled"


def test_a_refusal_after_the_meeting_took_place_is_about_another_meeting():
    threads: list = []
    link(threads, [mention("a", "2026-03-21", "occurred", "2026-03-20")])
    link(threads, [mention("b", "2026-03-30", "negated")])
    assert [t.status for t in threads] == ["occurred", "rejected"]


def test_a_meeting_dated_after_the_article_has_not_occurred_as_of_it():
    threads: list = []
    sides = ("KEN", "TZA")
    headline = mention("a", "2026-05-04", "occurred", participants=sides)  # "… to hold talks", read as held
    link(threads, [headline, Mention("a", "E2", "2026-05-04", "planned", "2026-05-20", None, None, frozenset({"KEN"}))])
    link(threads, [mention("b", "2026-05-21", "occurred", "2026-05-20", participants=sides)])
    assert [s for _, s in threads[0].mentions] == ["planned", "planned", "occurred"] and len(threads) == 1


def test_a_negated_meeting_is_cancelled_once_planned_else_rejected():
    planned: list = []
    link(planned, [mention("a", "2026-03-02", "planned", "2026-03-20")])
    link(planned, [mention("b", "2026-03-10", "negated")])
    refused: list = []
    link(refused, [mention("c", "2026-03-02", "negated")])
    assert planned[0].status == "cancelled" and refused[0].status == "rejected"


@pytest.mark.parametrize(
    ("status", "when", "date"),
    [
        ("planned", "2026-03-20", "2026-03-20"),
        ("planned", "2026-03-01", None),  # the day the plan was announced
        ("proposed", "2026-03-10", None),  # "proposed talks on Tuesday": the proposal's day
        ("negated", "2026-03-09", None),  # "was cancelled on Monday"
        ("negated", "2026-03-20", "2026-03-20"),  # "will not meet on March 20"
        ("occurred", "2026-03-09", "2026-03-09"),
    ],
)
def test_the_date_of_a_mention_is_the_meetings_not_the_statements(status, when, date):
    assert mention("a", "2026-03-10", status, when=when).date == date


def test_an_undated_mention_months_later_starts_a_new_meeting():
    threads: list = []
    link(threads, [mention("a", "2026-01-02", "proposed")])
    link(threads, [mention("b", "2026-06-02", "proposed")])
    assert len(threads) == 2


def test_a_mention_without_participants_is_not_linked():
    threads: list = []
    assert link(threads, [mention("a", "2026-01-02", "occurred", participants=())]) == [] and threads == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("met for a summit", "summit"),
        ("spoke by phone", "phone call"),
        ("called off the talks", "talks"),
        ("held talks", "talks"),
        ("met", "meeting"),
    ],
)
def test_kind_from_the_words_of_the_evidence(text, kind):
    assert kind_of("", text) == kind


def test_rounds_are_kept_apart_and_a_later_mention_of_a_round_joins_that_round():
    threads: list = []
    link(threads, [mention("a", "2026-02-02", "occurred", "2026-02-01", "Doha", kind="talks", round=2)])
    link(threads, [mention("b", "2026-02-10", "planned", "2026-W08", "Oslo", kind="talks", round=3)])
    link(threads, [mention("c", "2026-02-12", "occurred", kind="talks", round=2)])  # no place, no date
    link(threads, [mention("d", "2026-02-13", "proposed", kind="talks", round=4)])
    assert [[m.article_id for m, _ in t.mentions] for t in threads] == [["a", "c"], ["b"], ["d"]]
    assert [t.round for t in threads] == [2, 3, 4]


def test_mediators_are_participants_but_not_sides():
    threads: list = []
    brokered = ("RUS", "UKR", "USA")
    link(
        threads, [mention("a", "2026-02-02", "planned", "2026-02-20", "Riyadh", brokered, mediators=frozenset({"USA"}))]
    )
    link(threads, [mention("b", "2026-02-21", "occurred", "2026-02-20", None, ("RUS", "UKR"))])
    link(threads, [mention("c", "2026-02-22", "occurred", "2026-02-20", None, ("RUS", "USA"))])
    assert [[m.article_id for m, _ in t.mentions] for t in threads] == [["a", "b"], ["c"]]
    assert threads[0].mediators == {"USA"} and threads[0].participants == set(brokered)


def test_a_phone_call_is_not_the_talks_it_was_about():
    threads: list = []
    link(threads, [mention("a", "2026-02-02", "planned", "2026-02-20", kind="talks")])
    link(threads, [mention("b", "2026-02-03", "occurred", "2026-02-02", kind="phone call")])
    link(threads, [mention("c", "2026-02-04", "planned", "2026-02-20", kind="meeting")])
    assert [[m.article_id for m, _ in t.mentions] for t in threads] == [["a", "c"], ["b"]]


def test_the_day_talks_ended_joins_the_talks_that_began_days_before_and_is_their_end():
    threads: list = []
    link(threads, [mention("a", "2026-11-16", "ongoing", "2026-11-16", "Geneva")])
    link(threads, [mention("b", "2026-11-20", "occurred", "2026-11-19", ends=True)])
    link(threads, [mention("c", "2026-12-20", "occurred", "2026-12-19", ends=True)])
    assert [[m.article_id for m, _ in t.mentions] for t in threads] == [["a", "b"], ["c"]]
    assert (threads[0].date, threads[0].end) == ("2026-11-16", "2026-11-19")


@pytest.mark.parametrize(
    ("week", "day", "agree"), [("2026-W47", "2026-11-18", True), ("2026-W47", "2026-11-24", False)]
)
def test_a_week_agrees_with_its_days(week, day, agree):
    assert dates_agree(week, day) is agree and dates_agree(day, week) is agree


def test_a_refusal_joins_a_planned_meeting_only_where_it_names_it():
    threads: list = []
    link(threads, [mention("a", "2026-01-25", "proposed", "2026-02", "Geneva", kind="talks", round=2)])
    link(threads, [mention("b", "2026-01-26", "planned", "2026-03-02", "Oslo", kind="summit")])
    link(threads, [mention("c", "2026-02-03", "negated", kind="meeting")])  # a meeting of the leaders ruled out
    link(threads, [mention("d", "2026-02-04", "negated", kind="summit")])  # "the summit was called off"
    assert [[m.article_id for m, _ in t.mentions] for t in threads] == [["a"], ["b", "d"], ["c"]]
    assert [t.status for t in threads] == ["proposed", "cancelled", "rejected"]


def test_one_article_telling_of_a_held_meeting_and_a_coming_one_tells_of_two():
    threads: list = []
    link(
        threads,
        [
            mention("a", "2026-06-14", "planned", None, "Warsaw", ("NATO",), kind="summit"),
            mention("a", "2026-06-14", "occurred", None, None, ("GBR", "NATO")),  # "at a meeting of NATO ministers"
            mention("a", "2026-06-14", "planned", None, None, ("NATO", "POL"), kind="summit"),
        ],
    )
    assert [len(t.mentions) for t in threads] == [2, 1]
    assert [t.status for t in threads] == ["planned", "occurred"]


def test_a_mention_that_names_only_its_mediator_joins_the_meeting_its_article_tells_of():
    threads: list = []
    eu = {"participants": ("EU",), "mediators": frozenset({"EU"})}
    link(threads, [mention("a", "2026-06-08", "planned", "2026-06-18", "Brussels", ("SRB", "XKX"))])
    link(threads, [mention("a", "2026-06-08", "planned", None, None, **eu)])  # "for EU-facilitated talks"
    link(threads, [mention("b", "2026-06-09", "planned", "2026-06-18", "Brussels", **eu)])
    assert [[m.article_id for m, _ in t.mentions] for t in threads] == [["a", "a"], ["b"]]
    assert threads[0].mediators == {"EU"} and threads[0].participants == {"EU", "SRB", "XKX"}


def test_a_headline_neither_settles_the_status_nor_makes_a_meeting_held():
    threads: list = []
    headline = Mention("a", "E1", "2026-07-14", "occurred", None, None, None, frozenset({"CHN", "JPN"}), headline=True)
    body = mention("a", "2026-07-14", "planned", participants=("CHN", "JPN"))  # "would take place in Beijing"
    link(threads, [headline, body])
    link(threads, [mention("b", "2026-08-20", "negated", participants=("CHN", "JPN"))])  # "called off the summit"
    assert len(threads) == 1 and threads[0].occurred_by is None and threads[0].status == "cancelled"


def test_the_leaders_summit_is_not_their_delegations_round():
    threads: list = []
    sides = ("RUS", "UKR")
    link(threads, [mention("a", "2026-05-10", "planned", "2026-05", "Istanbul", sides, level="delegations")])
    link(threads, [mention("b", "2026-05-11", "proposed", None, "Istanbul", sides, level="leaders")])
    link(threads, [mention("c", "2026-05-12", "planned", None, "Istanbul", sides)])  # level untold: either
    assert [[m.article_id for m, _ in t.mentions] for t in threads] == [["a"], ["b", "c"]]
    assert [t.level for t in threads] == ["delegations", "leaders"]


def test_an_undated_mention_joins_no_meeting_last_told_of_long_ago():
    threads: list = []
    link(threads, [mention("a", "2026-02-20", "occurred", "2026-02-19", kind="phone call")])
    link(threads, [mention("b", "2026-09-07", "occurred")])
    assert len(threads) == 2


def test_a_proposal_dated_in_a_week_before_its_article_tells_the_day_of_the_offer_not_of_the_meeting():
    offered = mention("a", "2026-08-12", "proposed", when="2026-W32")
    planned = mention("a", "2026-08-12", "planned", when="2026-W35")
    assert (offered.date, planned.date) == (None, "2026-W35")


@pytest.mark.parametrize(
    ("evidence", "topic"),
    [
        ("Trump spoke by phone with Putin on Friday about the talks", True),
        ("Lavrov spoke with Sybiha over the planned summit", True),
        ("talks between Russia", False),
        ("Russia and Ukraine held talks about the talks", True),
        ("Russia and Ukraine held talks", False),
    ],
)
def test_a_meeting_named_after_about_is_what_another_was_about(evidence, topic):
    assert is_topic(evidence, evidence.split()[-1]) is topic


def test_a_topic_joins_the_meeting_of_its_place_that_shares_a_side_and_keeps_its_sides():
    talks = mention("a", "2026-11-24", "planned", "2026-12", "Istanbul", ("RUS", "UKR"))
    about = mention("b", "2026-11-28", "planned", None, "Istanbul", ("USA", "RUS"), topic=True, kind="talks")
    elsewhere = mention("c", "2026-11-28", "planned", None, "Vienna", ("USA", "RUS"), topic=True, kind="talks")
    (thread,) = link([], [talks])
    threads = [thread]
    link(threads, [about, elsewhere])
    assert [[m.article_id for m, _ in t.mentions] for t in threads] == [["a", "b"], ["c"]]
    assert thread.participants == {"RUS", "UKR"}


def test_a_later_article_telling_of_a_cancellation_keeps_the_meeting_cancelled():
    planned = mention("a", "2026-06-01", "planned", "2026-06-25", "Lima")
    off = mention("b", "2026-06-15", "negated", None, "Lima", kind="summit")
    again = mention("c", "2026-06-20", "negated", None, "Lima", kind="summit")
    (thread,) = link([], [planned, off, again])
    assert [s for _, s in thread.mentions] == ["planned", "cancelled", "cancelled"]
