"""Coding data of the KB (``kb/data/codebook.json``, built by ``tools/kb/build_kb.py``): what an
actor dictionary knows of names that are no KB entry, used to code actors (country, sector) and
never to link or merge them.

- places: cities, provinces and regions -> their country ("Banja Luka" -> BIH), breakaway
  regions and states of limited recognition with the sector PRE ("Transnistria" -> MDA, PRE);
- coded persons: persons of the Phoenix actor dictionary with dated codes ("Hashim Thaci":
  XKX GOV from 2008-01-09), also by a shorter form of the name (without a middle name or a
  second family name, or with the first name's first letters only) when one person alone has it.

Read once per process on the first lookup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from newsgraph.kb.loader import _day, normalize

__all__ = ["Code", "Codebook", "default_codebook", "CODEBOOK_PATH"]

CODEBOOK_PATH = Path(__file__).resolve().parent / "data" / "codebook.json"
# Letters of a first name kept in a short form that finds its other transliterations.
_GIVEN_PREFIX = 3
# The sector of a person whose every dated code ended before the day asked: a former official.
FORMER = "ELI"


@dataclass(frozen=True)
class Code:
    """One dated code of a dictionary person; ``end`` is exclusive, None bounds are open."""

    country: str
    sector: str
    start: date | None
    end: date | None

    def held_on(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


class Codebook:
    """Places and dictionary persons by normalised name."""

    def __init__(
        self,
        places: dict[str, tuple[str, str | None]],
        persons: dict[str, tuple[Code, ...]],
        full_names: frozenset[str] = frozenset(),
    ) -> None:
        self._places = places
        self._persons = persons
        self._full_names = full_names  # the names as listed, not shortened

    @classmethod
    def read(cls, path: Path = CODEBOOK_PATH) -> Codebook:
        doc = json.loads(path.read_text(encoding="utf-8"))
        places: dict[str, tuple[str, str | None]] = {}
        for p in doc.get("places", ()):
            places.setdefault(normalize(p["name"]), (p["country"], p.get("sector")))
        persons: dict[str, tuple[Code, ...]] = {}
        short: dict[str, dict[int, tuple[Code, ...]]] = {}  # short form -> person number -> codes
        for number, p in enumerate(doc.get("coded_persons", ())):
            codes = tuple(Code(c["country"], c["sector"], _day(c.get("start")), _day(c.get("end"))) for c in p["codes"])
            for name in (p["name"], *p.get("aliases", ())):
                key = normalize(name)
                persons.setdefault(key, codes)
                for form in short_forms(key):
                    short.setdefault(form, {})[number] = codes
        full_names = frozenset(persons)
        for form, found in short.items():  # a shortened name stands for one person only
            if len(found) == 1:
                persons.setdefault(form, *found.values())
        return cls(places, persons, full_names)

    def lists(self, name: str) -> bool:
        """True if the dictionary lists this name as it is written (not a shortened form: "Syrian
        Democratic Forces" is no "Syrian ... Forces" of a listed coalition)."""
        return normalize(name) in self._full_names

    def place(self, name: str) -> tuple[str, str | None] | None:
        """(country, sector when it acts or None) of a place or region, None if unknown."""
        return self._places.get(normalize(name))

    def person(self, name: str, on: date | None) -> tuple[str, str | None] | None:
        """(country, sector) of a dictionary person on a day: the code held then (the first listed
        if several), else the country of the last code and "former official" (ELI) when all had
        ended, the sector unknown when the day is unknown; None for a name not in the dictionary."""
        key = normalize(name)
        codes = self._persons.get(key)
        if codes is None and " " in key:  # "Ukhnaagiin Khurelsukh": by first letters and family name
            words = key.split()
            codes = self._persons.get(f"{words[0][:_GIVEN_PREFIX]} {words[-1]}")
        if not codes:
            return None
        if on is None:
            return codes[-1].country, None
        held = [c for c in codes if c.held_on(on)]
        if held:
            return held[0].country, held[0].sector
        ended = all(c.end is not None and c.end <= on for c in codes)
        return codes[-1].country, FORMER if ended else None


def short_forms(key: str) -> tuple[str, ...]:
    """Shorter forms of a name: of three words or more, without its middle or last word ("diego
    molano vega" -> "diego molano", "diego vega"); of two words or more, the first name's first
    letters and the family name ("ukhna khurelsukh" -> "ukh khurelsukh", so a longer
    transliteration of the first name finds it)."""
    words = key.split()
    if len(words) < 2:
        return ()
    forms = [f"{words[0][:_GIVEN_PREFIX]} {words[-1]}"] if len(words[0]) >= _GIVEN_PREFIX else []
    if len(words) >= 3:
        forms += [f"{words[0]} {words[1]}", f"{words[0]} {words[-1]}"]
    return tuple(forms)


@lru_cache(maxsize=1)
def default_codebook() -> Codebook:
    """The shipped coding data, read once."""
    return Codebook.read()
