"""Event triggers: the words that denote an event, each with its sense.

Lemmas of the lexicon whose syntax bears out one of their readings (``lexicon``), and the main
verb of a sentence without one when the trained classifier is confident of its type
(``classifier``). Names in quotation marks nobody is reported to say ("a 'peace summit'"), nouns
called "so-called", and nouns that only restate the content of another trigger ("signed a
deal") are no triggers.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.extract.events.classifier import proposals
from newsgraph.extract.events.lexicon import Sense, sense_of, trigger_tokens
from newsgraph.extract.events.roles import RoleFinder
from newsgraph.extract.layout import layout_of
from newsgraph.lang.en.events import MUTUAL_ACTS
from newsgraph.model import Quote

# Characters before a trigger searched for "so-called".
SO_CALLED_WINDOW = 30


def event_triggers(doc: Doc, finder: RoleFinder, quotes: Sequence[Quote]) -> tuple[list[Token], dict[int, Sense]]:
    """The triggers of ``doc`` in text order, and the sense of every word read as an event by
    token index (restating nouns and scare-quoted words included)."""
    triggers = trigger_tokens(doc)
    senses = {t.i: s for t in triggers if (s := sense_of(t, finder.names_actor)) is not None}
    proposed = proposals(doc, senses)
    if proposed:
        senses.update(proposed)
        triggers = [doc[i] for i in sorted({t.i for t in triggers} | proposed.keys())]
    scare = _scare_quoted(doc, quotes, [t for t in triggers if t.i in senses]) if senses else set()
    kept = [t for t in triggers if t.i in senses and t.i not in scare and not _restates(t, senses[t.i], senses)]
    return kept, senses


def _scare_quoted(doc: Doc, quotes: Sequence[Quote], triggers: list[Token]) -> set[int]:
    """Tokens of quotations nobody is reported to say (a "peace summit"), and nouns called
    "so-called": names, not events."""
    spoken = [(q.start, q.end) for q in quotes]
    layout = layout_of(doc)  # text and quotations, computed once per document
    text = layout.text
    tokens: set[int] = set()
    for quotation in layout.quotations:
        if any(start <= quotation.inner_start < end for start, end in spoken):
            continue
        span = doc.char_span(quotation.inner_start, quotation.inner_end, alignment_mode="expand")
        if span is not None:
            tokens.update(t.i for t in span)
    tokens.update(t.i for t in triggers if "so-called" in text[max(0, t.idx - SO_CALLED_WINDOW) : t.idx].lower())
    return tokens


def _restates(token: Token, sense: Sense, senses: dict[int, Sense]) -> bool:
    """A noun that is the object of another trigger ("signed a deal"); not a meeting nor a mutual
    act ("agreed to a prisoner swap": the swap is an act of its own), nor the subject of one
    ("the attack by X killed five": the attack is the act, X its source)."""
    if token.pos_ != "NOUN" or sense.type == "CONSULT" or token.lemma_.lower() in MUTUAL_ACTS:
        return False
    if token.dep_ == "nsubj":
        return False
    head = token.head
    if head.dep_ == "prep" and token.dep_ == "pobj":
        head = head.head
    return head != token and head.i in senses and head.pos_ == "VERB"
