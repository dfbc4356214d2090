"""PLOVER events: who did what to whom, when and where, with a status.

``extract_events(doc, actors, times, published, quotes, kb)`` runs these steps:

1. triggers (``triggers``): lexicon lemmas whose syntax bears out a reading (``lexicon``), and the
   main verb of a sentence without one when the trained classifier is confident of its type
   (``classifier``); scare-quoted names and nouns restating another trigger are left out;
2. roles (``roles``): source and target actors from the parse and the ``ActorIndex``; a
   coordinated verb shares its partner's target, aid goes to whom it is sent to, a verb with no
   object acts on its complement's subject, an act with no target is done to the country it
   happens in; an event without a source the text names is dropped ("such a meeting", an
   unresolved "it"; a lone meeting party is the source); a sentence whose lexicon words made no
   event gets the classifier's event at its main verb, kept when it is done to someone named
   (``_says_enough``);
3. when, status and where: the time attached to the trigger (``anchors``), the status it and
   the governing clauses give (``status``), for an occurred event without a time one the text
   identifies or the publication date, and the place (``anchors``); a meeting's CONSULT mode;
4. across events (``across``): a rejection's target is whoever made the demand it rejects; a rejection of
   nobody whose rejected action is an event itself goes; an act done to someone (``DIRECTED``)
   needs its target, or at least a phrase saying what it is done to, an agreement a partner, a
   meeting two sides unless it is a body's own (``_two_sided``); one event per sentence, type,
   participants and status, an event of unknown target folded into one that has it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsgraph.extract.actors import ActorIndex
from newsgraph.extract.events.across import (
    SYMMETRIC,
    Found,
    deduplicate,
    merge_mentions,
    reply_targets,
    restated_rejection,
)
from newsgraph.extract.events.acts import no_act
from newsgraph.extract.events.anchors import (
    Anchors,
    anchors_of,
    assumed_time,
    attached_time,
    dateline_place,
    event_place,
    identified_time,
    near_publication,
)
from newsgraph.extract.events.classifier import fallbacks
from newsgraph.extract.events.lexicon import Sense, cameo_table, generic_sense
from newsgraph.extract.events.meeting_references import meeting_references
from newsgraph.extract.events.recipients import purpose_opponents, recipient
from newsgraph.extract.events.roles import (
    RoleFinder,
    Roles,
    other_side,
    travels,
    trigger_roles,
)
from newsgraph.extract.events.status import event_status
from newsgraph.extract.events.triggers import event_triggers
from newsgraph.kb.loader import KnowledgeBase
from newsgraph.lang.en.events import (
    ACCEPTING,
    CROWD_ACTS,
    CROWD_SECTORS,
    DEPLOYING,
    DIRECTED,
    FORCE_SECTORS,
    JOINT_VERBS,
    MUTUAL_ACTS,
    NOT_TARGET_ENTITIES,
    OFFERING_VERBS,
    PLACE_LABELS,
    PLACE_TARGET_TYPES,
    PROTESTERS,
    RECIPROCALS,
    RIOT_CAMEO,
    SENDING_VERBS,
    UNDERGOER_DEPS,
    UNDERGOER_PREPS,
    VIOLENT,
)
from newsgraph.model import Actor, Event, Evidence, Place, Quote, TimeExpr

# CAMEO actor codes of international and non-state organisations: a meeting with one is multilateral.
NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "AFR", "ASA", "MID", "NAF", "WAF", "SAF", "CAU"})
MAX_PLACE_TARGETS = 2  # countries an act's clause may name as places to be done to them


def extract_events(
    doc: Doc,
    actors: ActorIndex,
    times: list[TimeExpr],
    published: dt.date | None,
    quotes: Sequence[Quote] = (),
    kb: KnowledgeBase | None = None,
    keep_unresolved: bool = False,
) -> list[Event]:
    """Events of ``doc`` in text order; ``keep_unresolved`` keeps those naming no actor."""
    finder = RoleFinder(doc, actors, kb, list(quotes))
    triggers, senses = event_triggers(doc, finder, quotes)
    anchors = anchors_of(doc, times, actors.places, senses)
    found: list[Found] = []
    for token in triggers:
        found += _read(token, senses, anchors, finder, found, published, keep_unresolved)
    busy = {f.trigger.sent.start for f in found}
    quiet = [s for s in doc.sents if s.start not in busy]
    fallback = fallbacks(quiet, senses)  # a sentence whose lexicon words made no event: its main verb
    senses.update(fallback)
    for token in sorted((doc[i] for i in fallback), key=lambda t: t.i):
        found += [
            f for f in _read(token, senses, anchors, finder, found, published, keep_unresolved) if _says_enough(f)
        ]
    found.sort(key=lambda f: f.trigger.i)
    reply_targets(found, quotes)
    by_id = {a.id: a for a in actors.actors}
    found = [f for f in found if not restated_rejection(f, senses) and (keep_unresolved or _two_sided(f, by_id))]
    events = merge_mentions(deduplicate(found))
    events += meeting_references(events, anchors, senses, finder, published)  # "last week's talks in Geneva"
    for number, event in enumerate(events, 1):
        event.id = f"E{number}"
    return events


# -- one event -----------------------------------------------------------------------------


def _says_enough(found: Found) -> bool:
    """A main verb read by the model alone is an event when done to someone named, or when forces
    or a crowd mobilise or protest ("Cambodian troops remained on alert")."""
    roles = found.roles
    crowd = found.event.type in CROWD_ACTS and any(
        a.kind == "group" and a.sector in CROWD_SECTORS for a in roles.source
    )
    return bool(roles.target) or crowd


def _read(
    token: Token,
    senses: dict[int, Sense],
    anchors: Anchors,
    finder: RoleFinder,
    found: list[Found],
    published: dt.date | None,
    keep_unresolved: bool,
) -> list[Found]:
    """The events of one trigger (one per side of a reciprocal act) the text says enough of."""
    if no_act(token, senses, finder.actors):
        return []
    events = []
    for roles in _reciprocal(token, _roles(token, senses[token.i], anchors, finder, found), finder):
        sense = _protest(senses[token.i], roles, finder)
        if keep_unresolved or (
            _agent_in_text(roles, sense)
            and worth_an_event(roles.source, roles.target, _named_patient(roles) or _unnamed_target(roles))
        ):
            event = _event(token, sense, roles, anchors, senses, finder, published)
            events.append(Found(token, roles, event))
    return events


def _roles(token: Token, sense: Sense, anchors: Anchors, finder: RoleFinder, found: list[Found]) -> Roles:
    """Source and target of one trigger, its target shared with a coordinated earlier trigger."""
    lemma = token.lemma_.lower()  # "X and Y agreed to a swap", "X and Y signed a pact": X with Y
    mutual = sense.type in SYMMETRIC or lemma in MUTUAL_ACTS or lemma in JOINT_VERBS
    roles = trigger_roles(finder, token, mutual, anchors.places)
    _inherit_target(token, roles, found)
    if sense.type in DEPLOYING:
        _deployed(token, roles, finder)
    if sense.type == "AID":
        if token.lemma_.lower() in SENDING_VERBS:  # "send peacekeepers to Mali": they are what is sent
            roles.target = [a for a in roles.target if not (a.kind == "group" and _sent(token, a))]
        recipient(token, roles, anchors.places, finder)
    roles.target = other_side(roles)
    if not roles.target and sense.type in PLACE_TARGET_TYPES:
        roles.target = _place_target(token, sense, roles, anchors, finder)
    unnamed_source = any(  # "the strikers accepted X's offer"; not a place ("the Lima summit with Chile")
        is_source and word.ent_type_ not in PLACE_LABELS for is_source, word in roles.unnamed
    )
    if mutual and not roles.source and not unnamed_source:  # "a meeting of the Security Council": its participant
        roles.source, roles.target = roles.target, []
    return roles


def _deployed(token: Token, roles: Roles, finder: RoleFinder) -> None:
    """ "deployed troops", "sent a company of troops": what is sent is no target; "sent troops
    to X to fight Y": against Y."""
    roles.target = [a for a in roles.target if a.kind != "group" or not (a.sector in FORCE_SECTORS or _sent(token, a))]
    roles.target = purpose_opponents(token, finder) or roles.target


