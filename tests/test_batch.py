"""``newsgraph batch --engine local`` and ``newsgraph load``: the Parquet dataset's tables and types, problems
for malformed inputs, the same records as ``analyze``, near-duplicate links, and loading into the store."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pyarrow.dataset as ds
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
from newsgraph.batch.load import read_analyses
from newsgraph.batch.tables import PROBLEMS, RECORD_TABLES, SCHEMAS
from newsgraph.cli import app
from newsgraph.model import Analysis


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    return write_inputs(tmp_path_factory.mktemp("batch") / "inputs")


@pytest.fixture(scope="module")
def batched(inputs: Path, tmp_path_factory):
    out = tmp_path_factory.mktemp("batch-out") / "dataset"
    return out, invoke("batch", str(inputs), str(out), "--engine", "local")


def test_every_table_has_the_store_columns_and_arrow_types_partitioned_by_month(batched):
    out, result = batched
    written = [name for name in RECORD_TABLES if any((out / name).iterdir())]
    assert set(RECORD_TABLES) - set(written) <= {"event_mentions"}  # none of these stories restates an event
    for name in written:
        schema = ds.dataset(out / name, format="parquet", partitioning="hive").schema
        assert schema.remove(schema.get_field_index("month")) == SCHEMAS[name], name
    assert sorted(p.name for p in (out / "articles").iterdir()) == ["month=2025-03", "month=2025-04", "month=2025-05"]
    assert str(SCHEMAS["events"].field("day").type) == "date32[day]"
    assert str(SCHEMAS["quotes"].field("speakers").type) == "list<item: string>"
    events = table(out, "events")
    assert events and all(e["published"].isoformat().startswith(e["month"]) for e in events)
    assert all(isinstance(e["day"], date) for e in events) and any(e["source"] for e in events)


def test_malformed_records_are_problems_and_the_rest_is_analysed(batched):
    out, result = batched
    assert result.exit_code == 1  # problems are reported, as analyze and ingest do
    reasons = [p["reason"] for p in table(out, PROBLEMS)]
    assert any(r.startswith("invalid JSON") for r in reasons)
    assert "record has no 'text'" in reasons
    assert any(r.startswith("not English text") for r in reasons)
    assert "truncated WARC after 2 records" in reasons
    assert len(reasons) == 4
    # 12 stories and a near-copy; the WARC cut off loses its second story
    assert len(table(out, "articles")) == 12
    assert "analysed 12, near-duplicates 1, problems 4" in result.stderr


@pytest.fixture(scope="module")
def direct(inputs: Path) -> list[Analysis]:
    return analysed_directly(inputs)


def test_the_records_are_those_of_analyze(batched, direct: list[Analysis]):
    out, _ = batched
    assert {a.article.id for a in direct} == {r["id"] for r in table(out, "articles")}
    quotes, events, times = (
        by_article(table(out, "quotes"), *QUOTE),
        by_article(table(out, "events"), *EVENT),
        by_article(table(out, "times"), *TIME),
    )
    assert any(quotes.values()) and any(events.values()) and any(times.values())
    for analysis in direct:
        key = analysis.article.id
        assert quotes[key] == {quote_key(q) for q in analysis.quotes}
        assert events[key] == {event_key(e) for e in analysis.events}
        assert times[key] == {(t.text, t.start, t.end, t.value) for t in analysis.times}


def test_the_dataset_reads_back_as_the_analyses_load_stores(batched, direct: list[Analysis]):
    out, _ = batched
    assert {a.article.id: a.to_dict() for a in read_analyses(out)} == {a.article.id: a.to_dict() for a in direct}


def test_the_near_copy_is_linked_to_the_first(batched):
    out, _ = batched
    articles = {(r["input"].rsplit("/", 1)[-1], r["position"]): r["id"] for r in table(out, "articles")}
    [link] = table(out, "duplicates")
    assert (link["id"], link["duplicate_of"]) == (articles["wire.jsonl", 7], articles["wire.jsonl", 0])
    assert 0.8 <= link["similarity"] < 1


def test_an_existing_output_is_never_overwritten(batched, inputs: Path):
    out, _ = batched
    result = invoke("batch", str(inputs), str(out))
    assert result.exit_code == 2 and "exists" in " ".join(result.stderr.split())


def test_load_stores_what_ingest_stores_and_a_second_load_changes_nothing(tmp_path: Path):
    inputs = write_inputs(tmp_path / "inputs", parquet=False)  # ingest reads no Parquet
    out = tmp_path / "dataset"
    invoke("batch", str(inputs), str(out))
    ingested, loaded = tmp_path / "ingested.db", tmp_path / "loaded.db"
    invoke("ingest", str(inputs), "--db", str(ingested))
    first = invoke("load", str(out), "--db", str(loaded))
    assert first.exit_code == 0, first.stderr
    expected = counts(ingested)
    assert expected["quotes"] and expected["events"] and expected["duplicates"] == 1
    assert counts(loaded) == expected
    again = invoke("load", str(out), "--db", str(loaded))
    assert "new 0, already stored 12" in again.stderr
    assert counts(loaded) == expected


def test_the_web_ui_serves_a_loaded_store_with_the_counts_of_an_ingested_one(tmp_path: Path):
    import warnings

    import newsgraph
    from newsgraph.web import create_app

    with warnings.catch_warnings():  # Starlette prefers httpx2 now; httpx 0.28 is the pinned client
        warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
        from fastapi.testclient import TestClient

    inputs = write_inputs(tmp_path / "inputs", parquet=False)
    invoke("batch", str(inputs), str(tmp_path / "dataset"))
    invoke("ingest", str(inputs), "--db", str(tmp_path / "ingested.db"))
    invoke("load", str(tmp_path / "dataset"), "--db", str(tmp_path / "loaded.db"))
    totals = []
    for name in ("ingested.db", "loaded.db"):
        with newsgraph.open(tmp_path / name) as corpus:
            client = TestClient(create_app(corpus))
            totals.append(
                {kind: client.get(f"/api/{kind}").json()["total"] for kind in ("articles", "quotes", "events")}
            )
            assert client.get("/").status_code == 200
    assert totals[0] == totals[1] and totals[0]["quotes"] > 0


def test_load_refuses_a_folder_that_is_not_a_batch(tmp_path: Path):
    result = invoke("load", str(tmp_path), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 2 and "not a newsgraph batch output" in " ".join(result.stderr.split())


def test_the_spark_engine_says_what_it_misses(inputs: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)  # import fails as when the extra is not installed
    result = invoke("batch", str(inputs), str(tmp_path / "a"), "--engine", "spark")
    assert result.exit_code == 2 and "needs pyspark" in " ".join(result.stderr.split())
    monkeypatch.undo()
    pytest.importorskip("pyspark")
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setattr("shutil.which", lambda _name: None)
    result = invoke("batch", str(inputs), str(tmp_path / "b"), "--engine", "spark")
    assert result.exit_code == 2 and "needs a Java runtime" in " ".join(result.stderr.split())
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()
