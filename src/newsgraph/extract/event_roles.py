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

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsgraph.extract.actors import ActorIndex
from newsgraph.kb.loader import KnowledgeBase
from newsgraph.model import Actor, Quote

SUBJECT_DEPS = ("nsubj", "nsubjpass")
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acl", "ccomp", "relcl", "pobj", "dobj",
                        "attr", "acomp", "oprd", "appos"})
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod")
TARGET_PREPS = ("with", "against", "to", "toward", "towards", "on", "into", "at", "from", "for", "over",
                "upon")
PARTICIPANT_PREPS = ("with", "between", "among", "to", "of")
OBJECT_CONTROL = frozenset("urge ask invite press persuade force call tell encourage pressure "
                           "push allow order".split())
PROPOSERS = frozenset("suggest propose invite urge offer want call ask".split())
TRAVEL = frozenset("head travel go fly come arrive return visit journey".split())
RELATIVE = frozenset({"who", "which", "that", "whom"})
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
MAX_CLIMB = 6


@dataclass
class Roles:
    """Source and target actors of one event, and the tokens they were read from."""

    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    explicit: bool = False  # a participant phrase was present, resolved or not


class RoleFinder:
    """Resolves noun phrases to actors and reads source/target off triggers."""

    def __init__(self, doc: Doc, actors: ActorIndex, kb: KnowledgeBase | None, quotes: list[Quote]):
        self.doc = doc
        self.actors = actors
        self.kb = kb
        by_id = {a.id: a for a in actors.actors}
        self.quotes = [(q.start, q.end, by_id[q.speaker]) for q in quotes if q.speaker in by_id]
        self.by_country: dict[str, Actor] = {}
        for kind in ("organization", "country"):  # countries win over governments
            for actor in actors.actors:
                if actor.kind == kind and actor.country:
                    self.by_country[actor.country] = actor

    # -- noun phrases ------------------------------------------------------------------
    def resolve(self, token: Token) -> list[Actor]:
        """Actors named by the noun phrase headed by ``token``, with its conjuncts."""
        found: list[Actor] = []
        for head in _conjuncts(token):
            actor = self.head_actor(head) or self.modifier_actor(head)
            if actor is not None and actor not in found:
                found.append(actor)
        return found

    def head_actor(self, token: Token) -> Actor | None:
        actor = self.actors.actor_at(token)
        if actor is None and token.lower_ in FIRST_PERSON:
            actor = next((s for start, end, s in self.quotes if start <= token.idx < end), None)
        if actor is None:
            actor = next((self.actors.actor_at(c) for c in token.children
                          if c.dep_ == "appos" and self.actors.actor_at(c)), None)
        return actor

    def modifier_actor(self, token: Token) -> Actor | None:
        """"Kyiv's leadership", "NATO chiefs", "a Philippine boat", "the government of X"."""
        for child in token.children:
            if child.dep_ in MODIFIER_DEPS:
                actor = self.actors.actor_at(child) or self.country_of(child)
                if actor is not None:
                    return actor
            if child.dep_ == "prep" and child.lower_ == "of" and token.pos_ == "NOUN":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and self.actors.actor_at(pobj):
                        return self.actors.actor_at(pobj)
        return None

    def country_of(self, token: Token) -> Actor | None:
        """A demonym or country name modifier -> the article's actor for that country."""
        if self.kb is None or not token.text[:1].isupper():
            return None
        country = self.kb.country(token.text)
        return self.by_country.get(country.iso3) if country is not None else None

    def names_actor(self, token: Token) -> bool:
        return bool(self.resolve(token))

    # -- verbs ---------------------------------------------------------------------------
    def verb_roles(self, verb: Token) -> Roles:
        roles = Roles()
        children = list(verb.children)
        passive = [c for c in children if c.dep_ == "nsubjpass"]
        agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if passive:
            self._add(roles.source, agents, roles)
            self._add(roles.target, passive, roles)
        else:
            self._add(roles.source, self.subjects(verb), roles)
        objects = [c for c in children if c.dep_ in ("dobj", "dative")]
        for obj in objects:
            if not self._add(roles.target, [obj], roles):
                self._add(roles.target, _prep_objects(obj, TARGET_PREPS), roles)
        if not roles.target:
            self._add(roles.target, _prep_objects(verb, TARGET_PREPS), roles)
        return roles

    def subjects(self, verb: Token) -> list[Token]:
        """The subject of ``verb``, climbing to governing clauses when it has none."""
        node = verb
        for _ in range(MAX_CLIMB):
            subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
            if subjects:
                subject = subjects[0]
                if subject.lower_ in RELATIVE and node.dep_ == "relcl":
                    return [node.head]
                return [subject]
            if node.dep_ == "acl" and node.tag_ == "VBG":  # "officials attending the talks"
                return [node.head]
            if node.dep_ == "xcomp" and node.head.lemma_.lower() in OBJECT_CONTROL:
                objects = [c for c in node.head.children if c.dep_ == "dobj"]
                if objects:
                    return objects
            if node.dep_ not in CLIMB_DEPS or node.head is node:
                break
            node = node.head
        return []

    # -- nouns ---------------------------------------------------------------------------
    def noun_roles(self, noun: Token, symmetric: bool) -> Roles:
        roles = Roles()
        children = list(noun.children)
        for child in children:
            if child.dep_ == "poss":
                self._add(roles.source, [child], roles)
                roles.explicit = True
            elif child.dep_ in ("compound", "amod", "nmod") and child.i < noun.i:
                self._add(roles.source if not roles.source else roles.target, _hyphenated(child), roles)
            elif child.dep_ in ("prep", "agent"):
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if child.lower_ == "by":
                    self._add(roles.source, objects, roles)
                elif child.lower_ == "between" or child.lower_ == "among":
                    roles.explicit = True
                    for obj in objects:
                        self._add(roles.source if not roles.source else roles.target, [obj], roles)
                elif child.lower_ in PARTICIPANT_PREPS or child.lower_ in TARGET_PREPS:
                    if child.lower_ in ("with", "between", "against"):
                        roles.explicit = True
                    self._add(roles.target, objects, roles)
        if not roles.source and not roles.explicit:
            self.governing_roles(noun, roles, symmetric)
        return roles

    def governing_roles(self, noun: Token, roles: Roles, symmetric: bool) -> None:
        """Participants from the clause the noun hangs off (and a proposer above it)."""
        clause = _clause_of(noun)
        if clause is None:
            return
        self._add(roles.source, self.subjects(clause), roles)
        lemma = clause.lemma_.lower()
        if symmetric and lemma not in TRAVEL:
            objects = [c for c in clause.children if c.dep_ in ("dobj", "dative") and c is not noun]
            if not any(noun in o.subtree for o in objects):
                self._add(roles.target, objects, roles)
        proposer = clause.head if clause.dep_ in ("ccomp", "xcomp") else None
        if symmetric and proposer is not None and proposer.lemma_.lower() in PROPOSERS:
            invitees = roles.source[:]
            roles.source = []
            self._add(roles.source, self.subjects(proposer), roles)
            if roles.source:
                roles.target = [a for a in invitees + roles.target if a not in roles.source]
            else:
                roles.source = invitees

    def _add(self, side: list[Actor], tokens: list[Token], roles: Roles) -> bool:
        added = False
        for token in tokens:
            for actor in self.resolve(token):
                if actor not in side:
                    side.append(actor)
                    roles.tokens.append(token)
                    added = True
        return added


def clause_verb(token: Token) -> Token | None:
    """The nearest verb (or predicative adjective) above a noun trigger; a verb is its own."""
    return token if token.pos_ in ("VERB", "AUX") else _clause_of(token)


def _clause_of(noun: Token) -> Token | None:
    node = noun
    for _ in range(MAX_CLIMB):
        if node.head is node:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "acomp":
            return node
    return None


def _conjuncts(token: Token) -> list[Token]:
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(_conjuncts(child))
    return found


def _prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    return [g for c in token.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def _hyphenated(token: Token) -> list[Token]:
    """"U.S.-Philippine" or "Zelensky-Putin" as one modifier: both names."""
    return [t for t in token.subtree if t.text != "-"]