def _sent(token: Token, actor: Actor) -> bool:
    """The actor is mentioned in what the trigger sends (its object, or its passive subject)."""
    sent = [(o.left_edge.idx, o.right_edge.idx) for o in token.children if o.dep_ in ("dobj", "nsubjpass")]
    return any(start <= m.start <= end for m in actor.mentions for start, end in sent)


def _place_target(token: Token, sense: Sense, roles: Roles, anchors: Anchors, finder: RoleFinder) -> list[Actor]:
    """ "X suspended aid deliveries in Y", "X's troops served in Y": an act that names no one it
    is done to is done to the country it takes place in, when that is not the source's own; aid,
    to the countries its clause names as places (at most two)."""
    own = {a.country for a in roles.source}
    place = event_place(token, anchors, finder)
    countries = [place.country] if place is not None and place.country else []
    if not countries and sense.type == "AID":  # "provided $5 million to help those affected in X"
        countries = _countries_within(token, anchors, finder)
    actors = [finder.by_country[c] for c in dict.fromkeys(countries) if c in finder.by_country and c not in own]
    return actors if roles.source and len(actors) <= MAX_PLACE_TARGETS else []


def _countries_within(token: Token, anchors: Anchors, finder: RoleFinder) -> list[str]:
    """The countries named as places (after "in", "to"...) in the phrase or clause the trigger heads."""
    words = [c for t in token.subtree if t.dep_ == "pobj" for c in finder.actors.conjuncts(t)]
    found = [a.country for t in words if (a := finder.actors.actor_at(t)) is not None and a.kind == "country"]
    found += [p.country for p, span in anchors.places if span is not None and p.country and span.root in words]
    return [c for c in found if c]


