"""Actor coding (country and sector for every actor), gazetteer places, platforms and acronyms,
on sentences written for these tests."""

from newsgraph.kb import default_kb
from newsgraph.kb.gazetteer import place_country
from newsgraph.model import Analysis


def actor_at(analysis: Analysis, text: str):
    """The actor one of whose mentions starts with ``text``."""
    for actor in analysis.actors:
        if any(m.text.startswith(text) for m in actor.mentions):
            return actor
    raise AssertionError(f"no actor mentioned as {text!r} in {[a.name for a in analysis.actors]}")


def test_unnamed_group_gets_country_from_its_demonym_and_sector_from_its_noun(run):
    analysis = run("Bolivian nurses blocked the highway on Tuesday.")
    nurses = actor_at(analysis, "Bolivian nurses")
    assert (nurses.kind, nurses.country, nurses.sector) == ("group", "BOL", "MED")


def test_police_of_a_city_are_coded_with_the_city_country(run):
    police = actor_at(run("Lviv police detained two men."), "Lviv police")
    assert (police.country, police.sector) == ("UKR", "COP")
    police = actor_at(run("Guangzhou police arrested a suspect."), "Guangzhou police")
    assert (police.country, police.sector) == ("CHN", "COP")


def test_a_role_subject_is_the_office_holder(run):
    analysis = run("Armenian Prime Minister said the border talks would resume.", published="2024-06-01")
    leader = actor_at(analysis, "Armenian Prime Minister")
    assert (leader.name, leader.country, leader.sector) == ("Nikol Pashinyan", "ARM", "GOV")
    assert not any(a.kind == "person" for a in run("The interior minister said nothing.").actors)


def test_members_of_a_group_code_it(run):
    team = actor_at(run("A group of soldiers entered the village."), "group of soldiers")
    assert team.kind == "group" and team.sector == "MIL"


def test_organisation_name_head_gives_the_sector_and_a_demonym_the_country(run):
    guard = actor_at(run("The Chilean National Guard patrolled the border."), "Chilean National Guard")
    assert (guard.country, guard.sector) == ("CHL", "MIL")
    party = actor_at(run("The Green Party of Utopia said it would vote no."), "Green Party")
    assert party.sector == "PTY"


def test_non_state_armed_group_from_the_phoenix_dictionary(run):
    group = actor_at(run("Boko Haram claimed the attack on the convoy."), "Boko Haram")
    assert (group.country, group.sector) == ("NGA", "REB")


def test_institution_spellings_are_one_body(run):
    text = "Peru's Defense Ministry denied the report. The Peruvian Defence Ministry later issued a statement."
    analysis = run(text)
    bodies = [a for a in analysis.actors if a.kind == "organization"]
    assert len(bodies) == 1 and bodies[0].country == "PER" and bodies[0].sector == "GOV"


def test_former_office_holder_is_elite(run):
    biden = actor_at(run("Joe Biden spoke at a dinner in Delaware.", published="2025-09-01"), "Joe Biden")
    assert (biden.country, biden.sector) == ("USA", "ELI")


def test_large_city_the_ner_calls_a_person_is_a_place(run):
    analysis = run("Kharkiv said on Friday that the power was back.\nThe mayor of Kharkiv thanked the engineers.")
    assert not any(a.kind == "person" and a.name == "Kharkiv" for a in analysis.actors)


def test_surname_of_a_longer_name_stays_a_person():
    kb = default_kb()
    assert kb.place_country("Dnipro") == "UKR" and kb.place_country("Kremlin") == "RUS"
    assert place_country("Rubio", 100_000) is None  # a small town, not taken for a person's name


def test_platforms_are_not_actors(run):
    analysis = run("The minister posted the video on Telegram and later on X.")
    assert not any(a.name in {"Telegram", "X"} for a in analysis.actors)


def test_acronym_tagged_as_person_is_an_organisation(run):
    analysis = run("AFRICOM said the strike killed two militants.")
    assert not any(a.kind == "person" for a in analysis.actors if a.name == "AFRICOM")


def test_group_of_an_organisation_takes_its_country(run):
    lawmakers = actor_at(run("European Union lawmakers approved the budget on Thursday."), "European Union lawmakers")
    assert (lawmakers.kind, lawmakers.country, lawmakers.sector) == ("group", "EUR", "LEG")


def test_organisation_named_by_a_group_noun_gets_its_sector(run):
    unit = actor_at(run("The Estonian Soldiers marched to the border."), "Estonian Soldiers")
    assert (unit.country, unit.sector) == ("EST", "MIL")


def test_title_words_alone_are_no_person_and_an_institution_is_an_organisation(run):
    analysis = run("Vice President told the assembly that the plan stood. The General Staff reported heavy losses.")
    assert not any(a.kind == "person" for a in analysis.actors)
    staff = actor_at(run("Moldova's General Staff reported heavy losses."), "Moldova")
    assert (staff.kind, staff.country, staff.sector) == ("organization", "MDA", "MIL")


