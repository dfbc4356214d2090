"""Every corpus query, in one place: the CLI, the Python API, export (and later the web UI) use these.

Names (``speaker``, ``actor``, ``about``, ``search`` on actors) match an actor's canonical name or
any alias it was seen under, ignoring case and accents, as whole words: "Lavrov" finds the actor
also seen as "Sergey Lavrov". ``--actor`` also takes a country code (``RUS``). ``search`` is
full-text (words are all required; "quoted phrases" kept together), folding case, accents, word forms
("talks" finds "talk") and hyphens ("ceasefire" finds "cease-fire" and back); a word that is part of an
actor's name also finds the other spellings of that name the corpus holds as its aliases ("Zelenskyy"
finds "Zelensky"). Dates are ``YYYY-MM-DD``. All values are bound parameters; a value with a control
character is refused. Results are paged with ``limit``/``offset`` (at most ``MAX_LIMIT``) and know the
``total`` number of matching rows.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import reduce
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Row,
    Select,
    String,
    and_,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    tuple_,
)

from newsgraph.namekey import bare_name
from newsgraph.store import DEFAULT_LIMIT, MAX_LIMIT, schema
from newsgraph.store.names import fold, is_name, like_word
from newsgraph.store.records import ActorRecord, ArticleRecord, EventRecord, QuoteRecord, Results
from newsgraph.store.schema import POSTGRES_SEARCH_CONFIG, dehyphenated

ISO3 = re.compile(r"^[A-Z]{3}$")
MAX_SEARCH_TERMS = 20  # words and phrases in one full-text query
NAME_VARIANT_SIMILARITY = 80  # rapidfuzz ratio (0-100) between a searched word and a word of the actor's alias
MIN_NAME_WORD = 4  # shorter searched words are not expanded to name variants

a, q, e, ea = schema.articles, schema.quotes, schema.events, schema.event_actors
actors, aliases, mentions, merges = schema.actors, schema.actor_aliases, schema.mentions, schema.actor_merges


class QueryError(ValueError):
    """A query value that cannot be used (a bad date, an empty name, a limit out of range)."""


# ---- building blocks -------------------------------------------------------------------------


def named(name: str, *, country_code: bool = False) -> Select | CompoundSelect:
    """Ids of the actors called ``name`` (canonical name or alias, whole words; or a country code)."""
    folded = fold(name)
    if not folded:
        raise QueryError(f"{name!r} is not a name")
    padded = literal(" ", String) + aliases.c.folded + literal(" ", String)
    by_alias = select(aliases.c.actor_id).where(
        or_(aliases.c.folded == folded, padded.like(like_word(folded), escape="\\"))
    )
    if country_code and ISO3.match(name.strip()):
        return by_alias.union(select(actors.c.id).where(actors.c.country == name.strip()))
    return by_alias


def full_text(conn: Connection, kind: str, query: str) -> ColumnElement[bool]:
    """Rows of ``articles`` or ``quotes`` whose text matches ``query`` (FTS5 on SQLite, tsvector on PostgreSQL).

    Every word or "phrase" is required; a word matches any of its ``alternatives``."""
    terms = [(part, alternatives(conn, part) if not phrase else [part]) for part, phrase in search_terms(query)]
    if conn.dialect.name == "postgresql":

        def either(words: list[str]) -> ColumnElement:
            return reduce(lambda x, y: x.op("||")(y), (func.phraseto_tsquery(POSTGRES_SEARCH_CONFIG, w) for w in words))

        tsquery = reduce(lambda x, y: x.op("&&")(y), (either(words) for _, words in terms))
        return literal_column(f"{kind}.search").op("@@")(tsquery)
    fts = table(f"{kind}_fts", column("article_id"), column("local_id"))
    match = literal_column(f"{kind}_fts").op("MATCH")(fts5_query([words for _, words in terms]))
    if kind == "articles":
        return a.c.id.in_(select(fts.c.article_id).where(match))
    return tuple_(q.c.article_id, q.c.local_id).in_(select(fts.c.article_id, fts.c.local_id).where(match))


def search_terms(query: str) -> list[tuple[str, bool]]:
    """The words and "phrases" of a full-text query, each with whether it was a quoted phrase."""
    terms = [(phrase or word, bool(phrase)) for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query)]
    terms = [(text, phrase) for text, phrase in terms if text.strip()]
    if not terms:
        raise QueryError("empty search")
    if len(terms) > MAX_SEARCH_TERMS:
        raise QueryError(f"search has {len(terms)} words; at most {MAX_SEARCH_TERMS}")
    return terms


def alternatives(conn: Connection, word: str) -> list[str]:
    """A searched word and what it also finds: its form without hyphens ("cease-fire" → "ceasefire"), and
    the spellings of the same word in the aliases of actors named by it ("Zelenskyy" → "Zelensky")."""
    found = dict.fromkeys([word, dehyphenated(word) or word])
    for variant in name_variants(conn, word):
        found.setdefault(variant)
    return list(found)


def name_variants(conn: Connection, word: str) -> list[str]:
    """Other spellings of ``word`` among the aliases of the actors whose name has it as a whole word."""
    folded = fold(word)
    if len(folded) < MIN_NAME_WORD or " " in folded:
        return []
    padded = literal(" ", String) + aliases.c.folded + literal(" ", String)
    owners = select(aliases.c.actor_id).where(padded.like(like_word(folded), escape="\\")).limit(50)
    words = {
        w
        for alias in conn.execute(select(aliases.c.folded).where(aliases.c.actor_id.in_(owners)).limit(500)).scalars()
        for w in alias.split()
    }
    return sorted(
        w for w in words if w != folded and w[0] == folded[0] and fuzz.ratio(w, folded) >= NAME_VARIANT_SIMILARITY
    )


def fts5_query(terms: list[list[str]]) -> str:
    """Required terms, each one of its alternatives, as an FTS5 query of quoted strings (no operator can be
    injected): ``("a" OR "b") AND "c d"``."""

    def quoted(text: str) -> str:
        return '"' + text.replace('"', '""') + '"'

    return " AND ".join(
        quoted(words[0]) if len(words) == 1 else "(" + " OR ".join(map(quoted, words)) + ")" for words in terms
    )


def day(value: str | None, label: str) -> str | None:
    """A ``YYYY-MM-DD`` filter value, checked."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise QueryError(f"--{label} {value!r} is not a date YYYY-MM-DD") from exc


