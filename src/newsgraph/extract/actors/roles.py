"""Roles of persons: from titles before a name and appositions ("Russian Foreign Minister X",
"X, Russia's envoy"), and role descriptions ("the Kremlin leader") resolved to a person of the
document or the KB's office holder."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.actors.clusters import attach_kb, role_words
from newsgraph.extract.actors.state import Cluster, State, head_phrase
from newsgraph.kb.loader import KBCountry, KnowledgeBase
from newsgraph.lang.en.actors import (
    HONORIFIC_GENDER,
    LEADER_TYPES,
    NO_ACTOR_SECTORS,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    POSSESSIVE,
    RANK_WORDS,
    ROLE_NOUNS,
    ROLE_QUALIFIERS,
    STATE_SECTORS,
    TITLE_WORDS,
    VAGUE_SECTORS,
)


def text_roles(state: State) -> None:
    """Roles and countries of persons from the titles before their names and their appositions."""
    for cluster in [c for c in state.clusters if c.kind == "person"]:
        for start, end in list(cluster.spans):
            head = state.doc[start:end].root
            title_before(state, cluster, start)
            for child in head.children:
                if child.dep_ == "appos":
                    role_phrase(state, cluster, child)
            if head.dep_ == "appos" and head.head.pos_ == "NOUN":
                role_phrase(state, cluster, head.head)


def title_before(state: State, cluster: Cluster, start: int) -> None:
    """Capitalised title words and a country word right before a name."""
    doc = state.doc
    words: list[Token] = []
    i = start - 1
    while (
        i >= 0
        and doc[i].dep_ in {"compound", "amod", "nmod", "poss", "case"}
        and (
            doc[i].is_title
            or doc[i].text in POSSESSIVE
            or doc[i].ent_type_
            or is_person_noun(state, doc[i].lower_)  # "WHL commissioner Ron Robison"
        )
        and doc[i].i not in state.by_token
    ):
        words.insert(0, doc[i])
        i -= 1
    apply_role_tokens(state, cluster, words)


def role_phrase(state: State, cluster: Cluster, noun: Token) -> None:
    """A role noun phrase in apposition: "Russia's deputy UN envoy"; of another noun for a
    person only the country ("his Azerbaijani counterpart, X")."""
    words = [t for t in noun.subtree if t.i <= noun.i and not t.is_punct and t.dep_ != "det"]
    if noun.lower_ in ROLE_NOUNS or any(w in ROLE_NOUNS for w in role_words(noun.text)):
        apply_role_tokens(state, cluster, words)
    elif is_person_noun(state, noun.lower_):
        country = next(filter(None, (token_country(state, word) for word in words)), None)
        cluster.country = cluster.country or (country.iso3 if country else None)


def token_country(state: State, token: Token) -> KBCountry | None:
    """The country a demonym, country name or possessor names ("Azerbaijani", "Russia's")."""
    if token.ent_type_ in {"NORP", "GPE", "ORG"} or token.dep_ == "poss":
        return state.country_of_text(token.text)
    return None


def apply_role_tokens(state: State, cluster: Cluster, words: list[Token]) -> None:
    """A person's title words: a country word sets the country, an honorific the gender, the rest are roles."""
    role_tokens: list[str] = []
    for token in words:
        if token.text in POSSESSIVE:
            continue
        country = token_country(state, token)
        if country is not None:
            cluster.country = cluster.country or country.iso3
            continue
        lowered = token.lower_.rstrip(".")
        if lowered in HONORIFIC_GENDER:
            cluster.gender = cluster.gender or HONORIFIC_GENDER[lowered]
            continue
        role_tokens.append(token.text)
    for part in split_rank(role_tokens):
        add_role(state, cluster, part)


def add_role(state: State, cluster: Cluster, role_tokens: list[str]) -> None:
    """One role of a person: its text (unless the KB gave the roles), role words, office type and sector."""
    role = " ".join(role_tokens).strip()
    if not role:
        return
    if cluster.kb_person is None and role not in cluster.roles:
        cluster.roles.append(role)
    cluster.role_words.update(role_words(role))
    office = ROLE_NOUNS.get(role.lower())
    if office:
        cluster.office_types.add(office)
    cluster.sector = cluster.sector or state.kb.agent_sector(role_tokens[-1].lower())


def split_rank(role_tokens: list[str]) -> list[list[str]]:
    """ "Army spokesman Colonel" -> "Army spokesman", "Colonel": a rank or title right before the
    name is a role of its own, not the end of the role phrase before it."""
    rank = len(role_tokens)
    while rank > 0 and role_tokens[rank - 1].lower().rstrip(".") in RANK_WORDS | TITLE_WORDS:
        rank -= 1
    before = role_tokens[rank - 1].lower() if rank else ""
    if rank == len(role_tokens) or before not in ROLE_NOUNS and before not in PERSON_NOUNS:
        return [role_tokens]
    return [role_tokens[:rank], role_tokens[rank:]]


