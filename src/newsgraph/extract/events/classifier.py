"""A trained PLOVER event-type classifier over features of the parsed sentence.

The model is a softmax regression over sparse binary features of a word: its lemma, particle,
objects, prepositions, complements, auxiliaries, governors and status, and the content lemmas of
its sentence. It reads events the lexicon misses: the main verb of a sentence in which no
trigger was found becomes an event when the model is confident of its type. The weights
(``data/event_classifier.json``, built by ``tools/events/train_event_classifier.py``) hold one
row per feature and one column per PLOVER type; scoring a word sums the rows of its features, so it
costs a few dictionary look-ups.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Doc, Span, Token

from newsgraph.extract.events.lexicon import Sense, generic_sense
from newsgraph.extract.events.status import event_status
from newsgraph.lang.en.events import (
    COMPLEMENT_DEPS,
    CONTENT_POS,
    FEATURE_OBJECT_DEPS,
    NOUN_MODIFIER_DEPS,
    PREP_DEPS,
    REPORTING_VERBS,
)

PROPOSE_MIN = 0.25  # probability at which a sentence with no trigger gets an event at its main verb
ANCESTORS = 2  # governors above the head whose lemmas are features


def features(token: Token) -> list[str]:
    """The classifier's features of ``token`` read as an event trigger."""
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
    found += [f"s:{t.lemma_.lower()}" for t in token.sent if t.pos_ in CONTENT_POS and not t.is_stop]
    return found


@dataclass(frozen=True)
class Prediction:
    """The most probable PLOVER type of a trigger and its probability."""

    type: str
    probability: float


class EventClassifier:
    """Softmax regression: feature name -> one weight per PLOVER type, plus a bias per type."""

    def __init__(self, labels: list[str], vocabulary: list[str], weights: np.ndarray, bias: np.ndarray):
        self.labels = labels
        self.index = {name: row for row, name in enumerate(vocabulary)}
        self.weights = weights
        self.bias = bias

    def probabilities(self, names: list[str]) -> np.ndarray:
        rows = sorted({self.index[n] for n in names if n in self.index})
        logits = self.bias + self.weights[rows].sum(axis=0)
        exp = np.exp(logits - logits.max())
        return exp / exp.sum()

    def predict(self, token: Token) -> Prediction:
        probabilities = self.probabilities(features(token))
        best = int(probabilities.argmax())
        return Prediction(self.labels[best], float(probabilities[best]))


@lru_cache(maxsize=1)
def classifier() -> EventClassifier:
    """The shipped model (loaded once per process)."""
    path = resources.files("newsgraph.extract.events").joinpath("data", "event_classifier.json")
    model = json.loads(path.read_text("utf-8"))
    vocabulary = sorted(model["weights"])
    return EventClassifier(
        model["labels"], vocabulary, np.array([model["weights"][f] for f in vocabulary]), np.array(model["bias"])
    )


def proposals(doc: Doc, senses: dict[int, Sense]) -> dict[int, Sense]:
    """Events the classifier reads at the main verb of sentences where the lexicon found none."""
    found: dict[int, Sense] = {}
    for sentence in doc.sents:
        verb = main_verb(sentence)
        if verb is None or any(sentence.start <= i < sentence.end for i in senses):
            continue
        predicted = classifier().predict(verb)
        if predicted.probability >= PROPOSE_MIN:
            found[verb.i] = generic_sense(predicted.type)
    return found


def main_verb(sentence: Span) -> Token | None:
    """The sentence's root verb, or what a speech verb reports ("X said it would send troops")."""
    root = sentence.root
    if root.lemma_.lower() in REPORTING_VERBS:
        root = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), root)
    return root if root.pos_ == "VERB" else None
