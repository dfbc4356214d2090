"""A trained PLOVER event-type model over the sentence around a sentence's main event word.

Each sentence gets one anchor: its main verb when the lexicon reads it or nothing in the sentence,
else its shallowest lexicon trigger. The model reads the anchor's sentence with the anchor's
subject and object marked (``<s>``/``<t>``) and the trigger phrase appended, as TF-IDF of its words
and word pairs plus sparse features of the anchor's parse. A sentence without a
lexicon trigger gets an event at its main verb when the model is confident of its type; a
lexicon trigger is retyped when the model is confident of another type.

Two models (``--events``): ``fast``, logistic regression over those sparse features; ``accurate``
(the default), logistic regression over them and the frozen MiniLM sentence embedding of the
marked text (``encoder``), the anchors of a document encoded in length-sorted batches.
Weights: ``data/event_classifier_{fast,accurate}.json``, built by
``tools/events/train_event_classifier.py``.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.events.lexicon import Sense, generic_sense
from newsgraph.extract.events.status import event_status
from newsgraph.lang.en.events import (
    COMPLEMENT_DEPS,
    FEATURE_OBJECT_DEPS,
    GENERAL_VERBS,
    NOUN_MODIFIER_DEPS,
    PREP_DEPS,
    REPORTING_VERBS,
)

if TYPE_CHECKING:
    from newsgraph.extract.events.encoder import Encoder

MODES = ("accurate", "fast")
NONE = "NONE"  # the model's label for a word that denotes no event
PROPOSE_MIN = 0.35  # probability at which a sentence with no trigger gets an event at its main verb
# The model's type replaces a lexicon trigger's only when near certain: PLV's annotators and the
# PLOVER manual (which the lexicon follows) disagree on some readings (sanctions: COERCE or SANCTION).
RETYPE_MIN = 0.9
ANCESTORS = 2  # governors above the head whose lemmas are features
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
WORD = re.compile(r"<[st]>|</[st]>|[a-z0-9]+(?:'[a-z]+)?")


class ModelError(RuntimeError):
    """The event-type model's weights are missing or unreadable."""


def features(token: Token) -> list[str]:
    """The sparse parse features of ``token`` read as an event trigger."""
    lemma = token.lemma_.lower()
    found = [f"l:{lemma}", f"p:{token.pos_}"]
    for child in token.children:
        dep, word = child.dep_, child.lemma_.lower()
        if dep == "prt":
            found.append(f"prt:{lemma}_{word}")
        elif dep in FEATURE_OBJECT_DEPS:
            found += [f"o:{word}", f"lo:{lemma}_{word}"]
        elif dep in PREP_DEPS:
            found.append(f"lp:{lemma}_{word}")
            found += [f"po:{word}_{g.lemma_.lower()}" for g in child.children if g.dep_ == "pobj"]
        elif dep in COMPLEMENT_DEPS:
            found += [f"x:{word}", f"lx:{lemma}_{word}"]
        elif dep in NOUN_MODIFIER_DEPS and token.pos_ == "NOUN":
            found.append(f"m:{word}")
        elif dep in ("aux", "neg"):
            found.append(f"aux:{word}")
    if token.head != token:
        found += [f"g:{token.head.lemma_.lower()}", f"gd:{token.dep_}"]
        found += [f"a:{a.lemma_.lower()}" for _, a in zip(range(ANCESTORS), token.head.ancestors, strict=False)]
    found.append(f"st:{event_status(token, None, None)}")
    return found


def marked_text(token: Token) -> str:
    """The token's sentence with its subject and object marked, and its trigger phrase appended."""
    sentence = token.sent
    marks: list[tuple[int, str]] = []
    phrase = [token.lemma_.lower()]
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ in OBJECT_DEPS:
            tag = "s" if child.dep_ in SUBJECT_DEPS else "t"
            marks += [(child.left_edge.idx, f"<{tag}>"), (child.right_edge.idx + len(child.right_edge), f"</{tag}>")]
        if child.dep_ in ("prt", "dobj", "prep", "xcomp"):
            phrase.append(child.lemma_.lower())
    text, start, pieces, cursor = sentence.text, sentence.start_char, [], 0
    for offset, tag in sorted(marks):
        pieces += [text[cursor : offset - start], tag]
        cursor = offset - start
    pieces.append(text[cursor:])
    return " ".join(p.strip() for p in pieces if p.strip()) + " | " + " ".join(phrase)


def text_features(text: str) -> list[str]:
    """Words and word pairs of ``text`` (lower case)."""
    words = WORD.findall(text.lower())
    return [f"w:{w}" for w in words] + [f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


@dataclass(frozen=True)
class Reading:
    """What the model sees of an anchor word."""

    text: str
    sparse: list[str]


def reading(token: Token) -> Reading:
    """The marked text of ``token``'s sentence, and the sparse features of its parse and text."""
    text = marked_text(token)
    return Reading(text, features(token) + text_features(text))


@dataclass(frozen=True)
class Model:
    """Logistic regression over TF-IDF sparse features (and, for ``accurate``, an embedding)."""

    mode: str
    labels: list[str]
    index: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray  # sparse features x labels
    dense: np.ndarray | None  # embedding dimensions x labels
    bias: np.ndarray

    def vector(self, names: list[str]) -> tuple[list[int], np.ndarray]:
        """Columns and TF-IDF values (sublinear counts, unit length) of feature ``names``."""
        counts = Counter(self.index[n] for n in names if n in self.index)
        columns = sorted(counts)
        values = np.array([(1 + math.log(counts[c])) * self.idf[c] for c in columns])
        norm = float(np.linalg.norm(values)) if columns else 0.0
        return columns, values / norm if norm else values

    def probabilities(self, readings: Sequence[Reading]) -> np.ndarray:
        """One row of label probabilities per reading."""
        logits = np.tile(self.bias, (len(readings), 1))
        for row, item in enumerate(readings):
            columns, values = self.vector(item.sparse)
            logits[row] += values @ self.weights[columns]
        if self.dense is not None and readings:
            logits += encoder().embed([r.text for r in readings]) @ self.dense
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)


