#!/usr/bin/env python3
"""Train newsgraph's PLOVER event-type models (src/newsgraph/extract/events/data/event_classifier_*.json).

Run by hand, never at run time (the data stays where it is; only the fitted weights are written)::

    PYTHONPATH=src .venv/bin/python tools/events/train_event_classifier.py \\
        --plv ../shared/eval/plover/PLV_train.tsv \\
        --titles ../shared/eval/plover/ngec/gpt_synthetic_events_2023-10-19_19.csv \\
        --gsr ../shared/eval/plover/plover_gsr_v0.8_dev.jsonl \\
        --gold ../shared/eval/gold --gold ../shared/eval/gold-news-dev [--mode fast|accurate|both] [--cv 5]

Training rows: ``event_data``. For each mode, the L2 strength is chosen by K-fold cross-validation
over all PLV rows (each fold trained on the other folds plus every other source; seeded folds);
the figure printed is the root macro-F1 of the model's type at the anchor (CONCEDE and RETREAT
count as YIELD). The model written is then fitted on every row.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from event_data import Row, gold_rows, gsr_rows, plv_rows, reader, title_rows  # noqa: E402
from event_fit import Embeddings, fit, folds, macro_f1  # noqa: E402

from newsgraph.analyze import Pipeline, Settings  # noqa: E402
from newsgraph.extract.events.classifier import MODES, model_from  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "extract" / "events" / "data"
L2_GRID = (0.03, 0.1, 0.3, 1.0)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plv", type=Path, required=True, help="PLV_train.tsv")
    parser.add_argument("--titles", type=Path, help="NGEC synthetic stories CSV (only their titles are read)")
    parser.add_argument("--gsr", type=Path, help="PLOVER gold-standard records (JSONL)")
    parser.add_argument("--gold", type=Path, action="append", default=[], help="folder of newsgraph-gold files")
    parser.add_argument("--mode", choices=(*MODES, "both"), default="both")
    parser.add_argument("--cv", type=int, default=5, help="folds for model selection (0: no selection)")
    parser.add_argument("--l2", type=float, help="L2 strength (cross-validated alone instead of the grid)")
    parser.add_argument("--out", type=Path, default=OUT, help="folder the weights files are written to")
    return parser.parse_args()


def training_rows(args: argparse.Namespace, pipeline: Pipeline) -> list[Row]:
    """Every source's rows (PLV first)."""
    read = reader(pipeline)
    rows = plv_rows(read, args.plv)
    if args.titles:
        rows += title_rows(read, args.titles)
    if args.gsr:
        rows += gsr_rows(read, args.gsr)
    if args.gold:
        rows += gold_rows(read, args.gold)
    return rows


def cross_validate(rows: list[Row], mode: str, l2: float, k: int, embeddings: Embeddings | None) -> dict:
    """Root macro-F1 (and per label) of K-fold cross-validation over the PLV rows."""
    plv = [r for r in rows if r.source == "plv"]
    fold = folds([r.key for r in plv], k)
    pairs = []
    for number in range(k):
        held = [r for r in plv if fold[r.key] == number]
        trained = [r for r in rows if r.source != "plv" or fold[r.key] != number]
        model = model_from(fit(trained, mode, l2, embeddings))
        probabilities = model.probabilities([r.reading for r in held])
        pairs += [(r.labels[0], model.labels[int(p.argmax())]) for r, p in zip(held, probabilities, strict=True)]
    macro, per = macro_f1(pairs)
    return {"macro_f1": macro, "per_label": per}


def main() -> int:
    args = arguments()
    rows = training_rows(args, Pipeline(Settings(events="fast")))  # only its parser and KB are used
    for mode in MODES if args.mode == "both" else (args.mode,):
        embeddings = Embeddings() if mode == "accurate" else None
        counts = {s: sum(r.source == s for r in rows) for s in ("plv", "title", "gsr", "gold")}
        counts["none"] = sum(r.labels == ("NONE",) for r in rows)
        print(f"{mode}: rows {counts}")
        l2 = args.l2
        if args.cv:
            scores = {
                value: cross_validate(rows, mode, value, args.cv, embeddings) for value in ([l2] if l2 else L2_GRID)
            }
            for value, score in scores.items():
                print(f"{mode}: l2 {value}: {args.cv}-fold root macro-F1 {100 * score['macro_f1']:.1f}")
            l2 = max(scores, key=lambda v: scores[v]["macro_f1"])
            per = " ".join(f"{k} {100 * v:.0f}" for k, v in scores[l2]["per_label"].items())
            print(f"{mode}: chosen l2 {l2}; per label: {per}")
        weights = fit(rows, mode, l2 if l2 is not None else 1.0, embeddings)
        weights["l2"] = l2
        path = args.out / f"event_classifier_{mode}.json"
        path.write_text(json.dumps(weights, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
        print(f"{mode}: wrote {path} ({len(weights['weights'])} sparse features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
