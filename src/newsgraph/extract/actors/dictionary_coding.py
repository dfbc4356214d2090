"""Coding from the KB's codebook (`kb/codebook.py`): names that are no KB entry but that an actor
dictionary or the gazetteer knows.

- a place that acts ("Transnistria said", "Sydney said") is coded as event data codes it: its
  country, and the sector the codebook gives (PRE for a breakaway region or a state of limited
  recognition), else CVL (a city or region acting through its people, as NGEC codes it);
- a person of the Phoenix dictionary the KB lacks ("Hashim Thaci") gets the country and sector of
  the code held on the article's date.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.extract.actors.state import Cluster, State
from newsgraph.kb.loader import KBPerson, KnowledgeBase
from newsgraph.lang.en.actors import (
    MIN_REGION_NAME,
    ORGANIZATION_HEAD_SECTORS,
    ORGANIZATION_KIND_WORDS,
    ORGANIZATION_WORDS,
    PERSON_PLACE_POPULATION,
    PLACE_ACTOR_SECTOR,
    REGION_DEMONYM_ENDINGS,
)
from newsgraph.namekey import name_words

# Letters a word's stem keeps to stand for the word written in full.
_MIN_STEM = 4


def place_code(state: State, name: str, min_population: int = 0) -> tuple[str, str] | None:
    """(country, sector) of a place named ``name`` when it acts (a gazetteer city of
    ``min_population`` or more); None if no place is known by that name or it is a country,
    capital or seat (those act as their state)."""
    if state.kb.country(name) is not None or state.kb.seat_of_government(name) is not None:
        return None
    coded = state.kb.codebook.place(name)
    if coded is not None:
        return coded[0], coded[1] or PLACE_ACTOR_SECTOR
    country = state.kb.place_country(name, min_population)
    return (country, PLACE_ACTOR_SECTOR) if country is not None else None


def acting_place(state: State, start: int, end: int, text: str, min_population: int = 0) -> bool:
    """A place that is the subject of a verb ("Sydney said"): an actor coded with `place_code`
    (a gazetteer city of ``min_population`` or more); True when the span was taken."""
    root = state.doc[start:end].root
    if root.dep_ != "nsubj" or root.head.pos_ not in {"VERB", "AUX"}:
        return False
    if end < len(state.doc) and state.doc[end].is_punct:
        return False  # a dateline ("GENEVA, Switzerland — ...") or an apposition, not the subject itself
    code = place_code(state, text, min_population)
    if code is None:
        return False
    cluster = state.find("organization", name=text) or Cluster("organization", text, country=code[0], sector=code[1])
    state.add(cluster, start, end)
    return True


def settle_dictionary_kinds(state: State) -> None:
    """A "person" without KB entry named by a place of the codebook is that place acting
    ("Transnistria said"); an "organisation" without KB entry named by a person of the dictionary
    is that person ("Hashim Thaci" tagged ORG)."""
    for cluster in state.clusters:
        if (
            cluster.kb_id is not None
            or cluster.roles
            or not cluster.spans
            or " " not in cluster.name
            and not (cluster.kind == "person" and place_sector(state, cluster.name))
        ):
            continue  # a one-word name of a place is too often a person's ("Murray"), except a region's
        if cluster.kind == "person" and state.kb.codebook.person(cluster.name, None) is None:
            coded = state.kb.codebook.place(cluster.name)
            if coded is not None:
                cluster.kind, cluster.country = "organization", coded[0]
                cluster.sector = coded[1] or PLACE_ACTOR_SECTOR
        elif cluster.kind == "organization" and dictionary_person_name(state, cluster.name):
            cluster.kind = "person"


def region_demonym_country(state: State, word: str) -> str | None:
    """The country of a region of the codebook that a capitalised word is the demonym of
    ("Crimean" -> Crimea -> UKR, "Darfuri" -> Darfur -> SDN); None for another word."""
    for ending in REGION_DEMONYM_ENDINGS:
        stem = word[: -len(ending)]
        if word[:1].isupper() and word.endswith(ending) and len(stem) >= MIN_REGION_NAME:
            coded = state.kb.codebook.place(stem)
            if coded is not None:
                return coded[0]
    return None


def dictionary_person_name(state: State, name: str) -> bool:
    """A name of a person of the dictionary: as listed, or shortened ("Diego Molano" for "Diego
    Molano Vega") unless a word of it names a kind of organisation ("Syrian Democratic Forces" is
    no shortened "Syrian Coalition of Secular and Democratic Forces")."""
    if state.kb.codebook.lists(name):
        return True
    words = {w.lower() for w in name.split()}
    kind_words = words & (ORGANIZATION_WORDS | ORGANIZATION_HEAD_SECTORS.keys())
    return not kind_words and state.kb.codebook.person(name, None) is not None


def place_sector(state: State, name: str) -> str | None:
    """The sector the codebook gives a place acting (PRE for a breakaway region), else None."""
    coded = state.kb.codebook.place(name)
    return coded[1] if coded is not None else None


def unnamed_places(state: State) -> None:
    """A proper-noun subject the NER left out that names a breakaway region or a city
    ("Somaliland said"): that place acting, coded with `place_code`."""
    for token in state.doc:
        if token.dep_ != "nsubj" or token.pos_ != "PROPN" or token.i in state.by_token or token.ent_type_:
            continue
        start = min([token.i, *(c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN")])
        if any(i in state.by_token or state.doc[i].ent_type_ for i in range(start, token.i)):
            continue
        acting_place(state, start, token.i + 1, state.doc[start : token.i + 1].text, PERSON_PLACE_POPULATION)


def code_by_known_prefix(state: State, cluster: Cluster) -> None:
    """An organisation the KB lacks whose name is a KB organisation's and words that only say its
    kind ("Shin Bet Security Service") has that organisation's country and sector."""
    words = cluster.name.split()
    for cut in range(len(words) - 1, 0, -1):
        if words[cut].lower() not in ORGANIZATION_KIND_WORDS:
            return
        known = state.kb.organization(" ".join(words[:cut]))
        if known is not None:
            cluster.country, cluster.sector = cluster.country or known.country, cluster.sector or known.sector
            return


