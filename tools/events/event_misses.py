"""The events ``newsgraph eval`` misses and the ones it adds, article by article, for reading.

For each annotated article (``newsgraph-gold/1``): every required gold event no predicted event
matches (by the product scorer, ``newsgraph.evaluate.score_article``, one gold event at a time),
with the predicted events whose evidence overlaps the gold text (what came out instead: wrong
type, wrong sides, or nothing), then every predicted event that matches no gold event.

    PYTHONPATH=src .venv/bin/python tools/events/event_misses.py ../shared/eval/gold-news-dev [--extra]
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import Any

from newsgraph.analyze import analyze_many
from newsgraph.evaluate import gold_article, gold_files, load_gold, score_article
from newsgraph.model import Analysis, Event


def _matches(gold: dict[str, Any], analysis: Analysis, golds: list[dict[str, Any]], events: list[Event]) -> bool:
    one = dataclasses.replace(analysis, events=events)
    return score_article({**gold, "events": golds}, one).scores["events"].tp > 0


def _describe(event: Event, names: dict[str, str]) -> str:
    source = ", ".join(names.get(i, i) for i in event.source)
    target = ", ".join(names.get(i, i) for i in event.target)
    return f"{event.type} {event.status} [{source}] -> [{target}] «{event.evidence.text[:90]}»"


def _around(gold_event: dict[str, Any], text: str, events: list[Event]) -> list[Event]:
    """Predicted events whose evidence overlaps a place where the gold text occurs."""
    needle = gold_event.get("text", "")
    spans, start = [], text.find(needle)
    while start >= 0 and needle:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return [e for e in events if any(e.evidence.start < end and start < e.evidence.end for start, end in spans)]


def report(gold: dict[str, Any], analysis: Analysis, extra: bool) -> None:
    names = {a.id: a.name for a in analysis.actors}
    required = [g for g in gold.get("events", []) if not g.get("optional")]
    print(f"\n== {gold.get('id')}")
    for event in required:
        if _matches(gold, analysis, [event], analysis.events):
            continue
        sides = f"[{', '.join(event.get('source', []))}] -> [{', '.join(event.get('target', []))}]"
        print(f"MISS {event['type']} {event.get('status')} {sides} «{event.get('text', '')[:90]}»")
        for near in _around(event, gold["text"], analysis.events):
            print(f"     got {_describe(near, names)}")
    if extra:
        for predicted in analysis.events:
            if not _matches(gold, analysis, gold.get("events", []), [predicted]):
                print(f"EXTRA {_describe(predicted, names)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--extra", action="store_true", help="also list predicted events matching no gold event")
    args = parser.parse_args()
    golds = [load_gold(path) for path in gold_files(args.folder)]
    for gold, analysis in zip(golds, analyze_many(gold_article(g) for g in golds), strict=True):
        if isinstance(analysis, Analysis):
            report(gold, analysis, args.extra)
        else:
            print(f"{gold.get('id')}: {analysis.reason}")


if __name__ == "__main__":
    main()
