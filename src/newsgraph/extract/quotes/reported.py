"""Reported speech: cue verbs with a clause (indirect, or partial when it holds quoted words),
parenthetical cues ("…, X says, …") and "according to X"."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.quotes import speakers
from newsgraph.extract.quotes.clauses import content_of
from newsgraph.extract.quotes.cues import is_according_to, is_cue
from newsgraph.extract.quotes.spans import is_mark, joined_pieces, trim
from newsgraph.extract.quotes.state import Found, State
from newsgraph.lang.en.quotes import (
    ADDRESSEE_VERBS,
    CONTENT_DEPS,
    SUBJECT_DEPS,
    WH_TAGS,
    WH_WORDS,
)


def reported_clauses(state: State) -> None:
    """Pass 2: "According to X, …" opening a sentence first, then cue verbs, then any other
    "according to X" where no cue verb already reported the clause."""
    doc = state.doc
    for token in doc:
        if is_according_to(token) and token.i == token.sent.start:
            according_to(state, token)
    for token in doc:
        if not reporting_cue(state, token):
            continue
        if token.dep_ == "parataxis" and any(c.dep_ in SUBJECT_DEPS for c in token.children):
            parenthetical(state, token)
            continue
        for start, end in cue_contents(state, token):
            add_reported(state, token, start, end)
    for token in doc:
        if is_according_to(token) and token.i != token.sent.start:
            according_to(state, token)


def reporting_cue(state: State, token: Token) -> bool:
    """A cue verb outside quotations and headings that reports something said: not negated ("did
    not say that …"), not a hearer as passive subject ("the company was informed that …")."""
    if not is_cue(token) or state.inside_quotation(token) or token.i in state.heading_tokens:
        return False
    if any(c.dep_ == "neg" for c in token.children):
        return False  # "did not say that …" reports nothing said
    # "the company was informed that …": its subject heard it, nobody says who spoke
    return not (token.lemma_.lower() in ADDRESSEE_VERBS and any(c.dep_ == "nsubjpass" for c in token.children))


def cue_contents(state: State, cue: Token) -> list[tuple[int, int]]:
    """The character ranges a cue verb reports: its clauses with the clauses coordinated to the
    cue, adjacent pieces joined."""
    contents = [c for c in (content_of(state, child, cue) for child in cue.children) if c]
    if not contents and cue.lemma_.lower() == "say":
        contents = [c for c in [misparsed_object_clause(state, cue)] if c]
    if contents:
        contents = with_coordinated_clauses(state, cue, contents)
        contents = joined_pieces(state.text, contents)
    return contents


def add_reported(state: State, cue: Token, start: int, end: int) -> None:
    """A range the cue reports becomes a quote, unless taken, a question, or said by nobody."""
    if state.covered(start, end) or embedded_question(state, start):
        return
    if end <= cue.idx and ";" in state.text[end : cue.idx]:
        return  # "X believe …; they say …": the clause before the semicolon is not reported
    speaker, speaker_text = speakers.speaker(state, cue)
    if speaker is None and speaker_text is None:
        return  # nobody is reported to say it (an imperative, a fragment)
    kind = "partial" if state.has_quotation(start, end) else "indirect"
    state.found.append(Found(speaker, speaker_text, kind, cue, speakers.addressee(state, cue), start, end))


def with_coordinated_clauses(state: State, cue: Token, contents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "said the news came as a “shock,” and the government will fight on": a clause with its
    own subject coordinated to the cue (a common misparse) is reported too; it extends a
    reported clause that is not itself a quotation, else it stands as a quote of its own."""
    result = list(contents)
    for verb in cue.children:
        if verb.dep_ != "conj" or verb.i < cue.i or is_cue(verb) or verb.pos_ not in {"VERB", "AUX"}:
            continue
        if not any(c.dep_ in SUBJECT_DEPS and c.tag_ not in WH_TAGS for c in verb.children):
            continue
        bounds = trim([t for t in verb.subtree if t.dep_ != "cc" or t.head.i != verb.i], state.datelines)
        if bounds is None:
            continue
        last_start, last_end = result[-1]
        if is_mark(state.tokens_in(last_start, last_end)[0]):
            result.append(bounds)
        else:  # the clause may also come before the reported one (a misparse)
            result[-1] = (min(last_start, bounds[0]), max(last_end, bounds[1]))
    return result


def misparsed_object_clause(state: State, cue: Token) -> tuple[int, int] | None:
    """ "Oh said the pairing came because …", parsed as an object plus a coordinated verb:
    "say" takes no such object, so the rest of the sentence is what was said."""
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    verbs = [
        c
        for c in cue.children
        if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and any(g.dep_ in SUBJECT_DEPS for g in c.children)
    ]
    if len(objects) != 1 or not verbs or objects[0].tag_ == "PRP" or objects[0].left_edge.i != cue.i + 1:
        return None
    return trim(list(cue.doc[cue.i + 1 : verbs[-1].right_edge.i + 1]), state.datelines)


def embedded_question(state: State, start: int) -> bool:
    """ "asked what …", "did not say why …": a question, not a statement."""
    first = state.layout.token_at_or_after(start)
    return first is not None and first.lower_ in WH_WORDS


def parenthetical(state: State, cue: Token) -> None:
    """ "The drugs have few uses, Strang says, and …": the clause the cue interrupts, its
    part before the cue and its part after it."""
    speaker, speaker_text = speakers.speaker(state, cue)
    for part in interrupted_parts(cue):
        bounds = trim(part, state.datelines)
        if bounds is None or state.covered(*bounds):
            continue
        kind = "partial" if state.has_quotation(*bounds) else "indirect"
        state.found.append(Found(speaker, speaker_text, kind, cue, speakers.addressee(state, cue), *bounds))


def interrupted_parts(cue: Token) -> tuple[list[Token], list[Token]]:
    """The tokens of the clause a parenthetical cue interrupts, before it and after it; a part
    is empty when it is no clause of the cue's."""
    coordinated = {t.i for c in cue.children if c.dep_ == "conj" and not is_cue(c) for t in c.subtree}
    coordinated |= {c.i for c in cue.children if c.dep_ == "cc" and coordinated}
    inside = {t.i for t in cue.subtree} - coordinated  # "…, he says, and are mostly meant …"
    clause = [t for t in cue.head.subtree if t.i not in inside]
    before = [t for t in clause if t.i < cue.i]
    if any(t.text == ";" for t in before):
        before = []  # "X believe …; they say, …": the cue reports what follows it
    after = [t for t in clause if t.i > cue.i]
    if not any(t.pos_ in {"VERB", "AUX"} and not is_according_to(t) for t in after):
        after = []  # ", he said, according to the complaint": no clause of its own
    return before, after


def according_to(state: State, according: Token) -> None:
    """ "According to X, …": the rest of the sentence, said by X, or by the subject of a cue
    closing it ("According to X, …, Zelenskyy said")."""
    source = [g for c in according.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    if not source:
        return
    tokens, cue = according_clause(state, according)
    bounds = trim(tokens, state.datelines)
    if bounds is None or state.overlaps(*bounds):
        return  # a reporting verb in the clause already says who spoke
    start, end = bounds
    speaker, speaker_text = (
        speakers.speaker(state, cue) if cue is not None else speakers.named_speaker(state, source[0])
    )
    kind = "partial" if state.has_quotation(start, end) else "indirect"
    state.found.append(Found(speaker, speaker_text, kind, cue or according, None, start, end))


def according_clause(state: State, according: Token) -> tuple[list[Token], Token | None]:
    """The tokens "according to X" reports: the rest of its sentence, up to the subject of a cue
    closing it, and that cue ("According to X, …, Zelenskyy said": he said it, X reports it)."""
    excluded = {t.i for t in according.subtree}
    tokens = [t for t in according.sent if t.i not in excluded and not t.is_space]
    cue = trailing_cue(state, tokens)
    if cue is not None:
        opening = min(c.left_edge.i for c in cue.children if c.dep_ in SUBJECT_DEPS)
        tokens = [t for t in tokens if t.i < opening]
    return tokens, cue


def trailing_cue(state: State, tokens: list[Token]) -> Token | None:
    """ "…, likely in Miami, Zelenskyy said (on Sunday).": a cue with its subject closing the
    tokens after a comma; the cue and everything after it are not reported content."""
    words = [t for t in tokens if not t.is_punct]
    for cue in reversed(words[-6:]):
        subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS and c.i < cue.i]
        if not (is_cue(cue) and subjects) or state.inside_quotation(cue):
            continue
        opening = subjects[0].left_edge
        clauses = {t.i for c in cue.children if c.dep_ in CONTENT_DEPS | {"conj"} and c.i > cue.i for t in c.subtree}
        after = [t for t in words if t.i > cue.i]
        if opening.i > 0 and opening.nbor(-1).text == "," and not any(t.i in clauses for t in after):
            return cue
    return None
