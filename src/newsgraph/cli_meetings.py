"""The ``newsgraph meetings`` command: meetings followed across articles, or ``--rebuild`` to link them again."""

from __future__ import annotations

from typing import Annotated

import typer

from newsgraph.cli_corpus import DbOption, FormatOption, QueryFormat, SinceOption, UntilOption, _fail, _open, err


def meetings(
    actor: Annotated[str | None, typer.Option(help="a participant: country code (RUS, UN) or actor name")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    status: Annotated[
        str | None,
        typer.Option(help="latest status: proposed, planned, ongoing, occurred, cancelled, rejected, hypothetical"),
    ] = None,
    output: FormatOption = QueryFormat.table,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="link every stored mention again first")] = False,
    db: DbOption = None,
) -> None:
    """Meetings (talks, summits, calls) followed across articles: --format json prints newsgraph.meetings/1."""
    from newsgraph.meetings.output import print_meetings
    from newsgraph.meetings.read import every_meeting
    from newsgraph.store.queries import QueryError

    corpus = _open(db)
    try:
        if rebuild:
            err.print(f"newsgraph: {corpus.rebuild_meetings()} meetings linked again", highlight=False)
        with corpus.engine.connect() as conn:
            records = list(every_meeting(conn, actor=actor, since=since, until=until, status=status))
    except QueryError as exc:
        _fail(str(exc))
    finally:
        corpus.close()
    print_meetings(records, output.value)


def register(app: typer.Typer) -> None:
    """Add ``meetings`` to the ``newsgraph`` command line."""
    app.command("meetings")(meetings)
