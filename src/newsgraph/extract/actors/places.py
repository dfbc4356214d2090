"""Places and the states acting through them: countries, capitals and seats of government that act
("Kyiv rejected" -> Government of Ukraine), and state institutions ("Belarus's foreign ministry")."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.actors.clusters import organization
from newsgraph.extract.actors.state import Cluster, State, head_phrase
from newsgraph.lang.en.actors import (
    AGENT_DEPS,
    INSTITUTIONS,
    PLACE_LABELS,
    PLACE_VERBS,
    PLURAL_COUNTRY_ENDINGS,
    ROLE_NOUNS,
    SPOKESPERSON_NOUNS,
    THE_COUNTRY_WORDS,
)


def place_or_government(state: State, start: int, end: int, text: str) -> bool:
    """Countries, capitals and seats of government; True when the span was consumed."""
    country = state.link_country(text)
    if country is not None and text.lower() in (d.lower() for d in country.demonyms):
        return False
    if country is not None:
        cluster = state.find("country", kb_id=f"country/{country.iso3}") or Cluster(
            "country", country.name, kb_id=f"country/{country.iso3}", country=country.iso3
        )
        state.add(cluster, start, end)
        return True
    seat = state.kb.seat_of_government(text)
    if seat is not None:
        root = state.doc[start:end].root
        speaks_for = root.head.lower_ in SPOKESPERSON_NOUNS or not modifies_role_noun(root)
        if root.dep_ in {"compound", "amod"} and state.kb.organization(text) is not None and speaks_for:
            organization(state, start, end, text)  # "a State Department spokesperson"
        elif acts_as_agent(root):
            cluster = state.find("organization", kb_id=f"government/{seat.iso3}") or Cluster(
                "organization",
                f"Government of {with_article(seat.name)}",
                kb_id=f"government/{seat.iso3}",
                country=seat.iso3,
                sector="GOV",
            )
            state.add(cluster, start, end)
        elif not modifies_role_noun(state.doc[start:end].root):
            state.places.append(state.place(start, end, seat.iso3))
        return True
    if state.doc[start].ent_type_ in PLACE_LABELS:
        state.places.append(state.place(start, end, None))
        return True
    return False


def acts_as_agent(token: Token) -> bool:
    """A capital or seat of government that acts: subject, possessor, "by"/"with" object."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in AGENT_DEPS:
        return True
    if token.dep_ == "pobj":
        prep = token.head
        according = prep.lower_ == "to" and prep.head.lower_ == "according"
        return according or prep.lower_ in {"by", "with", "between", "against"}
    if token.dep_ == "dobj":
        return token.head.lemma_ not in PLACE_VERBS
    return False


def modifies_role_noun(token: Token) -> bool:
    """A modifier of a role noun ("Kremlin spokesman")."""
    return token.dep_ in {"compound", "amod"} and token.head.lower_ in ROLE_NOUNS


def institutions(state: State) -> None:
    """ "Belarus’s foreign ministry", "the Congolese army": an institution of a named state."""
    for chunk in state.noun_chunks:
        head = chunk.root
        key = head_phrase(chunk, INSTITUTIONS)
        if key is None or head.tag_ in {"NNS", "NNPS"} or state.by_token.get(head.i) is not None:
            continue
        country = state.chunk_country(chunk)
        if country is None:
            continue
        start = chunk.start + (1 if state.doc[chunk.start].lower_ in {"the", "a", "an"} else 0)
        if any(
            state.by_token.get(i) is not None and state.by_token[i].kind != "country" for i in range(start, head.i + 1)
        ):
            continue
        name, sector = INSTITUTIONS[key]
        kb_id = f"government/{country.iso3}" if key == "government" else f"institution/{country.iso3}/{key}"
        place = with_article(country.name)
        label = f"Government of {place}" if key == "government" else f"{name} of {place}"
        cluster = state.find("organization", kb_id=kb_id) or Cluster(
            "organization", label, kb_id=kb_id, country=country.iso3, sector=sector
        )
        state.release(start, head.i + 1)
        state.add(cluster, start, head.i + 1)


def with_article(country: str) -> str:
    """A country name as it follows "of": "the Philippines", "the United States", "Russia"."""
    first = country.split()[0]
    if country.endswith(PLURAL_COUNTRY_ENDINGS) or first in THE_COUNTRY_WORDS or "Republic" in country:
        return f"the {country}"
    return country
