"""HTML into text: whole pages through trafilatura (main text and metadata), feed fragments through a plain parser."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import BinaryIO

import trafilatura

from newsgraph.ingest.files import read_document
from newsgraph.ingest.identity import article_id, normalise_text
from newsgraph.lang.en.punctuation import FINAL_PUNCT
from newsgraph.model import Article
from newsgraph.problems import Problem

NO_ARTICLE = "no article text found in the HTML"
MIN_PROSE_WORDS = 12  # words in sentence-like lines; navigation, log-in and cookie pages have fewer
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article header footer "
    "figure figcaption dd dt hr".split()
)
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})


def iso_date(value: str | None) -> str | None:
    """The YYYY-MM-DD date at the start of ``value``, if there is one."""
    match = ISO_DATE.match(value or "")
    return match.group(0) if match else None


def article_from_html(
    html: bytes | str,
    *,
    url: str | None = None,
    published: str | None = None,
    fallback_date: str | None = None,
) -> Article:
    """The article of an HTML page; ValueError when the page holds no article text.

    ``url`` (where the page was fetched from) wins over the page's canonical URL; the publication
    date is ``published``, else the page's own date, else ``fallback_date``.
    """
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    # A Document or None: trafilatura's return type also names the dict of its deprecated as_dict=True.
    assert not isinstance(document, dict)
    if document is None or not _has_prose(document.text or ""):
        raise ValueError(NO_ARTICLE)
    title = document.title or None
    text = _without_heading(document.text or "", title)
    page_url = url or document.url or None
    return Article(
        id=article_id(text, page_url),
        text=text,
        title=title,
        source=document.sitename or document.hostname or None,
        url=page_url,
        published=published or iso_date(document.date) or fallback_date,
    )


def read_html(stream: BinaryIO, where: str, published: str | None) -> Iterator[Article | Problem]:
    """The article of one HTML file."""
    yield article_from_html(read_document(stream), published=published)


def _has_prose(text: str) -> bool:
    lines = (line.strip() for line in text.splitlines())
    return sum(len(line.split()) for line in lines if line.endswith(FINAL_PUNCT)) >= MIN_PROSE_WORDS


def _without_heading(text: str, title: str | None) -> str:
    """The text without a first line that repeats the title (trafilatura keeps the page's <h1>)."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and normalise_text(first).casefold() == normalise_text(title).casefold():
        return rest.strip("\n")
    return text


class _TextCollector(HTMLParser):
    """Text of an HTML fragment with a line break at each block element; scripts and styles dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): one paragraph a line, spaces collapsed."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)
