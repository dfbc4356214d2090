"""Coding data from ``Phoenix.Countries.actors.txt`` (petrarch2, MIT), for actor coding only (no
identity, no linking): the places each country block lists (cities, provinces, regions, spelling
variants: "+SYDNEY_" under "AUSTRALIA_ [AUS]") -> the country, and the persons with their dated
codes ("HASHIM_THACI_ [KSVGOV > 080109]") -> country and sector for a date.

Phoenix spells a few states its own way (KSV Kosovo, TMP East Timor); dates are YYMMDD (two-digit
years up to 20 read as 20YY, the file dates from 2014) or YYYYMMDD, a range "A-B", ">A" (from),
"<B" (until) or none (always).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from phoenix_orgs import PHOENIX_ISO, SECTORS, is_institution, parse_blocks, readable

# Last words of a region's name that it also goes without ("Rakhine State", "Helmand Province").
REGION_WORDS = frozenset({"state", "province", "region", "oblast", "governorate", "prefecture"})
_NAME = re.compile(r"[A-Za-z0-9_.'-]+")
_LAST_CENTURY_FROM = 21  # two-digit years from 21 on are 19YY


def iso_of(code: str, countries: set[str]) -> str | None:
    """The ISO3 of a Phoenix country code, None for one no state of the KB has."""
    iso3 = PHOENIX_ISO.get(code[:3], code[:3])
    return iso3 if iso3 in countries else None


def day(value: str) -> str | None:
    """ "080109" -> "2008-01-09", "19230101" -> "1923-01-01", "" -> None."""
    if not value.isdigit() or len(value) not in (6, 8):
        return None
    if len(value) == 6:
        century = "19" if int(value[:2]) >= _LAST_CENTURY_FROM else "20"
        value = century + value
    month, dd = value[4:6], value[6:8]
    if month == "00" or dd == "00":
        return value[:4]
    return f"{value[:4]}-{month}-{dd}"


def date_range(text: str) -> tuple[str | None, str | None]:
    """A Phoenix date restriction -> (start, end), either None when open."""
    text = text.replace(" ", "")
    if text.startswith(">"):
        return day(text[1:]), None
    if text.startswith("<"):
        return None, day(text[1:])
    if "-" in text:
        start, end = text.split("-", 1)
        return day(start), day(end)
    return None, None


def names_of(block: dict) -> list[str]:
    """The readable names of a block, without bracketed notes or ones of other characters."""
    names = [readable(n) for n in block["names"] if _NAME.fullmatch(n)]
    return list(dict.fromkeys(n for n in names if len(n) > 2))


def phoenix_places(src: Path, countries: dict[str, set[str]], norm: Callable[[str], str]) -> list[dict]:
    """Places of the country blocks (and of undated blocks coded with a country alone, such as
    "TRANSNISTRIA [MDA]"), except the country's own names ``countries[iso3]`` (normalised)."""
    out: dict[str, dict] = {}
    for block in parse_blocks(src / "petrarch2" / "Phoenix.Countries.actors.txt"):
        if not block["codes"] or not is_place(block):
            continue
        iso3 = iso_of(block["codes"][-1], set(countries))
        if iso3 is None:
            continue
        for name in names_of(block):
            for form in (name, *short_forms(name)):
                key = norm(form)
                if key and key not in countries[iso3] and key not in out:
                    out[key] = {"name": form, "country": iso3, "source": "petrarch2/Phoenix.Countries.actors.txt"}
    return list(out.values())


def short_forms(name: str) -> list[str]:
    """ "Rakhine State" -> ["Rakhine"]: a region also goes by its name without the kind of region."""
    words = name.split()
    return [" ".join(words[:-1])] if len(words) > 1 and words[-1].lower() in REGION_WORDS else []


def is_place(block: dict) -> bool:
    """A country block or a place coded with a country alone or with a region of it
    ("REPUBLICA_SRPSKA [BIHSRP]"), not an institution or a person."""
    code = block["codes"][-1]
    if len(code) == 3:
        return True
    return len(code) == 6 and not block["info"] and all(c[3:] not in SECTORS for c in block["codes"])


def contested_regions(path: Path) -> list[dict]:
    """Breakaway regions and states of limited recognition (``contested_regions.json``): the
    claimed country, sector PRE."""
    out = []
    for region in json.loads(path.read_text(encoding="utf-8"))["regions"]:
        for name in [region["name"], *region["aliases"]]:
            out.append({"name": name, "country": region["country"], "sector": "PRE", "source": path.name})
    return out


def phoenix_persons(src: Path, countries: set[str]) -> list[dict]:
    """Persons of the country files with their dated codes (country and first sector of each)."""
    out = []
    for block in parse_blocks(src / "petrarch2" / "Phoenix.Countries.actors.txt"):
        ranges = block.get("ranges", [])
        if not ranges or len(block["codes"][-1]) < 6 or not block["dated"] and is_institution(block):
            continue
        codes = []
        for code, restriction in ranges:
            iso3, sector = iso_of(code, countries), code[3:6]
            if iso3 is None or sector not in SECTORS:
                continue
            start, end = date_range(restriction)
            codes.append({"country": iso3, "sector": sector, "start": start, "end": end})
        names = names_of(block)
        if codes and names:
            out.append({"name": names[0], "aliases": names[1:], "codes": codes})
    return out
