"""Who did what to whom: source and target actors of an event trigger, from the parse.

Verbs: the subject (climbing through participles, coordinations and control verbs; "who" in a
relative clause is its antecedent) is the source, the object or a prepositional object the
target; passives swap ("was attacked by X"). Nouns: a possessor or "by" phrase is the source,
"between X and Y", "with Y", compounds ("a X-Y summit") name participants, otherwise the subject
of the governing clause ("NATO chiefs are scheduled for a meeting"). A proposal that sends
someone to talks makes proposer and invitee the participants ("X suggested Y travel to Z for
talks"). Noun phrases resolve through the :class:`ActorIndex`, then their modifiers ("Kyiv's
leadership", "a Philippine boat": demonyms through the KB), then, inside a quotation, "I"/"we"
to its speaker.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors import ActorIndex, PlaceMention, resolver
from newsgraph.extract.actors.index import written_as_acronym
from newsgraph.extract.datelines import dateline_tokens
from newsgraph.extract.events.performers import hyphenated, performed, possessor
from newsgraph.extract.layout import layout_of
from newsgraph.extract.linking import link_country
from newsgraph.kb.loader import KnowledgeBase
from newsgraph.lang.en.actors import VAGUE_SECTORS
from newsgraph.lang.en.events import (
    ADDRESSING_VERBS,
    ADOPTED_TEXTS,
    ALL_SIDES_PREPS,
    BYSTANDER_VERBS,
    COMMUNICATION_NOUNS,
    LIGHT_VERBS,
    MEASURE_NOUNS,
    NAMING_VERBS,
    NOT_PERFORMING,
    OBJECT_CONTROL,
    ORIGIN_PREPS,
    OWNER_PREPS,
    PARTICIPANT_PREPS,
    PROPOSERS,
    RELATIVE,
    ROLE_CLIMB_DEPS,
    STATE_NOUNS,
    SUBJECT_DEPS,
    TARGET_PREPS,
    TRAVEL,
    WILLINGNESS_NOUNS,
)
from newsgraph.model import Actor, Place, Quote

# Heads climbed at most from a word to its subject or clause verb.
MAX_CLIMB = 6


@dataclass
class Roles:
    """Source and target actors of one event, and the tokens they were read from."""

    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    explicit: bool = False  # a participant phrase was present, resolved or not
    unnamed: list[tuple[bool, Token]] = field(default_factory=list)  # (source side?, phrase) naming no actor
    # (source side?, phrase, its groups no word places in a country): for a side nothing else names
    waiting: list[tuple[bool, Token, list[Actor]]] = field(default_factory=list)


class RoleFinder:
    """Resolves noun phrases to actors and reads source/target off triggers."""

    def __init__(self, doc: Doc, actors: ActorIndex, kb: KnowledgeBase | None, quotes: list[Quote]):
        self.doc = doc
        self.actors = actors
        self.kb = kb
        self.datelines = dateline_tokens(layout_of(doc))  # "ABU DHABI (Reuters) -" names no actor
        by_id = {a.id: a for a in actors.actors}
        self.quotes = [(q.start, q.end, by_id[q.speaker]) for q in quotes if q.speaker in by_id]
        self.by_country = actors.by_country

    # -- noun phrases ------------------------------------------------------------------
    def resolve(self, token: Token) -> list[Actor]:
        """Actors named by the noun phrase headed by ``token``, with its conjuncts."""
        return self.actors.resolve(token, voices=self.quotes)

    def place_of(self, token: Token) -> Place:
        """A named place the actor layer did not list, with its country from the KB."""
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        text = ent.text if ent is not None else token.text
        country = None
        if self.kb is not None:
            found = link_country(text, self.kb, self.actors.named_countries) or self.kb.seat_of_government(text)
            country = found.iso3 if found is not None else None
        return Place(text=text, country=country)

    def names_actor(self, token: Token) -> bool:
        return bool(self.resolve(token))

    # -- verbs ---------------------------------------------------------------------------
    def verb_roles(self, verb: Token) -> Roles:
        roles = Roles()
        children = list(verb.children)
        passive = [c for c in children if c.dep_ == "nsubjpass"]
        agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if not passive and verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in children):
            passive = self.subjects(verb)  # "X ended up being detained": X is detained
        if passive:
            self._add(roles.source, agents, roles)
            self._add(roles.target, passive, roles)
        else:
            subjects = self.subjects(verb)
            if not self._add(roles.source, subjects, roles):  # "the attack by X killed five": X
                if not self._add(roles.source, [a for s in subjects for a in self.authors(s)], roles):
                    performed(self, subjects, roles)
        self._verb_targets(verb, children, roles)
        if not roles.target:
            self._addressees(verb, roles)
        return roles

    def _addressees(self, verb: Token, roles: Roles) -> None:
        """ "X summoned Y's ambassador to protest": an act with no target of its own, done for the
        purpose of summoning, calling or meeting someone of another country, is done to them."""
        purpose = verb.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        head = verb.head.lemma_.lower()
        if not purpose or head not in ADDRESSING_VERBS or (verb.dep_ == "xcomp" and head in OBJECT_CONTROL):
            return
        own = {a.country for a in roles.source if a.country}
        for obj in (c for c in verb.head.children if c.dep_ in ("dobj", "dative", "oprd")):
            addressees = [a for a in self.party(obj) if a.kind != "group" and a.country not in own]
            roles.target.extend(a for a in addressees if a not in roles.target)
            roles.tokens.extend([obj] if addressees else [])

    def authors(self, noun: Token) -> list[Token]:
        """Who performs the act a noun subject names ("the attack by X", "a Saudi-led strike",
        "Danish aid"), or whose words a communication or an adopted text is ("a report accusing
        Y" that X put out, "passed a resolution condemning Y": X)."""
        owners = _owners(noun)
        texts = COMMUNICATION_NOUNS | ADOPTED_TEXTS
        if owners or noun.lemma_.lower() not in texts or noun.dep_ not in ("dobj", "pobj"):
            return owners
        clause = _clause_of(noun)
        return self.subjects(clause) if clause is not None else []

    def _verb_targets(self, verb: Token, children: list[Token], roles: Roles) -> None:
        """The objects, else what they are of or whose they are ("rejected X's demand", "condemned
        threats made by X"; "lifted its blockade of X": X, the source's own is no target), else a
        prepositional object, else a complement clause's subject."""
        for obj in (c for c in children if c.dep_ in ("dobj", "dative")):
            for phrases in ([obj], _prep_objects(obj, TARGET_PREPS), _owners(obj), _prep_objects(obj, ("of",))):
                self._add(roles.target, phrases, roles)
                roles.target = [a for a in roles.target if a not in roles.source]
                if roles.target:
                    break
        if not roles.target:
            self._add(roles.target, _prep_objects(verb, TARGET_PREPS), roles)
        if not roles.target:  # "called for sanctions against X": the target of the act asked for
            asked = [g for o in _prep_objects(verb, TARGET_PREPS) for g in _prep_objects(o, TARGET_PREPS)]
            self._add(roles.target, asked, roles)
        if not roles.target:
            self._add(roles.target, _complement_subjects(verb), roles)

    def subjects(self, verb: Token) -> list[Token]:
        """The subject of ``verb``, climbing to governing clauses when it has none."""
        node = verb
        for _ in range(MAX_CLIMB):
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS] or _misparsed_subject(node)
            subjects.sort(key=lambda c: c.i in self.datelines)  # "ABU DHABI (Reuters) - X met": X
            if subjects:
                subject = subjects[0]
                if subject.lower_ in RELATIVE and node.dep_ == "relcl":
                    return [node.head]
                return [subject]
            if node.dep_ == "acl":  # "officials attending the talks", "a Polish proposal to X"
                return [node.head]
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in OBJECT_CONTROL:
                objects = [c for c in node.head.children if c.dep_ == "dobj"]
                if objects:
                    return objects
            if node.dep_ not in ROLE_CLIMB_DEPS or node.head == node:
                break
            node = node.head
        return []

    # -- nouns ---------------------------------------------------------------------------
    def noun_roles(self, noun: Token, symmetric: bool) -> Roles:
        """Participants of a noun event; one that names what another noun is ("a mediation
        effort between X and Y", "issued an arrest warrant for X") has that noun's."""
        trigger, roles = noun, Roles()
        if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
            noun = noun.head
        for child in (c for c in noun.children if c != trigger):
            self._noun_child(noun, child, roles)
        if not roles.source and not roles.explicit and (symmetric or _light(noun)):
            self.governing_roles(noun, roles, symmetric)
        return roles

    def _noun_child(self, noun: Token, child: Token, roles: Roles) -> None:
        """The participant one dependent of a noun event names."""
        if child.dep_ == "poss":  # "her release by X": with a "by" agent, the possessor undergoes it
            self._add(roles.target if _by_agent(noun) else roles.source, possessor(self, noun, child), roles)
            roles.explicit = True
        elif child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
            self._add(roles.source if not roles.source else roles.target, hyphenated(child), roles)
        elif child.dep_ in ("prep", "agent"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if child.lower_ == "by":
                self._add(roles.source, objects, roles)
            elif child.lower_ in ALL_SIDES_PREPS:
                roles.explicit = True
                for obj in objects:
                    self._add(roles.source if not roles.source else roles.target, [obj], roles)
            elif child.lower_ in PARTICIPANT_PREPS or child.lower_ in TARGET_PREPS:
                self._add(roles.target, objects, roles)

    def governing_roles(self, noun: Token, roles: Roles, symmetric: bool) -> None:
        """Participants from the clause the noun hangs off (and a proposer above it)."""
        clause = _clause_of(noun)
        if clause is None or not direct_under(noun, clause) or clause.lemma_.lower() in BYSTANDER_VERBS:
            return
        self._add(roles.source, self.subjects(clause), roles)
        self.clause_targets(noun, clause, roles, symmetric)
        if symmetric:
            self.proposer_roles(clause, roles)

    def clause_targets(self, noun: Token, clause: Token, roles: Roles, symmetric: bool) -> None:
        """Targets from the clause of a noun event: whom a proposer invites, the objects of a
        meeting's clause, else a prepositional object of the clause (or, for a meeting, one on
        the way up to it)."""
        lemma = clause.lemma_.lower()
        if lemma in PROPOSERS:  # "X invited Y to talks", "X suggested Y travel to Z for talks"
            self._add(roles.target, self.invitees(clause), roles)
        elif symmetric and lemma not in TRAVEL:
            objects = [c for c in clause.children if c.dep_ in ("dobj", "dative") and noun not in c.subtree]
            self._add(roles.target, objects, roles)
        if not symmetric and not roles.target:  # "gave X a deadline", "issued a warning to X"
            datives = [c for c in clause.children if c.dep_ == "dative" and noun not in c.subtree]
            if not self._add(roles.target, datives, roles):
                self._add(roles.target, _prep_objects(clause, TARGET_PREPS), roles)
        if symmetric and not roles.target:  # "open to the idea of talks with X"
            node = noun
            while node != clause and not roles.target:
                node = node.head
                self._add(roles.target, _prep_objects(node, ("with",)), roles)

    def invitees(self, proposer: Token) -> list[Token]:
        """Whom a proposing verb invites: its object, or the subject of its complement clause."""
        invited = [c for c in proposer.children if c.dep_ in ("dobj", "dative", "ccomp", "xcomp")]
        return [s for c in invited for s in (self.subjects(c) if c.pos_ == "VERB" else [c])]

    def proposer_roles(self, clause: Token, roles: Roles) -> None:
        """ "X suggested Y travel to Z for talks": whoever proposes a meeting is its source, the
        participants found so far its target."""
        proposer = clause.head if clause.dep_ in ("ccomp", "xcomp") else None
        if proposer is None or proposer.lemma_.lower() not in PROPOSERS:
            return
        invitees = roles.source[:]
        roles.source = []
        self._add(roles.source, self.subjects(proposer), roles)
        if roles.source:
            roles.target = [a for a in invitees + roles.target if a not in roles.source]
        else:
            roles.source = invitees

    def party(self, token: Token) -> list[Actor]:
        """The actors of the phrase headed by ``token`` and its conjuncts; a group of state
        officials its own words place ("Chilean and Peruvian negotiators") is those governments,
        one of an organisation ("NATO defence ministers") that organisation; a
        vague group no word places ("men") is none, unless a name says what it is ("the Islamic
        State group")."""
        found: list[Actor] = []
        replaced: list[Actor] = []
        for head in self.actors.conjuncts(token):
            actors = self.actors.resolve(head, voices=self.quotes, coordinated=False) or self._sent_by(head)
            made = None if actors else self.actors.agent_for(head) or self.actors.acronym_for(head)  # "ICE"
            actors = [made] if made is not None else actors
            if len(actors) == 1 and self.actors.heads.get(actors[0].id) in STATE_NOUNS:
                body = self.actors.bodies.get(actors[0].id)
                governments = resolver.governments(self.actors, head) or self._sent_by(head) or ([body] if body else [])
                replaced.extend(actors if governments else [])
                actors = governments or actors
            found.extend(a for a in actors if a not in found and not (_vague(a) and not _proper(head)))
        return [a for a in found if a not in replaced]

    def _sent_by(self, head: Token) -> list[Actor]:
        """ "delegations from X and Y", "envoys of X": a state noun no actor was found for is the
        governments (else the actors) of the places it comes from."""
        if head.lemma_.lower() not in STATE_NOUNS:
            return []
        found: list[Actor] = []
        for origin in _prep_objects(head, ORIGIN_PREPS):
            for word in self.actors.conjuncts(origin):
                state = resolver.country_actor(self.actors, word, state=True)
                actors = [state] if state else self.actors.resolve(word, voices=self.quotes, coordinated=False)
                found.extend(a for a in actors if a not in found)
        return found

    def _add(self, side: list[Actor], tokens: list[Token], roles: Roles) -> bool:
        """Add the actors of the phrases to ``side``; a group no word places in a country
        ("police") waits for `_generic_sides`."""
        added = False
        for token in outside_dateline(tokens, self.datelines):
            found = self.party(token)
            actors = [a for a in found if a.kind != "group" or a.country]
            if not actors:
                roles.unnamed.append((side is roles.source, token))
                roles.waiting.append((side is roles.source, token, found))
            for actor in actors:
                if actor not in side:
                    side.append(actor)
                    roles.tokens.append(token)
                    added = True
        return added


def _misparsed_subject(verb: Token) -> list[Token]:
    """ "USAID had announced": an acronym opening the clause that the parser took for an adverb."""
    first = next(verb.lefts, None)
    return [first] if first is not None and first.dep_ in ("advmod", "npadvmod") and written_as_acronym(first) else []


def _vague(actor: Actor) -> bool:
    """A group that says neither what nor where it is ("a group of men")."""
    return actor.kind == "group" and actor.sector in VAGUE_SECTORS and actor.country is None


def _proper(head: Token) -> bool:
    """A proper name in the compound before a noun ("the Islamic State group")."""
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in head.lefts)


