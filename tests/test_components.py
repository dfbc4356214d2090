"""newsgraph extractors used as spaCy components."""

from datetime import date

import spacy

import newsgraph.components  # noqa: F401  (registers the factories)
from newsgraph import nlp as nlp_loader


def test_quotes_component_fills_doc_extension():
    nlp_copy = spacy.load(nlp_loader.model_name())
    nlp_copy.add_pipe("newsgraph_quotes")
    assert nlp_copy.pipe_names[-2:] == ["newsgraph_actors", "newsgraph_quotes"]
    doc = nlp_copy.make_doc("“We will sign on Friday,” said Ingrid Halvorsen.")
    doc._.published = date(2025, 3, 10)
    for _name, component in nlp_copy.pipeline:
        doc = component(doc)
    assert [(q.speaker_name, q.kind, q.text) for q in doc._.quotes] == [
        ("Ingrid Halvorsen", "direct", "We will sign on Friday,")]
    assert doc._.actors.actors[0].name == "Ingrid Halvorsen"
