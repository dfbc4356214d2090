"""The web UI in a real browser: Playwright driving Debian's Chromium against a live server on 127.0.0.1.

Skipped (with the reason) where /usr/bin/chromium is absent; CI installs it. Screenshots of the
search, actor, article and overview pages go to out/screenshots/.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
import uvicorn

import newsgraph
import newsgraph.api
from newsgraph.ingest.files import read_inputs
from newsgraph.model import Actor, Analysis, Article, Event, Evidence, Mention
from newsgraph.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "out" / "screenshots"
EXAMPLES = Path(newsgraph.__file__).parent / "examples"
XSS = Path(__file__).parent / "xss-article.json"
ROUNDS = ROOT / "tests" / "fixtures" / "meetings" / "rounds.jsonl"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(corpus: newsgraph.api.Corpus) -> Iterator[str]:
    """A live server over ``corpus`` in a thread; its base URL."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(corpus), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """A live server over the examples and the XSS article."""
    corpus = newsgraph.open(tmp_path_factory.mktemp("ui") / "corpus.db")
    assert corpus.ingest(read_inputs([str(EXAMPLES), str(XSS)])).ok
    with serving(corpus) as url:
        yield url
    corpus.close()


FIRST_YEAR, LAST_YEAR = 2007, 2024


def yearly_analysis(year: int, month: int) -> Analysis:
    """A short hand-written article with one event, published in ``year``."""
    text = f"Minister Ana Berg met envoy Tomas Novak in Oslo on {month:02d}/{year}."
    published = f"{year}-{month:02d}-10"
    people = [
        Actor(
            f"A{i + 1}",
            name,
            "person",
            None,
            "NOR",
            "GOV",
            [],
            [Mention(text.index(name), text.index(name) + len(name), name)],
        )
        for i, name in enumerate(("Ana Berg", "Tomas Novak"))
    ]
    met = text.index("met")
    return Analysis(
        Article(f"berg-{published}", text, title=f"Berg meets Novak, {year}", published=published),
        actors=people,
        events=[Event("E1", "CONSULT", "occurred", ["A1"], ["A2"], "met", Evidence(met, met + 3, "met"))],
    )


@pytest.fixture(scope="module")
def long_range_url(tmp_path_factory) -> Iterator[str]:
    """A live server over a store whose events span eighteen years."""
    corpus = newsgraph.open(tmp_path_factory.mktemp("years") / "corpus.db")
    analyses = [yearly_analysis(year, month) for year in range(FIRST_YEAR, LAST_YEAR + 1) for month in (3, 9)]
    report = corpus.ingest(analyses, reanalyze_duplicates=True)  # alike texts: near-duplicates, analysed too
    assert report.ok and corpus.events().total == len(analyses)
    with serving(corpus) as url:
        yield url
    corpus.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page that records every dialog, console error and uncaught exception."""

    def __init__(self, page: Page):
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("dialog", self._dialog)
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(f"pageerror: {exc}"))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)


@pytest.fixture()
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    yield Watched(context.new_page())
    context.close()


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_search_a_speaker_and_open_a_quote_in_its_article(base_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base_url + "/")
    page.fill("input[name=speaker]", "Kalonda")
    page.click("button[type=submit]")
    page.wait_for_selector(".quote-card")
    assert page.locator(".quote-card").count() == 3
    assert page.locator(".quote-card blockquote").first.text_content()
    _shot(page, "search")
    page.locator(".quote-card a.source").nth(1).click()
    page.wait_for_url("**/articles/drc-rwanda-luanda-ceasefire#Q*")
    quote_id = page.url.rsplit("#", 1)[1]
    marked = page.locator(f"span.quote#{quote_id}")
    assert marked.is_visible()
    assert "Aimée Kalonda" in marked.get_attribute("title")
    assert page.locator(".speaker-chip", has_text="Aimée Kalonda").count() >= 1
    _shot(page, "article")
    assert not watched.errors and not watched.dialogs


