"""The ``newsgraph`` command line: analyze and eval here; ingest, query, export and serve are
registered from ``cli_corpus`` and ``cli_web``. The NLP stack is imported only by the commands
that analyse, so ``query`` and ``serve`` start quickly."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console

from newsgraph.cli_batch import register as register_batch
from newsgraph.cli_corpus import register as register_corpus
from newsgraph.cli_meetings import register as register_meetings
from newsgraph.cli_options import (
    DEFAULT_MEMORY_LIMIT_MB,
    DEFAULT_TIME_LIMIT,
    KBOption,
    MemoryLimitOption,
    ModelOption,
    PublishedOption,
    TimeLimitOption,
    analysis_settings,
    limits,
)
from newsgraph.cli_web import register as register_web
from newsgraph.evaluate import GoldError, Report, check_thresholds, gold_article, gold_files, load_gold, score_article
from newsgraph.kb.loader import KBError
from newsgraph.render import print_analysis_table, print_eval_table

if TYPE_CHECKING:
    from newsgraph.model import Analysis, Article

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Who said what, who did what to whom, when and where: records with evidence from news.",
)
err = Console(stderr=True)


class EventModel(StrEnum):
    accurate = "accurate"
    fast = "fast"


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


EventsOption = Annotated[
    EventModel,
    typer.Option(
        "--events", help="event-type model: accurate (MiniLM embeddings) or fast (linear, within 25% of spaCy)"
    ),
]


def _warn(message: str) -> None:
    """One unwrapped line on standard error (greppable, one per problem)."""
    sys.stderr.write(message.replace("\n", " ") + "\n")


def _fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[red]newsgraph:[/red] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="files, directories or - for stdin (.txt, .json, .jsonl)")],
    published: PublishedOption = None,
    output: Annotated[OutputFormat, typer.Option("--format", help="json, jsonl or table")] = OutputFormat.json,
    jobs: Annotated[int, typer.Option(min=1, max=64, help="worker processes")] = 1,
    time_limit: TimeLimitOption = DEFAULT_TIME_LIMIT,
    memory_limit: MemoryLimitOption = DEFAULT_MEMORY_LIMIT_MB,
    model: ModelOption = None,
    kb: KBOption = None,
    events: EventsOption = EventModel.fast,
) -> None:
    """Analyse articles: actors, quotes, events and times as newsgraph.analysis/1 records."""
    from newsgraph.analyze import analyze_many
    from newsgraph.extract.events.classifier import ModelError
    from newsgraph.ingest.dates import normalise_published
    from newsgraph.ingest.files import read_inputs
    from newsgraph.nlp import ModelNotInstalled
    from newsgraph.problems import Problem

    try:
        published = normalise_published(published)
    except ValueError as exc:
        _fail(str(exc))
    problems: list[Problem] = []

    def articles() -> Iterator[Article]:
        for item in read_inputs(paths, published):
            if isinstance(item, Problem):
                problems.append(item)
                _warn(f"newsgraph: skipped {item}")
            else:
                yield item

    out = Console(highlight=False, soft_wrap=True)
    count = 0
    try:
        for outcome in analyze_many(
            articles(),
            jobs=jobs,
            settings=analysis_settings(model, kb, events.value),
            limits=limits(time_limit, memory_limit),
        ):
            if isinstance(outcome, Problem):
                problems.append(outcome)
                _warn(f"newsgraph: failed {outcome}")
                continue
            count += 1
            _write(outcome, output, out)
    except (ModelNotInstalled, KBError, ModelError) as exc:
        _fail(str(exc))
    sys.stdout.flush()
    if problems:
        _warn(f"newsgraph: {count} analysed, {len(problems)} skipped or failed")
        raise typer.Exit(1)
    if count == 0:
        _warn("newsgraph: no articles in the inputs")
        raise typer.Exit(1)


def _write(analysis: Analysis, output: OutputFormat, console: Console) -> None:
    """One analysis on standard output in the chosen format."""
    record = analysis.to_dict()
    if output is OutputFormat.jsonl:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif output is OutputFormat.json:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    else:
        print_analysis_table(console, analysis)


@app.command("eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="directory of newsgraph-gold/1 files (or one file)")],
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
    check: Annotated[Path | None, typer.Option(help="JSON file of minimum scores; exit 1 when one is not met")] = None,
    jobs: Annotated[int, typer.Option(min=1, max=64, help="worker processes")] = 1,
    model: ModelOption = None,
    kb: KBOption = None,
    events: EventsOption = EventModel.fast,
) -> None:
    """Score newsgraph against gold annotations: precision, recall, F1 per file and in total."""
    from newsgraph.analyze import analyze_many
    from newsgraph.extract.events.classifier import ModelError
    from newsgraph.nlp import ModelNotInstalled
    from newsgraph.problems import Problem

    files = gold_files(gold_dir)
    if not files:
        _fail(f"{gold_dir}: no gold files (*.json)")
    try:
        golds = [load_gold(f) for f in files]
    except GoldError as exc:
        _fail(str(exc))
    total = Report("TOTAL")
    reports = []
    try:
        analyses = analyze_many(
            (gold_article(g) for g in golds), jobs=jobs, settings=analysis_settings(model, kb, events.value)
        )
        for path, gold, analysis in zip(files, golds, analyses, strict=True):
            if isinstance(analysis, Problem):
                _fail(f"{path}: {analysis.reason}")
            report = score_article(gold, analysis, path.stem)
            reports.append(report)
            total.add(report)
    except (ModelNotInstalled, KBError, ModelError) as exc:
        _fail(str(exc))
    if as_json:
        data = {"files": {r.name: r.as_dict() for r in reports}, "total": total.as_dict()}
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
    else:
        print_eval_table(Console(highlight=False), reports, total)
    if check is not None:
        failures = check_thresholds(total, json.loads(check.read_text(encoding="utf-8")))
        for failure in failures:
            _warn(f"newsgraph eval: below threshold: {failure}")
        if failures:
            raise typer.Exit(1)


register_corpus(app)
register_batch(app)
register_meetings(app)
register_web(app)


def main() -> None:
    """Entry point for ``python -m newsgraph``."""
    app()
