"""Places and the states acting through them: countries, capitals and seats of government that act
("Kyiv rejected" -> Government of Ukraine), and state institutions ("Belarus's foreign ministry")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.actors.clusters import organization
from newsgraph.extract.actors.dictionary_coding import acting_place
from newsgraph.extract.actors.roles import is_person_noun
from newsgraph.extract.actors.state import Cluster, State, head_phrase, located_in
from newsgraph.kb.loader import KBCountry
from newsgraph.lang.en.actors import (
    AGENT_DEPS,
    INSTITUTIONS,
    MODIFIER_DEPS,
    NOT_PLACE_WORDS,
    PERSON_LABELS,
    PERSON_PLACE_POPULATION,
    PLACE_LABELS,
    PLACE_VERBS,
    PLATFORMS,
    PLURAL_COUNTRY_ENDINGS,
    ROLE_NOUNS,
    SPOKESPERSON_NOUNS,
    THE_COUNTRY_WORDS,
    TITLE_ONLY_WORDS,
)


def place_or_government(state: State, start: int, end: int, text: str) -> bool:
    """Countries, capitals and seats of government, cities and regions, platforms (no actors) and
    acronyms of agencies; True when the span was consumed."""
    if text.lower() in PLATFORMS or title_or_institution(state, start, end, text):
        return True  # "on X", "on Telegram": a medium, not an actor
    country = state.link_country(text)
    if country is not None and not text.isupper() and text.lower() in (d.lower() for d in country.demonyms):
        return modifier(state.doc[start:end])  # "Peruvian" modifies; an acronym ("US") names the country
    if country is not None:
        cluster = state.find("country", kb_id=f"country/{country.iso3}") or Cluster(
            "country", country.name, kb_id=f"country/{country.iso3}", country=country.iso3
        )
        state.add(cluster, start, end)
        return True
    seat = state.kb.seat_of_government(text)
    if seat is not None:
        seat_of_government(state, start, end, text, seat)
        return True
    return other_place_or_agency(state, start, end, text)


def modifier(span: Span) -> bool:
    """A demonym the NER called an organisation or a person that modifies a noun ("a Ugandan
    attorney"): no actor of its own (the phrase it modifies may be one)."""
    return span.root.dep_ in MODIFIER_DEPS and span.root.head.i >= span.end


def seat_of_government(state: State, start: int, end: int, text: str, seat: KBCountry) -> None:
    """A capital or seat: the body it names ("a State Department spokesperson"), the government
    when it acts ("Kyiv rejected"), else a place."""
    root = state.doc[start:end].root
    speaks_for = root.head.lower_ in SPOKESPERSON_NOUNS or not modifies_role_noun(root)
    if root.dep_ in {"compound", "amod"} and state.kb.organization(text) is not None and speaks_for:
        organization(state, start, end, text)  # "a State Department spokesperson"
    elif acts_as_agent(root):
        state.add(government_cluster(state, seat), start, end)
    elif not modifies_role_noun(root):
        state.places.append(state.place(start, end, seat.iso3))


def unnamed_seats(state: State) -> None:
    """A capital or seat of government the NER left out that acts ("Kyiv said"): its government; not a
    dateline ("KYIV, Ukraine — …")."""
    for token in state.doc:
        if token.pos_ != "PROPN" or token.ent_type_ or token.i in state.by_token or token.i in state.dateline_tokens:
            continue
        if not acts_as_agent(token):
            continue
        seat = state.kb.seat_of_government(token.text)
        if seat is not None and not any(c.dep_ == "compound" for c in token.lefts):
            state.add(government_cluster(state, seat), token.i, token.i + 1)


def other_place_or_agency(state: State, start: int, end: int, text: str) -> bool:
    """A place of the NER or the gazetteer (an actor when it is a verb's subject), or an acronym
    the NER took for a person ("EUCOM")."""
    label = state.doc[start].ent_type_
    if label in PLACE_LABELS and acting_place(state, start, end, text):
        return True  # "Somaliland said"
    if label in PLACE_LABELS or gazetteer_place(state, start, end, text):
        state.places.append(state.place(start, end, state.kb.place_country(text)))
        return True
    if label in PERSON_LABELS and is_acronym(text) and not is_person_noun(state, text.lower()):
        organization(state, start, end, text)  # "EUCOM said": an agency or a command, not a person
        return True
    return False


def title_or_institution(state: State, start: int, end: int, text: str) -> bool:
    """A "person" that is a state institution ("General Staff": an organisation) or only title
    words ("Vice President": no actor), unless the article uses it as the end of a longer name."""
    span = state.doc[start:end]
    if (
        span.label_ not in PERSON_LABELS
        and state.doc[start].ent_type_ not in PERSON_LABELS
        or part_of_name(state, span)
    ):
        return False
    if text.lower() in INSTITUTIONS:
        organization(state, start, end, text)
        return True
    return all(t.lower_.rstrip(".") in TITLE_ONLY_WORDS for t in span)


def part_of_name(state: State, span: Span) -> bool:
    """The last words of a longer person's name in the article ("Lamar Jackson" ... "Jackson")."""
    return any(
        ent.label_ in PERSON_LABELS and len(ent) > len(span) and ent.text.endswith(f" {span.text}")
        for ent in state.ents
    )


def gazetteer_place(state: State, start: int, end: int, text: str) -> bool:
    """A name the NER called a person that is a large city or region of the gazetteer
    ("Zaporizhzhia said"), or any gazetteer place the article uses as a place elsewhere; unless
    the KB knows it as an organisation, it is a common word, or the article uses it as part of a
    longer person's name ("Lamar Jackson" ... "Jackson")."""
    if state.kb.organization(text) is not None or text.lower() in NOT_PLACE_WORDS:
        return False
    if any(t.is_stop or state.kb.agent_sector(t.lower_) is not None for t in state.doc[start:end]):
        return False
    if text in state.place_names or located_in(state.doc[start:end].root):
        large = 0  # "officials in Sumy"
    elif state.doc[start].ent_type_ in PERSON_LABELS:
        large = PERSON_PLACE_POPULATION
    else:
        return False
    if state.kb.place_country(text, large) is None:
        return False
    return not part_of_name(state, state.doc[start:end])


def is_acronym(text: str) -> bool:
    """An upper-case word of letters ("EUCOM", "DEA")."""
    return len(text) > 1 and text.isalpha() and text.isupper()


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
        if key is None or head.tag_ in {"NNS", "NNPS"}:
            continue
        country = state.chunk_country(chunk)
        held = state.by_token.get(head.i)
        if country is None or held is not None and not names_institution(state, held, key, country):
            continue
        start = chunk.start + (1 if state.doc[chunk.start].lower_ in {"the", "a", "an"} else 0)
        if any(
            state.by_token.get(i) is not None and state.by_token[i].kind != "country" and state.by_token[i] is not held
            for i in range(start, head.i + 1)
        ):
            continue
        cluster = institution_cluster(state, key, country)
        state.release(start, head.i + 1)
        state.add(cluster, start, head.i + 1)


def institution_cluster(state: State, key: str, country: KBCountry) -> Cluster:
    """The cluster of a state institution: the KB's body of that name ("Ministry of Defence of
    Russia"), else one keyed by its canonical name, so that spellings of one body are one actor."""
    name, sector = INSTITUTIONS[key]
    place = with_article(country.name)
    label = f"Government of {place}" if key == "government" else f"{name} of {place}"
    org = state.kb.organization(label) if key != "government" else None  # one id for a government
    if org is not None:
        return state.find("organization", kb_id=org.id) or Cluster(
            "organization", org.name, kb_id=org.id, country=org.country or country.iso3, sector=org.sector or sector
        )
    first = next(k for k, (n, _) in INSTITUTIONS.items() if n == name)  # "defense ministry" -> "defence ministry"
    slug = first.replace(" ", "-")  # the KB's form: institution/rus/defence-ministry
    kb_id = f"government/{country.iso3}" if key == "government" else f"institution/{country.iso3.lower()}/{slug}"
    return state.find("organization", kb_id=kb_id) or Cluster(
        "organization", label, kb_id=kb_id, country=country.iso3, sector=sector
    )


def names_institution(state: State, cluster: Cluster, key: str, country: KBCountry) -> bool:
    """An organisation of no KB named by the institution noun, alone or after a country word
    ("Defense Ministry", "Peruvian Defence Ministry"), a "person" named by its last words, or
    another country's KB body whose short name it is ("Brazil's Congress" is not the US one)."""
    if cluster.kind == "organization" and cluster.kb_id is not None and cluster.country not in (None, country.iso3):
        return state.kb.country_by_code(cluster.country) is not None  # a state's body, not an IGO's
    if cluster.kind not in {"organization", "person"} or cluster.kb_id is not None:
        return False
    name = cluster.name.lower()
    if cluster.kind == "person":  # "Staff" the name sweep took from "Ukraine's General Staff"
        return key.endswith(name)
    prefix = name[: -len(key)].strip() if name.endswith(key) else None
    return prefix is not None and (not prefix or state.country_of_text(prefix) is not None)


def government_cluster(state: State, country: KBCountry) -> Cluster:
    """The document's government of a country: the one found before, else a new one."""
    return state.find("organization", kb_id=f"government/{country.iso3}") or Cluster(
        "organization",
        f"Government of {with_article(country.name)}",
        kb_id=f"government/{country.iso3}",
        country=country.iso3,
        sector="GOV",
    )


def with_article(country: str) -> str:
    """A country name as it follows "of": "the Philippines", "the United States", "Russia"."""
    first = country.split()[0]
    if country.endswith(PLURAL_COUNTRY_ENDINGS) or first in THE_COUNTRY_WORDS or "Republic" in country:
        return f"the {country}"
    return country
