"""Writing one article and everything analysed in it, inside the caller's transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Connection, Table, insert
from sqlalchemy.dialects import postgresql, sqlite

from newsgraph.kb.loader import KnowledgeBase
from newsgraph.model import Analysis, Article
from newsgraph.store import schema
from newsgraph.store.names import actor_key, aliases, fold


@dataclass
class StoredArticle:
    """An article ready to be written: its signature, first copy, and analysis (None: not analysed)."""

    article: Article
    signature: bytes | None = None
    duplicate_of: str | None = None
    analysis: Analysis | None = None


def write(conn: Connection, item: StoredArticle, kb: KnowledgeBase | None) -> None:
    """Insert the article row and all its analysis rows; global actors and aliases are upserted."""
    article = item.article
    conn.execute(insert(schema.articles), {
        "id": article.id, "title": article.title, "source": article.source, "url": article.url,
        "published": article.published[:10] if article.published else None, "language": article.language,
        "text": article.text, "duplicate_of": item.duplicate_of, "analysed": item.analysis is not None,
        "ingested_at": datetime.now(timezone.utc).isoformat(timespec="microseconds"), "signature": item.signature,
    })
    if item.analysis is not None:
        _write_analysis(conn, item.analysis, kb)


def _write_analysis(conn: Connection, analysis: Analysis, kb: KnowledgeBase | None) -> None:
    article_id = analysis.article.id
    published = analysis.article.published[:10] if analysis.article.published else None
    keys = {actor.id: actor_key(actor) for actor in analysis.actors}
    _insert_ignore(conn, schema.actors, [
        {"id": keys[a.id], "name": a.name, "kind": a.kind, "kb_id": a.kb_id, "country": a.country, "sector": a.sector}
        for a in analysis.actors])
    _insert_ignore(conn, schema.actor_aliases, [
        {"actor_id": keys[a.id], "alias": alias, "folded": fold(alias)} for a in analysis.actors for alias in aliases(a, kb)])
    _insert(conn, schema.article_actors, [
        {"article_id": article_id, "local_id": a.id, "actor_id": keys[a.id], "name": a.name,
         "roles": json.dumps(a.roles, ensure_ascii=False)} for a in analysis.actors])
    _insert(conn, schema.mentions, [
        {"article_id": article_id, "local_id": a.id, "seq": seq, "actor_id": keys[a.id],
         "start": m.start, "end": m.end, "text": m.text}
        for a in analysis.actors for seq, m in enumerate(a.mentions)])
    _insert(conn, schema.quotes, [
        {"article_id": article_id, "local_id": q.id, "speaker_id": keys.get(q.speaker or ""), "speaker_name": q.speaker_name,
         "kind": q.kind, "cue": q.cue, "addressee_id": keys.get(q.addressee or ""), "text": q.text,
         "start": q.start, "end": q.end, "published": published} for q in analysis.quotes])
    _insert(conn, schema.events, [
        {"article_id": article_id, "local_id": e.id, "type": e.type, "mode": e.mode, "status": e.status,
         "when_text": e.when.text if e.when else None, "when_value": e.when.value if e.when else None,
         "when_assumed": e.when.assumed if e.when else None,
         "where_text": e.where.text if e.where else None, "where_country": e.where.country if e.where else None,
         "trigger": e.trigger, "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
         "evidence_text": e.evidence.text, "cameo": e.cameo, "goldstein": e.goldstein, "published": published,
         "day": first_day(e.when.value if e.when else None) or published} for e in analysis.events])
    sides = {(e.id, side, keys[local]) for e in analysis.events
             for side, locals_ in (("source", e.source), ("target", e.target)) for local in locals_ if local in keys}
    _insert(conn, schema.event_actors, [
        {"article_id": article_id, "event_id": event_id, "side": side, "actor_id": actor}
        for event_id, side, actor in sorted(sides)])
    _insert(conn, schema.times, [
        {"article_id": article_id, "seq": seq, "text": t.text, "start": t.start, "end": t.end, "value": t.value}
        for seq, t in enumerate(analysis.times)])


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


def _insert(conn: Connection, table: Table, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def _insert_ignore(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Insert rows, leaving those whose key is already there (idempotent upsert of shared rows)."""
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    unique: dict[tuple, dict] = {}
    for row in rows:
        unique.setdefault(tuple(row[c.name] for c in table.primary_key), row)
    conn.execute(dialect.insert(table).on_conflict_do_nothing(), list(unique.values()))
