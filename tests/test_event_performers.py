"""Who performs an event the text names only through other words: an act or weapon noun's
modifier, a possessive pronoun on an act carried on, an adopted text, the act asked for, the
place an act happens in (texts written for these tests)."""

from newsgraph.model import Analysis


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