def test_actor_page_draws_its_timeline_and_counterparts(base_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{base_url}/actors/{quote('person:narek avetisyan')}")
    page.wait_for_selector("#timeline .main-svg")
    page.wait_for_selector("#network .main-svg")
    assert page.locator("#timeline .scatterlayer .point").count() == 2  # the talks with Qasimov and the rejection
    assert "Elnur Qasimov" in page.locator("#network").text_content()
    _shot(page, "actor")
    assert not watched.errors and not watched.dialogs


def test_overview_draws_events_per_day(base_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base_url + "/overview")
    page.wait_for_selector("#daily .main-svg")
    assert page.locator(".ranking li").count() > 0
    _shot(page, "overview")
    assert not watched.errors and not watched.dialogs


@pytest.mark.parametrize(
    "path",
    [
        "/articles/xss-harbour-dispute",
        "/actors/person:velma%20okonkwo%20strand",
        "/?q=blockade",
        "/?speaker=Okonkwo-Strand",
    ],
)
def test_the_xss_article_stays_inert(base_url: str, watched: Watched, path: str) -> None:
    page = watched.page
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    body = page.locator("main").text_content()
    assert "<script>alert(1)</script>" in body or "Okonkwo-Strand" in body
    assert page.locator("main script:not([type='application/json'])").count() == 0
    assert page.locator("main img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    if path.startswith("/actors"):
        page.wait_for_selector("#network .main-svg")
    assert watched.dialogs == []
    assert watched.errors == []


def test_search_says_how_many_quotes_of_how_many(base_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(base_url + "/")
    count = page.locator(".col-main h2 .count")
    first = re.fullmatch(r"(\d+) of (\d+)", count.text_content().strip())
    assert first, count.text_content()
    shown, total = int(first[1]), int(first[2])
    assert shown == page.locator(".quote-card").count() < total == int(count.get_attribute("data-total"))
    page.click("nav.pager >> text=older")
    page.wait_for_url("**offset=*")
    assert count.text_content().strip() == f"{shown + 1}–{min(2 * shown, total)} of {total}"
    assert not watched.errors and not watched.dialogs


def test_eighteen_years_of_events_are_yearly_bars_not_hairlines(long_range_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(long_range_url + "/overview")
    page.wait_for_selector("#daily .main-svg")
    assert "Events per year" in page.locator("main h2").first.text_content()
    bars = page.locator("#daily .barlayer .trace .point path")
    boxes = [bars.nth(i).bounding_box() for i in range(bars.count())]
    drawn = [box for box in boxes if box["height"] > 1]  # every event is a CONSULT: the other quads are empty
    assert len({round(box["x"]) for box in drawn}) == len(drawn) == LAST_YEAR - FIRST_YEAR + 1  # a bar a year
    assert min(box["width"] for box in drawn) > 10, drawn
    _shot(page, "overview-years")
    assert not watched.errors and not watched.dialogs


def test_actor_timeline_date_labels_are_inside_the_chart(base_url: str, watched: Watched) -> None:
    page = watched.page
    page.goto(f"{base_url}/actors/{quote('person:narek avetisyan')}")
    page.wait_for_selector("#timeline .xtick text")
    chart = page.locator("#timeline .main-svg").first.bounding_box()
    labels = page.locator("#timeline .xtick text")
    assert labels.count() >= 2
    for i in range(labels.count()):
        box = labels.nth(i).bounding_box()
        assert chart["x"] <= box["x"] and box["x"] + box["width"] <= chart["x"] + chart["width"], i
        assert box["y"] + box["height"] <= chart["y"] + chart["height"], i
    assert not watched.errors and not watched.dialogs


def test_docs_page_renders_without_rst_backticks(base_url: str, watched: Watched) -> None:
    page = watched.page
    response = page.goto(base_url + "/docs")
    assert response.status == 200
    main = page.locator("main")
    assert "/api/quotes" in main.text_content() and "``" not in main.text_content()
    assert page.locator("main .endpoint").count() >= 7
    assert page.locator("main .description code", has_text="newsgraph.analysis/1").count() >= 1
    assert page.locator("main .responses code", has_text="Page_QuoteRecord_").count() == 1
    assert all(url.startswith(base_url) for url in watched.requests)
    _shot(page, "docs")
    assert not watched.errors and not watched.dialogs


@pytest.fixture(scope="module")
def meetings_url(tmp_path_factory) -> Iterator[str]:
    """A live server over the invented summit articles (tests/fixtures/meetings)."""
    corpus = newsgraph.open(tmp_path_factory.mktemp("meetings") / "corpus.db")
    assert corpus.ingest(read_inputs([str(ROOT / "tests" / "fixtures" / "meetings" / "summit.jsonl")])).ok
    with serving(corpus) as url:
        yield url
    corpus.close()


def test_meetings_timeline_filters_and_a_meeting_shows_its_history_with_evidence(
    meetings_url: str, watched: Watched
) -> None:
    page = watched.page
    page.goto(meetings_url + "/meetings")
    assert page.locator("ol.meetings li").count() == 2
    page.select_option("select[name=status]", "occurred")
    page.fill("input[name=actor]", "Merz")
    page.fill("input[name=until]", "2026-03-31")
    page.click("button[type=submit]")
    page.wait_for_url("**/meetings?*until=2026-03-31*")
    assert page.locator("ol.meetings li").count() == 1
    _shot(page, "meetings")
    page.locator("ol.meetings li a").first.click()
    page.wait_for_url("**/meetings/m-*")
    assert "proposed → planned → occurred" in page.locator("main").text_content()
    assert page.locator("ol.mentions li").count() == 3
    _shot(page, "meeting")
    page.locator("ol.mentions li a", has_text="Leaders meet in Geneva").click()
    page.wait_for_url("**/articles/summit-held#E1")
    assert page.locator("span.event#E1").is_visible()
    assert not watched.errors and not watched.dialogs


@pytest.fixture(scope="module")
def rounds_corpus(tmp_path_factory) -> Iterator[tuple[newsgraph.api.Corpus, str]]:
    """A live server over the invented rounds of talks, all but the article that recalls the second round."""
    corpus = newsgraph.open(tmp_path_factory.mktemp("rounds") / "corpus.db")
    articles = list(read_inputs([str(ROUNDS)]))
    assert corpus.ingest([a for a in articles if a.id != "round-two-recalled"]).ok
    with serving(corpus) as url:
        yield corpus, url
    corpus.close()


def test_a_round_shows_its_mediator_outcome_and_quotes_and_a_new_article_joins_it_while_served(
    rounds_corpus: tuple[newsgraph.api.Corpus, str], watched: Watched
) -> None:
    corpus, url = rounds_corpus
    page = watched.page
    page.goto(url + "/meetings")
    page.locator("ol.meetings li a", has_text="round 2").click()
    page.wait_for_url("**/meetings/m-*")
    main = page.locator("main")
    assert "mediators: USA" in main.text_content()
    assert page.locator("ul.outcomes li").count() == 1
    assert "agreed to exchange 200 prisoners each." in page.locator("ul.outcomes").text_content()
    assert "We made progress on every point" in page.locator("ul.quotes").text_content()
    assert page.locator("ol.mentions li").count() == 1
    _shot(page, "meeting-round")
    recalled = [a for a in read_inputs([str(ROUNDS)]) if a.id == "round-two-recalled"]
    assert corpus.ingest(recalled).new == 1  # linked at ingest, no rebuild
    page.reload()
    assert page.locator("ol.mentions li").count() == 2
    assert "Kremlin recalls second round" in page.locator("ol.mentions").text_content()
    page.locator("ul.quotes li", has_text="We made progress").locator("a").click()
    page.wait_for_url("**/articles/round-two-held#Q1")
    assert not watched.errors and not watched.dialogs


def test_an_actor_page_lists_its_meetings(rounds_corpus: tuple[newsgraph.api.Corpus, str], watched: Watched) -> None:
    corpus, url = rounds_corpus
    (sybiha,) = [a for a in corpus.actors(search="Sybiha") if a.kind == "person"]
    page = watched.page
    page.goto(url + "/actors/" + quote(sybiha.id, safe=""))
    meetings = page.locator("ol.meetings li")
    assert meetings.count() >= 3 and meetings.filter(has_text="phone call").count() == 1
    meetings.filter(has_text="round 3").locator("a").first.click()
    page.wait_for_url("**/meetings/m-*")
    assert "mediators: CHE" in page.locator("main").text_content()
    assert not watched.errors and not watched.dialogs
