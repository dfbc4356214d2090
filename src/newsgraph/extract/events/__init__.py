"""PLOVER events: who did what to whom, when and where, with a status.

``extract_events(doc, actors, times, published, quotes, kb)`` finds trigger words (verbs and
nouns of ``data/event_lexicon.json``, one compiled Matcher per vocabulary, and the main verb of a
sentence without one when the trained classifier is confident of its type: classifier),
reads their sense off the syntax (lexicon), their source and target actors
(roles), their status (status), an attached time expression and place, and the
CONSULT mode. Events that name
no actor at all are dropped ("such a meeting"), as are nouns that only restate the content of
another trigger ("signed a deal").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors import ActorIndex, PlaceMention
from newsgraph.extract.events.classifier import proposals
from newsgraph.extract.events.lexicon import Sense, sense_of, trigger_tokens
from newsgraph.extract.events.roles import RoleFinder, Roles, clause_verb, direct_under
from newsgraph.extract.events.status import event_status
from newsgraph.extract.layout import layout_of
from newsgraph.kb.loader import KnowledgeBase
from newsgraph.lang.en.events import (
    LOCATIVE_PREPS,
    PLACE_LABELS,
    REJECTED_DEPS,
    REPLY_OBJECTS,
    TIME_CLIMB,
    TRAVEL,
)
from newsgraph.model import Actor, Event, Evidence, Place, Quote, TimeExpr, When

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "AFR", "ASA", "MID", "NAF", "WAF", "SAF", "CAU"})
REJECTABLE = frozenset({"REQUEST", "ACCUSE", "THREATEN", "SANCTION"})
REPLY_WINDOW = 3  # sentences back in which a rejection finds what it rejects


@dataclass
class _Found:
    trigger: Token
    sense: Sense
    roles: Roles
    event: Event


def extract_events(doc: Doc, actors: ActorIndex, times: list[TimeExpr], published: dt.date | None,
                   quotes: Sequence[Quote] = (), kb: KnowledgeBase | None = None,
                   keep_unresolved: bool = False) -> list[Event]:
    """Events of ``doc`` in text order; ``keep_unresolved`` keeps those naming no actor."""
    finder = RoleFinder(doc, actors, kb, list(quotes))
    triggers = trigger_tokens(doc)
    senses = {t.i: s for t in triggers if (s := sense_of(t, finder.names_actor)) is not None}
    proposed = proposals(doc, senses)
    if proposed:
        senses.update(proposed)
        triggers = [doc[i] for i in sorted({t.i for t in triggers} | proposed.keys())]
    time_spans = [(t, doc.char_span(t.start, t.end, alignment_mode="expand")) for t in times]
    places = [(p, doc.char_span(p.start, p.end, alignment_mode="expand")) for p in actors.places]
    anchors = {id(t): _anchor(span.root, senses) for t, span in time_spans if span is not None}
    scare = _scare_quoted(doc, quotes, [t for t in triggers if t.i in senses]) if senses else set()
    found: list[_Found] = []
    for token in triggers:
        sense = senses.get(token.i)
        if sense is None or token.i in scare or _restates(token, sense, senses):
            continue
        roles = finder.noun_roles(token, sense.type in SYMMETRIC) if token.pos_ == "NOUN" \
            else finder.verb_roles(token)
        _split_symmetric(roles, sense)
        _destination(token, roles, places, finder)
        _inherit_target(token, roles, found)
        roles.target = _other_side(roles)
        if not (roles.source or roles.target or keep_unresolved):
            continue
        when = _when(token, time_spans, anchors, senses)
        status = event_status(token, when.value if when else None, published.isoformat() if published else None)
        if when is None and status == "occurred":
            when = _identified_time(token, time_spans, anchors) or _assumed(published)
        where = _where(token, places, finder)
        event = Event(id="", type=sense.type, status=status, source=[a.id for a in roles.source],
                      target=[a.id for a in roles.target], trigger=_trigger_text(token),
                      evidence=_evidence(doc, token, roles), mode=sense.mode, when=when, where=where,
                      cameo=sense.cameo, goldstein=sense.goldstein)
        if sense.type == "CONSULT" and event.mode is None:
            event.mode = _consult_mode(token, roles, where, finder)
        found.append(_Found(token, sense, roles, event))
    _reply_targets(found, quotes)
    found = [f for f in found if not _restated_rejection(f, senses)]
    events = [f.event for f in _deduplicate(found)]
    for number, event in enumerate(events, 1):
        event.id = f"E{number}"
    return events


# -- triggers ------------------------------------------------------------------------------


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
    tokens.update(t.i for t in triggers if "so-called" in text[max(0, t.idx - 30):t.idx].lower())
    return tokens


def _restates(token: Token, sense: Sense, senses: dict[int, Sense]) -> bool:
    """A non-meeting noun that is the object of another trigger ("signed a deal")."""
    if token.pos_ != "NOUN" or sense.type == "CONSULT":
        return False
    head = token.head
    if head.dep_ == "prep" and token.dep_ == "pobj":
        head = head.head
    return head != token and head.i in senses and head.pos_ == "VERB"


def _restated_rejection(item: _Found, senses: dict[int, Sense]) -> bool:
    """"ruled out sending troops": the negated event says it all; a REJECT of nobody goes."""
    return item.event.type == "REJECT" and not item.event.target and any(
        c.i in senses for c in item.trigger.children if c.dep_ in REJECTED_DEPS)


def _inherit_target(token: Token, roles: Roles, found: list[_Found]) -> None:
    """"X continues to label Y ... and demands changes": a coordinated verb shares the target."""
    if roles.target or token.dep_ != "conj" or not found:
        return
    previous = found[-1]
    if previous.trigger == token.head and previous.roles.source == roles.source:
        roles.target = previous.roles.target[:]


def _other_side(roles: Roles) -> list[Actor]:
    """Targets that are not sources, nor the country the sources belong to ("sending
    American troops" is not an act against America)."""
    own = {a.country for a in roles.source if a.country}
    return [a for a in roles.target if a not in roles.source and not (a.kind == "country" and a.country in own)]


def _trigger_text(token: Token) -> str:
    particles = [c for c in token.children if c.dep_ == "prt"]
    return token.doc[token.i:particles[0].i + 1].text if particles and particles[0].i > token.i else token.text


def _split_symmetric(roles: Roles, sense: Sense) -> None:
    """"X and Y met": the first participant is the source, the others the target."""
    if sense.type in SYMMETRIC and not roles.target and len(roles.source) > 1:
        roles.source, roles.target = roles.source[:1], roles.source[1:]


def _destination(token: Token, roles: Roles, places: list[tuple[PlaceMention, Span | None]],
                 finder: RoleFinder) -> None:
    """"heading to Washington for talks": the destination's country is the target."""
    if roles.target or not roles.source or (token.pos_ != "NOUN" and token.lemma_ not in TRAVEL):
        return
    verb = clause_verb(token)
    if verb is None or not _travels(token):
        return
    for place, span in places:
        if span is None or not place.country:
            continue
        root = span.root
        destination = (root.head.lower_ == "to" and root.head.head.lemma_.lower() in TRAVEL
                       and verb in (root.head.head, root.head.head.head)) or (
            root.dep_ == "dobj" and root.head == verb and verb.lemma_ == "visit")
        actor = finder.by_country.get(place.country)
        if destination and actor is not None and actor not in roles.source:
            roles.target.append(actor)
            roles.tokens.append(root)
            return


# -- when and where ------------------------------------------------------------------------


def _anchor(token: Token, senses: dict[int, Sense]) -> Token | None:
    """The verb or trigger noun a time expression hangs off."""
    node = token
    for _ in range(6):
        if node != token and (node.pos_ in ("VERB", "AUX") or node.i in senses):
            return node
        if node.dep_ not in TIME_CLIMB or node.head == node:
            return node.head if node.head != node else None
        node = node.head
    return None


def _when(token: Token, time_spans: list[tuple[TimeExpr, Span | None]], anchors: dict[int, Token | None],
          senses: dict[int, Sense]) -> When | None:
    """A time expression attached to the trigger, or to the clause of a noun trigger."""
    verb = clause_verb(token)
    for time, span in time_spans:
        anchor = anchors.get(id(time))
        if anchor is None or span is None:
            continue
        if anchor == token or (token.pos_ == "NOUN" and anchor == verb and verb.i not in senses
                               and direct_under(token, verb)):
            return When(text=time.text, value=time.value)
    return None


def _assumed(published: dt.date | None) -> When | None:
    """The publication date, marked as assumed, for an occurred event with no time of its own."""
    return When(text=None, value=published.isoformat(), assumed=True) if published else None


def _identified_time(token: Token, time_spans: list[tuple[TimeExpr, Span | None]],
                     anchors: dict[int, Token | None]) -> When | None:
    """"The last time X and Y met was in 2019": a copula whose subject holds the trigger."""
    for time, span in time_spans:
        anchor = anchors.get(id(time))
        if span is None or anchor is None or anchor.lemma_ != "be":
            continue
        subjects = [c for c in anchor.children if c.dep_ == "nsubj"]
        if any(token in s.subtree for s in subjects):
            return When(text=time.text, value=time.value)
    return None


def _where(token: Token, places: list[tuple[PlaceMention, Span | None]], finder: RoleFinder) -> Place | None:
    """A place in a locative phrase of the trigger, its clause or its partner ("met with X in Y"),
    or the destination of a trip; a place the actor layer did not list is read off the NER."""
    verb = clause_verb(token)
    partners = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children]
    hosts = {token, *partners, *(c for c in token.children if c.dep_ in ("dobj", "conj"))}
    if verb is not None:
        hosts.add(verb)
    hosts |= {c for h in list(hosts) for c in h.children if c.dep_ == "appos"}
    for place, span in places:
        if span is None:
            continue
        prep = span.root.head
        anchor = prep.head
        locative = prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS
        destination = prep.lower_ == "to" and anchor.lemma_.lower() in TRAVEL and (
            anchor in hosts or anchor.head in hosts)
        visited = span.root.dep_ == "dobj" and prep == token and token.lemma_ == "visit"
        if visited or destination or (locative and anchor in hosts):
            return Place(text=place.text, country=place.country)
    for host in hosts:
        for prep in host.children:
            if prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ in PLACE_LABELS and not finder.actors.actor_at(pobj):
                        return finder.place_of(pobj)
    return None


