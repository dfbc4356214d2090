"""What the passes share over one document: its parse, layout and actors, and the quotes found so far."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.extract.actors import ActorIndex
from newsgraph.extract.datelines import dateline_tokens
from newsgraph.extract.layout import layout_of
from newsgraph.model import Actor


@dataclass
class Found:
    """A quote as a pass finds it: who said it, how, to whom, and its character range."""

    speaker: Actor | None
    speaker_text: str | None
    kind: str
    cue: Token | None
    addressee: Actor | None
    start: int
    end: int


class State:
    """One document's parse, layout and actors, with the quotes the passes have found so far."""

    def __init__(self, doc: Doc, actors: ActorIndex):
        self.doc = doc
        self.actors = actors
        self.layout = layout_of(doc)
        self.text = self.layout.text
        self.quotations = self.layout.quotations
        self.heading_tokens = self.layout.heading_tokens
        self.found: list[Found] = []
        self.groups: dict[int, list[Actor]] = {}  # cue token -> the actors of a coordinated subject
        self.datelines = dateline_tokens(self.layout)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens of a character range, widened to whole tokens."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def inside_quotation(self, token: Token) -> bool:
        """True for a token between quotation marks."""
        return self.layout.in_quotation(token)

    def has_quotation(self, start: int, end: int) -> bool:
        """True when a whole quotation lies in the range: its quoted words make a quote partial."""
        return any(start <= q.inner_start and q.inner_end <= end + 1 for q in self.quotations)

    def overlaps(self, start: int, end: int) -> bool:
        """True when the range overlaps a found quote."""
        return any(f.start < end and start < f.end for f in self.found)

    def covered(self, start: int, end: int) -> bool:
        """True when most of the range is already part of a found quote."""
        for quote in self.found:
            overlap = min(end, quote.end) - max(start, quote.start)
            if overlap > 0.5 * (end - start):
                return True
        return False
