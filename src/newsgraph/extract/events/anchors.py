"""When and where an event happened, from the time expressions and places around its trigger.

A time expression dates the verb or trigger noun it hangs off (``attached_time``), or a trigger
in the subject of a copula it hangs off ("the last time X and Y met was in 2019":
``identified_time``); an occurred event with neither takes the publication date, marked assumed
(``assumed_time``). The place (``event_place``) is one the actor layer listed in a locative phrase
of the trigger, its clause or its partner ("met with X in Y"), or the destination of a trip, else
a place the NER names in such a phrase.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors import PlaceMention
from newsgraph.extract.events.lexicon import Sense
from newsgraph.extract.events.roles import RoleFinder, clause_verb, direct_under
from newsgraph.lang.en.events import LOCATIVE_PREPS, PLACE_LABELS, TIME_CLIMB, TRAVEL
from newsgraph.model import Place, TimeExpr, When

# Heads climbed at most from a time expression to the word it dates.
MAX_TIME_CLIMB = 6


@dataclass(frozen=True)
class Anchors:
    """The article's time expressions and places with their token spans (None where a span does
    not align), and the word each time expression dates, by ``id`` of the time expression."""

    times: list[tuple[TimeExpr, Span | None]]
    places: list[tuple[PlaceMention, Span | None]]
    dated: dict[int, Token | None]


def anchors_of(doc: Doc, times: list[TimeExpr], places: list[PlaceMention], senses: dict[int, Sense]) -> Anchors:
    """The spans of ``times`` and ``places`` in ``doc``, and the word each time dates."""
    time_spans = [(t, doc.char_span(t.start, t.end, alignment_mode="expand")) for t in times]
    place_spans = [(p, doc.char_span(p.start, p.end, alignment_mode="expand")) for p in places]
    dated = {id(t): _dated_word(span.root, senses) for t, span in time_spans if span is not None}
    return Anchors(time_spans, place_spans, dated)


def _dated_word(token: Token, senses: dict[int, Sense]) -> Token | None:
    """The verb or trigger noun a time expression hangs off."""
    node = token
    for _ in range(MAX_TIME_CLIMB):
        if node != token and (node.pos_ in ("VERB", "AUX") or node.i in senses):
            return node
        if node.dep_ not in TIME_CLIMB or node.head == node:
            return node.head if node.head != node else None
        node = node.head
    return None


# -- when ----------------------------------------------------------------------------------


def attached_time(token: Token, anchors: Anchors, senses: dict[int, Sense]) -> When | None:
    """A time expression attached to the trigger, or to the clause of a noun trigger."""
    verb = clause_verb(token)
    for time, span in anchors.times:
        dated = anchors.dated.get(id(time))
        if dated is None or span is None:
            continue
        if dated == token or (
            token.pos_ == "NOUN" and dated == verb and verb.i not in senses and direct_under(token, verb)
        ):
            return When(text=time.text, value=time.value)
    return None


def identified_time(token: Token, anchors: Anchors) -> When | None:
    """ "The last time X and Y met was in 2019": a copula whose subject holds the trigger."""
    for time, span in anchors.times:
        dated = anchors.dated.get(id(time))
        if span is None or dated is None or dated.lemma_ != "be":
            continue
        subjects = [c for c in dated.children if c.dep_ == "nsubj"]
        if any(token in s.subtree for s in subjects):
            return When(text=time.text, value=time.value)
    return None


def assumed_time(published: dt.date | None) -> When | None:
    """The publication date, marked as assumed, for an occurred event with no time of its own."""
    return When(text=None, value=published.isoformat(), assumed=True) if published else None


# -- where ---------------------------------------------------------------------------------


def event_place(token: Token, anchors: Anchors, finder: RoleFinder) -> Place | None:
    """A place in a locative phrase of the trigger, its clause or its partner ("met with X in Y"),
    or the destination of a trip; a place the actor layer did not list is read off the NER."""
    hosts = _place_hosts(token)
    return _listed_place(token, anchors, hosts) or _named_place(hosts, finder)


def dateline_place(anchors: Anchors, datelines: set[int]) -> Place | None:
    """The place of the article's dateline ("ABU DHABI (Reuters) -"), where its news happens."""
    for place, span in anchors.places:
        if span is not None and span.start in datelines:
            return Place(text=place.text, country=place.country)
    return None


def near_publication(when: When | None, published: dt.date | None, days: int = 7) -> bool:
    """The event is the article's news: no time of its own, or one within ``days`` of publication."""
    if when is None or when.assumed:
        return True
    if published is None or len(when.value) < 10:
        return False
    try:
        return abs((dt.date.fromisoformat(when.value[:10]) - published).days) <= days
    except ValueError:
        return False


def _place_hosts(token: Token) -> set[Token]:
    """The words a place phrase of the event may hang off: the trigger, its clause's verb, its
    partners ("met with X"), objects and conjuncts, and their appositions."""
    verb = clause_verb(token)
    partners = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    hosts = {token, *partners, *(c for c in token.children if c.dep_ in ("dobj", "conj"))}
    if verb is not None:
        hosts.add(verb)
    hosts |= {c for h in list(hosts) for c in h.children if c.dep_ == "appos"}
    return hosts


def _listed_place(token: Token, anchors: Anchors, hosts: set[Token]) -> Place | None:
    """The first place of the actor layer that places the event."""
    for place, span in anchors.places:
        if span is not None and _places_event(token, span.root, hosts):
            return Place(text=place.text, country=place.country)
    return None


def _places_event(token: Token, place: Token, hosts: set[Token]) -> bool:
    """The place is what the trigger visits, the destination of a trip, or in a locative phrase
    of a host."""
    prep = place.head
    anchor = prep.head
    if place.dep_ == "dobj" and prep == token and token.lemma_ == "visit":
        return True
    if prep.lower_ == "to" and anchor.lemma_.lower() in TRAVEL and (anchor in hosts or anchor.head in hosts):
        return True
    return prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS and anchor in hosts


def _named_place(hosts: set[Token], finder: RoleFinder) -> Place | None:
    """A place the NER names in a locative phrase of a host, that names no actor but a country."""
    for host in hosts:
        for prep in host.children:
            if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.ent_type_ not in PLACE_LABELS:
                    continue
                actor = finder.actors.actor_at(pobj)
                if actor is None:
                    return finder.place_of(pobj)
                if actor.kind == "country":  # "met in Turkey": the country as a place
                    return Place(text=finder.place_of(pobj).text, country=actor.country)
    return None
