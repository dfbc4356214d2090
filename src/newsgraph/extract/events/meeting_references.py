"""CONSULT events for nominal references to a meeting: "last week's talks in Geneva had been constructive", "the
Washington meeting had achieved nothing", "the trilateral meeting that ended Thursday in Geneva produced …".

Such a phrase names no participant, so the main extractor gives no event. It is one where it is definite ("the",
"this", a possessive, a place name before it: "Geneva talks") and says which meeting it is by a time, a place or
an ordinal of its own; its participants are those of the article's context (``context_sides``): the nearest
meeting event before it, else the countries its sentence names, else the first meeting event after it (a
headline's "Geneva talks end …"). A meeting word whose subject is a definite group ("the two ministers agreed to
meet again") is one too. The meeting layer (``newsgraph.meetings``) links it to the meeting it names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.extract.events.anchors import Anchors, attached_time, event_place
from newsgraph.extract.events.lexicon import Sense, generic_sense
from newsgraph.extract.events.roles import RoleFinder
from newsgraph.extract.events.status import event_status
from newsgraph.lang.en.meetings import (
    ALL_SIDES_PREPOSITIONS,
    AUDIENCE_NOUNS,
    CALL_NOUNS,
    CALL_VERBS,
    CLAUSE_CLIMB,
    DEFINITE_DETERMINERS,
    FURTHER_WORDS,
    GROUP_DETERMINERS,
    GROUP_ORIGIN_PREPOSITIONS,
    GROUP_REFERENCES,
    MEDIATION_TRIGGERS,
    MEETING_VERBS,
    ORDINALS,
    PHONE_WORDS,
    PLACE_PREPOSITIONS,
    REFERENCE_CLAUSES,
    REFERENCE_NOUNS,
)
from newsgraph.model import Event, Evidence, Place, When

CALENDAR_VALUE = re.compile(r"\d{4}(-\d{2}){0,2}")  # a TIMEX year, month or day
MIN_SIDES = 2  # a meeting resolved from its context has at least two sides
NOUN_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass")  # where a word mistagged as a verb stands as a noun
CONTEXT_STAGES = ("before", "after")  # where a reference's sides are looked for, in this order


@dataclass(frozen=True)
class Reference:
    """A definite meeting noun with its own time, place or ordinal."""

    noun: Token
    when: When | None
    where: Place | None
    group: Token | None = None  # the group subject that refers to the sides ("the delegations")
    sides: tuple[str, ...] = ()  # the countries the group names itself ("the presidents of Chile and Peru")
    host: Token | None = None  # the word whose tense tells the status, where not the noun ("Talks … ended")


def meeting_references(
    events: Sequence[Event],
    anchors: Anchors,
    senses: dict[int, Sense],
    finder: RoleFinder,
    published: dt.date | None,
) -> list[Event]:
    """CONSULT events for the nominal meeting references of ``finder.doc`` that no event of ``events`` covers and
    whose participants the context gives; earlier references are context for later ones."""
    covered = [_trigger_span(e.trigger, s) for e in events for s in (e.evidence, *e.mentions)]
    references = _references(finder, anchors, senses, covered)
    found: list[Event] = []
    resolved: set[int] = set()
    for stage in CONTEXT_STAGES:  # the meeting before or the sentence's countries; the meeting after
        for reference in references:
            if reference.noun.i in resolved:
                continue
            sides, antecedent = context_sides(reference.noun, [*events, *found], finder, stage)
            sides = list(reference.sides) or sides
            if sides and not (antecedent is not None and _restates(reference, antecedent)):
                found.append(_event(reference, sides, published))
            if sides:
                resolved.add(reference.noun.i)
    return sorted(found, key=lambda e: e.evidence.start)


def _trigger_span(trigger: str, evidence: Evidence) -> tuple[int, int]:
    """Where an event's trigger stands in its evidence (the whole evidence where it is not found)."""
    at = evidence.text.rfind(trigger)
    return (evidence.start + at, evidence.start + at + len(trigger)) if at >= 0 else (evidence.start, evidence.end)


