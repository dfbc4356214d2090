"""Reported speech: direct, partial and indirect quotes with a resolved speaker.

Five passes over one parsed document, in this order; each adds to the quotes found so far
(`state.State.found`) and skips what an earlier pass already took:

1. `direct.direct_quotes`: quotations attached to an adjacent cue (`“…,” she said`, `said X`,
   `X told reporters: “…”`), split quotes, quotations joined by "and", multi-paragraph chains,
   and a quoted sentence with no cue of its own that goes on from the previous quote;
2. `reported.reported_clauses`: sentence-opening "according to X", then cue verbs with a clausal
   complement (indirect speech, or partial when the clause holds quoted words; advice verbs with
   an infinitive, naming verbs with an object predicate), parenthetical cues ("…, X says, …"),
   then any other "according to X";
3. `fragments.governed_fragments`: quoted fragments governed by a cue verb outside such a clause
   ("called him “a predator”");
4. `direct.standalone_quotations`: quoted sentences with no cue at all (the previous speaker,
   else the person quoted in the previous paragraph, else its person subject);
5. `direct.posts`: social-media posts embedded with an author signature.

A quotation attached to nothing (a scare quote such as a “buffer zone”) is not a quote. Who
speaks is `speakers.speaker`, with everyone a coordinated subject names ("X, Y and Z argue")
as the quote's ``speakers``; the quotes' character ranges come from `spans`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.extract.actors import ActorIndex
from newsgraph.extract.quotes.cues import cue_text
from newsgraph.extract.quotes.direct import direct_quotes, posts, standalone_quotations
from newsgraph.extract.quotes.fragments import governed_fragments
from newsgraph.extract.quotes.reported import reported_clauses
from newsgraph.extract.quotes.spans import word_bounds
from newsgraph.extract.quotes.state import Found, State
from newsgraph.model import Actor, Quote

PASSES = (direct_quotes, reported_clauses, governed_fragments, standalone_quotations, posts)


def extract_quotes(doc: Doc, actors: ActorIndex) -> list[Quote]:
    """All reported speech in ``doc``, speakers resolved through ``actors``."""
    state = State(doc, actors)
    for find in PASSES:
        find(state)
    return quotes(state)


def together(state: State, found: Found) -> list[Actor]:
    """Everyone who says a quote: the coordinated subject of its cue ("X, Y and Z argue …") when
    the speaker heads it, else the speaker alone."""
    group = state.groups.get(found.cue.i, []) if found.cue is not None else []
    if found.speaker is not None and group[:1] == [found.speaker]:
        return group
    return [found.speaker] if found.speaker is not None else []


def quotes(state: State) -> list[Quote]:
    """The quotes found, in text order and numbered, each widened to whole words."""
    result = []
    for number, found in enumerate(sorted(state.found, key=lambda f: f.start), start=1):
        found.start, found.end = word_bounds(state.text, found.start, found.end)
        result.append(
            Quote(
                id=f"Q{number}",
                speaker=found.speaker.id if found.speaker else None,
                speaker_name=found.speaker.name if found.speaker else found.speaker_text,
                kind=found.kind,
                cue=cue_text(found.cue) if found.cue is not None else None,
                addressee=found.addressee.id if found.addressee else None,
                text=state.text[found.start : found.end],
                start=found.start,
                end=found.end,
                speakers=[a.id for a in together(state, found)],
            )
        )
    return result