def _protest(sense: Sense, roles: Roles, finder: RoleFinder) -> Sense:
    """ "Protesters stormed the parliament": violence by demonstrators is a PROTEST riot (PLOVER:
    all civilian collective action carried out as protest)."""
    if sense.type in VIOLENT and any(finder.actors.heads.get(a.id) in PROTESTERS for a in roles.source):
        known = cameo_table()[RIOT_CAMEO]
        return Sense(type="PROTEST", mode=known["mode"], cameo=RIOT_CAMEO, goldstein=known["goldstein"])
    return sense


def worth_an_event(source: list[Actor], target: list[Actor], patient: bool = False) -> bool:
    """An event needs a named actor, two sides, or a group source placed in a country or acting
    on something the text names ("the court convicted the bank", "protesters burned tyres"): a
    lone "police are investigating", or someone unnamed acting on "U.S. sailors", says too little
    to code."""
    named = any(a.kind != "group" for a in source + target)
    return bool((source and target) or named or any(a.country or patient for a in source))


def _named_patient(roles: Roles) -> bool:
    """The event acts on someone the text names though no actor was found for it ("convicted
    Germany's largest bank", "detained Boztepe"), not on "380 complaints"."""
    return any(
        not source and (t.pos_ == "PROPN" or any(c.pos_ == "PROPN" for c in t.lefts)) for source, t in roles.unnamed
    )


def _agent_in_text(roles: Roles, sense: Sense) -> bool:
    """The text says who acted: a known source, or a name the actor layer missed; "X was
    attacked", "airstrikes against X" and an unresolved "it was open to sending troops" name no
    source, and PLOVER codes no event without one (a meeting's sides are interchangeable)."""
    return (
        bool(roles.source)
        or (sense.type in SYMMETRIC and bool(roles.target))
        or any(source and t.pos_ == "PROPN" for source, t in roles.unnamed)
    )


def _two_sided(found: Found, by_id: dict[str, Actor]) -> bool:
    """An agreement is made with someone: "X and Y agreed", "X offered Y aid", or is a body's
    commitment ("the government agreed to build a port", not "it would study the offer"); a lone
    person's "he agreed to take questions" or "she offered to fight again" commits to no partner
    (PLOVER AGREE: willingness to cooperate); an accusation, a request, aid... is done to someone
    the text names ("the opposition accuses" alone is not coded); a meeting has two sides, unless
    it is a body's own (a NATO summit, a Security Council session), not a lone minister's or state's."""
    event = found.event
    lone = not event.target and len(event.source) < 2
    if event.type == "AGREE":
        return not lone or _commits(found.trigger, [by_id[i] for i in event.source])
    if event.type == "CONSULT" and lone:
        return any(by_id[i].kind == "organization" and by_id[i].sector != "GOV" for i in event.source)
    return event.type not in DIRECTED or bool(event.target) or _unnamed_target(found.roles)


def _commits(trigger: Token, source: list[Actor]) -> bool:
    """A body's own decision to act ("the government agreed to build a port"), not an offer,
    which is made to someone ("Hungary offered to host the meeting")."""
    lemma = trigger.lemma_.lower()
    return trigger.pos_ == "VERB" and lemma not in OFFERING_VERBS and any(a.kind != "person" for a in source)


def _unnamed_target(roles: Roles) -> bool:
    """The text says what the act is done to, though it names no actor ("condemned the decision",
    "opened an investigation into the deaths"): an object or a phrase "against", "on", "into"...,
    or the subject of a clause it governs ("demanded that the minister resign"), not a time, a
    number or a pronoun ("attacked at dawn", "condemned it"); aid given is coded though the text
    does not say to whom ("provided $5 million in aid")."""
    return any(
        not source
        and _counted(t).pos_ in ("NOUN", "PROPN")
        and _counted(t).ent_type_ not in NOT_TARGET_ENTITIES
        and (t.dep_ in UNDERGOER_DEPS or (t.dep_ == "pobj" and t.head.lower_ in UNDERGOER_PREPS))
        for source, t in roles.unnamed
    )


