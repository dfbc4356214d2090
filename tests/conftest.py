"""Shared fixtures: one loaded pipeline per test session."""

from __future__ import annotations

import pytest

from newsgraph.analyze import Pipeline
from newsgraph.model import Analysis, Article


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def run(pipeline: Pipeline):
    """Analyse a text written for the test (published 2025-08-19 unless given)."""

    def _run(text: str, published: str | None = "2025-08-19") -> Analysis:
        return pipeline.analyze(Article(id="test", text=text, published=published))

    return _run
