"""Coding from the KB's codebook: breakaway regions, cities and regions that act, and persons of
the Phoenix actor dictionary the KB does not hold, on sentences written for these tests."""

from datetime import date
from pathlib import Path

from newsgraph.kb import default_kb
from newsgraph.kb.codebook import Code, Codebook
from newsgraph.model import Analysis


def actor_at(analysis: Analysis, text: str):
    """The actor one of whose mentions starts with ``text``."""
    for actor in analysis.actors:
        if any(m.text.startswith(text) for m in actor.mentions):
            return actor
    raise AssertionError(f"no actor mentioned as {text!r} in {[a.name for a in analysis.actors]}")


def test_a_breakaway_region_acting_is_coded_with_its_claimed_country_and_pre(run):
    region = actor_at(run("South Ossetia rejected the proposal on Friday."), "South Ossetia")
    assert (region.kind, region.country, region.sector) == ("organization", "GEO", "PRE")
    region = actor_at(run("Transnistria announced new elections."), "Transnistria")
    assert (region.country, region.sector) == ("MDA", "PRE")


def test_a_city_that_acts_is_its_people_and_one_that_does_not_is_a_place(run):
    city = actor_at(run("Melbourne celebrated the victory with a parade."), "Melbourne")
    assert (city.country, city.sector) == ("AUS", "CVL")
    analysis = run("The delegates met in Melbourne on Friday.")
    assert not any(m.text == "Melbourne" for a in analysis.actors for m in a.mentions)


def test_a_region_named_in_a_group_gives_its_country(run):
    group = actor_at(run("Helmand farmers protested against the new tax."), "Helmand farmers")
    assert group.country == "AFG"


def test_dictionary_person_is_coded_for_the_article_date(run):
    text = "Ivo Sanader said the talks would continue."
    then = actor_at(run(text, published="2005-06-01"), "Ivo Sanader")
    assert (then.kind, then.country, then.sector) == ("person", "HRV", "GOV")
    assert then.kb_id is None  # coded, never linked


def test_codebook_lookups_and_dates():
    book = Codebook(
        {"banja luka": ("BIH", None), "abkhazia": ("GEO", "PRE")},
        {"ana ruiz": (Code("ESP", "GOV", date(2001, 1, 1), date(2004, 1, 1)),)},
    )
    assert book.place("Banja Luka") == ("BIH", None) and book.place("Abkhazia") == ("GEO", "PRE")
    assert book.person("Ana Ruiz", date(2002, 5, 1)) == ("ESP", "GOV")
    assert book.person("Ana Ruiz", date(2010, 5, 1)) == ("ESP", "ELI")  # every code ended: former official
    assert book.person("Ana Ruiz", None) == ("ESP", None)
    assert book.person("Nobody Known", date(2010, 5, 1)) is None


def test_shipped_codebook_has_phoenix_places_and_persons():
    book = default_kb().codebook
    assert book.place("Banja Luka") == ("BIH", None)
    assert book.place("Rakhine") == ("MMR", None)  # "Rakhine State" without the kind of region
    assert book.place("Northern Cyprus") == ("CYP", "PRE")
    assert book.person("Vladimir Putin", date(2005, 1, 1)) == ("RUS", "GOV")


def test_build_reads_phoenix_dates_and_places(tmp_path: Path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "kb"))
    from phoenix_codebook import date_range, phoenix_persons, phoenix_places

    assert date_range("080109-160407") == ("2008-01-09", "2016-04-07")
    assert date_range(">991231") == ("1999-12-31", None) and date_range("<050101") == (None, "2005-01-01")
    folder = tmp_path / "petrarch2"
    folder.mkdir()
    (folder / "Phoenix.Countries.actors.txt").write_text(
        "RURITANIA_  [RUR]\n+RURITANIAN_\n+STRELSAU_\n+ZENDA_PROVINCE_\n"
        "RUDOLF_ELPHBERG_  # CountryInfo.txt\n\t[RURGOV 950101-030301]\n\t[RURELI >030301]\n"
        "ROYAL_GUARD_OF_RURITANIA_\n\t[RURMIL]\n",
        encoding="utf-8",
    )
    places = phoenix_places(tmp_path, {"RUR": {"ruritania", "ruritanian"}}, str.lower)
    assert {p["name"] for p in places} == {"Strelsau", "Zenda Province", "Zenda"}
    persons = phoenix_persons(tmp_path, {"RUR"})
    assert [p["name"] for p in persons] == ["Rudolf Elphberg"]
    assert persons[0]["codes"][0] == {"country": "RUR", "sector": "GOV", "start": "1995-01-01", "end": "2003-03-01"}


