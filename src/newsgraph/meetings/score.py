"""Scoring meetings against a gold list (``newsgraph-meetings-gold/1``): the issue's three measures.

Gold and predictions are lists of meetings, each with ``mentions`` of ``article`` and ``status``. A
predicted meeting matches a gold one (one to one, most shared articles first) when they share an
article. Measures: meetings P/R/F1 by that matching; cross-article links P/R/F1 over the pairs of
articles put in one meeting; status accuracy over the articles of matched meetings that both have.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any

GOLD_FORMAT = "newsgraph-meetings-gold/1"


@dataclass(frozen=True)
class PRF:
    """Counts and their precision, recall and F1 (1.0 where nothing was to be found and nothing was found)."""

    true: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.true / self.predicted if self.predicted else float(not self.gold)

    @property
    def recall(self) -> float:
        return self.true / self.gold if self.gold else float(not self.predicted)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Scores:
    """Meetings, cross-article links and status accuracy (``correct`` of ``compared`` mentions)."""

    meetings: PRF
    links: PRF
    status_correct: int
    status_compared: int

    @property
    def status_accuracy(self) -> float:
        return self.status_correct / self.status_compared if self.status_compared else 0.0


def _statuses(meeting: dict[str, Any]) -> dict[str, str]:
    """Article → the meeting's status as of it (the first mention of each article)."""
    result: dict[str, str] = {}
    for mention in meeting["mentions"]:
        result.setdefault(mention["article"], mention["status"])
    return result


def _links(meetings: list[dict[str, str]]) -> set[tuple[str, str]]:
    return {pair for articles in meetings for pair in combinations(sorted(articles), 2)}


def _alike(predicted: dict[str, Any], gold: dict[str, Any]) -> int:
    """How many of place and start a predicted meeting shares with a gold one that gives them."""
    place, start = predicted.get("place"), predicted.get("start")
    same_place = bool(place and gold.get("place") and place.casefold() == gold["place"].casefold())
    same_start = bool(
        start and gold.get("start") and (start.startswith(gold["start"]) or gold["start"].startswith(start))
    )
    return same_place + same_start


def score(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> Scores:
    """Score ``predicted`` meetings (``newsgraph.meetings/1`` records) against ``gold`` ones; among pairs that
    share as many articles (one article may tell of several meetings), those alike in place and start first."""
    pred, true = [_statuses(m) for m in predicted], [_statuses(m) for m in gold]
    matched = _match(predicted, gold)
    correct = compared = 0
    for i, j in matched:
        for article in pred[i].keys() & true[j].keys():
            compared += 1
            correct += pred[i][article] == true[j][article]
    links_p, links_g = _links(pred), _links(true)
    return Scores(
        meetings=PRF(len(matched), len(pred), len(true)),
        links=PRF(len(links_p & links_g), len(links_p), len(links_g)),
        status_correct=correct,
        status_compared=compared,
    )


def _match(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """The one-to-one matching (predicted index, gold index): most shared articles first, then alike in place and
    start."""
    pred, true = [_statuses(m) for m in predicted], [_statuses(m) for m in gold]
    pairs = sorted(
        (
            (len(p.keys() & g.keys()), _alike(predicted[i], gold[j]), i, j)
            for i, p in enumerate(pred)
            for j, g in enumerate(true)
            if p.keys() & g.keys()
        ),
        key=lambda t: (-t[0], -t[1], t[2], t[3]),
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched: list[tuple[int, int]] = []
    for _, _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            matched.append((i, j))
    return matched


def explain(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """What the scores miss: the gold article pairs not linked (``missed_links``), the linked pairs the gold does not
    link (``wrong_links``), and the statuses of matched meetings that differ (``statuses``: article, gold meeting
    id, gold status, predicted status, predicted label)."""
    pred, true = [_statuses(m) for m in predicted], [_statuses(m) for m in gold]
    links_p, links_g = _links(pred), _links(true)
    statuses = [
        [article, gold[j].get("id"), true[j][article], pred[i][article], predicted[i].get("label")]
        for i, j in _match(predicted, gold)
        for article in sorted(pred[i].keys() & true[j].keys())
        if pred[i][article] != true[j][article]
    ]
    return {
        "missed_links": sorted(map(list, links_g - links_p)),
        "wrong_links": sorted(map(list, links_p - links_g)),
        "statuses": statuses,
    }


def one_per_article(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The naive baseline: one meeting per article, with the status of its first gold mention."""
    first: dict[str, dict[str, str]] = {}
    for meeting in gold:
        for mention in meeting["mentions"]:
            first.setdefault(mention["article"], mention)
    return [{"mentions": [mention]} for mention in first.values()]
