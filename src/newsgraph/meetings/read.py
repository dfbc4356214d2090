"""Reading meetings: the one query layer behind ``newsgraph meetings``, ``db.meetings()``, ``/api/meetings`` and
the meeting pages. A process is a negotiation track: the meetings of one set of sides, mediators aside
("USA-brokered RUS–UKR talks")."""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from sqlalchemy import Connection, Row, Select, exists, func, or_, select

from newsgraph.meetings import FORMAT
from newsgraph.meetings.evidence import outcomes
from newsgraph.meetings.link import continuing, rank
from newsgraph.store import DEFAULT_LIMIT, MAX_LIMIT, schema
from newsgraph.store.queries import checked, date_range, named, page_bounds
from newsgraph.store.records import MeetingMention, MeetingRecord, Results

m, mp, mm = schema.meetings, schema.meeting_participants, schema.meeting_mentions
e, ea, actors, articles = schema.events, schema.event_actors, schema.actors, schema.articles
CODE = re.compile(r"^[A-Z]{2,4}$")  # a participant code as typed: RUS, UN, EU, NATO
PAGE = 50  # meetings listed on an actor's page
STATUSES = ("proposed", "planned", "ongoing", "occurred", "cancelled", "rejected", "hypothetical")


def meetings_select(
    *, actor: str | None = None, since: str | None = None, until: str | None = None, status: str | None = None
) -> Select:
    """Meetings, latest first (by their date, else their last mention); ``actor`` is a participant's code, or a
    name or alias of an actor on one of its events; ``since``/``until`` apply to the meeting's day."""
    conditions = date_range(m.c.day, since, until)
    if actor is not None:
        code = actor.strip()
        by_code = exists().where(mp.c.meeting_id == m.c.id, mp.c.code == code) if CODE.match(code) else None
        by_name = exists().where(
            mm.c.meeting_id == m.c.id,
            ea.c.article_id == mm.c.article_id,
            ea.c.event_id == mm.c.event_id,
            ea.c.actor_id.in_(named(actor, country_code=True)),
        )
        conditions.append(or_(by_name, by_code) if by_code is not None else by_name)
    if status is not None:
        conditions.append(m.c.status == status.strip().lower())
    return select(m).where(*conditions).order_by(m.c.day.desc().nulls_last(), m.c.id)


def meetings(
    conn: Connection, *, limit: int = DEFAULT_LIMIT, offset: int = 0, **filters: str | None
) -> Results[MeetingRecord]:
    """One page of meetings matching ``filters`` (``meetings_select``), with their ``total``."""
    limit, offset = page_bounds(limit, offset)
    stmt = meetings_select(**{k: checked(k, v) for k, v in filters.items() if v is not None})
    records = meeting_records(conn, list(conn.execute(stmt.limit(limit).offset(offset))))
    total = conn.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()
    return Results(records, MeetingRecord, total=total, offset=offset)


def every_meeting(conn: Connection, **filters: str | None) -> Iterator[MeetingRecord]:
    """All meetings matching ``filters``, page by page."""
    offset = 0
    while True:
        page = meetings(conn, limit=MAX_LIMIT, offset=offset, **filters)
        yield from page
        if not page.more:
            return
        offset += len(page)


def meetings_of(conn: Connection, actor_id: str, limit: int = PAGE) -> Results[MeetingRecord]:
    """The meetings a stored actor takes part in (on one of their events, or as a participant), latest first."""
    on_event = exists().where(
        mm.c.meeting_id == m.c.id,
        ea.c.article_id == mm.c.article_id,
        ea.c.event_id == mm.c.event_id,
        ea.c.actor_id == actor_id,
    )
    by_code = exists().where(mp.c.meeting_id == m.c.id, mp.c.code == actor_id)
    stmt = select(m).where(or_(on_event, by_code)).order_by(m.c.day.desc().nulls_last(), m.c.id)
    rows = list(conn.execute(stmt.limit(limit + 1)))
    total = len(rows) if len(rows) <= limit else None
    return Results(meeting_records(conn, rows[:limit]), MeetingRecord, total=total)


def meeting(conn: Connection, meeting_id: str) -> MeetingRecord | None:
    """One meeting by id, or None."""
    rows = list(conn.execute(select(m).where(m.c.id == checked("id", meeting_id))))
    return meeting_records(conn, rows)[0] if rows else None


def participants_of(conn: Connection, ids: Iterable[str] | Select) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """The participant codes of these meetings, and which of them mediate, by meeting id."""
    codes: dict[str, set[str]] = defaultdict(set)
    mediators: dict[str, set[str]] = defaultdict(set)
    for meeting_id, code, mediator in conn.execute(
        select(mp.c.meeting_id, mp.c.code, mp.c.mediator).where(mp.c.meeting_id.in_(ids))
    ):
        codes[meeting_id].add(code)
        if mediator:
            mediators[meeting_id].add(code)
    return codes, mediators