def test_a_city_in_a_title_gives_the_country_and_after_in_is_a_place(run):
    governor = actor_at(run("Kharkiv Governor Oleh Syniehubov visited the site."), "Oleh Syniehubov")
    assert governor.country == "UKR"
    analysis = run("Officials in Dnipro reported damage to a school.")
    assert not any(a.name == "Dnipro" for a in analysis.actors)


def test_group_named_by_its_agent_words_and_read_through_quantities(run):
    analysis = run("Police in Nairobi detained hundreds of Kenyan students who had blocked a road.")
    police = actor_at(analysis, "Police in Nairobi")
    assert (police.name, police.kind, police.country, police.sector) == ("Police", "group", "KEN", "COP")
    students = actor_at(analysis, "Kenyan students")
    assert (students.name, students.country) == ("Kenyan students", "KEN")
    assert all("who" not in m.text for m in students.mentions)


def test_modifiers_the_agent_dictionary_knows_name_the_group(run):
    unit = actor_at(run("A paramilitary organization said it would disarm."), "paramilitary organization")
    assert (unit.name, unit.sector) == ("paramilitary organization", "PRM")
    states = actor_at(run("The talks were welcomed by AU member states on Friday."), "AU member states")
    assert states.kind == "group"


def test_a_vague_group_keeps_its_unknown_sector_and_a_placed_one_its_words(run):
    men = actor_at(run("A group of men said they saw the fire."), "group of men")
    assert (men.name, men.sector) == ("men", "UNK")
    analysis = run("A Bolivian nationalist group marched to the embassy.")
    group = actor_at(analysis, "Bolivian nationalist group")
    assert (group.name, group.country, group.sector) == ("Bolivian nationalist group", "BOL", "UNK")


def test_coordinated_group_nouns_are_two_groups(run):
    analysis = run("Police and protesters clashed in Lima on Monday.")
    assert [(a.name, a.sector) for a in analysis.actors if a.kind == "group"] == [
        ("Police", "COP"),
        ("protesters", "OPP"),  # PLOVER: civilians in opposition (CVLOPP)
    ]


def test_a_group_noun_before_a_name_describes_the_named_actor(run):
    analysis = run("The Dutch relief agency Hartwell said its director was injured.")
    names = {a.id: a.name for a in analysis.actors}
    assert [a.kind for a in analysis.actors if a.name == "Hartwell"] and "relief agency" not in " ".join(names.values())
    assert [names[q.speaker] for q in analysis.quotes] == ["Hartwell"]


def test_a_persons_own_name_and_title_give_no_country(run):
    analysis = run(
        "Jordan Quill, a coach, said the team was ready. Sen. Chad Morrow said he agreed. "
        "Ben Lattimer said the show would go on. Kenyan activist Amina Otieno said the vote was fair.\n"
        "“We are ready,” Jordan said."
    )
    countries = {a.name: a.country for a in analysis.actors if a.kind == "person"}
    assert countries == {"Jordan Quill": None, "Chad Morrow": None, "Ben Lattimer": None, "Amina Otieno": "KEN"}


def test_an_unnamed_official_who_acts_is_an_actor_coded_by_its_role_and_demonym(run):
    analysis = run("A Peruvian lawyer said the ruling would be appealed.")
    lawyer = actor_at(analysis, "Peruvian lawyer")
    assert (lawyer.kind, lawyer.country, lawyer.sector) == ("group", "PER", "JUD")
    assert not any(a.kind == "organization" for a in analysis.actors)  # the demonym is no organisation
    named = run("The report names a Peruvian lawyer.")
    assert all(a.name != "Peruvian lawyer" for a in named.actors)  # one who is no party of an act is no actor


def test_the_unnamed_head_of_an_organisation_acts_in_its_country_and_sector(run):
    analysis = run("The president of the Zambian Farmers Union said prices would rise.")
    president = actor_at(analysis, "president")
    union = actor_at(analysis, "Zambian Farmers Union")
    assert president.kind == "group" and president.country == union.country == "ZMB"
    assert president.sector == union.sector == "LAB"  # not GOV: the president of a union


def test_kin_and_plural_nouns_of_the_agent_dictionary_are_civilian_groups(run):
    relatives = actor_at(run("Relatives of the missing sailors demanded answers."), "Relatives")
    assert (relatives.kind, relatives.sector) == ("group", "CVL")
    families = actor_at(run("Displaced families said they had no water."), "Displaced families")
    assert families.sector == "REF"


def test_a_head_of_an_intelligence_service_is_coded_spy_while_in_office(run):
    analysis = run("Gina Haspel briefed the senators on Tuesday.", published="2019-03-05")
    assert actor_at(analysis, "Gina Haspel").sector == "SPY"
    later = run("Gina Haspel briefed the senators on Tuesday.", published="2023-03-05")
    assert actor_at(later, "Gina Haspel").sector == "ELI"  # a former official


