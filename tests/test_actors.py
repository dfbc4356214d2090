"""Actors: NER corrections, coreference, metonymy and KB links, on sentences written for these tests."""

from newsgraph.extract.actors.kbnames import admissible, kb_name_mentions
from newsgraph.extract.actors.mentions import looks_like_organization
from newsgraph.extract.actors.state import State
from newsgraph.kb.loader import default_kb
from newsgraph.model import Analysis


def actor_named(analysis: Analysis, name: str):
    matches = [a for a in analysis.actors if a.name == name]
    assert matches, f"no actor {name!r} in {[a.name for a in analysis.actors]}"
    return matches[0]


def mention_texts(analysis: Analysis, name: str) -> list[str]:
    return [m.text for m in actor_named(analysis, name).mentions]


def test_heading_words_do_not_make_a_person(run):
    text = (
        "Putin Signals Openness, Trump Urges Speed\n"
        "Russian President Vladimir Putin spoke with Donald Trump by phone on Monday."
    )
    analysis = run(text)
    persons = {a.name for a in analysis.actors if a.kind == "person"}
    assert persons == {"Vladimir Putin", "Donald Trump"}
    assert "Putin" in mention_texts(analysis, "Vladimir Putin")  # the heading mention, linked


def test_kb_link_gives_country_and_roles_on_the_publication_date(run):
    analysis = run("U.S. President Donald Trump met Vladimir Putin in Alaska.", published="2025-08-15")
    trump = actor_named(analysis, "Donald Trump")
    assert trump.country == "USA" and "President of the United States" in trump.roles
    biden = run("Joe Biden spoke to reporters.", published="2022-06-01")
    assert "President of the United States" in actor_named(biden, "Joe Biden").roles
    later = run("Joe Biden spoke to reporters.", published="2025-08-15")
    assert "President of the United States" not in actor_named(later, "Joe Biden").roles


def test_surname_and_title_corefer_with_full_name(run):
    analysis = run("Sergei Lavrov arrived in Ankara. Foreign Minister Lavrov then met his Turkish counterpart.")
    lavrov = [a for a in analysis.actors if a.kind == "person"]
    assert len(lavrov) == 1
    assert [m.text for m in lavrov[0].mentions][:2] == ["Sergei Lavrov", "Lavrov"]


def test_possessive_capital_is_never_a_person(run):
    analysis = run("Moscow continues to label Kyiv’s leadership as illegitimate, a claim Kyiv rejects.")
    assert not any(a.kind == "person" for a in analysis.actors)
    kyiv = actor_named(analysis, "Government of Ukraine")
    assert kyiv.kind == "organization" and kyiv.country == "UKR" and kyiv.sector == "GOV"
    assert actor_named(analysis, "Government of Russia").mentions[0].text == "Moscow"


def test_capital_as_destination_is_a_place_not_an_actor(run):
    analysis = run("The envoy will travel to Moscow next week.")
    assert not any(a.name == "Government of Russia" for a in analysis.actors)


def test_seat_of_government_as_agent_is_the_government(run):
    analysis = run("The Kremlin played down the prospects of a summit on Tuesday.")
    government = actor_named(analysis, "Government of Russia")
    assert government.country == "RUS"


def test_role_description_licensed_by_the_kb(run):
    analysis = run("Vladimir Putin spoke first. Macron said the Kremlin leader could not be trusted.")
    assert "Kremlin leader" in mention_texts(analysis, "Vladimir Putin")


def test_role_from_apposition_is_reused_later(run):
    text = (
        "Maria Lindqvist, Sweden’s deputy UN envoy, spoke to the council. "
        "Later, Sweden’s deputy UN envoy said the vote would be delayed."
    )
    analysis = run(text)
    person = actor_named(analysis, "Maria Lindqvist")
    assert person.country == "SWE"
    assert any("envoy" in role for role in person.roles)
    assert len(person.mentions) == 2


def test_pronoun_in_reported_clause_goes_to_the_governing_subject(run):
    analysis = run("Vladimir Putin told Donald Trump that he was open to direct talks.")
    assert "he" in mention_texts(analysis, "Vladimir Putin")
    assert "he" not in mention_texts(analysis, "Donald Trump")


def test_pronoun_uses_gender_and_the_previous_sentence(run):
    text = "Angela Brandt met Tomas Keller in Vienna. She said the meeting was useful."
    analysis = run(text)
    assert "She" in mention_texts(analysis, "Angela Brandt")


