#!/usr/bin/env python3
"""Regenerate newsgraph's shipped actor knowledge base (src/newsgraph/kb/data/*.json).

Run by hand, never at run time::

    python tools/kb/build_kb.py [--sources ../shared/kb-sources] [--out src/newsgraph/kb/data]

Inputs: the dated public sources in ``--sources`` (see SOURCES.md; facts only: names, offices,
dates, codes) plus ``tools/kb/curated_updates.json`` (hand-curated updates to late 2025, each with
its basis) and ``tools/kb/curated_bodies.json`` (organisations by class with country and
sector).  Outputs: countries.json, organizations.json, persons.json, agents.json, all in the
``newsgraph.kb/1`` format described by ``kb.schema.json``.  The output is deterministic (sorted).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from institutions import institutions  # noqa: E402
from phoenix_codebook import contested_regions, phoenix_persons, phoenix_places  # noqa: E402
from phoenix_orgs import merge, phoenix_organizations  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SOURCES = ROOT.parent / "shared" / "kb-sources"
DEFAULT_OUT = ROOT / "src" / "newsgraph" / "kb" / "data"
CURATED = Path(__file__).resolve().parent / "curated_updates.json"
BODIES = Path(__file__).resolve().parent / "curated_bodies.json"
CONTESTED = Path(__file__).resolve().parent / "contested_regions.json"

TYPE_CODES = {
    "hos": "head_of_state",
    "hog": "head_of_government",
    "fm": "foreign_minister",
    "dm": "defence_minister",
    "mil": "military_chief",
    "unrep": "un_representative",
    "org": "org_leader",
    "other": "other",
}
SINGLE_HOLDER = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "military_chief",
    "org_leader",
    "un_representative",
}
MULTI_HOLDER_COUNTRIES = {"SMR", "AND", "CHE", "BIH"}  # joint heads of state / collective bodies
PRIORITY = {"curated": 3, "precise": 2, "years": 1}
_SPECIAL = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ß": "ss",
        "ı": "i",
        "’": "'",
        "‘": "'",
        "ʻ": "'",
    }
)


def norm(text: str) -> str:
    """Same normalisation as the loader: fold case/accents, drop periods, collapse spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace(".", "").replace("-", " ")
    text = re.sub(r"\s+", " ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-")


def parse_day(value: str | None) -> date | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return date(*parts)


# --------------------------------------------------------------------------- countries

DEMONYM_END = (
    "an",
    "ans",
    "ese",
    "ish",
    "ch",
    "i",
    "is",
    "ic",
    "er",
    "ers",
    "ot",
    "ots",
    "ks",
    "ns",
    "es",
    "s",
    "ene",
    "ole",
)
NOT_DEMONYM = {
    "Wales",
    "Svalbard",
    "Bonaire",
    "Niue",
    "Tokelau",
    "Mayotte",
    "Martinique",
    "Guadeloupe",
    "Sint Maarten",
    "Montserrat",
    "Anguilla",
    "Bermuda",
    "Gibraltar",
    "Guernsey",
    "Guam",
    "Curacao",
    "Curaçao",
    "Aruba",
    "Greenland",
    "Cabo Verde",
    "Cape Verde",
    "Palestine",
    "Macedonia",
    "Swaziland",
    "Zaire",
    "Saudi Arabia",
}


def is_demonym(token: str) -> bool:
    if token in NOT_DEMONYM or not any(c.islower() for c in token):
        return False
    if any(
        w in token
        for w in (
            "Island",
            "Republic",
            " of ",
            "Islas",
            "Kingdom",
            "Territor",
            "State",
            "Saint",
            " and ",
            "(",
            "Congo",
            "Ivoire",
            "Coast",
            "Timor",
        )
    ):
        return False
    return token.split()[-1].lower().endswith(DEMONYM_END)


