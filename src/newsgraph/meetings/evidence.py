"""What the articles that mention a meeting say it produced (outcomes) and the quotes about it, read next to
each mention in the stored texts: the mention's sentence and the next for outcomes, its paragraph and the two
after it for quotes."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, and_, or_, select

from newsgraph.meetings.cues import outcome_spans
from newsgraph.store import schema
from newsgraph.store.queries import quotes_select
from newsgraph.store.records import MeetingMention, MeetingOutcome, MeetingRecord, QuoteRecord

HELD = ("occurred", "ongoing")  # a mention whose article says the meeting took place
MAX_QUOTES = 20  # quotes shown about one meeting
QUOTE_PARAGRAPHS = 3  # quotes about a meeting: in the paragraph of a mention and the two after it
articles, quotes = schema.articles, schema.quotes


def texts(conn: Connection, ids: set[str]) -> dict[str, str]:
    """The stored texts of articles ``ids``."""
    if not ids:
        return {}
    return dict(conn.execute(select(articles.c.id, articles.c.text).where(articles.c.id.in_(sorted(ids)))).all())


def outcomes(conn: Connection, mentions: dict[str, list[MeetingMention]]) -> dict[str, list[MeetingOutcome]]:
    """Per meeting, the outcome clauses of the articles that say it took place, in publication order."""
    held = {k: [x for x in ms if x.status in HELD] for k, ms in mentions.items()}
    text = texts(conn, {x.article for ms in held.values() for x in ms})
    result: dict[str, list[MeetingOutcome]] = defaultdict(list)
    for meeting_id, ms in held.items():
        for x in ms:
            body = text.get(x.article, "")
            for start, end in outcome_spans(body, x.text_start, x.text_end):
                clause = body[start:end].rstrip()
                result[meeting_id].append(MeetingOutcome(x.article, clause, start, start + len(clause)))
    return result


def paragraphs_at(text: str, start: int, count: int = QUOTE_PARAGRAPHS) -> tuple[int, int]:
    """The bounds of the paragraph (line) holding ``start`` and of the non-empty ones after it, ``count`` in all."""
    first = end = text.rfind("\n", 0, start) + 1
    for _ in range(count):
        while end < len(text) and text[end] == "\n":
            end += 1
        stop = text.find("\n", end)
        end = len(text) if stop < 0 else stop
    return first, end


def quotes_about(conn: Connection, record: MeetingRecord) -> list[QuoteRecord]:
    """Quotes in the paragraph of each of the meeting's mentions and in the two paragraphs after it."""
    text = texts(conn, {x.article for x in record.mentions})
    near = [
        and_(quotes.c.article_id == x.article, quotes.c.start >= low, quotes.c.start < high)
        for x in record.mentions
        for low, high in [paragraphs_at(text.get(x.article, ""), x.text_start)]
    ]
    if not near:
        return []
    rows = conn.execute(quotes_select(conn).where(or_(*near)).limit(MAX_QUOTES))
    return [QuoteRecord(**row._mapping) for row in rows]