def test_state_institution_named_by_a_country_word(run):
    analysis = run("Belarus’s foreign ministry rejected the statement, and the Rwandan army said it would respond.")
    ministry = actor_named(analysis, "Ministry of Foreign Affairs of Belarus")
    assert ministry.kind == "organization" and ministry.country == "BLR"
    assert ministry.mentions[0].text == "Belarus’s foreign ministry"
    assert actor_named(analysis, "Armed Forces of Rwanda").sector == "MIL"


def test_government_names_take_the_article_where_english_does(run):
    analysis = run("Manila protested on Monday, and Washington said it stood by its ally.")
    names = {a.name for a in analysis.actors}
    assert {"Government of the Philippines", "Government of the United States"} <= names


def test_short_organisation_name_and_legal_suffix_corefer(run):
    analysis = run("Norvik Shipping Ltd. reported a loss on Monday. Later, Norvik said it would cut 200 jobs.")
    assert mention_texts(analysis, "Norvik Shipping Ltd.") == ["Norvik Shipping Ltd.", "Norvik"]


def test_title_inside_a_name_is_not_part_of_it(run):
    analysis = run("Hereditary Chief Talbot said the agreement did not cover the land.")
    assert actor_named(analysis, "Talbot").kind == "person"


def test_short_then_long_organisation_name_is_one_organisation(run):
    analysis = run("Norvik said it would cut jobs. Norvik Shipping Ltd. later said the cuts were final.")
    assert mention_texts(analysis, "Norvik Shipping Ltd.") == ["Norvik", "Norvik Shipping Ltd."]


def test_hyphenated_organisation_name_is_kept_whole(run):
    analysis = run("Brandt-Kessler said on Monday it would appeal. Brandt-Kessler shares fell.")
    assert mention_texts(analysis, "Brandt-Kessler") == ["Brandt-Kessler", "Brandt-Kessler"]


def test_the_company_is_the_main_clause_subject_before(run):
    text = (
        "Google said Thursday that Apple had revoked its certificate, blocking Google employees "
        "from testing apps. But the company said it would regain access soon."
    )
    analysis = run(text)
    assert analysis.quotes[-1].speaker_name == "Google"


def test_a_name_used_as_a_place_is_no_person_anywhere(run):
    analysis = run("Shelling north of Goma continued on Sunday. Goma, a city of a million people, is nearly encircled.")
    assert not [a for a in analysis.actors if a.kind == "person"]


def test_a_people_modifying_a_group_noun_is_no_person(run):
    analysis = run("The group was founded by Hutu extremists after the war, the report said.")
    assert not [a for a in analysis.actors if a.kind == "person"]


def test_a_shared_country_name_takes_the_sense_the_article_names_in_full(run):
    text = (
        "The Democratic Republic of Congo signed a trade deal with Zambia on Monday. "
        "Congolese Foreign Minister Jean Mbala said Congo would export more copper."
    )
    analysis = run(text)
    assert actor_named(analysis, "Democratic Republic of the Congo").country == "COD"
    assert "Congo" in mention_texts(analysis, "Democratic Republic of the Congo")
    assert actor_named(analysis, "Jean Mbala").country == "COD"
    assert not any(a.country == "COG" for a in analysis.actors)


def test_a_shared_country_name_alone_is_the_country_whose_name_it_is(run):
    analysis = run("Congo signed a trade deal with Gabon on Monday.")
    assert actor_named(analysis, "Congo").country == "COG"


def test_a_capitalised_organisation_noun_is_the_institution_named_before(run):
    analysis = run(
        "Chad's army said militants attacked a base on Monday. Army spokesman Colonel Daniel Okafor "
        "told reporters that two soldiers were hurt."
    )
    assert not any(a.name == "Army" for a in analysis.actors)
    assert "Army" in mention_texts(analysis, "Armed Forces of Chad")


def test_a_rank_before_a_name_is_a_role_of_its_own(run):
    analysis = run("Army spokesman Colonel Daniel Okafor told reporters that two soldiers were hurt.")
    assert actor_named(analysis, "Daniel Okafor").roles == ["Army spokesman", "Colonel"]
    analysis = run("Attorney General Mary Holt said the law would be changed.")
    assert actor_named(analysis, "Mary Holt").roles == ["Attorney General"]


def test_a_given_name_inside_a_longer_capitalised_name_is_no_person(run):
    analysis = run("Food was delivered to the MV Grace Harbour, a cargo ship, on Monday.")
    assert not any(a.kind == "person" for a in analysis.actors)


def test_a_demonym_in_an_apposition_gives_the_person_a_country(run):
    analysis = run("Chilean Foreign Minister Rosa Ibarra and her Peruvian counterpart, Tomas Quispe, met in Lima.")
    assert actor_named(analysis, "Tomas Quispe").country == "PER"
    assert actor_named(analysis, "Rosa Ibarra").country == "CHL"


