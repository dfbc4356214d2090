"""PLOVER events: who did what to whom, when and where, with a status.

``extract_events(doc, actors, times, published, quotes, kb)`` finds trigger words (verbs and
nouns of ``data/event_lexicon.json``, one compiled Matcher per vocabulary), reads their sense
off the syntax (event_lexicon), their source and target actors (event_roles), their status
(event_status), an attached time expression and place, and the CONSULT mode. Events that name
no actor at all are dropped ("such a meeting"), as are nouns that only restate the content of
another trigger ("signed a deal").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors import ActorIndex, PlaceMention
from newsgraph.extract.event_lexicon import Sense, sense_of, trigger_tokens
from newsgraph.extract.event_roles import TRAVEL, RoleFinder, Roles, clause_verb
from newsgraph.extract.event_status import event_status
from newsgraph.kb.loader import KnowledgeBase
from newsgraph.model import Actor, Event, Evidence, Place, Quote, TimeExpr, When

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
NONSTATE = frozenset({"IGO", "UNO", "EUR", "NGO", "AFR", "ASA", "MID", "NAF", "WAF", "SAF", "CAU"})
TIME_CLIMB = frozenset({"pobj", "prep", "npadvmod", "tmod", "nummod", "compound", "appos", "amod", "nmod"})
REJECTABLE = frozenset({"REQUEST", "ACCUSE", "THREATEN", "SANCTION"})
REPLY_WINDOW = 3  # sentences back in which a rejection finds what it rejects


@dataclass
class _Found:
    trigger: Token
    sense: Sense
    roles: Roles
    event: Event


def extract_events(doc: Doc, actors: ActorIndex, times: list[TimeExpr], published: dt.date | None,
                   quotes: list[Quote] = (), kb: KnowledgeBase | None = None,  # type: ignore[assignment]
                   keep_unresolved: bool = False) -> list[Event]:
    """Events of ``doc`` in text order; ``keep_unresolved`` keeps those naming no actor."""
    finder = RoleFinder(doc, actors, kb, list(quotes))
    triggers = trigger_tokens(doc)
    senses = {t.i: s for t in triggers if (s := sense_of(t, finder.names_actor)) is not None}
    time_spans = [(t, doc.char_span(t.start, t.end, alignment_mode="expand")) for t in times]
    places = [(p, doc.char_span(p.start, p.end, alignment_mode="expand")) for p in actors.places]
    anchors = {id(t): _anchor(span.root, senses) for t, span in time_spans if span is not None}
    found: list[_Found] = []
    for token in triggers:
        sense = senses.get(token.i)
        if sense is None or _restates(token, sense, senses, doc):
            continue
        roles = finder.noun_roles(token, sense.type in SYMMETRIC) if token.pos_ == "NOUN" \
            else finder.verb_roles(token)
        _split_symmetric(roles, sense)
        _destination(token, roles, places, finder)
        roles.target = [a for a in roles.target if a not in roles.source]
        if not (roles.source or roles.target or keep_unresolved):
            continue
        when = _when(token, time_spans, anchors, senses)
        status = event_status(token, when.value if when else None, published.isoformat() if published else None)
        if when is None and status in ("occurred", "ongoing"):
            when = _nearby_time(token, time_spans, anchors) if status == "occurred" else None
            if when is None and published is not None and status == "occurred":
                when = When(text=None, value=published.isoformat(), assumed=True)
        where = _where(token, places)
        event = Event(id="", type=sense.type, status=status, source=[a.id for a in roles.source],
                      target=[a.id for a in roles.target], trigger=_trigger_text(token),
                      evidence=_evidence(doc, token, roles), mode=sense.mode, when=when, where=where,
                      cameo=sense.cameo, goldstein=sense.goldstein)
        if sense.type == "CONSULT" and event.mode is None:
            event.mode = _consult_mode(token, roles, where, finder)
        found.append(_Found(token, sense, roles, event))
    _reply_targets(found, quotes)
    events = [f.event for f in _deduplicate(found)]
    for number, event in enumerate(events, 1):
        event.id = f"E{number}"
    return events


# -- triggers ------------------------------------------------------------------------------


def _restates(token: Token, sense: Sense, senses: dict[int, Sense], doc: Doc) -> bool:
    """A non-meeting noun that is the object of another trigger ("signed a deal")."""
    if token.pos_ != "NOUN" or sense.type == "CONSULT":
        return False
    head = token.head
    if head.dep_ == "prep" and token.dep_ == "pobj":
        head = head.head
    return head is not token and head.i in senses and head.pos_ == "VERB"


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
    if roles.target or roles.source == [] or token.pos_ != "NOUN" and token.lemma_ not in TRAVEL:
        return
    verb = clause_verb(token)
    if verb is None or verb.lemma_.lower() not in TRAVEL:
        return
    for place, span in places:
        if span is None or not place.country:
            continue
        root = span.root
        destination = root.head.lower_ in ("to", "for") and root.head.head is verb or (
            root.dep_ == "dobj" and root.head is verb)
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
        if node is not token and (node.pos_ in ("VERB", "AUX") or node.i in senses):
            return node
        if node.dep_ not in TIME_CLIMB or node.head is node:
            return node.head if node.head is not node else None
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
        if anchor is token or (token.pos_ == "NOUN" and anchor is verb and verb.i not in senses):
            return When(text=time.text, value=time.value)
    return None


def _nearby_time(token: Token, time_spans: list[tuple[TimeExpr, Span | None]],
                 anchors: dict[int, Token | None]) -> When | None:
    """The nearest time in the sentence that no other verb's clause claims ("the last time X and
    Y met was in 2019")."""
    sent = token.sent
    best: tuple[int, TimeExpr] | None = None
    for time, span in time_spans:
        if span is None or not (sent.start <= span.start < sent.end):
            continue
        anchor = anchors.get(id(time))
        if anchor is not None and anchor.pos_ == "VERB" and anchor is not token:
            continue
        distance = abs(span.start - token.i)
        if best is None or distance < best[0]:
            best = (distance, time)
    return When(text=best[1].text, value=best[1].value) if best else None


