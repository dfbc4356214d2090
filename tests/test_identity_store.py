"""One identity per person across the store: spellings merge, namesakes stay apart, existing stores
migrate (0003) without losing rows; the actors query, the API and the actor page show the spellings.
Hand-written analyses and texts (invented names) except where the pipeline itself is under test."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from typer.testing import CliRunner

import newsgraph
from newsgraph.api import Corpus
from newsgraph.cli import app
from newsgraph.model import Actor, Analysis, Article, Mention, Quote
from newsgraph.store import schema
from newsgraph.store.engine import MIGRATIONS
from newsgraph.store.reader import stored_analysis
from newsgraph.web.app import create_app
from newsgraph.web.data import top_speakers
from test_store import fresh_database


def said(article_id: str, *people: tuple[str, str | None, str]) -> Analysis:
    """An article in which each (name, country, words) person says the words: one actor and one quote each."""
    text, actors, quotes = "", [], []
    for n, (name, country, words) in enumerate(people, start=1):
        start = len(text)
        text += f"{name} said {words}. "
        actors.append(
            Actor(f"A{n}", name, "person", None, country, None, [], [Mention(start, start + len(name), name)])
        )
        at = text.index(words, start)
        quotes.append(Quote(f"Q{n}", f"A{n}", name, "indirect", "said", None, words, at, at + len(words)))
    return Analysis(Article(article_id, text, published="2025-10-01"), actors=actors, quotes=quotes)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> Iterator[str]:
    with fresh_database(request.param, tmp_path) as found:
        yield found


@pytest.fixture
def db(url: str) -> Iterator[Corpus]:
    with newsgraph.open(url) as corpus:
        yield corpus


def test_two_spellings_in_two_articles_are_one_actor_with_all_quotes(db: Corpus):
    db.ingest(
        [
            said("a", ("Kyrylo Savchuk", "UKR", "the harvest was poor")),
            said("b", ("Kirilo Savchuk", None, "prices fell")),
        ]
    )
    (savchuk,) = db.actors(search="Savchuk")
    assert savchuk.quotes == 2 and savchuk.articles == 2
    assert set(savchuk.spellings) == {"Kyrylo Savchuk", "Kirilo Savchuk"}
    assert {q.speaker_id for q in db.quotes(speaker="Kirilo Savchuk")} == {savchuk.id}
    with db.engine.connect() as conn:  # /overview's most quoted: one person once
        assert [(t.names, t.total) for t in top_speakers(conn, "2025-01-01", "2025-12-31")] == [
            (("Kyrylo Savchuk",), 2)
        ]


def test_namesakes_stay_apart_by_given_name_and_by_country(db: Corpus):
    db.ingest(
        [
            said("a", ("Maryna Savchuk", "UKR", "the roads were closed"), ("Kyrylo Savchuk", "UKR", "rain came")),
            said("b", ("Maryna Savchuk", "POL", "the border was open")),
        ]
    )
    found = {a.id: a for a in db.actors(search="Savchuk")}
    assert len(found) == 3
    assert found["person:maryna savchuk@POL"].country == "POL"  # a namesake of another country


def test_reingesting_keeps_the_same_ids(db: Corpus):
    first = said("a", ("Kyrylo Savchuk", "UKR", "the harvest was poor"))
    db.ingest([first, said("b", ("Kirilo Savchuk", "POL", "prices fell"))])
    before = sorted(a.id for a in db.actors())
    assert db.ingest([first]).already_stored == 1
    assert sorted(a.id for a in db.actors()) == before == ["person:kirilo savchuk", "person:kyrylo savchuk"]


def test_editorial_brackets_leave_the_stored_name(db: Corpus):
    db.ingest([said("a", ("Tomas] Brandt", None, "the bridge would open"))])
    (brandt,) = db.actors(search="Brandt")
    assert brandt.name == "Tomas Brandt" and brandt.spellings == ["Tomas Brandt"]


def test_actors_query_shows_the_spellings_as_json_and_in_the_table(db: Corpus, url: str):
    db.ingest(
        [
            said("a", ("Kyrylo Savchuk", "UKR", "the harvest was poor")),
            said("b", ("Kirilo Savchuk", None, "prices fell")),
        ]
    )
    result = CliRunner().invoke(app, ["query", "actors", "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.output)
    assert set(record["spellings"]) == {"Kyrylo Savchuk", "Kirilo Savchuk"} and record["merged_from"] == []
    table = CliRunner().invoke(app, ["query", "actors", "--db", url], env={"COLUMNS": "200"})
    assert "spellings" in table.output and "Kirilo Savchuk" in table.output


def store_at_0002(url: str) -> None:
    """A store at revision 0002 holding actors as ingests before 0003 wrote them: one KB person also stored
    as an unlinked organisation under a KB alias, a bracketed name, two spellings of one unknown person."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with newsgraph.open(url) as db, db.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
        text = "Zelenskiy said talks go on. Putin said no. Kyrylo Savchuk said yes. Kirilo Savchuk said maybe."
        conn.execute(
            schema.articles.insert().values(
                id="a", text=text, language="en", analysed=True, ingested_at="2025-10-01T00:00:00+00:00"
            )
        )
        people = [
            ("A1", "organization:zelenskiy", "Zelenskiy", "organization", None, "Zelenskiy"),
            ("A2", "person:vladimir] putin", "Vladimir] Putin", "person", None, "Putin"),
            ("A3", "person:kyrylo savchuk", "Kyrylo Savchuk", "person", "UKR", "Kyrylo Savchuk"),
            ("A4", "person:kirilo savchuk", "Kirilo Savchuk", "person", None, "Kirilo Savchuk"),
        ]
        for n, (local, actor_id, name, kind, country, words) in enumerate(people, start=1):
            conn.execute(schema.actors.insert().values(id=actor_id, name=name, kind=kind, country=country))
            conn.execute(schema.actor_aliases.insert().values(actor_id=actor_id, alias=name, folded=name.lower()))
            conn.execute(
                schema.article_actors.insert().values(
                    article_id="a", local_id=local, actor_id=actor_id, name=name, roles="[]"
                )
            )
            start = text.index(words)
            conn.execute(
                schema.mentions.insert().values(
                    article_id="a",
                    local_id=local,
                    seq=0,
                    actor_id=actor_id,
                    start=start,
                    end=start + len(words),
                    text=words,
                )
            )
            conn.execute(
                schema.quotes.insert().values(
                    article_id="a", local_id=f"Q{n}", speaker_id=actor_id, kind="indirect", text="x", start=0, end=1
                )
            )


