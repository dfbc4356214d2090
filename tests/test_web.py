"""The web UI and JSON API (FastAPI TestClient) over the bundled examples plus an XSS article.

The database is filled once per module by ingesting ``src/newsgraph/examples`` and
``tests/browser/xss-article.json`` (text, title, source and URL full of markup and ``javascript:``).
"""

from __future__ import annotations

import json
import warnings
from collections import Counter
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.analyze import Pipeline
from newsgraph.api import Corpus
from newsgraph.cli import app as cli
from newsgraph.ingest.files import read_inputs
from newsgraph.model import Article
from newsgraph.store.records import EventRecord
from newsgraph.web import create_app
from newsgraph.web.api import MAX_PAGE
from newsgraph.web.charts import bucket_for, daily, label, timeline
from newsgraph.web.highlight import highlighted
from newsgraph.web.pages import QUOTES_PER_PAGE
from newsgraph.web.security import MAX_BODY_BYTES, MAX_QUERY_BYTES

with warnings.catch_warnings():  # Starlette prefers httpx2 now; httpx 0.28 is the pinned client
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

EXAMPLES = Path(newsgraph.__file__).parent / "examples"
XSS = Path(__file__).parent / "browser" / "xss-article.json"
XSS_ID = "xss-harbour-dispute"
XSS_PERSON = "person:velma okonkwo strand"
TOKEN = "s3cret-token-for-tests-0123456789"
RAW_MARKUP = ("<script>alert", "<img src=x", '<a href="javascript:', 'href="javascript:')


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Iterator[Corpus]:
    db = newsgraph.open(tmp_path_factory.mktemp("web") / "corpus.db")
    report = db.ingest(read_inputs([str(EXAMPLES), str(XSS)]))
    assert report.ok and report.new == 5
    yield db
    db.close()


@pytest.fixture(scope="module")
def client(corpus: Corpus) -> TestClient:
    return TestClient(create_app(corpus))


# ---- JSON API --------------------------------------------------------------------------------


def test_quotes_by_speaker_newest_first(client: TestClient) -> None:
    body = client.get("/api/quotes", params={"speaker": "Kalonda"}).json()
    assert [q["speaker"] for q in body["items"]] == ["Aimée Kalonda"] * 3
    assert set(body["items"][0]) >= {
        "article_id",
        "quote_id",
        "speaker",
        "speaker_id",
        "kind",
        "cue",
        "text",
        "start",
        "end",
        "published",
    }
    dates = [q["published"] for q in client.get("/api/quotes").json()["items"]]
    assert dates == sorted(dates, reverse=True)


def test_quote_filters_match_the_cli(client: TestClient) -> None:
    assert {q["article_id"] for q in client.get("/api/quotes?search=blockade").json()["items"]} == {XSS_ID}
    assert {q["published"] for q in client.get("/api/quotes?since=2025-03-01&until=2025-03-31").json()["items"]} == {
        "2025-03-12"
    }
    about = client.get("/api/quotes", params={"about": "Rwanda"}).json()["items"]
    assert about and all("Rwanda" in q["text"] or q["addressee"] == "Rwanda" for q in about)


def test_pages_have_a_next_link_and_a_hard_cap(client: TestClient) -> None:
    first = client.get("/api/quotes?limit=5").json()
    assert len(first["items"]) == 5 and first["next"] == "/api/quotes?offset=5&limit=5"
    assert first["total"] == len(client.get(f"/api/quotes?limit={MAX_PAGE}").json()["items"]) > 5
    second = client.get(first["next"]).json()
    assert second["offset"] == 5 and second["items"][0] != first["items"][0]
    everything = client.get(f"/api/quotes?limit={MAX_PAGE}").json()
    assert everything["next"] is None
    assert client.get(f"/api/quotes?limit={MAX_PAGE + 1}").status_code == 422
    assert client.get("/api/quotes?limit=0").status_code == 422
    assert client.get("/api/events?offset=-1").status_code == 422


