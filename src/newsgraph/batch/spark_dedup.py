"""Near-duplicate links in Spark SQL: the local index's signatures, LSH bands and threshold
(``dedup.py``), so a Spark batch links the same pairs as ``--engine local``.

Each article's signature is cut into the index's bands; articles that share a band are candidates;
a candidate earlier in input order whose signatures agree on at least the threshold's share of hash
values is a near-duplicate, and an article links to the earliest such one.
"""

from __future__ import annotations

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from newsgraph.batch.dedup import band_layout
from newsgraph.batch.tables import PARTITION
from newsgraph.ingest.dedup import NUM_PERM, SIGNATURE_DTYPE, NearDuplicateIndex

VALUE_BYTES = SIGNATURE_DTYPE.itemsize


def duplicate_links(articles: DataFrame) -> DataFrame:
    """``duplicates`` rows (id, duplicate_of, similarity, month) of ``articles`` (id, input, position,
    signature, month)."""
    count, width = band_layout()
    bands = (
        articles.select(
            "id",
            PARTITION,
            "signature",
            F.struct("input", "position").alias("order"),
            F.posexplode(
                F.expr(f"transform(sequence(0, {count - 1}), i -> substring(signature, i * {width} + 1, {width}))")
            ),
        )
        .withColumnRenamed("pos", "band")
        .withColumnRenamed("col", "key")
    )
    first, later = bands.alias("first"), bands.alias("later")
    pairs = (
        first.join(
            later,
            (F.col("first.band") == F.col("later.band"))
            & (F.col("first.key") == F.col("later.key"))
            & (F.col("first.order") < F.col("later.order"))
            & (F.col("first.id") != F.col("later.id")),  # an article read twice is no copy of itself
        )
        .select(
            F.col("later.id").alias("id"),
            F.col(f"later.{PARTITION}").alias(PARTITION),
            F.col("first.id").alias("duplicate_of"),
            F.col("first.order").alias("first_order"),
            _similarity().alias("similarity"),
        )
        .dropDuplicates(["id", "duplicate_of"])
        .where(F.col("similarity") >= NearDuplicateIndex().threshold)
    )
    earliest = pairs.groupBy("id", PARTITION).agg(
        F.min(F.struct("first_order", "duplicate_of", "similarity")).alias("m")
    )
    return earliest.select("id", "m.duplicate_of", "m.similarity", PARTITION)


def _similarity() -> F.Column:
    """The share of equal hash values of the two signatures of a pair (``dedup.similarity``)."""
    value = f"i * {VALUE_BYTES} + 1, {VALUE_BYTES}"
    equal = f"substring(first.signature, {value}) = substring(later.signature, {value})"
    return F.expr(f"aggregate(sequence(0, {NUM_PERM - 1}), 0, (n, i) -> n + IF({equal}, 1, 0))") / F.lit(NUM_PERM)
