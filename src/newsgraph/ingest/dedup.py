"""Near-duplicate articles: MinHash LSH (datasketch) over word 5-gram shingles of normalised text."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsgraph.ingest.identity import normalise_text

SHINGLE_WORDS = 5
NUM_PERM = 128
SCHEME = "affine32"  # datasketch's hashing scheme; its hash values fit in 32 bits
SIGNATURE_DTYPE = np.dtype("<u4")
WORD = re.compile(r"\w+")
CANDIDATE_MARGIN = 0.15  # the LSH gathers candidates this far below the threshold, so few true pairs escape it


def shingles(text: str) -> set[str]:
    """The word 5-grams of the casefolded, normalised text (the whole text when it is shorter)."""
    words = WORD.findall(normalise_text(text).casefold())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)}
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _minhash(text: str, num_perm: int) -> MinHash:
    minhash = MinHash(num_perm=num_perm, scheme=SCHEME)
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    return minhash


class NearDuplicateIndex:
    """Articles seen so far; ``add`` names the first earlier one whose text is a near-duplicate.

    The LSH is tuned to ``threshold - CANDIDATE_MARGIN`` (at the default 0.8 it finds about 95% of
    pairs with Jaccard 0.8, where an LSH tuned to 0.8 itself finds 40%); each candidate is then
    confirmed by its estimated Jaccard similarity (>= threshold).
    Memory: one signature (``num_perm`` × 4 bytes) and the LSH band keys per article.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=max(threshold - CANDIDATE_MARGIN, 0.0), num_perm=num_perm)
        self._entries: dict[str, tuple[int, MinHash]] = {}  # id -> (order added, MinHash)

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def bands(self) -> tuple[int, int]:
        """The LSH's layout: (bands, hash values per band); a candidate shares all values of one band."""
        return self._lsh.b, self._lsh.r

    def add(self, article_id: str, text: str) -> str | None:
        """The id of the first earlier near-duplicate of ``text``, or None; the article is added either way."""
        return self._add(article_id, _minhash(text, self.num_perm))

    def add_signature(self, article_id: str, signature: bytes) -> str | None:
        """Add an article by its stored ``signature`` (rebuilding the index from a database).

        Returns the first earlier near-duplicate like ``add`` does, so a caller that has the
        signature already need not hash the text twice.
        """
        values = np.frombuffer(signature, dtype=SIGNATURE_DTYPE)
        if len(values) != self.num_perm:
            raise ValueError(f"signature of {len(values)} hash values; this index uses {self.num_perm}")
        return self._add(article_id, MinHash(hashvalues=values.astype(np.uint32), scheme=SCHEME))

    @staticmethod
    def signature(text: str, num_perm: int = NUM_PERM) -> bytes:
        """The MinHash of ``text`` as bytes to store: ``num_perm`` little-endian uint32 values."""
        return _minhash(text, num_perm).hashvalues.astype(SIGNATURE_DTYPE).tobytes()

    def _add(self, article_id: str, minhash: MinHash) -> str | None:
        """Only articles added before this one count, so ``duplicate_of`` links never form a cycle."""
        if article_id not in self._entries:
            self._lsh.insert(article_id, minhash)
            self._entries[article_id] = (len(self._entries), minhash)
        position = self._entries[article_id][0]
        earlier = [
            (self._entries[key][0], key)
            for key in self._lsh.query(minhash)
            if self._entries[key][0] < position and self._entries[key][1].jaccard(minhash) >= self.threshold
        ]
        return min(earlier)[1] if earlier else None