def role_descriptions(state: State) -> None:
    """ "the Kremlin leader", "the envoy": a definite role description is the person holding that role."""
    for chunk in state.noun_chunks:
        head = chunk.root
        role = unqualified_role(chunk, state.kb)
        if role is None or head.i in state.by_token or head.tag_ in {"NNS", "NNPS"} or head.dep_ == "compound":
            continue
        if head.dep_ == "appos" or any(c.dep_ == "appos" for c in head.children):
            continue
        definite = any(t.lower_ == "the" or t.dep_ == "poss" for t in chunk if t.i < head.i)
        if not definite or introduced_unnamed(state, head):
            continue
        cluster = resolve_role(state, role, state.chunk_country(chunk), chunk.start)
        if cluster is not None:
            start = chunk.start + (1 if state.doc[chunk.start].lower_ == "the" else 0)
            named = [i for i in range(start, head.i) if i in state.by_token]
            state.add(cluster, max(named) + 1 if named else start, head.i + 1)


def unqualified_role(chunk: Span, kb: KnowledgeBase) -> str | None:
    """The role noun heading a chunk ("the foreign minister"), unless a qualifier makes it another
    office ("the Vice President", "a deputy minister") or a word the agent dictionary codes outside
    the state's sectors makes it another body's ("the opposition leader", "a rebel commander")."""
    role = head_phrase(chunk, ROLE_NOUNS)
    before = chunk.root.i - len(role.split()) if role else -1
    if before < chunk.start:
        return role
    word = chunk.doc[before].lower_
    sector = kb.agent_sector(word)
    if word in ROLE_QUALIFIERS or sector is not None and sector not in STATE_SECTORS | NO_ACTOR_SECTORS | VAGUE_SECTORS:
        return None
    return role


def resolve_role(state: State, role: str, country: KBCountry | None, before: int) -> Cluster | None:
    """The person a role description refers to: a document person first, then the KB."""
    return document_role_holder(state, role, country, before) or kb_role_holder(state, role, country)


def document_role_holder(state: State, role: str, country: KBCountry | None, before: int) -> Cluster | None:
    """The person of the document, of that country if one is given, last named before with this role."""
    office = ROLE_NOUNS.get(role)
    word = role.split()[-1]
    best: tuple[int, Cluster] | None = None
    for cluster in state.clusters:
        if cluster.kind != "person" or country is not None and cluster.country != country.iso3:
            continue
        fits = word in cluster.role_words or (office is not None and office in cluster.office_types)
        if role == "leader":
            fits = fits or bool(cluster.office_types & set(LEADER_TYPES))
        seen = [s for s, _ in cluster.spans if s < before]
        if fits and seen and (best is None or max(seen) > best[0]):
            best = (max(seen), cluster)
    return best[1] if best is not None else None


def kb_role_holder(state: State, role: str, country: KBCountry | None) -> Cluster | None:
    """The one KB holder of the office a role names in a country on the publication date, as a cluster."""
    if country is None:
        return None
    office = ROLE_NOUNS.get(role)
    types = (office,) if office else (LEADER_TYPES if role == "leader" else ())
    holders = {p.id: p for t in types for p in state.kb.office_holders(country.iso3, t, state.published)}
    if role == "leader" and len(holders) > 1:
        holders = {p.id: p for p in state.kb.office_holders(country.iso3, "head_of_state", state.published)}
    if len(holders) != 1:
        return None
    person = next(iter(holders.values()))
    cluster = state.find("person", kb_id=person.id)
    if cluster is None:
        cluster = Cluster("person", person.name)
        attach_kb(state, cluster, person)
    return cluster


def introduced_unnamed(state: State, head: Token) -> bool:
    """An indefinite phrase with the same noun, not describing a named one, came before
    ("A State Department spokesperson said", not "Zhou, a ministry spokesperson,")."""
    return any(
        chunk.root.lower_ == head.lower_
        and state.doc[chunk.start].lower_ in {"a", "an"}
        and chunk.root.dep_ not in {"appos", "attr"}
        and not any(t.i in state.by_token and state.by_token[t.i].kind == "person" for t in chunk)
        for chunk in state.noun_chunks
        if chunk.end <= head.i
    )


def is_person_noun(state: State, word: str) -> bool:
    """A role or occupation noun for a person ("analyst", "senator"), not for a group or a thing."""
    return (
        word in ROLE_NOUNS
        or word in PERSON_NOUNS
        or (state.kb.agent_sector(word) is not None and word.endswith(PERSON_SUFFIXES))
    )
