"""``newsgraph batch --engine spark`` under ``local[2]``: the same records as ``--engine local`` and ``analyze``,
the same near-duplicate links, and failures as rows of ``problems``. Skipped without pyspark or Java
(``pip install -e '.[spark]'`` and a JRE; CI installs both)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from batch_fixtures import (
    EVENT,
    QUOTE,
    TIME,
    analysed_directly,
    by_article,
    counts,
    event_key,
    quote_key,
    table,
    write_inputs,
)
from newsgraph.cli import app

pytest.importorskip("pyspark", reason="the spark extra is not installed")
pytestmark = [
    pytest.mark.spark,
    pytest.mark.skipif(not (os.environ.get("JAVA_HOME") or shutil.which("java")), reason="no Java runtime"),
]


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    return write_inputs(tmp_path_factory.mktemp("spark") / "inputs", count=36)


@pytest.fixture(scope="module")
def outputs(inputs: Path, tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("spark-out")
    spark = invoke("batch", str(inputs), str(root / "spark"), "--engine", "spark", "--master", "local[2]")
    local = invoke("batch", str(inputs), str(root / "local"), "--engine", "local")
    assert spark.exit_code == local.exit_code == 1, spark.stderr  # the malformed records
    return {"spark": root / "spark", "local": root / "local"}


def test_spark_gives_the_records_of_the_local_engine_and_of_analyze(outputs, inputs: Path):
    spark, local = outputs["spark"], outputs["local"]
    assert len(table(spark, "articles")) == 36  # 36 stories and a near-copy, less one cut off a WARC
    for name, fields in (("quotes", QUOTE), ("events", EVENT), ("times", TIME)):
        assert by_article(table(spark, name), *fields) == by_article(table(local, name), *fields), name
    quotes, events, times = (
        by_article(table(spark, n), *f) for n, f in (("quotes", QUOTE), ("events", EVENT), ("times", TIME))
    )
    for analysis in analysed_directly(inputs):
        key = analysis.article.id
        assert quotes[key] == {quote_key(q) for q in analysis.quotes}
        assert events[key] == {event_key(e) for e in analysis.events}
        assert times[key] == {(t.text, t.start, t.end, t.value) for t in analysis.times}


def test_spark_links_the_near_duplicates_the_local_index_links(outputs):
    def links(out: Path) -> set[tuple]:
        return {(r["id"], r["duplicate_of"], r["similarity"], r["month"]) for r in table(out, "duplicates")}

    assert links(outputs["spark"]) == links(outputs["local"]) and links(outputs["spark"])


def test_malformed_records_are_problems_not_failed_stages(outputs):
    def problems(out: Path) -> set[tuple]:
        return {(r["source"], r["reason"]) for r in table(out, "problems")}

    assert problems(outputs["spark"]) == problems(outputs["local"])
    assert any(reason.startswith("truncated WARC") for _, reason in problems(outputs["spark"]))


def test_an_article_whose_analysis_fails_is_a_problem_row(tmp_path: Path):
    inputs = write_inputs(tmp_path / "inputs", count=3)
    out = tmp_path / "out"
    result = invoke(
        "batch", str(inputs), str(out), "--engine", "spark", "--master", "local[1]", "--time-limit", "0.001"
    )
    assert result.exit_code == 1
    failed = [r for r in table(out, "problems") if r["article_id"]]
    assert failed and all("time limit" in r["reason"] for r in failed)
    assert not table(out, "articles")


def test_load_stores_the_same_from_the_spark_and_the_local_dataset(outputs, tmp_path: Path):
    stored = {}
    for engine, out in outputs.items():
        db = tmp_path / f"{engine}.db"
        assert invoke("load", str(out), "--db", str(db)).exit_code == 0
        stored[engine] = counts(db)
    assert stored["spark"] == stored["local"] and stored["spark"]["quotes"] and stored["spark"]["duplicates"] == 1
