"""Quoted fragments governed by a cue verb outside a reported clause ("called him “a predator”")."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extract.quotes import speakers
from newsgraph.extract.quotes.cues import is_cue
from newsgraph.extract.quotes.state import Found, State
from newsgraph.lang.en.quotes import SUBJECT_DEPS


def governed_fragments(state: State) -> None:
    """Pass 3: a quotation not yet part of a quote whose words hang on a cue verb; a second
    fragment of the same cue extends its partial quote."""
    for quotation in state.quotations:
        if state.covered(quotation.inner_start, quotation.inner_end):
            continue
        if any(q.start <= quotation.inner_start and quotation.inner_end <= q.end for q in state.found):
            continue
        tokens = state.tokens_in(quotation.inner_start, quotation.inner_end)
        if not tokens:
            continue
        cue = governing_cue(tokens[0])
        if cue is None:
            _in_their_words(state, quotation.inner_start, quotation.inner_end, tokens[0])
            continue
        if cue.i in state.heading_tokens or state.inside_quotation(cue):
            continue  # "“If it were declared void, …”": a verb of the quotation itself reports nothing
        same_cue = [
            f
            for f in state.found
            if f.cue is not None
            and f.cue.i == cue.i
            and f.kind == "partial"
            and f.start < quotation.start
            and cue.sent.start_char <= f.start
        ]
        if same_cue:  # “completely unfair” for the students “to be drug through the mud”: one quote
            same_cue[-1].end = quotation.inner_end
            continue
        speaker, speaker_text = speakers.speaker(state, cue)
        state.found.append(
            Found(
                speaker,
                speaker_text,
                "partial",
                cue,
                speakers.addressee(state, cue),
                quotation.inner_start,
                quotation.inner_end,
            )
        )


def governing_cue(token: Token) -> Token | None:
    """The nearest cue verb above ``token`` in the same sentence, through noun phrases only."""
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            return None
        node = node.head
        if is_cue(node):
            return node
        if node.pos_ == "VERB":  # "called the plan “bold” and based on “one assumption”"
            shares_cue = (
                node.dep_ == "conj" and is_cue(node.head) and not any(c.dep_ in SUBJECT_DEPS for c in node.children)
            )
            return node.head if shares_cue else None
    return None


def _in_their_words(state: State, start: int, end: int, first: Token) -> None:
    """A quotation its sentence credits with "in X's words", "in the words of X" or "as X put it"
    ("It had, in her words, become “unhealthy.”"): a partial quote of X."""
    for token in first.sent:
        if state.inside_quotation(token):
            continue
        speaker = _words_owner(token) or _putter(token)
        if speaker is not None:
            actor, text = speakers.named_speaker(state, speaker)
            state.found.append(Found(actor, text, "partial", token, None, start, end))
            return


def _words_owner(token: Token) -> Token | None:
    """X of "in X's words" or "in the words of X", given the token "words"."""
    if token.lower_ != "words" or token.head.lower_ != "in" or token.dep_ != "pobj":
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return owner


def _putter(token: Token) -> Token | None:
    """X of "as X put it", given the token "put"."""
    if token.lower_ != "put" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return None
    if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children):
        return None
    return next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
