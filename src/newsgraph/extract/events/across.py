"""Across the events of a document: whom a rejection answers, one event per sentence, type,
participants and status, and one event per real-world event (later statements become mentions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.extract.events.lexicon import Sense
from newsgraph.extract.events.roles import Roles
from newsgraph.lang.en.events import REJECTED_DEPS, REPLY_OBJECTS
from newsgraph.model import Event, Quote

# PLOVER types whose participants act together: "X and Y met" is X with Y.
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# PLOVER types a rejection may answer ("rejected the demand").
REJECTABLE = frozenset({"REQUEST", "ACCUSE", "THREATEN", "SANCTION"})
REPLY_WINDOW = 3  # sentences back in which a rejection finds what it rejects


@dataclass
class Found:
    """An event with the trigger and the roles it was read from."""

    trigger: Token
    roles: Roles
    event: Event


def reply_targets(found: list[Found], quotes: Sequence[Quote]) -> None:
    """ "X rejected the demand": the target is who made the demand (a recent request, accusation
    or threat by someone else), else the last other speaker quoted just before."""
    for index, item in enumerate(found):
        event = item.event
        if event.type != "REJECT" or event.target or not event.source or not _rejects_proposal(item.trigger):
            continue
        sentence = item.trigger.sent.start
        earlier = [
            f
            for f in found[:index]
            if f.event.type in REJECTABLE
            and f.event.source
            and f.event.source != event.source
            and _sentences_between(f.trigger, item.trigger) < REPLY_WINDOW
        ]
        if earlier:
            event.target = earlier[-1].event.source[:1]
            continue
        floor = item.trigger.doc[max(0, sentence - 80)].idx
        speakers = [
            q.speaker
            for q in quotes
            if q.speaker and floor <= q.start < item.trigger.idx and q.speaker not in event.source
        ]
        if speakers:
            event.target = [speakers[-1]]


def _rejects_proposal(trigger: Token) -> bool:
    """The rejected thing is a demand, proposal, charge... (or the head a relative clause
    "conditions that X rejected" hangs off)."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    if trigger.dep_ == "relcl":
        objects.append(trigger.head)
    return any(o.lemma_.lower() in REPLY_OBJECTS for o in objects)


def restated_rejection(item: Found, senses: dict[int, Sense]) -> bool:
    """ "ruled out sending troops": the negated event says it all; a REJECT of nobody goes."""
    return (
        item.event.type == "REJECT"
        and not item.event.target
        and any(c.i in senses for c in item.trigger.children if c.dep_ in REJECTED_DEPS)
    )


def _sentences_between(first: Token, second: Token) -> int:
    return sum(1 for t in first.doc[first.i + 1 : second.i + 1] if t.is_sent_start)


def deduplicate(found: list[Found]) -> list[Found]:
    """One event per (sentence, type, participants, status): "X met Y for talks" is one; an event
    of unknown target is the same as one of the sentence with its type, source and status and a
    target ("the attack by X killed five soldiers")."""
    found = [f for f in found if not _subsumed(f, found)]
    kept: list[Found] = []
    seen: set[tuple[int, str, frozenset[str], frozenset[str], str]] = set()
    for item in found:
        event = item.event
        sides: tuple[frozenset[str], frozenset[str]] = (frozenset(event.source + event.target), frozenset())
        if event.type not in SYMMETRIC:  # "X and Y accuse each other": two events
            sides = (frozenset(event.source), frozenset(event.target))
        key = (item.trigger.sent.start, event.type, *sides, event.status)
        if key in seen and (event.source or event.target):
            continue
        seen.add(key)
        kept.append(item)
    return kept


def _subsumed(item: Found, found: list[Found]) -> bool:
    event = item.event
    return not event.target and any(
        other.event.target
        and (other.event.type, other.event.source, other.event.status) == (event.type, event.source, event.status)
        and other.trigger.sent.start == item.trigger.sent.start
        for other in found
    )


def merge_mentions(found: list[Found]) -> list[Event]:
    """One event per real-world event: a later statement of the same type, sides and status that
    the text ties to the first (the same time or place, or "the talks" taking it up) becomes a
    further mention of it."""
    kept: list[Found] = []
    for item in found:
        same = next((k for k in kept if _same_event(k, item)), None)
        if same is None:
            kept.append(item)
            continue
        first, later = same.event, item.event
        first.mentions.append(later.evidence)
        if first.when is None or (first.when.assumed and later.when is not None and not later.when.assumed):
            first.when = later.when
        first.where = first.where or later.where
    return [k.event for k in kept]


def _same_event(kept: Found, item: Found) -> bool:
    first, later = kept.event, item.event
    if (first.type, first.status) != (later.type, later.status) or not (first.source or first.target):
        return False
    return _same_sides(first, later) and _tied(first, later, item.trigger)


def _same_sides(first: Event, later: Event) -> bool:
    if first.type in SYMMETRIC:
        return set(first.source + first.target) == set(later.source + later.target)
    return (set(first.source), set(first.target)) == (set(later.source), set(later.target))


def _tied(first: Event, later: Event, trigger: Token) -> bool:
    """No time or place tells the two apart, and the text ties them: the same time or place, a
    definite noun taking the first up, or a prospect restated with nothing new (past acts need a
    tie: two attacks are two events)."""
    times = {e.when.value for e in (first, later) if e.when is not None and not e.when.assumed}
    places = {e.where.text for e in (first, later) if e.where is not None}
    if len(times) > 1 or len(places) > 1:
        return False
    own_time = first.when is not None and not first.when.assumed and later.when == first.when
    restated = first.status != "occurred" and (first.when, first.where) == (later.when, later.where)
    return own_time or (len(places) == 1 and first.where == later.where) or _taken_up(trigger) or restated


def _taken_up(trigger: Token) -> bool:
    """ "the talks", "their meeting": a definite noun that refers back to an event."""
    return trigger.pos_ == "NOUN" and any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "another", "any", "no") for c in trigger.children
    )
