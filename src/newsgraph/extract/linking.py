"""Linking mention texts to knowledge-base entries (persons by name and date, organisations)."""

from __future__ import annotations

from datetime import date

from newsgraph.kb.loader import KBOrganization, KBPerson, KnowledgeBase


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
    office on the publication date: "Trump" in 2025 is Donald Trump.
    """
    candidates = kb.persons_named(name)
    if len(candidates) > 1 or surname_only:
        candidates = [p for p in candidates if _held_on(p, kb, on)]
    return candidates[0] if len(candidates) == 1 else None


def link_organization(name: str, kb: KnowledgeBase) -> KBOrganization | None:
    """The KB organisation with this name or alias."""
    return kb.organization(strip_possessive(name))
