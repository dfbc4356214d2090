"""The corpus commands: ``ingest``, ``query quotes|events|actors|articles``, ``export`` (see ``register``)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn

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
from newsgraph.store import DEFAULT_LIMIT, MAX_LIMIT

BATCH_ARTICLES = 50  # the default of newsgraph.corpus, without importing spaCy for --help

err = Console(stderr=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLite path or URL (default ./newsgraph.db) or postgresql://…")
]
LimitOption = Annotated[int, typer.Option(min=1, max=MAX_LIMIT, help="at most this many rows")]
OffsetOption = Annotated[int, typer.Option(min=0, help="skip this many rows first")]
SinceOption = Annotated[str | None, typer.Option(help="from this date on, YYYY-MM-DD")]
UntilOption = Annotated[str | None, typer.Option(help="up to this date, YYYY-MM-DD")]


class QueryFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class Table(StrEnum):
    quotes = "quotes"
    events = "events"
    actors = "actors"
    articles = "articles"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


FormatOption = Annotated[QueryFormat, typer.Option("--format", help="table, json, jsonl or csv")]


def _fail(message: str, code: int = 2) -> NoReturn:
    err.print(f"[red]newsgraph:[/red] {message}", highlight=False, markup=True)
    raise typer.Exit(code)


def _open(db: str | None):
    from sqlalchemy.exc import OperationalError

    from newsgraph.api import Corpus
    from newsgraph.store.engine import StoreError

    try:
        return Corpus(db)
    except StoreError as exc:
        _fail(str(exc))
    except OperationalError as exc:
        _fail(f"cannot open the database {db}: {exc.orig}", 1)


def ingest(
    sources: Annotated[
        list[str], typer.Argument(help="files, directories, globs, URLs, feeds, WARC files or - for stdin")
    ],
    db: DbOption = None,
    jobs: Annotated[int, typer.Option(min=1, max=64, help="worker processes for analysis")] = 1,
    published: PublishedOption = None,
    reanalyze_duplicates: Annotated[
        bool, typer.Option("--reanalyze-duplicates", help="analyse near-duplicates too")
    ] = False,
    batch: Annotated[int, typer.Option(min=1, max=10_000, help="articles per transaction")] = BATCH_ARTICLES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="no progress bar")] = False,
    time_limit: TimeLimitOption = DEFAULT_TIME_LIMIT,
    memory_limit: MemoryLimitOption = DEFAULT_MEMORY_LIMIT_MB,
    model: ModelOption = None,
    kb: KBOption = None,
) -> None:
    """Read, analyse and store articles; what is already stored is skipped, near-duplicates are linked."""
    from newsgraph.ingest.dates import normalise_published
    from newsgraph.ingest.sources import iter_sources
    from newsgraph.kb.loader import KBError
    from newsgraph.nlp import ModelNotInstalled

    try:
        published = normalise_published(published)
    except ValueError as exc:
        _fail(str(exc))
    corpus = _open(db)
    settings = analysis_settings(model, kb)
    per_article = limits(time_limit, memory_limit)
    columns = (
        SpinnerColumn(),
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, disable=quiet or not sys.stderr.isatty(), transient=True) as bar:
        task = bar.add_task("ingest", total=None, rate="")

        def progress(done: int, total: int | None) -> None:
            speed = bar.tasks[0].speed
            bar.update(task, completed=done, total=total, rate=f"{speed:.1f} articles/s" if speed else "")

        try:
            report = corpus.ingest(
                iter_sources(sources, published),
                jobs=jobs,
                settings=settings,
                reanalyze_duplicates=reanalyze_duplicates,
                batch_size=batch,
                progress=progress,
                limits=per_article,
            )
        except (ModelNotInstalled, KBError) as exc:
            _fail(str(exc))
    for problem in report.skipped:
        sys.stderr.write(f"newsgraph: skipped {problem}".replace("\n", " ") + "\n")
    for problem in report.failed:
        sys.stderr.write(f"newsgraph: failed {problem}".replace("\n", " ") + "\n")
    summary = (
        f"newsgraph ingest: read {report.read}, new {report.new}, already stored {report.already_stored}, "
        f"near-duplicates {report.duplicates}, skipped {len(report.skipped)}, failed {len(report.failed)}"
    )
    if report.read and not report.new and not report.duplicates:
        summary += " (nothing new was added)"
    sys.stderr.write(summary + f" -> {corpus.engine.url.render_as_string(hide_password=True)}\n")
    corpus.close()
    if not report.ok:
        raise typer.Exit(1)


query_app = typer.Typer(no_args_is_help=True, help="Query the corpus: quotes, events, actors, articles.")


def _query(db: str | None, kind: str, fmt: QueryFormat, limit: int, offset: int, **filters: str | None) -> None:
    from newsgraph.store import queries
    from newsgraph.store.output import print_results

    corpus = _open(db)
    try:
        with corpus.engine.connect() as conn:
            results = queries.run(conn, kind, limit=limit, offset=offset, **filters)
    except queries.QueryError as exc:
        _fail(str(exc))
    finally:
        corpus.close()
    print_results(results, fmt.value, kind.capitalize())


@query_app.command("quotes")
def query_quotes(
    speaker: Annotated[str | None, typer.Option(help="who said it (name or alias)")] = None,
    about: Annotated[str | None, typer.Option(help="an actor named inside the quote, or addressed by it")] = None,
    search: Annotated[str | None, typer.Option(help='full text of the quote ("phrases" in quotes)')] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    offset: OffsetOption = 0,
    output: FormatOption = QueryFormat.table,
    db: DbOption = None,
) -> None:
    """Quotes, newest first."""
    _query(db, "quotes", output, limit, offset, speaker=speaker, about=about, search=search, since=since, until=until)


@query_app.command("events")
def query_events(
    actor: Annotated[str | None, typer.Option(help="actor on either side (name, alias or ISO3 country code)")] = None,
    source: Annotated[str | None, typer.Option(help="actor on the source side")] = None,
    target: Annotated[str | None, typer.Option(help="actor on the target side")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT")] = None,
    status: Annotated[
        str | None, typer.Option(help="occurred, ongoing, planned, proposed, hypothetical, negated")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    offset: OffsetOption = 0,
    output: FormatOption = QueryFormat.table,
    db: DbOption = None,
) -> None:
    """Events, newest first (by the event's date, else the article's)."""
    _query(
        db,
        "events",
        output,
        limit,
        offset,
        actor=actor,
        source=source,
        target=target,
        type=event_type,
        status=status,
        since=since,
        until=until,
    )


@query_app.command("actors")
def query_actors(
    search: Annotated[str | None, typer.Option(help="name, alias or ISO3 country code")] = None,
    limit: LimitOption = DEFAULT_LIMIT,
    offset: OffsetOption = 0,
    output: FormatOption = QueryFormat.table,
    db: DbOption = None,
) -> None:
    """Actors across the corpus, most mentioned first, with counts of articles, mentions, quotes, events."""
    _query(db, "actors", output, limit, offset, search=search)


@query_app.command("articles")
def query_articles(
    search: Annotated[str | None, typer.Option(help='full text of title and body ("phrases" in quotes)')] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = DEFAULT_LIMIT,
    offset: OffsetOption = 0,
    output: FormatOption = QueryFormat.table,
    db: DbOption = None,
) -> None:
    """Articles, newest first."""
    _query(db, "articles", output, limit, offset, search=search, since=since, until=until)


def export(
    out: Annotated[Path, typer.Argument(help="output file")],
    table: Annotated[Table, typer.Option("--table", help="quotes, events, actors or articles")],
    fmt: Annotated[ExportFormat, typer.Option("--format", help="parquet, csv or jsonl")] = ExportFormat.parquet,
    db: DbOption = None,
) -> None:
    """Export a whole table (as the query records) to Parquet, CSV or JSON Lines, streaming."""
    corpus = _open(db)
    try:
        count = corpus.export(table.value, out, fmt.value)
    except OSError as exc:
        _fail(f"{out}: {exc.strerror or exc}", 1)
    finally:
        corpus.close()
    sys.stderr.write(f"newsgraph export: {count} {table.value} -> {out}\n")


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the ``newsgraph`` app."""
    app.command("ingest")(ingest)
    app.add_typer(query_app, name="query")
    app.command("export")(export)
