"""Events: generic agents, reports and demands that are no act, datelines; texts written for these tests."""

from newsgraph.model import Analysis


def coded(analysis: Analysis) -> list[tuple[str, str, list[tuple[str, str | None, str | None]], list[str]]]:
    """(type, status, source as (name, country, sector), target names) of each event."""
    actors = {a.id: a for a in analysis.actors}
    return [
        (
            e.type,
            e.status,
            [(actors[i].name, actors[i].country, actors[i].sector) for i in e.source],
            [actors[i].name for i in e.target],
        )
        for e in analysis.events
    ]


def test_generic_agents_are_coded_with_sector_and_country(run):
    analysis = run("Hundreds of Peruvian farmers attacked the office of Mining Minister Carla Ruiz.")
    assert coded(analysis) == [("ASSAULT", "occurred", [("Peruvian farmers", "PER", "AGR")], ["Carla Ruiz"])]
    farmers = next(a for a in analysis.actors if a.name == "Peruvian farmers")
    assert farmers.kind == "group"
    assert [m.text for m in farmers.mentions] == ["Peruvian farmers"]


def test_generic_agent_placed_by_its_city_and_compound_agents(run):
    analysis = run(
        "Police in Nairobi arrested dozens of students on Tuesday. "
        "Chilean security forces detained three journalists in Arica on Monday."
    )
    assert coded(analysis) == [
        ("COERCE", "occurred", [("Police", "KEN", "COP")], ["students"]),
        ("COERCE", "occurred", [("Chilean security forces", "CHL", "COP")], ["journalists"]),
    ]


def test_a_later_bare_mention_is_the_same_generic_agent(run):
    analysis = run("Angolan rebels attacked Luena on Monday. On Tuesday the rebels attacked Kuito.")
    sources = {e.source[0] for e in analysis.events}
    assert len(analysis.events) == 2 and len(sources) == 1


def test_a_lone_generic_agent_needs_something_to_act_on_and_a_named_side_wins(run):
    assert run("The rebels attacked at dawn.").events == []
    analysis = run("The rebels attacked the base.")
    assert [(e[0], e[2], e[3]) for e in coded(analysis)] == [("ASSAULT", [("rebels", None, "REB")], [])]
    analysis = run("Peru deployed troops on Monday.")
    assert coded(analysis) == [("MOBILIZE", "occurred", [("Peru", "PER", None)], [])]


def test_saying_posting_and_declining_to_comment_are_no_events(run):
    analysis = run(
        "Chile said on Tuesday that it would study the offer. "
        "The Chilean foreign ministry released a statement on Tuesday. "
        "President Elena Mora wrote on X that talks were useful. "
        "Minister Carla Ruiz declined to comment."
    )
    assert analysis.events == []


def test_a_demanded_act_is_the_request_only(run):
    analysis = run("Chile urged Peru to withdraw its troops from the border.")
    assert [(e.type, e.status) for e in analysis.events] == [("REQUEST", "occurred")]
    analysis = run("Chile said Peru must withdraw its troops from the border.")
    assert [e.type for e in analysis.events if e.type == "RETREAT"] == []


def test_what_a_purpose_clause_aims_at_is_no_event(run):
    analysis = run("Peru sent ships to the coast to ensure that Chile does not attack the port.")
    assert "ASSAULT" not in [e.type for e in analysis.events]


def test_dateline_is_no_actor_and_places_the_news(run):
    analysis = run("GENEVA, Switzerland — Chile and Peru held talks on Monday.")
    assert coded(analysis) == [("CONSULT", "occurred", [("Chile", "CHL", None)], ["Peru"])]
    assert analysis.events[0].where is not None and analysis.events[0].where.text == "GENEVA"
    past = run("LIMA, Peru (AP) — Chile and Peru signed a border treaty in 1998.")
    assert [e.where for e in past.events if e.type == "AGREE"] == [None]


def test_an_agent_noun_its_words_place_in_a_country_is_that_agent(run):
    analysis = run("Russian troops attacked Ukrainian forces near Kharkiv on Monday.")
    assert coded(analysis) == [("ASSAULT", "occurred", [("Russian troops", "RUS", "MIL")], ["Ukrainian forces"])]
    analysis = run("Venezuela's opposition accused President Nicolas Ortega of fraud.")
    assert coded(analysis)[0][2] == [("Venezuela's opposition", "VEN", "OPP")]


def test_a_subject_detained_through_a_passive_complement_is_the_target(run):
    analysis = run("Two Danish sailors ended up being detained by Iran on Monday.")
    assert coded(analysis) == [("COERCE", "occurred", [("Iran", "IRN", None)], ["Danish sailors"])]