def _complement_subjects(verb: Token) -> list[Token]:
    """ "complained that Turkey is about to send troops": the subject of the first complement clause."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    return [s for c in clauses[:1] for s in c.children if s.dep_ in SUBJECT_DEPS]


def outside_dateline(tokens: list[Token], datelines: set[int]) -> list[Token]:
    """The tokens, a dateline the parser made a subject ("GENEVA - X and Y met") replaced by the
    names coordinated under it."""
    found = []
    for token in tokens:
        if token.i not in datelines:
            found.append(_known_as(token) or token)
            continue
        found.extend(t for t in token.subtree if t.i not in datelines and t.head.i in datelines)
    return [t for t in found if t.pos_ in ("NOUN", "PROPN", "PRON") or written_as_acronym(t)]


def _known_as(token: Token) -> Token | None:
    """ "the rebel coalition known as the HNC", "a group called X": the name it is known by."""
    for acl in (c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in NAMING_VERBS):
        for child in acl.children:
            if child.dep_ == "oprd":
                return child
            if child.dep_ == "prep" and child.lower_ == "as":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def clause_verb(token: Token) -> Token | None:
    """The nearest verb (or predicative adjective) above a noun trigger; a verb is its own."""
    return token if token.pos_ in ("VERB", "AUX") else _clause_of(token)


def _clause_of(noun: Token) -> Token | None:
    node = noun
    for _ in range(MAX_CLIMB):
        if node.head == node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "acomp":
            return node
    return None


def direct_under(noun: Token, clause: Token) -> bool:
    """No other noun stands between a noun trigger and its clause (but "the idea of", "two days of")."""
    node = noun.head
    while node != clause:
        if node.pos_ in ("NOUN", "PROPN") and node.lemma_.lower() not in WILLINGNESS_NOUNS | MEASURE_NOUNS:
            return False
        node = node.head
    return True


def _owners(noun: Token) -> list[Token]:
    """Whose a thing is, or who performs an act a noun names: its possessor or its "by" or "from"
    phrase, also through a participle ("an appeal lodged by X"); "the demand of X" is a target
    preposition already."""
    if noun.pos_ != "NOUN":
        return []
    owners = [c for c in noun.children if c.dep_ == "poss"] + _prep_objects(noun, OWNER_PREPS)
    for participle in (c for c in noun.children if c.dep_ == "acl"):
        owners += [g for c in participle.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return owners


def _by_agent(noun: Token) -> bool:
    return any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in noun.children)


def _light(noun: Token) -> bool:
    """A noun event performed by its clause's subject: the object of a light verb, or of any verb
    but one of watching, undergoing or reporting ("opened an investigation", not "faced sanctions")."""
    if noun.dep_ != "dobj":
        return False
    lemma = noun.head.lemma_.lower()
    return lemma in LIGHT_VERBS or (noun.head.pos_ == "VERB" and lemma not in NOT_PERFORMING)


def _prep_objects(token: Token, preps: Collection[str]) -> list[Token]:
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


# -- an event's sides ------------------------------------------------------------------------


def trigger_roles(
    finder: RoleFinder, trigger: Token, symmetric: bool, places: list[tuple[PlaceMention, Span | None]]
) -> Roles:
    """Source and target of ``trigger`` read off the parse; for a ``symmetric`` type ("X and Y
    met") the first participant is the source, and a trip's destination may be the target."""
    roles = finder.noun_roles(trigger, symmetric) if trigger.pos_ == "NOUN" else finder.verb_roles(trigger)
    _generic_sides(roles)
    if symmetric:
        _split_symmetric(roles)
    _destination(trigger, roles, places, finder)
    return roles


def _generic_sides(roles: Roles) -> None:
    """A side no phrase named an actor on takes the generic agents of its phrases ("protesters");
    a named side keeps its actors ("sent troops to X": X, not the troops)."""
    for source_side, side in ((True, roles.source), (False, roles.target)):
        if side:
            continue
        for token, groups in ((t, g) for is_source, t, g in roles.waiting if is_source == source_side):
            for actor in groups:
                if actor not in side:
                    side.append(actor)
                    roles.tokens.append(token)


def _split_symmetric(roles: Roles) -> None:
    """ "X and Y met": the first participant is the source, the others the target."""
    if not roles.target and len(roles.source) > 1:
        roles.source, roles.target = roles.source[:1], roles.source[1:]


def _destination(
    token: Token, roles: Roles, places: list[tuple[PlaceMention, Span | None]], finder: RoleFinder
) -> None:
    """ "heading to Washington for talks": the destination's country is the target."""
    if roles.target or not roles.source or (token.pos_ != "NOUN" and token.lemma_ not in TRAVEL):
        return
    verb = clause_verb(token)
    if verb is None or not travels(token):
        return
    for place, span in places:
        if span is None or not place.country:
            continue
        actor = finder.by_country.get(place.country)
        if _is_destination(span.root, verb) and actor is not None and actor not in roles.source:
            roles.target.append(actor)
            roles.tokens.append(span.root)
            return


def _is_destination(place: Token, verb: Token) -> bool:
    """The place is where the clause's journey goes ("heading to X"), or what it visits."""
    travel = place.head.head
    return (place.head.lower_ == "to" and travel.lemma_.lower() in TRAVEL and verb in (travel, travel.head)) or (
        place.dep_ == "dobj" and place.head == verb and verb.lemma_ == "visit"
    )


def travels(token: Token) -> bool:
    """The event's clause is, or embeds, a journey ("heading to X for talks", "suggested Y travel
    to X for talks")."""
    verb = clause_verb(token)
    return verb is not None and (
        verb.lemma_.lower() in TRAVEL
        or any(c.lemma_.lower() in TRAVEL for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "advcl"))
    )


def other_side(roles: Roles) -> list[Actor]:
    """Targets that are not sources, nor the country the sources belong to ("sending
    American troops" is not an act against America)."""
    own = {a.country for a in roles.source if a.country}
    return [a for a in roles.target if a not in roles.source and not (a.kind == "country" and a.country in own)]
