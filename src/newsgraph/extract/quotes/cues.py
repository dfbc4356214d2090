"""Cue words: the verbs that report speech, and "according to"."""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.lang.en.quotes import PHRASAL_CUES, PHRASAL_LEMMAS, SPEECH_VERBS


def is_cue(token: Token) -> bool:
    """A reporting verb (by lemma), including phrasal ones ("ruled out")."""
    lemma = token.lemma_.lower()
    if lemma not in SPEECH_VERBS and lemma not in PHRASAL_LEMMAS:
        return False
    if token.pos_ not in {"VERB", "AUX"} and token.tag_[:2] != "VB":
        return False
    return lemma in SPEECH_VERBS or any((lemma, c.lower_) in PHRASAL_CUES for c in token.children if c.dep_ == "prt")


def cue_text(token: Token) -> str:
    """The cue as printed, with its particle ("ruled out")."""
    particles = [c.text for c in token.children if c.dep_ == "prt"]
    return " ".join([token.text, *particles])


def is_according_to(token: Token) -> bool:
    """The "according" of "according to"."""
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"
