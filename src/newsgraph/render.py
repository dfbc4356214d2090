"""Readable terminal output (Rich tables) for analyses and evaluation reports."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.evaluate import LAYERS, Report
from newsgraph.model import Analysis

WIDTH_NOT_A_TERMINAL = 160  # when output goes to a file or a pipe (Rich would use 80 columns)


def _inert(text: str | None) -> Text:
    """Article text as inert Rich text (never parsed as markup), on one line, whole: the table wraps it."""
    return Text((text or "").replace("\n", " "))


def _table(title: str, *columns: str) -> Table:
    """A table whose cells wrap, folding words too long for their column (never cut with an ellipsis)."""
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _print(console: Console, table: Table) -> None:
    """The terminal's width on a terminal; a wide page when piped or redirected."""
    if console.is_terminal:
        console.print(table)
        return
    width = console.width
    console.width = max(width, WIDTH_NOT_A_TERMINAL)
    try:
        console.print(table)
    finally:
        console.width = width


def print_analysis_table(console: Console, analysis: Analysis) -> None:
    """Actors, quotes, events and times of one analysis as tables."""
    article = analysis.article
    heading = Text(article.title or article.id, style="bold")
    heading.append(f"  ({article.published or 'no date'}, id {article.id})", style="dim")
    console.print(heading)

    actors = _table("Actors", "id", "name", "kind", "country", "roles", "mentions")
    for actor in analysis.actors:
        actors.add_row(
            actor.id,
            _inert(actor.name),
            actor.kind,
            actor.country or "",
            _inert("; ".join(actor.roles)),
            str(len(actor.mentions)),
        )
    _print(console, actors)

    quotes = _table("Quotes", "speaker", "kind", "cue", "text")
    for quote in analysis.quotes:
        quotes.add_row(_inert(quote.speaker_name or "?"), quote.kind, _inert(quote.cue), _inert(quote.text))
    _print(console, quotes)

    if analysis.events:
        names = {a.id: a.name for a in analysis.actors}
        events = _table("Events", "type", "status", "source", "target", "when", "where", "evidence")
        for event in analysis.events:
            events.add_row(
                event.type,
                event.status,
                _inert(", ".join(names.get(i, i) for i in event.source)),
                _inert(", ".join(names.get(i, i) for i in event.target)),
                event.when.value if event.when else "",
                _inert(event.where.text if event.where else ""),
                _inert(event.evidence.text),
            )
        _print(console, events)

    times = _table("Times", "text", "value")
    for time in analysis.times:
        times.add_row(_inert(time.text), time.value)
    _print(console, times)
    console.print()


def print_eval_table(console: Console, reports: list[Report], total: Report) -> None:
    """F1 per file and layer, then precision, recall and F1 of the total per layer."""
    per_file = Table(title="F1 per file", title_justify="left")
    per_file.add_column("file", overflow="fold")
    for layer in LAYERS:
        per_file.add_column(layer, justify="right")
    per_file.add_column("status acc", justify="right")
    for report in reports:
        accuracy = report.status_accuracy
        per_file.add_row(
            report.name,
            *(f"{report.scores[layer].f1:.2f}" for layer in LAYERS),
            "" if accuracy is None else f"{accuracy:.2f}",
        )
    console.print(per_file)
    totals = Table(title=f"Total over {len(reports)} file(s)", title_justify="left")
    for column in ("layer", "tp", "fp", "fn", "precision", "recall", "F1"):
        totals.add_column(column, justify="right" if column != "layer" else "left")
    for layer in LAYERS:
        s = total.scores[layer]
        totals.add_row(layer, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")
    accuracy = total.status_accuracy
    totals.add_row("event status accuracy", "", "", "", "", "", "n/a" if accuracy is None else f"{accuracy:.3f}")
    console.print(totals)
