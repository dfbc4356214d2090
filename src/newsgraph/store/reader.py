"""Reading one stored article back as its ``Analysis`` (the inverse of ``writer.py``), so that its
``newsgraph.analysis/1`` record comes from ``Analysis.to_dict`` like everywhere else."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from newsgraph.model import Actor, Analysis, Article, Event, Evidence, Mention, Place, Quote, TimeExpr, When
from newsgraph.store import schema

a, q, e, ea = schema.articles, schema.quotes, schema.events, schema.event_actors
qs = schema.quote_speakers
article_actors, mentions, times = schema.article_actors, schema.mentions, schema.times


@dataclass
class StoredAnalysis:
    """An article's analysis as stored, and what the store adds: the global actor id of each local
    actor, the first copy of a near-duplicate, whether it was analysed and when it was ingested."""

    analysis: Analysis
    actor_ids: dict[str, str]
    duplicate_of: str | None
    analysed: bool
    ingested_at: str


def local_order(local_id: str) -> tuple[int, str]:
    """A1 < A2 < A10."""
    return len(local_id), local_id


def stored_analysis(conn: Connection, article_id: str) -> StoredAnalysis | None:
    """The stored analysis of one article (empty lists when it was not analysed); None when there is no
    such article. Event sides list an article's actors in the order of their global ids."""
    row = conn.execute(select(*(c for c in a.c if c.name != "signature")).where(a.c.id == article_id)).first()
    if row is None:
        return None

    def where(table: Any) -> Any:
        return table.c.article_id == article_id

    actor_rows = sorted(
        conn.execute(
            select(
                article_actors.c.local_id,
                article_actors.c.actor_id,
                article_actors.c.name,
                article_actors.c.roles,
                schema.actors.c.kind,
                schema.actors.c.kb_id,
                schema.actors.c.country,
                schema.actors.c.sector,
            )
            .join(schema.actors, schema.actors.c.id == article_actors.c.actor_id)
            .where(where(article_actors))
        ),
        key=lambda r: local_order(r.local_id),
    )
    spans: dict[str, list[Mention]] = defaultdict(list)
    for m in conn.execute(select(mentions).where(where(mentions)).order_by(mentions.c.local_id, mentions.c.seq)):
        spans[m.local_id].append(Mention(m.start, m.end, m.text))
    local: dict[str, str] = {}
    for r in actor_rows:
        local.setdefault(r.actor_id, r.local_id)
    sides: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s in conn.execute(select(ea).where(where(ea)).order_by(ea.c.actor_id)):
        if s.actor_id in local:
            sides[s.event_id, s.side].append(local[s.actor_id])
    voices: dict[str, list[str]] = defaultdict(list)
    for v in conn.execute(select(qs).where(where(qs)).order_by(qs.c.quote_id, qs.c.seq)):
        if v.actor_id in local:
            voices[v.quote_id].append(local[v.actor_id])
    analysis = Analysis(
        article=Article(
            id=row.id,
            text=row.text,
            title=row.title,
            source=row.source,
            url=row.url,
            published=row.published,
            language=row.language,
        ),
        actors=[
            Actor(
                id=r.local_id,
                name=r.name,
                kind=r.kind,
                kb_id=r.kb_id,
                country=r.country,
                sector=r.sector,
                roles=json.loads(r.roles),
                mentions=spans[r.local_id],
            )
            for r in actor_rows
        ],
        quotes=[
            Quote(
                id=r.local_id,
                speaker=local.get(r.speaker_id),
                speaker_name=r.speaker_name,
                kind=r.kind,
                cue=r.cue,
                addressee=local.get(r.addressee_id),
                text=r.text,
                start=r.start,
                end=r.end,
                speakers=voices[r.local_id],
            )
            for r in sorted(conn.execute(select(q).where(where(q))), key=lambda r: local_order(r.local_id))
        ],
        events=[
            _event(r, sides)
            for r in sorted(conn.execute(select(e).where(where(e))), key=lambda r: local_order(r.local_id))
        ],
        times=[
            TimeExpr(t.text, t.start, t.end, t.value)
            for t in conn.execute(select(times).where(where(times)).order_by(times.c.seq))
        ],
    )
    return StoredAnalysis(
        analysis, {r.local_id: r.actor_id for r in actor_rows}, row.duplicate_of, row.analysed, row.ingested_at
    )


def _event(r: Any, sides: dict[tuple[str, str], list[str]]) -> Event:
    return Event(
        id=r.local_id,
        type=r.type,
        mode=r.mode,
        status=r.status,
        source=sides[r.local_id, "source"],
        target=sides[r.local_id, "target"],
        when=When(r.when_text, r.when_value, bool(r.when_assumed)) if r.when_value is not None else None,
        where=Place(r.where_text, r.where_country) if r.where_text is not None else None,
        trigger=r.trigger,
        evidence=Evidence(r.evidence_start, r.evidence_end, r.evidence_text),
        cameo=r.cameo,
        goldstein=r.goldstein,
    )
