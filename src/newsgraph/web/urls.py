"""Links to the pages of actors, articles and meetings (ids are data: colons, spaces and slashes are quoted)."""

from __future__ import annotations

from urllib.parse import quote, urlsplit


def actor_url(actor_id: str) -> str:
    """The page of a global actor."""
    return "/actors/" + quote(actor_id, safe=":")


def article_url(article_id: str, fragment: str | None = None) -> str:
    """The page of an article, optionally at one of its quotes (``#Q1``)."""
    return "/articles/" + quote(article_id, safe="") + (f"#{quote(fragment, safe='')}" if fragment else "")


def meeting_url(meeting_id: str) -> str:
    """The page of a meeting."""
    return "/meetings/" + quote(meeting_id, safe="")


def external_url(url: str | None) -> str | None:
    """An article's own URL when it is http(s); anything else (``javascript:``, ``data:``) is not a link."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None
