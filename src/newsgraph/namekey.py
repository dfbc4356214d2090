"""Name keys: one string for the spellings of one personal name.

``name_key("[Russian President Vladimir] Putin")`` and ``name_key("Vladimir Putin")`` are equal, so
are the keys of "Zelenskyy", "Zelenskiy" and "Zelensky", or "Kiril Dmitriev" and "Kirill
Dmitriyev": accents and scripts folded to ASCII (anyascii), punctuation and editorial brackets
dropped, and each word rewritten by the spelling families of `lang/en/names.py`. KB persons are
found by key (:func:`persons_keyed`). Imports no spaCy.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from newsgraph.kb.loader import KBPerson, KnowledgeBase
from newsgraph.lang.en.names import (
    GIVEN_NAME_FAMILIES,
    KEY_STOPWORDS,
    MIN_PET_FORM_LENGTH,
    MIN_REWRITTEN_LENGTH,
    PET_FORM_ENDING,
    SPELLING_RULES,
)

_RULES = tuple((re.compile(pattern), replacement) for pattern, replacement in SPELLING_RULES)
_FAMILY = {member: family[0] for family in GIVEN_NAME_FAMILIES for member in family}
_PET_ENDING = re.compile(PET_FORM_ENDING[0])
_EDITORIAL = re.compile(r"[\[\]{}]")
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


def bare_name(text: str) -> str:
    """A name as written, without editorial brackets and a possessive ending ("Putin’s" -> "Putin")."""
    return _POSSESSIVE.sub("", display_name(text))


def display_name(text: str) -> str:
    """A name as written, without editorial brackets: ``"Vladimir] Putin"`` -> ``"Vladimir Putin"``."""
    return _SPACES.sub(" ", _EDITORIAL.sub("", text)).strip()


def name_words(text: str) -> list[str]:
    """The folded words of a name: ASCII, lower case, no punctuation or brackets ("Okonkwo-Strand" one word)."""
    folded = anyascii(_POSSESSIVE.sub("", display_name(text).strip())).casefold()
    folded = re.sub(r"[-‐‑–]", "", folded).replace(".", " ").replace("'", "")  # a hyphenated name is one word
    return [w for w in _NOT_WORD.sub("", folded).split() if w not in KEY_STOPWORDS]


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """One folded word of a name under its spelling family ("zelenskyy" -> "zelenski"), a
    pet-form ending written one way ("jody", "jodie" -> "jodi")."""
    if len(word) >= MIN_REWRITTEN_LENGTH:
        for pattern, replacement in _RULES:
            word = pattern.sub(replacement, word)
        word = _FAMILY.get(word, word)
    if len(word) >= MIN_PET_FORM_LENGTH:
        word = _PET_ENDING.sub(PET_FORM_ENDING[1], word)
    return word


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The key of a personal name: its words' keys joined by spaces ("" for no word)."""
    return " ".join(word_key(w) for w in name_words(text))


def surname_key(text: str) -> str:
    """The key of a name's last word ("" for no word)."""
    key = name_key(text)
    return key.rsplit(" ", 1)[-1]


def same_name(first: str, second: str) -> bool:
    """Two keys name one person: the same surname, and given names that agree word by word, an
    initial standing for any name it begins ("v putin" ~ "vladimir putin"). A key without given
    names agrees with none (a bare surname is not a full name)."""
    a, b = first.split(), second.split()
    if not a or not b or a[-1] != b[-1] or len(a) == 1 or len(b) == 1:
        return bool(a) and a == b
    return all(_given_agree(x, y) for x, y in zip(a[:-1], b[:-1], strict=False))


def _given_agree(x: str, y: str) -> bool:
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y


def persons_keyed(name: str, kb: KnowledgeBase) -> list[KBPerson]:
    """KB persons one of whose names has this name's key; for a name with given names or
    initials, also those whose names agree with it (:func:`same_name`); for a
    bare surname of four letters or more, those with that surname key."""
    key = name_key(name)
    if not key:
        return []
    found = _persons_by_key(kb).get(key)
    if found:
        return list(found)
    by_surname = _persons_by_surname(kb).get(surname_key(name), ())
    if " " not in key:
        return list(by_surname) if len(key) >= 4 else []
    return [p for p in by_surname if any(same_name(key, k) for k in person_keys(p))]


@lru_cache(maxsize=4096)
def person_keys(person: KBPerson) -> tuple[str, ...]:
    """The name keys of a KB person's name and aliases."""
    return tuple(dict.fromkeys(k for n in (person.name, *person.aliases) if (k := name_key(n))))


@lru_cache(maxsize=4)
def _persons_by_key(kb: KnowledgeBase) -> dict[str, tuple[KBPerson, ...]]:
    """Name key -> the KB persons a name or alias of whom has it."""
    found: dict[str, list[KBPerson]] = {}
    for person in kb.persons:
        for key in person_keys(person):
            found.setdefault(key, []).append(person)
    return {key: tuple(persons) for key, persons in found.items()}


@lru_cache(maxsize=4)
def _persons_by_surname(kb: KnowledgeBase) -> dict[str, tuple[KBPerson, ...]]:
    """Surname key -> the KB persons with a multi-word name or alias ending in it."""
    found: dict[str, dict[str, KBPerson]] = {}
    for person in kb.persons:
        for key in person_keys(person):
            if " " in key:
                found.setdefault(key.rsplit(" ", 1)[-1], {})[person.id] = person
    return {key: tuple(persons.values()) for key, persons in found.items()}
