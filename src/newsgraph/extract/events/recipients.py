"""Whom a deployment or aid goes to: the opponents a deployment's purpose names ("sent troops to
fight X") and the recipient aid is sent to ("delivered aid to Gaza")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.actors import PlaceMention
from newsgraph.extract.events.roles import RoleFinder, Roles
from newsgraph.lang.en.events import CONFRONTING_VERBS
from newsgraph.model import Actor


def purpose_opponents(token: Token, finder: RoleFinder) -> list[Actor]:
    """Whom a deployment is aimed at: the object of its purpose clause of fighting ("deployed
    jets to battle X", "sending troops to fight X")."""
    found: list[Actor] = []
    for clause in token.children:
        if clause.dep_ not in ("advcl", "xcomp") or clause.lemma_.lower() not in CONFRONTING_VERBS:
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            for obj in (c for c in clause.children if c.dep_ == "dobj"):
                found.extend(a for a in finder.party(obj) if a not in found)
    return found


def recipient(token: Token, roles: Roles, places: list[tuple[PlaceMention, Span | None]], finder: RoleFinder) -> None:
    """ "send peacekeepers to Mali", "delivered aid to Gaza": aid goes to whom it is sent to (an
    actor, or the country of a place)."""
    if roles.target:
        return
    heads = [token, *(c for c in token.children if c.dep_ == "dobj")]
    to = [g for h in heads for c in h.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    for word in to:
        actor = finder.actors.actor_at(word)
        country = next((p.country for p, span in places if span is not None and word in span), None)
        actor = actor or (finder.by_country.get(country) if country else None)
        if actor is not None and actor not in roles.source:
            roles.target.append(actor)
            roles.tokens.append(word)
            return
