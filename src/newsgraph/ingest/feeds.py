"""RSS and Atom feeds (feedparser): one article per entry, from its content or summary; links are never followed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any, BinaryIO

import feedparser

from newsgraph.ingest.files import read_document
from newsgraph.ingest.html import fragment_text
from newsgraph.ingest.identity import article_id
from newsgraph.model import Article
from newsgraph.problems import Problem

FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a document open an RSS, Atom or RSS 1.0 (RDF) feed."""
    return any(root in head[:2048].lower() for root in FEED_ROOTS)


def feed_articles(data: bytes, where: str, published: str | None) -> Iterator[Article | Problem]:
    """Articles from the entries of a feed document; a Problem for a document that is not a feed."""
    feed = feedparser.parse(data)  # bytes are parsed as the document itself, never opened as a URL or path
    source = _plain(feed.feed.get("title_detail")) or None
    items = [
        _article_or_problem(entry, f"{where}[{index}]", source, published) for index, entry in enumerate(feed.entries)
    ]
    if not any(isinstance(item, Article) for item in items):
        if feed.bozo:
            yield Problem(where, f"not a valid RSS or Atom feed ({feed.bozo_exception})")
            return
        if not items:
            yield Problem(where, "feed has no entries" if feed.version else "not an RSS or Atom feed")
            return
    yield from items


def read_feed(stream: BinaryIO, where: str, published: str | None) -> Iterator[Article | Problem]:
    """Articles from a feed file."""
    yield from feed_articles(read_document(stream), where, published)


def _article_or_problem(entry: Any, where: str, source: str | None, published: str | None) -> Article | Problem:
    candidates = [*entry.get("content", []), entry.get("summary_detail")]
    text = max((_plain(detail) for detail in candidates), key=len, default="")
    if not text:
        return Problem(where, "feed entry has no text")
    url = entry.get("link") or None
    return Article(
        id=article_id(text, url),
        text=text,
        title=_plain(entry.get("title_detail")) or None,
        source=source,
        url=url,
        published=published or _date(entry.get("published_parsed") or entry.get("updated_parsed")),
    )


def _plain(detail: Any) -> str:
    """The text of a feedparser text construct (``value`` with its ``type``), markup removed."""
    if not detail or not detail.get("value"):
        return ""
    if "html" in detail.get("type", ""):
        return fragment_text(detail["value"])
    return "\n".join(" ".join(line.split()) for line in detail["value"].splitlines() if line.strip())


def _date(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
