"""Wording that settles a meeting's status or its sides, on sentences written for these tests: a delay is no
cancellation, an article that tells talks as begun and as going on a later day tells them as ongoing, and the
reporters a participant speaks to take no part in the meeting."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import spacy
from spacy.tokens import Doc

import newsgraph
from newsgraph.extract.events.meeting_references import _nominal
from newsgraph.meetings.build import _refused
from newsgraph.meetings.cues import postponed
from newsgraph.meetings.link import Mention, link
from newsgraph.model import Article


def article(name: str, published: str, text: str) -> Article:
    title = text.split(".")[0]
    return Article(name, f"{title}\n\n{text}", published=published, title=title)


@pytest.mark.parametrize(
    ("sentence", "delayed"),
    [
        ("The summit in Quito has been postponed until June, officials said.", True),
        ("The talks were put off by a week because of the storm.", True),
        ("Both sides pushed back the meeting to the autumn.", True),
        ("The summit was called off after the border clash.", False),
        ("The ministers put forward a new plan for the talks.", False),
    ],
)
def test_a_delay_is_told_by_a_postponing_word_or_phrase(sentence, delayed):
    assert postponed(sentence) is delayed


def mention(event: str, status: str, when: str | None, headline: bool = False) -> Mention:
    return Mention("a", event, "2026-09-09", status, when, None, None, frozenset({"NOR", "SWE"}), headline=headline)


def test_talks_told_as_begun_and_as_going_on_a_later_day_are_ongoing():
    begun = mention("E1", "occurred", "2026-09-08")
    (thread,) = link([], [begun, mention("E2", "ongoing", "2026-09-09")])
    assert thread.status == "ongoing"
    (thread,) = link([], [begun, mention("E2", "ongoing", "2026-09-08")])
    assert thread.status == "occurred"  # going on the day they were held: nothing says they are not over
    (thread,) = link([], [begun, mention("E2", "ongoing", "2026-09-09", headline=True)])
    assert thread.status == "occurred"  # a headline's present tense says little


def test_a_postponed_summit_stays_planned_and_the_talks_continuing_next_day_are_ongoing(tmp_path):
    articles = [
        article("set", "2026-04-06", "Norway and Sweden agreed on Monday to hold a summit in Oslo on April 20."),
        article(
            "delay",
            "2026-04-14",
            "The summit between Norway and Sweden in Oslo has been postponed until May, Swedish officials said.",
        ),
        article(
            "begun",
            "2026-05-12",
            "The leaders of Norway and Sweden met in Oslo on Monday for their delayed summit. The talks would "
            "continue on Tuesday, the Norwegian foreign ministry said.",
        ),
    ]
    with newsgraph.open(tmp_path / "p.db") as db:
        assert db.ingest(articles).new == 3
        meetings = db.meetings()
    oslo = [m for m in meetings if m.place == "Oslo"]
    assert len(oslo) == 1
    assert [(x.article, x.status) for x in oslo[0].mentions] == [
        ("set", "planned"),
        ("delay", "planned"),
        ("begun", "ongoing"),
    ]


def test_the_reporters_a_leader_speaks_to_after_the_talks_are_no_side(tmp_path):
    text = (
        'The prime ministers of Norway and Sweden met in Oslo on Monday. "We made real progress," the Swedish '
        "prime minister told reporters after the talks."
    )
    with newsgraph.open(tmp_path / "r.db") as db:
        assert db.ingest([article("oslo", "2026-05-12", text)]).new == 1
        meetings = db.meetings()
    assert meetings
    assert all(set(m.participants) <= {"NOR", "SWE"} for m in meetings), [m.participants for m in meetings]


def consult_sides(analysis) -> list[tuple[str, str, list[str]]]:
    """(trigger, status, country codes of the sides) of each CONSULT event."""
    country = {a.id: a.country for a in analysis.actors}
    return [
        (e.trigger, e.status, sorted(str(country[i]) for i in e.source + e.target))
        for e in analysis.events
        if e.type == "CONSULT"
    ]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The leaders of Senegal and Gambia held a phone call on Monday.", "call"),
        ("The foreign ministers of Senegal and Gambia spoke by telephone on Monday.", "spoke"),
        ("The presidents of Senegal and Gambia last met in Dakar in 2024, when they signed a border pact.", "met"),
    ],
)
def test_a_group_that_names_two_countries_after_it_meets_or_calls_as_those_countries(run, text, trigger):
    assert (trigger, "occurred", ["GMB", "SEN"]) in consult_sides(run(text, published="2026-05-14"))


def test_a_call_is_a_meeting_only_where_a_phone_word_says_so(run):
    analysis = run("The leaders of Senegal and Gambia answered the call for calm on Monday.", published="2026-05-14")
    assert [c for c in consult_sides(analysis) if c[0] == "call"] == []


def test_their_ministers_meeting_takes_the_sides_of_the_call_before_it(run):
    analysis = run(
        "The presidents of Senegal and Gambia spoke by telephone on Tuesday and agreed that their foreign ministers "
        "would meet in Banjul next month.",
        published="2026-05-14",
    )
    assert ("meet", "planned", ["GMB", "SEN"]) in consult_sides(analysis)


def test_a_leaders_call_is_a_phone_call_apart_from_the_summit_it_sets(tmp_path):
    text = (
        "The leaders of Senegal and Gambia held a phone call on Monday and agreed to meet in Banjul later this month, "
        "Senegal's presidency said."
    )
    with newsgraph.open(tmp_path / "c.db") as db:
        assert db.ingest([article("call", "2026-05-12", text)]).new == 1
        meetings = {m.kind: m for m in db.meetings()}
    assert meetings["phone call"].participants == ["GMB", "SEN"]
    assert [x.status for x in meetings["phone call"].mentions] == ["occurred"]
    assert [m.mentions[0].status for k, m in meetings.items() if k != "phone call"] == ["planned"]


def test_talks_listing_their_sides_after_a_dateline_and_a_further_round_are_meetings(run):
    analysis = run(
        "DAKAR, May 14 (Reuters) - Talks between Senegal and Gambia in Ziguinchor ended on Tuesday without a deal. "
        "A further round of talks will be held in Banjul on June 2, an official said.",
        published="2026-05-14",
    )
    assert ("Talks", "occurred", ["GMB", "SEN"]) in consult_sides(analysis)
    assert ("round", "planned", ["GMB", "SEN"]) in consult_sides(analysis)
    talks = next(e for e in analysis.events if e.trigger == "Talks")
    assert (talks.when.value if talks.when else None) == "2026-05-12"  # Tuesday, not the dateline's day
    assert "Ziguinchor" in talks.evidence.text  # the sides and place it lists


def test_another_meeting_without_time_or_place_is_no_reference(run):
    analysis = run("Senegal and Gambia met in Dakar on Monday. Both said another meeting was possible.")
    assert [c[0] for c in consult_sides(analysis)] == ["met"]


def test_those_who_mediate_are_no_sides_of_the_talks_or_of_the_meeting_after_them(tmp_path):
    text = (
        "Senegal and Gambia agreed to a truce after talks in Dakar on Sunday mediated by Morocco and Nigeria, "
        "officials said. The two sides will meet again in Banjul on Saturday."
    )
    with newsgraph.open(tmp_path / "m.db") as db:
        assert db.ingest([article("truce", "2026-05-18", text)]).new == 1
        meetings = db.meetings()
    banjul = next(m for m in meetings if m.place == "Banjul")
    assert banjul.participants == ["GMB", "SEN"]
    assert all(set(m.participants) - set(m.mediators) <= {"GMB", "SEN"} for m in meetings)


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Belize turns down Guatemalan offer of talks on the river", True),
        ("Belize rejected a Guatemalan proposal for talks", True),
        ("Belize rejected the tariffs, and said on Monday that it would welcome talks", False),
    ],
)
def test_talks_named_just_after_a_refusal_are_refused(text, refused):
    at = text.index("talks")
    consult = SimpleNamespace(evidence_start=at, evidence_end=at + 5, evidence_text="talks", trigger="talks")
    word = next(w for w in ("turns down", "rejected") if w in text)
    assert _refused(consult, text, [text.index(word) + len(word)]) is refused  # type: ignore[arg-type]


def test_a_numbered_round_with_its_own_place_takes_the_sides_of_the_meeting_before_it(run):
    analysis = run(
        "Senegal and Gambia met in Dakar in March. A second round was held in Kaolack on Monday, officials said.",
        published="2026-05-14",
    )
    assert ("round", "occurred", ["GMB", "SEN"]) in consult_sides(analysis)


def test_a_call_with_someone_is_a_phone_call_and_a_call_for_talks_is_a_request(run):
    call = run("Sall discussed tariffs in a call with Barrow on Monday.", published="2026-05-14")
    assert [(e.type, e.mode, e.trigger) for e in call.events] == [("CONSULT", "phone", "call")]
    request = run("Sall renewed his call for talks with Barrow on Monday.", published="2026-05-14")
    assert ("CONSULT", "phone") not in [(e.type, e.mode) for e in request.events]


def test_the_place_a_reference_names_is_not_a_side(run):
    analysis = run(
        "Malian opposition criticises Dakar talks\n\n"
        "Mali's main opposition party said on Thursday that the meeting in Dakar had given away too much to Niger.",
        published="2026-05-14",
    )
    assert [c for c in consult_sides(analysis) if "SEN" in c[2]] == []  # Dakar is where, not who


def test_a_meeting_word_mistagged_as_a_verb_where_a_noun_stands_is_a_meeting_word():
    vocab = spacy.blank("en").vocab
    words = ["Opposition", "criticises", "Dakar", "talks"]
    headline = Doc(
        vocab,
        words=words,
        pos=["NOUN", "VERB", "PROPN", "VERB"],
        deps=["nsubj", "ROOT", "compound", "dobj"],
        heads=[1, 1, 3, 1],
    )
    assert _nominal(headline[3])
    clause = Doc(vocab, words=["Mali", "talks"], pos=["PROPN", "VERB"], deps=["nsubj", "ROOT"], heads=[1, 1])
    assert not _nominal(clause[1])


def test_what_leaders_discussed_is_no_meeting_and_their_audience_gives_no_sides(tmp_path):
    text = (
        "The presidents of Senegal and Gambia met in Dakar on Monday. During the meeting the two leaders discussed "
        "Mali's elections. \"We agreed on a lot,\" Senegal's president told reporters after the talks. The two "
        "leaders will meet again in Banjul in the autumn."
    )
    with newsgraph.open(tmp_path / "d.db") as db:
        assert db.ingest([article("dakar", "2026-05-12", text)]).new == 1
        meetings = db.meetings()
    assert [m.participants for m in meetings if "MLI" in m.participants] == []
    banjul = next(m for m in meetings if m.place == "Banjul")
    assert banjul.participants == ["GMB", "SEN"]
