"""Typed records of the ``newsgraph.analysis/1`` contract.

Every extracted item carries character offsets (Python string indices) into
``Article.text``: that span is its evidence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

SCHEMA_ID = "newsgraph.analysis/1"

EVENT_STATUSES = ("occurred", "ongoing", "planned", "proposed", "hypothetical", "negated")


@dataclass
class Article:
    """One news article: its text and what is known about it."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    language: str = "en"


@dataclass
class Mention:
    """A span of the article text that names or refers to an actor."""

    start: int
    end: int
    text: str


@dataclass
class Actor:
    """A real-world actor mentioned in one article."""

    id: str
    name: str
    kind: str
    kb_id: str | None = None
    country: str | None = None
    sector: str | None = None
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Quote:
    """Reported speech: ``text`` is the content only, ``start``/``end`` its span."""

    id: str
    speaker: str | None
    speaker_name: str | None
    kind: str
    cue: str | None
    addressee: str | None
    text: str
    start: int
    end: int
    speakers: list[str] = field(default_factory=list)  # ids of all who speak together, ``speaker`` first


@dataclass
class TimeExpr:
    """A temporal expression with its TIMEX3-style value."""

    text: str
    start: int
    end: int
    value: str


@dataclass
class Place:
    """Where an event happened: the place mention and its country."""

    text: str
    country: str | None = None


@dataclass
class When:
    """When an event happened; ``assumed`` marks the publication date used as a fallback."""

    text: str | None
    value: str
    assumed: bool = False


@dataclass
class Evidence:
    """The span of text an event was read from."""

    start: int
    end: int
    text: str


@dataclass
class Event:
    """A PLOVER-coded event with newsgraph's status."""

    id: str
    type: str
    status: str
    source: list[str]
    target: list[str]
    trigger: str
    evidence: Evidence
    mode: str | None = None
    when: When | None = None
    where: Place | None = None
    cameo: str | None = None
    goldstein: float | None = None


@dataclass
class Analysis:
    """Everything ``analyze`` found in one article."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)

    @classmethod
    def from_doc(cls, doc: Doc, article: Article) -> Analysis:
        """The analysis of ``article`` from what newsgraph's spaCy components set on its ``doc``
        (``doc._.actors``, ``quotes``, ``events``, ``times``; see ``newsgraph.pipeline``)."""
        return cls(
            article=article, actors=doc._.actors.actors, quotes=doc._.quotes, events=doc._.events, times=doc._.times
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready ``newsgraph.analysis/1`` record."""
        return {
            "schema": SCHEMA_ID,
            "article": asdict(self.article),
            "actors": [asdict(a) for a in self.actors],
            "quotes": [asdict(q) for q in self.quotes],
            "events": [asdict(e) for e in self.events],
            "times": [asdict(t) for t in self.times],
        }