def date_range(col: ColumnElement, since: str | None, until: str | None) -> list[ColumnElement[bool]]:
    """Conditions keeping ``col`` (a YYYY-MM-DD string) between ``since`` and ``until``, both checked."""
    since, until = day(since, "since"), day(until, "until")
    return [c for c in (col >= since if since else None, col <= until if until else None) if c is not None]


def control_character(value: str) -> str | None:
    """The first control character in ``value`` (NUL, escape, …) as ``U+0000``, else None."""
    bad = next((c for c in value if unicodedata.category(c) == "Cc"), None)
    return None if bad is None else f"U+{ord(bad):04X}"


def checked(name: str, value: Any) -> Any:
    """A filter value, refused when it holds a control character (NUL and the like)."""
    if isinstance(value, str) and (bad := control_character(value)):
        raise QueryError(f"{name} contains a control character ({bad})")
    return value


def page_bounds(limit: int, offset: int) -> tuple[int, int]:
    """``limit`` and ``offset``, checked against ``MAX_LIMIT``."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if offset < 0:
        raise QueryError("offset must be 0 or more")
    return limit, offset


# ---- quotes ----------------------------------------------------------------------------------


def quotes_select(
    conn: Connection,
    *,
    speaker: str | None = None,
    about: str | None = None,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Select:
    """Quotes, newest first. ``about``: the actor is named inside the quote's span, or is its addressee."""
    sp, ad = actors.alias("speaker"), actors.alias("addressee")
    stmt = (
        select(
            q.c.article_id,
            q.c.local_id.label("quote_id"),
            func.coalesce(sp.c.name, q.c.speaker_name).label("speaker"),
            q.c.speaker_id,
            q.c.kind,
            q.c.cue,
            ad.c.name.label("addressee"),
            q.c.addressee_id,
            q.c.text,
            q.c.start,
            q.c.end,
            q.c.published,
            a.c.title,
            a.c.url,
        )
        .select_from(
            q.join(a, a.c.id == q.c.article_id)
            .outerjoin(sp, sp.c.id == q.c.speaker_id)
            .outerjoin(ad, ad.c.id == q.c.addressee_id)
        )
        .order_by(q.c.published.desc().nulls_last(), q.c.article_id, q.c.start)
    )
    conditions = date_range(q.c.published, since, until)
    if speaker is not None:
        voices = schema.quote_speakers
        says = select(voices.c.article_id).where(
            voices.c.article_id == q.c.article_id,
            voices.c.quote_id == q.c.local_id,
            voices.c.actor_id.in_(named(speaker)),
        )
        conditions.append(or_(q.c.speaker_id.in_(named(speaker)), says.exists()))  # co-speakers say it too
    if about is not None:
        ids, inner = named(about), q.alias("inner_quote")
        naming = (
            select(inner.c.article_id, inner.c.local_id)  # driven by the actor's mentions (indexed)
            .join(
                mentions,
                and_(
                    mentions.c.article_id == inner.c.article_id,
                    mentions.c.start >= inner.c.start,
                    mentions.c.end <= inner.c.end,
                ),
            )
            .where(mentions.c.actor_id.in_(ids))
        )
        conditions.append(or_(tuple_(q.c.article_id, q.c.local_id).in_(naming), q.c.addressee_id.in_(ids)))
    if search is not None:
        conditions.append(full_text(conn, "quotes", search))
    return stmt.where(and_(*conditions)) if conditions else stmt


