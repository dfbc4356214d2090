"""Which cluster a name joins: persons by the name key (`newsgraph.namekey`: any spelling) of their
full, sur- or first name and by KB person, organisations by
KB id, name without legal suffix or a unique short name; clusters of one KB id merged."""

from __future__ import annotations

from rapidfuzz import fuzz

from newsgraph.extract.actors.state import Cluster, State
from newsgraph.extract.gender import gender_of_first_name
from newsgraph.extract.linking import link_organization, link_person, strip_possessive
from newsgraph.kb.loader import KBPerson
from newsgraph.lang.en.actors import GENERIC_NAME_WORDS, LEADER_TYPES, LEGAL_SUFFIXES, ROLE_NOUNS
from newsgraph.lang.en.names import SURNAME_SPELLING_SIMILARITY
from newsgraph.namekey import display_name, name_key, person_keys, same_name, surname_key


def person(state: State, start: int, end: int, text: str) -> None:
    """Tokens ``start:end`` (``text``) mention a person: the one of the document it names, else a new one.
    Editorial brackets leave the name ("[President Vladimir] Putin" names Vladimir Putin)."""
    text = display_name(text)
    if len(text.split()) == 1:
        cluster = person_with_surname(state, text, start) or latest_person_with_first_name(state, text)
        if cluster is None:
            cluster = Cluster("person", text)
            kb_person = link_person(text, state.kb, state.published, surname_only=True)
            if kb_person is not None:
                attach_kb(state, cluster, kb_person)
    else:
        cluster = person_named(state, text) or person_with_full_name(state, text)
        if cluster is None or cluster.kb_person is None:
            kb_person = link_person(text, state.kb, state.published, surname_only=False)
            if cluster is None:
                cluster = state.find("person", kb_id=kb_person.id) if kb_person else None
            if cluster is None:
                cluster = Cluster("person", text)
            if kb_person is not None and cluster.kb_person is None:
                attach_kb(state, cluster, kb_person)
    if cluster.gender is None and len(cluster.name.split()) > 1:
        cluster.gender = gender_of_first_name(cluster.name.split()[0])
    state.add(cluster, start, end)


def name_keys(cluster: Cluster) -> tuple[str, ...]:
    """The name keys a person cluster answers to: its name's and, when linked, its KB names'."""
    own = name_key(cluster.name)
    return (own, *person_keys(cluster.kb_person)) if cluster.kb_person is not None else (own,)


def surname_keys(cluster: Cluster) -> set[str]:
    """The surname keys of a person cluster's names: its own, a one-word KB alias ("Lula"), and the
    last word of a KB alias spelt like its own ("Lukashenka"; not "Sweden" of "Carl XVI Gustaf of Sweden")."""
    own = name_key(cluster.name)
    if not own:
        return set()
    surname = own.rsplit(" ", 1)[-1]
    found = {surname}
    for key in name_keys(cluster)[1:]:
        last = key.rsplit(" ", 1)[-1]
        if " " not in key or fuzz.ratio(last, surname) >= SURNAME_SPELLING_SIMILARITY:
            found.add(last)
    return found


def person_named(state: State, text: str) -> Cluster | None:
    """The first person of the document whose full name is a spelling of this one ("Vladimir
    Zelenskiy" after "Volodymyr Zelenskyy", "V. Putin" after "Vladimir Putin")."""
    key = name_key(text)
    for cluster in state.clusters:
        if cluster.kind == "person" and any(" " in k and same_name(key, k) for k in name_keys(cluster)):
            return cluster
    return None


def known_person(state: State, text: str) -> Cluster | None:
    """A person of the document this (non-person) entity text names: full, sur- or first name, in any spelling."""
    key = name_key(strip_possessive(text))
    if not key:
        return None
    for cluster in state.clusters:
        if cluster.kind == "person" and (
            key in name_keys(cluster) or (" " not in key and key in surname_keys(cluster))
        ):
            return cluster
    if " " in key:
        return person_named(state, text)
    return latest_person_with_first_name(state, key)


def person_with_full_name(state: State, text: str) -> Cluster | None:
    """An earlier cluster this full name extends ("Putin" seen first, then "Vladimir Putin")."""
    surname = surname_key(text)
    for cluster in reversed(state.clusters):
        if cluster.kind == "person" and len(cluster.name.split()) == 1 and surname in surname_keys(cluster):
            if cluster.kb_person is None:
                cluster.name = text
            return cluster
    return None


