"""PLOVER event typing on PLV_train.tsv, scored on what the product outputs (5-fold).

The rows are split into K seeded folds (``tools/events/event_fit.folds``, the folds of the
training script's model selection). Per fold, the event-type model is trained on the other folds
plus the extra training sources (NGEC titles, GSR records, newsgraph-gold events; the shipped
model's L2 strength), written to a weights file, and the held-out sentences are analysed by the
product pipeline with it (``Pipeline(Settings(events=..., event_weights=...))``, each sentence an
article, parsed and analysed as ``newsgraph analyze`` does; no bench-only options). The
prediction is the event whose source and target actors' mentions overlap the gold source and
target spans (either direction for CONSULT), else the sentence's best event (one touching a gold
span, else one naming an actor, else any), the trigger nearest the parse root first, else none.
A negated event counts as REJECT (PLOVER codes a refusal as REJECT; newsgraph keeps the refused
action's type with status "negated"), and a planned or proposed cooperative act (CONSULT, SUPPORT,
YIELD, AID, COOPERATE) as AGREE (PLOVER codes a promise or offer to cooperate as AGREE; newsgraph
keeps the promised act's type with its status).
Scores: macro- and micro-F1 over the 15 root labels (CONCEDE and RETREAT count as YIELD), F1 per
root label, the same macro/micro over the 4 quad classes, the share of rows whose pair was found,
and the share of sentences with no event at all.

    PYTHONPATH=src .venv/bin/python bench/plover_eval.py ../shared/eval/plover/PLV_train.tsv \
        --titles ../shared/eval/plover/ngec/gpt_synthetic_events_2023-10-19_19.csv \
        --gsr ../shared/eval/plover/plover_gsr_v0.8_dev.jsonl \
        --gold ../shared/eval/gold --gold ../shared/eval/gold-news-dev [--events fast] [--json out.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import Counter
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools" / "events"))
from event_data import Row, gold_rows, gsr_rows, marked_spans, plv_rows, reader, title_rows  # noqa: E402
from event_fit import Embeddings, fit, folds  # noqa: E402

from newsgraph.analyze import Pipeline, Settings  # noqa: E402
from newsgraph.extract.events.classifier import MODES  # noqa: E402
from newsgraph.model import Actor, Article, Event  # noqa: E402

YIELD = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
QUAD = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "YIELD": 2,
    "AID": 2,
    "COOPERATE": 2,
    "REQUEST": 3,
    "REJECT": 3,
    "ACCUSE": 3,
    "THREATEN": 3,
    "ASSAULT": 4,
    "COERCE": 4,
    "SANCTION": 4,
    "PROTEST": 4,
    "MOBILIZE": 4,
}
# Cooperative acts whose promise or offer PLOVER codes as AGREE.
PROMISABLE = frozenset({"CONSULT", "SUPPORT", "YIELD", "AID", "COOPERATE"})
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def touches(actor_ids: list[str], actors: dict[str, Actor], span: tuple[int, int] | None) -> bool:
    if span is None:
        return False
    return any(m.start < span[1] and span[0] < m.end for i in actor_ids for m in actors[i].mentions)


def depth(event: Event, doc: Doc) -> int:
    """How deep the event's trigger sits in the parse: the governing event of a sentence wins."""
    word = event.trigger.split()[0]
    for token in doc:
        if event.evidence.start <= token.idx < event.evidence.end and token.text == word:
            return sum(1 for _ in token.ancestors)
    return 99


def plover_type(event: Event) -> str:
    """PLOVER's reading: a refused or ruled-out action is a REJECT; a cooperative act promised,
    planned or offered ("will meet", "agreed to withdraw", "is ready to send aid") is an AGREE
    (the manual's "agree to, offer, promise ... to cooperate"); CONCEDE/RETREAT are YIELD."""
    label = YIELD.get(event.type, event.type)
    if event.status == "negated":
        return "REJECT"
    if event.status in ("planned", "proposed") and label in PROMISABLE:
        return "AGREE"
    return label


def choose(events: list[Event], actors: dict[str, Actor], source, target, doc: Doc) -> tuple[Event | None, bool]:
    """The event of the gold pair (found=True), else the best other event; the highest in the
    parse first."""
    events = sorted(events, key=lambda e: depth(e, doc))
    for event in events:
        forward = touches(event.source, actors, source) and touches(event.target, actors, target)
        backward = (
            event.type == "CONSULT" and touches(event.source, actors, target) and touches(event.target, actors, source)
        )
        if forward or backward:
            return event, True
    named = [e for e in events if e.source or e.target]
    touching = [
        e for e in named if touches(e.source + e.target, actors, source) or touches(e.source + e.target, actors, target)
    ]
    for pool in (touching, named, events):
        if pool:
            return pool[0], False
    return None, False


