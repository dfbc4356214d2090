"""Shared fixtures: one loaded pipeline per test session; every record the tests produce through
``run`` is checked against the published JSON schema and its offsets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

import jsonschema
import pytest

from newsgraph.analyze import Pipeline
from newsgraph.model import Analysis, Article

SCHEMA: dict[str, Any] = json.loads(
    resources.files("newsgraph").joinpath("schema/analysis.schema.json").read_text(encoding="utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def spans_of(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every item of a record that carries character offsets, with a label saying where it is."""
    for actor in record["actors"]:
        for mention in actor["mentions"]:
            yield f"mention of {actor['id']}", mention
    for quote in record["quotes"]:
        yield quote["id"], quote
    for event in record["events"]:
        yield f"evidence of {event['id']}", event["evidence"]
    for time in record["times"]:
        yield f"time {time['value']}", time


def assert_valid_record(record: dict[str, Any]) -> None:
    """The record validates against the schema, every span lies inside the text with start <= end,
    and ``text[start:end]`` is the item's text wherever the item has both."""
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(record)]
    assert not errors, errors
    text = record["article"]["text"]
    for label, item in spans_of(record):
        assert 0 <= item["start"] <= item["end"] <= len(text), (label, item)
        assert text[item["start"] : item["end"]] == item["text"], (label, item)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def run(pipeline: Pipeline):
    """Analyse a text written for the test (published 2025-08-19 unless given); the record is
    checked against the schema and its offsets before the test sees it."""

    def _run(text: str, published: str | None = "2025-08-19") -> Analysis:
        analysis = pipeline.analyze(Article(id="test", text=text, published=published))
        assert_valid_record(analysis.to_dict())
        return analysis

    return _run