def code_by_country_word(state: State, cluster: Cluster) -> None:
    """An organisation the KB lacks named by a country word and a KB organisation's name ("Afghan
    Taliban", "Lebanese Hezbollah") has that organisation's sector, and its country, else the
    country word's."""
    first, _, rest = cluster.name.partition(" ")
    country = state.link_country(first) if rest else None
    known = state.kb.organization(rest) if country is not None else None
    if country is not None and known is not None:
        cluster.country = cluster.country or known.country or country.iso3
        cluster.sector = cluster.sector or known.sector


def code_named_place(state: State, cluster: Cluster) -> None:
    """An organisation named by a place ("Mariupol said"): the place acting, coded with
    `place_code` (a gazetteer city only if large: a small town's name is often a company's)."""
    code = place_code(state, cluster.name, PERSON_PLACE_POPULATION)
    if code is not None:
        cluster.country, cluster.sector = code[0], cluster.sector or code[1]


def code_dictionary_person(state: State, cluster: Cluster) -> None:
    """Country and sector of a person the KB lacks, not yet coded, from the Phoenix dictionary."""
    if cluster.country is not None and cluster.sector is not None:
        return
    names = [cluster.name, *(state.doc[s:e].text for s, e in cluster.spans)]
    for name in dict.fromkeys(names):
        coded = state.kb.codebook.person(name, state.published)
        if coded is not None:
            cluster.country = cluster.country or coded[0]
            cluster.sector = cluster.sector or coded[1]
            return


def code_reordered_name(state: State, cluster: Cluster) -> None:
    """Country and sector of a person the KB does not link, from the one KB person in office on
    the date whose name has the same words in another order, a word written in full where the
    other gives its stem ("Ukhnaagiin Khurelsukh" for "Khurelsukh Ukhnaa"); for coding only."""
    if state.published is None or cluster.country is not None and cluster.sector is not None:
        return
    words = name_words(cluster.name)
    if len(words) < 2:
        return
    candidates = {p.id: p for p, theirs in names_by_length(state.kb).get(len(words), ()) if reordered(words, theirs)}
    found = {i: p for i, p in candidates.items() if state.kb.roles_on(p, state.published)}
    if len(found) == 1:
        (person,) = found.values()
        cluster.country = cluster.country or person.country
        cluster.sector = cluster.sector or state.kb.roles_on(person, state.published)[0].sector


@lru_cache(maxsize=4)
def names_by_length(kb: KnowledgeBase) -> dict[int, tuple[tuple[KBPerson, list[str]], ...]]:
    """The folded words of every KB person's names and aliases, by number of words."""
    found: dict[int, list[tuple[KBPerson, list[str]]]] = {}
    for person in kb.persons:
        for name in (person.name, *person.aliases):
            words = name_words(name)
            found.setdefault(len(words), []).append((person, words))
    return {n: tuple(entries) for n, entries in found.items()}


def reordered(words: list[str], theirs: list[str]) -> bool:
    """Two names of as many words, each of ``words`` the same as one of ``theirs`` or its stem
    (of four letters or more), not in the same order."""
    return theirs != words and all(any(stem_of(a, b) for b in theirs) for a in words)


def stem_of(a: str, b: str) -> bool:
    """The same word, or one the start of the other of at least four letters ("ukhnaa", "ukhnaagiin")."""
    short, long_ = sorted((a, b), key=len)
    return short == long_ or len(short) >= _MIN_STEM and long_.startswith(short)