def f1_table(pairs: list[tuple[str, str | None]], labels: list) -> tuple[float, float, dict]:
    """Macro-F1 over ``labels``, micro-F1 (a missing prediction is a false negative), F1 per label."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for gold, pred in pairs:
        if pred == gold:
            tp[gold] += 1
        else:
            fn[gold] += 1
            if pred is not None:
                fp[pred] += 1
    scores = []
    for label in labels:
        p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        scores.append(2 * p * r / (p + r) if p + r else 0.0)
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro_p = all_tp / (all_tp + all_fp) if all_tp + all_fp else 0.0
    micro_r = all_tp / (all_tp + all_fn) if all_tp + all_fn else 0.0
    micro = 2 * micro_p * micro_r / (micro_p + micro_r) if micro_p + micro_r else 0.0
    return sum(scores) / len(scores), micro, dict(zip(labels, scores, strict=True))


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv", type=Path)
    parser.add_argument("--titles", type=Path, help="NGEC synthetic stories CSV: their titles are extra training rows")
    parser.add_argument("--gsr", type=Path, help="PLOVER gold-standard records (JSONL): extra training rows")
    parser.add_argument("--gold", type=Path, action="append", default=[], help="newsgraph-gold folder: extra rows")
    parser.add_argument("--events", choices=MODES, default="fast", help="the product's event-type model")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--json", type=Path, help="write the scores and per-row predictions here")
    return parser.parse_args()


def training_rows(args: argparse.Namespace, pipeline: Pipeline) -> list[Row]:
    read = reader(pipeline)
    rows = plv_rows(read, args.tsv)
    rows += title_rows(read, args.titles) if args.titles else []
    rows += gsr_rows(read, args.gsr) if args.gsr else []
    return rows + (gold_rows(read, args.gold) if args.gold else [])


def predict_fold(pipeline: Pipeline, records: list[dict]) -> list[dict]:
    """The product's reading of each held-out row."""
    texts = [marked_spans(r["marked_sentence"]) for r in records]
    results = []
    for number, (record, (text, source, target), doc) in enumerate(
        zip(records, texts, pipeline.parse(t[0] for t in texts), strict=True)
    ):
        analysis = pipeline.analyze_parsed(doc, Article(id=f"plv-{number}", text=text))
        event, found = choose(analysis.events, {a.id: a for a in analysis.actors}, source, target, doc)
        results.append(
            {
                "id": record["sentence_id"],
                "gold": record["gold_root"],
                "gold_quad": int(record["gold_penta"]),
                "pred": plover_type(event) if event else None,
                "pair_found": found,
                "no_event": not analysis.events,
                "status": event.status if event else None,
            }
        )
    return results


def scores(results: list[dict]) -> dict:
    labels = sorted(QUAD)
    root_macro, root_micro, per_type = f1_table([(r["gold"], r["pred"]) for r in results], labels)
    quad_macro, quad_micro, _ = f1_table(
        [(r["gold_quad"], QUAD.get(r["pred"] or "")) for r in results], sorted(QUAD_NAMES)
    )
    return {
        "rows": len(results),
        "root_macro_f1": round(100 * root_macro, 1),
        "root_micro_f1": round(100 * root_micro, 1),
        "quad_macro_f1": round(100 * quad_macro, 1),
        "quad_micro_f1": round(100 * quad_micro, 1),
        "pair_found": round(100 * sum(r["pair_found"] for r in results) / len(results), 1),
        "no_event": round(100 * sum(r["no_event"] for r in results) / len(results), 1),
        "per_type_f1": {k: round(100 * v, 1) for k, v in per_type.items()},
    }


def main() -> int:
    args = arguments()
    with args.tsv.open(encoding="utf-8") as handle:
        records = list(csv.DictReader(handle, delimiter="\t"))
    rows = training_rows(args, Pipeline(Settings(events="fast")))  # only its parser and KB are used
    shipped = resources.files("newsgraph.extract.events").joinpath("data", f"event_classifier_{args.events}.json")
    l2 = json.loads(shipped.read_text(encoding="utf-8")).get("l2") or 1.0
    fold = folds([r["sentence_id"] for r in records], args.folds)
    embeddings = Embeddings() if args.events == "accurate" else None
    results: list[dict] = []
    with tempfile.TemporaryDirectory() as folder:
        for number in range(args.folds):
            trained = [r for r in rows if r.source != "plv" or fold[r.key] != number]
            weights = Path(folder) / f"fold{number}.json"
            weights.write_text(json.dumps(fit(trained, args.events, l2, embeddings)), encoding="utf-8")
            pipeline = Pipeline(Settings(events=args.events, event_weights=str(weights)))
            results += predict_fold(pipeline, [r for r in records if fold[r["sentence_id"]] == number])
            print(f"fold {number + 1}/{args.folds}: {scores(results)['root_macro_f1']} so far", file=sys.stderr)
    report = scores(results)
    print(f"{args.folds}-fold over {report['rows']} PLV rows, product output, --events {args.events}")
    for key in ("root_macro_f1", "root_micro_f1", "quad_macro_f1", "quad_micro_f1", "pair_found", "no_event"):
        print(f"  {key:14} {report[key]}")
    print("  per type F1: " + " ".join(f"{k} {v}" for k, v in report["per_type_f1"].items()))
    print("published macro-F1 (root, full data): PETRARCH 46.3, GPT-4 61.5, zero-shot NLI 82.4, ConfliBERT 86.7")
    if args.json:
        args.json.write_text(json.dumps({"scores": report, "rows": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