def test_a_name_the_kb_knows_as_a_person_is_a_person_whatever_the_ner_label(run):
    analysis = run(
        "Volodymyr Zelenskyy said on Monday that Ukraine would not give up land. Zelenskyy also met soldiers.",
        published="2025-08-19",
    )
    zelensky = actor_named(analysis, "Volodymyr Zelensky")
    assert zelensky.kind == "person" and zelensky.country == "UKR"
    assert not any(a.kind == "organization" for a in analysis.actors)


def test_a_title_before_a_name_is_no_organisation_but_names_the_one_it_begins_with(run):
    analysis = run("AU Trade and Industry Commissioner Samuel Osei said on Friday that tariffs would fall.")
    assert {a.name for a in analysis.actors if a.kind == "organization"} == {"African Union"}
    assert actor_named(analysis, "Samuel Osei").kind == "person"


def test_the_government_is_no_person_description(run):
    text = (
        "Several critics are in jail, notably the activist Marta Ruiz, who was sentenced in 2021. "
        "The government denies it holds political prisoners."
    )
    analysis = run(text)
    ruiz = next(a for a in analysis.actors if a.name == "Marta Ruiz")
    assert [m.text for m in ruiz.mentions] == ["Marta Ruiz"]


def test_kb_acronym_the_ner_missed_is_an_organization(run):
    analysis = run("USAID provided food to Haiti.")
    usaid = [a for a in analysis.actors if a.kind == "organization"]
    assert [m.text for m in usaid[0].mentions] == ["USAID"] and usaid[0].kb_id is not None


def test_kb_names_match_only_in_their_own_case(run):
    analysis = run("Youth workers said zero families came, and the who and when were unclear.")
    assert not [a for a in analysis.actors if a.kind == "organization"]


def test_kb_multiword_name_in_proper_case_is_an_organization(run):
    analysis = run("Volunteers from Doctors Without Borders arrived on Friday.")
    assert "Doctors Without Borders" in mention_texts(analysis, "Médecins Sans Frontières")
    lower = run("The volunteers called themselves doctors without borders.")
    assert not [a for a in lower.actors if a.kind == "organization"]


def test_kb_acronym_the_ner_mislabelled_is_an_organization(run):
    analysis = run("He told reporters that the YMCA gym was closed.")  # the NER calls "YMCA" a people
    assert [a.kind for a in analysis.actors if a.name == "YMCA"] == ["organization"]


def test_kb_name_mention_leaves_out_its_article(pipeline):
    doc = pipeline.nlp("She wrote for The Associated Press until May.")
    state = State(doc, default_kb(), None)  # no step has taken the name yet
    kb_name_mentions(state)
    assert [doc[s:e].text for c in state.clusters for s, e in c.spans] == ["Associated Press"]


def test_kb_name_inside_a_person_name_stays_a_person(run, pipeline):
    analysis = run("Robert Red Cross Smith said the talks failed.")
    assert [(a.name, a.kind) for a in analysis.actors] == [("Robert Red Cross Smith", "person")]
    doc = pipeline.nlp("Robert Red Cross Smith said the talks failed.")
    state = State(doc, default_kb(), None)  # no step has taken the name yet
    assert not admissible(state, doc[1:3])


def test_a_name_after_a_long_title_is_a_person(run):
    analysis = run("Norway's Minister for International Development Lars Haugen said the fund would grow.")
    assert [q.speaker_name for q in analysis.quotes] == ["Lars Haugen"]
    assert any(a.kind == "person" and a.name == "Lars Haugen" for a in analysis.actors)


def test_a_role_description_with_a_country_inside_is_the_person_holding_it(run):
    analysis = run("Sergei Lavrov spoke in Geneva on Monday. The top Russian diplomat said the talks had stalled.")
    assert [q.speaker_name for q in analysis.quotes] == ["Sergey Lavrov"]


def test_a_town_and_its_province_abbreviation_are_places_not_persons(run):
    analysis = run(
        "Hughes, of Dundas, Ont., struggled to find his form. Paulo Ramos, of Fresno, Calif., said he was pleased."
    )
    persons = {a.name for a in analysis.actors if a.kind == "person"}
    assert "Paulo Ramos" in persons and not persons & {"Dundas", "Ont", "Calif"}


def test_an_office_holders_surname_the_tagger_reads_as_a_noun_is_that_person(run):
    analysis = run("The talks stalled. Trump met Putin in Alaska on Friday.")
    assert {a.kb_id for a in analysis.actors if a.kind == "person"} == {"donald-trump", "vladimir-putin"}
    assert [e.type for e in analysis.events] == ["CONSULT"]


