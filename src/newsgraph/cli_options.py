"""Options of the commands that analyse articles (``analyze``, ``eval``, ``ingest``, ``batch``) and what they
become: the analysis settings and the per-article limits. Imports no spaCy, so ``--help`` stays fast."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from newsgraph.analyze import Limits, Settings

ModelOption = Annotated[
    str | None,
    typer.Option("--model", help="spaCy model (default: $NEWSGRAPH_MODEL or the pinned en_core_web_sm build)"),
]
KBOption = Annotated[list[Path] | None, typer.Option("--kb", help="extra knowledge-base file (JSON, repeatable)")]
TimeLimitOption = Annotated[
    float, typer.Option("--time-limit", min=0, help="seconds one article's analysis may take (0: no limit)")
]
MemoryLimitOption = Annotated[
    int, typer.Option("--memory-limit", min=0, help="MB of memory one article's analysis may add (0: no limit)")
]
PublishedOption = Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD (overrides the records')")]
DEFAULT_TIME_LIMIT = 60.0  # newsgraph.analyze.DEFAULT_TIME_LIMIT, without importing spaCy for --help
DEFAULT_MEMORY_LIMIT_MB = 2048  # newsgraph.analyze.DEFAULT_MEMORY_LIMIT in MiB


def analysis_settings(model: str | None, kb: list[Path] | None, events: str = "fast") -> Settings:
    """The pipeline settings from the command-line options."""
    from newsgraph.analyze import Settings

    return Settings(model=model, kb_files=tuple(str(p) for p in kb or ()), events=events)


def limits(time_limit: float, memory_limit_mb: int) -> Limits:
    """Per-article limits from the command-line options (0: none)."""
    from newsgraph.analyze import Limits

    return Limits(seconds=time_limit or None, memory=memory_limit_mb << 20 or None)
