"""Building the meeting tables from the stored CONSULT events (and AGREE/REJECT events of a meeting no CONSULT
tells of): incrementally after an ingest, or all again.

Incremental linking gives the same meetings as a rebuild: articles are linked in publication order, and an
article published before one already linked makes the whole store relink (``link_articles``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from sqlalchemy import Connection, Row, delete, desc, func, insert, select, update

from newsgraph.lang.en.meetings import (
    AUDIENCE_NOUNS,
    DELEGATION_WORDS,
    DISCUSSION_VERBS,
    HOST_TRIGGERS,
    MEDIATION_TRIGGERS,
    MEETING_NOUNS,
    TOPIC_DETERMINERS,
    TOPIC_PREPOSITIONS,
)
from newsgraph.meetings.codes import is_leader, participant_code
from newsgraph.meetings.cues import (
    called_off,
    called_off_after,
    ends,
    mediators_in,
    postponed,
    round_of,
    sentence_of,
    words,
)
from newsgraph.meetings.link import Mention, Thread, kind_of, link
from newsgraph.meetings.read import participants_of
from newsgraph.store import schema
from newsgraph.store.writer import first_day

MEETING_TYPES = ("CONSULT",)  # event types that are mentions of a meeting
# Agreeing to or rejecting a meeting the extractor gave no CONSULT for ("Thailand and Cambodia agree to
# Malaysia-mediated talks"): the meeting's status as of the event's status (None: no mention).
AGREEMENT_STATUS: dict[str, dict[str, str]] = {
    "AGREE": {"occurred": "planned", "ongoing": "planned", "planned": "proposed", "proposed": "proposed",
              "hypothetical": "hypothetical", "negated": "negated"},
    "REJECT": {"occurred": "negated", "ongoing": "negated", "planned": "negated", "proposed": "negated"},
}  # fmt: skip
MEETING_WORDS_AFTER = 5  # the meeting noun stands this many words after the agreement's trigger at most
TEXT_BATCH = 200  # events whose articles' texts are read at once
e, ea, actors, a = schema.events, schema.event_actors, schema.actors, schema.articles
m, mp, mm = schema.meetings, schema.meeting_participants, schema.meeting_mentions


def link_articles(conn: Connection, article_ids: Iterable[str]) -> None:
    """Link the meeting mentions of newly stored articles into the meetings (inside the caller's transaction)."""
    new = [x for x in _mentions(conn, sorted(set(article_ids))) if not _linked(conn, x)]
    if not new:
        return
    last = conn.execute(
        select(func.coalesce(mm.c.published, ""), mm.c.article_id)
        .order_by(desc(func.coalesce(mm.c.published, "")), desc(mm.c.article_id))
        .limit(1)
    ).first()
    if last is not None and tuple(last) > min(x.key for x in new)[:2]:
        rebuild(conn)
        return
    threads = _threads(conn, {code for x in new for code in x.participants})
    known = {t.id for t in threads}
    _save(conn, link(threads, new), known)


def rebuild(conn: Connection) -> int:
    """Delete every meeting and link all stored mentions again; returns how many meetings there are."""
    for table in (mm, mp, m):
        conn.execute(delete(table))
    threads: list[Thread] = []
    _save(conn, link(threads, _mentions(conn, None)), set())
    return len(threads)


def _linked(conn: Connection, mention: Mention) -> bool:
    found = select(mm.c.meeting_id).where(mm.c.article_id == mention.article_id, mm.c.event_id == mention.event_id)
    return conn.execute(found).first() is not None


def _mentions(conn: Connection, article_ids: list[str] | None) -> list[Mention]:
    """The stored meeting events (of ``article_ids``, or all) as mentions, with their participants and the
    wording cues of their sentences (``cues.py``)."""
    where = [e.c.type.in_((*MEETING_TYPES, *AGREEMENT_STATUS))]
    if article_ids is not None:
        where.append(e.c.article_id.in_(article_ids))
    sides: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    leaders: dict[tuple[str, str], list[bool]] = defaultdict(list)
    stmt = (
        select(ea.c.article_id, ea.c.event_id, ea.c.side, e.c.published)
        .add_columns(actors.c.id, actors.c.name, actors.c.kb_id, actors.c.country)
        .join(actors, actors.c.id == ea.c.actor_id)
        .join(e, (e.c.article_id == ea.c.article_id) & (e.c.local_id == ea.c.event_id))
        .where(*where)
    )
    for r in conn.execute(stmt):
        if not r.country and r.name.casefold().split()[-1:][0] in AUDIENCE_NOUNS:
            continue  # "told reporters after the talks": an audience, not a side
        sides[r.article_id, r.event_id].append((r.side, participant_code(r.id, r.name, r.kb_id, r.country)))
        leaders[r.article_id, r.event_id].append(is_leader(r.kb_id, r.published))
    rows = list(conn.execute(select(e).where(*where).order_by(e.c.article_id)))
    consults: dict[str, list[int]] = defaultdict(list)
    refusals: dict[str, list[int]] = defaultdict(list)  # where the triggers of refusals end
    for r in rows:
        if r.type in MEETING_TYPES:
            consults[r.article_id].append(r.evidence_start)
        elif r.type == "REJECT":
            refusals[r.article_id].append(_trigger_at(r) + len(r.trigger))
    mentions: list[Mention] = []
    for start in range(0, len(rows), TEXT_BATCH):
        batch = rows[start : start + TEXT_BATCH]
        texts = dict(conn.execute(select(a.c.id, a.c.text).where(a.c.id.in_({r.article_id for r in batch}))).all())
        for r in batch:
            text = texts.get(r.article_id, "")
            if r.type in MEETING_TYPES:
                told = None if _brokers_another(r, text, consults[r.article_id]) else (r.status, r.trigger)
                told = ("negated", r.trigger) if told and _refused(r, text, refusals[r.article_id]) else told
            else:
                told = _agreed(r, text, consults[r.article_id])
            key = r.article_id, r.local_id
            if told is not None and not _topic_only(r.evidence_text, sides[key]):
                mention = _mention(r, told, sides[key], text)
                mentions.append(replace(mention, level=_level(mention, r, leaders[key])))
    return mentions


def _level(mention: Mention, r: Row, leaders: list[bool]) -> str | None:
    """ "delegations" for a numbered round or a delegation word in the evidence ("the delegations met"),
    "leaders" where every actor on the event heads a state or government, else unknown (also for a topic, whose
    actors are not its own)."""
    if mention.topic:
        return None
    if mention.round or {w.casefold() for w, _ in words(r.evidence_text)} & set(DELEGATION_WORDS):
        return "delegations"
    return "leaders" if len(leaders) > 1 and all(leaders) else None


def _agreed(r: Row, text: str, consults: list[int]) -> tuple[str, str] | None:
    """The status of the meeting an AGREE or REJECT event agrees to or rejects and the words that name it, when
    a meeting noun follows its trigger ("agree to hold talks", "rejected a summit") and no CONSULT event of its
    sentence tells of it."""
    low, high = sentence_of(text, r.evidence_start, r.evidence_end)
    if any(low <= c < high for c in consults):
        return None
    at = text.find(r.trigger, r.evidence_start, high)
    after = [w.casefold() for w, _ in words(text[at + len(r.trigger) : high])][:MEETING_WORDS_AFTER] if at >= 0 else []
    if not set(after) & set(MEETING_NOUNS):
        return None
    status = AGREEMENT_STATUS[r.type].get(r.status)
    return (status, " ".join(after)) if status else None


def _mention(r: Row, told: tuple[str, str], sides: list[tuple[str, str]], text: str) -> Mention:
    """One stored event as a mention, with the meeting's status and the words that name it (``told``): a host's
    side ("Turkey hosted the delegations") and the sentence's mediators are its mediators; the sentence gives its
    round, whether its date is its end and whether it was called off."""
    status, naming = told
    low, high = sentence_of(text, r.evidence_start, r.evidence_end)
    sentence = text[low:high]
    at = _trigger_at(r)
    after = text[at + len(r.trigger) : high]
    off = r.type in MEETING_TYPES and (called_off(text[low:at]) or called_off_after(after))
    delayed = not off and status == "negated" and postponed(sentence)
    if off:
        status = "negated"  # "called off the planned summit": not the "planned" its modifier tells
    elif delayed:
        status = "planned"  # "the summit has been postponed until March": delayed, still to come
    mediators = mediators_in(sentence) | _brokers(r.trigger, after, sides)
    if r.trigger.casefold() in HOST_TRIGGERS and any(side != "source" for side, _ in sides):
        mediators |= {code for side, code in sides if side == "source"}
    participants = frozenset(code for _, code in sides)
    return Mention(
        article_id=r.article_id,
        event_id=r.local_id,
        published=r.published,
        status=status,
        when=None if r.when_assumed else r.when_value,
        place=r.where_text,
        place_country=r.where_country,
        participants=participants | mediators,
        kind=kind_of(naming, r.evidence_text),
        round=round_of(sentence, r.evidence_start - low, r.evidence_end - low),
        mediators=frozenset(mediators),
        ends=ends(sentence, r.evidence_start - low, r.evidence_end - low),
        headline="\n" in text[r.evidence_end :] and "\n" not in text[: r.evidence_start],
        topic=is_topic(r.evidence_text, r.trigger),
        postponed=delayed,
    )


def _topic_only(evidence: str, sides: list[tuple[str, str]]) -> bool:
    """A discussion with no one named as discussing: "(during the meeting the leaders) discussed North Korea's
    missile launches" names a topic, not a side."""
    discussed = any(w.casefold() in DISCUSSION_VERBS for w, _ in words(evidence))
    return discussed and not any(side == "source" for side, _ in sides)


def _trigger_at(r: Row) -> int:
    """Where the event's trigger starts in its article."""
    return r.evidence_start + max(r.evidence_text.rfind(r.trigger), 0)


def _refused(r: Row, text: str, refusals: list[int]) -> bool:
    """A refusal's trigger stands just before the meeting's, in its sentence: "turns down Venezuela's offer of
    talks", "rejected a proposal for a summit"."""
    low, _ = sentence_of(text, r.evidence_start, r.evidence_end)
    at = _trigger_at(r)
    return any(low <= end <= at and len(words(text[end:at])) < MEETING_WORDS_AFTER for end in refusals)


def _brokers_another(r: Row, text: str, consults: list[int]) -> bool:
    """A brokering event ("mediated by Qatar") in the sentence of a meeting event: the mediation of that meeting
    (its sentence's mediators, ``mediators_in``), not a meeting of its own."""
    if r.trigger.casefold() not in MEDIATION_TRIGGERS:
        return False
    low, high = sentence_of(text, r.evidence_start, r.evidence_end)
    return any(low <= c < high and c != r.evidence_start for c in consults)


def _brokers(trigger: str, after: str, sides: list[tuple[str, str]]) -> set[str]:
    """The actors of an event that brokers a meeting: all of them after "mediated by" ("talks … mediated by Qatar
    and Turkey"), else its source ("Qatar mediated the talks")."""
    if trigger.casefold() not in MEDIATION_TRIGGERS:
        return set()
    passive = after.lstrip().casefold().startswith("by ")
    return {code for side, code in sides if passive or side == "source"}


def is_topic(evidence: str, trigger: str) -> bool:
    """The trigger is what the evidence's meeting was about: "spoke by phone with X on Friday about the talks"."""
    at = evidence.rfind(trigger)
    before = [w.casefold() for w, _ in words(evidence[:at])] if at > 0 else []
    while before and before[-1] in TOPIC_DETERMINERS:
        before.pop()
    return bool(before) and before[-1] in TOPIC_PREPOSITIONS


def _threads(conn: Connection, codes: set[str]) -> list[Thread]:
    """The stored meetings that share a participant with ``codes``, as threads to link into."""
    if not codes:
        return []
    ids = select(mp.c.meeting_id).where(mp.c.code.in_(sorted(codes)))
    participants, mediators = participants_of(conn, ids)
    return [
        Thread(
            id=r.id,
            participants=participants[r.id],
            mediators=mediators[r.id],
            round=r.round,
            level=r.level,
            end=r.end,
            place=r.place,
            place_country=r.place_country,
            date=r.start,
            last_published=r.last_published,
            occurred_by=r.occurred_by,
            status=r.status,
            kind=r.kind,
            first_published=r.first_published,
        )
        for r in conn.execute(select(m).where(m.c.id.in_(ids)).order_by(m.c.id))
    ]


def label(thread: Thread, names: dict[str, str]) -> str:
    """ "DEU–FRA talks, round 2, Geneva, 2026-03-20": sides (codes, else actor names), kind, round, place, date."""
    sides = thread.participants - thread.mediators or thread.participants
    names_of = "–".join(names.get(c, c) for c in sorted(sides, key=lambda c: (c in names, c)))
    round_of = f"round {thread.round}" if thread.round else None
    return ", ".join(p for p in (f"{names_of} {thread.kind}", round_of, thread.place, thread.date) if p)


def _save(conn: Connection, threads: list[Thread], known: set[str]) -> None:
    """Write the changed threads: their meeting rows, participants and new mentions."""
    ids = sorted({c for t in threads for c in t.participants})
    names = dict(conn.execute(select(actors.c.id, actors.c.name).where(actors.c.id.in_(ids))).all()) if ids else {}
    for thread in threads:
        row = {
            "label": label(thread, names),
            "kind": thread.kind,
            "place": thread.place,
            "place_country": thread.place_country,
            "start": thread.date,
            "end": thread.end,
            "round": thread.round,
            "level": thread.level,
            "status": thread.status,
            "occurred_by": thread.occurred_by,
            "first_published": thread.first_published,
            "last_published": thread.last_published,
            "day": first_day(thread.date) or thread.last_published,
        }
        if thread.id in known:
            conn.execute(update(m).where(m.c.id == thread.id).values(**row))
            conn.execute(delete(mp).where(mp.c.meeting_id == thread.id))
        else:
            conn.execute(insert(m).values(id=thread.id, **row))
        conn.execute(
            insert(mp),
            [
                {"meeting_id": thread.id, "code": c, "mediator": c in thread.mediators}
                for c in sorted(thread.participants)
            ],
        )
        if thread.mentions:
            conn.execute(
                insert(mm),
                [
                    {
                        "article_id": x.article_id,
                        "event_id": x.event_id,
                        "meeting_id": thread.id,
                        "published": x.published,
                        "status": status,
                        "start": None if x.ends else x.date,
                        "end": x.date if x.ends else None,
                        "place": x.place,
                        "headline": x.headline,
                    }
                    for x, status in thread.mentions
                ],
            )
