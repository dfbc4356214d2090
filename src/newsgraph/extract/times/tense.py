"""Tense: whether the clause governing an expression is about the future."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.lang.en.times import (
    AUX_DEPS,
    FUTURE_LEMMAS,
    MODALS,
    PRESENT_BE,
    PRESENT_TAGS,
    TENSE_CLIMB_DEPS,
    WILL_AUX,
)


def is_future(span: Span) -> bool:
    """Whether the clause governing ``span`` is about the future (will, is scheduled to, ...).

    Climbs from the governing verb through xcomp/acomp ("is due to meet", "plans to go").
    """
    verb = _governing_verb(span.root)
    while verb is not None:
        if _future_marked(verb):
            return True
        if verb.dep_ not in TENSE_CLIMB_DEPS or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token``."""
    while token.pos_ not in ("VERB", "AUX"):
        if token.head.i == token.i:
            return None
        token = token.head
    return token


def _future_marked(verb: Token) -> bool:
    """Future or modal auxiliary, present simple or progressive, present "is scheduled/expected"."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in AUX_DEPS}
    if auxes & WILL_AUX:
        return True
    if auxes & MODALS:
        return "have" not in auxes
    if verb.tag_ in PRESENT_TAGS:
        return True
    return bool(auxes & PRESENT_BE) and (verb.tag_ == "VBG" or verb.lemma_ in FUTURE_LEMMAS)