def test_migration_0003_merges_stored_spellings_and_keeps_every_row(url: str):
    store_at_0002(url)
    with newsgraph.open(url) as db:  # upgraded on open
        with db.engine.connect() as conn:
            quotes = dict(conn.execute(select(schema.quotes.c.local_id, schema.quotes.c.speaker_id)).all())
            n_mentions = conn.execute(select(func.count()).select_from(schema.mentions)).scalar()
            merges = dict(conn.execute(select(schema.actor_merges.c.old_id, schema.actor_merges.c.actor_id)).all())
        assert quotes == {
            "Q1": "kb:volodymyr-zelensky",
            "Q2": "kb:vladimir-putin",
            "Q3": "person:kirilo savchuk",
            "Q4": "person:kirilo savchuk",
        }
        assert n_mentions == 4
        with db.engine.connect() as conn:  # 0004: each existing quote is said by its (merged) speaker
            voices = conn.execute(select(schema.quote_speakers.c.quote_id, schema.quote_speakers.c.actor_id)).all()
        assert dict(voices) == quotes and len(voices) == 4
        assert merges == {
            "organization:zelenskiy": "kb:volodymyr-zelensky",
            "person:vladimir] putin": "kb:vladimir-putin",
            "person:kyrylo savchuk": "person:kirilo savchuk",  # as many mentions: the first id is kept
        }
        (savchuk,) = db.actors(search="Savchuk")
        assert savchuk.merged_from == ["person:kyrylo savchuk"] and "Kyrylo Savchuk" in savchuk.aliases
        zelensky = db.actors(search="Zelenskiy")
        assert [a.id for a in zelensky] == ["kb:volodymyr-zelensky"] and zelensky[0].kind == "person"
        db.ingest([said("b", ("Kirilo Savchuk", None, "prices fell"))])  # a later ingest joins the kept actor
        assert [a.quotes for a in db.actors(search="Savchuk")] == [3]


def test_api_and_actor_page_show_spellings_and_follow_a_merged_id(url: str):
    store_at_0002(url)
    with newsgraph.open(url) as db:
        client = TestClient(create_app(db))
        detail = client.get("/api/actors/person:kyrylo savchuk").json()
        assert detail["actor"]["id"] == "person:kirilo savchuk"
        assert set(detail["actor"]["spellings"]) == {"Kyrylo Savchuk", "Kirilo Savchuk"}
        page = client.get("/actors/person:kirilo savchuk")
        assert page.status_code == 200 and "Kyrylo Savchuk" in page.text and "Merged from" in page.text


def test_pipeline_ingest_of_two_spellings_gives_one_actor(tmp_path):
    texts = {
        "a": "Ukrainian President Volodymyr Zelenskyy said on Monday that the talks would go on.",
        "b": "Zelenskiy said the offer was late, and President Vladimir Zelensky added that Kyiv would wait.",
    }
    with newsgraph.open(str(tmp_path / "corpus.db")) as db:
        db.ingest([Article(i, t, published="2025-10-01") for i, t in texts.items()])
        zelensky = db.actors(search="Zelenskiy")
        assert [a.id for a in zelensky] == ["kb:volodymyr-zelensky"]
        assert zelensky[0].articles == 2


def test_coordinated_speakers_are_stored_found_by_each_and_kept_through_a_merge(db: Corpus):
    text = "Kyrylo Savchuk and Maryna Dovzhenko argue that the dam is safe. Kirilo Savchuk said so."
    people = [("A1", "Kyrylo Savchuk"), ("A2", "Maryna Dovzhenko")]
    actors = [
        Actor(i, n, "person", None, "UKR", None, [], [Mention(text.index(n), text.index(n) + len(n), n)])
        for i, n in people
    ]
    at = text.index("the dam")
    quote = Quote(
        "Q1", "A1", "Kyrylo Savchuk", "indirect", "argue", None, "the dam is safe", at, at + 15, speakers=["A1", "A2"]
    )
    db.ingest([Analysis(Article("a", text, published="2025-10-01"), actors=actors, quotes=[quote])])
    db.ingest([said("b", ("Kirilo Savchuk", "UKR", "the water was rising"))])
    assert [q.quote_id for q in db.quotes(speaker="Maryna Dovzhenko")] == ["Q1"]  # a co-speaker says it too
    assert len(db.quotes(speaker="Kirilo Savchuk")) == 2  # one person in two spellings
    with db.engine.connect() as conn:
        stored = stored_analysis(conn, "a")
    assert stored is not None
    names = {a.id: a.name for a in stored.analysis.actors}
    assert [names[i] for i in stored.analysis.quotes[0].speakers] == ["Kyrylo Savchuk", "Maryna Dovzhenko"]