def _travels(token: Token) -> bool:
    """The event's clause is, or embeds, a journey ("heading to X for talks", "suggested Y travel
    to X for talks")."""
    verb = clause_verb(token)
    return verb is not None and (verb.lemma_.lower() in TRAVEL or any(
        c.lemma_.lower() in TRAVEL for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "advcl")))


def _consult_mode(token: Token, roles: Roles, where: Place | None, finder: RoleFinder) -> str | None:
    """visit (travel, or a meeting in one side's country), multilateral (an international
    organisation, or three sides and more), third-party (a meeting in nobody's country)."""
    if _travels(token):
        return "visit"
    participants = roles.source + roles.target
    if len(participants) > 2 or any(a.country in NONSTATE for a in participants):
        return "multilateral"
    if where is None or where.country is None or len(participants) < 2:
        return None
    countries = {a.country for a in participants}
    return "visit" if where.country in countries else "third-party"


def _evidence(doc: Doc, token: Token, roles: Roles) -> Evidence:
    tokens = [token, *roles.tokens]
    span = doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]
    return Evidence(start=span.start_char, end=span.end_char, text=span.text)


# -- across events -------------------------------------------------------------------------


def _reply_targets(found: list[_Found], quotes: list[Quote]) -> None:
    """"X rejected the demand": the target is who made the demand (a recent request, accusation
    or threat by someone else), else the last other speaker quoted just before."""
    for index, item in enumerate(found):
        event = item.event
        if event.type != "REJECT" or event.target or not event.source or not _rejects_proposal(item.trigger):
            continue
        sentence = item.trigger.sent.start
        earlier = [f for f in found[:index] if f.event.type in REJECTABLE and f.event.source
                   and f.event.source != event.source and _sentences_between(f.trigger, item.trigger) < REPLY_WINDOW]
        if earlier:
            event.target = earlier[-1].event.source[:1]
            continue
        floor = item.trigger.doc[max(0, sentence - 80)].idx
        speakers = [q.speaker for q in quotes if q.speaker and floor <= q.start < item.trigger.idx
                    and q.speaker not in event.source]
        if speakers:
            event.target = [speakers[-1]]


def _rejects_proposal(trigger: Token) -> bool:
    """The rejected thing is a demand, proposal, charge... (or the head a relative clause
    "conditions that X rejected" hangs off)."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    if trigger.dep_ == "relcl":
        objects.append(trigger.head)
    return any(o.lemma_.lower() in REPLY_OBJECTS for o in objects)


def _sentences_between(first: Token, second: Token) -> int:
    return sum(1 for t in first.doc[first.i + 1:second.i + 1] if t.is_sent_start)


def _deduplicate(found: list[_Found]) -> list[_Found]:
    """One event per (sentence, type, participants, status): "X met Y for talks" is one."""
    kept: list[_Found] = []
    seen: set[tuple[int, str, frozenset[str], str]] = set()
    for item in found:
        event = item.event
        key = (item.trigger.sent.start, event.type, frozenset(event.source + event.target), event.status)
        if key in seen and (event.source or event.target):
            continue
        seen.add(key)
        kept.append(item)
    return kept
