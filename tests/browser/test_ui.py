"""The web UI in a real browser: Playwright driving Debian's Chromium against a live server on 127.0.0.1.

Skipped (with the reason) where /usr/bin/chromium is absent; CI installs it. Screenshots of the
search, actor, article and overview pages go to out/screenshots/.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import uvicorn

import newsgraph
from newsgraph.ingest.files import read_inputs
from newsgraph.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"browser tests need Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "out" / "screenshots"
EXAMPLES = Path(newsgraph.__file__).parent / "examples"
XSS = Path(__file__).parent / "xss-article.json"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    """A live server over the examples and the XSS article, in a thread."""
    corpus = newsgraph.open(tmp_path_factory.mktemp("ui") / "corpus.db")
    assert corpus.ingest(read_inputs([str(EXAMPLES), str(XSS)])).ok
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(corpus), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
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
    assert page.locator("#timeline .scatterlayer .point").count() == 3  # two CONSULTs on one day share a marker
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


@pytest.mark.parametrize("path", ["/articles/xss-harbour-dispute", "/actors/person:velma%20okonkwo%20strand",
                                  "/?q=blockade", "/?speaker=Okonkwo-Strand"])
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
