"""Meetings of a store scored against a ``newsgraph-meetings-gold/1`` file: meetings P/R/F1, cross-article link
P/R/F1 and status accuracy, next to the one-meeting-per-article baseline.

    .venv/bin/newsgraph ingest ARTICLES --db corpus.db
    .venv/bin/python bench/meetings_gold.py --db corpus.db GOLD.json [--explain]

``--explain`` adds what the scores miss: gold article pairs not linked, pairs linked against the gold, and the
statuses of matched meetings that differ.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import newsgraph
from newsgraph.meetings.read import document, every_meeting
from newsgraph.meetings.score import GOLD_FORMAT, Scores, explain, one_per_article, score


def summary(s: Scores) -> dict[str, Any]:
    """The scores as a JSON-ready dictionary."""
    return {
        "meetings": {"p": s.meetings.precision, "r": s.meetings.recall, "f1": s.meetings.f1},
        "links": {"p": s.links.precision, "r": s.links.recall, "f1": s.links.f1},
        "status_accuracy": s.status_accuracy,
        "status_compared": s.status_compared,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold")
    parser.add_argument("--db", required=True)
    parser.add_argument("--explain", action="store_true", help="list missed and wrong links and differing statuses")
    args = parser.parse_args()
    with open(args.gold, encoding="utf-8") as f:
        gold = json.load(f)
    if gold.get("format") != GOLD_FORMAT:
        parser.error(f"{args.gold}: not {GOLD_FORMAT}")
    with newsgraph.open(args.db) as db, db.engine.connect() as conn:
        predicted = document(list(every_meeting(conn)))["meetings"]
    articles = {m["article"] for g in gold["meetings"] for m in g["mentions"]}
    predicted = [p for p in predicted if any(m["article"] in articles for m in p["mentions"])]
    baseline = one_per_article(gold["meetings"])
    result: dict[str, Any] = {
        "newsgraph": summary(score(predicted, gold["meetings"])),
        "baseline": summary(score(baseline, gold["meetings"])),
    }
    if args.explain:
        result["explain"] = explain(predicted, gold["meetings"])
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
