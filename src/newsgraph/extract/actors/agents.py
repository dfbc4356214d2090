"""Group actors: unnamed agents named by a coded role or group noun ("Peruvian farmers", "police in
Nairobi", "Hundreds of protesters", "Chilean security forces").

A noun phrase that names no actor but whose head (or head with its compound modifiers: "security
forces") is an agent noun of the KB (``kb.agent_sector``) is a ``group`` actor. Its name is the
agent words only ("Police" for "Police in Nairobi", "Chilean rebel group" for "Around 100 members
of a Chilean rebel group"); its sector is that noun's, its country that of a country word in the
phrase ("Iraqi", "Venezuela's"), of a place it is in or from ("police in Lagos") or of an
organisation it belongs to ("European Union lawmakers"). Quantity words are read through. A
vague noun (sector UNK: "men", "occupiers") is a group of that sector and a party to no event,
unless a modifier says what it is ("militant groups"); JNK and NON nouns are none. A later bare
mention of the same noun ("the rebels") is the same actor.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from spacy.tokens import Span, Token

from newsgraph.extract.actors.dictionary_coding import region_demonym_country
from newsgraph.extract.actors.places import government_cluster
from newsgraph.extract.actors.state import Cluster, State
from newsgraph.lang.en.actors import (
    AGENT_ORIGIN_PREPS,
    COLLECTIVE_NOUNS,
    INDIVIDUAL_SUFFIXES,
    LEADER_TYPES,
    NATIONAL_GOVERNMENT_NOUNS,
    NO_ACTOR_SECTORS,
    PLACE_LABELS,
    PLACE_NOUNS,
    QUANTIFIERS,
    QUANTITY_HEADS,
    ROLE_NOUNS,
    TITLE_WORDS,
    VAGUE_SECTORS,
)
from newsgraph.lang.en.events import STATE_NOUNS
from newsgraph.namekey import persons_keyed

_NO_AGENT = VAGUE_SECTORS | NO_ACTOR_SECTORS


class GroupAgents:
    """Makes and reuses the group actors of one document as clusters of the shared state."""

    def __init__(self, state: State):
        self.state = state
        self.by_name: dict[str, Cluster] = {}
        self.by_noun: dict[str, Cluster] = {}  # head lemma -> the last group with that head

    def add(self, head: Token, start: int, end: int, individual: bool = False) -> None:
        """Make the phrase ``start:end`` whose agent noun is ``head`` a group actor, if it names
        one; ``individual``: also a singular person noun ("a Ugandan attorney" who acts)."""
        state = self.state
        found = self.agent_words(head, individual)
        bodies = held_bodies(state, start, end, head)
        governments = self.coordinated_governments(head)
        if found is None and bodies is not None:
            for word, government in governments:  # "Chilean and Peruvian delegations": no coded noun
                state.add(government, word.i, word.i + 1)
        if found is None or bodies is None:
            return
        if any(_names_it(head, t) for t in state.doc[head.i + 1 : end] if t.i in state.by_token):
            return  # "the aid group Gatsby": the name after the noun is the actor, the noun describes it
        words, sector = found
        span = state.doc[words[0].i : head.i + 1]
        if governments:
            start = span.start  # the demonyms are the governments' mentions, not the group's
        whole = state.doc[start:end]
        country, sector = self.placed(span, whole, bodies, sector)
        if individual:  # one unnamed person: an actor of its own, named by the whole phrase
            cluster = Cluster("group", whole.text, country=country, sector=sector, head=head.lemma_.lower())
        else:
            cluster = self.cluster(span, head, sector, country)
        cluster.body = cluster.body or next(iter(bodies), None)
        state.release(min(start, span.start), head.i + 1)
        if any(i in state.by_token for i in range(head.i + 1, end)):  # a name after the noun keeps its tokens
            end = head.i + 1
        state.add(cluster, min(start, span.start), end)
        for word, government in governments:
            state.add(government, word.i, word.i + 1)

    def placed(self, span: Span, whole: Span, bodies: list[Cluster], sector: str) -> tuple[str | None, str]:
        """The country and sector of the group named ``span`` (``whole``: its phrase): a KB body's
        that it names ("the Sinaloa cartel", written in lower case), else the country of its words,
        of the place it is in or from, or of the body it belongs to."""
        known = self.state.kb.organization(span.text)
        if known is not None:
            sector = known.sector or sector
        country = known.country if known is not None else None
        country = country or self.own_country(span) or leader_country(self.state, span)
        country = country or self.origin(span[-1]) or place_country(self.state, whole)
        return country or next((b.country for b in bodies if b.country), None), sector

    def agent_words(self, head: Token, individual: bool = False) -> tuple[list[Token], str] | None:
        """The words naming the agent ``head`` denotes and its sector, or None when it is none
        (a singular person noun too unless ``individual``); a vague noun keeps sector UNK ("a
        group of men": coded, but no party to an event)."""
        kb = self.state.kb
        if head.pos_ not in ("NOUN", "PROPN") or (_individual(head) and not individual) or _place(head):
            return None
        words = name_words(head, lambda phrase: kb.agent_sector(" ".join(w.lower_ for w in phrase)) is not None)
        sector = self.sector(words)
        if sector in VAGUE_SECTORS:  # "a Philippine nationalist group": every modifier says what it is
            words = name_words(head, lambda phrase: True)
            sector = self.sector(words)
        return None if sector is None else (words, sector)

    def sector(self, words: list[Token]) -> str | None:
        """The sector of the longest agent noun ending the phrase ("security forces", "forces"),
        else of a modifier when the head is vague ("militant groups", "opposition members")."""
        kb = self.state.kb
        sector = None
        for start in range(len(words)):
            sector = kb.agent_sector(" ".join(w.lower_ for w in words[start:]))
            if sector is not None:
                break
        if sector in _NO_AGENT:
            modifiers = [w for w in reversed(words[:-1]) if w.pos_ in ("NOUN", "ADJ") and not w.text[:1].isupper()]
            found = next((found for w in modifiers if (found := kb.agent_sector(w.lower_)) not in _NO_AGENT), None)
            sector = found or (sector if sector not in NO_ACTOR_SECTORS else None)
        return sector

    def cluster(self, span: Span, head: Token, sector: str, country: str | None) -> Cluster:
        """The group named ``span``: one met before under this name, or as a bare later mention
        ("the rebels") the last group with this noun."""
        key, lemma = span.text.lower(), head.lemma_.lower()
        bare = len(span) == 1 and country is None
        cluster = self.by_name.get(key) or (self.by_noun.get(lemma) if bare else None)
        if cluster is None:
            cluster = Cluster("group", span.text, country=country, sector=sector, head=lemma)
            self.by_name[key] = cluster
        self.by_noun[lemma] = cluster
        return cluster

    def coordinated_governments(self, head: Token) -> list[tuple[Token, Cluster]]:
        """ "Chilean and Peruvian negotiators": officials of two or more countries stand for their
        governments, each demonym a mention of its government (so the events see both sides)."""
        state = self.state
        if head.lemma_.lower() not in STATE_NOUNS:
            return []
        modifiers = [w for c in head.lefts if c.dep_ in ("amod", "compound", "nmod") for w in (c, *c.conjuncts)]
        named = [(w, c) for w in modifiers if w.text[:1].isupper() and (c := state.link_country(w.text)) is not None]
        if len({c.iso3 for _w, c in named}) < 2:
            return []
        found = []
        for word, country in named:
            if state.find("country", kb_id=f"country/{country.iso3}") is not None:
                continue  # the article names the country: the events take it ("Chile and Peru last met")
            found.append((word, government_cluster(state, country)))
        return found

    def own_country(self, span: Span) -> str | None:
        """The country of a demonym or country name in the phrase ("Iraqi", "Venezuela's"), or of the
        region a demonym names ("Crimean")."""
        state = self.state
        for word in span[:-1]:
            named = state.by_token.get(word.i)
            if named is not None and named.kind == "country":
                return named.country
            country = state.link_country(word.text) if word.text[:1].isupper() else None
            found = country.iso3 if country is not None else region_demonym_country(state, word.text)
            if found is not None:
                return found  # "Iraqi", "Crimean"
        country = state.chunk_country(span)
        return country.iso3 if country is not None else None

    def origin(self, head: Token) -> str | None:
        """The country of a place the agent is in or from ("police in Lagos")."""
        state = self.state
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in AGENT_ORIGIN_PREPS:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                named = state.by_token.get(pobj.i)
                if named is not None and named.country and named.kind in ("country", "organization"):
                    return named.country
                place = next((p for p in state.places if p.start <= pobj.idx < p.end), None)
                if place is not None and place.country:
                    return place.country
        return None


def leader_country(state: State, span: Span) -> str | None:
    """ "the Trump administration", "the Modi government": the country of the one nation the KB's
    heads of state or government of that surname led."""
    if span[-1].lemma_.lower() not in NATIONAL_GOVERNMENT_NOUNS:
        return None
    for word in span[:-1]:
        if word.text[:1].isupper():
            persons = persons_keyed(word.text, state.kb)
            led = {o.country for p in persons for o in p.offices if o.type in LEADER_TYPES and o.country}
            if len(led) == 1:
                return led.pop()
    return None


def held_bodies(state: State, start: int, end: int, noun: Token) -> list[Cluster] | None:
    """The organisations named inside a group's phrase ("European Union lawmakers"); None when
    the phrase holds a person or its noun is taken."""
    held = {id(state.by_token[i]): state.by_token[i] for i in range(start, end) if i in state.by_token}
    if noun.i in state.by_token or any(c.kind not in {"country", "organization"} for c in held.values()):
        return None
    return [c for c in held.values() if c.kind == "organization"]


def place_country(state: State, span: Span) -> str | None:
    """The country of a place named in a phrase ("Shanghai police", "trade unions in Denmark")."""
    # the entities are sorted and disjoint: start at the first one ending after the word before the span
    for ent in state.ents[bisect_right(state.ent_ends, span.start - 1) :]:
        if ent.start >= span.end:
            break
        country = state.country_of_text(ent.text)
        if country is not None:
            return country.iso3
        found = state.kb.place_country(ent.text) if ent.label_ in PLACE_LABELS else None
        if found is not None:
            return found
    return None


def _names_it(noun: Token, name: Token) -> bool:
    """``name`` is the name of the thing ``noun`` describes: in apposition to it, or the head it is
    a compound of ("aid group Gatsby"); not a place or body after a preposition ("rebels in Congo")."""
    return (name.head == noun and name.dep_ == "appos") or (noun.head == name and noun.dep_ == "compound")


def through_quantity(token: Token) -> Token:
    """ "hundreds of protesters", "a group of migrants": the noun after the quantity word."""
    if token.pos_ == "NUM" or token.lemma_.lower() in QUANTITY_HEADS or token.lower_ in COLLECTIVE_NOUNS:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return token


def _place(head: Token) -> bool:
    """A noun for a place ("the border", "a state of emergency"), but not plural members of a
    whole ("AU member states")."""
    members = head.tag_ == "NNS" and any(c.dep_ == "compound" for c in head.lefts)
    return head.lemma_.lower() in PLACE_NOUNS and not members


def _individual(head: Token) -> bool:
    """A singular noun for one person ("Peru's president", "a soldier")."""
    lemma = head.lemma_.lower()
    return head.tag_ == "NN" and (lemma in ROLE_NOUNS or lemma in TITLE_WORDS or lemma.endswith(INDIVIDUAL_SUFFIXES))


def name_words(head: Token, coded: Callable[[list[Token]], bool]) -> list[Token]:
    """The head and the contiguous modifiers before it that name what it is: compound nouns,
    capitalised adjectives ("Iraqi"), hyphenated ones ("pro-government") and those the agent
    dictionary knows with the noun (``coded``: "foreign ministers"), not evaluations ("angry")
    nor determiners, quantifiers ("Several") and numbers."""
    words = [head]
    for child in reversed(list(head.lefts)):
        if child.right_edge.i != words[0].i - 1:
            break
        phrase = list(head.doc[child.left_edge.i : child.right_edge.i + 1])
        if any(t.dep_ in ("conj", "cc") for t in phrase) or child.lower_ in QUANTIFIERS:  # "ISIS and Russian warplanes"
            break
        hyphenated = any(t.text == "-" for t in phrase)
        capitalised = child.text[:1].isupper()
        country_possessor = child.dep_ == "poss" and child.pos_ == "PROPN" and len(phrase) <= 2  # "Venezuela's"
        naming = (
            child.dep_ in ("compound", "nmod")
            or (child.dep_ == "amod" and (capitalised or hyphenated or coded([*phrase, *words])))
            or country_possessor
        )
        if not naming:
            break
        words[:0] = phrase
    return words
