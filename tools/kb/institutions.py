"""State institutions for every country of the KB, generated from ``institutions.json``: a canonical
name ("Ministry of Defence of Russia"), its spellings as aliases ("the Russian Defense Ministry",
"Russia's Ministry of Defence") and the PLOVER sector, so that one body is one organisation."""

from __future__ import annotations

import json
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent / "institutions.json"
# Country names written with "the" after "of" ("Ministry of Defence of the United Kingdom").
THE_FIRST_WORDS = ("United", "Democratic", "Central", "Dominican", "Czech", "Republic")


def with_article(name: str) -> str:
    """ "United Kingdom" -> "the United Kingdom", "Philippines" -> "the Philippines"."""
    plural = name.endswith(("ines", "ands", "ives", "amas", "oros", "lles"))
    return f"the {name}" if plural or name.startswith(THE_FIRST_WORDS) else name


def institutions(countries: list[dict]) -> list[dict]:
    """One organisation per country and institution, with its aliases, country and sector."""
    templates = json.loads(TEMPLATES.read_text(encoding="utf-8"))["institutions"]
    out = []
    for country in countries:
        names = [country["name"]]  # aliases hold dependencies and parts ("Anguilla", "England")
        demonyms = [d for d in country.get("demonyms", ()) if not d.endswith("s") or d.endswith("ss")][:2]
        for inst in templates:
            canonical = f"{inst['name']} of {with_article(country['name'])}"
            aliases: list[str] = []
            for pattern in inst["patterns"]:
                if "{d}" in pattern:
                    aliases += [pattern.format(d=d) for d in demonyms]
                else:
                    aliases += [pattern.format(c=c) for c in names]
                    aliases += [pattern.format(c=with_article(c)) for c in names if with_article(c) != c]
            aliases = [a for a in dict.fromkeys(aliases) if a != canonical]
            out.append(
                {
                    "id": f"institution/{country['iso3'].lower()}/{inst['key']}",
                    "name": canonical,
                    "aliases": aliases,
                    "country": country["iso3"],
                    "sector": inst["sector"],
                    "sources": ["tools/kb/institutions.json"],
                }
            )
    return out
