"""Streaming a query's records to Parquet (pyarrow), CSV or JSON Lines, chunk by chunk.

CSV is for spreadsheets: a list (an event's sources, an actor's aliases) is one cell, its items joined by
``"; "``. Parquet keeps types: lists are list columns, dates (``published``, ``day``) are dates and
``ingested_at`` a UTC timestamp. JSON Lines writes the records as they are.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = ("parquet", "csv", "jsonl")
ARROW_TYPES = {
    "str": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "list[str]": pa.list_(pa.string()),
}
LIST_SEPARATOR = "; "  # between the items of a list in one CSV cell
DATE_FIELDS = frozenset({"published", "day"})  # YYYY-MM-DD strings in the records, dates in Parquet
TIMESTAMP_FIELDS = frozenset({"ingested_at"})  # ISO timestamps in the records, UTC timestamps in Parquet
TIMESTAMP = pa.timestamp("us", tz="UTC")


def arrow_schema(record_type: type) -> pa.Schema:
    """The Arrow schema of a record dataclass (field annotations such as ``str | None``; dates as dates)."""
    return pa.schema(
        [pa.field(f.name, _arrow_type(f.name, str(f.type).removesuffix(" | None"))) for f in fields(record_type)]
    )


def _arrow_type(name: str, annotation: str) -> pa.DataType:
    if name in DATE_FIELDS:
        return pa.date32()
    if name in TIMESTAMP_FIELDS:
        return TIMESTAMP
    return ARROW_TYPES[annotation]


def typed(record: Any) -> dict[str, Any]:
    """A record as one Parquet row: date and timestamp strings parsed."""
    row = asdict(record)
    for name in DATE_FIELDS & row.keys():
        row[name] = date.fromisoformat(row[name]) if row[name] else None
    for name in TIMESTAMP_FIELDS & row.keys():
        row[name] = datetime.fromisoformat(row[name]) if row[name] else None
    return row


def flat(record: Any) -> dict[str, Any]:
    """A record as one CSV row: a list becomes one cell, its items joined by ``"; "``."""
    return {k: LIST_SEPARATOR.join(map(str, v)) if isinstance(v, list) else v for k, v in asdict(record).items()}


def write_csv(handle: IO[str], record_type: type, chunks: Iterable[list]) -> int:
    """Records as CSV with a header row; returns the row count."""
    writer = csv.DictWriter(handle, fieldnames=[f.name for f in fields(record_type)])
    writer.writeheader()
    count = 0
    for chunk in chunks:
        writer.writerows(flat(r) for r in chunk)
        count += len(chunk)
    return count


def write_jsonl(handle: IO[str], chunks: Iterable[list]) -> int:
    """Records as JSON Lines; returns the row count."""
    count = 0
    for chunk in chunks:
        handle.writelines(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in chunk)
        count += len(chunk)
    return count


def write_parquet(path: Path, record_type: type, chunks: Iterable[list]) -> int:
    """Records as a Parquet file, one row group per chunk; returns the row count."""
    schema = arrow_schema(record_type)
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        for chunk in chunks:
            writer.write_table(pa.Table.from_pylist([typed(r) for r in chunk], schema=schema))
            count += len(chunk)
    return count


def export(out: Path, fmt: str, record_type: type, chunks: Iterator[list]) -> int:
    """Write all chunks to ``out`` in ``fmt``; the file appears only when complete. Returns the row count."""
    partial = out.with_name(out.name + ".part")
    try:
        if fmt == "parquet":
            count = write_parquet(partial, record_type, chunks)
        else:
            with partial.open("w", encoding="utf-8", newline="") as handle:
                count = write_csv(handle, record_type, chunks) if fmt == "csv" else write_jsonl(handle, chunks)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return count
