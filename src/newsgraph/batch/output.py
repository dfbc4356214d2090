"""Writing a batch dataset with pyarrow (the local engine): rows gathered per table, written a chunk at a
time as Parquet files partitioned by month (``OUT/<table>/month=YYYY-MM/part-….parquet``), the same
layout Spark's ``partitionBy`` writes. The dataset appears under ``OUT`` only when it is complete."""

from __future__ import annotations

import os
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.batch.records import Rows
from newsgraph.batch.tables import PARTITION, PROBLEM_SCHEMA, PROBLEMS, RECORD_TABLES, with_month
from newsgraph.problems import Problem

CHUNK_ARTICLES = 500  # articles' rows held in memory before they are written


class OutputExists(ValueError):
    """The output folder is there already (a batch never overwrites one)."""


def check_new(out: str) -> None:
    """Refuse an output folder that exists (so no earlier dataset is mixed with or lost to a new one)."""
    if os.path.exists(out):
        raise OutputExists(f"{out} exists; remove it or name a new output folder")


class DatasetWriter:
    """Rows in, a Parquet dataset out; ``close()`` moves it from ``OUT.partial`` to ``OUT``."""

    def __init__(self, out: str) -> None:
        check_new(out)
        self.out = Path(out)
        self.partial = Path(out + ".partial")
        shutil.rmtree(self.partial, ignore_errors=True)  # left by a run that was killed
        self.partial.mkdir(parents=True)
        self._rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self._problems: list[dict[str, str | None]] = []
        self._articles = 0
        self._chunk = 0

    def add(self, rows: Rows) -> None:
        """The rows of one analysed article."""
        for table, table_rows in rows.items():
            self._rows[table].extend(table_rows)
        self._articles += 1
        if self._articles % CHUNK_ARTICLES == 0:
            self._flush()

    def problem(self, problem: Problem, article_id: str | None = None) -> None:
        """An input or article that gave no analysis, and why."""
        self._problems.append({"article_id": article_id, "source": problem.source, "reason": problem.reason})

    def close(self) -> None:
        """Write what is left, the problems, and publish the dataset. Every table has its folder, even
        an empty one (readers take the schema from ``tables.py``)."""
        self._flush()
        for table in RECORD_TABLES:
            (self.partial / table).mkdir(exist_ok=True)
        (self.partial / PROBLEMS).mkdir()
        problems = pa.Table.from_pylist(self._problems, schema=PROBLEM_SCHEMA)
        pq.write_table(problems, self.partial / PROBLEMS / "part-0.parquet")
        check_new(str(self.out))
        self.partial.rename(self.out)

    def _flush(self) -> None:
        for table in RECORD_TABLES:
            rows = self._rows.pop(table, [])
            if rows:
                pq.write_to_dataset(
                    pa.Table.from_pylist(rows, schema=with_month(table)),
                    self.partial / table,
                    partition_cols=[PARTITION],
                    basename_template=f"part-{self._chunk}-{{i}}.parquet",
                )
        self._chunk += 1
