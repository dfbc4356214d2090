"""Event arguments read through other words: an event noun as a subject or object, a thing whose
owner is the target, delegations by where they come from, signers together (texts written for these tests)."""

from newsgraph.model import Analysis


def events_of(analysis: Analysis) -> list[tuple[str, str, list[str], list[str]]]:
    names = {a.id: a.name for a in analysis.actors}
    return [(e.type, e.status, [names[i] for i in e.source], [names[i] for i in e.target]) for e in analysis.events]


def test_delegations_from_named_countries_meet(run):
    analysis = run("Delegations from Kenya and Uganda will meet in Kampala next week.")
    assert events_of(analysis) == [("CONSULT", "planned", ["Kenya"], ["Uganda"])]


def test_phone_call_with_a_counterpart_is_a_meeting(run):
    analysis = run("Ghana's president spoke by phone with President Faure Gnassingbe of Togo on Sunday.")
    [event] = analysis.events
    assert event.type == "CONSULT" and event.status == "occurred"


def test_attack_by_a_group_as_subject_gives_the_source(run):
    analysis = run("An ambush by Chadian rebels killed four Nigerien soldiers near the border.")
    assert ("ASSAULT", "occurred") in {(e.type, e.status) for e in analysis.events}
    sides = {(tuple(s), tuple(t)) for _, _, s, t in events_of(analysis)}
    assert any("rebels" in " ".join(s).lower() for s, _ in sides)


def test_rejecting_a_request_targets_who_made_it(run):
    analysis = run("Norway rejected a request from Sweden for joint patrols.")
    assert ("REJECT", "occurred", ["Norway"], ["Sweden"]) in events_of(analysis)


def test_rejecting_an_appeal_lodged_by_someone_targets_them(run):
    analysis = run("The Supreme Court of Kenya rejected an appeal lodged by the Law Society of Kenya.")
    [event] = [e for e in events_of(analysis) if e[0] == "REJECT"]
    assert len(event[3]) == 1 and event[3][0].startswith("Law Society")


def test_a_noun_event_is_performed_by_the_subject_of_its_verb(run):
    analysis = run("Interpol opened an investigation into the Vantor Group last week.")
    [event] = analysis.events
    names = {a.id: a.name for a in analysis.actors}
    assert (event.type, event.status) == ("ACCUSE", "occurred")
    assert [names[i] for i in event.target] == ["Vantor Group"]


def test_undergoing_an_event_does_not_perform_it(run):
    analysis = run("Uruguay faced an investigation by Interpol last year.")
    names = {a.id: a.name for a in analysis.actors}
    assert not any(names[i] == "Uruguay" for e in analysis.events for i in e.source)


def test_coordinated_signers_are_both_sides(run):
    analysis = run("Peru and Ecuador signed a border pact on Friday.")
    [event] = analysis.events
    names = {a.id: a.name for a in analysis.actors}
    assert {names[i] for i in event.source + event.target} == {"Peru", "Ecuador"}


def test_a_report_accusing_someone_is_its_publishers_accusation(run):
    analysis = run("Human Rights Watch issued a long report accusing Ethiopia of torture.")
    assert [e for e in events_of(analysis) if e[0] == "ACCUSE"] == [
        ("ACCUSE", "occurred", ["Human Rights Watch"], ["Ethiopia"])
    ]


def test_an_act_done_to_something_unnamed_is_kept_without_a_target(run):
    analysis = run("Chancellor Ilse Brandt condemned the decision on Tuesday.")
    assert [(e.type, e.target) for e in analysis.events] == [("ACCUSE", [])]


def test_an_act_done_to_nothing_the_text_names_is_no_event(run):
    analysis = run("Chancellor Ilse Brandt condemned it on Tuesday.")
    assert analysis.events == []


def test_a_deployment_is_aimed_at_whom_its_purpose_fights(run):
    analysis = run("Kenya is sending troops to Somalia to fight al-Shabaab.")
    [event] = [e for e in analysis.events if e.type == "MOBILIZE"]
    names = {a.id: a.name for a in analysis.actors}
    assert [names[i] for i in event.source] == ["Kenya"]
    assert [names[i].lower() for i in event.target] == ["al-shabaab"]


def test_delegations_of_countries_named_before_meet(run):
    analysis = run("Kenya and Uganda agreed to talks. Kenyan and Ugandan delegations will meet in Kampala on Friday.")
    meetings = [e for e in events_of(analysis) if e[0] == "CONSULT"]
    assert ("CONSULT", "planned", ["Kenya"], ["Uganda"]) in meetings or (
        "CONSULT",
        "planned",
        ["Government of Kenya"],
        ["Government of Uganda"],
    ) in meetings


def test_an_attack_and_its_killings_in_one_sentence_are_one_event(run):
    analysis = run("An assault on the depot by the rebels killed seven Malian soldiers.")
    assaults = [e for e in events_of(analysis) if e[0] == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0][3] != []


