"""Who performs an event the text names only through other words: an act or weapon noun's
modifier, a possessive pronoun on an act carried on, an adopted text, the act asked for, the
place an act happens in (texts written for these tests)."""

import json
from pathlib import Path

import pytest

from newsgraph.analyze import Pipeline, Settings
from newsgraph.model import Analysis, Article


def events_of(analysis: Analysis) -> list[tuple[str, list[str], list[str]]]:
    names = {a.id: a.name for a in analysis.actors}
    return [(e.type, [names[i] for i in e.source], [names[i] for i in e.target]) for e in analysis.events]


def test_a_state_led_act_as_subject_is_performed_by_that_state(run):
    analysis = run("A Moldovan-led raid on the depot destroyed three trucks.")
    assert [(t, s) for t, s, _ in events_of(analysis)] == [("ASSAULT", ["Government of Moldova"])]


def test_a_backer_is_not_the_performer(run):
    analysis = run("An Iranian-backed offensive on the town killed twelve people.")
    assert not any("Iran" in " ".join(s) for _, s, _ in events_of(analysis))


def test_weapons_act_for_the_state_that_owns_them(run):
    analysis = run("Belarusian drones struck a fuel depot in Lithuania on Sunday.")
    assert ("ASSAULT", ["Government of Belarus"], ["Lithuania"]) in events_of(analysis)


def test_people_named_by_a_demonym_are_not_their_state(run):
    analysis = run("Estonian hackers attacked the ministry's website.")
    assert not any("Government of Estonia" in s for _, s, _ in events_of(analysis))


def test_their_on_an_act_carried_on_is_the_subject(run):
    analysis = run("Chilean troops resumed their assault on the rebel camp near Temuco.")
    assert ("ASSAULT", ["Chilean troops"]) in [(t, s) for t, s, _ in events_of(analysis)]


def test_their_on_an_act_someone_condemns_is_not_the_subject(run):
    analysis = run("The United Nations condemned their attacks on civilians.")
    assert not any(t == "ASSAULT" and s == ["United Nations"] for t, s, _ in events_of(analysis))


def test_a_resolution_speaks_for_the_body_that_passed_it(run):
    analysis = run("Kenya's parliament passed a resolution condemning Uganda.")
    assert ("ACCUSE", ["Parliament of Kenya"], ["Uganda"]) in events_of(analysis)


def test_calling_for_an_act_against_someone_targets_them(run):
    analysis = run("Irish lawmakers called for sanctions against Belarusian officials.")
    assert ("REQUEST", ["Irish lawmakers"], ["Government of Belarus"]) in events_of(analysis)


def test_an_act_with_no_target_is_done_to_the_country_it_happens_in(run):
    analysis = run("The World Food Programme halted aid deliveries in Chad.")
    assert [(s, t) for _, s, t in events_of(analysis)] == [(["World Food Programme"], ["Chad"])]


def test_a_place_in_the_source_country_is_no_target(run):
    analysis = run("Police in Ghana arrested two men in Accra.")
    assert [t for _, _, t in events_of(analysis)] == [[]]


def test_an_act_against_a_number_of_things_is_directed(run):
    analysis = run("Danish prosecutors opened investigations against dozens of firms.")
    assert [(t, s) for t, s, _ in events_of(analysis)] == [("ACCUSE", ["Danish prosecutors"])]


def test_a_sentence_whose_noun_event_names_no_one_is_read_at_its_main_verb(run):
    analysis = run("Latvia's foreign ministry summoned the Russian ambassador in protest.")
    assert [(s, t) for _, s, t in events_of(analysis)] == [
        (["Ministry of Foreign Affairs of Latvia"], ["Government of Russia"])
    ]


def _reading_all_as(folder: Path, label: str) -> Pipeline:
    """The product pipeline with an event-type model that reads every word it is asked about as
    ``label``, near certain: what the model is asked about is then all that decides."""
    path = folder / "weights.json"
    weights = {"mode": "fast", "labels": [label, "NONE"], "weights": {}, "idf": {}, "bias": [9.0, 0.0]}
    path.write_text(json.dumps(weights), encoding="utf-8")
    return Pipeline(Settings(events="fast", event_weights=str(path)))