def test_each_other_is_one_event_per_side(run):
    analysis = run("Chile and Peru regularly accuse each other of spying.")
    assert [(e[2][0][0], e[3]) for e in coded(analysis)] == [("Chile", ["Peru"]), ("Peru", ["Chile"])]


def test_a_possessor_with_a_by_agent_undergoes_the_event(run):
    analysis = run("Chilean pilot Maria Lopez landed in Santiago on Monday. Her release by Peru ended a dispute.")
    assert ("RETREAT", "occurred", [("Peru", "PER", None)], ["Maria Lopez"]) in coded(analysis)


def test_weapons_tests_exercises_and_ignored_rulings(run):
    analysis = run(
        "Bolivia tested a ballistic missile on Monday. "
        "Chile held military exercises near the border. "
        "Peru ignored the ruling."
    )
    assert [(e.type, e.mode) for e in analysis.events] == [
        ("MOBILIZE", "weapons"),
        ("MOBILIZE", "troops"),
        ("REJECT", None),
    ]


def test_first_person_speech_acts_occur_and_about_to_is_planned(run):
    analysis = run('"We urge Peru to respect the ruling," Chilean President Elena Mora said.')
    assert [(e.type, e.status) for e in analysis.events] == [("REQUEST", "occurred")]
    analysis = run("Chile is about to send troops into Peru.")
    assert [(e.type, e.status) for e in analysis.events] == [("MOBILIZE", "planned")]


def test_the_same_talks_stated_twice_are_one_event_with_two_mentions(run):
    analysis = run("Chile and Peru held talks in Geneva on Monday. Chile described the talks with Peru as useful.")
    consults = [e for e in analysis.events if e.type == "CONSULT"]
    assert len(consults) == 1
    assert [m.text for m in consults[0].mentions] and "talks" in consults[0].mentions[0].text
    separate = run("Chile and Peru met in Geneva on Monday. Chile and Peru met in Lima on Friday.")
    assert len([e for e in separate.events if e.type == "CONSULT"]) == 2


def test_questions_denials_and_agentless_events_are_no_events(run):
    analysis = run(
        "Asked about the strike, Chilean minister Elena Mora said nothing. "
        "Peru denied the report. "
        "Peru denied that its ships had entered Chilean waters. "
        "A Chilean border post was attacked on Monday."
    )
    assert analysis.events == []
    kept = run("Chile asked Peru to withdraw its troops. Peru denied Chilean ships access to the port.")
    assert [(e.type, e.status) for e in kept.events] == [("REQUEST", "occurred"), ("REJECT", "occurred")]


def test_speaking_is_consulting_but_not_with_the_media_and_hosting_refugees_is_aid(run):
    analysis = run("Chilean minister Elena Mora spoke to Peruvian minister Ana Ruiz by phone on Monday.")
    assert [(e.type, e.status) for e in analysis.events] == [("CONSULT", "occurred")]
    assert run("Chilean minister Elena Mora spoke to a television channel on Monday.").events == []
    analysis = run("Chile is hosting two million refugees. Chile committed $3 billion to Peru.")
    assert [(e.type, e.status) for e in analysis.events] == [("AID", "ongoing"), ("AID", "occurred")]


def test_a_singular_role_noun_is_a_person_not_a_group(run):
    analysis = run("Chile hosted Peru's president Ana Ruiz on Monday.")
    assert coded(analysis) == [("CONSULT", "occurred", [("Chile", "CHL", None)], ["Ana Ruiz"])]


def test_refusing_to_accept_is_an_occurred_rejection_and_offering_no_comment_no_event(run):
    analysis = run("Chile does not accept Peru's proposal. The Chilean government did not immediately offer comment.")
    assert coded(analysis) == [("REJECT", "occurred", [("Chile", "CHL", None)], ["Peru"])]


def test_a_name_given_by_known_as_and_a_coordinated_verb_shares_the_time_and_country_place(run):
    analysis = run("The rebel coalition known as the Southern Front met in Turkey on Saturday and condemned Russia.")
    names = {a.id: a.name for a in analysis.actors}
    assert [(e.type, [names[i] for i in e.source], e.when.value) for e in analysis.events] == [
        ("CONSULT", ["Southern Front"], "2025-08-16"),
        ("ACCUSE", ["Southern Front"], "2025-08-16"),
    ]
    assert (analysis.events[0].where.text, analysis.events[0].where.country) == ("Turkey", "TUR")