def _quote_records(_conn: Connection, rows: list[Row]) -> list[QuoteRecord]:
    return [QuoteRecord(**row._mapping) for row in rows]


# ---- events ----------------------------------------------------------------------------------


def events_select(
    _conn: Connection,
    *,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    type: str | None = None,
    status: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Select:
    """Events, newest first; ``since``/``until`` apply to the event's day (its date, else the article's)."""
    cols = [c for c in e.c if c.name not in ("article_id", "local_id")]
    stmt = select(e.c.article_id, e.c.local_id.label("event_id"), *cols).order_by(
        e.c.day.desc().nulls_last(), e.c.article_id, e.c.evidence_start
    )
    conditions = date_range(e.c.day, since, until)
    for name, side in ((actor, None), (source, "source"), (target, "target")):
        if name is not None:
            involved = exists().where(
                ea.c.article_id == e.c.article_id,
                ea.c.event_id == e.c.local_id,
                ea.c.actor_id.in_(named(name, country_code=True)),
            )
            conditions.append(involved.where(ea.c.side == side) if side else involved)
    if type is not None:
        conditions.append(e.c.type == type.upper())
    if status is not None:
        conditions.append(e.c.status == status.lower())
    return stmt.where(and_(*conditions)) if conditions else stmt


def _event_records(conn: Connection, rows: list[Row]) -> list[EventRecord]:
    sides: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    if rows:
        involved = (
            select(ea.c.article_id, ea.c.event_id, ea.c.side, ea.c.actor_id, actors.c.name)
            .join(actors, actors.c.id == ea.c.actor_id)
            .where(ea.c.article_id.in_(sorted({row.article_id for row in rows})))
            .order_by(ea.c.actor_id)
        )
        for article_id, event_id, side, actor_id, name in conn.execute(involved):
            sides[article_id, event_id, side].append((actor_id, name))
    records = []
    for row in rows:
        source, target = sides[row.article_id, row.event_id, "source"], sides[row.article_id, row.event_id, "target"]
        records.append(
            EventRecord(
                **row._mapping,
                source=[n for _, n in source],
                target=[n for _, n in target],
                source_ids=[i for i, _ in source],
                target_ids=[i for i, _ in target],
            )
        )
    return records


# ---- actors ----------------------------------------------------------------------------------


def actors_select(_conn: Connection, *, search: str | None = None) -> Select:
    """Global actors, most mentioned first, with counts of articles, mentions, quotes and events."""
    n_mentions = _count(func.count(), mentions.c.actor_id).label("mentions")
    event_key = ea.c.article_id + literal(" ", String) + ea.c.event_id
    stmt = select(
        *(c for c in actors.c if c.name != "name_key"),
        _count(func.count(), schema.article_actors.c.actor_id).label("articles"),
        n_mentions,
        _count(func.count(), q.c.speaker_id).label("quotes"),
        _count(func.count(event_key.distinct()), ea.c.actor_id).label("events"),
    ).order_by(n_mentions.desc(), actors.c.name, actors.c.id)
    return stmt.where(actors.c.id.in_(named(search, country_code=True))) if search is not None else stmt


def _count(counter: ColumnElement, actor_column: ColumnElement) -> Any:
    """A correlated count of the rows whose ``actor_column`` is the actor's id."""
    return select(counter).where(actor_column == actors.c.id).scalar_subquery()


def _actor_records(conn: Connection, rows: list[Row]) -> list[ActorRecord]:
    names: dict[str, list[str]] = defaultdict(list)
    ids = [r.id for r in rows]
    if rows:
        query = (
            select(aliases.c.actor_id, aliases.c.alias)
            .where(aliases.c.actor_id.in_(ids))
            .order_by(aliases.c.actor_id, aliases.c.alias)
        )
        for actor_id, alias in conn.execute(query):
            names[actor_id].append(alias)
    seen, merged = spellings(conn, ids), merged_ids(conn, ids)
    return [
        ActorRecord(**row._mapping, aliases=names[row.id], spellings=seen[row.id], merged_from=merged[row.id])
        for row in rows
    ]


def spellings(conn: Connection, ids: list[str]) -> dict[str, list[str]]:
    """Actor id -> the names its mentions use in the articles ("Zelenskyy", "Zelenskiy"), most used first:
    the spellings the store took for one actor."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    if ids:
        query = (
            select(mentions.c.actor_id, mentions.c.text, func.count())
            .where(mentions.c.actor_id.in_(ids))
            .group_by(mentions.c.actor_id, mentions.c.text)
        )
        for actor_id, text, n in conn.execute(query):
            if is_name(text):
                counts[actor_id][bare_name(text)] += n
    return defaultdict(
        list, {i: [name for name, _ in sorted(c.items(), key=lambda x: (-x[1], x[0]))] for i, c in counts.items()}
    )


def merged_ids(conn: Connection, ids: list[str]) -> dict[str, list[str]]:
    """Actor id -> the ids of actors merged into it when the store unified identities (migration 0003)."""
    found: dict[str, list[str]] = defaultdict(list)
    if ids:
        query = select(merges.c.actor_id, merges.c.old_id).where(merges.c.actor_id.in_(ids)).order_by(merges.c.old_id)
        for actor_id, old_id in conn.execute(query):
            found[actor_id].append(old_id)
    return found


def merged_into(conn: Connection, actor_id: str) -> str | None:
    """The actor an old id was merged into, if it was."""
    return conn.execute(select(merges.c.actor_id).where(merges.c.old_id == actor_id)).scalar()


# ---- articles --------------------------------------------------------------------------------


def articles_select(
    conn: Connection, *, search: str | None = None, since: str | None = None, until: str | None = None
) -> Select:
    """Articles, newest first."""
    stmt = select(*(c for c in a.c if c.name != "signature")).order_by(a.c.published.desc().nulls_last(), a.c.id)
    conditions = date_range(a.c.published, since, until)
    if search is not None:
        conditions.append(full_text(conn, "articles", search))
    return stmt.where(and_(*conditions)) if conditions else stmt


def _article_records(_conn: Connection, rows: list[Row]) -> list[ArticleRecord]:
    return [ArticleRecord(**row._mapping) for row in rows]


# ---- running ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    """One kind of query: how to select it and how to turn rows into records."""

    build: Callable[..., Select]
    records: Callable[[Connection, list[Row]], list]
    record_type: type


QUERIES: dict[str, Query] = {
    "quotes": Query(quotes_select, _quote_records, QuoteRecord),
    "events": Query(events_select, _event_records, EventRecord),
    "actors": Query(actors_select, _actor_records, ActorRecord),
    "articles": Query(articles_select, _article_records, ArticleRecord),
}


def run(conn: Connection, kind: str, *, limit: int = DEFAULT_LIMIT, offset: int = 0, **filters: Any) -> Results:
    """One page of ``kind`` (quotes, events, actors, articles) matching ``filters``, with their ``total``."""
    return page_of(conn, kind, QUERIES[kind].build(conn, **_given(filters)), limit=limit, offset=offset)


def page_of(conn: Connection, kind: str, stmt: Select, *, limit: int, offset: int = 0) -> Results:
    """One page of ``stmt`` (built by the ``kind`` builder, perhaps with more conditions) and its ``total``: counted
    with one COUNT query unless this page shows it is the last."""
    query = QUERIES[kind]
    limit, offset = page_bounds(limit, offset)
    records = query.records(conn, list(conn.execute(stmt.limit(limit).offset(offset))))
    last_page = 0 < len(records) < limit or (offset == 0 and len(records) < limit)
    total = offset + len(records) if last_page else _total(conn, stmt)
    return Results(records, query.record_type, total=total, offset=offset)


def count(conn: Connection, kind: str, **filters: Any) -> int:
    """How many rows of ``kind`` match ``filters`` (one COUNT query)."""
    return _total(conn, QUERIES[kind].build(conn, **_given(filters)))


def _total(conn: Connection, stmt: Select) -> int:
    """The row count of a query built by one of the ``*_select`` builders, without fetching its rows."""
    return conn.execute(stmt.with_only_columns(func.count(), maintain_column_froms=True).order_by(None)).scalar_one()


def stream(conn: Connection, kind: str, chunk: int = 1000, /, **filters: Any) -> Iterator[list]:
    """Every row of ``kind`` matching ``filters``, as lists of records ``chunk`` long (for export). ``chunk`` is
    positional, so that no filter can be taken for it."""
    query = QUERIES[kind]
    result = conn.execution_options(yield_per=chunk).execute(query.build(conn, **_given(filters)))
    for rows in result.partitions():
        yield query.records(conn, list(rows))


def _given(filters: dict[str, Any]) -> dict[str, Any]:
    """The filters that were given, each checked: none is dropped without a word."""
    return {k: checked(k, v) for k, v in filters.items() if v is not None}