def person_with_surname(state: State, word: str, at: int) -> Cluster | None:
    """The person a bare surname, in any spelling, refers to.

    With several persons of that surname (a family), the one named in the same paragraph
    wins, else the first one the article introduced (its main subject).
    """
    key = name_key(word)
    matches = [c for c in state.clusters if c.kind == "person" and key in surname_keys(c)]
    if len(matches) <= 1:
        return matches[0] if matches else None
    para = state.layout.paragraph_of(state.doc[at].idx)
    latest = None
    for cluster in matches:
        before = [s for s, _ in cluster.spans if s < at]
        if before and state.layout.paragraph_of(state.doc[max(before)].idx) == para:
            if latest is None or max(before) > latest[0]:
                latest = (max(before), cluster)
    return latest[1] if latest else matches[0]


def latest_person_with_first_name(state: State, word: str) -> Cluster | None:
    """The one person of the document with this first name (in any spelling)."""
    key = name_key(word)
    if not key:
        return None
    matches = [
        c
        for c in state.clusters
        if c.kind == "person" and len(c.name.split()) > 1 and name_key(c.name).split()[:1] == [key]
    ]
    return matches[-1] if len(matches) == 1 else None


def attach_kb(state: State, cluster: Cluster, person: KBPerson) -> None:
    """Link a person cluster to a KB person: name, country, gender, offices and their role words."""
    cluster.kb_person = person
    cluster.kb_id = person.id
    cluster.name = person.name
    cluster.country = person.country
    cluster.gender = person.gender
    held = state.kb.roles_on(person, state.published)
    # Without a publication date, any office the person ever held can explain a role description.
    for office in held if state.published else person.offices:
        if office in held and office.role not in cluster.roles:
            cluster.roles.append(office.role)
        cluster.office_types.add(office.type)
        cluster.sector = cluster.sector or office.sector
        cluster.role_words.update(role_words(office.role))
        if office.type in LEADER_TYPES:
            cluster.role_words.add("leader")


def role_words(role: str) -> set[str]:
    """The role nouns a role holds ("Deputy Foreign Minister" -> "minister", "foreign minister")."""
    lowered = role.lower()
    words = {w for w in lowered.replace("-", " ").split() if w in ROLE_NOUNS}
    words.update(phrase for phrase in ROLE_NOUNS if " " in phrase and phrase in lowered)
    return words


def organization(state: State, start: int, end: int, text: str) -> None:
    """Tokens ``start:end`` (``text``) mention an organisation: the KB's, one of the document, or a new one."""
    org = link_organization(text, state.kb)
    if org is not None:
        cluster = state.find("organization", kb_id=org.id) or Cluster(
            "organization", org.name, kb_id=org.id, country=org.country, sector=org.sector
        )
    else:
        cluster = (
            organization_named(state, text)
            or organization_with_short_name(state, text)
            or Cluster("organization", text)
        )
    state.add(cluster, start, end)


def organization_named(state: State, text: str) -> Cluster | None:
    """The organisation of this name, with or without its legal suffix ("Samsung Electronics Co.")."""
    key = without_legal_suffix(text)
    return next((c for c in state.clusters if c.kind == "organization" and without_legal_suffix(c.name) == key), None)


def organization_with_short_name(state: State, text: str) -> Cluster | None:
    """The one organisation whose longer name this single distinctive word begins ("Samsung"
    after "Samsung Electronics Co."), or the one-word organisation a longer name extends."""
    first = text.split()[0]
    if first.lower() in GENERIC_NAME_WORDS or state.country_of_text(first) is not None:
        return None
    if " " in text:  # "Northwind" seen first, then "Northwind Trading": one organisation, the longer name
        shorter = [c for c in state.clusters if c.kind == "organization" and c.name == first and c.kb_id is None]
        if len(shorter) == 1:
            shorter[0].name = text
            return shorter[0]
        return None
    matches = [c for c in state.clusters if c.kind == "organization" and c.name.startswith(f"{text} ")]
    return matches[0] if len(matches) == 1 else None


def without_legal_suffix(name: str) -> str:
    """An organisation name compared without case and a trailing "Co.", "Inc." or "Ltd."."""
    words = name.lower().replace(",", " ").split()
    while len(words) > 1 and words[-1].rstrip(".") in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def merge_same_kb(state: State) -> None:
    """Clusters linked to the same KB id become the first of them."""
    seen: dict[str, Cluster] = {}
    for cluster in list(state.clusters):
        if cluster.kb_id is None:
            continue
        first = seen.setdefault(cluster.kb_id, cluster)
        if first is not cluster:
            first.spans.extend(cluster.spans)
            for start, end in cluster.spans:
                for i in range(start, end):
                    state.by_token[i] = first
            state.clusters.remove(cluster)
