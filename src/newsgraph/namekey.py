"""Name keys: one string for the spellings of one personal name.

``name_key("[Russian President Vladimir] Putin")`` and ``name_key("Vladimir Putin")`` are equal, so
are the keys of "Zelenskyy", "Zelenskiy" and "Zelensky", or "Kiril Dmitriev" and "Kirill
Dmitriyev": accents and scripts folded to ASCII (anyascii), punctuation and editorial brackets
dropped, and each word rewritten by the spelling families of `lang/en/names.py`. Imports no spaCy.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from newsgraph.lang.en.names import GIVEN_NAME_FAMILIES, KEY_STOPWORDS, MIN_REWRITTEN_LENGTH, SPELLING_RULES

_RULES = tuple((re.compile(pattern), replacement) for pattern, replacement in SPELLING_RULES)
_FAMILY = {member: family[0] for family in GIVEN_NAME_FAMILIES for member in family}
_EDITORIAL = re.compile(r"[\[\]{}]")
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


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
    """One folded word of a name under its spelling family ("zelenskyy" -> "zelenski")."""
    if len(word) < MIN_REWRITTEN_LENGTH:
        return word
    for pattern, replacement in _RULES:
        word = pattern.sub(replacement, word)
    return _FAMILY.get(word, word)


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
