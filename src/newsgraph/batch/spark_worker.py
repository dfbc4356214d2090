"""What Spark's Python workers run (imports no pyspark): reading an input file, analysing a partition's
articles, and flattening analyses into the rows of one table.

The loaded pipeline is cached in this module, so a reused Python worker (``spark.python.worker.reuse``)
loads it once for all the partitions it analyses.
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Iterator
from typing import Any

import pyarrow as pa

from newsgraph.analyze import Limits, Pipeline, Settings
from newsgraph.batch.inputs import read_input
from newsgraph.batch.records import Origin, analysis_rows
from newsgraph.batch.tables import NO_MONTH, PARTITION, month_of, with_month
from newsgraph.ingest.dedup import NearDuplicateIndex
from newsgraph.model import Analysis, Article
from newsgraph.problems import Problem

ARTICLE_FIELDS = ("id", "text", "title", "source", "url", "published", "language")
# One row per input item: an article (its fields) or a problem (source, reason).
READ_SCHEMA = pa.schema(
    [pa.field("input", pa.string()), pa.field("position", pa.int64())]
    + [pa.field(name, pa.string()) for name in ARTICLE_FIELDS]
    + [pa.field("problem_source", pa.string()), pa.field("reason", pa.string())]
)
# One row per input item: an article's analysis (pickled, read back only by ``flatten`` in the same job), or why
# there is none (the article's analysis failed, or the item was not read).
ANALYSED_SCHEMA = pa.schema(
    [
        pa.field("input", pa.string()),
        pa.field("position", pa.int64()),
        pa.field("id", pa.string()),
        pa.field(PARTITION, pa.string()),
        pa.field("signature", pa.binary()),
        pa.field("analysis", pa.binary()),
        pa.field("problem_source", pa.string()),
        pa.field("reason", pa.string()),
    ]
)

_pipeline: Pipeline | None = None


def pipeline(settings: Settings) -> Pipeline:
    """This worker's pipeline, loaded on first use."""
    global _pipeline
    if _pipeline is None or _pipeline.settings != settings:
        _pipeline = Pipeline(settings)
    return _pipeline


def read_file(item: tuple[str, bytes], published: str | None) -> Iterator[tuple]:
    """The rows (``READ_SCHEMA``) of one input file, given as (path, content) by ``binaryFiles``."""
    path, data = item
    path = path.removeprefix("file:")  # a local file is named as the local engine names it
    for position, read in read_input(path, io.BytesIO(data), published):
        if isinstance(read, Problem):
            yield (path, position, *([None] * len(ARTICLE_FIELDS)), read.source, read.reason)
        else:
            yield (path, position, *(getattr(read, name) for name in ARTICLE_FIELDS), None, None)


def analyse(batches: Iterator[pa.RecordBatch], settings: Settings, limits: Limits) -> Iterator[pa.RecordBatch]:
    """``mapInArrow``: the read rows' articles of each batch parsed with one ``nlp.pipe`` call, each analysed or,
    when that fails, a row with its reason (never a failed task); read problems pass through."""
    for batch in batches:
        rows = batch.to_pylist()
        readable = [row for row in rows if row["reason"] is None]
        articles = [Article(**{name: row[name] for name in ARTICLE_FIELDS}) for row in readable]
        outcomes = dict(zip(map(id, readable), pipeline(settings).analyze_batch(articles, limits), strict=True))
        yield pa.RecordBatch.from_pylist(
            [_analysed(row, outcomes[id(row)]) if id(row) in outcomes else _unread(row) for row in rows],
            schema=ANALYSED_SCHEMA,
        )


def _unread(row: dict[str, Any]) -> dict[str, Any]:
    return {name: row[name] for name in ("input", "position", "problem_source", "reason")} | {PARTITION: NO_MONTH}


def _analysed(row: dict[str, Any], outcome: Analysis | Problem) -> dict[str, Any]:
    result = {name: row[name] for name in ("input", "position", "id")} | {PARTITION: month_of(row["published"])}
    if isinstance(outcome, Problem):
        return result | {"problem_source": outcome.source, "reason": outcome.reason}
    return result | {"signature": NearDuplicateIndex.signature(row["text"]), "analysis": pickle.dumps(outcome)}


def flatten(batches: Iterator[pa.RecordBatch], table: str) -> Iterator[pa.RecordBatch]:
    """``mapInArrow``: analysed rows into the rows of ``table`` (``records.analysis_rows``)."""
    schema = with_month(table)
    for batch in batches:
        rows: list[dict[str, Any]] = []
        for row in batch.to_pylist():
            analysis: Analysis = pickle.loads(row["analysis"])  # noqa: S301 - written by ``analyse`` in this job
            origin = Origin(row["input"], row["position"], row["signature"])
            rows += analysis_rows(analysis, origin).get(table, [])
        yield pa.RecordBatch.from_pylist(rows, schema=schema)
