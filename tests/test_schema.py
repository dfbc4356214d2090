"""Every record analyze makes from the project's own articles validates against the published schema,
with offsets that point at each item's text."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from conftest import SCHEMA, assert_valid_record
from newsgraph.analyze import Pipeline
from newsgraph.model import Article

EXAMPLES = sorted(p for p in resources.files("newsgraph").joinpath("examples").iterdir() if p.name.endswith(".json"))
GOLD = sorted((Path(__file__).parent / "fixtures" / "gold").glob("*.json"))
TIME_VALUE = re.compile(SCHEMA["$defs"]["time"]["properties"]["value"]["pattern"])


def article_of(data: dict) -> Article:
    return Article(id=data["id"], text=data["text"], title=data.get("title"), published=data.get("published"))


@pytest.mark.parametrize("path", EXAMPLES + GOLD, ids=lambda p: p.name)
@pytest.mark.parametrize("dated", [True, False], ids=["dated", "undated"])
def test_project_articles_give_valid_records(pipeline: Pipeline, path: Path, dated: bool) -> None:
    article = article_of(json.loads(path.read_text(encoding="utf-8")))
    if not dated:
        article.published = None
    assert_valid_record(pipeline.analyze(article).to_dict())


@pytest.mark.parametrize(
    "value",
    [
        "2025",
        "2025-08",
        "2025-08-14",
        "2025-08-14TMO",
        "2025-08-14TAF",
        "2025-08-14TEV",
        "2025-08-14TNI",
        "2025-W33",
        "2025-W33-WE",
        "2025-Q3",
        "2025-SP",
        "2025-SU",
        "2025-FA",
        "2025-WI",
        "199",
        "PAST_REF",
        "FUTURE_REF",
        "PRESENT_REF",
    ],
)
def test_time_values_the_schema_accepts(value: str) -> None:
    assert TIME_VALUE.search(value)


@pytest.mark.parametrize(
    "value",
    [
        "",
        "25",
        "2025-8",
        "2025-08-14T",
        "2025-08-14TXX",
        "2025-W3",
        "2025-Q5",
        "2025-AU",
        "19",
        "20255",
        "-001-01",
        "2025-08-14T10:00",
        "soon",
    ],
)
def test_time_values_the_schema_rejects(value: str) -> None:
    assert not TIME_VALUE.search(value)
