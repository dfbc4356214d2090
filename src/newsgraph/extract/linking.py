"""Linking mention texts to knowledge-base entries (persons by name, spelling and date,
organisations, countries by one sense per article)."""

from __future__ import annotations

from collections.abc import Container, Iterable
from datetime import date
from functools import lru_cache

from newsgraph.kb.loader import KBCountry, KBOrganization, KBPerson, KnowledgeBase, normalize
from newsgraph.namekey import persons_keyed


def strip_possessive(text: str) -> str:
    """``"Kyiv’s"`` -> ``"Kyiv"``; leading "the" is dropped too."""
    for suffix in ("’s", "'s", "’", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip()


def _held_on(person: KBPerson, kb: KnowledgeBase, on: date | None) -> bool:
    return bool(kb.roles_on(person, on))


def link_person(name: str, kb: KnowledgeBase, on: date | None, *, surname_only: bool) -> KBPerson | None:
    """The KB person a name refers to, or None when unknown or ambiguous.

    A full name links when exactly one KB person carries it (or, among several, exactly one
    held an office on the date). A bare surname links only when exactly one KB person with that surname held an
    office on the publication date: "Trump" in 2025 is Donald Trump. A spelling the KB does not
    list links through the name key ("Kiril Dmitriyev", "V. Putin": :func:`persons_keyed`).
    """
    candidates = kb.persons_named(name) or persons_keyed(name, kb)
    if len(candidates) > 1 or surname_only:
        candidates = [p for p in candidates if _held_on(p, kb, on)]
    return candidates[0] if len(candidates) == 1 else None


def link_organization(name: str, kb: KnowledgeBase) -> KBOrganization | None:
    """The KB organisation with this name or alias."""
    return kb.organization(strip_possessive(name))


@lru_cache(maxsize=4)
def _countries_by_name(kb: KnowledgeBase) -> dict[str, tuple[KBCountry, ...]]:
    """Normalised name, alias or demonym -> every KB country that carries it."""
    found: dict[str, list[KBCountry]] = {}
    for country in kb.countries:
        for name in dict.fromkeys(normalize(n) for n in (country.name, *country.aliases, *country.demonyms)):
            found.setdefault(name, []).append(country)
    return {name: tuple(countries) for name, countries in found.items()}


def unambiguous_countries(texts: Iterable[str], kb: KnowledgeBase) -> frozenset[str]:
    """ISO3 codes of the countries these texts name, counting only names a single country carries
    ("Democratic Republic of Congo", not "Congo")."""
    senses = _countries_by_name(kb)
    return frozenset(found[0].iso3 for text in texts if len(found := senses.get(normalize(text), ())) == 1)


def link_country(text: str, kb: KnowledgeBase, named: Container[str] = frozenset()) -> KBCountry | None:
    """The country a name or demonym refers to.

    A name several countries carry ("Congo", "Congolese") keeps one sense per article: the
    country among them that the article also names unambiguously (``named``, ISO3 codes), else
    the country whose own name it is.
    """
    key = normalize(text)
    senses = _countries_by_name(kb).get(key, ())
    if len(senses) <= 1:
        return kb.country(text)
    in_article = [c for c in senses if c.iso3 in named]
    if len(in_article) == 1:
        return in_article[0]
    return next((c for c in senses if normalize(c.name) == key), kb.country(text))
