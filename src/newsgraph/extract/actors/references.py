"""References to actors named before: "the ministry"/"the company" and "Army spokesman" to an
organisation, definite person descriptions ("the analyst said") and third-person pronouns to a person."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.actors.resolver import RECENT_ORGANIZATION_PARAGRAPHS, main_clause_subject
from newsgraph.extract.actors.roles import introduced_unnamed, is_person_noun
from newsgraph.extract.actors.state import Cluster, State
from newsgraph.lang.en.actors import (
    CLAUSE_DEPS,
    GENERIC_ORG_NOUNS,
    ORG_NOUNS,
    PRONOUN_GENDER,
    ROLE_QUALIFIERS,
    SUBJECT_DEPS,
)
from newsgraph.lang.en.quotes import SPEECH_VERBS, WH_TAGS

PRONOUN_PARAGRAPHS = 3  # how many paragraphs back a pronoun may find its person
GOVERNING_CLIMB = 6  # how many clauses up a pronoun may find its governing subject
MAIN_DEPS = frozenset({"ROOT", "conj", "parataxis"})  # a main clause's verb ("he said", "…, he added")


def capitalised_org_descriptions(state: State) -> None:
    """ "Army spokesman …", "Ministry officials": a capitalised organisation noun stands for
    the organisation of that kind the article named before; alone it names none."""
    for start in state.capitalised_org_nouns:
        cluster = most_recent_organization(state, start, state.doc[start].lower_)
        if cluster is not None:
            state.add(cluster, start, start + 1)


def organization_descriptions(state: State) -> None:
    """ "the ministry", "the agency": the organisation most recently named before."""
    for chunk in state.noun_chunks:
        head = chunk.root
        if head.lower_ not in ORG_NOUNS or head.i in state.by_token or head.tag_ != "NN":
            continue
        if head.dep_ not in SUBJECT_DEPS | {"poss"}:
            continue
        if state.doc[chunk.start].lower_ != "the" or chunk.end - chunk.start != 2:
            continue
        cluster = most_recent_organization(state, chunk.start, head.lower_)
        if cluster is not None:
            state.add(cluster, chunk.start + 1, chunk.end)


def most_recent_organization(state: State, before: int, noun: str) -> Cluster | None:
    """The organisation "the <noun>" refers to: the last one named whose name holds the noun
    ("the commission"); for a generic noun ("the company") the last one named as a main-clause
    subject, else the last one named, within RECENT_ORGANIZATION_PARAGRAPHS paragraphs."""
    para = state.layout.paragraph_of(state.doc[before].idx)
    fallback = None
    subject = None
    for i in range(before - 1, -1, -1):
        cluster = state.by_token.get(i)
        if (
            cluster is None
            or cluster.kind != "organization"
            or cluster.kb_id
            and cluster.kb_id.startswith("government/")
        ):
            continue
        if noun in cluster.name.lower().split() or cluster.kb_id and cluster.kb_id.endswith(f"/{noun}"):
            return cluster
        near = para - state.layout.paragraph_of(state.doc[i].idx) <= RECENT_ORGANIZATION_PARAGRAPHS
        if noun in GENERIC_ORG_NOUNS and near:
            fallback = fallback or cluster
            subject = subject or (cluster if main_clause_subject(state.doc[i]) else None)
    return subject or fallback


def person_descriptions(state: State) -> None:
    """ "the Kentucky Republican said", "the analyst added": a definite description of a
    person as a subject refers to the person named in the sentences just before."""
    for chunk in state.noun_chunks:
        head = chunk.root
        if head.dep_ not in SUBJECT_DEPS or head.tag_ not in {"NN", "NNP"} or state.in_quotation(head):
            continue
        if not bare_definite(state, chunk):
            continue
        if head.lower_ in ORG_NOUNS or not (head.ent_type_ == "NORP" or is_person_noun(state, head.lower_)):
            continue  # "the government denies …" is no person ("-ent" reads as "president")
        if introduced_unnamed(state, head):
            continue  # "the spokesperson" after "a State Department spokesperson": that one, unnamed
        cluster = previous_sentence_person(state, head.sent, None)
        qualifiers = {t.lower_ for t in chunk if t.i < head.i and t.lower_ in ROLE_QUALIFIERS}
        held = {w for role in (cluster.roles if cluster is not None else []) for w in role.lower().split()}
        if cluster is not None and qualifiers <= held:  # "the vice president" is not the president
            state.add(cluster, chunk.start + 1, head.i + 1)


def bare_definite(state: State, chunk: Span) -> bool:
    """ "the analyst": a definite noun phrase no name is in or beside ("the banker Peter Novak
    told …": the name beside it says who)."""
    if state.doc[chunk.start].lower_ != "the" or any(t.i in state.by_token for t in chunk):
        return False
    return not any(c.dep_ == "appos" for c in chunk.root.children)


def pronouns(state: State) -> None:
    """ "he", "her": third-person pronouns outside quotations resolved to a person of their gender."""
    for token in state.doc:
        gender = PRONOUN_GENDER.get(token.lower_)
        if gender is None or token.i in state.by_token or state.in_quotation(token):
            continue
        cluster = resolve_pronoun(state, token, gender)
        if cluster is not None:
            cluster.gender = cluster.gender or gender
            state.add(cluster, token.i, token.i + 1)


def compatible(cluster: Cluster | None, gender: str | None) -> bool:
    """A person cluster whose gender, if known, is ``gender``."""
    return cluster is not None and cluster.kind == "person" and (gender is None or cluster.gender in (None, gender))


def resolve_pronoun(state: State, token: Token, gender: str) -> Cluster | None:
    """Governing subject, then an earlier subject of the sentence, then the nearest earlier
    sentence that names a compatible person (its subject if a person, else its first person)."""
    governing = governing_subject(state, token)
    if compatible(governing, gender):
        return governing
    sentence = token.sent
    for earlier in state.doc[sentence.start : token.i]:
        if (
            earlier.dep_ in SUBJECT_DEPS
            and compatible(state.by_token.get(earlier.i), gender)
            and not state.in_quotation(earlier)
        ):
            return state.by_token[earlier.i]
    closer = previous_sentence_person(state, sentence, gender)
    if closer is not None and speaks(token) and token.head.dep_ in MAIN_DEPS and in_background(state, closer, token):
        return returning_speaker(state, token, gender, closer)
    return closer


def speaks(token: Token) -> bool:
    """The subject of a speech verb ("he said", "she told reporters")."""
    return token.dep_ in SUBJECT_DEPS and token.head.lemma_.lower() in SPEECH_VERBS


def speaker_cluster(state: State, subject: Token) -> Cluster | None:
    """The person a speaking subject names, itself or by apposition ("the banker Peter Novak told")."""
    words = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    return next((c for w in words if (c := state.by_token.get(w.i)) is not None and c.kind == "person"), None)


def antecedent(subject: Token) -> Token:
    """The noun a relative pronoun stands for ("Y, who has called for …"), else the subject itself."""
    return subject.head.head if subject.tag_ in WH_TAGS and subject.head.dep_ == "relcl" else subject


def in_background(state: State, cluster: Cluster, token: Token) -> bool:
    """The cluster is named in an earlier paragraph than ``token`` and there, in its last sentence
    naming it, not as the subject of the main clause ("…, where the banker Y works")."""
    last = max((s for s, _e in cluster.spans if s < token.i), default=None)
    if last is None:
        return False
    layout = state.layout
    if layout.paragraph_of(state.doc[last].idx) == layout.paragraph_of(token.idx):
        return False
    sentence = state.doc[last].sent
    return not any(main_clause_subject(state.doc[s]) for s, _e in cluster.spans if sentence.start <= s < sentence.end)


def returning_speaker(state: State, token: Token, gender: str, closer: Cluster) -> Cluster:
    """ "He said …" in a new paragraph: the last person of that gender who spoke before, when the
    closer person, in the background, never spoke ("X said …" / "…, where Y works." / "He said …")."""
    spoke = [
        cluster
        for t in state.doc[: token.i]
        if speaks(t) and not state.in_quotation(t)
        if (cluster := speaker_cluster(state, antecedent(t))) is not None
    ]
    if closer in spoke:
        return closer
    return next((c for c in reversed(spoke) if c.gender == gender), closer)


def governing_subject(state: State, token: Token) -> Cluster | None:
    """The person subject of the clause that embeds the pronoun's clause."""
    clause = token.head
    steps = 0
    while (
        clause.dep_ in CLAUSE_DEPS | {"prep", "pobj", "dobj", "acomp"}
        and clause.head.i != clause.i
        and steps < GOVERNING_CLIMB
    ):
        parent = clause.head
        for child in parent.children:
            if child.dep_ in SUBJECT_DEPS and child.i != token.i:
                cluster = subject_cluster(state, child)
                if cluster is not None:
                    return cluster
        clause = parent
        steps += 1
    return None


def subject_cluster(state: State, subject: Token) -> Cluster | None:
    """The person a subject (or a compound inside it) mentions."""
    cluster = state.by_token.get(subject.i)
    if cluster is None:
        for token in subject.subtree:
            if token.dep_ == "compound" and token.i in state.by_token:
                return state.by_token[token.i]
    return cluster if cluster is not None and cluster.kind == "person" else None


def previous_sentence_person(state: State, sentence: Span, gender: str | None) -> Cluster | None:
    """The person of the nearest earlier sentence (within PRONOUN_PARAGRAPHS paragraphs) naming one."""
    para = state.layout.paragraph_of(sentence.start_char)
    previous = sentence.start - 1
    while previous >= 0:
        earlier = state.doc[previous].sent
        if para - state.layout.paragraph_of(earlier.start_char) > PRONOUN_PARAGRAPHS:
            return None
        persons = [
            (t, state.by_token[t.i])
            for t in earlier
            if compatible(state.by_token.get(t.i), gender) and not state.in_quotation(t)
        ]
        if persons:
            return sentence_person(persons, sentence.start)
        previous = earlier.start - 1
    return None


def sentence_person(persons: list[tuple[Token, Cluster]], before: int) -> Cluster:
    """Of the persons a sentence names: its main-clause subject, else among its subjects the one the
    article has named most before ``before``, else the first."""
    main = [c for t, c in persons if main_clause_subject(t)]
    if main:
        return main[0]
    subjects = [c for t, c in persons if t.dep_ in SUBJECT_DEPS]
    if not subjects:
        return persons[0][1]
    return max(subjects, key=lambda c: sum(1 for s, _e in c.spans if s < before))
