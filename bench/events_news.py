"""PLOVER events on annotated news (``newsgraph-gold/1`` folders): what ``newsgraph eval`` scores.

For each folder: the events line of ``newsgraph eval --json`` (the product command, default
settings), then P/R/F1 and status accuracy per PLOVER type from the same analyses scored with the
same scorer (``newsgraph.evaluate.score_article``) on the events of one type at a time (an event
only ever matches one of its own type, so the per-type counts add up to the total).

    .venv/bin/python bench/events_news.py ../shared/eval/gold-news-dev ../shared/eval/gold [--json out.json]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from newsgraph.analyze import analyze_many
from newsgraph.evaluate import Report, gold_article, gold_files, load_gold, score_article
from newsgraph.model import Analysis


def product_scores(folder: Path) -> dict[str, Any]:
    """The total of ``newsgraph eval --json`` on ``folder``."""
    command = [sys.executable, "-m", "newsgraph", "eval", str(folder), "--json", "--jobs", "1"]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    total: dict[str, Any] = json.loads(result.stdout)["total"]
    return total


def per_type(folder: Path) -> dict[str, Report]:
    """Event scores per PLOVER type (gold or predicted) over the folder's articles."""
    golds = [load_gold(path) for path in gold_files(folder)]
    reports: dict[str, Report] = {}
    for gold, analysis in zip(golds, analyze_many(gold_article(g) for g in golds), strict=True):
        if not isinstance(analysis, Analysis):
            print(f"{gold.get('id')}: {analysis.reason}", file=sys.stderr)
            continue
        types = {e["type"] for e in gold.get("events", [])} | {e.type for e in analysis.events}
        for kind in types:
            one_gold = {**gold, "events": [e for e in gold.get("events", []) if e["type"] == kind]}
            one = dataclasses.replace(analysis, events=[e for e in analysis.events if e.type == kind])
            reports.setdefault(kind, Report(kind)).add(score_article(one_gold, one))
    return reports


def _row(name: str, events: dict[str, Any], status: float | None) -> str:
    accuracy = f"{status:.3f}" if status is not None else "-"
    return (
        f"{name:<12} {events['tp']:>4} {events['fp']:>4} {events['fn']:>4} "
        f"{events['precision']:>6.3f} {events['recall']:>6.3f} {events['f1']:>6.3f} {accuracy:>7}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    out: dict[str, Any] = {}
    for folder in args.folders:
        total = product_scores(folder)
        types = per_type(folder)
        print(f"\n{folder}  (newsgraph eval)")
        print(f"{'type':<12} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6} {'status':>7}")
        print(_row("ALL", total["events"], total["event_status_accuracy"]))
        for kind in sorted(types):
            report = types[kind]
            print(_row(kind, report.scores["events"].as_dict(), report.status_accuracy))
        others = {layer: total[layer]["f1"] for layer in ("actors", "quotes", "quotes_span", "times")}
        print("other layers F1: " + ", ".join(f"{k} {v:.3f}" for k, v in others.items()))
        out[str(folder)] = {
            "total": total,
            "per_type": {k: {**r.scores["events"].as_dict(), "status": r.status_accuracy} for k, r in types.items()},
        }
    if args.json:
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
