"""Who performs an act the text names only through other words: the modifier of an act or
weapon noun ("a Saudi-led strike", "Russian jets"), a possessive pronoun on an act carried on
("X continued their attacks"); and a hyphenated modifier's names ("U.S.-Philippine")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsgraph.extract.actors import resolver
from newsgraph.extract.events.lexicon import names_an_act
from newsgraph.lang.en.events import BACKING_PARTICIPLES, CARRYING_ON_VERBS, LIGHT_VERBS, WEAPON_NOUNS
from newsgraph.model import Actor

if TYPE_CHECKING:
    from newsgraph.extract.events.roles import RoleFinder, Roles


def performed(finder: RoleFinder, subjects: list[Token], roles: Roles) -> None:
    """A subject that is an act ("a Saudi-led strike killed"): who its modifier names."""
    for subject in subjects:
        found = performer(finder, subject)
        if found is not None:
            word, actors = found
            roles.source.extend(a for a in actors if a not in roles.source)
            roles.tokens.append(word)


def performer(finder: RoleFinder, noun: Token) -> tuple[Token, list[Actor]] | None:
    """Who the modifier nearest an act or weapon noun names ("a Saudi-led strike", "Danish aid",
    "Russian jets": that state's government; "regime air strikes"), not a backer ("a
    Russia-backed offensive")."""
    if not names_an_act(noun) and noun.lemma_.lower() not in WEAPON_NOUNS:
        return None
    for child in sorted((c for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod")), key=lambda c: -c.i):
        if child.lower_ in BACKING_PARTICIPLES:
            continue
        for word in (t for t in hyphenated(child) if t.pos_ in ("PROPN", "ADJ", "NOUN")):
            state = resolver.country_actor(finder.actors, word, state=True, make=True)
            actors = [state] if state is not None else finder.party(word)
            if actors:
                return word, actors
    return None


def possessor(finder: RoleFinder, noun: Token, owner: Token) -> list[Token]:
    """The possessor of a noun event; a pronoun that names no actor, on the object of a verb
    of carrying on ("X continued their attacks", "began its assault"), is that verb's subject."""
    if owner.pos_ != "PRON" or noun.dep_ != "dobj" or finder.party(owner):
        return [owner]
    verb = noun.head
    if verb.lemma_.lower() not in CARRYING_ON_VERBS | LIGHT_VERBS:
        return [owner]
    return finder.subjects(verb) or [owner]


def hyphenated(token: Token) -> list[Token]:
    """ "U.S.-Philippine" or "Zelensky-Putin" as one modifier: both names."""
    return [t for t in token.subtree if t.text != "-"]
