"""ActorIndex.resolve, the one answer to "which actor does this phrase mean", on texts written for these tests."""

from collections.abc import Callable

import pytest
from spacy.tokens import Doc, Token

from newsgraph.analyze import Pipeline


@pytest.fixture(scope="module")
def parse(pipeline: Pipeline) -> Callable[[str], Doc]:
    return lambda text: pipeline.nlp(text)


def word(doc: Doc, text: str, nth: int = 0) -> Token:
    return [t for t in doc if t.text == text][nth]


def names(actors: list) -> list[str]:
    return [a.name for a in actors]


def test_coordinated_names_are_each_resolved(parse):
    doc = parse("Poland, Hungary and Austria signed a border pact on Monday.")
    assert names(doc._.actors.resolve(word(doc, "Poland"))) == ["Poland", "Hungary", "Austria"]
    assert names(doc._.actors.resolve(word(doc, "Poland"), coordinated=False)) == ["Poland"]


def test_a_possessor_is_a_party_but_not_a_speaker(parse):
    doc = parse("Marek Wolski met the union leaders. Wolski's lawyers said the deal was fair.")
    lawyers = word(doc, "lawyers")
    assert names(doc._.actors.resolve(lawyers)) == ["Marek Wolski"]
    assert doc._.actors.resolve(lawyers, speaking=True) == []


def test_an_appositive_name_is_the_phrase_s_actor(parse):
    doc = parse("The charity's founder, Ingrid Solberg, criticised the new tax law.")
    assert names(doc._.actors.resolve(word(doc, "founder"), speaking=True)) == ["Ingrid Solberg"]


def test_a_voice_speaks_for_whoever_it_is_from(parse):
    doc = parse("A statement from the World Health Organization said the outbreak was contained.")
    assert names(doc._.actors.resolve(word(doc, "statement"), speaking=True)) == ["World Health Organization"]


def test_first_person_in_a_quotation_is_its_speaker(parse):
    doc = parse("“We will never sign this,” said Tomas Brandt.")
    brandt = doc._.actors.actors[0]
    voices = [(0, 26, brandt)]
    assert doc._.actors.resolve(word(doc, "We"), voices=voices) == [brandt]
    assert doc._.actors.resolve(word(doc, "We")) == []


def test_it_is_the_organisation_last_named_as_a_subject(parse):
    doc = parse("Siemens opened a plant in Ohio. Later the company said it would hire 500 workers.")
    it = word(doc, "it")
    assert doc._.actors.recent_organization(it).name == "Siemens"


def test_it_looks_back_two_paragraphs_for_an_organisation_as_subject(run):
    text = (
        "Norvex Energy announced a new pipeline on Monday.\n"
        "Local farmers said the plan looked like a failed project by Baltic Power Group.\n"
        "It said the route would avoid protected wetlands."
    )
    analysis = run(text)
    assert [q.speaker_name for q in analysis.quotes] == ["Local farmers", "Norvex Energy"]
