"""newsgraph's analysis as spaCy components registered by name (newsgraph.pipeline)."""

from datetime import date

import spacy

from newsgraph import nlp as nlp_loader
from newsgraph.model import Analysis, Article
from newsgraph.pipeline import ANALYSIS_COMPONENTS, Settings, make_nlp

TEXT = "“We will sign on Friday,” said Ingrid Halvorsen, who met Chilean President Marta Rojas yesterday."


def test_quotes_component_on_a_plain_pipeline_adds_what_it_needs():
    nlp = spacy.load(nlp_loader.model_name())
    nlp.add_pipe("newsgraph_quotes")
    assert nlp.pipe_names[-3:] == ["newsgraph_layout", "newsgraph_actors", "newsgraph_quotes"]
    doc = nlp.make_doc("“We will sign on Friday,” said Ingrid Halvorsen.")
    doc._.published = date(2025, 3, 10)
    doc = nlp(doc)
    assert [(q.speaker_name, q.kind, q.text) for q in doc._.quotes] == [
        ("Ingrid Halvorsen", "direct", "We will sign on Friday,")
    ]
    assert doc._.actors.actors[0].name == "Ingrid Halvorsen"


def test_events_component_adds_actors_quotes_and_times_and_shares_the_actors_kb():
    nlp = spacy.load(nlp_loader.model_name())
    nlp.add_pipe("newsgraph_events")
    assert nlp.pipe_names[-5:] == [
        "newsgraph_layout",
        "newsgraph_actors",
        "newsgraph_quotes",
        "newsgraph_times",
        "newsgraph_events",
    ]
    assert nlp.get_pipe("newsgraph_events").kb is nlp.get_pipe("newsgraph_actors").kb


def test_make_nlp_runs_the_analysis_after_spacy_and_equals_the_pipeline(pipeline):
    nlp = make_nlp(Settings())
    assert nlp.pipe_names[-len(ANALYSIS_COMPONENTS) :] == list(ANALYSIS_COMPONENTS)
    assert nlp.pipe_names.index("newsgraph_paragraphs") < nlp.pipe_names.index("parser")
    articles = [Article(id="a", text=TEXT, published="2025-03-10"), Article(id="b", text=TEXT, published="2024-01-03")]
    docs = []
    for article in articles:
        doc = nlp.make_doc(article.text)
        doc._.published = date.fromisoformat(article.published)
        docs.append(doc)
    records = [Analysis.from_doc(doc, article).to_dict() for doc, article in zip(nlp.pipe(docs), articles, strict=True)]
    assert records == [pipeline.analyze(article).to_dict() for article in articles]
    # each document's own publication date reached the components within one batch
    assert [[t["value"] for t in record["times"]] for record in records] == [
        ["2025-03-14", "2025-03-09"],
        ["2024-01-05", "2024-01-02"],
    ]