def _references(
    finder: RoleFinder, anchors: Anchors, senses: dict[int, Sense], covered: list[tuple[int, int]]
) -> list[Reference]:
    """The meeting references of the text in whose phrase no event's trigger stands (``_reference``)."""
    found: list[Reference] = []
    for token in finder.doc:
        if not _meeting_word(token) or _quoted(token):
            continue
        low, high = _extent(token)
        if any(start < high and low < end for start, end in covered):
            continue  # "a third round of talks between X and Y": the event of "talks" tells of it
        reference = _reference(token, finder, anchors, senses)
        if reference is not None:
            found.append(reference)
    return found


def _extent(token: Token) -> tuple[int, int]:
    """The characters a meeting word tells of: a noun's phrase; a verb from its subject to itself ("the presidents
    of A and B last met", not the clause after it that another event tells of)."""
    if token.pos_ != "VERB":
        return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    first = min([token, *(s.left_edge for s in subjects)], key=lambda t: t.i)
    return first.idx, token.idx + len(token)


def _reference(token: Token, finder: RoleFinder, anchors: Anchors, senses: dict[int, Sense]) -> Reference | None:
    """A meeting word whose subject is a definite group; a definite meeting noun with its own time, place or
    ordinal (its clauses' time and place included: "the meeting that ended Thursday in Geneva"); a further or
    numbered one with its own time or place ("a further round in Istanbul", "a second round in Geneva"); a
    meeting noun that lists its sides ("talks between A and B")."""
    hosts = [token, *(c for c in token.children if c.dep_ in REFERENCE_CLAUSES)]
    when = next((w for w in (attached_time(h, anchors, senses) for h in hosts) if w), None)
    where = next((p for p in (event_place(h, anchors, finder) for h in hosts) if p), None)
    where = where or _named_before(token, anchors)
    group = _group_subject(token, finder)
    if group is not None:
        return Reference(token, when, where, group, _own_sides(group, finder))
    if _nominal(token) and (when or where or _ordinal(token)) and _specific(token, finder, bool(when or where)):
        return Reference(token, when, where)
    return _listing_sides(token, when, where, finder, anchors)


def _specific(token: Token, finder: RoleFinder, placed: bool) -> bool:
    """A noun that says which meeting: definite ("the talks", "Geneva talks"), or further or numbered with its own
    time or place (``placed``): "a further round would be held in Istanbul in April", "a second round in Geneva"."""
    further = any(c.dep_ in ("amod", "det") and c.lower_ in FURTHER_WORDS for c in token.children)
    return _definite(token, finder) or (placed and (further or _ordinal(token)))


def _listing_sides(
    token: Token, when: When | None, where: Place | None, finder: RoleFinder, anchors: Anchors
) -> Reference | None:
    """A meeting noun that lists its sides ("talks between A and B"), dated by its verb where it is the subject
    ("Talks between A and B ended on Tuesday")."""
    between = _own_sides(token, finder, ALL_SIDES_PREPOSITIONS)
    if not between:
        return None
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return Reference(token, when, where, sides=between)
    verb = token.head
    return Reference(token, when or _clause_time(verb, anchors, finder), where, sides=between, host=verb)


def _clause_time(verb: Token, anchors: Anchors, finder: RoleFinder) -> When | None:
    """The first time expression attached to the verb outside a dateline ("ISLAMABAD, Oct 28 - … ended on
    Tuesday")."""
    for time, span in anchors.times:
        if span is not None and anchors.dated.get(id(time)) == verb and span.start not in finder.datelines:
            return When(text=time.text, value=time.value)
    return None


def _quoted(token: Token) -> bool:
    """The word stands inside quotation marks its sentence opened before it (a scare-quoted “peace summit”)."""
    before = token.doc.text[token.sent.start_char : token.idx]
    return before.rfind("“") > before.rfind("”") or before.count('"') % 2 == 1


def _meeting_word(token: Token) -> bool:
    """A meeting noun ("talks", "summit", "a phone call") or verb ("meet", "phoned", "spoke by telephone")."""
    if _nominal(token):
        return token.lower_ in REFERENCE_NOUNS or (token.lower_ in CALL_NOUNS and _by_phone(token, "compound"))
    lemma = token.lemma_.lower()
    return token.pos_ == "VERB" and (lemma in MEETING_VERBS or (lemma in CALL_VERBS and _by_phone(token, "prep")))


