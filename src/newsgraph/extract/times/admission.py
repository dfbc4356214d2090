"""Which matches are temporal expressions: not sets, periods or parts of names; gated by the NER."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.lang.en.times import MONTHS, NAME_LABELS, PERIOD_MARKERS, SET_MARKERS, WEEKDAYS


def admissible(span: Span) -> bool:
    """Whether a match is a temporal expression worth resolving."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return not (_set_or_period(span, before) or _in_name(span, before)) and _gated(span, before)


def _set_or_period(span: Span, before: Token | None) -> bool:
    """Sets ("every Tuesday"), fiscal periods, durations with "the" ("the last year")."""
    word = before.lower_ if before is not None else ""
    if word == "the":
        return span.label_ not in ("CAL", "SEASON")
    return word in SET_MARKERS or word in PERIOD_MARKERS


def _in_name(span: Span, before: Token | None) -> bool:
    """Part of a name: "Super Tuesday", "Good Friday", a show called "This Week", "USA TODAY"."""
    if any(t.ent_type_ in NAME_LABELS for t in span):
        return True
    if before is not None and span[0].ent_iob_ == "I" and _capitalised(before):
        return True
    return any(_capitalised(t) for t in span if t.lower_ not in MONTHS and t.lower_ not in WEEKDAYS)


def _capitalised(token: Token) -> bool:
    """A capitalised or upper-case word that does not start its sentence."""
    return token.is_alpha and not token.is_sent_start and (token.is_title or token.is_upper)


def _gated(span: Span, before: Token | None) -> bool:
    """A bare month needs a DATE entity; a bare year a DATE entity or a preposition before it."""
    if span.label_ != "CAL":
        return True
    if not any(t.text[:1].isdigit() or t.text[-1:].isdigit() for t in span):
        return all(t.ent_type_ == "DATE" for t in span if t.lower_ in MONTHS)
    if len(span) == 1:
        return span[0].ent_type_ == "DATE" or (before is not None and before.pos_ == "ADP")
    return True
