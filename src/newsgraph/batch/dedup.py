"""Near-duplicate links of a batch: the signatures, threshold and LSH bands of ``ingest/dedup.py``.

Locally the ``NearDuplicateIndex`` itself runs over the articles in input order; the Spark engine
(``spark_dedup.py``) bands the same signatures with the same bands and confirms with the same threshold.
"""

from __future__ import annotations

import numpy as np

from newsgraph.ingest.dedup import SIGNATURE_DTYPE, NearDuplicateIndex


def similarity(first: bytes, second: bytes) -> float:
    """The estimated Jaccard similarity of two signatures: the share of equal hash values."""
    a, b = np.frombuffer(first, dtype=SIGNATURE_DTYPE), np.frombuffer(second, dtype=SIGNATURE_DTYPE)
    return float(np.count_nonzero(a == b)) / len(a)


class DuplicateLinks:
    """Articles added in input order; ``add`` gives the link row of a near-duplicate of an earlier one."""

    def __init__(self) -> None:
        self.index = NearDuplicateIndex()
        self.signatures: dict[str, bytes] = {}

    def add(self, article_id: str, signature: bytes) -> dict[str, object] | None:
        """``{"id", "duplicate_of", "similarity"}`` when an earlier article is a near-duplicate, else None."""
        self.signatures.setdefault(article_id, signature)
        first = self.index.add_signature(article_id, signature)
        if first is None:
            return None
        return {"id": article_id, "duplicate_of": first, "similarity": similarity(signature, self.signatures[first])}


def band_layout() -> tuple[int, int]:
    """The local index's LSH bands: (how many, bytes of signature per band)."""
    count, values = NearDuplicateIndex().bands
    return count, values * SIGNATURE_DTYPE.itemsize
