"""Readable terminal output (Rich tables) for analyses and evaluation reports."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.evaluate import LAYERS, Report
from newsgraph.model import Analysis

MAX_CELL = 160


def _short(text: str | None, limit: int = MAX_CELL) -> Text:
    """Article text as inert Rich text (never parsed as markup), shortened."""
    value = (text or "").replace("\n", " ")
    return Text(value if len(value) <= limit else value[: limit - 1] + "…")


def print_analysis_table(console: Console, analysis: Analysis) -> None:
    """Actors, quotes, events and times of one analysis as tables."""
    article = analysis.article
    heading = Text(article.title or article.id, style="bold")
    heading.append(f"  ({article.published or 'no date'}, id {article.id})", style="dim")
    console.print(heading)

    actors = Table(title="Actors", show_lines=False, title_justify="left")
    for column in ("id", "name", "kind", "country", "roles", "mentions"):
        actors.add_column(column)
    for actor in analysis.actors:
        actors.add_row(actor.id, _short(actor.name), actor.kind, actor.country or "",
                       _short("; ".join(actor.roles), 60), str(len(actor.mentions)))
    console.print(actors)

    quotes = Table(title="Quotes", title_justify="left")
    for column in ("speaker", "kind", "cue", "text"):
        quotes.add_column(column)
    for quote in analysis.quotes:
        quotes.add_row(_short(quote.speaker_name or "?"), quote.kind, _short(quote.cue or ""), _short(quote.text))
    console.print(quotes)

    if analysis.events:
        names = {a.id: a.name for a in analysis.actors}
        events = Table(title="Events", title_justify="left")
        for column in ("type", "status", "source", "target", "when", "where", "evidence"):
            events.add_column(column)
        for event in analysis.events:
            events.add_row(event.type, event.status, _short(", ".join(names.get(i, i) for i in event.source)),
                           _short(", ".join(names.get(i, i) for i in event.target)),
                           event.when.value if event.when else "", _short(event.where.text if event.where else ""),
                           _short(event.evidence.text, 80))
        console.print(events)

    times = Table(title="Times", title_justify="left")
    times.add_column("text")
    times.add_column("value")
    for time in analysis.times:
        times.add_row(_short(time.text), time.value)
    console.print(times)
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
        per_file.add_row(report.name, *(f"{report.scores[layer].f1:.2f}" for layer in LAYERS),
                         "" if accuracy is None else f"{accuracy:.2f}")
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
