#!/usr/bin/env python3
"""Train newsgraph's PLOVER event-type classifier (src/newsgraph/extract/events/data/event_classifier.json).

Run by hand, never at run time::

    .venv/bin/python tools/events/train_event_classifier.py [--data ../shared/eval/plover] [--cv 5]

Examples, each a trigger token of a parsed sentence with its PLOVER type:
- the "dev" rows of ``PLV_train.tsv`` (ids in ``bench/plover_split.json``; the "test" rows are
  never read): the main verb of the marked sentence (the word newsgraph proposes an event at),
  labelled with the gold root type (YIELD means CONCEDE or RETREAT; a refusal the status layer
  already reads as negated is left out);
- the NGEC synthetic stories: the shallowest lexicon trigger of the first sentence (else its
  root), labelled with the story's type;
- the PLOVER gold-standard records: the root of the marked event phrase.
Features are those of ``newsgraph.extract.events.classifier.features``; the model is an
L2-regularised softmax regression fitted with L-BFGS (deterministic). ``--cv K`` reports the
macro-F1 of K-fold cross-validation over the dev rows (trained on the other folds and the
other sources) instead of writing the model.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.sparse import csr_matrix
from spacy.tokens import Doc, Token

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from newsgraph.analyze import Pipeline  # noqa: E402
from newsgraph.extract.actors import extract_actors  # noqa: E402
from newsgraph.extract.events.classifier import features, main_verb  # noqa: E402
from newsgraph.extract.events.lexicon import Sense, sense_of, trigger_tokens  # noqa: E402
from newsgraph.extract.events.roles import RoleFinder  # noqa: E402
from newsgraph.extract.events.status import event_status  # noqa: E402
from plover_eval import gold_spans  # noqa: E402  (the bench's reading of the marked sentences)

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "plover"
OUT = ROOT / "src" / "newsgraph" / "extract" / "events" / "data" / "event_classifier.json"
DIGITS = 4  # decimals kept of each weight
SPLIT = ROOT / "bench" / "plover_split.json"
LABELS = (
    "ACCUSE",
    "AGREE",
    "AID",
    "ASSAULT",
    "COERCE",
    "CONCEDE",
    "CONSULT",
    "COOPERATE",
    "MOBILIZE",
    "PROTEST",
    "REJECT",
    "REQUEST",
    "RETREAT",
    "SANCTION",
    "SUPPORT",
    "THREATEN",
)
GROUPS = {"YIELD": ("CONCEDE", "RETREAT")}
WEIGHTS = {"plv": 1.0, "synthetic": 0.05, "gsr": 1.0}  # per-example weight of each source
L2 = 1.0
MIN_COUNT = 2
FIRST_PARAGRAPH_CHARS = 600
EVENT_MARK = re.compile(r"\((SRC|TAR|SRC/TAR|EVT): ([^)]*)\)")


@dataclass
class Example:
    features: list[str]
    labels: tuple[str, ...]
    source: str
    key: str


def _reader(pipeline: Pipeline):
    """(doc, sense_of_token) for each text: the lexicon read with the document's actors."""

    def read(texts: list[str]):
        for doc in pipeline.parse(texts, batch_size=64):
            finder = RoleFinder(doc, extract_actors(doc, pipeline.kb, None), pipeline.kb, [])
            yield doc, lambda token, f=finder: sense_of(token, f.names_actor)

    return read


def _main_word(doc: Doc, target: tuple[int, int] | None) -> Token:
    """The word newsgraph would read the event at: the main verb of the target's sentence."""
    span = doc.char_span(*target, alignment_mode="expand") if target else None
    sentence = span.root.sent if span is not None else next(doc.sents)
    return main_verb(sentence) or sentence.root


def plv_examples(read, path: Path) -> list[Example]:
    dev = set(json.loads(SPLIT.read_text(encoding="utf-8"))["dev"])
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["sentence_id"] in dev]
    marked = [gold_spans(r["marked_sentence"]) for r in rows]
    examples = []
    for row, (_, _, target), (doc, _sense) in zip(rows, marked, read([m[0] for m in marked]), strict=True):
        token = _main_word(doc, target)
        gold = row["gold_root"]
        if gold == "REJECT" and event_status(token, None, None) == "negated":
            continue
        examples.append(Example(features(token), GROUPS.get(gold, (gold,)), "plv", row["sentence_id"]))
    return examples


def _shallowest(doc: Doc, sense) -> tuple[Token, Sense | None]:
    sentence = next(doc.sents)
    readings = [
        (sum(1 for _ in t.ancestors), t.i, t, s)
        for t in trigger_tokens(doc)
        if t.sent == sentence and (s := sense(t)) is not None
    ]
    if readings:
        _, _, token, found = min(readings, key=lambda r: r[:2])
        return token, found
    return sentence.root, None


