"""Meetings end to end: invented articles about one summit (proposed, then set for Geneva, then held) and a
second round in Vienna, analysed by the real pipeline, stored, linked at ingest, read by CLI, API and web."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

import newsgraph
from newsgraph.analyze import Pipeline
from newsgraph.api import Corpus
from newsgraph.cli import app
from newsgraph.model import Analysis, Article
from newsgraph.store import schema
from newsgraph.web import create_app
from test_store import fresh_database

with warnings.catch_warnings():  # as in test_web
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

FIXTURES = Path(__file__).parent / "fixtures" / "meetings" / "summit.jsonl"
SCHEMA = json.loads(files("newsgraph").joinpath("schema/meetings.schema.json").read_text(encoding="utf-8"))
PROPOSED, PLANNED, HELD, VIENNA = "summit-proposed", "summit-planned", "summit-held", "summit-second-round"


@pytest.fixture(scope="module")
def analyses(pipeline: Pipeline) -> dict[str, Analysis]:
    articles = [Article(**json.loads(line)) for line in FIXTURES.read_text(encoding="utf-8").splitlines()]
    return {a.id: pipeline.analyze(a) for a in articles}


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path) -> Iterator[Corpus]:
    with fresh_database(request.param, tmp_path) as url, newsgraph.open(url) as corpus:
        yield corpus


def ingest(db: Corpus, analyses: dict[str, Analysis], *ids: str) -> None:
    report = db.ingest([analyses[i] for i in ids])
    assert report.ok and report.new == len(ids)


def meeting_rows(db: Corpus) -> dict[str, list[tuple]]:
    with db.engine.connect() as conn:
        return {t.name: sorted(map(tuple, conn.execute(select(t)))) for t in schema.MEETING_TABLES}


def test_one_summit_across_three_articles_and_a_second_round_apart(db: Corpus, analyses):
    ingest(db, analyses, PROPOSED, PLANNED, HELD, VIENNA)
    geneva, vienna = sorted(db.meetings(), key=lambda m: len(m.mentions), reverse=True)
    assert [(x.article, x.status) for x in geneva.mentions] == [
        (PROPOSED, "proposed"),
        (PLANNED, "planned"),
        (HELD, "occurred"),
    ]
    assert (geneva.place, geneva.start, geneva.status, geneva.participants) == (
        "Geneva",
        "2026-03-20",
        "occurred",
        ["DEU", "FRA"],
    )
    assert {"Emmanuel Macron", "Friedrich Merz"} <= set(geneva.people)
    assert [(x.article, x.place, x.start) for x in vienna.mentions] == [(VIENNA, "Vienna", "2026-04-14")]
    assert geneva.process == vienna.process
    text = {key: a.article.text for key, a in analyses.items()}
    for x in geneva.mentions + vienna.mentions:
        assert text[x.article][x.text_start : x.text_end] == x.text


def test_a_new_article_updates_its_meeting_and_out_of_order_ingest_equals_a_rebuild(db: Corpus, analyses):
    ingest(db, analyses, PROPOSED, PLANNED)
    (before,) = db.meetings(status="planned")
    ingest(db, analyses, HELD)
    after = db.meeting(before.id)
    assert after is not None and after.status == "occurred" and len(after.mentions) == 3
    ingest(db, analyses, VIENNA)
    incremental = meeting_rows(db)
    assert db.rebuild_meetings() == 2
    assert meeting_rows(db) == incremental


def test_ingest_in_another_order_gives_the_same_meetings(db: Corpus, analyses, tmp_path):
    ingest(db, analyses, VIENNA, HELD)
    ingest(db, analyses, PLANNED, PROPOSED)  # published earlier than what is linked: everything is relinked
    shuffled = meeting_rows(db)
    db.rebuild_meetings()
    assert meeting_rows(db) == shuffled
    assert sorted(len(m.mentions) for m in db.meetings()) == [1, 3]


def test_filters_by_participant_status_and_day(db: Corpus, analyses):
    ingest(db, analyses, PROPOSED, PLANNED, HELD, VIENNA)
    assert len(db.meetings(actor="FRA")) == 2 and len(db.meetings(actor="RUS")) == 0
    assert len(db.meetings(actor="Merz")) == 2
    assert [m.place for m in db.meetings(since="2026-04-01")] == ["Vienna"]
    assert [m.place for m in db.meetings(until="2026-03-31", status="occurred")] == ["Geneva"]
    assert len(db.meetings(status="planned")) == 0


def test_cli_json_is_the_meetings_format_and_other_formats_print(tmp_path, analyses):
    url = str(tmp_path / "c.db")
    with newsgraph.open(url) as db:
        ingest(db, analyses, PROPOSED, PLANNED, HELD, VIENNA)
    runner = CliRunner()
    result = runner.invoke(app, ["meetings", "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(record)
    assert list(record) == ["format", "meetings", "processes"] and record["format"] == "newsgraph.meetings/1"
    assert [p["meetings"] for p in record["processes"]] == [[m["id"] for m in record["meetings"]]]
    rebuilt = runner.invoke(app, ["meetings", "--db", url, "--format", "json", "--rebuild"])
    assert json.loads(rebuilt.stdout) == record
    lines = runner.invoke(app, ["meetings", "--db", url, "--format", "jsonl", "--actor", "DEU"]).stdout.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [m["id"] for m in record["meetings"]]
    table = runner.invoke(app, ["meetings", "--db", url, "--status", "occurred"]).stdout
    assert "proposed → planned → occurred" in table
    csv_out = runner.invoke(app, ["meetings", "--db", url, "--format", "csv"]).stdout
    assert csv_out.splitlines()[0].startswith("id,label,kind,participants")
    bad = runner.invoke(app, ["meetings", "--db", url, "--since", "yesterday"])
    assert bad.exit_code == 2


def test_json_api_and_pages(tmp_path, analyses):
    with newsgraph.open(tmp_path / "w.db") as db:
        ingest(db, analyses, PROPOSED, PLANNED, HELD, VIENNA)
        client = TestClient(create_app(db))
        listed = client.get("/api/meetings", params={"actor": "FRA"}).json()
        assert listed["total"] == 2 and listed["next"] is None
        geneva = next(m for m in listed["items"] if m["place"] == "Geneva")
        one = client.get(f"/api/meetings/{geneva['id']}").json()
        assert one == geneva and [x["status"] for x in one["mentions"]] == ["proposed", "planned", "occurred"]
        assert client.get("/api/meetings/m-0").status_code == 404
        assert client.get("/api/meetings", params={"status": "maybe"}).status_code == 422
        empty_form = client.get("/meetings", params={"actor": "", "status": "", "since": "", "until": ""})
        assert empty_form.status_code == 200 and empty_form.text.count('href="/meetings/m-') == 2
        assert client.get("/meetings", params={"status": "maybe"}).status_code == 400
        timeline = client.get("/meetings", params={"status": "occurred"})
        assert timeline.status_code == 200 and f'href="/meetings/{geneva["id"]}"' in timeline.text
        page = client.get(f"/meetings/{geneva['id']}").text
        assert "proposed → planned → occurred" in page and f'href="/articles/{HELD}#E1"' in page
        assert "Macron met German Chancellor Friedrich Merz" in page
        title = page.split("<title>", 1)[1].split("</title>", 1)[0]
        assert title == f"{geneva['label']} · newsgraph"  # the page's sections stay out of its title
        vienna = client.get("/meetings").text
        assert "Second round in Vienna <b>" not in vienna  # titles are escaped wherever shown
        merz = next(p for p in client.get("/api/actors", params={"search": "Merz"}).json()["items"])
        actor_page = client.get(f"/actors/{merz['id']}").text
        assert actor_page.count('href="/meetings/m-') == 2
        vienna_id = next(m["id"] for m in listed["items"] if m["place"] == "Vienna")
        assert "Second round in Vienna &lt;b&gt;" in client.get(f"/meetings/{vienna_id}").text
