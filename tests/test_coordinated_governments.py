"""Officials of two or more countries named by coordinated demonyms ("Chilean and Peruvian
negotiators") stand for their governments, so a meeting between them has both sides; sentences
written for these tests."""

from newsgraph.model import Analysis


def sides(analysis: Analysis) -> list[tuple[str, str, list[str], list[str]]]:
    names = {a.id: a.name for a in analysis.actors}
    return [(e.type, e.status, [names[i] for i in e.source], [names[i] for i in e.target]) for e in analysis.events]


def test_negotiators_of_two_countries_meet_as_their_governments(run):
    analysis = run("Chilean and Peruvian negotiators met in Lima on Sunday.")
    assert sides(analysis) == [("CONSULT", "occurred", ["Government of Chile"], ["Government of Peru"])]


def test_delegations_no_coded_noun_still_give_both_sides(run):
    analysis = run("Russian and Ukrainian delegations will meet in Istanbul next week.")
    assert sides(analysis) == [("CONSULT", "planned", ["Government of Russia"], ["Government of Ukraine"])]


def test_people_who_are_no_officials_stay_one_group(run):
    analysis = run("Chilean and Peruvian farmers blocked the road.")
    assert not any(a.name.startswith("Government") for a in analysis.actors)


def test_ministers_of_two_named_countries_meet_as_those_countries(run):
    analysis = run("The foreign ministers of Chile and Peru met in Lima on Thursday.")
    assert sides(analysis) == [("CONSULT", "occurred", ["Chile"], ["Peru"])]
