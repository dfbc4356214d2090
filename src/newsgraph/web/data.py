"""Queries the web UI needs beyond ``store/queries.py``: one article whole, one actor's quotes, events and
counterparts, and the overview's aggregates. SQLAlchemy Core over ``store/schema.py``; every value bound.

Lists reuse the builders of ``store/queries.py`` (same columns, order and records) with an extra condition.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, case, exists, func, or_, select, tuple_

from newsgraph.store import schema
from newsgraph.store.queries import QUERIES, actors_select, day, events_select, merged_into, page_of, quotes_select
from newsgraph.store.reader import stored_analysis
from newsgraph.store.records import ActorRecord, EventRecord, QuoteRecord, Results
from newsgraph.web.plover import COOPERATIVE

a, q, e, ea = schema.articles, schema.quotes, schema.events, schema.event_actors
actors, article_actors, mentions = schema.actors, schema.article_actors, schema.mentions


# ---- one article -----------------------------------------------------------------------------


def article_record(conn: Connection, article_id: str) -> dict[str, Any] | None:
    """The stored ``newsgraph.analysis/1`` record of one article (``Analysis.to_dict``), plus ``stored``
    (global actor ids, duplicate link, ingest time); None when there is no such article."""
    found = stored_analysis(conn, article_id)
    if found is None:
        return None
    return {
        **found.analysis.to_dict(),
        "stored": {
            "actor_ids": found.actor_ids,
            "duplicate_of": found.duplicate_of,
            "analysed": found.analysed,
            "ingested_at": found.ingested_at,
        },
    }


# ---- one actor -------------------------------------------------------------------------------


def actor(conn: Connection, actor_id: str) -> ActorRecord | None:
    """One global actor with its aliases and counts; an id merged into another actor finds that one."""
    actor_id = merged_into(conn, actor_id) or actor_id
    rows = list(conn.execute(actors_select(conn).where(actors.c.id == actor_id)))
    records = QUERIES["actors"].records(conn, rows)
    return records[0] if records else None


def actor_roles(conn: Connection, actor_id: str, limit: int = 8) -> list[str]:
    """The roles articles gave this actor, most frequent first."""
    counts: Counter[str] = Counter()
    for roles in conn.execute(select(article_actors.c.roles).where(article_actors.c.actor_id == actor_id)).scalars():
        counts.update(dict.fromkeys(json.loads(roles), 1))
    return [role for role, _ in counts.most_common(limit)]


def quotes_by(conn: Connection, actor_id: str, limit: int, offset: int = 0) -> Results[QuoteRecord]:
    """What this actor said, newest first (one page, with the total)."""
    return page_of(conn, "quotes", quotes_select(conn).where(q.c.speaker_id == actor_id), limit=limit, offset=offset)


def quotes_about(conn: Connection, actor_id: str, limit: int) -> Results[QuoteRecord]:
    """What others said naming this actor inside the quote, or addressed to it; newest first (with the total)."""
    inner = q.alias("inner")
    named_inside = tuple_(q.c.article_id, q.c.local_id).in_(
        select(inner.c.article_id, inner.c.local_id)
        .join(
            mentions,
            and_(
                mentions.c.article_id == inner.c.article_id,
                mentions.c.start >= inner.c.start,
                mentions.c.end <= inner.c.end,
            ),
        )
        .where(mentions.c.actor_id == actor_id)
    )
    stmt = quotes_select(conn).where(
        or_(named_inside, q.c.addressee_id == actor_id), or_(q.c.speaker_id.is_(None), q.c.speaker_id != actor_id)
    )
    return page_of(conn, "quotes", stmt, limit=limit)


def events_of(conn: Connection, actor_id: str, limit: int) -> Results[EventRecord]:
    """Events with this actor on either side, newest first (with the total)."""
    involved = exists().where(
        ea.c.article_id == e.c.article_id, ea.c.event_id == e.c.local_id, ea.c.actor_id == actor_id
    )
    return page_of(conn, "events", events_select(conn).where(involved), limit=limit)


@dataclass
class Counterpart:
    """An actor on the other side of events with the actor in question, and how often per event type."""

    id: str
    name: str
    types: Counter[str] = field(default_factory=Counter)

    @property
    def cooperative(self) -> int:
        return sum(n for t, n in self.types.items() if t in COOPERATIVE)

    @property
    def conflictual(self) -> int:
        return sum(n for t, n in self.types.items() if t not in COOPERATIVE)


def counterparts(conn: Connection, actor_id: str, limit: int = 24) -> list[Counterpart]:
    """Who this actor met, accused, supported…: actors on the opposite side of its events, most frequent first."""
    me, other = ea.alias("me"), ea.alias("other")
    stmt = (
        select(other.c.actor_id, actors.c.name, e.c.type, func.count().label("n"))
        .select_from(
            me.join(
                other,
                and_(
                    other.c.article_id == me.c.article_id,
                    other.c.event_id == me.c.event_id,
                    other.c.side != me.c.side,
                    other.c.actor_id != me.c.actor_id,
                ),
            )
            .join(e, and_(e.c.article_id == me.c.article_id, e.c.local_id == me.c.event_id))
            .join(actors, actors.c.id == other.c.actor_id)
        )
        .where(me.c.actor_id == actor_id)
        .group_by(other.c.actor_id, actors.c.name, e.c.type)
    )
    found: dict[str, Counterpart] = {}
    for other_id, name, event_type, n in conn.execute(stmt):
        found.setdefault(other_id, Counterpart(other_id, name)).types[event_type] += n
    return sorted(found.values(), key=lambda c: (-c.types.total(), c.name))[:limit]


# ---- overview --------------------------------------------------------------------------------


def date_bounds(conn: Connection) -> tuple[str | None, str | None]:
    """The first and last publication dates in the corpus."""
    first, last = conn.execute(select(func.min(a.c.published), func.max(a.c.published))).one()
    return first, last


def events_per_day(conn: Connection, since: str, until: str) -> dict[str, Counter[str]]:
    """Event counts per day and PLOVER type, between two days (the event's day)."""
    stmt = (
        select(e.c.day, e.c.type, func.count())
        .where(e.c.day >= day(since, "since"), e.c.day <= day(until, "until"))
        .group_by(e.c.day, e.c.type)
        .order_by(e.c.day)
    )
    days: dict[str, Counter[str]] = defaultdict(Counter)
    for event_day, event_type, n in conn.execute(stmt):
        days[event_day][event_type] += n
    return days


@dataclass
class Tally:
    """A ranked item of the overview: an actor (or a pair of actors) and its counts."""

    ids: tuple[str, ...]
    names: tuple[str, ...]
    total: int
    cooperative: int = 0


def top_speakers(conn: Connection, since: str, until: str, limit: int = 15) -> list[Tally]:
    """The most quoted actors among articles published between two days."""
    n = func.count().label("n")
    stmt = (
        select(q.c.speaker_id, actors.c.name, n)
        .join(actors, actors.c.id == q.c.speaker_id)
        .where(q.c.published >= day(since, "since"), q.c.published <= day(until, "until"))
        .group_by(q.c.speaker_id, actors.c.name)
        .order_by(n.desc(), actors.c.name)
        .limit(limit)
    )
    return [Tally((i,), (name,), count) for i, name, count in conn.execute(stmt)]


def top_pairs(conn: Connection, since: str, until: str, limit: int = 15) -> list[Tally]:
    """The actor pairs (either direction) with the most events between two days, with their cooperative share."""
    s, t = ea.alias("s"), ea.alias("t")
    first = case((s.c.actor_id < t.c.actor_id, s.c.actor_id), else_=t.c.actor_id).label("first")
    second = case((s.c.actor_id < t.c.actor_id, t.c.actor_id), else_=s.c.actor_id).label("second")
    n = func.count().label("n")
    stmt = (
        select(first, second, n, func.sum(case((e.c.type.in_(COOPERATIVE), 1), else_=0)).label("coop"))
        .select_from(
            e.join(s, and_(s.c.article_id == e.c.article_id, s.c.event_id == e.c.local_id, s.c.side == "source")).join(
                t,
                and_(
                    t.c.article_id == e.c.article_id,
                    t.c.event_id == e.c.local_id,
                    t.c.side == "target",
                    t.c.actor_id != s.c.actor_id,
                ),
            )
        )
        .where(e.c.day >= day(since, "since"), e.c.day <= day(until, "until"))
        .group_by(first, second)
        .order_by(n.desc(), first, second)
        .limit(limit)
    )
    rows = list(conn.execute(stmt))
    names = dict(
        conn.execute(
            select(actors.c.id, actors.c.name).where(actors.c.id.in_({i for r in rows for i in (r.first, r.second)}))
        ).all()
    )
    return [Tally((r.first, r.second), (names[r.first], names[r.second]), r.n, int(r.coop or 0)) for r in rows]
