"""Printing meetings: a Rich table (article text inert), the ``newsgraph.meetings/1`` JSON, JSON Lines, CSV."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from typing import TextIO

from rich.console import Console
from rich.table import Table

from newsgraph.meetings.read import document
from newsgraph.store.output import WIDTH_NOT_A_TERMINAL, cell
from newsgraph.store.records import MeetingRecord

CSV_COLUMNS = (
    "id", "label", "kind", "participants", "mediators", "people", "place", "start", "end", "round", "level",
    "process", "status",
)  # fmt: skip


def history(record: MeetingRecord) -> str:
    """The statuses its articles gave it, in publication order, repeats folded: "proposed → planned → occurred"."""
    statuses: list[str] = []
    for mention in record.mentions:
        if not statuses or statuses[-1] != mention.status:
            statuses.append(mention.status)
    return " → ".join(statuses)


def print_meetings(records: list[MeetingRecord], fmt: str, out: TextIO | None = None) -> None:
    """Write ``records`` in ``fmt`` (table, json, jsonl, csv) to ``out`` (standard output)."""
    out = out or sys.stdout
    if fmt == "json":
        out.write(json.dumps(document(records), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        out.writelines(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in records)
    elif fmt == "csv":
        writer = csv.writer(out)
        writer.writerow((*CSV_COLUMNS, "mentions", "history"))
        for r in records:
            values = ["; ".join(v) if isinstance(v, list) else v for v in (getattr(r, c) for c in CSV_COLUMNS)]
            writer.writerow((*values, len(r.mentions), history(r)))
    else:
        table = Table(title=f"Meetings ({len(records)})", title_justify="left")
        for name in ("day", "meeting", "status", "history", "people", "articles"):
            table.add_column(name, overflow="fold")
        for r in records:
            first = r.mentions[0].published if r.mentions else None
            table.add_row(
                cell(r.start or first),
                cell(r.label, 60),
                cell(r.status),
                cell(history(r)),
                cell(r.people),
                cell(len(r.mentions)),
            )
        Console(highlight=False, width=None if out.isatty() else WIDTH_NOT_A_TERMINAL, file=out).print(table)