def test_an_event_the_news_comes_before_is_planned(run):
    analysis = run("Ahead of talks with Peru, Chile is recalling its envoy.")
    assert [(e.status, e.trigger) for e in analysis.events if e.type == "CONSULT"] == [("planned", "talks")]
    analysis = run("Weeks before a summit with Bolivia, Chile met Peru.")
    consults = [(e.status, e.trigger) for e in analysis.events if e.type == "CONSULT"]
    assert consults == [("planned", "summit"), ("occurred", "met")]
    past = run("Ahead of the meeting with Peru on Monday, Chile recalled its envoy.")
    assert [e.status for e in past.events if e.type == "CONSULT"] == ["occurred"]


def test_a_vague_group_is_read_through_its_members_and_its_modifier(run):
    analysis = run(
        "Around 100 members of a Chilean rebel group attacked a Peruvian army post. "
        "Several militant groups attacked Peru."
    )
    assert [e[2] for e in coded(analysis)] == [
        [("Chilean rebel group", "CHL", "REB")],
        [("militant groups", None, "REB")],
    ]


def test_violence_by_demonstrators_is_a_protest_riot(run):
    analysis = run("Hundreds of Chilean protesters stormed the Peruvian embassy in Santiago on Saturday.")
    assert [(e.type, e.mode, e.cameo) for e in analysis.events] == [("PROTEST", "riot", "145")]


def test_what_is_sent_is_no_target_and_police_deployments_are_mobilizations(run):
    analysis = run("France is sending a company of 250 troops to Estonia. Chile deployed police against protesters.")
    assert [(e.type, e.mode) for e in analysis.events] == [("MOBILIZE", "troops"), ("MOBILIZE", "police")]
    assert coded(analysis)[0][3] == ["Estonia"] and coded(analysis)[1][3] == ["protesters"]


def test_a_prisoner_exchange_is_a_release_each_way_and_a_pardon_is_a_concession(run):
    analysis = run("Russia and Ukraine exchanged 300 prisoners on Friday.")
    assert [(e[0], e[1], e[2][0][0], e[3]) for e in coded(analysis)] == [
        ("RETREAT", "occurred", "Russia", ["Ukraine"]),
        ("RETREAT", "occurred", "Ukraine", ["Russia"]),
    ]
    agreed = run("Russia and Ukraine agreed to a prisoner swap.")
    assert [(e.type, e.status) for e in agreed.events] == [
        ("AGREE", "occurred"),
        ("RETREAT", "planned"),
        ("RETREAT", "planned"),
    ]
    pardon = run("Ukrainian President Petro Doroshenko pardoned two Russian soldiers.")
    assert [(e.type, e.status) for e in pardon.events] == [("CONCEDE", "occurred")]


def test_a_lede_after_a_dateline_with_talks_measured_in_days(run):
    analysis = run(
        "ABU DHABI (Reuters) - Chilean and Peruvian negotiators concluded two days of talks in Abu Dhabi on "
        "Thursday, officials said. Chile and Peru last met in Lima."
    )
    first = analysis.events[0]
    assert coded(analysis)[0] == ("CONSULT", "occurred", [("Chile", "CHL", None)], ["Peru"])
    assert (first.trigger, first.when.text, first.where.text) == ("talks", "Thursday", "Abu Dhabi")


def test_a_coordinated_act_is_not_embedded_and_announced_talks_are_planned(run):
    analysis = run("Chile proposed a ceasefire and imposed sanctions on Peru.")
    assert ("SANCTION", "occurred") in [(e.type, e.status) for e in analysis.events]
    analysis = run("Chile announced talks with Peru.")
    assert [(e.type, e.status) for e in analysis.events] == [("CONSULT", "planned")]


def test_a_persons_government_is_the_government_of_their_country(run):
    analysis = run(
        "Chilean President Elena Mora spoke on Monday. The Chilean government said Peru had lied. "
        "Her government criticized Peru."
    )
    assert coded(analysis) == [("ACCUSE", "occurred", [("Government of Chile", "CHL", "GOV")], ["Peru"])]


def test_a_restated_prospect_is_one_event_but_a_distinct_proposal_is_not(run):
    analysis = run(
        "Hopes for a summit between Chile and Peru faded on Tuesday. Analysts doubted the prospects of a "
        "summit between Chile and Peru. Peru proposed talks with Chile in Lima."
    )
    consults = [(e.status, e.where.text if e.where else None, len(e.mentions)) for e in analysis.events]
    assert consults == [("proposed", None, 1), ("proposed", "Lima", 0)]


def test_emergencies_welcomed_refugees_and_pushing_someone(run):
    analysis = run("The Chilean army declared a state of emergency in Arica on Saturday.")
    assert [(e.type, e.mode, e.target) for e in analysis.events] == [("COERCE", "martial-law", [])]
    analysis = run("Thousands of refugees were welcomed by Chile.")
    assert [(e.type, e.cameo) for e in analysis.events] == [("AID", "073")]
    analysis = run("Peru pushed Bolivia to release the prisoners.")
    assert coded(analysis) == [("REQUEST", "occurred", [("Peru", "PER", None)], ["Bolivia"])]