def meeting_records(conn: Connection, rows: list[Row]) -> list[MeetingRecord]:
    """Meeting rows with their participants, people and mentions (one per article: its most settled status)."""
    ids = [r.id for r in rows]
    codes, mediators = participants_of(conn, ids)
    people: dict[str, set[str]] = defaultdict(set)
    persons = (
        select(mm.c.meeting_id, actors.c.name)
        .join(ea, (ea.c.article_id == mm.c.article_id) & (ea.c.event_id == mm.c.event_id))
        .join(actors, actors.c.id == ea.c.actor_id)
        .where(mm.c.meeting_id.in_(ids), actors.c.kind == "person")
    )
    for meeting_id, name in conn.execute(persons):
        people[meeting_id].add(name)
    mentions = _mentions(conn, ids)
    produced = outcomes(conn, mentions)
    return [
        MeetingRecord(
            id=r.id,
            label=r.label,
            kind=r.kind,
            participants=sorted(codes[r.id]),
            mediators=sorted(mediators[r.id]),
            people=sorted(people[r.id]),
            place=r.place,
            start=r.start,
            end=r.end,
            round=r.round,
            level=r.level,
            process=process_id(sides(sorted(codes[r.id]), sorted(mediators[r.id]))),
            status=r.status,
            outcomes=produced[r.id],
            mentions=mentions[r.id],
        )
        for r in rows
    ]


def _mentions(conn: Connection, ids: list[str]) -> dict[str, list[MeetingMention]]:
    """Per meeting, one mention per article in publication order: the article's status (``_told``)."""
    stmt = (
        select(mm, e.c.evidence_text, e.c.evidence_start, e.c.evidence_end, articles.c.title)
        .join(e, (e.c.article_id == mm.c.article_id) & (e.c.local_id == mm.c.event_id))
        .join(articles, articles.c.id == mm.c.article_id)
        .where(mm.c.meeting_id.in_(ids))
    )
    told: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in conn.execute(stmt):
        told[row.meeting_id, row.article_id].append(row)
    best = {key: _told(rows) for key, rows in told.items()}
    result: dict[str, list[MeetingMention]] = defaultdict(list)
    for (meeting_id, _), row in sorted(best.items(), key=lambda kv: (kv[1].published or "", kv[1].article_id)):
        result[meeting_id].append(
            MeetingMention(
                article=row.article_id,
                event=row.event_id,
                published=row.published,
                status=row.status,
                start=row.start,
                end=row.end,
                place=row.place,
                text=row.evidence_text,
                text_start=row.evidence_start,
                text_end=row.evidence_end,
                title=row.title,
            )
        )
    return result


def sides(participants: list[str], mediators: list[str]) -> list[str]:
    """The participants that are not mediators (all of them where every one mediates)."""
    return [c for c in participants if c not in mediators] or participants


def _told(rows: list[Row]) -> Row:
    """The mention of an article that states the meeting's status as of it (as ``link.article_status``): an
    ongoing one where the body tells the meeting as held and then as going on, else its body's most settled one,
    then the first."""
    ongoing = continuing([(r.headline, r.status, r.start) for r in rows])
    return min(rows, key=lambda r: (r.headline, ongoing and r.status != "ongoing", rank(r.status), r.evidence_start))


def process_id(codes: list[str]) -> str:
    """The process of a meeting: one per set of sides."""
    return "p-" + hashlib.sha1("\x00".join(sorted(codes)).encode()).hexdigest()[:12]


def display(code: str) -> str:
    """A participant as a label shows it: its code, or the name in an actor id ("person:ana lee" → "Ana Lee")."""
    return code.split(":", 1)[1].title() if ":" in code else code


def process_label(records: list[MeetingRecord]) -> str:
    """ "USA-brokered RUS–UKR talks": the sides, and the mediators the process's meetings name most often."""
    counts = Counter(c for r in records for c in r.mediators)
    brokers = [c for c, n in counts.most_common() if n == counts.most_common(1)[0][1]]
    track = "–".join(map(display, sides(records[0].participants, records[0].mediators))) + " talks"
    return f"{'/'.join(sorted(brokers))}-brokered {track}" if brokers else track


def processes(records: list[MeetingRecord]) -> list[dict[str, Any]]:
    """The processes the ``records`` belong to, each with its mediators and meetings' ids (latest first)."""
    grouped: dict[str, list[MeetingRecord]] = defaultdict(list)
    for record in records:
        grouped[record.process].append(record)
    return [
        {
            "id": pid,
            "label": process_label(group),
            "mediators": sorted({c for r in group for c in r.mediators}),
            "meetings": [r.id for r in group],
        }
        for pid, group in sorted(grouped.items())
    ]


def document(records: list[MeetingRecord]) -> dict[str, Any]:
    """The ``newsgraph.meetings/1`` record of ``records``."""
    return {"format": FORMAT, "meetings": [asdict(r) for r in records], "processes": processes(records)}
