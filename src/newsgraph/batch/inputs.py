"""Reading one batch input (a file's name and bytes) into articles, the same way in both engines.

Parquet files have the columns of an article record (``text``; optional ``id``, ``title``,
``published``, ``url``, ``source``); every other kind (JSONL, WARC, ``.gz``) is read by ``ingest``'s
reader for it, with the same checks (length, language) as ``newsgraph ingest``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.ingest.files import RECORD_FIELDS, article_from_record, unfit_reason
from newsgraph.ingest.sources import READ_ERRORS, expand, read_stream
from newsgraph.model import Article
from newsgraph.problems import Problem

PARQUET_SUFFIX = ".parquet"
PARQUET_BATCH_ROWS = 256
RECORD_COLUMNS = ("text", *RECORD_FIELDS)

Item = tuple[int, Article | Problem]  # position in the input, and what was read there


def read_input(where: str, stream: BinaryIO, published: str | None = None) -> Iterator[Item]:
    """Every article (or problem) of one input, numbered in input order."""
    items = (
        _parquet(stream, where, published)
        if where.lower().endswith(PARQUET_SUFFIX)
        else _other(stream, where, published)
    )
    for position, item in enumerate(items):
        reason = unfit_reason(item) if isinstance(item, Article) else None
        yield position, (item if reason is None else Problem(f"{where}[{position}]", reason))


def _other(stream: BinaryIO, where: str, published: str | None) -> Iterator[Article | Problem]:
    return read_stream(where, PurePosixPath(where).name, stream, published)


def _parquet(stream: BinaryIO, where: str, published: str | None) -> Iterator[Article | Problem]:
    try:
        table = pq.ParquetFile(stream)
        columns = [name for name in RECORD_COLUMNS if name in table.schema_arrow.names]
        if "text" not in columns:
            yield Problem(where, "a Parquet input needs a 'text' column")
            return
        row = 0
        for batch in table.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=columns):
            for record in batch.to_pylist():
                yield _record(record, published, f"{where}[{row}]")
                row += 1
    except (pa.ArrowException, *READ_ERRORS) as exc:
        yield Problem(where, f"not a readable Parquet file ({exc})")


def _record(record: dict, published: str | None, where: str) -> Article | Problem:
    if isinstance(record.get("published"), date | datetime):
        record["published"] = record["published"].isoformat()
    try:
        return article_from_record(record, published)
    except ValueError as exc:
        return Problem(where, str(exc))


def input_files(sources: list[str]) -> tuple[list[str], list[Problem]]:
    """The local files that ``sources`` (files, directories, globs) name, in path order, and those not found."""
    found: set[str] = set()
    missing: list[Problem] = []
    for source in sources:
        for path in expand(source):
            if isinstance(path, Problem):
                missing.append(path)
            else:
                found.add(str(path))
    return sorted(found), missing