def test_a_capitalised_people_of_a_faith_tagged_as_a_person_is_a_group(run):
    copts = actor_at(run("Coptic Christians said the church would reopen."), "Coptic Christians")
    assert (copts.kind, copts.sector) == ("group", "REL")
    kachin = actor_at(run("Shan Buddhists said the monastery would reopen."), "Shan Buddhists")
    assert (kachin.kind, kachin.country) == ("group", "MMR")  # a region of the codebook gives the country


def test_an_adjective_used_as_a_noun_is_coded_as_its_people(run):
    displaced = actor_at(run("Sudan's displaced said the camps were full."), "Sudan")
    assert (displaced.kind, displaced.country, displaced.sector) == ("group", "SDN", "REF")
    passive = run("The villagers were displaced by the floods.")
    assert all(a.sector != "REF" for a in passive.actors)  # a participle of a passive is no group


def test_one_word_state_bodies_of_the_phoenix_dictionary_are_organisations(run):
    knesset = actor_at(run("The Knesset approved the budget on Wednesday."), "Knesset")
    assert (knesset.kind, knesset.country, knesset.sector) == ("organization", "ISR", "LEG")
    peshmerga = actor_at(run("The Peshmerga said they had retaken the village."), "Peshmerga")
    assert (peshmerga.country, peshmerga.sector) == ("IRQ", "MIL")


def test_a_government_of_a_country_named_in_two_words_is_that_countrys(run):
    government = actor_at(run("The Sri Lanka government said fuel would be rationed."), "Sri Lanka government")
    assert (government.kind, government.country, government.sector) == ("organization", "LKA", "GOV")


def test_a_capital_the_ner_left_out_acts_as_its_government(run):
    analysis = run("Kyiv rejected the offer on Friday.")
    assert [(a.name, a.sector) for a in analysis.actors] == [("Government of Ukraine", "GOV")]


def test_a_title_whose_noun_codes_nothing_takes_the_sector_of_its_coded_modifier(run):
    analysis = run("Zambian opposition leader Mwila Banda criticised the budget.")
    leader = actor_at(analysis, "Mwila Banda")
    assert (leader.country, leader.sector) == ("ZMB", "OPP")  # "leader" codes nothing, "opposition" does
    chief = actor_at(run("The army chief Tomas Hadid resigned."), "Tomas Hadid")
    assert chief.sector == "MIL"


def test_a_kb_persons_full_name_the_ner_cut_is_one_mention_of_that_person(run):
    analysis = run("Ursula von der Leyen said on Friday that the sanctions would stay.")
    persons = [a for a in analysis.actors if a.kind == "person"]
    assert [(p.name, p.mentions[0].text) for p in persons] == [("Ursula von der Leyen", "Ursula von der Leyen")]


def test_a_kb_persons_name_written_without_its_accents_is_found_whole(run):
    analysis = run("Luiz Inacio Lula da Silva said the budget would pass.")
    (lula,) = [a for a in analysis.actors if a.kind == "person"]
    assert (lula.kb_id, lula.country, lula.mentions[0].text) == (
        "luiz-inacio-lula-da-silva",
        "BRA",
        "Luiz Inacio Lula da Silva",
    )


def test_a_news_agency_called_official_or_state_run_is_the_state_speaking(run):
    agency = actor_at(run("The state-run Zambian News Agency said the vote was fair."), "Zambian News Agency")
    assert (agency.country, agency.sector) == ("ZMB", "GOV")
    plain = actor_at(run("The Zambian News Agency said the vote was fair."), "Zambian News Agency")
    assert plain.sector == "MED"


def test_officials_a_country_word_places_are_that_states_government(run):
    officials = actor_at(run("Zambian officials rejected the claim on Tuesday."), "Zambian officials")
    assert (officials.name, officials.country, officials.sector) == ("Government of Zambia", "ZMB", "GOV")
    bare = run("Officials rejected the claim on Tuesday.").actors  # bare officials: no state's government
    assert not any(a.name.startswith("Government of") for a in bare)


def test_another_countrys_congress_is_not_the_us_congress(run):
    congress = actor_at(run("Chile's Congress approved the reform on Tuesday."), "Chile")
    assert (congress.name, congress.country, congress.sector) == ("Parliament of Chile", "CHL", "LEG")
    assert actor_at(run("Congress approved the budget on Tuesday."), "Congress").kb_id == "us_congress"


def test_officials_of_two_states_are_not_one_government(run):
    analysis = run("Chilean and Peruvian officials met in Lima on Monday.")
    governments = sorted(a.name for a in analysis.actors if a.name.startswith("Government of"))
    assert governments not in (["Government of Chile"], ["Government of Peru"])
