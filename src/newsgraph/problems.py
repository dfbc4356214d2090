"""``Problem``: why an input was not read or an article not analysed or stored, in one line.

The readers (``ingest/``), the analysis and the corpus all report with it; it imports nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """An input that was not read, and why (one line, naming the input)."""

    source: str
    reason: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", " ".join(self.reason.split()))  # one line, whatever the library said

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"