def _where(token: Token, places: list[tuple[PlaceMention, Span | None]]) -> Place | None:
    """A place in a locative phrase of the trigger or its clause (or the destination of a trip)."""
    verb = clause_verb(token)
    for place, span in places:
        if span is None:
            continue
        prep = span.root.head
        anchor = prep.head
        locative = prep.dep_ == "prep" and prep.lower_ in LOCATIVE_PREPS
        destination = prep.lower_ == "to" and anchor.lemma_.lower() in TRAVEL
        visited = span.root.dep_ == "dobj" and prep is token and token.lemma_ == "visit"
        if visited or ((locative or destination) and (anchor is token or anchor is verb)):
            return Place(text=place.text, country=place.country)
    return None


def _consult_mode(token: Token, roles: Roles, where: Place | None, finder: RoleFinder) -> str | None:
    """visit (travel, or a meeting in one side's country), multilateral (an international
    organisation, or three sides and more), third-party (a meeting in nobody's country)."""
    verb = clause_verb(token)
    if verb is not None and verb.lemma_.lower() in TRAVEL:
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
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return Evidence(start=start, end=end, text=doc.text[start:end])


# -- across events -------------------------------------------------------------------------


def _reply_targets(found: list[_Found], quotes: list[Quote]) -> None:
    """"X rejected the demand": the target is who made the demand (a recent request, accusation
    or threat by someone else), else the last other speaker quoted just before."""
    for index, item in enumerate(found):
        event = item.event
        if event.type != "REJECT" or event.target or not event.source:
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


def _sentences_between(first: Token, second: Token) -> int:
    doc = first.doc
    return sum(1 for s in doc[first.i:second.i + 1].sents) - 1


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


def actor_ids(actors: list[Actor]) -> list[str]:
    """Ids of actors, in order."""
    return [a.id for a in actors]