def test_total_counts_with_the_same_filters(client: TestClient) -> None:
    kalonda = client.get("/api/quotes", params={"speaker": "Kalonda", "limit": 1}).json()
    assert (len(kalonda["items"]), kalonda["total"]) == (1, 3) and kalonda["next"]
    last = client.get("/api/quotes", params={"speaker": "Kalonda", "limit": 2, "offset": 2}).json()
    assert (len(last["items"]), last["total"], last["next"]) == (1, 3, None)
    accuse = client.get("/api/events", params={"type": "ACCUSE", "limit": 1}).json()
    assert accuse["total"] == len(client.get("/api/events", params={"type": "ACCUSE"}).json()["items"])
    found = client.get("/api/search", params={"q": "Luanda", "limit": 1}).json()
    assert found["quotes_total"] > 1 and found["articles_total"] == 1 and found["next"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/quotes?speaker=%00",
        "/api/quotes?speaker=Kal%00onda",
        "/api/quotes?search=%00",
        "/api/events?actor=%1b",
        "/api/actors?search=%00",
        "/api/articles?search=x%7f",
        "/api/search?q=%00",
        "/api/actors/kb:x%00",
        "/api/articles/x%00",
    ],
)
def test_a_control_character_in_a_parameter_is_422_with_the_reason(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert "control character" in json.dumps(response.json()["detail"])


@pytest.mark.parametrize("url", ["/?speaker=%00", "/?q=a%00b", "/?actor=%1b", "/overview?since=%00"])
def test_a_control_character_on_a_page_is_422_with_the_reason(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422 and "control character" in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_event_filters(client: TestClient) -> None:
    accuse = client.get("/api/events", params={"type": "accuse", "status": "occurred"}).json()["items"]
    assert accuse and {(e["type"], e["status"]) for e in accuse} == {("ACCUSE", "occurred")}
    by_country = client.get("/api/events", params={"actor": "BLR"}).json()["items"]
    assert by_country and all(
        "kb:government/BLR" in e["source_ids"] + e["target_ids"]
        or "kb:country/BLR" in e["source_ids"] + e["target_ids"]
        for e in by_country
    )
    assert client.get("/api/events", params={"target": "Brazil"}).json()["items"][0]["article_id"] == XSS_ID
    assert client.get("/api/events?status=happened").status_code == 422


def test_bad_values_are_refused_with_reasons(client: TestClient) -> None:
    assert client.get("/api/quotes?since=2024-1-1").status_code == 422  # not YYYY-MM-DD
    bad_day = client.get("/api/quotes?since=2024-13-45")
    assert bad_day.status_code == 400 and "not a date" in bad_day.json()["detail"]
    assert client.get("/api/quotes", params={"speaker": "x" * 201}).status_code == 422
    assert client.get("/api/quotes", params={"speaker": "x" * (MAX_QUERY_BYTES + 1)}).status_code == 414


def test_actors_list_and_one_actor(client: TestClient) -> None:
    listed = client.get("/api/actors", params={"search": "Avetisyan"}).json()["items"]
    assert [a["id"] for a in listed] == ["person:narek avetisyan"]
    one = client.get("/api/actors/person:narek avetisyan").json()
    assert one["actor"]["quotes"] == 3 and one["actor"]["country"] == "ARM"
    assert {c["name"] for c in one["counterparts"]} == {"Elnur Qasimov"}
    assert one["counterparts"][0]["types"] == {"CONSULT": 1, "REJECT": 1}
    assert client.get("/api/actors/kb:nobody").status_code == 404


def test_article_is_the_full_analysis_record(client: TestClient) -> None:
    record = client.get("/api/articles/drc-rwanda-luanda-ceasefire").json()
    schema = json.loads(files("newsgraph").joinpath("schema/analysis.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(record, schema)
    assert record["schema"] == "newsgraph.analysis/1" and len(record["quotes"]) == 12
    text = record["article"]["text"]
    assert all(text[q["start"] : q["end"]] == q["text"] for q in record["quotes"])
    assert record["stored"]["actor_ids"]["A1"].startswith(("kb:", "person:", "country:", "organization:", "group:"))
    assert client.get("/api/articles/no-such-article").status_code == 404
    listed = client.get("/api/articles?search=Luanda").json()["items"]
    assert [a["id"] for a in listed] == ["drc-rwanda-luanda-ceasefire"] and "text" not in listed[0]


def test_article_record_is_the_analysis_to_dict(client: TestClient, pipeline: Pipeline) -> None:
    articles = [a for a in read_inputs([str(EXAMPLES), str(XSS)]) if isinstance(a, Article)]
    assert len(articles) == 5
    for article in articles:
        record = client.get(f"/api/articles/{article.id}").json()
        assert set(record.pop("stored")) == {"actor_ids", "duplicate_of", "analysed", "ingested_at"}
        assert record == pipeline.analyze(article).to_dict(), article.id


def test_search_over_quotes_and_articles(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "Luanda"}).json()
    assert body["quotes"] and body["articles"] and body["next"] is None
    assert client.get("/api/search").status_code == 422


def test_openapi_and_docs(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/quotes", "/api/events", "/api/actors", "/api/articles", "/api/search"} <= set(paths)
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/quotes" in docs.text and "cdn" not in docs.text.lower()


def test_every_parameter_is_described_and_every_answer_has_a_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            assert "``" not in operation.get("description", ""), (method, path)
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), (method, path, parameter["name"])
            if path.startswith("/api/") and method == "get":
                schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
                assert schema["$ref"].rsplit("/", 1)[-1] in spec["components"]["schemas"], path
    page = spec["components"]["schemas"]["Page_QuoteRecord_"]
    assert {"items", "total", "next"} <= set(page["properties"])


def test_docs_page_renders_markdown_as_code_not_backticks(client: TestClient) -> None:
    html = client.get("/docs").text
    assert "``" not in html and "`" not in html.split("<main", 1)[1]
    assert "<code>kb:…</code>" in html and "<code>newsgraph.analysis/1</code>" in html
    assert "<code>AnalysisRecord</code>" in html and "<code>Page_QuoteRecord_</code>" in html


# ---- read-only, ingest -----------------------------------------------------------------------


def test_the_server_is_read_only_by_default(client: TestClient) -> None:
    for method in ("post", "put", "patch", "delete"):
        response = client.request(method, "/api/articles", json={"text": "A story."})
        assert response.status_code == 405, method
    assert client.post("/", data={"q": "x"}).status_code == 405


@pytest.fixture()
def writable(tmp_path) -> Iterator[TestClient]:
    db = newsgraph.open(tmp_path / "writable.db")
    yield TestClient(create_app(db, ingest_token=TOKEN))
    db.close()


def test_ingest_needs_the_right_token(writable: TestClient) -> None:
    article = {
        "text": "Foreign Minister Ana Prieto met Chile's president in Santiago on Monday.",
        "id": "posted-1",
        "published": "2025-01-06",
    }
    assert writable.post("/api/articles", json=article).status_code == 401
    wrong = writable.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong-token"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert writable.get("/api/articles/posted-1").status_code == 404
    auth = {"Authorization": f"Bearer {TOKEN}"}
    stored = writable.post("/api/articles", json=article, headers=auth)
    assert stored.status_code == 201 and stored.json()["status"] == "stored"
    assert writable.get(stored.json()["record"]).json()["article"]["text"] == article["text"]
    again = writable.post("/api/articles", json=article, headers=auth)
    assert again.status_code == 200 and again.json()["status"] == "already stored"
    assert writable.post("/api/articles", content=b"{not json", headers=auth).status_code == 422
    assert writable.post("/api/articles", json={"title": "no text"}, headers=auth).status_code == 422
    huge = writable.post("/api/articles", content=b"x" * (MAX_BODY_BYTES + 1), headers=auth)
    assert huge.status_code == 413


# ---- pages and escaping ----------------------------------------------------------------------

PAGES = [
    "/",
    "/?q=blockade",
    "/?speaker=Okonkwo-Strand",
    "/?actor=Brazil&type=ACCUSE",
    f"/articles/{XSS_ID}",
    f"/actors/{XSS_PERSON}",
    "/actors/kb:country/BRA",
    "/overview",
    "/overview?since=2024-11-01&until=2024-12-01",
    "/articles/drc-rwanda-luanda-ceasefire",
    "/docs",
    "/no-such-page",
    "/?since=2024-99-99",
]


@pytest.mark.parametrize("url", PAGES)
def test_untrusted_text_is_inert_on_every_page(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.headers["content-type"].startswith("text/html")
    for raw in RAW_MARKUP:
        assert raw not in response.text, f"{raw!r} unescaped in {url}"
    assert "<script>" not in response.text  # the pages' own scripts all have a src or are JSON blocks


def test_the_xss_article_shows_its_markup_as_text(client: TestClient) -> None:
    html = client.get(f"/articles/{XSS_ID}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript' not in html and "javascript:alert(1)</span>" in html  # the URL is not a link
    assert 'title="Velma Okonkwo-Strand (direct, “told”)"' in html
    assert '<span class="speaker-chip"' in html and 'id="Q1"' in html


def test_chart_data_is_json_that_cannot_close_its_script(client: TestClient) -> None:
    html = client.get(f"/actors/{XSS_PERSON}").text
    assert '<script type="application/json" data-target="timeline">' in html
    assert '<script type="application/json" data-target="network">' in html
    assert label("<b>x</b> & <img src=x>") == "&lt;b&gt;x&lt;/b&gt; &amp; &lt;img src=x&gt;"


def test_search_page_lists_quotes_with_links(client: TestClient) -> None:
    html = client.get("/", params={"speaker": "Kalonda"}).text
    assert html.count('class="quote-card"') == 3
    assert 'href="/articles/drc-rwanda-luanda-ceasefire#Q2"' in html
    assert client.get("/?since=2024-99-99").status_code == 400


def test_search_page_says_how_many_of_how_many(client: TestClient) -> None:
    total = client.get("/api/quotes?limit=1").json()["total"]
    assert total > QUOTES_PER_PAGE
    html = client.get("/").text
    assert f'<span class="count" data-total="{total}">{QUOTES_PER_PAGE} of {total}</span>' in html
    second = client.get("/", params={"offset": QUOTES_PER_PAGE}).text
    assert f">{QUOTES_PER_PAGE + 1}–{min(2 * QUOTES_PER_PAGE, total)} of {total}</span>" in second
    few = client.get("/", params={"speaker": "Kalonda"}).text
    assert '<span class="count" data-total="3">3</span>' in few


def test_actor_page_tells_who_and_what(client: TestClient) -> None:
    html = client.get("/actors/person:narek avetisyan").text
    assert "Narek Avetisyan" in html and "Armenia (ARM)" in html
    assert "We agreed on more in Bern" in html and "Elnur Qasimov" in html
    assert client.get("/actors/kb:nobody").status_code == 404


def test_security_headers_everywhere(client: TestClient) -> None:
    for url in ("/", "/api/quotes", "/static/style.css", "/no-such-page", f"/articles/{XSS_ID}"):
        headers = client.get(url).headers
        assert "script-src 'self'" in headers["content-security-policy"], url
        assert "'unsafe-inline'" not in headers["content-security-policy"].split("script-src")[1].split(";")[0]
        assert headers["x-content-type-options"] == "nosniff"


def test_plotly_is_served_from_the_package_with_caching(client: TestClient) -> None:
    response = client.get("/static/plotly.min.js", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and "plotly" in response.text[:2000].lower()
    assert response.headers["content-encoding"] == "gzip" and "max-age" in response.headers["cache-control"]
    cached = client.get("/static/plotly.min.js", headers={"If-None-Match": response.headers["etag"]})
    assert cached.status_code == 304


@pytest.mark.parametrize(
    ("since", "until", "bucket"),
    [
        ("2025-01-01", "2025-03-31", "day"),
        ("2025-01-01", "2026-06-30", "week"),
        ("2019-01-01", "2025-12-31", "month"),
        ("2007-03-01", "2025-02-28", "year"),
    ],
)
def test_overview_picks_a_bucket_that_keeps_bars_few(since: str, until: str, bucket: str) -> None:
    assert bucket_for(since, until) == bucket


def test_eighteen_years_of_events_are_drawn_as_yearly_bars() -> None:
    days = {
        f"{year}-{month:02d}-15": Counter({"CONSULT": 1, "ACCUSE": month % 3})
        for year in range(2007, 2025)
        for month in (2, 7, 11)
    }
    figure = daily(days, bucket_for("2007-01-01", "2024-12-31"))
    consult = figure["data"][0]
    assert figure["bucket"] == "year" and consult["xperiod"] == "M12"
    assert consult["x"] == [f"{year}-01-01" for year in range(2007, 2025)] and set(consult["y"]) == {3}


def test_timeline_leaves_room_for_its_date_labels() -> None:
    event = EventRecord(
        "a",
        "E1",
        "CONSULT",
        None,
        "occurred",
        ["A"],
        ["B"],
        ["x:a"],
        ["x:b"],
        None,
        None,
        None,
        None,
        None,
        "met",
        0,
        3,
        "met",
        None,
        None,
        "2025-03-04",
        "2025-03-04",
    )
    layout = timeline([event])["layout"]
    assert layout["xaxis"]["automargin"] and layout["margin"]["b"] >= 50 and layout["margin"]["r"] >= 40


def test_highlighting_escapes_each_piece_and_nests_spans() -> None:
    text = 'Ann said "<b>hi</b>" to Bo.'
    record = {
        "article": {"text": text},
        "actors": [
            {
                "id": "A1",
                "name": "Ann <x>",
                "kind": "person",
                "country": None,
                "mentions": [{"start": 0, "end": 3, "text": "Ann"}],
            }
        ],
        "quotes": [
            {
                "id": "Q1",
                "speaker": "A1",
                "speaker_name": "Ann",
                "kind": "direct",
                "cue": "said",
                "text": "<b>hi</b>",
                "start": 10,
                "end": 19,
            }
        ],
        "events": [],
        "stored": {"actor_ids": {"A1": "person:ann"}},
    }
    html = str(highlighted(record))
    assert html.startswith(
        '<a class="mention k-person" href="/actors/person:ann" title="Ann &lt;x&gt; (person)">Ann</a>'
    )
    assert (
        '<span id="Q1" class="quote q-direct" data-quote="Q1" title="Ann &lt;x&gt; (direct, “said”)">'
        '&lt;b&gt;hi&lt;/b&gt;</span><span class="speaker-chip"' in html
    )
    assert html.endswith("&#34; to Bo.")


# ---- the command -----------------------------------------------------------------------------


def test_serve_refuses_what_it_cannot_do(tmp_path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert missing.exit_code == 2 and "newsgraph ingest" in missing.output
    no_token = runner.invoke(cli, ["serve", "--allow-ingest"])
    assert no_token.exit_code == 2 and "--token-file" in no_token.output
    short = tmp_path / "token"
    short.write_text("short\n")
    weak = runner.invoke(cli, ["serve", "--allow-ingest", "--token-file", str(short)])
    assert weak.exit_code == 2 and "16 characters" in weak.output
