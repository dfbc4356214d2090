"""A name written with another pet-form ending ("Jody", "Jodie", "Jodi") is one person's, in keys,
within an article and across the store. Invented names."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import newsgraph
from newsgraph.api import Corpus
from newsgraph.namekey import name_key, same_name
from test_identity_store import said
from test_store import fresh_database


@pytest.mark.parametrize(
    ("first", "second"),
    [("Jody Marrow-Teague", "Jodie Marrow-Teague"), ("Jodi Pell", "Jody Pell"), ("Bobby Arnfeld", "Bobbie Arnfeld")],
)
def test_pet_form_endings_of_a_given_name_share_a_key(first: str, second: str):
    assert name_key(first) == name_key(second) != ""


def test_short_names_keep_their_ending_and_other_given_names_stay_apart():
    assert name_key("Guy Pell").split()[0] == "guy"
    assert not same_name(name_key("Jody Pell"), name_key("Judy Pell"))


def test_a_given_name_alone_is_the_person_named_in_full(run):
    analysis = run("Kody Arnfeld, 19, was arrested on Friday. His mother said Kody had done nothing wrong.")
    persons = [a for a in analysis.actors if a.kind == "person"]
    assert [a.name for a in persons] == ["Kody Arnfeld"]


@pytest.fixture
def db(tmp_path) -> Iterator[Corpus]:
    with fresh_database("sqlite", tmp_path) as url, newsgraph.open(url) as corpus:
        yield corpus


def test_two_spellings_of_a_given_name_in_two_articles_are_one_actor(db: Corpus):
    db.ingest(
        [
            said("a", ("Jody Marrow-Teague", "CAN", "the bill was flawed")),
            said("b", ("Jodie Marrow-Teague", "CAN", "she would vote against it")),
        ]
    )
    (person,) = db.actors(search="Marrow")
    assert person.quotes == 2 and person.articles == 2
