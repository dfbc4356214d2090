"""What the other extractors consult: the actors of a document and which token belongs to which."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from newsgraph.model import Actor


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

    def actor_at(self, token: Token) -> Actor | None:
        """The actor a token is part of a mention of."""
        return self.by_token.get(token.i)
