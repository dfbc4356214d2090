"""Events: PLOVER type, source/target, status, when/where, CAMEO/Goldstein, on texts written for these tests."""

from newsgraph.model import Analysis, Event


def events_of(analysis: Analysis) -> list[tuple[str, str, list[str], list[str]]]:
    names = {a.id: a.name for a in analysis.actors}
    return [(e.type, e.status, [names[i] for i in e.source], [names[i] for i in e.target]) for e in analysis.events]


def only(analysis: Analysis, type_: str) -> Event:
    matching = [e for e in analysis.events if e.type == type_]
    assert len(matching) == 1, analysis.events
    return matching[0]


def test_meeting_with_participants_place_and_time(run):
    analysis = run("Foreign Minister Anna Keller met with her Polish counterpart Tomasz Wrona in Vienna on Monday.")
    assert events_of(analysis) == [("CONSULT", "occurred", ["Anna Keller"], ["Tomasz Wrona"])]
    event = analysis.events[0]
    assert (event.when.text, event.when.value, event.when.assumed) == ("Monday", "2025-08-18", False)
    assert (event.where.text, event.where.country) == ("Vienna", "AUT")
    assert event.trigger == "met"


def test_planned_talks_between_coordinated_countries(run):
    analysis = run("Chile and Peru will hold talks in Geneva next week.")
    assert events_of(analysis) == [("CONSULT", "planned", ["Chile"], ["Peru"])]
    assert analysis.events[0].when.value == "2025-W35"
    assert analysis.events[0].where.text == "Geneva"


def test_scheduled_meeting_is_planned(run):
    analysis = run("Kenya and Ethiopia are scheduled to meet on Friday.")
    assert events_of(analysis) == [("CONSULT", "planned", ["Kenya"], ["Ethiopia"])]
    assert analysis.events[0].when.value == "2025-08-22"


def test_nominal_summit_proposed_by_a_third_party(run):
    analysis = run("Argentina proposed a summit between Chile and Bolivia.")
    assert events_of(analysis) == [("CONSULT", "proposed", ["Chile"], ["Bolivia"])]


def test_openness_to_talks_is_a_proposal_of_the_speaker(run):
    analysis = run("Prime Minister Ines Duarte said she was open to the idea of talks with Bolivia.")
    assert events_of(analysis) == [("CONSULT", "proposed", ["Ines Duarte"], ["Bolivia"])]


def test_visit_in_reported_speech_is_planned_with_destination(run):
    analysis = run(
        "Chile's foreign minister Elena Vidal told Peru's president Marco Ruiz that she would visit Lima in May."
    )
    event = only(analysis, "CONSULT")
    assert (event.status, event.mode, event.where.text, event.where.country) == ("planned", "visit", "Lima", "PER")
    assert event.when.value == "2026-05"


def test_nominal_summit_that_happened_with_place_and_mode(run):
    analysis = run("A summit between Japan and South Korea took place in Seoul on Monday.")
    assert events_of(analysis) == [("CONSULT", "occurred", ["Japan"], ["South Korea"])]
    assert analysis.events[0].where.country == "KOR"
    assert analysis.events[0].mode == "visit"  # held in one participant's country


def test_hosting_a_visitor(run):
    analysis = run("Spain hosted Morocco's foreign minister Karim Alaoui in Madrid on Thursday.")
    assert events_of(analysis) == [("CONSULT", "occurred", ["Spain"], ["Karim Alaoui"])]
    assert (analysis.events[0].mode, analysis.events[0].where.text) == ("visit", "Madrid")


def test_passive_with_coordinated_agents(run):
    analysis = run("Colombia was attacked by Venezuela and Ecuador on Tuesday.")
    assert events_of(analysis) == [("ASSAULT", "occurred", ["Venezuela", "Ecuador"], ["Colombia"])]


def test_hypothetical_aid_under_a_condition(run):
    analysis = run("Norway could send peacekeepers to Mali if the United Nations asks.")
    assert ("AID", "hypothetical", ["Norway"], ["Mali"]) in events_of(analysis)


