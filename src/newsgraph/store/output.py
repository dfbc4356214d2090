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
    QuoteRecord: [("published", lambda r: r.published), ("speaker", lambda r: r.speaker), ("kind", lambda r: r.kind),
                  ("quote", lambda r: r.text), ("article", lambda r: r.title or r.article_id)],
    EventRecord: [("day", lambda r: r.day), ("type", lambda r: r.type), ("status", lambda r: r.status),
                  ("source", lambda r: r.source), ("target", lambda r: r.target), ("where", lambda r: r.where_text),
                  ("evidence", lambda r: r.evidence_text)],
    ActorRecord: [("name", lambda r: r.name), ("kind", lambda r: r.kind), ("country", lambda r: r.country),
                  ("articles", lambda r: r.articles), ("mentions", lambda r: r.mentions),
                  ("quotes", lambda r: r.quotes), ("events", lambda r: r.events), ("aliases", lambda r: r.aliases[:4])],
    ArticleRecord: [("published", lambda r: r.published), ("id", lambda r: r.id), ("title", lambda r: r.title),
                    ("source", lambda r: r.source), ("duplicate of", lambda r: r.duplicate_of),
                    ("text", lambda r: r.text)],
}


def print_results(results: Results, fmt: str, title: str) -> None:
    """Write ``results`` to standard output in ``fmt`` (table, json, jsonl, csv)."""
    if fmt == "json":
        sys.stdout.write(json.dumps(results.to_dicts(), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        sys.stdout.writelines(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in results)
    elif fmt == "csv":
        write_csv(sys.stdout, results.record_type, [results])
    else:
        table = Table(title=f"{title} ({len(results)})", title_justify="left")
        columns = COLUMNS[results.record_type]
        for name, _ in columns:
            table.add_column(name)
        for record in results:
            table.add_row(*(cell(get(record), 60 if name in ("article", "title", "aliases") else 120)
                            for name, get in columns))
        Console(highlight=False, width=None if sys.stdout.isatty() else WIDTH_NOT_A_TERMINAL).print(table)
