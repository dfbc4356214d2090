"""The wording cues of ``newsgraph.meetings.cues`` on sentences written for each rule (no database, no spaCy)."""

from __future__ import annotations

import pytest

from newsgraph.meetings.codes import code_of_name, is_leader, participant_code
from newsgraph.meetings.cues import (
    called_off,
    called_off_after,
    ends,
    mediators_in,
    outcome_spans,
    round_of,
    sentence_of,
)


def test_a_sentence_does_not_end_after_an_initial_or_a_title():
    text = "Talks ended. The U.S. envoy Mr. Hale met them in Oslo on Monday. Then they left.\nNext line."
    start = text.index("Hale")
    low, high = sentence_of(text, start, start + 4)
    assert text[low:high] == "The U.S. envoy Mr. Hale met them in Oslo on Monday."


@pytest.mark.parametrize(
    ("sentence", "at", "number"),
    [
        ("They held a second round of talks in Doha.", 0, 2),
        ("Round two of the talks opens on Monday.", 0, 2),
        ("After the 3rd session ended, a fourth round was set.", 0, 3),
        ("After the 3rd session ended, a fourth round was set.", 45, 4),
        ("The first two rounds failed.", 0, None),
        ("Talks resumed in Doha.", 0, None),
    ],
)
def test_the_round_nearest_to_the_evidence(sentence, at, number):
    assert round_of(sentence, at) == number


def test_a_round_named_in_another_clause_after_the_evidence_is_another_meetings():
    sentence = "Mali blamed Niger for the Niamey talks and said it would skip a third round."
    at = sentence.index("the Niamey")
    assert round_of(sentence, at, at + len("the Niamey talks")) is None
    assert round_of(sentence, at) == 3
    held = "The delegations met in Niamey for a second round of talks."
    assert round_of(held, 0, len("The delegations met")) == 2


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("Delegates met for US-brokered talks in Riyadh.", {"USA"}),
        ("The talks were mediated by the United Nations.", {"UN"}),
        ("The meeting was hosted by Swiss Foreign Minister Ana Roth in Bern.", {"CHE"}),
        ("They met under Qatari mediation.", {"QAT"}),
        ("Talks under the auspices of the African Union resumed.", {"AU"}),
        ("Ministers met in a Norway-hosted round.", {"NOR"}),
        ("They resumed the EU-facilitated dialogue.", {"EU"}),
        ("The talks were brokered by a group of retired diplomats.", set()),
        ("Both sides met in Geneva.", set()),
    ],
)
def test_mediators_named_in_the_sentence(sentence, codes):
    assert mediators_in(sentence) == codes


def test_an_end_word_beside_the_evidence_makes_the_date_an_end():
    sentence = "The talks that ended on Thursday were useful."
    assert ends(sentence, 0, 9) and not ends("The talks opened on Thursday.", 0, 9)


def test_outcomes_come_from_the_meeting_sentence_and_the_next_not_from_plans_or_participles():
    text = (
        "Kenya and Tanzania met in Arusha on Monday.\nThe two sides agreed to reopen the crossing, but traders "
        "remain wary. They agreed to meet again in May.\nThe deal agreed in Arusha was welcomed."
    )
    spans = outcome_spans(text, 0, 10)
    assert [text[a:b] for a, b in spans] == ["agreed to reopen the crossing"]


def test_international_organisations_take_part_under_their_short_name():
    assert code_of_name("NATO") == "NATO" and code_of_name("the United Nations") == "UN"
    assert code_of_name("Qatar") == "QAT" and code_of_name("Fluffy") is None
    assert participant_code("kb:nato", "North Atlantic Treaty Organization", "nato", "IGO") == "NATO"
    assert participant_code("group:nato defence ministers", "NATO defence ministers", None, "IGO") == "NATO"
    assert participant_code("kb:unsc", "United Nations Security Council", "unsc", "UNO") == "UN"
    assert participant_code("person:ana roth", "Ana Roth", None, None) == "person:ana roth"
    assert participant_code("kb:x", "Russia", None, "RUS") == "RUS"


def test_a_leader_heads_a_state_or_government_on_the_day():
    assert is_leader("vladimir-putin", "2025-05-01") and not is_leader("sergey-lavrov", "2025-05-01")
    assert not is_leader(None, "2025-05-01") and not is_leader("no-such-person", None)


@pytest.mark.parametrize(
    ("before", "off"),
    [
        ("Chile called off the planned", True),
        ("Peru regretted the cancellation of the Lima", True),
        ("Oman scrapped the", True),
        ("Chile cancelled the upcoming", True),
        ("Chile called for the planned", False),
        ("Chile proposed the", False),
        ("the talks were called off, and the next", False),
    ],
)
def test_words_that_call_off_the_meeting_named_after_them(before, off):
    assert called_off(before) is off


def test_a_meeting_called_off_in_the_passive_after_it():
    assert called_off_after(
        " in Narva at which the two leaders were to sign the deal has been scrapped, officials said"
    )
    assert called_off_after(" in Riga were called off on Monday")
    assert not called_off_after(" in Narva at which the two leaders were to sign the deal took place on Monday")
