"""Actor identity: name keys, spellings of one name within an article, KB links by spelling, on
names and sentences written for these tests."""

import pytest

from newsgraph.extract.actors.clusters import surname_keys
from newsgraph.extract.actors.state import Cluster
from newsgraph.extract.linking import link_person
from newsgraph.kb.loader import KnowledgeBase
from newsgraph.namekey import display_name, name_key, same_name


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Zelenskyy", "Zelenskiy"),
        ("Zelensky", "Zelenskyi"),
        ("Volodymyr Zelenskyy", "Vladimir Zelensky"),
        ("Kiril Dmitriev", "Kirill Dmitriyev"),
        ("Andriy Koval", "Andrii Koval"),
        ("Sergey Petrenko", "Serhiy Petrenko"),
        ("Boris Smirnoff", "Boris Smirnov"),
        ("Maxim Orlov", "Maksim Orlov"),
        ("José Nuñez", "Jose Nunez"),
        ("Зеленський", "Zelenskyi"),
        ("Tomas] Brandt's", "Tomas Brandt"),
    ],
)
def test_spellings_of_one_name_share_a_key(first: str, second: str):
    assert name_key(first) == name_key(second) != ""


@pytest.mark.parametrize(("first", "second"), [("Jane Holm", "John Holm"), ("Ivan Petrov", "Ivana Petrova")])
def test_different_names_keep_different_keys(first: str, second: str):
    assert not same_name(name_key(first), name_key(second))


def test_a_hyphenated_surname_is_one_word_of_the_key():
    assert name_key("Ana Okafor-Lind").split()[-1] == name_key("Okafor-Lind") == "okaforlind"


def test_an_initial_agrees_with_the_given_name_it_begins():
    assert same_name(name_key("V. Orlov"), name_key("Vadim Orlov"))
    assert not same_name(name_key("K. Orlov"), name_key("Vadim Orlov"))
    assert not same_name(name_key("Orlov"), name_key("Vadim Orlov"))  # a bare surname is no full name


def test_editorial_brackets_leave_the_name():
    assert display_name("Tomas] Brandt") == "Tomas Brandt"
    assert display_name("[Mayor Tomas] Brandt") == "Mayor Tomas Brandt"
    assert display_name("[W]e") == "We"


def test_regnal_numbers_and_short_names_keep_their_identity():
    assert name_key("Oskar III") != name_key("Oskar")
    assert name_key("Coon") != name_key("Conn")
    assert name_key("Ana Lind Jr.") == name_key("Ana Lind")  # a generational suffix is not the surname


def test_kb_links_a_spelling_it_does_not_list(tmp_path):
    path = tmp_path / "kb.json"
    path.write_text(
        '{"schema": "newsgraph.kb/1", "persons": [{"id": "taras-kovalskyi", "name": "Taras Kovalskyi",'
        ' "aliases": [], "gender": "male", "country": "UKR", "offices": [{"role": "Mayor of Lutsk",'
        ' "type": "other", "country": "UKR", "org": null, "sector": "GOV", "start": "2020-01-01", "end": null}]}]}',
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([path])
    for spelling in ("Taras Kovalsky", "Taras Kovalskiy", "T. Kovalskyy", "Taras] Kovalskyi"):
        linked = link_person(display_name(spelling), kb, None, surname_only=False)
        assert linked is not None and linked.id == "taras-kovalskyi", spelling
    assert link_person("Petro Kovalsky", kb, None, surname_only=False) is None


def test_spellings_of_one_person_are_one_actor_with_a_kb_link(run):
    analysis = run(
        "Ukrainian President Volodymyr Zelenskyy spoke in Kyiv on Monday. Zelenskiy said the talks would go on.\n"
        "Later, [Russian President Vladimir] Putin replied. V. Putin called the offer late."
    )
    persons = [a for a in analysis.actors if a.kind == "person"]
    zelensky = [a for a in persons if a.kb_id == "volodymyr-zelensky"]
    assert len(zelensky) == 1
    assert {"Volodymyr Zelenskyy", "Zelenskiy"} <= {m.text for m in zelensky[0].mentions}
    putin = [a for a in persons if a.kb_id == "vladimir-putin"]
    assert len(putin) == 1 and putin[0].name == "Vladimir Putin"
    assert not any("]" in a.name for a in analysis.actors)


def test_a_surname_first_then_the_full_name_links_to_the_kb_without_a_date(run):
    analysis = run(
        "Trudeau arrived late to the meeting in Ottawa.\nJustin Trudeau then told reporters the talks would go on.",
        published=None,
    )
    persons = [a for a in analysis.actors if a.kind == "person"]
    assert [a.kb_id for a in persons] == ["justin-trudeau"]
    assert {"Trudeau", "Justin Trudeau"} <= {m.text for m in persons[0].mentions}


def test_an_unknown_name_in_two_spellings_is_one_actor_and_a_namesake_another(run):
    analysis = run(
        "Kyrylo Savchuk, a farmer, said the harvest was poor. Kirilo Savchuk said prices had fallen.\n"
        "His neighbour Maryna Savchuk said the roads were closed."
    )
    persons = [a for a in analysis.actors if a.kind == "person"]
    kyrylo = [a for a in persons if a.name.startswith(("Kyrylo", "Kirilo"))]
    assert len(kyrylo) == 1 and len(kyrylo[0].mentions) >= 2
    assert any(a.name == "Maryna Savchuk" for a in persons)


def test_a_kb_alias_gives_a_bare_surname_only_when_spelt_like_the_surname(tmp_path):
    path = tmp_path / "kb.json"
    path.write_text(
        '{"schema": "newsgraph.kb/1", "persons": [{"id": "oskar-v", "name": "Oskar V", "aliases":'
        ' ["Oskar V of Varnland", "Oskar"], "gender": "male", "country": null, "offices": []},'
        ' {"id": "ivan-holubenko", "name": "Ivan Holubenko", "aliases": ["Ivan Holubenka"], "gender": "male",'
        ' "country": null, "offices": []}]}',
        encoding="utf-8",
    )
    kb = KnowledgeBase.load([path])
    king = Cluster("person", "Oskar V", kb_person=kb.person("oskar-v"))
    assert "varnland" not in surname_keys(king) and "oskar" in surname_keys(king)
    minister = Cluster("person", "Ivan Holubenko", kb_person=kb.person("ivan-holubenko"))
    assert surname_keys(minister) == {"holubenko", "holubenka"}


def test_a_person_entity_running_over_a_possessive_is_the_possessor(run):
    analysis = run("Maria Lopez’s Greens won the vote in the valley. Lopez said the result was clear.")
    persons = [a for a in analysis.actors if a.kind == "person"]
    assert [a.name for a in persons] == ["Maria Lopez"]


def test_a_photo_credit_is_no_person(run):
    analysis = run(
        "Residents queue for water in the old town. Tomas Vidal/AFP/Getty Images\n"
        "Photo by Maria Santos/Reuters. The mayor said the water was safe."
    )
    assert not any("/" in a.name for a in analysis.actors)
