"""Who speaks: the cue's subject (climbing to governing clauses when it has none), resolved to an
actor through the `ActorIndex`; the hearer a cue names."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.quotemarks import Quotation
from newsgraph.extract.quotes.cues import is_cue
from newsgraph.extract.quotes.state import Found, State
from newsgraph.lang.en.actors import PERSON_NOUNS, ROLE_NOUNS, ROLE_QUALIFIERS
from newsgraph.lang.en.quotes import (
    ADDRESSEE_VERBS,
    CLIMB_DEPS,
    CONTRAST_CONJUNCTIONS,
    DOCUMENT_NOUNS,
    EVIDENCE_CUES,
    PARTITIVES,
    REPORT_NOUNS,
    SUBJECT_DEPS,
    VOICE_NOUNS,
    WH_TAGS,
)
from newsgraph.model import Actor

# Who speaks: the actor, when resolved, and the words naming the speaker (shown when there is no actor).
Speaker = tuple[Actor | None, str | None]


def resolve(state: State, token: Token) -> Actor | None:
    """The actor who speaks in the noun phrase headed by ``token`` (`ActorIndex.resolve`)."""
    return next(iter(state.actors.resolve(token, speaking=True, coordinated=False)), None)


def speaker(state: State, cue: Token) -> Speaker:
    """The subject of the cue, climbing to governing clauses when the cue has none."""
    verb = reporter_conjunct(cue)
    shared = True  # the subject found is the cue's own, or shared ("…, saying", "and have alleged")
    for _ in range(5):
        subjects = _subjects(state, verb)
        found = _subject_speaker(state, cue, verb, subjects, shared) if subjects else None
        if found is not None:
            return found
        if verb.dep_ not in CLIMB_DEPS or verb.head.i == verb.i:
            break
        shared = shared and (verb.dep_ == "conj" or verb.dep_ in {"advcl", "pcomp"} and verb.tag_ == "VBG")
        verb = _verb_over_preposition(verb.head)
    return None, None


def _verb_over_preposition(word: Token) -> Token:
    """The verb a preposition hangs on, for a cue it governs ("X joined Y in saying …", "angered Z by
    saying …": X speaks); any other word as it is."""
    if word.dep_ == "prep" and word.head.pos_ in {"VERB", "AUX"}:
        return word.head
    return word


def _subjects(state: State, verb: Token) -> list[Token]:
    """The subjects of a verb, outside quotations and datelines; the object before an infinitive
    ("prompting the city to urge …"); the X of "according to X"."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and verb.dep_ == "xcomp":  # "prompting the city to urge residents …"
        subjects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
    if verb.dep_ == "prep" and verb.lower_ == "according":
        subjects = [g for c in verb.children for g in c.children if g.dep_ == "pobj"]
    subjects = [_past_dateline(state, c) for c in subjects]
    return [
        c
        for c in subjects
        if not state.inside_quotation(c)  # “nobody knows …,” and added
        and c.i not in state.datelines
    ]  # "KYIV, Ukraine — …, officials said"


def _past_dateline(state: State, subject: Token) -> Token:
    """A dateline the parser took for the subject stands before the real one, its appositive
    or conjunct ("SEOUL, South Korea North Korea said": "North Korea")."""
    if subject.i not in state.datelines:
        return subject
    return next((c for c in subject.children if c.dep_ in {"appos", "conj"} and c.i not in state.datelines), subject)


def _subject_speaker(state: State, cue: Token, verb: Token, subjects: list[Token], shared: bool) -> Speaker | None:
    """Who a subject of ``verb`` (the cue or a clause above it) names; None to climb further."""
    subject, actor = _named_subject(state, verb, subjects)
    introduced = earlier_introduction(state, subject) if actor is None else None
    if introduced is not None:  # "The spokesperson added" after "A State Department spokesperson said"
        return introduced.speaker, introduced.speaker_text
    actor = described_person(state, subject) or actor
    if actor is None and verb is cue:
        referred = _referred_speaker(state, subject)
        if referred is not None:
            return referred
    if actor is not None:
        _remember_group(state, cue, subject, actor)
        return actor, phrase(subject)
    main_clause = verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"
    if verb is cue and cue.lemma_.lower() in EVIDENCE_CUES and not _may_speak(state, subject):
        return None, None  # "The speed of the advance suggested that …": a thing shows, nobody says
    if shared and (verb is cue or main_clause) and subject.tag_ != "PRP":
        return None, phrase(subject)
    return None


def _may_speak(state: State, subject: Token) -> bool:
    """An unnamed subject that can say something: a pronoun or name, a person, role or group noun, a
    voice or a document ("the spokesman", "protesters", "the report"), not a thing ("the speed")."""
    if subject.pos_ != "NOUN":
        return True
    word = subject.lemma_.lower()
    kb = state.actors.kb
    return (
        word in ROLE_NOUNS
        or word in PERSON_NOUNS
        or word in VOICE_NOUNS
        or word in REPORT_NOUNS
        or (kb is not None and kb.agent_sector(word) is not None)
    )


def _remember_group(state: State, cue: Token, subject: Token, actor: Actor) -> None:
    """ "Russia, Syria and Iran argue …": a coordinated subject headed by the speaker speaks together."""
    group = state.actors.resolve(subject, speaking=True)
    if len(group) > 1 and group[0] is actor:
        state.groups[cue.i] = group


def _named_subject(state: State, verb: Token, subjects: list[Token]) -> tuple[Token, Actor | None]:
    """Of two subjects (a misparsed "The charity Brightwater said"), a named one; for a relative
    pronoun ("critics, who say …"), the noun the clause describes."""
    subjects = _adjacent_subjects(subjects)
    subject, actor = next(((c, a) for c in subjects if (a := resolve(state, c)) is not None), (subjects[0], None))
    if subject.tag_ in WH_TAGS and verb.dep_ == "relcl":
        return verb.head, resolve(state, verb.head)
    return subject, actor


def _adjacent_subjects(subjects: list[Token]) -> list[Token]:
    """Of several subjects, those that make one phrase with the last ("The charity Brightwater", "X, and
    his mother": misparses); a subject of another clause the parser hung on the verb ("X advanced plans
    …, but some allies said") is left out."""
    kept = [max(subjects, key=lambda t: t.i)]
    for subject in sorted(subjects, key=lambda t: -t.i)[1:]:
        words = [t.i for t in subject.subtree if not (t.is_punct or t.lower_ in CONTRAST_CONJUNCTIONS)]
        if max(words, default=subject.i) + 1 >= kept[-1].left_edge.i:
            kept.append(subject)
    return sorted(kept, key=lambda t: t.i)


def _referred_speaker(state: State, subject: Token) -> Speaker | None:
    """A cue's own subject that stands for someone named before: "it said" and "a statement said"
    (the organisation named last), "they say" (the plural noun before)."""
    if subject.lower_ == "it" or _document_voice(subject):
        actor = state.actors.recent_organization(subject)
        return (actor, phrase(subject)) if actor is not None else None
    if subject.lower_ == "they":
        group = state.actors.plural_antecedent(subject)  # "The Conservatives believe …; they say …"
        if group is not None:
            return resolve(state, group), phrase(group)
    return None


def named_speaker(state: State, head: Token) -> Speaker:
    """The speaker a noun phrase names ("according to X"): its actor with the phrase as written,
    else the unnamed speaker it refers back to ("the person" after "a person familiar with …")."""
    actor = resolve(state, head)
    introduced = earlier_introduction(state, head) if actor is None else None
    if introduced is not None:
        return introduced.speaker, introduced.speaker_text
    return actor, phrase(head)


def described_person(state: State, subject: Token) -> Actor | None:
    """ "the WHL commissioner said", "A Vancouver hockey coach says": the one person of the
    article given that role, when the description names no person itself."""
    actors = state.actors
    if _determiner(subject) not in {"the", "a", "an"} or subject.pos_ != "NOUN" or actors.actor_at(subject):
        return None
    if any((a := actors.actor_at(t)) is not None and a.kind == "person" for t in subject.subtree):
        return None
    word = subject.lower_
    qualifiers = {c.lower_ for c in subject.children if c.lower_ in ROLE_QUALIFIERS}  # "the vice president"
    # A word of the description that names something (the "WHL" of "the WHL commissioner") must
    # also describe the person: in a role, or right before a mention ("WHL commissioner Ron Robison").
    named = {t.lower_ for t in subject.subtree if actors.actor_at(t) is not None}
    holders = [a for a in actors.actors if _holds_role(state, a, word, qualifiers | named)]
    return holders[0] if len(holders) == 1 else None


def _holds_role(state: State, actor: Actor, word: str, words: set[str]) -> bool:
    """A person whose roles hold ``word`` and, in a role or right before a mention, all of ``words``."""
    if actor.kind != "person" or not any(word in role.lower().split() for role in actor.roles):
        return False
    described = {w for role in actor.roles for w in role.lower().split()}
    described.update(w for m in actor.mentions for w in state.text[max(0, m.start - 40) : m.start].lower().split())
    return words <= described


def earlier_introduction(state: State, subject: Token) -> Found | None:
    """ "the person said" after "A person familiar with the talks said", "the spokesperson added"
    after "A State Department spokesperson said": the quote that introduced that unnamed speaker."""
    if _determiner(subject) != "the":
        return None
    for found in sorted(state.found, key=lambda f: -f.start):
        text = found.speaker_text
        if found.start < subject.idx and text and text.lower().startswith(("a ", "an ")):
            words = [w.lower() for w in text.split()]
            if subject.lower_ in words[1:4]:
                return found
    return None


def phrase(head: Token) -> str:
    """The subject noun phrase as written, up to a comma or dash ("A person familiar with the talks")."""
    doc = head.doc
    tokens = list(head.subtree)
    group = (
        next((p for p in head.children if p.dep_ == "prep" and p.lower_ == "of"), None)
        if head.lower_ in PARTITIVES
        else None
    )
    noun = next((c for c in group.children if c.dep_ == "pobj"), None) if group is not None else None
    if noun is not None:  # "one of the players (in the video)"
        return doc[tokens[0].i : noun.i + 1].text
    end = head.i + 1
    clauses = [c.left_edge.i for c in head.children if c.dep_ == "relcl" and c.i > head.i]
    for token in tokens:
        if token.i > head.i and (token.text in {",", "—", "–", "("} or token.i >= min(clauses, default=token.i + 1)):
            break
        end = max(end, token.i + 1)
    return doc[tokens[0].i : end].text


def addressee(state: State, cue: Token) -> Actor | None:
    """The hearer a cue names: its object ("told reporters"), or "to X"."""
    for child in cue.children:
        if child.dep_ in {"dobj", "dative"} and cue.lemma_.lower() in ADDRESSEE_VERBS:
            return resolve(state, child)
        if child.dep_ == "prep" and child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return resolve(state, grandchild)
    return None


def adjacent_speaker(state: State, quotation: Quotation, cue: Token) -> Speaker:
    """The speaker named between the closing mark and the cue ("…,” Sinclair states), else
    right after the cue ("…,” said the minister)."""
    doc = state.doc
    between = list(state.layout.tokens_between(quotation.end, cue.idx))
    after = list(doc[cue.i + 1 : min(cue.i + 5, len(doc))])
    for token in [*between, *after]:
        if token.is_punct and token in after:
            break
        if _noun_head(token).dep_ in {"pobj", "poss"}:
            continue  # "…” on Twitter, writing", "said on Rossiya TV": a medium; "Canada's envoy": not the envoy
        actor = state.actors.actor_at(token)
        if actor is None and token.lower_ == "it" and token in between:
            actor = state.actors.recent_organization(token)
        if actor is not None:
            head = _noun_head(token)
            actor = resolve(state, head) or actor  # "said MaRS director Adam Jagelewski"
            _remember_group(state, cue, head, actor)  # "…,” said X and Y
            return actor, None
    return None, None


def _determiner(token: Token) -> str | None:
    """The article or determiner of a noun ("the", "a"), lower-cased."""
    return next((c.lower_ for c in token.children if c.dep_ == "det"), None)


def _document_voice(token: Token) -> bool:
    """A statement, release or post: it speaks for whoever issued it."""
    return token.lemma_.lower() in DOCUMENT_NOUNS and not any(c.dep_ == "prep" for c in token.children)


def _noun_head(token: Token) -> Token:
    """The noun a name word modifies inside its noun phrase ("MaRS" in "MaRS director Adam Jagelewski")."""
    while (
        token.dep_ in {"compound", "amod", "nmod"} and token.head.i > token.i and token.head.pos_ in {"NOUN", "PROPN"}
    ):
        token = token.head
    return token


def reporter_conjunct(cue: Token) -> Token:
    """ "X said Y stood by Z and called it 'reckless'": a subjectless cue the parser coordinated
    with the reported clause is the reporter's second act; the reporting verb stands for it."""
    reported = cue.head
    if cue.dep_ != "conj" or reported.dep_ != "ccomp" or not is_cue(reported.head) or is_cue(reported):
        return cue
    if any(c.dep_ in SUBJECT_DEPS for c in cue.children) or any(c.dep_ == "mark" for c in reported.children):
        return cue
    return reported.head
