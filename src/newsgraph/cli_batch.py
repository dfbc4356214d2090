"""The batch commands: ``batch`` (articles into a Parquet dataset, locally or on Apache Spark) and ``load``
(such a dataset into the store); see ``register``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli_corpus import DbOption, _fail, _open
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


class Engine(StrEnum):
    local = "local"
    spark = "spark"


def batch(
    inputs: Annotated[
        list[str], typer.Argument(help="JSONL, Parquet or WARC(.gz) files, folders or globs (Spark: any Hadoop path)")
    ],
    out: Annotated[str, typer.Argument(help="output folder of the Parquet dataset (must not exist)")],
    engine: Annotated[Engine, typer.Option(help="local (processes on this machine) or spark")] = Engine.local,
    jobs: Annotated[int, typer.Option(min=1, max=64, help="local engine: worker processes")] = 1,
    master: Annotated[str | None, typer.Option(help="spark engine: master URL (default: spark-submit's)")] = None,
    partitions: Annotated[int | None, typer.Option(min=1, help="spark engine: analysis partitions")] = None,
    published: PublishedOption = None,
    time_limit: TimeLimitOption = DEFAULT_TIME_LIMIT,
    memory_limit: MemoryLimitOption = DEFAULT_MEMORY_LIMIT_MB,
    model: ModelOption = None,
    kb: KBOption = None,
) -> None:
    """Analyse articles into a Parquet dataset: one table per record type, partitioned by publication month."""
    from newsgraph.batch.output import OutputExists
    from newsgraph.ingest.dates import normalise_published

    try:
        published = normalise_published(published)
    except ValueError as exc:
        _fail(str(exc))
    settings = analysis_settings(model, kb)
    per_article = limits(time_limit, memory_limit)
    try:
        if engine is Engine.spark:
            from newsgraph.batch.spark import SparkUnavailable, run_spark

            try:
                report = run_spark(
                    inputs,
                    out,
                    master=master,
                    partitions=partitions,
                    settings=settings,
                    limits=per_article,
                    published=published,
                )
            except SparkUnavailable as exc:
                _fail(str(exc))
        else:
            from newsgraph.batch.local import run_local

            report = run_local(inputs, out, jobs=jobs, settings=settings, limits=per_article, published=published)
    except OutputExists as exc:
        _fail(str(exc))
    for problem in report.problems:
        sys.stderr.write(f"newsgraph: problem {problem}".replace("\n", " ") + "\n")
    sys.stderr.write(
        f"newsgraph batch: analysed {report.analysed}, near-duplicates {report.duplicates}, "
        f"problems {report.problem_count} -> {out}\n"
    )
    if report.problem_count:
        raise typer.Exit(1)


def load(
    dataset: Annotated[Path, typer.Argument(help="a newsgraph batch output folder")],
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option("--batch", min=1, max=10_000, help="articles per transaction")] = 50,
    kb: Annotated[
        list[Path] | None, typer.Option("--kb", help="extra knowledge-base file the batch used (JSON, repeatable)")
    ] = None,
) -> None:
    """Store a batch dataset: already stored articles are skipped, near-duplicates linked (as ingest does)."""
    from newsgraph.batch.load import NotADataset, check_dataset, read_analyses

    try:
        check_dataset(dataset)
    except NotADataset as exc:
        _fail(str(exc))
    settings = analysis_settings(None, kb)  # the KB names stored as actor aliases
    report = _open(db).ingest(read_analyses(dataset), batch_size=batch_size, settings=settings)
    for problem in report.failed:
        sys.stderr.write(f"newsgraph: failed {problem}".replace("\n", " ") + "\n")
    sys.stderr.write(
        f"newsgraph load: read {report.read}, new {report.new}, already stored {report.already_stored}, "
        f"near-duplicates {report.duplicates}, failed {len(report.failed)}\n"
    )
    if not report.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``batch`` and ``load`` to the CLI."""
    app.command()(batch)
    app.command()(load)