def test_negation_and_ruled_out_meeting(run):
    assert events_of(run("Venezuela has not attacked Colombia.")) == [
        ("ASSAULT", "negated", ["Venezuela"], ["Colombia"])
    ]
    analysis = run("Canada ruled out a meeting with Venezuela.")
    assert ("CONSULT", "negated", ["Canada"], ["Venezuela"]) in events_of(analysis)
    assert ("REJECT", "occurred", ["Canada"], ["Venezuela"]) in events_of(analysis)


def test_refusal_to_send_troops_is_negated(run):
    assert events_of(run("Ecuador will not send troops to Peru.")) == [("MOBILIZE", "negated", ["Ecuador"], ["Peru"])]


def test_ongoing_accusation_and_present_demand(run):
    assert events_of(run("Turkey continues to accuse Greece of violating its airspace.")) == [
        ("ACCUSE", "ongoing", ["Turkey"], ["Greece"])
    ]
    assert events_of(run("Chile and Peru have long accused Bolivia of smuggling.")) == [
        ("ACCUSE", "ongoing", ["Chile", "Peru"], ["Bolivia"])
    ]
    assert events_of(run("Iran demands sanctions relief from the United States.")) == [
        ("REQUEST", "ongoing", ["Iran"], ["United States"])
    ]


def test_scare_quoted_and_so_called_nouns_are_not_events(run):
    for text in (
        "Hungary criticized Austria over the so-called “peace summit” organised by activists.",
        "Hungary criticized Austria over the “peace summit” in Vienna.",
    ):
        assert [e.type for e in run(text).events] == ["ACCUSE"]


def test_cameo_and_goldstein_are_filled_and_occurred_events_get_a_date(run):
    event = only(run("Poland imposed sanctions on Belarus last week."), "SANCTION")
    assert (event.cameo, event.goldstein, event.mode) == ("163", -8.0, "discontinue")
    assert event.when.value == "2025-W33"
    condemned = only(run("Egypt condemned Israel."), "ACCUSE")
    assert (condemned.cameo, condemned.goldstein) == ("111", -2.0)
    assert (condemned.when.value, condemned.when.assumed) == ("2025-08-19", True)


def test_event_records_validate_against_the_schema(run):
    import json
    from importlib import resources

    import jsonschema

    schema = json.loads(resources.files("newsgraph").joinpath("schema/analysis.schema.json").read_text("utf-8"))
    record = run("Chile and Peru will hold talks in Geneva next week. Egypt condemned Israel.").to_dict()
    jsonschema.validate(record, schema)
    assert [e["id"] for e in record["events"]] == ["E1", "E2"]


def test_classifier_reads_a_verb_the_lexicon_lacks(run):
    analysis = run("Ghana pardoned 12 opposition activists on Monday.")
    assert events_of(analysis) == [("CONCEDE", "occurred", ["Ghana"], ["opposition activists"])]
    event = analysis.events[0]
    assert (event.trigger, event.cameo, event.goldstein, event.when.value) == ("pardoned", "080", 5.0, "2025-08-18")


def test_classifier_reads_the_verb_a_speech_verb_reports(run):
    analysis = run("The minister said that Chile would airlift medicine to Bolivia.")
    assert events_of(analysis) == [("AGREE", "planned", ["Chile"], ["Bolivia"])]
    assert analysis.events[0].trigger == "airlift"


def test_classifier_leaves_lexicon_sentences_and_non_events_alone(run):
    assert [(e.type, e.trigger) for e in run("Chile and Peru will hold talks in Geneva next week.").events] == [
        ("CONSULT", "talks")
    ]
    assert run("The weather in Lima was mild on Monday.").events == []


def test_a_country_named_in_full_and_coordinated_takes_part_in_the_agreement(run):
    analysis = run("The Democratic Republic of Congo and Zambia agreed on Monday to reopen the border.")
    agree = only(analysis, "AGREE")
    names = {a.id: a.name for a in analysis.actors}
    assert {names[i] for i in agree.source + agree.target} == {"Democratic Republic of the Congo", "Zambia"}


