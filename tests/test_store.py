"""The corpus store on SQLite and (when NEWSGRAPH_TEST_POSTGRES_URL is set) PostgreSQL: schema, ingest, queries, export.

These tests store hand-written analyses, so they need no spaCy model and run in seconds.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from rich.console import Console
from sqlalchemy import create_engine, inspect, select
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

import newsgraph
from newsgraph.api import Corpus
from newsgraph.cli import app
from newsgraph.ingest.sources import iter_sources
from newsgraph.model import Actor, Analysis, Article, Event, Evidence, Mention, Quote, When
from newsgraph.render import print_analysis_table
from newsgraph.store import MAX_LIMIT, schema
from newsgraph.store import engine as engine_module
from newsgraph.store.engine import MIGRATIONS, database_url
from newsgraph.store.queries import QueryError
from newsgraph.store.reader import stored_analysis

POSTGRES_ENV = "NEWSGRAPH_TEST_POSTGRES_URL"


@contextmanager
def fresh_database(backend: str, tmp_path) -> Iterator[str]:
    """A new, empty database URL (SQLite file, or a PostgreSQL database created for this test)."""
    if backend == "sqlite":
        yield str(tmp_path / "corpus.db")
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL variant skipped: set {POSTGRES_ENV}=postgresql://… to run it (.ci/run does)")
    name = f"newsgraph_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(database_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def corpus(db_url: str) -> Iterator[Corpus]:
    with newsgraph.open(db_url) as db:
        yield db


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def mention(text: str, part: str, after: int = 0) -> Mention:
    return Mention(*span(text, part, after), part)


def quote(
    text: str,
    qid: str,
    speaker: str | None,
    part: str,
    kind: str = "indirect",
    addressee: str | None = None,
    name: str | None = None,
) -> Quote:
    return Quote(qid, speaker, name, kind, "said", addressee, part, *span(text, part))


TEXT_A = (
    "Russian Foreign Minister Sergey Lavrov said talks with Ukraine were possible next week. "
    "\u201cWe are open to a meeting,\u201d Lavrov told Marco Rubio."
)
TEXT_B = "Sergei Lavrov said Moscow would not accept the plan. President Volodymyr Zelensky said Kyiv was ready."


def analysis_a() -> Analysis:
    t = TEXT_A
    return Analysis(
        Article("a", t, title="Lavrov open to talks", source="Wire", published="2025-08-19"),
        actors=[
            Actor(
                "A1",
                "Sergey Lavrov",
                "person",
                "sergey-lavrov",
                "RUS",
                "GOV",
                ["Foreign Minister"],
                [mention(t, "Sergey Lavrov"), mention(t, "Lavrov", 40)],
            ),
            Actor("A2", "Ukraine", "country", "country/UKR", "UKR", None, [], [mention(t, "Ukraine")]),
            Actor("A3", "Marco Rubio", "person", "marco-rubio", "USA", "GOV", [], [mention(t, "Marco Rubio")]),
        ],
        quotes=[
            quote(t, "Q1", "A1", "talks with Ukraine were possible next week", name="Sergey Lavrov"),
            quote(t, "Q2", "A1", "We are open to a meeting", "direct", addressee="A3", name="Lavrov"),
        ],
        events=[
            Event(
                "E1",
                "CONSULT",
                "proposed",
                ["A1"],
                ["A2"],
                "talks",
                Evidence(*span(t, "talks"), "talks"),
                when=When("next week", "2025-W35"),
            )
        ],
    )


def analysis_b() -> Analysis:
    t = TEXT_B
    return Analysis(
        Article("b", t, published="2025-09-02"),
        actors=[
            Actor("A1", "Sergei Lavrov", "person", "sergey-lavrov", "RUS", "GOV", [], [mention(t, "Sergei Lavrov")]),
            Actor("A2", "Volodymyr Zelensky", "person", None, "UKR", "GOV", [], [mention(t, "Volodymyr Zelensky")]),
        ],
        quotes=[
            quote(t, "Q1", "A1", "Moscow would not accept the plan", name="Sergei Lavrov"),
            quote(t, "Q2", "A2", "Kyiv was ready", name="Volodymyr Zelensky"),
        ],
        events=[
            Event(
                "E1",
                "REJECT",
                "occurred",
                ["A1"],
                ["A2"],
                "not accept",
                Evidence(*span(t, "would not accept the plan"), "would not accept the plan"),
            )
        ],
    )


def fill(corpus: Corpus) -> Corpus:
    report = corpus.ingest([analysis_a(), analysis_b()])
    assert (report.new, report.duplicates, report.ok) == (2, 0, True)
    return corpus


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def filled(request, tmp_path_factory) -> Iterator[Corpus]:
    """One filled corpus per backend, shared by the read-only query tests."""
    with fresh_database(request.param, tmp_path_factory.mktemp("filled")) as url:
        with newsgraph.open(url) as db:
            yield fill(db)


def rows(db: Corpus) -> dict[str, list[tuple]]:
    """Every row of every corpus table, sorted, without ingested_at."""
    with db.engine.connect() as conn:
        return {
            t.name: sorted(
                (tuple(r) for r in conn.execute(select(*(c for c in t.c if c.name != "ingested_at")))), key=repr
            )
            for t in schema.CORPUS_TABLES
        }


# ---- schema ----------------------------------------------------------------------------------


def test_migrations_create_exactly_the_declared_schema(corpus: Corpus):
    search = {"articles_fts", "quotes_fts", "search", "ix_articles_search", "ix_quotes_search"}  # backend-specific

    def include(name: str | None, kind: str, _parent: object) -> bool:
        return name not in search and name != "alembic_version" and "_fts_" not in (name or "")

    with corpus.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include})
        assert compare_metadata(context, schema.metadata) == []
        assert context.get_current_revision() == "0007"
        versions = conn.execute(select(schema.schema_version).order_by(schema.schema_version.c.version)).all()
    assert [v.version for v in versions] == ["0001", "0002", "0003", "0004", "0005", "0006", "0007"]
    assert "articles" in versions[0].description and "hyphens" in versions[1].description


def test_a_database_at_0001_upgrades_and_its_rows_are_found_by_the_new_search(db_url: str):
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with newsgraph.open(db_url) as db:
        with db.engine.begin() as connection:  # back to the first schema, then store under its index
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
            store_under_first_schema(connection, [analysis_a(), analysis_b()])
    with newsgraph.open(db_url) as db:  # upgraded on open: the stored rows are indexed again
        assert [q.text for q in db.quotes(search="meetings")] == ["We are open to a meeting"]
        assert [a.id for a in db.articles(search="lavrov opens")] == ["a"]


def store_under_first_schema(connection, analyses: list[Analysis]) -> None:
    """The articles and quotes of these analyses as rows of the 0001 schema (quotes without speakers)."""
    for analysis in analyses:
        article = analysis.article
        connection.execute(
            schema.articles.insert().values(
                id=article.id,
                title=article.title,
                text=article.text,
                published=article.published,
                language="en",
                analysed=True,
                ingested_at="2025-09-02T00:00:00+00:00",
            )
        )
        for q in analysis.quotes:
            connection.execute(
                schema.quotes.insert().values(
                    article_id=article.id, local_id=q.id, kind=q.kind, text=q.text, start=q.start, end=q.end
                )
            )


def test_reopening_is_a_no_op_and_sqlite_runs_in_wal_with_foreign_keys(db_url: str):
    newsgraph.open(db_url).close()
    with newsgraph.open(db_url) as db, db.engine.connect() as conn:
        assert "articles" in inspect(conn).get_table_names()
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


# ---- ingest ----------------------------------------------------------------------------------


def test_reingesting_adds_nothing(corpus: Corpus):
    filled = fill(corpus)
    before = rows(filled)
    report = filled.ingest([analysis_a(), analysis_b()])
    assert (report.read, report.new, report.already_stored) == (2, 0, 2)
    assert rows(filled) == before


def test_one_global_actor_across_articles_with_every_name_seen(filled: Corpus):
    (lavrov,) = filled.actors(search="Lavrov")
    assert lavrov.id == "kb:sergey-lavrov"
    assert {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"} <= set(lavrov.aliases)  # mentions and KB names
    assert (lavrov.articles, lavrov.mentions, lavrov.quotes, lavrov.events) == (2, 3, 3, 2)


def test_near_duplicate_is_linked_and_not_analysed(corpus: Corpus):
    filled = fill(corpus)
    copy = Analysis(
        Article("a-copy", TEXT_A, url="https://example.org/copy", published="2025-08-20"),
        actors=analysis_a().actors,
        quotes=analysis_a().quotes,
    )
    report = filled.ingest([copy])
    assert (report.new, report.duplicates) == (0, 1)
    (article,) = [a for a in filled.articles() if a.id == "a-copy"]
    assert (article.duplicate_of, article.analysed) == ("a", False)
    assert len(filled.quotes(speaker="Lavrov")) == 3


def test_an_article_that_cannot_be_stored_fails_alone(corpus: Corpus):
    broken = analysis_b()
    broken.quotes.append(broken.quotes[0])  # the same quote id twice: a key violation
    report = corpus.ingest([analysis_a(), broken])
    assert report.new == 1 and [p.source for p in report.failed] == ["article b"]
    assert "not stored" in report.failed[0].reason
    assert [a.id for a in corpus.articles()] == ["a"] and len(corpus.quotes()) == 2


def test_bad_publication_date_is_skipped_with_its_reason(corpus: Corpus):
    bad = analysis_b()
    bad.article.published = "2025-13-45"
    report = corpus.ingest([analysis_a(), bad])
    assert report.new == 1 and [p.source for p in report.skipped] == ["article b"]
    assert "not YYYY-MM-DD" in report.skipped[0].reason


# ---- queries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Lavrov", "Sergey Lavrov", "Sergei Lavrov", "sergéi LAVROV", "  lavrov "])
def test_speaker_matches_names_and_aliases_ignoring_case_and_accents(filled: Corpus, name: str):
    assert [(q.article_id, q.quote_id) for q in filled.quotes(speaker=name)] == [("b", "Q1"), ("a", "Q1"), ("a", "Q2")]


def test_quotes_by_date_about_and_full_text(filled: Corpus):
    assert [q.article_id for q in filled.quotes(speaker="Lavrov", since="2025-09-01")] == ["b"]
    assert [q.article_id for q in filled.quotes(until="2025-08-31")] == ["a", "a"]
    assert [q.quote_id for q in filled.quotes(about="Ukraine")] == ["Q1"]  # named inside the quote
    assert [q.quote_id for q in filled.quotes(about="Rubio")] == ["Q2"]  # addressed
    assert [q.text for q in filled.quotes(search="meeting")] == ["We are open to a meeting"]
    assert [q.text for q in filled.quotes(search='"not accept" plan')] == ["Moscow would not accept the plan"]
    assert filled.quotes(search='"plan accept"') == []
    record = filled.quotes(speaker="Zelensky")[0]
    assert (record.speaker, record.title, record.published) == ("Volodymyr Zelensky", None, "2025-09-02")


@pytest.mark.parametrize("hostile", ["'; DROP TABLE quotes; --", '"', "NEAR(a b)", "a OR b*", "100%", "_", "\\"])
def test_hostile_values_are_only_values(filled: Corpus, hostile: str):
    filled.quotes(search=hostile)
    assert filled.quotes(speaker=hostile + "x") == []
    assert filled.articles(search=hostile + " zzz") == []
    assert len(filled.quotes()) == 4


def test_events_by_actor_code_side_type_status_and_day(filled: Corpus):
    assert [e.type for e in filled.events(actor="RUS")] == ["REJECT", "CONSULT"]
    assert [e.type for e in filled.events(source="Sergei Lavrov", target="Ukraine")] == ["CONSULT"]
    assert [e.type for e in filled.events(target="Lavrov")] == []
    assert [e.type for e in filled.events(type="consult", status="proposed")] == ["CONSULT"]
    (consult,) = filled.events(since="2025-08-25", until="2025-08-25")  # 2025-W35 starts on Monday 25 August
    assert (consult.source, consult.target, consult.when_value) == (["Sergey Lavrov"], ["Ukraine"], "2025-W35")
    assert filled.events(until="2025-08-24") == []


def test_articles_search_and_paging(filled: Corpus):
    assert [a.id for a in filled.articles(search="Zelensky")] == ["b"]
    assert [a.id for a in filled.articles(search="lavrov open")] == ["a"]  # title and text
    assert [a.id for a in filled.articles(limit=1, offset=1)] == ["a"]
    with pytest.raises(QueryError):
        filled.articles(limit=MAX_LIMIT + 1)
    with pytest.raises(QueryError):
        filled.quotes(since="August")


def test_a_page_knows_the_total_and_counts_it_with_the_same_filters(filled: Corpus):
    page = filled.quotes(limit=1)
    assert (len(page), page.total, page.offset, page.more) == (1, 4, 0, True)
    lavrov = filled.quotes(speaker="Lavrov", limit=2, offset=1)
    assert (len(lavrov), lavrov.total, lavrov.more) == (2, 3, False)
    beyond = filled.quotes(speaker="Lavrov", offset=10)
    assert (len(beyond), beyond.total) == (0, 3)
    assert filled.actors(limit=1).total == len(filled.actors())
    assert filled.events(actor="RUS", limit=1).total == 2
    assert filled.articles(search="Zelensky", limit=1).total == 1


@pytest.mark.parametrize("value", ["\x00", "Lav\x00rov", "x\x1b[31m", "\x7f"])
def test_a_control_character_is_refused_never_dropped(filled: Corpus, value: str):
    for call in (
        lambda: filled.quotes(speaker=value),
        lambda: filled.quotes(search=value),
        lambda: filled.events(actor=value),
        lambda: filled.articles(search=value),
    ):
        with pytest.raises(QueryError, match="control character"):
            call()


TEXT_C = (
    "The cease-fire in Kharkiv held overnight, said President Volodymyr Zelenskyy, who met Zelenskiy's "
    "advisers on Tuesday."
)


def analysis_c() -> Analysis:
    t = TEXT_C
    return Analysis(
        Article("c", t, title="Cease-fire holds", published="2025-09-03"),
        actors=[
            Actor(
                "A1",
                "Volodymyr Zelenskyy",
                "person",
                None,
                "UKR",
                "GOV",
                [],
                [mention(t, "Volodymyr Zelenskyy"), mention(t, "Zelenskiy")],
            )
        ],
        quotes=[quote(t, "Q1", "A1", "The cease-fire in Kharkiv held overnight")],
    )


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def spellings(request, tmp_path_factory) -> Iterator[Corpus]:
    """A corpus where one actor goes by three spellings, and a ceasefire is spelt with a hyphen."""
    with fresh_database(request.param, tmp_path_factory.mktemp("spellings")) as url:
        with newsgraph.open(url) as db:
            fill(db)
            assert db.ingest([analysis_c()]).new == 1
            with db.engine.begin() as conn:  # one actor across articles: what KB linking does
                for table, column in ((schema.article_actors, "actor_id"), (schema.quotes, "speaker_id")):
                    conn.execute(
                        table.update()
                        .where(table.c[column] == "person:volodymyr zelenskyy")
                        .values({column: "person:volodymyr zelensky"})
                    )
                conn.execute(
                    schema.mentions.update()
                    .where(schema.mentions.c.actor_id == "person:volodymyr zelenskyy")
                    .values(actor_id="person:volodymyr zelensky")
                )
                conn.execute(
                    schema.actor_aliases.update()
                    .where(schema.actor_aliases.c.actor_id == "person:volodymyr zelenskyy")
                    .values(actor_id="person:volodymyr zelensky")
                )
            yield db


@pytest.mark.parametrize("words", ["ceasefire", "cease-fire", "cease fire", "Ceasefires", "CEASE-FIRE held"])
def test_search_folds_hyphens_and_word_forms(spellings: Corpus, words: str):
    assert [q.text for q in spellings.quotes(search=words)] == ["The cease-fire in Kharkiv held overnight"]
    assert [a.id for a in spellings.articles(search=words)] == ["c"]


def test_search_folds_accents_and_stems(spellings: Corpus):
    assert [a.id for a in spellings.articles(search="Khárkiv")] == ["c"]
    assert [q.text for q in spellings.quotes(search="meetings")] == ["We are open to a meeting"]
    assert spellings.quotes(search='"cease overnight"') == []  # a phrase stays a phrase


@pytest.mark.parametrize("name", ["Zelensky", "Zelenskyy", "zelenskiy", "ZELENSKYY"])
def test_search_for_one_spelling_of_a_name_finds_the_others(spellings: Corpus, name: str):
    assert sorted(a.id for a in spellings.articles(search=name)) == ["b", "c"]
    assert {q.speaker for q in spellings.quotes(speaker=name)} == {"Volodymyr Zelensky"}


def test_query_command_says_how_many_match_and_how_to_see_the_rest(filled: Corpus):
    db = filled.engine.url.render_as_string(hide_password=False)
    runner = CliRunner()
    table = runner.invoke(app, ["query", "quotes", "--limit", "1", "--db", db])
    assert table.exit_code == 0, table.output
    assert "Quotes (1 of 4)" in table.stdout and "1 of 4 quotes (1-1); the rest: --offset 1" in table.stdout
    last = runner.invoke(app, ["query", "quotes", "--limit", "3", "--offset", "3", "--db", db])
    assert "Quotes (1 of 4)" in last.stdout and "(4-4)" in last.stdout and "the rest" not in last.stdout
    whole = runner.invoke(app, ["query", "quotes", "--db", db])
    assert "Quotes (4)" in whole.stdout and " of " not in whole.stdout
    as_json = runner.invoke(app, ["query", "events", "--limit", "1", "--format", "json", "--db", db])
    assert len(json.loads(as_json.stdout)) == 1 and "1 of 2 events" in as_json.stderr


def test_query_command_refuses_a_control_character_in_one_line(filled: Corpus):
    db = filled.engine.url.render_as_string(hide_password=False)
    result = CliRunner().invoke(app, ["query", "quotes", "--speaker", "Lav\x1brov", "--db", db])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == ["newsgraph: speaker contains a control character (U+001B)"]


def test_analysis_tables_wrap_whole_cells_when_piped():
    words = "Negotiators-from-both-delegations-agreed " + " ".join(f"point{i}" for i in range(60))
    text = f"\u201c{words},\u201d Berg said."
    analysis = Analysis(Article("t", text), quotes=[quote(text, "Q1", None, words, "direct", name="Berg")])
    out = io.StringIO()
    print_analysis_table(Console(file=out, highlight=False, soft_wrap=True), analysis)  # a file: not a terminal
    rendered = out.getvalue()
    assert "…" not in rendered and max(map(len, rendered.splitlines())) > 80
    cells = "".join(
        line.split("\u2502")[-2].strip() for line in rendered.splitlines() if "point" in line or "Negotiators" in line
    )
    assert cells.replace(" ", "") == words.replace(" ", "")


def test_to_pandas_makes_a_frame(filled: Corpus):
    pytest.importorskip("pandas")
    results = filled.actors()
    assert list(results.to_pandas()["name"])[:1] == [results[0].name]


def test_to_pandas_without_pandas_names_the_extra(filled: Corpus, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(RuntimeError, match=r"newsgraph\[pandas\]"):
        filled.actors().to_pandas()


# ---- export ----------------------------------------------------------------------------------


def _as_strings(row: dict) -> dict:
    """A Parquet row with its dates and timestamps written back the way the records hold them."""
    return {k: v.isoformat() if isinstance(v, (date, datetime)) else v for k, v in row.items()}


@pytest.mark.parametrize("kind", ["quotes", "events", "actors", "articles"])
def test_export_streams_every_record(filled: Corpus, tmp_path, kind: str):
    expected = getattr(filled, kind)(limit=MAX_LIMIT).to_dicts()
    assert filled.export(kind, tmp_path / "out.parquet", "parquet") == len(expected)
    assert [_as_strings(row) for row in pq.read_table(tmp_path / "out.parquet").to_pylist()] == expected
    filled.export(kind, tmp_path / "out.jsonl", "jsonl")
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == expected
    assert filled.export(kind, tmp_path / "out.csv", "csv") == len(expected)
    assert not list(tmp_path.glob("*.part"))


def test_csv_lists_are_joined_cells_and_parquet_keeps_dates_and_lists(filled: Corpus, tmp_path):
    filled.export("actors", tmp_path / "actors.csv", "csv")
    with (tmp_path / "actors.csv").open(encoding="utf-8", newline="") as handle:
        lavrov = next(row for row in csv.DictReader(handle) if row["id"] == "kb:sergey-lavrov")
    assert "Sergei Lavrov; " in lavrov["aliases"] and "[" not in lavrov["aliases"]
    filled.export("events", tmp_path / "events.csv", "csv")
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as handle:
        assert {row["source"] for row in csv.DictReader(handle)} == {"Sergey Lavrov"}
    filled.export("events", tmp_path / "events.parquet", "parquet")
    table = pq.read_table(tmp_path / "events.parquet")
    assert table.schema.field("day").type == pa.date32() and table.schema.field("published").type == pa.date32()
    assert pa.types.is_list(table.schema.field("source").type)
    assert table.column("day").to_pylist() == [date(2025, 9, 2), date(2025, 8, 25)]
    filled.export("articles", tmp_path / "articles.parquet", "parquet")
    assert pa.types.is_timestamp(pq.read_table(tmp_path / "articles.parquet").schema.field("ingested_at").type)


# ---- crash safety ----------------------------------------------------------------------------

PEOPLE = ["Anna Berg", "Tomas Novak", "Leila Haddad", "Kenji Sato", "Maria Costa", "Pavel Orlov", "Ines Duarte"]
COUNTRIES = ["Norway", "Chile", "Kenya", "Japan", "Poland", "Canada", "Egypt", "India", "Peru", "Ghana"]
TOPICS = ["fishing rights", "a border crossing", "grain exports", "a prisoner exchange", "water sharing", "gas prices"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generated_article(i: int) -> dict:
    """A short, distinct news text (no two are near-duplicates)."""
    person, topic, day = PEOPLE[i % 7], TOPICS[i % 6], DAYS[i % 5]
    home, other = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
    text = (
        f"Foreign Minister {person} of {home} said on {day} that talks with {other} on {topic} "
        f"would resume after {i + 2} weeks of silence. \u201cWe are ready to sign,\u201d {person.split()[1]} "
        f"told reporters in the capital. {other} rejected round {i + 1} of the proposal."
    )
    return {"text": text, "published": f"2025-0{1 + i % 9}-1{i % 10}", "url": f"https://example.org/{i}"}


SLOW_INGEST = """
import sys, time
import newsgraph.corpus as corpus
real = corpus.analyze_many
corpus.analyze_many = lambda *a, **k: (time.sleep(0.1) or x for x in real(*a, **k))
from newsgraph.cli import app
app(sys.argv[1:])
"""


def test_ingest_killed_midway_then_rerun_equals_a_clean_run(db_url: str, tmp_path):
    records = [generated_article(i) for i in range(30)]
    records.insert(10, dict(records[3], url="https://example.org/copy"))  # a near-duplicate of article 3
    records.insert(20, records[5])  # the same article again
    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    backend = "sqlite" if "://" not in db_url else "postgresql"
    with fresh_database(backend, tmp_path / "clean") as clean_url, newsgraph.open(clean_url) as clean:
        report = clean.ingest(iter_sources([str(source)]))
        assert (report.read, report.new, report.duplicates, report.already_stored) == (32, 30, 1, 1)
        expected = rows(clean)

    with newsgraph.open(db_url) as db:  # migrated before the kill: the test kills the ingest, not the migration
        command = [sys.executable, "-c", SLOW_INGEST, "ingest", str(source), "--db", db_url, "--batch", "5", "--quiet"]
        process = subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 60
        with db.engine.connect() as conn:
            while not conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() and time.monotonic() < deadline:
                conn.rollback()
                time.sleep(0.01)
        os.killpg(process.pid, signal.SIGKILL)
        assert process.wait() == -signal.SIGKILL
        half = rows(db)
        assert 0 < len(half["articles"]) < 31, "the kill came after the first commit and before the end"

        rerun = CliRunner().invoke(app, ["ingest", str(source), "--db", db_url])  # in-process: spaCy is loaded
        assert rerun.exit_code == 0, rerun.stderr
        assert f"already stored {len(half['articles']) + 1}" in rerun.stderr
        assert rows(db) == expected


def test_an_event_told_again_keeps_every_statement_through_the_store(corpus: Corpus):
    text = "Norway and Chile signed a fishing pact. The pact was signed in Oslo on Monday."
    actors = [
        Actor(f"A{n}", name, "country", None, None, None, [], []) for n, name in enumerate(["Norway", "Chile"], 1)
    ]
    again = Evidence(text.index("The pact"), len(text), text[text.index("The pact") :])
    event = Event("E1", "AGREE", "occurred", ["A1"], ["A2"], "signed", Evidence(0, 39, text[:39]), mentions=[again])
    corpus.ingest([Analysis(Article("pact", text, published="2025-03-03"), actors=actors, events=[event])])
    with corpus.engine.connect() as conn:
        stored = stored_analysis(conn, "pact")
    assert stored is not None
    (read,) = stored.analysis.events
    assert read.mentions == [again] and read.evidence == event.evidence


class _LockedTwice:
    """A cursor whose first two PRAGMAs meet another process switching the file to WAL."""

    def __init__(self, error: str = "database is locked") -> None:
        self.error, self.calls = error, 0

    def execute(self, _sql: str) -> None:
        self.calls += 1
        if self.calls <= 2:
            raise sqlite3.OperationalError(self.error)


def test_a_pragma_refused_as_locked_is_retried_until_it_runs():
    cursor = _LockedTwice()
    engine_module._pragma_when_unlocked(cursor, "journal_mode = WAL")  # type: ignore[arg-type]
    assert cursor.calls == 3


def test_a_pragma_error_other_than_locked_is_raised_at_once():
    cursor = _LockedTwice("near 'x': syntax error")
    with pytest.raises(sqlite3.OperationalError, match="syntax"):
        engine_module._pragma_when_unlocked(cursor, "x")  # type: ignore[arg-type]
    assert cursor.calls == 1
