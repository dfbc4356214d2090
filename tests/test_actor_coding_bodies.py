"""Actor coding of curated bodies (parties, fleets, cartels, legislatures), of unnamed groups named
by agent nouns, and of a bare "the government" in an article about one country; sentences written
for these tests."""

from newsgraph.kb import default_kb
from newsgraph.model import Analysis


def actor_at(analysis: Analysis, text: str):
    """The actor one of whose mentions starts with ``text``."""
    for actor in analysis.actors:
        if any(m.text.startswith(text) for m in actor.mentions):
            return actor
    raise AssertionError(f"no actor mentioned as {text!r} in {[a.name for a in analysis.actors]}")


def test_curated_bodies_carry_their_country_sector_and_source():
    kb = default_kb()
    fleet = kb.organization("Black Sea Fleet")
    assert fleet is not None and (fleet.country, fleet.sector) == ("RUS", "MIL")
    party = kb.organization("BJP")
    assert party is not None and (party.country, party.sector) == ("IND", "PTY")
    cartel = kb.organization("Gulf Cartel")
    assert cartel is not None and (cartel.country, cartel.sector) == ("MEX", "CRM")


def test_a_legislature_named_in_its_own_language_is_coded(run):
    analysis = run("The Saeima voted on Thursday to raise the defence budget.")
    assert (actor_at(analysis, "Saeima").country, actor_at(analysis, "Saeima").sector) == ("LVA", "LEG")


def test_a_cartel_and_a_fleet_acting_are_coded(run):
    cartel = actor_at(run("The Gulf Cartel denied any role in the killings."), "Gulf Cartel")
    assert (cartel.country, cartel.sector) == ("MEX", "CRM")
    fleet = actor_at(run("The Black Sea Fleet moved two frigates out of port."), "Black Sea Fleet")
    assert (fleet.country, fleet.sector) == ("RUS", "MIL")


def test_agent_nouns_the_sources_leave_out_make_groups(run):
    expected = {
        "Attackers stormed the checkpoint at dawn.": ("Attackers", "UAF"),
        "Hackers attacked the servers of a regional bank.": ("Hackers", "CRM"),
        "Strikers blocked the main road into the port.": ("Strikers", "LAB"),
        "Musicians marched through the old town on Sunday.": ("Musicians", "CVL"),
    }
    for text, (words, sector) in expected.items():
        group = actor_at(run(text), words)
        assert (group.kind, group.sector) == ("group", sector), text


def test_the_government_of_an_article_about_one_country_is_its_government(run):
    analysis = run("Floods hit Malawi last week. The government declared a state of disaster on Monday.")
    government = actor_at(analysis, "government")
    assert (government.kb_id, government.country, government.sector) == ("government/MWI", "MWI", "GOV")


def test_the_government_stays_unplaced_when_the_article_names_two_countries(run):
    analysis = run("Malawi and Zambia signed a trade deal. The government declared a state of disaster on Monday.")
    government = actor_at(analysis, "government")
    assert (government.kind, government.country) == ("group", None)


def test_local_authorities_take_the_country_but_stay_a_group(run):
    analysis = run("Floods hit Malawi last week. Local authorities closed the schools on Monday.")
    authorities = actor_at(analysis, "Local authorities")
    assert (authorities.kind, authorities.country, authorities.sector) == ("group", "MWI", "GOV")


def test_a_role_another_body_holds_is_no_office_of_the_state(run):
    analysis = run("The Peruvian opposition leader said the vote had been rigged.", published="2024-06-01")
    leader = actor_at(analysis, "Peruvian opposition leader")
    assert (leader.kind, leader.country, leader.sector) == ("group", "PER", "OPP")
    minister = actor_at(
        run("The Armenian prime minister said the talks would resume.", published="2024-06-01"), "Armenian"
    )
    assert minister.name == "Nikol Pashinyan"


def test_the_demonym_of_a_region_gives_its_country(run):
    refugees = actor_at(run("Darfuri refugees crossed the border on Sunday."), "Darfuri refugees")
    assert (refugees.country, refugees.sector) == ("SDN", "REF")
    monks = actor_at(run("Tibetan monks marched to the square."), "Tibetan monks")
    assert (monks.country, monks.sector) == ("CHN", "REL")


def test_a_country_word_before_a_known_organisation_gives_its_sector(run):
    group = actor_at(run("The Afghan Taliban rejected the proposal on Monday."), "Afghan Taliban")
    assert (group.country, group.sector) == ("AFG", "REB")


def test_a_company_in_the_news_has_the_country_of_its_seat(run):
    company = actor_at(run("Huawei unveiled a new phone on Friday."), "Huawei")
    assert (company.country, company.sector) == ("CHN", "BUS")


def test_a_person_titled_by_a_body_takes_its_country_and_sector(run):
    analysis = run("Hamas leader Ismail Qarnawi said the truce would hold.")
    leader = actor_at(analysis, "Ismail Qarnawi")
    assert (leader.country, leader.sector) == ("PSE", "REB")


def test_a_group_named_like_a_kb_body_in_lower_case_is_coded_as_it(run):
    cartel = actor_at(run("The Juarez cartel attacked a police station."), "Juarez cartel")
    assert (cartel.country, cartel.sector) == ("MEX", "CRM")


def test_a_government_named_by_its_leader_is_of_the_leaders_country(run):
    analysis = run("The Trump administration announced new tariffs on Friday.", published="2022-06-01")
    government = actor_at(analysis, "Trump administration")
    assert (government.country, government.sector) == ("USA", "GOV")


def test_the_government_a_place_locates_is_that_countrys_government(run):
    analysis = run("Rebels shelled the border post. The government in Minsk denied any role.")
    government = actor_at(analysis, "government in Minsk")
    assert (government.kb_id, government.country) == ("government/BLR", "BLR")