def _nominal(token: Token) -> bool:
    """A noun, or a meeting word the tagger took for a name or a verb where it stands as a noun: "… (Reuters) -
    Talks between A and B", a headline's "Opposition criticises Lima talks"."""
    if token.pos_ == "NOUN":
        return True
    if token.pos_ == "PROPN":
        return token.is_title
    return token.pos_ == "VERB" and token.dep_ in NOUN_DEPS and token.lower_ in REFERENCE_NOUNS


def _by_phone(token: Token, dep: str) -> bool:
    """A phone word tells the token is a call: "a phone call" (compound), "spoke by telephone" (prep)."""
    return any(word.dep_ == "compound" if dep == "compound" else word.dep_ == "pobj" for word in _phone_words(token))


def _phone_words(token: Token) -> list[Token]:
    """The phone words that make the token a call: "a phone call", "spoke by telephone"."""
    found = [c for c in token.children if c.dep_ == "compound" and c.lower_ in PHONE_WORDS]
    for child in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"):
        found += [g for g in child.children if g.dep_ == "pobj" and g.lower_ in PHONE_WORDS]
    return found


def _group_subject(token: Token, finder: RoleFinder) -> Token | None:
    """The subject of the meeting word's clause that is a definite group naming no country: "the
    delegations agreed to meet again", "the two leaders agreed to hold a summit"."""
    node = token
    for _ in range(CLAUSE_CLIMB):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return next((s for s in subjects if _group(s, finder)), None)
        if node.head == node:
            return None
        node = node.head
    return None


def _group(subject: Token, finder: RoleFinder) -> bool:
    """ "the delegations", "the two leaders", "both sides", "the foreign ministers of A and B": a group word with a
    definite determiner, and no country before it ("the Russian delegation" names its own)."""
    determiners = [c for c in subject.lefts if c.dep_ in ("det", "predet", "poss") and c.lower_ in GROUP_DETERMINERS]
    if subject.lower_ not in GROUP_REFERENCES or not determiners:
        return False
    modifiers = [c for c in subject.lefts if c.dep_ in ("amod", "compound", "poss") and c not in determiners]
    named = any(a.country for c in modifiers for a in finder.resolve(c))  # "Russian", not "foreign"
    return not named or bool(_own_sides(subject, finder))


def _own_sides(
    group: Token, finder: RoleFinder, prepositions: tuple[str, ...] = GROUP_ORIGIN_PREPOSITIONS
) -> tuple[str, ...]:
    """The actors of the countries a group or a meeting names after it, at least two: "the presidents of Chile
    and Peru", "talks between Chile and Peru"."""
    found: list[str] = []
    for prep in (c for c in group.children if c.dep_ == "prep" and c.lower_ in prepositions):
        for word in (w for g in prep.children if g.dep_ == "pobj" for w in finder.actors.conjuncts(g)):
            found.extend(a.id for a in finder.party(word) if a.country and a.id not in found)
    return tuple(found) if len(found) >= MIN_SIDES else ()


def _definite(token: Token, finder: RoleFinder) -> bool:
    """ "the talks", "last week's talks", "the Geneva talks", "Geneva talks" (a name before it), not "a meeting"
    nor a noun that names its own participants ("Russia-Ukraine talks", "their talks")."""
    if any(finder.names_actor(c) for c in token.children if c.dep_ in ("poss", "compound", "amod")):
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS) or c.dep_ == "poss" or _place_word(c)
        for c in token.lefts
    )


def _place_word(token: Token) -> bool:
    return token.dep_ == "compound" and token.pos_ == "PROPN"


def _named_before(token: Token, anchors: Anchors) -> Place | None:
    """A place the actor layer listed just before the noun ("the Washington meeting", "Geneva talks")."""
    for place, span in anchors.places:
        if span is not None and span.root.head == token and _place_word(span.root):
            return Place(text=place.text, country=place.country)
    return None


def _ordinal(token: Token) -> bool:
    """ "the first round", "the second meeting"."""
    return any(c.dep_ == "amod" and c.lower_ in ORDINALS for c in token.children)