def test_a_coordinated_meeting_noun_shares_the_possessor(run):
    analysis = run(
        "Chilean minister Elena Mora spoke after her talks with Peru's president Ana Ruiz in Lima and a meeting "
        "with Bolivian President Luis Arce in La Paz."
    )
    assert [(e[2][0][0], e[3]) for e in coded(analysis)] == [
        ("Elena Mora", ["Ana Ruiz"]),
        ("Elena Mora", ["Luis Arce"]),
    ]


def test_a_lone_unplaced_generic_source_needs_something_named_to_act_on(run):
    assert run("Police are investigating.").events == []
    assert [e[0] for e in coded(run("Police are investigating 380 complaints."))] == ["ACCUSE"]
    analysis = run("The court convicted Germany's largest bank on Monday.")
    assert [e[2] for e in coded(analysis)] == [[("court", None, "JUD")]]


def test_a_bare_assent_and_a_yes_no_question_are_no_events(run):
    analysis = run(
        "Asked whether she would free them, Chilean President Elena Mora agreed. Chile and Peru agreed on Monday."
    )
    assert coded(analysis) == [("AGREE", "occurred", [("Chile", "CHL", None)], ["Peru"])]


def test_a_sending_in_the_present_progressive_is_arranged(run):
    analysis = run("France is sending 250 troops to Estonia. Chile is attacking Peru.")
    assert [(e.type, e.status) for e in analysis.events] == [("MOBILIZE", "planned"), ("ASSAULT", "ongoing")]


def test_a_vague_group_its_words_place_is_a_party_and_an_unplaced_one_is_none(run):
    placed = run("A Bolivian nationalist group attacked the Chilean embassy on Monday.")
    assert [e[2] for e in coded(placed)] == [[("Bolivian nationalist group", "BOL", "UNK")]]
    assert run("A group of men attacked the base.").events == []


def test_officials_of_an_organisation_are_that_organisation_in_an_event(run):
    analysis = run(
        "Defence Secretary Anna Holm spoke at a meeting of NATO defence ministers on Monday. "
        "NATO said it would respond."
    )
    assert [(e[2][0][0], e[3]) for e in coded(analysis) if e[0] == "CONSULT"] == [
        ("Anna Holm", ["North Atlantic Treaty Organization"])
    ]


def test_one_speaker_speaking_to_nobody_named_is_no_event_but_a_conversation_is(run):
    assert run("The mayor of Arica spoke on Monday about the floods.").events == []
    (call,) = run("Presidents Elena Mora and Pablo Ruiz spoke by phone on Monday.").events
    assert call.type == "CONSULT" and len(call.source) + len(call.target) == 2
    (talk,) = run("Elena Mora spoke with Pablo Ruiz on Monday.").events
    assert talk.type == "CONSULT"


def test_a_noun_for_a_lexicon_verb_s_act_is_read_as_the_verb(run):
    analysis = run("Norway announced a suspension of aid to Malawi on Friday.")
    names = {a.id: a.name for a in analysis.actors}
    assert [(e.type, [names[i] for i in e.source], [names[i] for i in e.target]) for e in analysis.events] == [
        ("SANCTION", ["Norway"], ["Malawi"])
    ]
    assert run("Norway announced a suspension of the football league on Friday.").events == []


def test_an_unnamed_agent_the_actor_steps_leave_out_is_coded_for_its_event(run):
    analysis = run("A Turkish prosecutor accused the journalist of espionage.")
    assert coded(analysis) == [("ACCUSE", "occurred", [("Turkish prosecutor", "TUR", "JUD")], ["journalist"])]
    analysis = run("The Punjab government banned the opposition party.")
    assert coded(analysis) == [("COERCE", "occurred", [("Punjab government", None, "GOV")], ["opposition party"])]


def test_no_agent_is_made_of_a_spokesman_or_of_words_in_quotation_marks(run):
    assert run("A Kenyan spokesman accused the journalist of espionage.").events == []
    analysis = run('Kenya rejected the charges, saying a "corrupt tribunal" had accused the army of torture.')
    assert not any(a.name.endswith("tribunal") for a in analysis.actors)


def test_whom_an_offer_is_from_does_not_accept_it(run):
    assert run("The applicants accepted the offer from the company.").events == []  # no agent noun


def test_a_group_a_proper_name_says_what_it_is_is_no_vague_group(run):
    analysis = run("The Islamic State group freed ten hostages on Monday.")
    assert [e[2] for e in coded(analysis)] == [[("Islamic State group", None, "UNK")]]
    assert run("A group of men attacked the village of Kalma.").events == []