def test_sharing_evidence_and_joint_exercises_are_cooperation(run):
    analysis = run("Dutch prosecutors shared evidence with Belgium about the smuggling ring.")
    assert [(e[0], e[3]) for e in events_of(analysis)] == [("COOPERATE", ["Belgium"])]
    analysis = run("Chile and Peru began joint naval exercises on Monday.")
    assert events_of(analysis) == [("COOPERATE", "occurred", ["Chile"], ["Peru"])]
    analysis = run("Peru held naval exercises on Monday.")
    assert [e[0] for e in events_of(analysis)] == ["MOBILIZE"]


def test_an_act_agreed_or_voted_for_is_planned_and_an_announced_policy_is_done(run):
    analysis = run("The Senate voted to impose sanctions on Belarus.")
    assert [(e.type, e.status) for e in analysis.events] == [("SANCTION", "planned")]
    analysis = run("The European Union announced sanctions on Belarus on Monday.")
    assert [(e.type, e.status) for e in analysis.events] == [("SANCTION", "occurred")]


def test_a_deadline_is_an_ultimatum_and_what_it_demands_is_no_act(run):
    analysis = run("Chile gave Peru a Friday deadline to withdraw its ships.")
    assert events_of(analysis) == [("THREATEN", "occurred", ["Chile"], ["Peru"])]


def test_issuing_a_warning_to_someone_threatens_them(run):
    analysis = run("South Africa issued a warning to Lesotho's army on Monday.")
    assert [(e[0], e[2]) for e in events_of(analysis)] == [("THREATEN", ["South Africa"])]
    assert len(analysis.events[0].target) == 1


def test_providing_something_to_someone_is_aid_to_them(run):
    analysis = run("Norway provided medical supplies to Sudan on Tuesday.")
    assert events_of(analysis) == [("AID", "occurred", ["Norway"], ["Sudan"])]


def test_they_is_the_plural_subject_that_reports_the_act(run):
    analysis = run("Police in Lagos said they arrested twelve protesters.")
    assert ("COERCE", "occurred", ["Police"], ["protesters"]) in events_of(analysis)


def test_they_is_the_coordinated_subject_that_announces_talks(run):
    analysis = run("Peru and Chile said they would hold talks next week.")
    [event] = analysis.events
    names = {a.id: a.name for a in analysis.actors}
    assert event.type == "CONSULT" and {names[i] for i in event.source + event.target} == {"Peru", "Chile"}


def test_they_is_not_a_singular_speaker(run):
    analysis = run("Kenya's ambassador warned they threaten the ceasefire.")
    assert not analysis.events


def test_they_is_the_plural_subject_of_the_sentence_before(run):
    analysis = run("Kenyan soldiers crossed the river. They attacked the town of Beled at dawn.")
    assert [e[:3] for e in events_of(analysis)] == [("ASSAULT", "occurred", ["Kenyan soldiers"])]


def test_officials_of_a_country_named_only_by_a_demonym_are_its_government(run):
    analysis = run("Syrian officials accused Jordan of arming the rebels.")
    assert ("ACCUSE", "occurred", ["Government of Syria"], ["Jordan"]) in events_of(analysis)
    [government] = [a for a in analysis.actors if a.name == "Government of Syria"]
    # the actor steps make "Syrian officials" a mention of the government (the demonym alone when they do not)
    assert (government.country, government.sector) == ("SYR", "GOV")
    assert [m.text for m in government.mentions] in (["Syrian officials"], ["Syrian"])


def test_an_ambassador_stands_for_the_government(run):
    analysis = run("Colombia expelled the Venezuelan ambassador on Monday.")
    assert ("SANCTION", "occurred", ["Colombia"], ["Government of Venezuela"]) in events_of(analysis)


def test_a_group_with_its_country_is_not_replaced_by_a_government(run):
    analysis = run("Syrian rebels accused Jordan of arming the army.")
    assert ("ACCUSE", "occurred", ["Syrian rebels"], ["Jordan"]) in events_of(analysis)
    assert not any(a.name.startswith("Government of") for a in analysis.actors)


def test_an_act_done_for_the_purpose_of_a_summons_targets_whom_was_summoned(run):
    analysis = run("Peru summoned the Chilean ambassador to complain about the fishing fleet.")
    assert events_of(analysis) == [("ACCUSE", "occurred", ["Peru"], ["Government of Chile"])]


def test_a_purpose_act_does_not_target_the_source_s_own_envoy(run):
    analysis = run("Peru sent its foreign minister Elmer Castro to complain about the fishing fleet.")
    assert not any(e[3] for e in events_of(analysis))


def test_a_noun_event_naming_what_another_noun_is_takes_that_noun_s_participants(run):
    analysis = run("Police in Nairobi issued an arrest warrant for Amos Wako on Monday.")
    assert events_of(analysis) == [("COERCE", "occurred", ["Police"], ["Amos Wako"])]


def test_what_the_source_s_own_thing_is_of_is_the_target(run):
    analysis = run("Peru lifted its blockade of Bolivia.")
    assert events_of(analysis) == [("CONCEDE", "occurred", ["Peru"], ["Bolivia"])]


def test_a_purpose_clause_of_a_summons_parsed_as_a_complement_targets_who_was_summoned(run):
    analysis = run("India has summoned a top US diplomat to complain about spying.")
    assert events_of(analysis) == [("ACCUSE", "occurred", ["India"], ["United States"])]
