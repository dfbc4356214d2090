"""Grammatical gender of a person from a first name (for pronoun agreement only).

Uses the gender-guesser name dictionary (GPLv3 data, installed as a dependency, not copied).
Unknown and androgynous names give None: such persons agree with either pronoun.
"""

from __future__ import annotations

from functools import lru_cache

import gender_guesser.detector as gender_detector

_VALUES = {"male": "male", "female": "female"}  # "mostly_*" names stay open to either pronoun


@lru_cache(maxsize=1)
def _detector() -> gender_detector.Detector:
    return gender_detector.Detector(case_sensitive=False)


def load_names() -> None:
    """Load the name dictionary now (it takes a few seconds) rather than on the first article."""
    _detector()


@lru_cache(maxsize=4096)
def gender_of_first_name(name: str) -> str | None:
    """``"male"``, ``"female"`` or None for a first name."""
    if not name.isalpha():
        return None
    return _VALUES.get(_detector().get_gender(name))


@lru_cache(maxsize=4096)
def is_given_name(name: str) -> bool:
    """True when the name dictionary knows ``name`` as a first name."""
    return name.isalpha() and _detector().get_gender(name) != "unknown"
