"""``newsgraph batch --engine spark``: the same dataset as ``--engine local``, written by an Apache Spark job.

Input files (any path Hadoop reads: local, ``s3a://``, ``gs://``, ``hdfs://``) are read whole by
``binaryFiles`` and parsed in the Python workers with the readers of ``ingest`` (WARC with warcio);
the articles are spread over ``partitions`` and analysed with ``mapInArrow`` (one pipeline per
Python worker, ``nlp.pipe`` batches); the analyses are written once to ``OUT/_analysed`` and each
table is flattened from there (so the analysis is never re-run), then that folder is removed.
"""

from __future__ import annotations

import os
import shutil
import sys
import warnings
from dataclasses import dataclass
from functools import partial

from newsgraph.analyze import Limits, Settings
from newsgraph.batch.inputs import input_files
from newsgraph.batch.local import BatchReport
from newsgraph.batch.output import check_new
from newsgraph.batch.tables import PARTITION, PROBLEM_SCHEMA, PROBLEMS, RECORD_TABLES, with_month
from newsgraph.problems import Problem

STAGING = "_analysed"
LISTED_PROBLEMS = 1000  # problems listed in the report (all of them are in the problems table)
ARROW_BATCH_ROWS = 32  # articles per mapInArrow batch: one nlp.pipe call


class SparkUnavailable(RuntimeError):
    """pyspark or a Java runtime is missing, or Spark did not start."""


def run_spark(
    sources: list[str],
    out: str,
    *,
    master: str | None = None,
    partitions: int | None = None,
    settings: Settings = Settings(),
    limits: Limits = Limits(),
    published: str | None = None,
) -> BatchReport:
    """Analyse every article of ``sources`` into the dataset ``out`` with Spark (see ``tables.py``)."""
    if "://" not in out:
        check_new(out)
    spark = session(master)
    try:
        paths, missing = _paths(sources)
        report = BatchReport(problems=list(missing))
        if not paths:
            report.problems.append(Problem(", ".join(sources), "no input files"))
            return report
        staging = f"{out}/{STAGING}"
        _analyse(spark, paths, staging, partitions, Work(settings, limits, published))
        analysed = spark.read.parquet(staging)
        _write_tables(analysed, out)
        _count(analysed, report)
        report.duplicates = _read(spark, out, "duplicates").count()
        _remove(spark, staging)
        return report
    finally:
        spark.stop()


@dataclass(frozen=True)
class Work:
    """What the workers need to know: the pipeline's settings, the per-article limits, a date for all articles."""

    settings: Settings
    limits: Limits
    published: str | None


def _analyse(spark, paths: list[str], staging: str, partitions: int | None, work: Work) -> None:
    """Read every input file and analyse its articles into the staging folder (one row per input item)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    from newsgraph.batch import spark_worker as worker

    files = spark.sparkContext.binaryFiles(",".join(paths))
    items = spark.createDataFrame(
        files.flatMap(partial(worker.read_file, published=work.published)), from_arrow_schema(worker.READ_SCHEMA)
    )
    items = items.repartition(partitions or spark.sparkContext.defaultParallelism)
    analyse = partial(worker.analyse, settings=work.settings, limits=work.limits)
    items.mapInArrow(analyse, from_arrow_schema(worker.ANALYSED_SCHEMA)).write.parquet(staging)


def _write_tables(analysed, out: str) -> None:
    """Every table of the dataset, flattened from the staged analyses."""
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    from newsgraph.batch import spark_worker as worker
    from newsgraph.batch.spark_dedup import duplicate_links

    done = analysed.where(F.col("analysis").isNotNull())
    for table in RECORD_TABLES:
        if table == "duplicates":
            rows = duplicate_links(done.select("id", "input", "position", "signature", PARTITION))
        else:
            rows = done.mapInArrow(partial(worker.flatten, table=table), from_arrow_schema(with_month(table)))
        rows.write.partitionBy(PARTITION).parquet(f"{out}/{table}")
    problems = analysed.where(F.col("reason").isNotNull())
    problems = problems.select(F.col("id").alias("article_id"), F.col("problem_source").alias("source"), "reason")
    problems.select(*PROBLEM_SCHEMA.names).coalesce(1).write.parquet(f"{out}/{PROBLEMS}")


def _count(analysed, report: BatchReport) -> None:
    """The report's counts and its first problems, from the staged rows."""
    from pyspark.sql import functions as F

    report.analysed = analysed.where(F.col("analysis").isNotNull()).count()
    problems = analysed.where(F.col("reason").isNotNull())
    report.problems += [Problem(r.problem_source, r.reason) for r in problems.limit(LISTED_PROBLEMS).collect()]
    report.unlisted = max(0, problems.count() - LISTED_PROBLEMS)


def session(master: str | None):  # -> SparkSession (pyspark is imported here, not at module import)
    """A Spark session for the batch: Python workers reused (each keeps its loaded pipeline) and, unless
    set already, run by this interpreter (so they have newsgraph and its model)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise SparkUnavailable("the spark engine needs pyspark: pip install 'newsgraph[spark]'") from exc
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise SparkUnavailable("the spark engine needs a Java runtime (java on PATH or JAVA_HOME)")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("newsgraph batch")
    builder = builder.config("spark.python.worker.reuse", "true")
    builder = builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(ARROW_BATCH_ROWS))
    if master:
        builder = builder.master(master)
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    # newsgraph passes data to Python as Arrow only (mapInArrow), none of the pandas features that pyspark
    # warns about under pandas 3
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - py4j and the JVM launcher raise assorted errors
        raise SparkUnavailable(f"Spark did not start: {exc}") from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _paths(sources: list[str]) -> tuple[list[str], list[Problem]]:
    """Hadoop paths as given; local files, folders and globs expanded here (Hadoop reads folders flat)."""
    remote = [s for s in sources if "://" in s]
    local, missing = input_files([s for s in sources if "://" not in s])
    return remote + [os.path.abspath(p) for p in local], missing


def _read(spark, out: str, table: str):
    """A written table, with its schema given (Spark writes no file for an empty table)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return spark.read.schema(from_arrow_schema(with_month(table))).parquet(f"{out}/{table}")


def _remove(spark, path: str) -> None:
    """Delete a folder through Hadoop's file system API (local or remote alike)."""
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(hadoop_path, True)
