"""Sentence starts set before the parser (nlp.mark_paragraph_starts); texts written for these tests."""

import pytest

from newsgraph.nlp import load


@pytest.fixture(scope="module")
def nlp():
    return load()


def test_no_sentence_starts_right_after_a_word(nlp):
    doc = nlp("Leaders sign border deal in Tallinn\n\nKaja and Lars met in Tallinn on Tuesday and signed an agreement.")
    assert [s.text.strip() for s in doc.sents] == [
        "Leaders sign border deal in Tallinn",
        "Kaja and Lars met in Tallinn on Tuesday and signed an agreement.",
    ]


def test_a_sentence_still_starts_after_an_abbreviation_that_ends_one(nlp):
    doc = nlp("Troops left the U.S. The president said it was over.")
    assert [s.text.strip() for s in doc.sents] == ["Troops left the U.S.", "The president said it was over."]
