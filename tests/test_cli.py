"""The command line: input formats, JSON contract, bad input, parallel runs."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from newsgraph.cli import app

STORY = (
    "Talks Resume in Geneva\n"
    "Norwegian Foreign Minister Ingrid Halvorsen said on Monday that talks would resume next week. "
    "“We are ready,” she said.\n"
)


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads(resources.files("newsgraph").joinpath("schema/analysis.schema.json").read_text())


def invoke(*args: str, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), input=stdin)


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip().startswith("{")]


def test_text_file_to_json_matches_the_schema(tmp_path: Path, schema: dict):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = invoke("analyze", str(path), "--published", "2025-03-10", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    jsonschema.validate(record, schema)
    assert record["article"]["title"] == "Talks Resume in Geneva"
    assert record["article"]["published"] == "2025-03-10"
    assert not record["article"]["text"].startswith("Talks Resume")
    assert {"text": "Monday", "value": "2025-03-10"} in [
        {"text": t["text"], "value": t["value"]} for t in record["times"]
    ]
    for item in record["quotes"] + [m for a in record["actors"] for m in a["mentions"]]:
        assert record["article"]["text"][item["start"] : item["end"]] == item["text"]


def test_bundled_examples_validate(schema: dict):
    examples = resources.files("newsgraph").joinpath("examples")
    result = invoke("analyze", str(examples), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    produced = records(result.stdout)
    assert len(produced) == 4
    for record in produced:
        jsonschema.validate(record, schema)
        assert record["quotes"] and record["actors"]


def test_json_records_keep_id_and_ignore_unknown_keys(tmp_path: Path):
    path = tmp_path / "records.jsonl"
    lines = [
        {"id": "story-1", "text": STORY, "published": "2025-03-10", "extra": [1, 2]},
        {"text": "Kaja Kallas said the talks were useful.", "url": "https://example.org/a"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    result = invoke("analyze", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    first, second = records(result.stdout)
    assert first["article"]["id"] == "story-1"
    assert len(second["article"]["id"]) == 16 and second["article"]["url"] == "https://example.org/a"


def test_stdin_and_table_output():
    result = invoke("analyze", "-", "--format", "table", stdin=STORY)
    assert result.exit_code == 0, result.output
    assert "Ingrid Halvorsen" in result.stdout and "Quotes" in result.stdout


def test_bad_inputs_are_named_and_the_rest_is_analysed(tmp_path: Path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes("Le ministre a déclaré que les négociations reprendront.".encode("latin-1"))
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = invoke("analyze", str(folder), "--format", "jsonl")
    assert result.exit_code == 1
    assert len(records(result.stdout)) == 1
    messages = [line for line in result.stderr.splitlines() if line.startswith("newsgraph: skipped")]
    reasons = " ".join(messages)
    for name, reason in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("latin1.txt", "UTF-8"),
        ("huge.txt", "limit"),
        ("notes.pdf", "unsupported"),
    ]:
        assert any(name in m and reason in m for m in messages), (name, reasons)


def test_bad_publication_date_is_a_usage_error(tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = invoke("analyze", str(path), "--published", "yesterday")
    assert result.exit_code == 2


def test_two_jobs_give_the_same_records_as_one(tmp_path: Path):
    examples = resources.files("newsgraph").joinpath("examples")
    one = invoke("analyze", str(examples), "--format", "jsonl", "--jobs", "1")
    two = invoke("analyze", str(examples), "--format", "jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert records(one.stdout) == records(two.stdout)


def test_an_empty_directory_is_a_failure(tmp_path: Path):
    result = invoke("analyze", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 1
    assert "no articles" in result.stderr


def test_an_article_longer_than_the_pipeline_takes_is_skipped(tmp_path: Path):
    path = tmp_path / "long.txt"
    path.write_text("Long Story\n" + "The minister said the talks would resume. " * 26000, encoding="utf-8")
    (tmp_path / "short.txt").write_text(STORY, encoding="utf-8")
    result = invoke("analyze", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 1
    assert len(records(result.stdout)) == 1
    assert "character limit" in result.stderr


def test_non_english_text_is_skipped_with_a_reason(tmp_path: Path):
    (tmp_path / "fr.txt").write_text(
        "Le ministre des Affaires étrangères a déclaré mardi que les négociations reprendraient la semaine "
        "prochaine à Genève, malgré les tensions persistantes entre les deux pays voisins, selon un "
        "communiqué publié par le gouvernement. Les diplomates ont salué une avancée importante.\n",
        encoding="utf-8",
    )
    (tmp_path / "en.txt").write_text(STORY, encoding="utf-8")
    result = invoke("analyze", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 1
    assert len(records(result.stdout)) == 1
    assert "fr.txt" in result.stderr and "not English" in result.stderr
