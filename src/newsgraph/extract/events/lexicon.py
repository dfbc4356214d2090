"""Event trigger lexicon and the CAMEO -> PLOVER / Goldstein table (data files in ``data/``).

``data/event_lexicon.json`` maps a lemma to entries tried in order; each names the CAMEO code it
stands for and may constrain the trigger's syntax (a particle, a preposition, its object, the
verb governing a noun...). A noun naming a verb's act (``NOMINALIZATIONS``: "suspension") is read
with that verb's entries a noun can meet. ``data/cameo_plover.json`` is the PLOVER v0.8 conversion table with
Goldstein scores, so the PLOVER type, mode and score of an entry come from its CAMEO code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from newsgraph.lang.en.events import (
    COMPLEMENT_DEPS,
    NOMINALIZATIONS,
    NOUN_MODIFIER_DEPS,
    PREP_DEPS,
    TRIGGER_POS,
    VERB_OBJECT_DEPS,
    VERB_ONLY_RULES,
)

# Whether a noun phrase head names an actor.
NamesActor = Callable[[Token], bool]
# The CAMEO code that stands for a PLOVER type as a whole (a type read by the classifier).
GENERIC_CAMEO = {
    "ACCUSE": "112",
    "AGREE": "030",
    "AID": "070",
    "ASSAULT": "180",
    "COERCE": "170",
    "CONCEDE": "080",
    "CONSULT": "040",
    "COOPERATE": "060",
    "MOBILIZE": "150",
    "PROTEST": "140",
    "REJECT": "120",
    "REQUEST": "100",
    "RETREAT": "084",
    "SANCTION": "160",
    "SUPPORT": "050",
    "THREATEN": "130",
}


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger lemma: its PLOVER type and mode, CAMEO code and score."""

    type: str
    mode: str | None
    cameo: str
    goldstein: float | None


@dataclass(frozen=True)
class _Entry:
    sense: Sense
    pos: str
    rules: dict[str, Any]


def _data(name: str) -> dict[str, Any]:
    return json.loads(resources.files("newsgraph.extract.events").joinpath("data", name).read_text("utf-8"))


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, dict[str, Any]]:
    """CAMEO code -> {plover, mode, label, goldstein}."""
    return _data("cameo_plover.json")["codes"]


def generic_sense(type_: str) -> Sense:
    """The reading of a bare PLOVER type: its generic CAMEO code, that code's mode and score."""
    code = GENERIC_CAMEO[type_]
    known = cameo_table()[code]
    return Sense(type=type_, mode=known["mode"], cameo=code, goldstein=known["goldstein"])


@lru_cache(maxsize=1)
def _entries() -> dict[str, tuple[_Entry, ...]]:
    table = cameo_table()
    lexicon: dict[str, tuple[_Entry, ...]] = {}
    for lemma, rows in _data("event_lexicon.json")["triggers"].items():
        entries = []
        for row in rows:
            code = row["cameo"]
            known = table[code]
            sense = Sense(
                type=row.get("type", known["plover"]),
                mode=row.get("mode", known["mode"]),
                cameo=code,
                goldstein=known["goldstein"],
            )
            rules = {k: v for k, v in row.items() if k not in ("pos", "cameo", "type", "mode")}
            entries.append(_Entry(sense, row["pos"], rules))
        lexicon[lemma] = tuple(entries)
    for noun, verb in NOMINALIZATIONS.items():
        if noun not in lexicon:
            lexicon[noun] = tuple(
                _Entry(e.sense, "NOUN", e.rules)
                for e in lexicon.get(verb, ())
                if e.pos == "VERB" and not VERB_ONLY_RULES & e.rules.keys()
            )
    return lexicon


@lru_cache(maxsize=8)
def _matcher(vocab: Vocab) -> Matcher:
    """One compiled matcher over every trigger lemma (built once per vocabulary)."""
    matcher = Matcher(vocab)
    matcher.add("TRIGGER", [[{"LEMMA": {"IN": sorted(_entries())}, "POS": {"IN": sorted(TRIGGER_POS)}}]])
    return matcher


def trigger_tokens(doc: Doc) -> list[Token]:
    """Tokens whose lemma is a trigger lemma of their part of speech."""
    return [doc[start] for _, start, _ in _matcher(doc.vocab)(doc)]


def names_an_act(token: Token) -> bool:
    """The noun is a trigger word of the lexicon ("strike", "aid"): it names an act, not a person."""
    return token.pos_ == "NOUN" and any(e.pos == "NOUN" for e in _entries().get(token.lemma_.lower(), ()))


def sense_of(token: Token, names_actor: NamesActor) -> Sense | None:
    """The first lexicon reading whose constraints the token's syntax meets, or None.

    ``names_actor(token) -> bool`` tells whether a noun phrase head names an actor.
    """
    for entry in _entries().get(token.lemma_.lower(), ()):
        if entry.pos == token.pos_ and all(
            _holds(rule, value, token, names_actor) for rule, value in entry.rules.items()
        ):
            return entry.sense
    return None


