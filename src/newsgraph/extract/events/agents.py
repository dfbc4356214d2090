"""Generic agents: the unnamed actors of events ("protesters", "police in Lagos", "Iraqi troops").

A noun phrase that names no actor of the article but whose head (or head with its compound
modifiers: "security forces") is a role noun of the agent dictionary (``kb.agent_sector``) becomes
a ``group`` actor coded with that PLOVER sector and the country of a demonym or country modifier
("Iraqi protesters") or of a place it is in or from ("police in Lagos"). "Hundreds of protesters"
is read through its quantity word. A later bare mention of the same noun ("the protesters") is the
same actor; vague nouns (sectors ``UNK``, ``JNK``: "man", "group") are no agents.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.actors import ActorIndex
from newsgraph.extract.linking import link_country
from newsgraph.kb.loader import KnowledgeBase
from newsgraph.lang.en.actors import ROLE_NOUNS, TITLE_WORDS
from newsgraph.lang.en.events import (
    AGENT_ORIGIN_PREPS,
    INDIVIDUAL_SUFFIXES,
    PLACE_NOUNS,
    QUANTITY_HEADS,
    STATE_NOUNS,
    VAGUE_SECTORS,
)
from newsgraph.model import Actor, Mention


class GenericAgents:
    """Creates and reuses the generic agents of one document; they join the actor index's actors."""

    def __init__(self, doc: Doc, index: ActorIndex, kb: KnowledgeBase | None):
        self.doc = doc
        self.index = index
        self.kb = kb
        self.by_name: dict[str, Actor] = {}
        self.by_noun: dict[str, Actor] = {}  # head lemma -> the last agent with that head
        self.heads: dict[str, str] = {}  # actor id -> head lemma

    def head_of(self, actor: Actor) -> str | None:
        """The head noun of a generic agent ("protester"), None for a named actor."""
        return self.heads.get(actor.id) if self.is_generic(actor) else None

    def is_generic(self, actor: Actor) -> bool:
        return any(a is actor for a in self.by_name.values())

    def worth_an_event(self, source: list[Actor], target: list[Actor], patient: bool = False) -> bool:
        """An event needs a named actor, two sides, or a generic source placed in a country or
        acting on someone the text names ("the court convicted the bank"): a lone "police are
        investigating", or someone unnamed acting on "U.S. sailors", says too little to code."""
        named = any(not self.is_generic(a) for a in source + target)
        return bool((source and target) or named or any(a.country or patient for a in source))

    def qualified(self, token: Token) -> Actor | None:
        """ "Russian troops", "Venezuela's opposition": an agent noun its own words place in a
        country is that generic agent rather than the country ("Belarusian officials" stay the
        government)."""
        head = _through_quantity(token)
        if head.lemma_.lower() in STATE_NOUNS:
            return None
        return self.agent(head, placed=True)

    def of_phrase(self, heads: list[Token], placed: bool = False) -> list[Actor]:
        """The generic agents of coordinated noun phrase heads ("police and protesters"); with
        ``placed``, those in a country their own words name ("Russian troops")."""
        found: list[Actor] = []
        for head in heads:
            actor = self.qualified(head) if placed else self.agent(head)
            if actor is not None and actor not in found:
                found.append(actor)
        return found

    def agent(self, token: Token, placed: bool = False) -> Actor | None:
        """The generic agent the noun phrase headed by ``token`` denotes, or None (also when
        ``placed`` and no word of the phrase names its country)."""
        head = _through_quantity(token)
        if self.kb is None or head.pos_ != "NOUN" or self.index.actor_at(head) is not None:
            return None
        if head.lemma_.lower() in PLACE_NOUNS or _individual(head):
            return None
        words = _name_words(head)
        sector = self._sector(words)
        if sector is None and words[0].i > 0 and self.kb.agent_sector(head.lemma_.lower()) in VAGUE_SECTORS:
            before = self.doc[words[0].i - 1]  # "militant groups": the modifier says what the group is
            if before.head == head and before.dep_ in ("amod", "compound") and self.kb.agent_sector(before.lower_):
                words = [before, *words]
                sector = self._sector(words)
        if sector is None:
            return None
        span = self.doc[words[0].i : head.i + 1]
        country = self._own_country(span)
        if placed and country is None:
            return None
        return self._actor(span, head, sector, country or self._origin(head))

    def _sector(self, words: list[Token]) -> str | None:
        """The sector of the longest agent noun ending the phrase ("security forces", "forces"),
        else of a modifier when the head is vague ("militant groups", "opposition members")."""
        assert self.kb is not None
        for start in range(len(words)):
            sector = self.kb.agent_sector(" ".join(w.lower_ for w in words[start:]))
            if sector is not None:
                break
        if sector in VAGUE_SECTORS:
            modifiers = [w for w in reversed(words[:-1]) if w.pos_ in ("NOUN", "ADJ") and not w.text[:1].isupper()]
            sector = next((found for w in modifiers if (found := self.kb.agent_sector(w.lower_)) is not None), None)
        return None if sector in VAGUE_SECTORS else sector

    def _actor(self, span: Span, head: Token, sector: str, country: str | None) -> Actor:
        key = span.text.lower()
        bare = len(span) == 1 and country is None
        actor = self.by_name.get(key) or (self.by_noun.get(head.lemma_.lower()) if bare else None)
        if actor is None:
            actor = Actor(
                id=f"A{len(self.index.actors) + 1}", name=span.text, kind="group", country=country, sector=sector
            )
            self.index.actors.append(actor)
            self.by_name[key] = actor
        if not any(m.start == span.start_char for m in actor.mentions):
            actor.mentions.append(Mention(span.start_char, span.end_char, span.text))
        self.by_noun[head.lemma_.lower()] = actor
        self.heads.setdefault(actor.id, head.lemma_.lower())
        return actor

    def _own_country(self, span: Span) -> str | None:
        """The country of a demonym or country name in the phrase ("Iraqi", "Venezuela's")."""
        assert self.kb is not None
        for word in span[:-1]:
            named = self.index.actor_at(word)
            if named is not None and named.kind == "country":
                return named.country
            country = link_country(word.text, self.kb, self.index.named_countries) if word.text[:1].isupper() else None
            if country is not None:
                return country.iso3
        return None

    def _origin(self, head: Token) -> str | None:
        """The country of a place the agent is in or from ("police in Lagos")."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in AGENT_ORIGIN_PREPS:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                named = self.index.actor_at(pobj)
                if named is not None and named.country and named.kind in ("country", "organization"):
                    return named.country
                place = next((p for p in self.index.places if p.start <= pobj.idx < p.end), None)
                if place is not None and place.country:
                    return place.country
        return None


def _individual(head: Token) -> bool:
    """A singular noun for one person ("Peru's president", "a soldier")."""
    lemma = head.lemma_.lower()
    return head.tag_ == "NN" and (lemma in ROLE_NOUNS or lemma in TITLE_WORDS or lemma.endswith(INDIVIDUAL_SUFFIXES))


def _through_quantity(token: Token) -> Token:
    """ "hundreds of protesters", "a group of migrants": the noun after the quantity word."""
    if token.pos_ == "NUM" or token.lemma_.lower() in QUANTITY_HEADS:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return token


def _name_words(head: Token) -> list[Token]:
    """The head and the contiguous modifiers before it that name what it is: compound nouns,
    capitalised adjectives ("Iraqi") and hyphenated ones ("pro-government"), not evaluations
    ("angry") nor determiners and numbers."""
    words = [head]
    for child in reversed(list(head.lefts)):
        if child.right_edge.i != words[0].i - 1:
            break
        phrase = list(head.doc[child.left_edge.i : child.right_edge.i + 1])
        if any(t.dep_ in ("conj", "cc") for t in phrase):  # "ISIS and Russian warplanes"
            break
        hyphenated = any(t.text == "-" for t in phrase)
        capitalised = child.text[:1].isupper()
        country_possessor = child.dep_ == "poss" and child.pos_ == "PROPN" and len(phrase) <= 2  # "Venezuela's"
        naming = (
            child.dep_ in ("compound", "nmod")
            or (child.dep_ == "amod" and (capitalised or hyphenated))
            or country_possessor
        )
        if not naming:
            break
        words[:0] = phrase
    return words