def load_model(path: Path | str | None = None, mode: str = "accurate") -> Model:
    """The model in weights file ``path`` (default: the shipped one of ``mode``)."""
    if mode not in MODES:
        raise ModelError(f"unknown event model {mode!r}: use one of {', '.join(MODES)}")
    source = path or resources.files("newsgraph.extract.events").joinpath("data", f"event_classifier_{mode}.json")
    try:
        model = model_from(json.loads(Path(str(source)).read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"event model weights {source} unreadable: {type(exc).__name__}: {exc}") from None
    if model.dense is not None:
        encoder()  # fail now, not on the first document
    return model


def model_from(data: dict[str, Any]) -> Model:
    """The model of a weights file's content."""
    vocabulary = sorted(data["weights"])
    labels = data["labels"]
    weights = np.array([data["weights"][f] for f in vocabulary], dtype=float).reshape(len(vocabulary), len(labels))
    return Model(
        data["mode"],
        labels,
        {f: i for i, f in enumerate(vocabulary)},
        np.array([data["idf"][f] for f in vocabulary], dtype=float),
        weights,
        np.array(data["dense"], dtype=float) if data.get("dense") is not None else None,
        np.array(data["bias"], dtype=float),
    )


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The MiniLM encoder (loaded once per process; imported here, as the fast mode needs neither
    onnxruntime nor the weights)."""
    from newsgraph.extract.events.encoder import Encoder, EncoderError

    try:
        return Encoder()
    except EncoderError as exc:
        raise ModelError(str(exc)) from None


@lru_cache(maxsize=4)
def cached_model(path: str | None, mode: str) -> Model:
    return load_model(path, mode)


_ACTIVE: ContextVar[tuple[str | None, str]] = ContextVar("newsgraph_event_model", default=(None, "accurate"))


@contextmanager
def using(path: str | None, mode: str) -> Iterator[Model]:
    """Within the block, events are typed by the model of ``mode`` (or weights file ``path``)."""
    model = cached_model(path, mode)
    token = _ACTIVE.set((path, mode))
    try:
        yield model
    finally:
        _ACTIVE.reset(token)


def anchors(doc: Doc, senses: dict[int, Sense]) -> list[Token]:
    """Per sentence, its main verb if the lexicon reads it or no word is read, else its shallowest
    word the lexicon reads ("hold talks": the talks)."""
    found = []
    for sentence in doc.sents:
        triggers = [doc[i] for i in senses if sentence.start <= i < sentence.end]
        verb = main_verb(sentence)
        if verb is not None and (verb.i in senses or not triggers):
            found.append(verb)
        elif triggers:
            found.append(min(triggers, key=lambda t: (sum(1 for _ in t.ancestors), t.i)))
    return found


def proposals(doc: Doc, senses: dict[int, Sense]) -> dict[int, Sense]:
    """New senses by token index: an event at the main verb of a sentence the lexicon reads nothing
    in when the model is confident of its type, and a lexicon trigger's new type when the model is
    confident of another (the model's NONE: no event)."""
    return _typed(anchors(doc, senses), senses)


def fallbacks(sentences: Sequence[Span], senses: dict[int, Sense]) -> dict[int, Sense]:
    """New senses by token index: the main verb of each sentence whose lexicon words made no
    event ("summoned the ambassador in protest": the protest names no one), when the model is
    confident of its type."""
    return _typed([v for s in sentences if (v := main_verb(s)) is not None and v.i not in senses], senses)


def _typed(words: list[Token], senses: dict[int, Sense]) -> dict[int, Sense]:
    """The model's confident types of ``words``: any type for a word the lexicon does not read
    (never one too general to say an event), another type for one it does only when near certain."""
    words = [w for w in words if w.i in senses or w.lemma_.lower() not in GENERAL_VERBS]
    if not words:
        return {}
    model = cached_model(*_ACTIVE.get())
    probabilities = model.probabilities([reading(w) for w in words])
    found: dict[int, Sense] = {}
    for word, row in zip(words, probabilities, strict=True):
        best = int(row.argmax())
        label, probability = model.labels[best], float(row[best])
        current = senses.get(word.i)
        if label == NONE or (current is not None and current.type == label):
            continue
        if probability >= (PROPOSE_MIN if current is None else RETYPE_MIN):
            found[word.i] = generic_sense(label)
    return found


def main_verb(sentence: Span) -> Token | None:
    """The sentence's root verb, or what a speech verb reports ("X said it would send troops");
    never the speech verb itself."""
    root = sentence.root
    if root.lemma_.lower() in REPORTING_VERBS:
        root = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), root)
    return root if root.pos_ == "VERB" and root.lemma_.lower() not in REPORTING_VERBS else None
