"""The tables of a batch dataset (``newsgraph batch``): their names and Arrow schemas.

A batch holds one analysis per article, before any store decides global actor identities, so its
tables are the store's per-article tables (``store/schema.py``) with the same column names and types,
where an actor is named by its local id (``A1``) as in ``newsgraph.analysis/1``; lists are list
columns and dates (``published``, ``day``) are dates (``store/export.py``). Every record table has
the partition column ``month`` (``YYYY-MM`` of the article's publication date, ``none`` without one).
"""

from __future__ import annotations

import pyarrow as pa
from sqlalchemy import Boolean, Column, Float, Integer, LargeBinary, Table

from newsgraph.store import schema
from newsgraph.store.export import DATE_FIELDS

PARTITION = "month"
NO_MONTH = "none"  # the partition of articles without a publication date
STRINGS = pa.list_(pa.string())


def _store(table: Table, *names: str) -> list[pa.Field]:
    """The store's columns ``names`` of ``table`` as Arrow fields (same names, same types)."""
    return [pa.field(name, _arrow_type(table.c[name])) for name in names]


def _arrow_type(column: Column) -> pa.DataType:
    if column.name in DATE_FIELDS:
        return pa.date32()
    kind = column.type
    if isinstance(kind, Boolean):
        return pa.bool_()
    if isinstance(kind, Integer):
        return pa.int64()
    if isinstance(kind, Float):
        return pa.float64()
    if isinstance(kind, LargeBinary):
        return pa.binary()
    return pa.string()


_SPAN = ("start", "end", "text")

# Batch-only columns: where the article came from (input path, record position: the input order that
# near-duplicate detection and ``newsgraph load`` follow), and an actor's local references.
_INPUT = [pa.field("input", pa.string()), pa.field("position", pa.int64())]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        _store(schema.articles, "id", "title", "source", "url", "published", "language", "text", "signature") + _INPUT
    ),
    "actors": pa.schema(
        _store(schema.article_actors, "article_id", "local_id", "name")
        + _store(schema.actors, "kind", "kb_id", "country", "sector")
        + [pa.field("roles", STRINGS)]
    ),
    "mentions": pa.schema(_store(schema.mentions, "article_id", "local_id", "seq", *_SPAN)),
    "quotes": pa.schema(
        _store(schema.quotes, "article_id", "local_id")
        + [pa.field("speaker", pa.string())]
        + _store(schema.quotes, "speaker_name", "kind", "cue")
        + [pa.field("addressee", pa.string())]
        + _store(schema.quotes, *_SPAN, "published")
        + [pa.field("speakers", STRINGS)]
    ),
    "events": pa.schema(
        _store(schema.events, "article_id", "local_id", "type", "mode", "status")
        + [pa.field("source", STRINGS), pa.field("target", STRINGS)]
        + _store(
            schema.events,
            *("when_text", "when_value", "when_assumed", "where_text", "where_country", "trigger"),
            *("evidence_start", "evidence_end", "evidence_text", "cameo", "goldstein", "published", "day"),
        )
    ),
    "event_mentions": pa.schema(_store(schema.event_mentions, "article_id", "event_id", "seq", *_SPAN)),
    "times": pa.schema(_store(schema.times, "article_id", "seq", *_SPAN, "value")),
    "duplicates": pa.schema(_store(schema.articles, "id", "duplicate_of") + [pa.field("similarity", pa.float64())]),
}
RECORD_TABLES = tuple(SCHEMAS)  # partitioned by month
PROBLEMS = "problems"  # not partitioned: a read problem has no article, so no month
PROBLEM_SCHEMA = pa.schema(
    [pa.field("article_id", pa.string()), pa.field("source", pa.string()), pa.field("reason", pa.string())]
)


def month_of(published: str | None) -> str:
    """The partition of an article published on ``published`` (YYYY-MM-DD, or None)."""
    return published[:7] if published else NO_MONTH


def with_month(table: str) -> pa.Schema:
    """A record table's schema with its partition column, as the engines produce it before writing."""
    return SCHEMAS[table].append(pa.field(PARTITION, pa.string()))
