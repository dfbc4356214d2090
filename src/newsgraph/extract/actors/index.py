"""What the other extractors consult: the actors of a document, which token belongs to which, and
`ActorIndex.resolve`, the one answer to "which actor does this phrase mean" (rules in `resolver.py`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.extract.actors import resolver
from newsgraph.extract.layout import layout_of
from newsgraph.extract.linking import link_country
from newsgraph.kb.loader import KBCountry, KnowledgeBase
from newsgraph.lang.en.actors import NO_ACTOR_SECTORS, VAGUE_SECTORS
from newsgraph.lang.en.events import AGENT_NAME_DEPS, UNCODED_AGENT_NOUNS
from newsgraph.model import Actor, Mention

LONGEST_ACRONYM = 8  # letters of an acronym read as an organisation's name


def written_as_acronym(token: Token) -> bool:
    """Two letters or more, all capitals ("ICE", "ELN")."""
    return len(token) > 1 and token.is_alpha and token.is_upper


@dataclass
class PlaceMention:
    """A place named in the text (a city, region or country used as a location)."""

    start: int
    end: int
    text: str
    country: str | None


@dataclass
class ActorIndex:
    """Actors of a document and the token -> actor map used to resolve references."""

    actors: list[Actor]
    by_token: dict[int, Actor]
    places: list[PlaceMention]
    named_countries: frozenset[str] = frozenset()  # ISO3 of the countries named unambiguously
    kb: KnowledgeBase | None = None
    heads: dict[str, str] = field(default_factory=dict)  # group actor id -> its agent noun ("protester")
    bodies: dict[str, Actor] = field(default_factory=dict)  # group actor id -> the organisation it belongs to
    government: dict[str, Actor] = field(init=False)  # ISO3 -> the article's government of that country
    by_country: dict[str, Actor] = field(init=False)  # ISO3 -> the country's actor, else its government

    def __post_init__(self) -> None:
        self.government = {}
        for actor in self.actors:
            if actor.country and actor.kind == "organization" and actor.sector == "GOV":
                self.government.setdefault(actor.country, actor)
        self.by_country = {}
        for actor in self.actors:
            if actor.country and actor.kind == "country":
                self.by_country.setdefault(actor.country, actor)
        for country, actor in self.government.items():
            self.by_country.setdefault(country, actor)

    def government_of(self, country: KBCountry, word: Token) -> Actor:
        """The article's government of ``country``, else its country actor, else a government
        made now with ``word`` (a demonym: "German officials", "the Chinese ambassador") as its
        mention, for an event party whose country the article names nowhere else."""
        from newsgraph.extract.actors.places import with_article  # places imports this module

        found = self.government.get(country.iso3) or self.by_country.get(country.iso3)
        if found is not None:
            return found
        actor = Actor(
            id=f"A{len(self.actors) + 1}",
            name=f"Government of {with_article(country.name)}",
            kind="organization",
            kb_id=f"government/{country.iso3}",
            country=country.iso3,
            sector="GOV",
            mentions=[Mention(word.idx, word.idx + len(word.text), word.text)],
        )
        self.actors.append(actor)
        self.by_token[word.i] = actor
        self.government[country.iso3] = actor
        self.by_country[country.iso3] = actor
        return actor

    def agent_for(self, head: Token) -> Actor | None:
        """A group made now for an event party the actor steps left unnamed whose head is an
        agent noun of the KB ("The Punjab government", "a Turkish prosecutor", "Bavarian
        officials"): named by the noun and the modifiers before it, with that noun's sector and
        the country a modifier names (a demonym, a country or place)."""
        if self.kb is None or head.pos_ != "NOUN" or head.lower_ in UNCODED_AGENT_NOUNS or head.i in self.by_token:
            return None
        if layout_of(head.doc).in_quotation(head):  # a "law-abusing tribunal": someone's words for it
            return None
        sector = self.kb.agent_sector(head.lemma_.lower()) or self.kb.agent_sector(head.lower_)
        if sector is None or sector in VAGUE_SECTORS | NO_ACTOR_SECTORS:
            return None
        words = [m for m in head.lefts if m.dep_ in AGENT_NAME_DEPS and m.i + 1 >= head.left_edge.i]
        start = min((m.left_edge.i for m in words), default=head.i)
        span = head.doc[start : head.i + 1]
        if any(t.i in self.by_token for t in span):
            return None
        actor = Actor(
            id=f"A{len(self.actors) + 1}",
            name=span.text,
            kind="group",
            country=self._country_in(span[:-1].text),
            sector=sector,
            mentions=[Mention(span.start_char, span.end_char, span.text)],
        )
        self.actors.append(actor)
        self.by_token.update({t.i: actor for t in span})
        return actor

    def acronym_for(self, head: Token) -> Actor | None:
        """An organisation made now for an event party written as an acronym the actor steps did
        not list ("ICE returned the paintings", "the ELN declared a ceasefire"): not a country or
        a place, not in a heading or a quotation."""
        text = head.text
        if not written_as_acronym(head) or len(text) > LONGEST_ACRONYM:
            return None
        doc, layout = head.doc, layout_of(head.doc)
        neighbours = [doc[i] for i in (head.i - 1, head.i + 1) if 0 <= i < len(doc)]
        if any(n.is_alpha and n.is_upper for n in neighbours):  # a run of capitals: a heading, a shout
            return None
        if head.i in self.by_token or layout.in_quotation(head) or head.i in layout.heading_tokens:
            return None
        if self._country_in(text):
            return None
        actor = Actor(
            id=f"A{len(self.actors) + 1}",
            name=text,
            kind="organization",
            mentions=[Mention(head.idx, head.idx + len(text), text)],
        )
        self.actors.append(actor)
        self.by_token[head.i] = actor
        return actor

    def _country_in(self, words: str) -> str | None:
        """The country a demonym, country or place name among a phrase's modifiers names."""
        if not words or self.kb is None or not words[:1].isupper():
            return None
        country = link_country(words, self.kb, self.named_countries) or link_country(
            words.split()[0], self.kb, self.named_countries
        )
        return country.iso3 if country is not None else self.kb.place_country(words)

    def actor_at(self, token: Token) -> Actor | None:
        """The actor a token is part of a mention of."""
        return self.by_token.get(token.i)

    def resolve(
        self, token: Token, speaking: bool = False, voices: Iterable[resolver.Voice] = (), coordinated: bool = True
    ) -> list[Actor]:
        """The actors the noun phrase headed by ``token`` names, one per conjunct (only the head's
        unless ``coordinated``): as a party to an event, or (``speaking``) as who speaks; ``voices``
        say whom "I"/"we" in a quotation mean."""
        return resolver.resolve(self, token, speaking, voices, coordinated)

    def head_actor(self, token: Token, voices: Iterable[resolver.Voice] = ()) -> Actor | None:
        """The actor the head word ``token`` itself names (no modifiers, no conjuncts)."""
        return resolver.head_actor(self, token, voices)

    def conjuncts(self, token: Token) -> list[Token]:
        """The head words of the phrase headed by ``token`` and of those coordinated with it."""
        return resolver.conjuncts(self, token)

    def recent_organization(self, token: Token) -> Actor | None:
        """The organisation "it" (or "a statement") at ``token`` stands for."""
        return resolver.recent_organization(self, token)

    def plural_antecedent(self, token: Token) -> Token | None:
        """The plural noun phrase "they" at ``token`` stands for."""
        return resolver.plural_antecedent(token)
