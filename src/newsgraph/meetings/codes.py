"""Participant codes: a country's ISO3 code; an international organisation's short name ("UN", "EU", "NATO")
rather than the KB's shared "IGO"; else the actor's global id. And whether a KB person is a leader (head of
state or government) on a day."""

from __future__ import annotations

from datetime import date
from functools import cache

from newsgraph.kb.loader import KBOrganization, default_kb
from newsgraph.lang.en.meetings import LEADER_OFFICES

BODY_CODES = {"UNO": "UN", "EUR": "EU"}  # KB country codes of bodies that have one short name
IGO = "IGO"  # the KB's country code of every other international organisation


def short_name(org: KBOrganization) -> str:
    """An organisation's acronym among its aliases ("NATO"), else its KB id in capitals."""
    return next((a for a in org.aliases if a.isalpha() and a.isupper() and len(a) <= 6), org.id.upper())


@cache
def code_of_name(name: str) -> str | None:
    """The code of the country or organisation ``name`` names ("US", "Qatari", "the United Nations"), or None."""
    kb = default_kb()
    country = kb.country(name)
    if country is not None:
        return country.iso3
    org = kb.organization(name)
    if org is None or org.country not in (IGO, *BODY_CODES):
        return None
    return BODY_CODES.get(org.country) or short_name(org)


def participant_code(actor_id: str, name: str, kb_id: str | None, country: str | None) -> str:
    """The code a stored actor takes part in a meeting under."""
    if not country:
        return actor_id
    if country in BODY_CODES:
        return BODY_CODES[country]
    if country != IGO:
        return country
    kb = default_kb()
    org = kb.organization(kb_id or name)
    if org is None:  # a group of an organisation: "NATO defence ministers"
        org = next(filter(None, (kb.organization(w) for w in name.split() if w.isupper())), None)
    return short_name(org) if org is not None else actor_id


def is_leader(kb_id: str | None, on: str | None) -> bool:
    """Whether the KB person ``kb_id`` heads a state or government on day ``on`` (YYYY-MM-DD)."""
    person = default_kb().person(kb_id) if kb_id else None
    if person is None:
        return False
    day = date.fromisoformat(on[:10]) if on and len(on) >= 10 else None
    return any(o.type in LEADER_OFFICES for o in default_kb().roles_on(person, day))