def context_sides(
    noun: Token, events: Sequence[Event], finder: RoleFinder, stage: str
) -> tuple[list[str], Event | None]:
    """The participants the context gives a reference and the event they come from: at the ``"before"`` stage the
    nearest meeting event before it, else the countries its sentence names (at least two, no event); at
    ``"after"`` the first meeting event after it."""
    meetings = [
        e
        for e in events
        if e.type == "CONSULT"
        and len({*e.source, *e.target}) >= MIN_SIDES
        and e.trigger.casefold() not in MEDIATION_TRIGGERS  # "mediated by Qatar and Turkey": no sides
        and not _audience(e, finder)  # "told reporters after the talks": no sides either
    ]
    if stage == "after":
        later = [e for e in meetings if e.evidence.start > noun.idx]
        return _sides(min(later, key=lambda e: e.evidence.start)) if later else ([], None)
    earlier = [e for e in meetings if e.evidence.start < noun.idx]
    if earlier:
        return _sides(max(earlier, key=lambda e: e.evidence.start))
    countries = _sentence_countries(noun, finder)
    return (countries, None) if len(countries) >= MIN_SIDES else ([], None)


def _sentence_countries(noun: Token, finder: RoleFinder) -> list[str]:
    """The actors of the countries and organisations the reference's sentence names, one per country, but not
    its own place ("the meeting in Lima", "the Lima summit")."""
    own = {t.i for t in noun.subtree if _place_word(t) or t.head.lower_ in PLACE_PREPOSITIONS}
    countries: dict[str, str] = {}
    for token in noun.sent:
        actor = finder.actors.actor_at(token) if token.i not in own else None
        if actor is not None and actor.country and actor.kind in ("country", "organization"):
            countries.setdefault(actor.country, actor.id)
    return list(countries.values())


def _audience(event: Event, finder: RoleFinder) -> bool:
    """The event has the reporters or journalists someone spoke to as an actor."""
    last = {a.id: a.name.casefold().split()[-1] for a in finder.actors.actors if not a.country and a.name.strip()}
    return any(last.get(i) in AUDIENCE_NOUNS for i in (*event.source, *event.target))


def _sides(event: Event) -> tuple[list[str], Event]:
    return list(dict.fromkeys([*event.source, *event.target])), event


def _restates(reference: Reference, antecedent: Event) -> bool:
    """The reference stands in the sentence of the meeting event it takes its sides from and tells no other time
    or place: "X met Y for the second round of talks" is one event (the meeting layer reads the round off the
    sentence), unlike "X ruled out talks with Y, saying the Washington meeting had achieved nothing"."""
    sentence = reference.noun.sent
    if not sentence.start_char <= antecedent.evidence.start < sentence.end_char:
        return False
    when, where = reference.when, reference.where
    return (when is None or (antecedent.when is not None and antecedent.when.value == when.value)) and (
        where is None or (antecedent.where is not None and antecedent.where.text == where.text)
    )


def dated_status(status: str, when: When | None, published: str | None) -> str:
    """A reference's own date settles its tense: "the Warsaw summit on July 8" published before it is planned,
    "the talks follow last month's meeting" (present tense) is of a meeting held."""
    if when is None or published is None or not CALENDAR_VALUE.fullmatch(when.value):
        return status  # not a year, month or day ("2026-W47", "PAST_REF")
    value, day = when.value[:10], published[:10]
    if day.startswith(value) or value.startswith(day):
        return status
    if status in ("occurred", "ongoing") and value > day:
        return "planned"
    return "occurred" if status == "ongoing" and value < day else status


def _event(reference: Reference, sides: list[str], published: dt.date | None) -> Event:
    """The CONSULT event of a reference: the context's sides, its own time and place, the status its clause gives."""
    noun = reference.noun
    when = reference.when
    day = published.isoformat() if published else None
    status = dated_status(event_status(reference.host or noun, when.value if when else None, day), when, day)
    first = reference.group.left_edge.i if reference.group is not None else noun.left_edge.i
    last = max([noun.i, *(t.i for t in _phone_words(noun))])  # "spoke by telephone": the kind of meeting
    if reference.sides and reference.group is None:  # "Talks between A and B in Istanbul": the sides it lists
        last = noun.right_edge.i
    span = noun.doc[min(first, noun.left_edge.i) : last + 1]
    sense = generic_sense("CONSULT")
    return Event(
        id="",
        type="CONSULT",
        status=status,
        source=sides[:1],
        target=sides[1:],
        trigger=noun.text,
        evidence=Evidence(start=span.start_char, end=span.end_char, text=span.text),
        mode=None,
        when=when,
        where=reference.where,
        cameo=sense.cameo,
        goldstein=sense.goldstein,
    )
