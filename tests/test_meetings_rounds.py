"""Rounds, mediators, outcomes and quotes of meetings, end to end: invented articles about a second round of
US-brokered talks (held, then recalled without place or date), a third round in Geneva (set, then held) and a
phone call about it (rounds.jsonl), through the real pipeline, the store, the JSON record and the page."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import select

import newsgraph
from newsgraph.api import Corpus
from newsgraph.ingest.files import read_inputs
from newsgraph.meetings.read import document, every_meeting
from newsgraph.model import Article
from newsgraph.store import schema
from newsgraph.web import create_app

with warnings.catch_warnings():  # as in test_web
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

ROUNDS = Path(__file__).parent / "fixtures" / "meetings" / "rounds.jsonl"
SCHEMA = json.loads(files("newsgraph").joinpath("schema/meetings.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Iterator[Corpus]:
    with newsgraph.open(tmp_path_factory.mktemp("rounds") / "r.db") as corpus:
        assert corpus.ingest(read_inputs([str(ROUNDS)])).new == 5
        yield corpus


@pytest.fixture(scope="module")
def record(db: Corpus) -> dict:
    with db.engine.connect() as conn:
        result = document(list(every_meeting(conn)))
    jsonschema.Draft202012Validator(SCHEMA).validate(result)
    return result


def by_round(record: dict, number: int) -> dict:
    return next(m for m in record["meetings"] if m["round"] == number)


def test_each_round_is_one_meeting_and_a_later_mention_of_the_second_round_joins_it(record):
    second, third = by_round(record, 2), by_round(record, 3)
    assert [(x["article"], x["status"]) for x in second["mentions"]] == [
        ("round-two-held", "occurred"),
        ("round-two-recalled", "occurred"),
    ]
    assert [(x["article"], x["status"]) for x in third["mentions"]] == [
        ("round-three-set", "planned"),
        ("round-three-held", "occurred"),
    ]
    assert (second["place"], third["place"], third["start"]) == ("Abu Dhabi", "Geneva", "2026-02-18")
    assert "talks, round 2" in second["label"]  # the headline's "Second round in Abu Dhabi" tells the kind
    call = next(m for m in record["meetings"] if m["kind"] == "phone call")
    assert [x["article"] for x in call["mentions"]] == ["call-after"]


def test_mediators_are_named_apart_and_the_process_is_the_negotiation_track(record):
    second, third = by_round(record, 2), by_round(record, 3)
    assert (second["mediators"], third["mediators"]) == (["USA"], ["CHE"])
    assert second["participants"] == ["RUS", "UKR", "USA"] and second["process"] == third["process"]
    (track,) = [p for p in record["processes"] if p["id"] == second["process"]]
    assert track["label"] == "CHE/USA-brokered RUS–UKR talks" and track["mediators"] == ["CHE", "USA"]
    assert second["label"] == "RUS–UKR talks, round 2, Abu Dhabi, 2026-02-01"


def test_outcomes_are_spans_of_the_article_that_reports_the_meeting(record):
    texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in ROUNDS.read_text().splitlines()}
    (outcome,) = by_round(record, 2)["outcomes"]
    assert outcome["article"] == "round-two-held" and outcome["text"] == "agreed to exchange 200 prisoners each."
    assert texts[outcome["article"]][outcome["text_start"] : outcome["text_end"]] == outcome["text"]
    assert by_round(record, 3)["outcomes"] == []


def test_the_meeting_page_shows_round_mediators_outcomes_and_the_quotes_about_it(db: Corpus, record):
    client = TestClient(create_app(db))
    second, third = by_round(record, 2), by_round(record, 3)
    page = client.get(f"/meetings/{second['id']}").text
    assert "round 2" in page and "mediators: USA" in page and "agreed to exchange 200 prisoners each." in page
    assert "We made progress on every point" in page and 'href="/articles/round-two-held#Q1"' in page
    assert "mediated by USA" in client.get("/meetings").text
    other = client.get(f"/meetings/{third['id']}").text
    assert "The talks were hard but honest" in other and "We made progress" not in other


@pytest.mark.parametrize("order", [[0, 1, 2, 3, 4], [3, 0, 4, 2, 1]])
def test_one_article_at_a_time_in_any_order_gives_the_rebuilt_rounds(tmp_path, order):
    articles = list(read_inputs([str(ROUNDS)]))
    with newsgraph.open(tmp_path / "one.db") as db:
        for i in order:
            assert db.ingest([articles[i]]).new == 1
        incremental = rows(db)
        db.rebuild_meetings()
        assert rows(db) == incremental
        assert sorted(m.round or 0 for m in db.meetings()) == [0, 0, 2, 3]


def rows(db: Corpus) -> dict[str, list[tuple]]:
    with db.engine.connect() as conn:
        return {t.name: sorted(map(tuple, conn.execute(select(t)))) for t in schema.MEETING_TABLES}


def test_an_agreement_to_talks_without_a_consult_event_is_a_planned_meeting(tmp_path):
    title = "Kenya and Uganda agree to Norway-mediated talks"
    agreed = Article("agreed", f"{title}\n\nThe decision follows months of tension over fishing on Lake Victoria.")
    with newsgraph.open(tmp_path / "a.db") as db:
        assert db.ingest([replace(agreed, published="2026-04-06", title=title)]).new == 1
        assert [x.type for x in db.events()] == ["AGREE"]
        (meeting,) = db.meetings()
    assert (meeting.kind, meeting.participants, meeting.mediators) == ("talks", ["KEN", "NOR", "UGA"], ["NOR"])
    assert [(x.event, x.status) for x in meeting.mentions] == [("E1", "planned")]