def test_an_event_needs_a_source_and_a_meeting_its_participant(run):
    # "it" with no antecedent: someone sending troops to Mali is no event to code
    assert run("It said it was ready to send troops to Mali.").events == []
    analysis = run("Kenya's call for an urgent meeting of the African Union was answered on Friday.")
    assert ("CONSULT", "proposed", ["African Union"], []) in events_of(analysis)


def test_an_agreement_needs_a_partner_unless_a_body_commits(run):
    assert run("Kenyan President William Ruto agreed to hold a referendum next year.").events == []
    analysis = run("The Tanzanian government has agreed to build a new port in Tanga.")
    assert events_of(analysis) == [("AGREE", "occurred", ["Government of Tanzania"], [])]
    assert "AGREE" not in [e.type for e in run("Tanzania had offered to host the talks.").events]
    assert "AGREE" not in [e.type for e in run("Kenyan President William Ruto offered to mediate.").events]
    analysis = run("Kenya and Uganda agreed to reopen the border on Monday.")
    assert ("AGREE", "occurred", ["Kenya"], ["Uganda"]) in events_of(analysis)


def test_fighting_needs_an_adversary(run):
    analysis = run("Kurdish fighters fought against the Turkish army on Monday.")
    assert [(e.type, e.status) for e in analysis.events] == [("ASSAULT", "occurred")]
    assert run("Anna Keller volunteered to fight for Ukraine in 2014.").events == []
    assert run("The Iraqi prime minister Haider al-Abadi vowed to fight corruption.").events == []


def test_an_act_done_to_someone_needs_its_target(run):
    # a target the text names but no actor stands for: the act, its target unknown
    analysis = run("Kenyan President William Ruto accused the panel of bias on Monday.")
    assert events_of(analysis) == [("ACCUSE", "occurred", ["William Ruto"], [])]
    assert run("Kenyan President William Ruto accused them of bias on Monday.").events == []
    analysis = run("Kenyan President William Ruto sent food aid on Monday.")
    assert events_of(analysis) == [("AID", "occurred", ["William Ruto"], [])]
    analysis = run("Kenyan President William Ruto sent food aid to Uganda on Monday.")
    assert events_of(analysis) == [("AID", "occurred", ["William Ruto"], ["Uganda"])]
    analysis = run("Chile is now hosting a total of 2 million refugees, the minister said.")
    assert events_of(analysis) == [("AID", "ongoing", ["Chile"], ["refugees"])]


def test_it_and_its_stand_for_the_country_or_body_named_before(run):
    analysis = run("Kenya said it was ready to send troops to Somalia.")
    assert [(e.type, e.source) for e in analysis.events] == [
        ("MOBILIZE", [a.id for a in analysis.actors if a.name == "Kenya"])
    ]
    analysis = run("Uganda has stepped up its airstrikes against the rebels in Congo.")
    assert events_of(analysis) == [("ASSAULT", "occurred", ["Uganda"], ["rebels"])]
    # an object "it" is a thing, not the country before it
    analysis = run("Kenya criticized the annexation and called it illegal.")
    assert [(e.type, e.target) for e in analysis.events] == [("ACCUSE", [])]


def test_the_subject_of_a_complaint_is_its_target(run):
    analysis = run("Kenya complained that Uganda was about to send troops to Congo.")
    assert ("ACCUSE", "occurred", ["Kenya"], ["Uganda"]) in events_of(analysis)


def test_a_name_coordinated_under_an_appositive_name_takes_part(run):
    analysis = run("Kenyan President William Ruto and Ugandan President Yoweri Museveni will discuss the dispute.")
    assert events_of(analysis) == [("CONSULT", "planned", ["William Ruto"], ["Yoweri Museveni"])]


def test_the_island_is_the_country_named_before(run):
    analysis = run("Kenyan President William Ruto praised Cuba during his historic visit to the Communist-led island.")
    assert ("CONSULT", "occurred", ["William Ruto"], ["Cuba"]) in events_of(analysis)


def test_a_meeting_has_two_sides_unless_it_is_a_bodys_own(run):
    assert run("Kenyan President William Ruto held talks on Monday.").events == []
    analysis = run("The African Union will hold a summit in Addis Ababa next week.")
    assert [(e.type, e.status) for e in analysis.events] == [("CONSULT", "planned")]
