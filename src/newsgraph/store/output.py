"""Printing query results: Rich tables (article text always inert), JSON, JSON Lines, CSV."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.store import MAX_LIMIT
from newsgraph.store.export import write_csv
from newsgraph.store.records import ActorRecord, ArticleRecord, EventRecord, QuoteRecord, Results

WIDTH_NOT_A_TERMINAL = 160  # Rich would use 80 columns


def cell(value: Any, limit: int = 120) -> Text:
    """Any value as inert text (never Rich markup), on one line, shortened."""
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    text = "" if value is None else str(value).replace("\n", " ")
    return Text(text if len(text) <= limit else text[: limit - 1] + "…")


COLUMNS: dict[type, list[tuple[str, Callable[[Any], Any]]]] = {
    QuoteRecord: [
        ("published", lambda r: r.published),
        ("speaker", lambda r: r.speaker),
        ("kind", lambda r: r.kind),
        ("quote", lambda r: r.text),
        ("article", lambda r: r.title or r.article_id),
    ],
    EventRecord: [
        ("day", lambda r: r.day),
        ("type", lambda r: r.type),
        ("status", lambda r: r.status),
        ("source", lambda r: r.source),
        ("target", lambda r: r.target),
        ("where", lambda r: r.where_text),
        ("evidence", lambda r: r.evidence_text),
    ],
    ActorRecord: [
        ("name", lambda r: r.name),
        ("kind", lambda r: r.kind),
        ("country", lambda r: r.country),
        ("sector", lambda r: r.sector),
        ("articles", lambda r: r.articles),
        ("mentions", lambda r: r.mentions),
        ("quotes", lambda r: r.quotes),
        ("events", lambda r: r.events),
        ("spellings", lambda r: r.spellings[:4]),
        ("aliases", lambda r: r.aliases[:4]),
    ],
    ArticleRecord: [
        ("published", lambda r: r.published),
        ("id", lambda r: r.id),
        ("title", lambda r: r.title),
        ("source", lambda r: r.source),
        ("duplicate of", lambda r: r.duplicate_of),
        ("text", lambda r: r.text),
    ],
}


def page_note(results: Results, kind: str) -> str | None:
    """ "100 of 128 events (1-100); the rest: --offset 100" when more rows match than this page shows."""
    if results.total is None or not (results.more or results.offset):
        return None
    shown = f"{results.offset + 1}-{results.offset + len(results)}" if results else "none"
    note = f"{len(results)} of {results.total} {kind} ({shown})"
    if results.more:
        note += f"; the rest: --offset {results.offset + len(results)} (and --limit, at most {MAX_LIMIT})"
    return note


def table_title(results: Results, title: str) -> str:
    """ "Events (100 of 128)", or "Events (12)" when this page holds them all."""
    if results.total is not None and results.total != len(results):
        return f"{title} ({len(results)} of {results.total})"
    return f"{title} ({len(results)})"


def print_results(results: Results, fmt: str, title: str) -> None:
    """Write ``results`` to standard output in ``fmt`` (table, json, jsonl, csv); when the page does not hold
    every matching row, say so (under the table, or on standard error for the other formats)."""
    note = page_note(results, title.lower())
    if fmt == "json":
        sys.stdout.write(json.dumps(results.to_dicts(), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        sys.stdout.writelines(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in results)
    elif fmt == "csv":
        write_csv(sys.stdout, results.record_type, [results])
    else:
        console = Console(highlight=False, width=None if sys.stdout.isatty() else WIDTH_NOT_A_TERMINAL)
        console.print(results_table(results, title))
        if note:
            console.print(Text(note, style="dim"))
        return
    if note:
        sys.stderr.write(f"newsgraph: {note}\n")


def results_table(results: Results, title: str) -> Table:
    """The records as a Rich table; long cells wrap (fold), never run off the edge."""
    table = Table(title=table_title(results, title), title_justify="left")
    columns = COLUMNS[results.record_type]
    for name, _ in columns:
        table.add_column(name, overflow="fold")
    for record in results:
        table.add_row(
            *(
                cell(get(record), 60 if name in ("article", "title", "aliases", "spellings") else 120)
                for name, get in columns
            )
        )
    return table