def _counted(token: Token) -> Token:
    """ "hundreds of banks": what a number counts."""
    if token.ent_type_ != "CARDINAL":
        return token
    counted = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    return next((g for g in counted if g.dep_ == "pobj"), token)


def _reciprocal(token: Token, roles: Roles, finder: RoleFinder) -> list[Roles]:
    """ "X and Y accuse each other", "X and Y exchanged prisoners", "a swap between X and Y": one
    event per side, towards the others."""
    sides = [a for a in roles.source + roles.target if a.kind != "group"]  # not the prisoners
    if token.lemma_.lower() in MUTUAL_ACTS and len(sides) > 1:
        return [Roles(source=[a], target=[b for b in sides if b is not a], tokens=roles.tokens) for a in sides]
    if roles.target or len(roles.source) < 2:
        return [roles]
    words = [t for t in token.subtree if t.i > token.i]
    pairs = {f"{a.lower_} {b.lower_}" for a, b in zip(words, words[1:], strict=False)}
    if not pairs & RECIPROCALS:
        return [roles]
    return [
        Roles(source=[actor], target=[a for a in roles.source if a is not actor], tokens=roles.tokens)
        for actor in roles.source
    ]


def _inherit_target(token: Token, roles: Roles, found: list[Found]) -> None:
    """ "X continues to label Y ... and demands changes": a coordinated verb shares the target;
    "his talks with Y and a meeting with Z": a coordinated noun shares the source."""
    if token.dep_ != "conj" or not found or found[-1].trigger != token.head:
        return
    previous = found[-1]
    if not roles.target and previous.roles.source == roles.source:
        roles.target = previous.roles.target[:]
    if not roles.source and token.pos_ == "NOUN" and previous.trigger.pos_ == "NOUN":
        roles.source = [a for a in previous.roles.source if a not in roles.target]


def _event(
    token: Token,
    sense: Sense,
    roles: Roles,
    anchors: Anchors,
    senses: dict[int, Sense],
    finder: RoleFinder,
    published: dt.date | None,
) -> Event:
    """The event of one trigger, with its time, status, place and mode."""
    when = attached_time(token, anchors, senses)
    if when is None and token.dep_ == "conj" and token.pos_ == "VERB":  # "met on Saturday and condemned X"
        when = attached_time(token.head, anchors, senses)
    status = event_status(token, when.value if when else None, published.isoformat() if published else None)
    sense, status = _refusal(token, sense, status)
    if when is None and status == "occurred":
        when = identified_time(token, anchors) or assumed_time(published)
    where = event_place(token, anchors, finder)
    if where is None and status in ("occurred", "ongoing") and near_publication(when, published):
        where = dateline_place(anchors, finder.datelines)
    event = Event(
        id="",
        type=sense.type,
        status=status,
        source=[a.id for a in roles.source],
        target=[a.id for a in roles.target],
        trigger=_trigger_text(token),
        evidence=_evidence(token, roles),
        mode=sense.mode,
        when=when,
        where=where,
        cameo=sense.cameo,
        goldstein=sense.goldstein,
    )
    if sense.type == "CONSULT" and event.mode is None:
        event.mode = _consult_mode(token, roles, where)
    return event


def _refusal(token: Token, sense: Sense, status: str) -> tuple[Sense, str]:
    """ "X does not accept Y's proposal", "we won't accept the ruling": a refusal, coded as an
    occurred REJECT (PLOVER), not as a negated agreement."""
    if sense.type == "AGREE" and status == "negated" and token.lemma_.lower() in ACCEPTING:
        return generic_sense("REJECT"), "occurred"
    return sense, status


def _trigger_text(token: Token) -> str:
    """The trigger word with its particle ("called off")."""
    particles = [c for c in token.children if c.dep_ == "prt"]
    return token.doc[token.i : particles[0].i + 1].text if particles and particles[0].i > token.i else token.text


def _consult_mode(token: Token, roles: Roles, where: Place | None) -> str | None:
    """visit (travel, or a meeting in one side's country), multilateral (an international
    organisation, or three sides and more), third-party (a meeting in nobody's country)."""
    if travels(token):
        return "visit"
    participants = roles.source + roles.target
    if len(participants) > 2 or any(a.country in NONSTATE for a in participants):
        return "multilateral"
    if where is None or where.country is None or len(participants) < 2:
        return None
    countries = {a.country for a in participants}
    return "visit" if where.country in countries else "third-party"


def _evidence(token: Token, roles: Roles) -> Evidence:
    """The text from the first to the last of the trigger and the words its actors were read from."""
    tokens = [token, *roles.tokens]
    span = token.doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]
    return Evidence(start=span.start_char, end=span.end_char, text=span.text)