@pytest.fixture(scope="module")
def eager(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return _reading_all_as(tmp_path_factory.mktemp("accusing"), "ACCUSE")


@pytest.fixture(scope="module")
def mobilising(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return _reading_all_as(tmp_path_factory.mktemp("mobilising"), "MOBILIZE")


def _eager_events(pipeline: Pipeline, text: str) -> list[tuple[str, list[str], list[str]]]:
    return events_of(pipeline.analyze(Article(id="t", text=text, published="2025-08-19")))


def test_a_main_verb_read_as_a_fallback_needs_someone_it_is_done_to(eager):
    assert _eager_events(eager, "The uprising began in March with mostly peaceful protests.") == []
    analysis = eager.analyze(Article(id="t", text="Ruritania's army lectured the Arcadian envoys in protest."))
    assert [(e.trigger, e.type) for e in analysis.events if e.target] == [("lectured", "ACCUSE")]


def test_general_verbs_are_not_read_as_events_on_their_own(eager):
    assert _eager_events(eager, "The Estonian cabinet took dramatic steps on Wednesday.") == []
    assert _eager_events(eager, "Norway made the same argument in its formal response last month.") == []


def test_forces_read_by_the_model_alone_mobilise_without_a_target(mobilising):
    text = "Moldovan troops remained on alert after the clashes."
    assert [(e.trigger, e.type) for e in mobilising.analyze(Article(id="t", text=text)).events] == [
        ("remained", "MOBILIZE")
    ]
    text = "The Moldovan cabinet remained on alert after the clashes."
    assert mobilising.analyze(Article(id="t", text=text)).events == []


def test_it_after_a_countrys_leader_speaks_is_that_country(run):
    analysis = run("Turkey's president says it will begin a new military operation against Kurdish fighters.")
    assert [(t, s) for t, s, _ in events_of(analysis)] == [("THREATEN", ["Turkey"])]


def test_they_after_an_organisations_officer_speaks_is_that_organisation(run):
    analysis = run("The Velmora Union's chairman said they will not end the strike until the government pays.")
    assert [s for _, s, _ in events_of(analysis)] == [["Velmora Union"]]


def test_they_after_a_countrys_envoy_speaks_is_not_that_country(run):
    analysis = run("Russia's envoy to the alliance warned they threaten peace in the region.")
    assert not any(s == ["Russia"] for _, s, _ in events_of(analysis))


def test_an_acronym_no_step_listed_acts_as_an_organisation(run):
    analysis = run("The ZNRB returned three stolen paintings to the Velmoran government.")
    [actor] = [a for a in analysis.actors if a.name == "ZNRB"]
    assert actor.kind == "organization"
    assert [(t, s) for t, s, _ in events_of(analysis)] == [("CONCEDE", ["ZNRB"])]


def test_a_run_of_capitals_makes_no_acronym_actor(run):
    analysis = run("KORLAND TROOPS ATTACK BORDER POST")
    assert not any(a.name in ("KORLAND", "TROOPS", "ATTACK") for a in analysis.actors)


def test_an_acronym_the_parser_took_for_an_adverb_is_the_subject(run):
    analysis = run("USAID has suspended aid to Chad.")
    assert [(t, s, g) for t, s, g in events_of(analysis)] == [
        ("SANCTION", ["United States Agency For International Development"], ["Chad"])
    ]


def test_aid_naming_no_recipient_goes_to_the_countries_its_clause_names(run):
    analysis = run(
        "Norway has provided 28 million euros this year to pay for food for those affected in Mali and Chad."
    )
    assert [(t, g) for t, _, g in events_of(analysis)] == [("AID", ["Mali", "Chad"])]


def test_a_call_on_a_weekday_is_no_call_on_someone(run):
    analysis = run("Ghana's president called Togo's President Faure Gnassingbe on Saturday to discuss the border.")
    assert [t for t, _, _ in events_of(analysis)] == ["CONSULT"]
    assert [t for t, _, _ in events_of(run("The Senegalese leader called on Mali to release the soldiers."))] == [
        "REQUEST"
    ]


def test_peacekeepers_sent_are_what_aid_sends_not_its_target(run):
    analysis = run("Ghana will send 200 peacekeepers to Chad next month.")
    assert [(t, s, g) for t, s, g in events_of(analysis)] == [("AID", ["Ghana"], ["Chad"])]