def test_a_country_owning_a_body_is_part_of_its_mention(run):
    analysis = run("Norway's Coastal Command said the patrol had ended. Norway sent a ship.")
    command = actor_at(analysis, "Norway's Coastal Command")
    assert command.country == "NOR" and command.mentions[0].text == "Norway's Coastal Command"
    norway = [a for a in analysis.actors if a.kind == "country"]
    assert [m.text for m in norway[0].mentions] == ["Norway"]  # the second sentence only


def test_a_shortened_dictionary_name_codes_only_when_one_person_has_it(tmp_path: Path):
    import json

    code = {"country": "ESP", "sector": "GOV", "start": None, "end": None}
    persons = [{"name": n, "codes": [code]} for n in ("Ana Ruiz Gil", "Ana Ruiz Soto", "Luis Mora Vega")]
    path = tmp_path / "codebook.json"
    path.write_text(json.dumps({"schema": "newsgraph.kb/1", "places": [], "coded_persons": persons}), "utf-8")
    book = Codebook.read(path)
    assert book.person("Luis Mora", date(2012, 1, 1)) == ("ESP", "GOV")  # a second family name left out
    assert book.person("Luis Vega", date(2012, 1, 1)) == ("ESP", "GOV")  # a middle name left out
    assert book.person("Ana Ruiz", date(2012, 1, 1)) is None  # two persons: neither
    assert book.person("Luisito Vega", date(2012, 1, 1)) == ("ESP", "GOV")  # another spelling of the first name
    assert book.person("Anabel Ruiz", date(2012, 1, 1)) is None  # "ana ruiz": two persons


def test_armed_group_with_a_coder_code_takes_the_country_of_its_name():
    group = default_kb().organization("FDLR")
    assert group is not None and (group.country, group.sector) == ("RWA", "REB")


def test_a_known_body_with_words_of_its_kind_after_its_name_is_coded_as_that_body(run):
    group = actor_at(run("The Boko Haram Movement claimed the attack."), "Boko Haram Movement")
    assert (group.country, group.sector) == ("NGA", "REB")


def test_a_group_noun_the_ner_called_a_person_is_a_group(run):
    analysis = run("antiwar protesters said on Sunday that the march would go ahead.")
    group = actor_at(analysis, "antiwar protesters")
    assert (group.kind, group.sector) == ("group", "OPP")


def test_a_dateline_city_is_no_acting_place(run):
    analysis = run("OSAKA, Japan — Chile and Peru signed a fishing accord on Monday.")
    assert not any(m.text == "OSAKA" for a in analysis.actors for m in a.mentions)


def test_a_codebook_place_as_a_first_name_gives_no_country(run):
    person = actor_at(run("Doris Kalmbach said the vote would be close."), "Doris Kalmbach")
    assert person.country is None  # "Doris" is a Greek region in the dictionary, here a first name


def test_an_organisation_is_no_dictionary_person_by_a_shortened_name(run):
    """ "Syr… Forces" shortens a coalition the dictionary lists with its leader; an organisation
    whose name has an organisation word stays one."""
    forces = actor_at(run("The Syrian Liberation Forces said they would withdraw."), "Syrian Liberation Forces")
    assert (forces.kind, forces.country, forces.sector) == ("organization", "SYR", "MIL")


def test_a_kb_officials_name_in_another_order_codes_the_person(run):
    """Family name first ("Orbán Viktor"), or a word written in full where the KB keeps its stem."""
    orban = actor_at(run("Orbán Viktor addressed the parliament on Monday.", published="2022-06-01"), "Orbán")
    assert (orban.country, orban.sector) == ("HUN", "GOV")
    stranger = actor_at(run("Orbán Anna addressed the parliament on Monday.", published="2022-06-01"), "Orbán")
    assert stranger.country != "HUN"  # one word alike is not the name