def synthetic_examples(read, path: Path) -> list[Example]:
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["label"] in LABELS]
    texts = [r["text"].strip().split("\n")[0][:FIRST_PARAGRAPH_CHARS] for r in rows]
    examples = []
    for number, (row, (doc, sense)) in enumerate(zip(rows, read(texts), strict=True)):
        token, found = _shallowest(doc, sense)
        examples.append(Example(features(token), (row["label"],), "synthetic", str(number)))
    return examples


def gsr_examples(read, path: Path) -> list[Example]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [r for r in records if r["event"] in LABELS and "(EVT: " in (r["markup"] or "")]
    plain = [EVENT_MARK.sub(r"\2", r["markup"]) for r in records]
    examples = []
    for record, text, (doc, _sense) in zip(records, plain, read(plain), strict=True):
        phrase = EVENT_MARK.search(record["markup"][record["markup"].index("(EVT: ") :]).group(2)
        start = text.find(phrase)
        span = doc.char_span(start, start + len(phrase), alignment_mode="expand") if start >= 0 else None
        if span is not None:
            examples.append(Example(features(span.root), (record["event"],), "gsr", record["id"]))
    return examples


def fit(examples: list[Example]) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Vocabulary (features seen MIN_COUNT times), weights (features x labels), bias."""
    counts = Counter(f for e in examples for f in set(e.features))
    vocabulary = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocabulary)}
    rows, cols = [], []
    for row, example in enumerate(examples):
        for col in sorted({index[f] for f in example.features if f in index}):
            rows.append(row)
            cols.append(col)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(vocabulary)))
    allowed = np.zeros((len(examples), len(LABELS)))
    for row, example in enumerate(examples):
        allowed[row, [LABELS.index(label) for label in example.labels]] = 1.0
    weight = np.array([WEIGHTS[e.source] for e in examples])
    shape = (len(vocabulary) + 1, len(LABELS))

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
        grad[:-1] += L2 * params[:-1]
        value = -(weight * np.log(mass + 1e-12)).sum() + 0.5 * L2 * (params[:-1] ** 2).sum()
        return value, grad.ravel()

    result = minimize(loss, np.zeros(shape).ravel(), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    params = result.x.reshape(shape)
    return vocabulary, params[:-1], params[-1]


def predict(model: tuple[list[str], np.ndarray, np.ndarray], names: list[str]) -> str:
    vocabulary, weights, bias = model
    index = {f: i for i, f in enumerate(vocabulary)}
    rows = sorted({index[n] for n in names if n in index})
    return LABELS[int((bias + weights[rows].sum(axis=0)).argmax())]


def macro_f1(pairs: list[tuple[str, str]]) -> float:
    """Macro-F1 over the gold labels (CONCEDE and RETREAT count as YIELD)."""
    merged = [(g, "YIELD" if p in GROUPS["YIELD"] else p) for g, p in pairs]
    scores = []
    for label in sorted({g for g, _ in merged}):
        tp = sum(g == p == label for g, p in merged)
        fp = sum(p == label != g for g, p in merged)
        fn = sum(g == label != p for g, p in merged)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def cross_validate(examples: list[Example], folds: int) -> float:
    plv = [e for e in examples if e.source == "plv"]
    others = [e for e in examples if e.source != "plv"]
    pairs = []
    for fold in range(folds):
        held = [e for e in plv if int(e.key) % folds == fold]
        model = fit(others + [e for e in plv if int(e.key) % folds != fold])
        gold = [("YIELD" if e.labels == GROUPS["YIELD"] else e.labels[0]) for e in held]
        pairs += [(g, predict(model, e.features)) for g, e in zip(gold, held, strict=True)]
    return macro_f1(pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cv", type=int, help="report K-fold cross-validation over the dev rows; write nothing")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    read = _reader(Pipeline())
    examples = (
        plv_examples(read, args.data / "PLV_train.tsv")
        + synthetic_examples(read, args.data / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv")
        + gsr_examples(read, args.data / "plover_gsr_v0.8_dev.jsonl")
    )
    print(Counter(e.source for e in examples))
    if args.cv:
        score = 100 * cross_validate(examples, args.cv)
        print(f"{args.cv}-fold cross-validated macro-F1 over PLV dev rows: {score:.1f}")
        return 0
    vocabulary, weights, bias = fit(examples)
    model = {
        "labels": list(LABELS),
        "bias": [round(float(b), DIGITS) for b in bias],
        "weights": {f: [round(float(w), DIGITS) for w in row] for f, row in zip(vocabulary, weights, strict=True)},
    }
    args.out.write_text(json.dumps(model, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(vocabulary)} features x {len(LABELS)} types")
    return 0


if __name__ == "__main__":
    sys.exit(main())
