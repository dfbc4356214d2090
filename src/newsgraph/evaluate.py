"""Gold files (``newsgraph-gold/1``) and the scorer: precision, recall and F1 per layer.

Matching rules (DESIGN.md, "Gold files"):
- actors: predicted persons against gold persons, by canonical name or alias;
- quotes: speaker resolves to the same gold actor and the predicted span covers at least half
  of the gold span's characters; ``quotes_span`` ignores the speaker. A predicted speaker (or
  event actor) resolves through its canonical name or any proper-name mention of it in the
  article ("EU" for the European Union), matched against the gold names and aliases;
- times: unique (text, value) pairs;
- events: same type, and source/target actors resolve to the gold ones (CONSULT, and a
  gold side left empty, match in either direction / unconstrained); status is scored as
  accuracy over matched events.
Optional gold items are neither rewarded nor penalised. Matching is one-to-one.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.model import Actor, Analysis, Article

GOLD_FORMAT = "newsgraph-gold/1"
LAYERS = ("actors", "quotes", "quotes_span", "times", "events")


class GoldError(ValueError):
    """A gold file that cannot be read."""


@dataclass
class Score:
    """Counts of true positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Report:
    """Scores of one article (or a total), plus event status accuracy."""

    name: str
    scores: dict[str, Score] = field(default_factory=lambda: {layer: Score() for layer in LAYERS})
    status_correct: int = 0
    status_total: int = 0

    def add(self, other: Report) -> None:
        for layer in LAYERS:
            self.scores[layer].add(other.scores[layer])
        self.status_correct += other.status_correct
        self.status_total += other.status_total

    @property
    def status_accuracy(self) -> float | None:
        return self.status_correct / self.status_total if self.status_total else None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {layer: self.scores[layer].as_dict() for layer in LAYERS}
        data["event_status_accuracy"] = self.status_accuracy
        return data


def fold(name: str) -> str:
    """Case, accents, apostrophes and a leading "the" folded for name comparison."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("’", "'").replace(".", "").strip()
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


def load_gold(path: Path) -> dict[str, Any]:
    """A gold file, checked for its format marker and required keys."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}") from exc
    if data.get("format") != GOLD_FORMAT or not isinstance(data.get("text"), str):
        raise GoldError(f"{path}: not a {GOLD_FORMAT} file")
    return data


def gold_article(gold: dict[str, Any]) -> Article:
    """The article a gold file annotates."""
    published = gold.get("published")
    return Article(
        id=str(gold.get("id") or ""),
        text=gold["text"],
        title=gold.get("title"),
        source=gold.get("source"),
        url=gold.get("url"),
        published=published if published not in (None, "None", "") else None,
    )


class _Resolver:
    """Maps predicted names to gold actor names through canonical names and aliases."""

    def __init__(self, gold_actors: list[dict[str, Any]]):
        self.table: dict[str, str] = {}
        for actor in gold_actors:
            for name in [actor["name"], *actor.get("aliases", [])]:
                self.table.setdefault(fold(name), actor["name"])

    def __call__(self, name: str | None) -> str | None:
        return self.table.get(fold(name)) if name else None


def _match(
    golds: list[dict[str, Any]], preds: list[Any], fits: Callable[[dict[str, Any], Any], float]
) -> tuple[Score, list[tuple[dict[str, Any], Any]]]:
    """One-to-one greedy matching; ``fits`` returns a positive strength or 0."""
    score = Score()
    used: set[int] = set()
    pairs = []
    ordered = sorted(golds, key=lambda g: bool(g.get("optional")))
    for gold in ordered:
        best, best_fit = None, 0.0
        for index, pred in enumerate(preds):
            if index in used:
                continue
            strength = fits(gold, pred)
            if strength > best_fit:
                best, best_fit = index, strength
        if best is not None:
            used.add(best)
            if not gold.get("optional"):
                score.tp += 1
                pairs.append((gold, preds[best]))
        elif not gold.get("optional"):
            score.fn += 1
    score.fp = len(preds) - len(used)
    return score, pairs


PRONOUNS = frozenset("he him his she her hers it its they them their i we you".split())