def test_a_country_acronym_listed_among_demonyms_still_names_the_country(run):
    analysis = run("The US and Peru signed a trade deal on Monday.")
    assert {a.name for a in analysis.actors if a.kind == "country"} == {"United States", "Peru"}


def test_a_one_word_name_before_its_chief_and_the_chief_name_is_an_organisation(run):
    analysis = run("Velmora chief Ana Lind said the plant was safe. Velmora said it would send inspectors.")
    assert actor_named(analysis, "Velmora").kind == "organization"
    assert actor_named(analysis, "Ana Lind").kind == "person"


def test_a_person_named_in_full_keeps_being_a_person_before_a_spokeswoman(run):
    analysis = run("Opposition leader Marek Voss was detained. Voss spokeswoman Ida Holm said he was well.")
    assert actor_named(analysis, "Marek Voss").kind == "person"


def test_a_city_the_ner_calls_a_person_is_a_place(run):
    analysis = run("Nanaimo was hit by a storm on Monday, and ferries were cancelled.")
    assert not [a for a in analysis.actors if a.kind == "person"]


def test_a_surname_that_is_also_a_city_stays_the_person_named_in_full(run):
    analysis = run("Ruth Lincoln won the vote on Monday. Lincoln said the result was fair.")
    assert mention_texts(analysis, "Ruth Lincoln") == ["Ruth Lincoln", "Lincoln"]


def test_a_possessive_written_with_an_opening_quote_is_the_name_possessed(run):
    analysis = run("The bill stalled on Senator Dana Whitfield‘s desk. Whitfield said she would sign it in May.")
    assert mention_texts(analysis, "Dana Whitfield")[:2] == ["Dana Whitfield", "Whitfield"]


def test_the_one_word_short_form_of_an_organisation_named_before_is_that_organisation(run):
    analysis = run(
        "The Britain-based Nordic Observatory for Press Freedom said two reporters were detained. "
        "The Observatory said the arrests were unlawful."
    )
    assert mention_texts(analysis, "Nordic Observatory for Press Freedom") == [
        "Nordic Observatory for Press Freedom",
        "Observatory",
    ]
    assert not [a for a in analysis.actors if a.kind == "person"]


def test_the_journalists_of_a_credit_line_are_no_actors(run):
    analysis = run(
        "Anna Berg said the talks would continue.\n\n"
        "(Reporting by Lars Holm and Eva Kask in Tallinn; Writing by Ian Reed; Editing by Tom Vale)"
    )
    assert [a.name for a in analysis.actors if a.kind == "person"] == ["Anna Berg"]


def test_a_paragraph_that_is_a_credit_line_names_no_actor(run):
    analysis = run(
        "Anna Berg said the talks would continue.\n\nReporting by Lars Holm and Eva Kask; Editing by Tom Vale"
    )
    assert [a.name for a in analysis.actors if a.kind == "person"] == ["Anna Berg"]


def test_a_reporter_named_in_the_story_stays_an_actor(run):
    analysis = run("Editing the report took weeks, Anna Berg said. The reporting by Lars Holm was praised.")
    assert "Anna Berg" in [a.name for a in analysis.actors]


def test_a_name_that_says_what_it_is_for_or_holds_a_media_word_looks_like_an_organisation():
    assert looks_like_organization("Coalition for Open Roads")
    assert looks_like_organization("Kestrel Daily")
    assert not looks_like_organization("Anna Forbes")


def test_the_photographers_of_photo_credits_are_no_actors(run):
    analysis = run(
        "Anna Berg walks her dog near her home. ( Lars Holm / Toronto Star ) Berg said she felt better. "
        "(Eva Kask/CBC) Talks between the capitals (Ukraine/Russia) stalled."
    )
    assert [a.name for a in analysis.actors if a.kind == "person"] == ["Anna Berg"]
    assert {"Ukraine", "Russia"} <= {a.name for a in analysis.actors}


def test_a_name_the_ner_cut_after_and_takes_its_capitalised_rest(run):
    analysis = run("The dissident Norwegian Commission of Press Rights and National Dialogue says 79 are still held.")
    assert [a.name for a in analysis.actors if a.kind == "organization"] == [
        "Norwegian Commission of Press Rights and National Dialogue"
    ]


def test_a_city_naming_where_a_meeting_was_is_a_place_not_an_actor(run):
    analysis = run("The president said on Monday that the Almaty meeting had opened a new chapter.")
    assert "Almaty" not in [a.name for a in analysis.actors]


def test_a_capital_in_a_dateline_is_no_government_acting(run):
    analysis = run("KYIV, Ukraine — Ukrainian President Volodymyr Zelenskyy said on Wednesday that talks went on.")
    assert not any(a.name == "Government of Ukraine" for a in analysis.actors)