def build_countries(src: Path, cur: dict) -> list[dict]:
    countries: dict[str, dict] = {}
    with open(src / "ngec" / "countries.csv", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso3 = row["CCA3"].strip()
            if len(iso3) != 3 or iso3 in {"UNO", "EUR"}:
                continue
            entry = countries.setdefault(
                iso3,
                {
                    "iso3": iso3,
                    "name": row["Name"].strip(),
                    "aliases": [],
                    "demonyms": [],
                    "sources": ["ngec/countries.csv"],
                },
            )
            for token in (t.strip() for t in row["Nationality"].split(",")):
                if not token or token == entry["name"]:
                    continue
                (entry["demonyms"] if is_demonym(token) else entry["aliases"]).append(token)
    # COW -> ISO list: current names of current states (fills states missing above)
    with open(src / "ngec" / "cow2iso.txt", newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso3 = (row.get("iso3") or "").strip()
            if row.get("valid_until") or iso3 not in set(cur["un_members"]) | set(countries):
                continue
            entry = countries.setdefault(
                iso3, {"iso3": iso3, "name": row["cname"].strip(), "aliases": [], "demonyms": [], "sources": []}
            )
            if "ngec/cow2iso.txt" not in entry["sources"]:
                entry["sources"].append("ngec/cow2iso.txt")
            for name in (row["cname"], row["statenme"]):
                name = name.strip()
                if name and name != entry["name"] and "(" not in name:
                    entry["aliases"].append(name)
    missing = [c for c in cur["un_members"] if c not in countries]
    if missing:
        sys.exit(f"UN members missing from the country sources: {missing}")
    for iso3, name in cur["country_names"].items():
        old = countries[iso3]["name"]
        if old != name:
            countries[iso3]["aliases"].append(old)
            countries[iso3]["name"] = name
    for iso3, aliases in cur["country_aliases"].items():
        countries[iso3]["aliases"].extend(aliases)
    for iso3, dems in cur["country_demonyms"].items():
        countries[iso3]["demonyms"].extend(dems)
    for iso3, drop in cur["drop_country_aliases"].items():
        c = countries[iso3]
        c["aliases"] = [a for a in c["aliases"] if a not in drop]
        c["demonyms"] = [a for a in c["demonyms"] if a not in drop]
    for iso3, capital in cur["capitals"].items():
        countries[iso3]["capital"] = capital
    for iso3, seats in cur["seats"].items():
        countries[iso3]["seats"] = [{"name": n, "sector": s} for n, s in seats]
    out = []
    for iso3 in sorted(countries):
        c = countries[iso3]
        if iso3 in cur["capitals"] or iso3 in cur["country_aliases"]:
            c["sources"].append("curated_updates.json")
        c["aliases"] = dedupe(a for a in c["aliases"] if norm(a) != norm(c["name"]))
        c["demonyms"] = dedupe(c["demonyms"])
        dems = {norm(d) for d in c["demonyms"]}
        c["aliases"] = [a for a in c["aliases"] if norm(a) not in dems]
        c.setdefault("capital", None)
        c.setdefault("seats", [])
        out.append({k: c[k] for k in ("iso3", "name", "aliases", "demonyms", "capital", "seats", "sources")})
    return out


def dedupe(items) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = norm(item)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def country_index(countries: list[dict], cur: dict) -> dict[str, str]:
    """Strict index (names, ISO3, curated aliases; no territories) for the person sources."""
    idx: dict[str, str] = {}
    for c in countries:
        for name in [c["iso3"], c["name"], *cur["country_aliases"].get(c["iso3"], [])]:
            idx.setdefault(norm(name), c["iso3"])
    extra = {
        "kingdom of denmark": "DNK",
        "kingdom of netherlands": "NLD",
        "peoples republic of china": "CHN",
        "republic of ireland": "IRL",
        "republic of congo": "COG",
        "state of palestine": "PSE",
        "bahamas": "BHS",
        "gambia": "GMB",
        "east timor": "TLS",
        "ivory coast": "CIV",
        "federated states of micronesia": "FSM",
        "czech republic": "CZE",
        "vatican city": "VAT",
        "united states of america": "USA",
        "eswatini": "SWZ",
        "cape verde": "CPV",
        "sao tome and principe": "STP",
    }
    idx.update(extra)
    return idx


# --------------------------------------------------------------------------- organisations


def country_namer(countries: list[dict]):
    """A function: the country a name holds by its name, an alias or demonym ("Army for the
    Liberation of Rwanda" -> RWA), the longest first; None if none or several."""
    key = {norm(n): c["iso3"] for c in countries for n in [c["name"], *c["aliases"], *c["demonyms"]]}

    def country_named(name: str) -> str | None:
        words = norm(name).split()
        found = {
            key[" ".join(words[i : i + n])]
            for n in (4, 3, 2, 1)
            for i in range(len(words) - n + 1)
            if " ".join(words[i : i + n]) in key
        }
        return found.pop() if len(found) == 1 else None

    return country_named


def parse_phoenix_codes(path: Path) -> dict[str, str]:
    """Primary names and '+' aliases of a Phoenix .actors file -> the block's first code."""
    codes: dict[str, str] = {}
    block: list[str] = []
    coded = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        name_part = line.split("[", 1)[0].strip()
        if name_part and not line.startswith((" ", "\t")):
            if name_part.startswith("+"):
                block.append(norm(name_part[1:].replace("_", " ")))
            else:
                block, coded = [norm(name_part.replace("_", " "))], False
        m = re.search(r"\[([A-Z][A-Z0-9]*)[^\]]*\]", line)
        if m and not coded:
            for name in block:
                codes.setdefault(name, m.group(1))
            coded = True
    return codes


def curated_organizations(cur: dict) -> list[tuple[dict, str]]:
    """The curated organisations with the file each comes from: curated_updates.json, then the
    classes of curated_bodies.json (parties, forces, armed groups, cartels, legislatures)."""
    bodies = json.loads(BODIES.read_text(encoding="utf-8"))
    found = [(org, "curated_updates.json") for org in cur["organizations"]]
    return found + [(org, "curated_bodies.json") for cls in bodies["classes"] for org in cls["organizations"]]


def build_organizations(src: Path, cur: dict) -> list[dict]:
    phoenix = parse_phoenix_codes(src / "petrarch2" / "Phoenix.International.actors.txt")
    out = []
    for org, source in sorted(curated_organizations(cur), key=lambda o: o[0]["id"]):
        entry = dict(org)
        entry["aliases"] = dedupe(org["aliases"])
        for name in [org["name"], *org["aliases"]]:
            code = phoenix.get(norm(name))
            if code:
                entry["phoenix_code"] = code
                break
        entry["sources"] = [source] + (
            ["petrarch2/Phoenix.International.actors.txt"] if "phoenix_code" in entry else []
        )
        out.append(entry)
    return out


# --------------------------------------------------------------------------- agents


def parse_agents(path: Path) -> dict[str, str]:
    macros = {
        "!PERSON!": ["man", "men", "woman", "women", "person"],
        "!MINIST!": ["minister", "ministers", "ministry", "ministries"],
    }
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^([^\[]+?)\s*\[~([A-Z]{3})([A-Z]{3})?[A-Z]*\]\s*$", line)
        if not m:
            continue
        # "PROTESTER [~CVLOPP]": civilians of a kind; the second code says which (OPP)
        pattern, sector = m.group(1), m.group(3) if m.group(2) == "CVL" and m.group(3) else m.group(2)
        plurals = re.findall(r"\{([^}]*)\}", pattern)
        pattern = re.sub(r"\{[^}]*\}", "", pattern).strip()
        expanded = [x for form in [pattern, *plurals] for x in _expand(form, macros)]
        for form in expanded:
            noun = form.replace("_", " ").strip().lower()
            noun = re.sub(r"\s+", " ", noun)
            if not noun or not re.fullmatch(r"[a-z][a-z' -]*", noun) or len(noun.split()) > 2:
                continue
            out.setdefault(noun, sector)
    return out


def _expand(form: str, macros: dict[str, list[str]]) -> list[str]:
    for macro, words in macros.items():
        if macro in form:
            return [x for w in words for x in _expand(form.replace(macro, w, 1), macros)]
    return [form]


def build_agents(src: Path, cur: dict) -> list[dict]:
    plover = parse_agents(src / "ngec" / "PLOVER_agents.txt")
    phoenix = parse_agents(src / "petrarch2" / "Phoenix.agents.txt")
    merged: dict[str, tuple[str | None, str]] = {}
    for noun, sector in phoenix.items():
        merged[noun] = (sector, "petrarch2/Phoenix.agents.txt")
    for noun, sector in plover.items():
        merged[noun] = (sector, "ngec/PLOVER_agents.txt")
    for noun, sector in cur["agents"].items():
        merged[noun] = (sector, "curated_updates.json")
    return [{"noun": n, "sector": s, "source": src_} for n, (s, src_) in sorted(merged.items())]


# --------------------------------------------------------------------------- persons


class PersonStore:
    def __init__(self) -> None:
        self.persons: list[dict] = []
        self.by_key: dict[str, dict] = {}

    def find(self, qid: str | None, names: list[str]) -> dict | None:
        if qid and qid in self.by_key:
            return self.by_key[qid]
        for name in names:
            p = self.by_key.get("n:" + norm(name))
            if p:
                return p
        return None

    def add(
        self, qid: str | None, name: str, aliases: list[str], gender: str | None, country: str | None, source: str
    ) -> dict:
        p = self.find(qid, [name])
        if p is None:
            p = {
                "name": name,
                "aliases": [],
                "gender": None,
                "country": country,
                "offices": [],
                "sources": [],
                "wikidata": qid,
            }
            self.persons.append(p)
        self.register(p, qid, [name, *aliases])
        for a in [name, *aliases]:
            if a != p["name"] and a not in p["aliases"]:
                p["aliases"].append(a)
        if gender and not p["gender"]:
            p["gender"] = gender
        if country and not p["country"]:
            p["country"] = country
        if qid and not p.get("wikidata"):
            p["wikidata"] = qid
        if source not in p["sources"]:
            p["sources"].append(source)
        return p

    def register(self, p: dict, qid: str | None, names: list[str]) -> None:
        if qid:
            self.by_key.setdefault(qid, p)
        for n in names:
            self.by_key.setdefault("n:" + norm(n), p)


def office(
    type_: str,
    country: str | None,
    org: str | None,
    start: str | None,
    end: str | None,
    role: str,
    sector: str,
    prio: str,
    source: str,
    approx: bool = False,
) -> dict:
    o = {
        "role": role,
        "type": type_,
        "country": country,
        "org": org,
        "sector": sector,
        "start": start or None,
        "end": end or None,
        "source": source,
        "_prio": PRIORITY[prio],
    }
    if approx:
        o["approximate"] = True
    return o


def role_for(cur: dict, cname: dict[str, str], type_code: str, country: str | None, org: str | None) -> str:
    if org:
        return cur["org_titles"].get(org, {}).get("org", f"Head of {org}")
    title = cur["titles"].get(country, {}).get(type_code)
    if title:
        return title
    n = cur["role_names"].get(country, cname.get(country, country))
    return {
        "hos": f"President of {n}",
        "hog": f"Prime Minister of {n}",
        "fm": f"Minister of Foreign Affairs of {n}",
        "dm": f"Minister of Defence of {n}",
        "mil": f"Chief of the General Staff of {n}",
        "unrep": f"Permanent Representative of {n} to the United Nations",
    }.get(type_code, f"Official of {n}")


def classify_leader(label: str, iso3: str) -> str:
    low = label.lower()
    if iso3 == "IRN":
        return "head_of_state" if "supreme leader" in low else "head_of_government"
    if "governor-general" in low or "swiss federal council" in low:
        return "other"
    if any(
        k in low
        for k in (
            "prime minister",
            "premier",
            "chancellor",
            "taoiseach",
            "council of ministers",
            "executive yuan",
            "minister of state",
            "chief minister",
            "pontifical commission",
        )
    ):
        return "head_of_government"
    return "head_of_state"


def build_persons(src: Path, cur: dict, countries: list[dict], orgs: list[dict]) -> list[dict]:
    cidx = country_index(countries, cur)
    cname = {c["iso3"]: c["name"] for c in countries}
    org_by_id = {o["id"]: o for o in orgs}
    store = PersonStore()
    ep = src / "everypolitician"

    def gender_of(row: dict) -> str | None:
        g = (row.get("gender") or "").strip().lower()
        return g if g in ("male", "female") else None

    # 1. cabinets (precise dates)
    cab_map = {
        "President": "hos",
        "Prime Minister": "hog",
        "Minister of Foreign Affairs": "fm",
        "Minister for Foreign Affairs": "fm",
        "Minister of Europe and Foreign Affairs": "fm",
        "Minister of Defence": "dm",
        "Minister of the Armed Forces": "dm",
    }
    for fname, iso3 in (("russia", "RUS"), ("ukraine", "UKR"), ("france", "FRA"), ("finland", "FIN")):
        path = ep / f"{fname}-cabinet_holders21.csv"
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                code = cab_map.get(row["position"].strip())
                if not code:
                    continue
                p = store.add(
                    row["personID"], row["person"].strip(), [], gender_of(row), iso3, f"everypolitician/{path.name}"
                )
                p["offices"].append(
                    office(
                        TYPE_CODES[code],
                        iso3,
                        None,
                        row["start"],
                        row.get("end"),
                        role_for(cur, cname, code, iso3, None),
                        "GOV",
                        "precise",
                        f"everypolitician/{path.name}",
                    )
                )
    # 2. world leaders (years only)
    path = ep / "world-leaders-2021_wikidata.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso3 = cidx.get(norm(row["country"]))
            name = re.sub(r"\s*\(.*\)$", "", row["officeholderLabel"]).strip()
            if not iso3 or not name or re.fullmatch(r"Q\d+", name):
                continue
            label = row["positionLabel"].strip()
            label = label[0].upper() + label[1:]
            type_ = classify_leader(label, iso3)
            code = {v: k for k, v in TYPE_CODES.items()}[type_]
            if iso3 in cur["titles"] and code in cur["titles"][iso3]:
                label = cur["titles"][iso3][code]
            p = store.add(row["officeholder"], name, [], None, iso3, f"everypolitician/{path.name}")
            p["offices"].append(
                office(
                    type_,
                    iso3,
                    None,
                    row["start_year"],
                    row["end_year"],
                    label,
                    "GOV",
                    "years",
                    f"everypolitician/{path.name}",
                )
            )
    # 3. foreign ministers (precise start, as of 2023)
    path = ep / "world_foreign-ministers_wikidata.csv"
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso3 = cidx.get(norm(row["countryLabel"]))
            if not iso3 or not row["name"].strip() or not row["start"]:
                continue
            p = store.add(row["person"], row["name"].strip(), [], None, iso3, f"everypolitician/{path.name}")
            p["offices"].append(
                office(
                    "foreign_minister",
                    iso3,
                    None,
                    row["start"][:10],
                    None,
                    role_for(cur, cname, "fm", iso3, None),
                    "GOV",
                    "precise",
                    f"everypolitician/{path.name}",
                )
            )
    # 4. international office holders
    path = ep / "world_holders21.csv"
    intl = {
        "Secretary-General of the United Nations": ("org", "un", None),
        "Deputy Secretary-General of the United Nations": ("other", "un", None),
        "Director-General of the World Trade Organization": ("org", "wto", None),
        "President of the International Court of Justice": ("other", "icj", None),
        "President of the United Nations General Assembly": ("other", "unga", None),
        "OSCE High Commissioner on National Minorities": ("other", "osce", None),
    }
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            spec = intl.get(row["position"].strip())
            if not spec:
                continue
            code, org, _ = spec
            role = role_for(cur, cname, code, None, org) if code == "org" else row["position"].strip()
            name = row["person"].strip()
            name = re.sub(r", Baron .*$", "", name)
            p = store.add(row["personID"], name, [], None, None, f"everypolitician/{path.name}")
            p["offices"].append(
                office(
                    TYPE_CODES[code],
                    None,
                    org,
                    row["start"],
                    row["end"],
                    role,
                    "IGO",
                    "precise",
                    f"everypolitician/{path.name}",
                )
            )
    # 5. curated persons
    basis = cur["basis"]
    for cp in cur["persons"]:
        names = [cp["name"], *cp.get("aliases", [])]
        p = store.find(None, names)
        if p is not None and p["name"] != cp["name"]:
            if p["name"] not in p["aliases"]:
                p["aliases"].append(p["name"])
            p["name"] = cp["name"]
            store.by_key["n:" + norm(cp["name"])] = p
        gender = {"m": "male", "f": "female"}.get(cp.get("g") or "")
        p = store.add(None, cp["name"], cp.get("aliases", []), None, cp.get("c"), "curated_updates.json")
        if gender:
            p["gender"] = gender
        if cp.get("c"):
            p["country"] = cp["c"]
        p["basis"] = cp.get("basis", basis)
        for spec in cp["o"]:
            code, where, start, end = spec[:4]
            opts = spec[4] if len(spec) > 4 else {}
            org = where if where in org_by_id else None
            country = None if org else where
            if code == "unrep":
                org = "un"
            role = opts.get("role") or role_for(cur, cname, code, country, org if code == "org" else None)
            if code == "org" or (code == "other" and org and not country):
                o_ = org_by_id[org]
                sector = opts.get("sector") or ("IGO" if o_["country"] in ("IGO", "UNO", "EUR") else o_["sector"])
            elif code == "mil":
                sector = "MIL"
            else:
                sector = opts.get("sector", "GOV")
            p["offices"].append(
                office(
                    TYPE_CODES[code],
                    country,
                    org,
                    start,
                    end,
                    role,
                    sector,
                    "curated",
                    "curated_updates.json",
                    opts.get("approx", False),
                )
            )
    # 6. aliases from the Phoenix person dictionaries
    enrich_aliases(store, src, countries)
    # 7. dedupe offices, close open-ended series, finish
    resolve_offices(store.persons)
    return finish_persons(store.persons)


TITLE_WORDS = {
    "president",
    "prime",
    "minister",
    "foreign",
    "secretary",
    "general",
    "ambassador",
    "vice",
    "chancellor",
    "king",
    "queen",
    "sir",
    "dr",
    "mr",
    "mrs",
    "ms",
    "former",
    "leader",
    "chief",
    "premier",
    "defense",
    "defence",
    "envoy",
    "deputy",
    "senator",
    "governor",
    "spokesman",
    "first",
    "lady",
    "prince",
    "crown",
    "minster",
    "un",
    "state",
    "of",
    "the",
    "pm",
    "fm",
    "sheikh",
    "emir",
    "ayatollah",
    "colonel",
    "gen",
}


def enrich_aliases(store: PersonStore, src: Path, countries: list[dict]) -> None:
    country_words = {norm(w) for c in countries for w in [c["name"], *c["demonyms"]]}
    blocks: list[list[str]] = []
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        current: list[str] = []
        for raw in (src / "petrarch2" / fname).read_text(encoding="utf-8", errors="replace").splitlines():
            line = raw.split("#", 1)[0]
            if not line.strip() or line.startswith((" ", "\t")):
                continue
            name = line.split("[", 1)[0].strip()
            if not name:
                continue
            if name.startswith("+"):
                current.append(name[1:])
            else:
                current = [name]
                blocks.append(current)
    for block in blocks:
        names = [re.sub(r"\s+", " ", n.replace("_", " ")).strip() for n in block]
        keys = [norm(n) for n in names]
        person = None
        for k in keys:
            p = store.by_key.get("n:" + k)
            if p is not None and len(k.split()) >= 2:
                person = p
                break
        if person is None:
            continue
        surname = norm(person["name"]).split()[-1]
        added = False
        for k in keys:
            words = k.split()
            if (
                len(words) < 2
                or surname not in words
                or any(w in TITLE_WORDS for w in words)
                or any(w in country_words for w in words)
                or not re.fullmatch(r"[a-z' ]+", k)
                or store.by_key.get("n:" + k, person) is not person
            ):
                continue
            alias = " ".join(w.capitalize() if len(w) > 1 else w.upper() + "." for w in words)
            if k != norm(person["name"]) and all(norm(a) != k for a in person["aliases"]):
                person["aliases"].append(alias)
                store.register(person, None, [alias])
                added = True
        if added and "petrarch2/Phoenix actors (aliases)" not in person["sources"]:
            person["sources"].append("petrarch2/Phoenix actors (aliases)")


def _span(o: dict) -> tuple[date, date]:
    return parse_day(o["start"]) or date(1, 1, 1), parse_day(o["end"]) or date(9999, 12, 31)


def resolve_offices(persons: list[dict]) -> None:
    # within a person: drop lower-priority duplicates of the same office that overlap in time
    for p in persons:
        kept: list[dict] = []
        for o in sorted(p["offices"], key=lambda o: -o["_prio"]):
            s, e = _span(o)
            dup = False
            for k in kept:
                if (k["type"], k["country"], k["org"]) != (o["type"], o["country"], o["org"]):
                    continue
                ks, ke = _span(k)
                near = abs((ks - s).days) < 370 and o["_prio"] < k["_prio"]
                if (s < ke and ks < e) or near:
                    dup = True
                    break
            if not dup:
                kept.append(o)
        p["offices"] = kept
    # across persons: an open-ended holding ends when the next holder of a single-holder office starts
    series: dict[tuple, list[tuple[dict, dict]]] = defaultdict(list)
    for p in persons:
        for o in p["offices"]:
            if o["type"] in SINGLE_HOLDER and o["country"] not in MULTI_HOLDER_COUNTRIES:
                series[(o["type"], o["country"], o["org"])].append((p, o))
    for items in series.values():
        items.sort(key=lambda po: _span(po[1])[0])
        for i, (p, o) in enumerate(items):
            if o["end"] is not None:
                continue
            start = _span(o)[0]
            for q, later in items[i + 1 :]:
                if q is not p and _span(later)[0] > start:
                    o["end"] = later["start"]
                    o["end_inferred_from"] = later["role"] + " held by " + q["name"]
                    break


def finish_persons(persons: list[dict]) -> list[dict]:
    out, used = [], set()
    for p in sorted(persons, key=lambda p: norm(p["name"])):
        if not p["offices"]:
            continue
        pid = slug(p["name"])
        if pid in used:
            pid = f"{pid}-{(p['country'] or 'x').lower()}"
        n = 2
        while pid in used:
            pid, n = f"{slug(p['name'])}-{n}", n + 1
        used.add(pid)
        offices = []
        for o in sorted(p["offices"], key=lambda o: (_span(o)[0], o["type"])):
            o = {k: v for k, v in o.items() if not k.startswith("_")}
            offices.append(o)
        entry = {
            "id": pid,
            "name": p["name"],
            "aliases": dedupe(a for a in p["aliases"] if norm(a) != norm(p["name"])),
            "gender": p["gender"],
            "country": p["country"],
            "offices": offices,
            "sources": p["sources"],
        }
        if p.get("wikidata"):
            entry["wikidata"] = p["wikidata"]
        if p.get("basis"):
            entry["basis"] = p["basis"]
        out.append(entry)
    return out


# --------------------------------------------------------------------------- main


def write(path: Path, key: str, items: list, cur: dict, extra: dict | None = None, *, indent: int | None = 1) -> None:
    """One KB file; ``indent=None`` writes one entry a line (the large coding data)."""
    doc = {"schema": "newsgraph.kb/1", "as_of": cur["as_of"], "generated_by": "tools/kb/build_kb.py", key: items}
    if extra:
        doc.update(extra)
    if indent is None:
        head = {k: v for k, v in doc.items() if isinstance(v, str)}
        lists = [(k, v) for k, v in doc.items() if not isinstance(v, str)]
        parts = [json.dumps(head, ensure_ascii=False)[:-1]]
        for k, values in lists:
            rows = ",\n".join(json.dumps(v, ensure_ascii=False, separators=(",", ":")) for v in values)
            parts.append(f"{json.dumps(k)}: [\n{rows}\n]")
        path.write_text(",\n".join(parts) + "}\n", encoding="utf-8")
        return
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", type=Path, default=DEFAULT_SOURCES)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    cur = json.loads(CURATED.read_text(encoding="utf-8"))
    countries = build_countries(args.sources, cur)
    orgs = build_organizations(args.sources, cur)
    agents = build_agents(args.sources, cur)
    persons = build_persons(args.sources, cur, countries, orgs)
    person_names = {norm(n) for p in persons for n in [p["name"], *p.get("aliases", ())]}
    phoenix = phoenix_organizations(args.sources, {c["iso3"] for c in countries}, norm, country_namer(countries))
    orgs = merge(orgs, institutions(countries) + phoenix, person_names, norm)
    args.out.mkdir(parents=True, exist_ok=True)
    write(args.out / "countries.json", "countries", countries, cur)
    write(args.out / "organizations.json", "organizations", orgs, cur)
    write(args.out / "agents.json", "agents", agents, cur)
    own_names = {c["iso3"]: {norm(n) for n in [c["name"], *c["aliases"], *c["demonyms"]]} for c in countries}
    places = contested_regions(CONTESTED) + phoenix_places(args.sources, own_names, norm)
    coded = phoenix_persons(args.sources, set(own_names))
    write(args.out / "codebook.json", "places", places, cur, {"coded_persons": coded}, indent=None)
    write(
        args.out / "persons.json", "persons", persons, cur, {"surname_stopwords": sorted(set(cur["surname_stopwords"]))}
    )
    import jsonschema  # validate what was written against the schema the loader uses

    schema = json.loads((args.out / "kb.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for name in ("countries.json", "organizations.json", "agents.json", "persons.json", "codebook.json"):
        errors = list(validator.iter_errors(json.loads((args.out / name).read_text("utf-8"))))
        if errors:
            sys.exit(f"{name}: {len(errors)} schema errors, first: {errors[0].message}")
    n_off = sum(len(p["offices"]) for p in persons)
    print(
        f"countries={len(countries)} organizations={len(orgs)} agents={len(agents)} "
        f"persons={len(persons)} offices={n_off} places={len(places)} coded_persons={len(coded)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