def _objects(token: Token) -> list[Token]:
    """What a trigger acts on: a noun's modifiers and "of" objects, a verb's objects with their
    conjuncts and "of" objects."""
    if token.pos_ == "NOUN":
        return [c for c in token.children if c.dep_ in NOUN_MODIFIER_DEPS] + [
            g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
        ]
    objs = [c for c in token.children if c.dep_ in VERB_OBJECT_DEPS]
    objs += [g for o in objs for g in o.children if g.dep_ == "conj"]
    # "sent a company of 250 troops", "a shipment of aid": what the measure is of
    return objs + [g for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]


def _governor(token: Token) -> Token | None:
    """The verb a trigger hangs off, through prepositions ("hold talks", "call for talks")."""
    head = token.head
    while head.dep_ == "prep" and head.head != head:
        head = head.head
    return head if head != token and head.pos_ in ("VERB", "AUX") else None


def _as_clause(token: Token) -> bool:
    """ "label X as illegitimate", parsed as an adverbial clause marked by "as"."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)


def _holds(rule: str, value: Any, token: Token, names_actor: NamesActor) -> bool:
    """Whether ``token`` meets the lexicon constraint ``rule`` with argument ``value``."""
    check = CONSTRAINTS.get(rule)
    if check is None:
        raise ValueError(f"unknown lexicon constraint {rule!r}")
    return check(token, value, names_actor)


def _particle(token: Token, value: Any, names_actor: NamesActor) -> bool:
    """ "call off": a particle among ``value``."""
    return any(c.dep_ == "prt" and c.lower_ in value for c in token.children)


def _preposition(token: Token, value: Any, names_actor: NamesActor) -> bool:
    """ "protest against": a preposition (or the passive "by") among ``value``, not one of time
    ("called X on Saturday" is no "call on")."""
    return any(c.dep_ in PREP_DEPS and c.lower_ in value and not _of_time(c) for c in token.children)


def _of_time(preposition: Token) -> bool:
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in preposition.children)


def _object(token: Token, value: Any, names_actor: NamesActor) -> bool:
    """ "impose sanctions": an object (a noun's modifier or "of" object) whose lemma is among ``value``."""
    return any(o.lemma_.lower() in value for o in _objects(token))


def _actor_object(token: Token, value: Any, names_actor: NamesActor) -> bool:
    """ "attack Kyiv": an object that names an actor."""
    return any(names_actor(o) for o in _objects(token))


def _any_object(token: Token, value: Any, names_actor: NamesActor) -> bool:
    """An object of any kind."""
    return bool(_objects(token))


def _object_predicate(token: Token, value: Any, names_actor: NamesActor) -> bool:
    """ "label X (as) a terrorist": a direct object and a predicate about it."""
    children = list(token.children)
    return any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") or _as_clause(c) for c in children) and any(
        c.dep_ == "dobj" for c in children
    )


def _complement(token: Token, value: Any, names_actor: NamesActor) -> bool:
    """ "refuse to go": a complement clause."""
    return any(c.dep_ in COMPLEMENT_DEPS for c in token.children)


def _no_complement(token: Token, value: Any, names_actor: NamesActor) -> bool:
    """No complement clause whose lemma is among ``value``."""
    return not any(c.dep_ in COMPLEMENT_DEPS and c.lemma_.lower() in value for c in token.children)


def _modifier(token: Token, value: Any, names_actor: NamesActor) -> bool:
    """ "peace talks": a compound or adjective whose lemma is among ``value``."""
    return any(c.dep_ in NOUN_MODIFIER_DEPS and c.lemma_.lower() in value for c in token.children)


def _governed(token: Token, value: Any, names_actor: NamesActor) -> bool:
    """ "hold talks": the verb governing the trigger has a lemma among ``value``."""
    return _governor_lemma(token) in value


def _not_governed(token: Token, value: Any, names_actor: NamesActor) -> bool:
    """No verb with a lemma among ``value`` governs the trigger."""
    return _governor_lemma(token) not in value


def _governor_lemma(token: Token) -> str | None:
    governor = _governor(token)
    return governor.lemma_.lower() if governor is not None else None


# The constraints an entry of ``data/event_lexicon.json`` may put on its trigger, by key.
CONSTRAINTS: dict[str, Callable[[Token, Any, NamesActor], bool]] = {
    "prt": _particle,
    "prep": _preposition,
    "obj": _object,
    "obj_actor": _actor_object,
    "obj_any": _any_object,
    "oprd": _object_predicate,
    "xcomp": _complement,
    "xcomp_not": _no_complement,
    "comp": _modifier,
    "gov": _governed,
    "gov_not": _not_governed,
}
