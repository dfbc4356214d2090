"""``newsgraph load``: a batch dataset into the store through the ``Ingestor``, as ready analyses.

The store's rules hold as for ``newsgraph ingest``: articles already stored are skipped (a second load
changes nothing, a killed load run again ends as a clean one), near-duplicates are linked to their
first copy and stored without their analysis, actors get their global identities. The dataset is
read one month at a time, oldest first (articles without a date last), each in input order.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from newsgraph.batch.records import Rows, analyses
from newsgraph.batch.tables import NO_MONTH, PARTITION, RECORD_TABLES, with_month
from newsgraph.model import Analysis

ANALYSIS_TABLES = tuple(t for t in RECORD_TABLES if t != "duplicates")  # links are the store's to make


class NotADataset(ValueError):
    """The folder is not a complete ``newsgraph batch`` output."""


def _dataset(root: Path, table: str) -> ds.Dataset:
    schema = with_month(table)
    partitioning = ds.partitioning(pa.schema([schema.field(PARTITION)]), flavor="hive")
    return ds.dataset(root / table, schema=schema, format="parquet", partitioning=partitioning)


def check_dataset(root: Path) -> None:
    """Raise NotADataset unless every table of a batch is there."""
    missing = [t for t in ANALYSIS_TABLES if not (root / t).is_dir()]
    if missing:
        raise NotADataset(f"{root} is not a newsgraph batch output (no {', '.join(missing)} table)")


def months(root: Path) -> list[str]:
    """The months the dataset's articles were published in, oldest first, ``none`` last."""
    found = pc.unique(_dataset(root, "articles").to_table(columns=[PARTITION])[PARTITION]).to_pylist()
    return sorted(found, key=lambda m: (m == NO_MONTH, m))


def read_analyses(root: Path) -> Iterator[Analysis]:
    """Every analysis of the dataset at ``root``, month by month, each month in input order."""
    check_dataset(root)
    for month in months(root):
        in_month = pc.field(PARTITION) == month
        rows: Rows = {t: _dataset(root, t).to_table(filter=in_month).to_pylist() for t in ANALYSIS_TABLES}
        rows["articles"].sort(key=lambda r: (r["input"], r["position"]))
        yield from analyses(rows)
