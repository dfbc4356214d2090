"""``newsgraph ingest`` / ``query`` / ``export`` from the command line, on SQLite, with real analysis."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

STORY = (
    "Talks Resume in Geneva\n"
    "Norwegian Foreign Minister Ingrid Halvorsen said on Monday that talks would resume next week. "
    "\u201cWe are ready,\u201d Halvorsen said.\n"
)
OTHER = (
    "Chilean President Marta Rojas said on Friday that Chile would send observers to the vote. "
    "\u201cWe will watch every ballot,\u201d Rojas told reporters in Santiago."
)


def invoke(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "other.json").write_text(json.dumps({"text": OTHER, "published": "2025-03-14"}), encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (folder / "broken.json").write_text('{"text": ', encoding="utf-8")
    (folder / "fake.txt.gz").write_bytes(b"not gzip at all")
    (folder / "copy.txt.gz").write_bytes(gzip.compress(STORY.replace("Geneva\n", "Geneva (updated)\n").encode()))
    with zipfile.ZipFile(folder / "bundle.zip", "w") as bundle:
        bundle.writestr("bad.txt", b"\x00\x00nul")
    (folder / "slides.pdf").write_bytes(b"%PDF-1.4")
    return folder


@pytest.fixture(scope="module")
def ingested(inputs: Path, tmp_path_factory) -> tuple[str, object]:
    db = str(tmp_path_factory.mktemp("db") / "corpus.db")
    return db, invoke("ingest", str(inputs), "--db", db, "--published", "2025-03-10")


def test_bad_inputs_are_each_named_with_a_reason_and_nothing_else_is_lost(inputs: Path, ingested):
    db, result = ingested
    assert result.exit_code == 1
    err = result.stderr
    for name, reason in [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary file"),
        ("broken.json", "invalid JSON"),
        ("fake.txt.gz", "gzip"),
        ("bundle.zip[bad.txt]", "binary file"),
        ("slides.pdf", "unsupported"),
    ]:
        line = next((text for text in err.splitlines() if f"{inputs / name}:" in text), "")
        assert line.startswith("newsgraph: skipped") and reason in line, (name, err)
    assert "read 3, new 2, already stored 0, near-duplicates 1, skipped 6, failed 0" in err
    articles = json.loads(invoke("query", "articles", "--db", db, "--format", "json").stdout)
    assert sorted((a["duplicate_of"] is not None, a["analysed"]) for a in articles) == [
        (False, True),
        (False, True),
        (True, False),
    ]


def test_a_second_ingest_adds_nothing_and_says_so(inputs: Path, ingested):
    db, _ = ingested
    again = invoke(
        "ingest", str(inputs / "story.txt"), str(inputs / "other.json"), "--db", db, "--published", "2025-03-10"
    )
    assert again.exit_code == 0, again.stderr
    assert "new 0, already stored 2" in again.stderr and "nothing new was added" in again.stderr


def test_query_commands_in_every_format(ingested):
    db, _ = ingested
    quotes = json.loads(invoke("query", "quotes", "--speaker", "halvorsen", "--db", db, "--format", "json").stdout)
    assert {q["speaker"] for q in quotes} == {"Ingrid Halvorsen"} and "We are ready," in [q["text"] for q in quotes]
    lines = invoke("query", "actors", "--search", "Rojas", "--db", db, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["name"] for line in lines] == ["Marta Rojas"]
    csv_out = invoke("query", "events", "--db", db, "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("article_id,event_id,type")
    table = invoke("query", "quotes", "--search", "ballot", "--db", db)
    assert table.exit_code == 0 and "every ballot" in table.stdout


def test_markup_in_article_text_stays_inert(tmp_path: Path):
    story = tmp_path / "markup.txt"
    story.write_text("Officials [bold red]shouted[/] on Monday, said [link=x]Anna Berg[/link].\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert invoke("ingest", str(story), "--db", db, "--quiet").exit_code == 0
    assert "[bold red]shouted[/]" in invoke("query", "articles", "--db", db).stdout


def test_usage_errors_exit_2(tmp_path: Path):
    db = str(tmp_path / "c.db")
    assert invoke("ingest", "x.txt", "--db", db, "--published", "March").exit_code == 2
    assert invoke("query", "quotes", "--since", "March", "--db", db).exit_code == 2
    assert invoke("query", "quotes", "--limit", "0", "--db", db).exit_code == 2
    assert invoke("ingest", "x.txt", "--db", "mysql://host/db").exit_code == 2


def test_export_parquet(ingested, tmp_path: Path):
    db, _ = ingested
    result = invoke("export", str(tmp_path / "actors.parquet"), "--table", "actors", "--db", db)
    assert result.exit_code == 0, result.stderr
    table = pq.read_table(tmp_path / "actors.parquet")
    assert "Marta Rojas" in table.column("name").to_pylist() and f"{table.num_rows} actors" in result.stderr