def _proper_names(actor: Actor) -> list[str]:
    """The actor's canonical name and the distinct proper-name mentions of it."""
    names = [actor.name]
    for mention in actor.mentions:
        text = mention.text
        if text[:1].isupper() and text.lower() not in PRONOUNS and text not in names:
            names.append(text)
    return names


def _gold_spans(text: str, needle: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(needle)
    while start >= 0 and needle:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def _span_fit(text: str, gold: dict[str, Any], start: int, end: int) -> float:
    best = 0.0
    for g_start, g_end in _gold_spans(text, gold["text"]):
        overlap = min(end, g_end) - max(start, g_start)
        if overlap > 0 and overlap >= 0.5 * (g_end - g_start):
            best = max(best, overlap / (g_end - g_start))
    return best


def score_article(gold: dict[str, Any], analysis: Analysis, name: str = "") -> Report:
    """Score one analysis against its gold annotation."""
    report = Report(name or str(gold.get("id")))
    resolve = _Resolver(gold.get("actors", []))
    text = gold["text"]

    gold_persons = [a for a in gold.get("actors", []) if a.get("kind") == "person"]
    pred_persons = [a for a in analysis.actors if a.kind == "person"]
    report.scores["actors"], _ = _match(
        gold_persons, pred_persons, lambda g, p: 1.0 if resolve(p.name) == g["name"] else 0.0
    )

    quotes = gold.get("quotes", [])

    names_of = {a.id: _proper_names(a) for a in analysis.actors}

    def resolves_to(actor_id: str | None, fallback: str | None, gold_name: str) -> bool:
        wanted = resolve(gold_name)
        names = names_of.get(actor_id, []) if actor_id else [fallback]
        return wanted is not None and any(resolve(n) == wanted for n in names)

    def quote_fit(g: dict[str, Any], q: Any) -> float:
        return _span_fit(text, g, q.start, q.end) if resolves_to(q.speaker, q.speaker_name, g["speaker"]) else 0.0

    report.scores["quotes"], _ = _match(quotes, analysis.quotes, quote_fit)
    report.scores["quotes_span"], _ = _match(quotes, analysis.quotes, lambda g, q: _span_fit(text, g, q.start, q.end))

    optional_times = {(t["text"], t["value"]) for t in gold.get("times", []) if t.get("optional")}
    gold_times = {(t["text"], t["value"]) for t in gold.get("times", [])} - optional_times
    pred_times = {(t.text, t.value) for t in analysis.times} - optional_times
    report.scores["times"] = Score(
        len(gold_times & pred_times), len(pred_times - gold_times), len(gold_times - pred_times)
    )

    def sides(ids: Iterable[str]) -> set[str | None]:
        return {resolve(n) for i in ids for n in names_of.get(i, [i])}

    def side_fits(gold_side: list[str], pred_side: set[str | None]) -> bool:
        return not gold_side or {resolve(n) or n for n in gold_side} <= pred_side

    def event_fit(g: dict[str, Any], e: Any) -> float:
        if g["type"] != e.type:
            return 0.0
        source = sides(e.source)
        target = sides(e.target)
        forward = side_fits(g.get("source", []), source) and side_fits(g.get("target", []), target)
        either = g["type"] == "CONSULT" or not g.get("source") or not g.get("target")
        backward = either and side_fits(g.get("source", []), target) and side_fits(g.get("target", []), source)
        return 1.0 if forward or backward else 0.0

    report.scores["events"], pairs = _match(gold.get("events", []), analysis.events, event_fit)
    report.status_total = len(pairs)
    report.status_correct = sum(1 for g, e in pairs if g.get("status") == e.status)
    return report


def gold_files(directory: Path) -> list[Path]:
    """The gold files of a directory (or the single file given)."""
    if directory.is_file():
        return [directory]
    return sorted(directory.glob("*.json"))


def check_thresholds(total: Report, thresholds: dict[str, float]) -> list[str]:
    """Failures of ``total`` against ``{"quotes.f1": 0.9, ...}``; empty when all hold."""
    failures = []
    for key, minimum in thresholds.items():
        layer, _, metric = key.partition(".")
        if layer == "event_status_accuracy":
            value = total.status_accuracy or 0.0
        else:
            value = getattr(total.scores[layer], metric)
        if value + 1e-9 < minimum:
            failures.append(f"{key} = {value:.3f} < {minimum:.3f}")
    return failures
