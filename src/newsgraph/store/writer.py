"""Writing one article and everything analysed in it, inside the caller's transaction."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.dialects import postgresql, sqlite

from newsgraph.kb.loader import KnowledgeBase
from newsgraph.model import Analysis, Article, Event, Quote
from newsgraph.namekey import display_name
from newsgraph.store import schema
from newsgraph.store.identity import Identities, person_key
from newsgraph.store.names import aliases, fold


@dataclass
class StoredArticle:
    """An article ready to be written: its signature, first copy, and analysis (None: not analysed)."""

    article: Article
    signature: bytes | None = None
    duplicate_of: str | None = None
    analysis: Analysis | None = None


def write(conn: Connection, items: list[StoredArticle], kb: KnowledgeBase | None) -> None:
    """Insert the articles and all their analysis rows, table by table (parents first);
    global actors and aliases are inserted only where absent."""
    merged: dict[str, list[dict]] = defaultdict(list)
    identities = Identities(conn)
    for item in items:
        for name, table_rows in rows(item, kb, identities).items():
            merged[name].extend(table_rows)
    for table in schema.CORPUS_TABLES:
        if table in (schema.actors, schema.actor_aliases):
            _insert_ignore(conn, table, merged[table.name])
        elif merged[table.name]:
            conn.execute(insert(table), merged[table.name])


def rows(item: StoredArticle, kb: KnowledgeBase | None, identities: Identities) -> dict[str, list[dict]]:
    """The rows of one article, by table name; actors get their stored ids from ``identities``."""
    article = item.article
    published = article.published[:10] if article.published else None
    result = {
        "articles": [
            {
                "id": article.id,
                "title": article.title,
                "source": article.source,
                "url": article.url,
                "published": published,
                "language": article.language,
                "text": article.text,
                "duplicate_of": item.duplicate_of,
                "analysed": item.analysis is not None,
                "ingested_at": datetime.now(UTC).isoformat(timespec="microseconds"),
                "signature": item.signature,
            }
        ]
    }
    if item.analysis is not None:
        result.update(_analysis_rows(item.analysis, published, kb, identities))
    return result


def _analysis_rows(
    analysis: Analysis, published: str | None, kb: KnowledgeBase | None, identities: Identities
) -> dict[str, list[dict]]:
    article_id = analysis.article.id
    keys = {actor.id: identities.id_of(actor) for actor in analysis.actors}
    sides = {
        (e.id, side, keys[local])
        for e in analysis.events
        for side, locals_ in (("source", e.source), ("target", e.target))
        for local in locals_
        if local in keys
    }
    return {
        "actors": [
            {
                "id": keys[a.id],
                "name": display_name(a.name),
                "kind": a.kind,
                "kb_id": a.kb_id,
                "country": a.country,
                "sector": a.sector,
                "name_key": None if a.kb_id else person_key(a.kind, a.name),
            }
            for a in analysis.actors
        ],
        "actor_aliases": [
            {"actor_id": keys[a.id], "alias": alias, "folded": fold(alias)}
            for a in analysis.actors
            for alias in aliases(a, kb)
        ],
        "article_actors": [
            {
                "article_id": article_id,
                "local_id": a.id,
                "actor_id": keys[a.id],
                "name": a.name,
                "roles": json.dumps(a.roles, ensure_ascii=False),
            }
            for a in analysis.actors
        ],
        "mentions": [
            {
                "article_id": article_id,
                "local_id": a.id,
                "seq": seq,
                "actor_id": keys[a.id],
                "start": m.start,
                "end": m.end,
                "text": m.text,
            }
            for a in analysis.actors
            for seq, m in enumerate(a.mentions)
        ],
        "quotes": [
            {
                "article_id": article_id,
                "local_id": q.id,
                "speaker_id": keys.get(q.speaker or ""),
                "speaker_name": q.speaker_name,
                "kind": q.kind,
                "cue": q.cue,
                "addressee_id": keys.get(q.addressee or ""),
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "published": published,
            }
            for q in analysis.quotes
        ],
        "quote_speakers": [
            {"article_id": article_id, "quote_id": q.id, "seq": seq, "actor_id": actor}
            for q in analysis.quotes
            for seq, actor in enumerate(_speaker_ids(q, keys))
        ],
        "events": [
            {
                "article_id": article_id,
                **event_columns(e),
                "published": published,
                "day": first_day(e.when.value if e.when else None) or published,
            }
            for e in analysis.events
        ],
        "event_actors": [
            {"article_id": article_id, "event_id": event_id, "side": side, "actor_id": actor}
            for event_id, side, actor in sorted(sides)
        ],
        "event_mentions": [
            {"article_id": article_id, "event_id": e.id, "seq": seq, "start": m.start, "end": m.end, "text": m.text}
            for e in analysis.events
            for seq, m in enumerate(e.mentions)
        ],
        "times": [
            {"article_id": article_id, "seq": seq, "text": t.text, "start": t.start, "end": t.end, "value": t.value}
            for seq, t in enumerate(analysis.times)
        ],
    }


def _speaker_ids(quote: Quote, keys: dict[str, str]) -> list[str]:
    """The stored ids of everyone who says ``quote``, its speaker first, each once."""
    local = quote.speakers or ([quote.speaker] if quote.speaker else [])
    return list(dict.fromkeys(keys[a] for a in local if a in keys))


def event_columns(e: Event) -> dict[str, Any]:
    """An event's own columns of the ``events`` table (the store's and the batch dataset's)."""
    return {
        "local_id": e.id,
        "type": e.type,
        "mode": e.mode,
        "status": e.status,
        "when_text": e.when.text if e.when else None,
        "when_value": e.when.value if e.when else None,
        "when_assumed": e.when.assumed if e.when else None,
        "where_text": e.where.text if e.where else None,
        "where_country": e.where.country if e.where else None,
        "trigger": e.trigger,
        "evidence_start": e.evidence.start,
        "evidence_end": e.evidence.end,
        "evidence_text": e.evidence.text,
        "cameo": e.cameo,
        "goldstein": e.goldstein,
    }


def first_day(value: str | None) -> str | None:
    """The first day of a TIMEX3 date value (``2025-08-19``, ``2025-08``, ``2025``, ``2025-W33``), else None."""
    if not value or not value[:4].isdigit():
        return None
    try:
        if len(value) == 8 and value[4:6] == "-W":
            return date.fromisocalendar(int(value[:4]), int(value[6:8]), 1).isoformat()
        parts = [int(p) for p in value[:10].split("-")]
        return date(parts[0], *(parts[1:] + [1, 1])[:2]).isoformat()
    except ValueError:
        return None


def _insert_ignore(conn: Connection, table: Table, table_rows: list[dict]) -> None:
    """Insert rows, leaving those whose key is already there (idempotent upsert of shared rows)."""
    if not table_rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    unique: dict[tuple, dict] = {}
    for row in table_rows:
        unique.setdefault(tuple(row[c.name] for c in table.primary_key), row)
    conn.execute(dialect.insert(table).on_conflict_do_nothing(), list(unique.values()))
