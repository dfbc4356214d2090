"""Organisations of the Phoenix actor dictionaries (petrarch2, MIT) with their country and sector.

``Phoenix.MilNonState.actors.txt``: armed non-state groups ("BOKO_HARAM [NGAREB]");
``Phoenix.International.actors.txt``: IGOs, NGOs and media ("[IGO...]", "[NGO...]"; companies are
left out: their blocks join subsidiaries under one name);
``Phoenix.Countries.actors.txt``: state institutions ("SHIN_BET [ISRSPY]", "KNESSET [ISRGOVLEG]"),
only blocks whose first name reads as an institution and whose codes carry no dates (persons do).
A code is a country (ISO3) and a sector, or an international sector alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

SECTORS = frozenset(
    "GOV MIL COP JUD LEG PTY REB OPP CVL BUS MED NGO IGO CRM SPY EDU REF LAB AGR REL HLH ELI UAF SOC".split()
)
# Codes without a country: the sector they stand for.
INTERNATIONAL = {"IGO": "IGO", "NGO": "NGO", "MED": "MED", "IMG": "REB"}
# Phoenix country codes that are not ISO 3166 alpha-3.
PHOENIX_ISO = {"KSV": "XKX", "TMP": "TLS"}
# Second sectors of a government code that name a branch of its own ("GOVLEG": a legislature).
BRANCH_SECTORS = frozenset({"LEG", "JUD", "SPY", "COP"})
# Sectors of a state body a one-word Phoenix.Countries name stands for ("MOSSAD [ISRSPY]").
STATE_BODY_SECTORS = BRANCH_SECTORS | {"MIL"}
# Words of a Phoenix.Countries name that make it an institution, not a person or a place.
INSTITUTION_WORDS = frozenset(
    """army force forces guard guards corps party council ministry department service services bank
    congress assembly parliament fleet police agency court front brigade brigades committee office
    administration reserve bureau senate union movement organization organisation command navy
    commission directorate militia legion gendarmerie""".split()
)


def parse_blocks(path: Path) -> list[dict]:
    """Blocks of a Phoenix .actors file: names (first, then '+' aliases), codes, dated or not, and
    each code with its date restriction (``ranges``)."""
    blocks: list[dict] = []
    current: dict | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        info = "CountryInfo" in raw
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        name = line.split("[", 1)[0].strip()
        if name and not raw.startswith((" ", "\t")):
            if name.startswith("+") and current is not None:
                current["names"].append(name[1:])
            else:
                current = {"names": [name], "codes": [], "ranges": [], "dated": False, "info": info}
                blocks.append(current)
        for match in re.finditer(r"\[([^\]]+)\]", line):
            if current is not None:
                parts = match.group(1).split()
                current["codes"].append(parts[0].lstrip("~"))
                current["ranges"].append((parts[0].lstrip("~"), " ".join(parts[1:])))
                current["dated"] = current["dated"] or len(parts) > 1
    return blocks


def decode(code: str, countries: set[str]) -> tuple[str | None, str | None]:
    """A Phoenix code -> (country ISO3 or None, sector or None). A government body of a branch
    ("KNESSET [ISRGOVLEG]", a court GOVJUD) takes the branch's sector."""
    head, rest = PHOENIX_ISO.get(code[:3], code[:3]), code[3:6]
    if head in countries:
        if rest == "GOV" and code[6:9] in BRANCH_SECTORS:
            rest = code[6:9]
        return head, rest if rest in SECTORS else None
    if head in INTERNATIONAL:
        return None, INTERNATIONAL[head]
    if head not in SECTORS and rest in SECTORS:  # "KKLREB": a coder's initials for the country
        return None, rest
    return None, head if head in SECTORS else None


def readable(name: str) -> str:
    """ "BOKO_HARAM_" -> "Boko Haram"; acronyms ("FDLR", "U.S.") stay upper-case."""
    words = name.replace("_", " ").split()
    return " ".join(w if "." in w or len(w) <= 5 and len(words) == 1 else w.capitalize() for w in words)


def phoenix_organizations(
    src: Path, countries: set[str], norm: Callable[[str], str], country_named: Callable[[str], str | None]
) -> list[dict]:
    """Organisations from the three Phoenix files, one entry per block, coded; a code without a
    country takes the one the name holds ("Army for the Liberation of Rwanda" -> RWA)."""
    folder = src / "petrarch2"
    out: list[dict] = []
    for filename, is_org in (
        ("Phoenix.MilNonState.actors.txt", lambda b: True),
        ("Phoenix.International.actors.txt", lambda b: b["codes"][0][:3] in INTERNATIONAL),
        ("Phoenix.Countries.actors.txt", is_institution),
    ):
        for block in parse_blocks(folder / filename):
            if not block["codes"] or block["dated"] or block["info"] or not is_org(block):
                continue
            country, sector = decode(block["codes"][0], countries)
            if sector is None:
                continue
            head = block["codes"][0][:3]
            if country is None and head not in INTERNATIONAL and head not in SECTORS:
                country = country_named(readable(block["names"][0]))
            names = [readable(n) for n in block["names"] if re.fullmatch(r"[A-Za-z0-9_.'&()-]+", n)]
            names = [re.sub(r"\s*\([^)]*\)", "", n).strip() for n in names]
            names = list(dict.fromkeys(n for n in names if len(norm(n)) > 1))
            if names:
                entry = {"id": f"phoenix:{slugify(names[0])}", "name": names[0], "aliases": names[1:]}
                entry.update(country=country, sector=sector, phoenix_code=block["codes"][0])
                entry["sources"] = [f"petrarch2/{filename}"]
                out.append(entry)
    return out


def is_institution(block: dict) -> bool:
    """A Phoenix.Countries block of an institution: a coded sector and an institution word in one
    of its names ("SHIN_BET" is also "SHIN_BET_SECURITY_AGENCY"), a government code of a branch
    ("KNESSET [ISRGOVLEG]", "LOK_SABHA [INDGOVLEG]"), or a one-word name coded as a force, a
    service, a legislature or a court ("MOSSAD [ISRSPY]", "PESHMERGA [IRQMIL]")."""
    code = block["codes"][0]
    words = {w for n in block["names"] for w in n.lower().replace("_", " ").split()}
    if len(code) < 6:
        return False
    branch = code[3:6] == "GOV" and code[6:9] in BRANCH_SECTORS
    one_word = len(block["names"][0].strip("_").split("_")) == 1 and code[3:6] in STATE_BODY_SECTORS
    return bool(words & INSTITUTION_WORDS) or branch or one_word


def slugify(name: str) -> str:
    """ "Boko Haram" -> "boko-haram"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def merge(curated: list[dict], extra: list[dict], person_names: set[str], norm: Callable[[str], str]) -> list[dict]:
    """Curated organisations first; an extra entry sharing a name with one already in is the same
    body (its other names become aliases there); a name of a person is dropped."""
    out = [dict(o, aliases=list(o["aliases"])) for o in curated]
    owner = {norm(n): o for o in out for n in [o["name"], *o["aliases"]]}
    ids = {o["id"] for o in out}
    for entry in extra:
        names = [n for n in [entry["name"], *entry["aliases"]] if norm(n) not in person_names]
        same = next((owner[norm(n)] for n in names if norm(n) in owner), None)
        free = [n for n in names if norm(n) not in owner]
        if same is not None:
            same["aliases"].extend(free)
        elif free and entry["id"] not in ids:
            same = {**entry, "name": free[0], "aliases": free[1:]}
            out.append(same)
            ids.add(entry["id"])
        for n in free:
            owner[norm(n)] = same
    return sorted(out, key=lambda o: o["id"])
