"""What a cue verb reports: the character range of its clause, object predicate or infinitive."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.quotes.cues import is_according_to, is_cue
from newsgraph.extract.quotes.spans import trim
from newsgraph.extract.quotes.state import State
from newsgraph.lang.en.quotes import (
    ADDRESSEE_VERBS,
    ADVICE_VERBS,
    CONTENT_DEPS,
    CONTRAST_MARKS,
    LEADING_MARKS,
    NAMING_VERBS,
    SUBJECT_DEPS,
)


def content_of(state: State, child: Token, cue: Token) -> tuple[int, int] | None:
    """Character range of what a cue reports through one of its children, or None."""
    if object_predicate(state, child, cue):
        return trim(list(child.subtree), state.datelines)  # "called the sign the clearest reference point"
    hearer_clause = misparsed_hearer_clause(child, cue)
    if hearer_clause is not None:
        return trim(hearer_clause, state.datelines)
    if not reported_complement(child, cue):
        return None
    return trim(clause_with_context(child, cue), state.datelines)


def object_predicate(state: State, child: Token, cue: Token) -> bool:
    """What a naming verb calls its object ("called the plan a mistake"), not a name or a quotation."""
    return (
        child.dep_ == "oprd"
        and cue.lemma_.lower() in NAMING_VERBS
        and cue.tag_ != "VBN"
        and child.pos_ != "PROPN"
        and not state.inside_quotation(child)
    )


def reported_complement(child: Token, cue: Token) -> bool:
    """A child that holds what the cue reports: a clausal complement, an advice verb's infinitive
    ("urged residents to stay"), a phrasal cue's gerund ("went on saying"), an object with a
    "that" clause ("expressed concern that …")."""
    if child.dep_ in CONTENT_DEPS:
        return True
    if (
        child.dep_ == "xcomp"
        and cue.lemma_.lower() in ADVICE_VERBS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    ):
        return True
    if child.dep_ == "xcomp" and child.tag_ == "VBG" and any(c.dep_ == "prt" for c in cue.children):
        return True
    return child.dep_ == "dobj" and any(
        c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in c.children) for c in child.children
    )


def clause_with_context(child: Token, cue: Token) -> list[Token]:
    """The reported clause's tokens; for a clausal complement without a leading date, with an "if"
    clause hung on the cue before it and with an object right before it ("expressing doubt that …")."""
    tokens = clause_tokens(child)
    if child.dep_ != "ccomp":
        return tokens
    tokens = _without_leading_date(tokens, child, cue)
    tokens = [
        t
        for c in cue.children
        if c.dep_ == "advcl" and cue.i < c.left_edge.i and c.right_edge.i < child.left_edge.i
        for t in c.subtree
    ] + tokens
    obj = object_before(child, cue) if cue.lemma_.lower() not in ADDRESSEE_VERBS else None
    if obj is not None:
        tokens = list(obj.subtree) + tokens
    return tokens


def misparsed_hearer_clause(child: Token, cue: Token) -> list[Token] | None:
    """ "told detectives he attached stolen plates …", parsed as a relative clause on the
    hearer: a clause opening with a personal pronoun is what was told, to the sentence end."""
    if child.dep_ != "dobj" or cue.lemma_.lower() not in ADDRESSEE_VERBS:
        return None
    for clause in child.children:
        first = clause.left_edge
        if clause.dep_ == "relcl" and first.tag_ == "PRP" and first.dep_ in SUBJECT_DEPS and first.i == child.i + 1:
            return list(child.doc[first.i : cue.sent.end])
    return None


def clause_tokens(head: Token) -> list[Token]:
    """The clause's subtree without speech acts of their own ("but warned …", ", voicing …", ", while Y said …")
    and without its source ("“…,” according to the agency")."""
    excluded: set[int] = set()
    for token in head.subtree:
        if token.i != head.i and is_according_to(token):
            excluded.update(t.i for t in token.subtree)
        elif token.i != head.i and _own_speech_act(token, head):
            excluded.update(t.i for t in token.subtree)
            excluded.update(
                t.i for t in token.head.children if t.dep_ in {"cc", "mark"} and t.i < token.i and t.i > token.head.i
            )
    return [t for t in head.subtree if t.i not in excluded]


def _own_speech_act(token: Token, head: Token) -> bool:
    """A cue of its own inside the clause (a coordinated or contrasting report, not "and that X would …"), or
    narration coordinated to it."""
    own_act = token.dep_ == "conj" or (token.dep_ == "advcl" and (token.tag_ == "VBG" or _reports_own(token)))
    reported = any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)  # "and that X would respond"
    narration = token.dep_ == "conj" and token.head.i == head.i and _narration_conjunct(token)
    return own_act and is_cue(token) and not reported or narration


def _reports_own(verb: Token) -> bool:
    """A contrasting clause with a subject and a reported clause of its own (", while the governor said
    they …"), not an act ("because they were denied …") nor a report inside the content ("lying when
    they say …")."""
    children = list(verb.children)
    contrast = any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in children)
    deps = {c.dep_ for c in children}
    return contrast and bool(deps & SUBJECT_DEPS) and bool(deps & CONTENT_DEPS)


def object_before(clause: Token, cue: Token) -> Token | None:
    """A direct object right before the clause: "expressing doubt that …" reports both."""
    for child in cue.children:
        if child.dep_ == "dobj" and child.i < clause.i:
            gap = cue.doc[child.right_edge.i + 1 : clause.left_edge.i]
            if all(t.is_punct or t.lower_ in LEADING_MARKS for t in gap):
                return child
    return None


def _without_leading_date(tokens: list[Token], clause: Token, cue: Token) -> list[Token]:
    """ "said on Monday it would appeal", parsed with the date inside the clause: the date is
    when it was said, not part of what was said."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    for child in clause.children:
        dated = any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree)
        if (
            child.dep_ in {"prep", "npadvmod"}
            and child.left_edge.i == cue.i + 1
            and dated
            and subject is not None
            and child.right_edge.i < subject.left_edge.i
        ):
            leading = {t.i for t in child.subtree}
            return [t for t in tokens if t.i not in leading]
    return tokens


def _narration_conjunct(verb: Token) -> bool:
    """ "said 40 soldiers had been killed, but gave no details": a finite verb joined after a comma
    with no subject or auxiliary of its own, to a clause built with auxiliaries, is the cue's
    subject acting again (narration), not more of what was said."""
    clause = verb.head
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or any(
        c.dep_ in SUBJECT_DEPS | {"aux", "auxpass"} for c in verb.children
    ):
        return False
    if not any(c.dep_ in {"aux", "auxpass"} for c in clause.children):
        return False
    before = verb.doc[verb.i - 2 : verb.i] if verb.i >= 2 else verb.doc[0:0]
    return len(before) == 2 and before[0].text == "," and before[1].dep_ == "cc"
