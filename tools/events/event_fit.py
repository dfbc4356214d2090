"""Fitting the event-type model (logistic regression) on training rows, and k-fold folds.

The sparse features are weighted exactly as the product weighs them (``classifier.Model.vector``);
the ``accurate`` model adds the frozen MiniLM embedding of the marked text. The fit is an
L2-regularised softmax regression by L-BFGS (deterministic), with partial labels (YIELD: CONCEDE
or RETREAT), a weight per source and class weights (inverse frequency of the PLV labels).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from typing import Any

import numpy as np
from event_data import GROUPS, LABELS, Row
from scipy.optimize import minimize
from scipy.sparse import csr_matrix, hstack

from newsgraph.extract.events.classifier import NONE, Model, encoder

SOURCE_WEIGHTS = {"plv": 1.0, "title": 0.5, "gsr": 1.0, "gold": 1.0}
MIN_COUNT = 2
DIGITS = 4
FOLD_SEED = "newsgraph-plv-folds-1"


def folds(keys: list[str], k: int) -> dict[str, int]:
    """A seeded assignment of PLV row ids to ``k`` folds (a hash of each id: the same for any subset)."""
    return {key: int.from_bytes(hashlib.sha256(f"{FOLD_SEED}:{key}".encode()).digest()[:4], "big") % k for key in keys}


class Embeddings:
    """Embeddings of texts, each computed once."""

    def __init__(self) -> None:
        self.known: dict[str, np.ndarray] = {}

    def of(self, texts: list[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.known})
        for start in range(0, len(missing), 64):
            batch = missing[start : start + 64]
            self.known.update(zip(batch, encoder().embed(batch), strict=True))
        return np.array([self.known[t] for t in texts])


def _class_weights(rows: list[Row]) -> dict[tuple[str, ...], float]:
    counts = Counter(r.labels for r in rows if r.source == "plv")
    total = sum(counts.values())
    return {labels: min(3.0, total / (len(counts) * n)) for labels, n in counts.items()}


def fit(rows: list[Row], mode: str, l2: float, embeddings: Embeddings | None, scale: float = 1.0) -> dict[str, Any]:
    """The weights file's content for a model fitted on ``rows``; the embedding's features are
    multiplied by ``scale`` (less regularised than the sparse ones), folded into its weights."""
    df = Counter(f for r in rows for f in set(r.reading.sparse))
    vocabulary = sorted(f for f, n in df.items() if n >= MIN_COUNT)
    idf = np.array([math.log((1 + len(rows)) / (1 + df[f])) + 1 for f in vocabulary])
    empty = np.zeros((len(vocabulary), len(LABELS)))
    shell = Model(mode, list(LABELS), {f: i for i, f in enumerate(vocabulary)}, idf, empty, None, np.zeros(len(LABELS)))
    data, indices, pointers = [], [], [0]
    for row in rows:
        columns, values = shell.vector(row.reading.sparse)
        indices += columns
        data += list(values)
        pointers.append(len(indices))
    x = csr_matrix((data, indices, pointers), shape=(len(rows), len(vocabulary)))
    if embeddings is not None:
        x = hstack([x, csr_matrix(scale * embeddings.of([r.reading.text for r in rows]))]).tocsr()
    allowed = np.zeros((len(rows), len(LABELS)))
    for number, row in enumerate(rows):
        allowed[number, [LABELS.index(label) for label in row.labels]] = 1.0
    classes = _class_weights(rows)
    weight = np.array([SOURCE_WEIGHTS[r.source] * classes.get(r.labels, 1.0) for r in rows])
    params = _softmax(x, allowed, weight, l2)
    sparse, dense = params[: len(vocabulary)], params[len(vocabulary) : -1]
    return {
        "mode": mode,
        "labels": list(LABELS),
        "bias": [round(float(b), DIGITS) for b in params[-1]],
        "idf": {f: round(float(v), DIGITS) for f, v in zip(vocabulary, idf, strict=True)},
        "weights": {f: [round(float(w), DIGITS) for w in row] for f, row in zip(vocabulary, sparse, strict=True)},
        "dense": [[round(float(scale * w), DIGITS) for w in row] for row in dense] if embeddings is not None else None,
    }


def _softmax(x: csr_matrix, allowed: np.ndarray, weight: np.ndarray, l2: float) -> np.ndarray:
    """Parameters (features + bias row) x labels of the weighted softmax regression."""
    shape = (x.shape[1] + 1, allowed.shape[1])

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        params = flat.reshape(shape)
        logits = x @ params[:-1] + params[-1]
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        mass = (p * allowed).sum(axis=1)
        q = p * allowed / mass[:, None]  # the label set's posterior: partial labels like YIELD
        grad_logits = weight[:, None] * (p - q)
        grad = np.vstack([x.T @ grad_logits, grad_logits.sum(axis=0)])
        grad[:-1] += l2 * params[:-1]
        value = -(weight * np.log(mass + 1e-12)).sum() + 0.5 * l2 * (params[:-1] ** 2).sum()
        return value, grad.ravel()

    result = minimize(loss, np.zeros(shape).ravel(), jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    return result.x.reshape(shape)


def macro_f1(pairs: list[tuple[str, str | None]]) -> tuple[float, dict[str, float]]:
    """Macro-F1 over the 15 root labels (CONCEDE and RETREAT count as YIELD), and per label."""
    merged = [(_root(g), _root(p) if p else None) for g, p in pairs]
    labels = sorted({_root(label) for label in LABELS if label != NONE})
    per = {}
    for label in labels:
        tp = sum(g == p == label for g, p in merged)
        fp = sum(p == label != g for g, p in merged)
        fn = sum(g == label != p for g, p in merged)
        per[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return sum(per.values()) / len(per), per


def _root(label: str) -> str:
    return "YIELD" if label in GROUPS["YIELD"] or label == "YIELD" else label
