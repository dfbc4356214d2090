"""The scorer's matching rules, and the project's own gold articles as a quality gate."""

from pathlib import Path

from newsgraph.analyze import analyze_many
from newsgraph.evaluate import Report, gold_article, load_gold, score_article
from newsgraph.model import Actor, Analysis, Article, Mention, Quote, TimeExpr

GOLD_DIR = Path(__file__).parent / "fixtures" / "gold"
TEXT = "Anna Berg said the plan was dead. Officials called it a “reset”."
GOLD = {
    "format": "newsgraph-gold/1",
    "id": "t",
    "text": TEXT,
    "published": "2025-01-01",
    "actors": [{"name": "Anna Berg", "kind": "person", "aliases": ["Berg"]}],
    "quotes": [
        {"speaker": "Anna Berg", "text": "the plan was dead", "kind": "indirect"},
        {"speaker": "Anna Berg", "text": "reset", "kind": "partial", "optional": True},
    ],
    "times": [{"text": "Monday", "value": "2024-12-30"}],
    "events": [],
}


def quote(speaker: str | None, start: int, end: int) -> Quote:
    return Quote("Q", None, speaker, "indirect", "said", None, TEXT[start:end], start, end)


def analysis(quotes: list[Quote], persons: list[str] = (), times: list[TimeExpr] = ()) -> Analysis:
    actors = [Actor(f"A{i}", name, "person", mentions=[Mention(0, 1, "A")]) for i, name in enumerate(persons)]
    return Analysis(Article("t", TEXT), actors=actors, quotes=quotes, times=list(times))


def test_quote_needs_speaker_alias_and_half_the_span():
    start = TEXT.index("the plan")
    good = score_article(GOLD, analysis([quote("Berg", start, start + 10)]))
    assert good.scores["quotes"].tp == 1 and good.scores["quotes"].fp == 0
    too_short = score_article(GOLD, analysis([quote("Berg", start, start + 5)]))
    assert too_short.scores["quotes"].tp == 0 and too_short.scores["quotes"].fn == 1
    wrong_speaker = score_article(GOLD, analysis([quote("Officials", start, start + 17)]))
    assert wrong_speaker.scores["quotes"].tp == 0 and wrong_speaker.scores["quotes_span"].tp == 1


def test_optional_gold_is_neither_rewarded_nor_penalised():
    start = TEXT.index("reset")
    report = score_article(GOLD, analysis([quote("Anna Berg", start, start + 5)]))
    assert (report.scores["quotes"].tp, report.scores["quotes"].fp, report.scores["quotes"].fn) == (0, 0, 1)


def test_persons_and_times():
    report = score_article(GOLD, analysis([], ["Anna Berg", "Someone Else"], [TimeExpr("Monday", 0, 6, "2024-12-30")]))
    assert (report.scores["actors"].tp, report.scores["actors"].fp) == (1, 1)
    assert report.scores["times"].f1 == 1.0


def test_project_gold_articles_meet_the_quality_bar():
    """Deterministic with the pinned model: a regression in any layer fails here."""
    files = sorted(GOLD_DIR.glob("*.json"))
    golds = [load_gold(f) for f in files]
    total = Report("total")
    for gold, result in zip(golds, analyze_many(gold_article(g) for g in golds), strict=True):
        total.add(score_article(gold, result))
    assert total.scores["times"].f1 >= 0.95
    assert total.scores["actors"].f1 >= 0.9
    assert total.scores["quotes"].f1 >= 0.85
    assert total.scores["quotes_span"].f1 >= 0.9
    assert total.scores["events"].f1 >= 0.42
    assert (total.status_accuracy or 0.0) >= 0.9
