"""The corpus tables (SQLAlchemy Core): one place that names every table and column.

The migrations in ``store/migrations/versions`` create exactly these tables; a test compares them.
Keys are natural (article id, local ids, actor keys), so the same input always gives the same rows.
"""

from __future__ import annotations

import re

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    sql,
)

metadata = MetaData()

# Full-text search (made by the migrations, outside this metadata): on SQLite the FTS5 tables articles_fts and
# quotes_fts (tokenizer porter over unicode61, accents removed), on PostgreSQL the generated tsvector columns
# articles.search and quotes.search in this text search configuration (english with unaccent). Both index the
# text twice: as written, and with hyphens removed, so "ceasefire" finds "cease-fire".
POSTGRES_SEARCH_CONFIG = "newsgraph_english"
HYPHENS = "-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen: what the index removes in its second copy
_HYPHEN = re.compile(f"[{HYPHENS}]")


def dehyphenated(text: str) -> str:
    """``text`` with hyphens removed, as the second copy in the full-text index has it."""
    return _HYPHEN.sub("", text)


schema_version = Table(
    "schema_version",
    metadata,
    Column("version", String(), primary_key=True),
    Column("description", Text, nullable=False),
    Column("applied_at", String(), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(), primary_key=True),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", String()),
    Column("language", String(), nullable=False),
    Column("text", Text, nullable=False),
    Column("duplicate_of", String(), ForeignKey("articles.id")),
    Column("analysed", Boolean, nullable=False),
    Column("ingested_at", String(), nullable=False),
    Column("signature", LargeBinary),
    Index("ix_articles_published", "published"),
    Index("ix_articles_duplicate_of", "duplicate_of"),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(), primary_key=True),  # "kb:<kb_id>" or "<kind>:<normalised name>" (store/identity.py)
    Column("name", Text, nullable=False),
    Column("kind", String(), nullable=False),
    Column("kb_id", String()),
    Column("country", String()),
    Column("sector", String()),
    Column("name_key", Text),  # unlinked persons: the name key (newsgraph.namekey) that spellings share
    Index("ix_actors_country", "country"),
    Index("ix_actors_name_key", "name_key"),
)

# Actors merged into another by a migration (one identity per person): the old id stays findable.
actor_merges = Table(
    "actor_merges",
    metadata,
    Column("old_id", String(), primary_key=True),
    Column("actor_id", String(), ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
    Column("old_name", Text, nullable=False),
    Column("old_kind", String(), nullable=False),
    Index("ix_actor_merges_actor", "actor_id"),
)

actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("actor_id", String(), ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("alias", Text, primary_key=True),
    Column("folded", Text, nullable=False),  # casefolded, accents stripped: what name queries match
    Index("ix_actor_aliases_folded", "folded"),
)

article_actors = Table(
    "article_actors",
    metadata,
    Column("article_id", String(), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", String(), primary_key=True),
    Column("actor_id", String(), ForeignKey("actors.id"), nullable=False),
    Column("name", Text, nullable=False),
    Column("roles", Text, nullable=False),  # JSON list of strings
    Index("ix_article_actors_actor", "actor_id"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("article_id", String(), primary_key=True),
    Column("local_id", String(), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("actor_id", String(), ForeignKey("actors.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    ForeignKeyConstraint(
        ["article_id", "local_id"], ["article_actors.article_id", "article_actors.local_id"], ondelete="CASCADE"
    ),
    Index("ix_mentions_actor", "actor_id"),
)

quotes = Table(
    "quotes",
    metadata,
    Column("article_id", String(), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", String(), primary_key=True),
    Column("speaker_id", String(), ForeignKey("actors.id")),
    Column("speaker_name", Text),
    Column("kind", String(), nullable=False),
    Column("cue", Text),
    Column("addressee_id", String(), ForeignKey("actors.id")),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("published", String()),
    Index("ix_quotes_speaker", "speaker_id"),
    Index("ix_quotes_published", "published"),
)

quote_speakers = Table(
    "quote_speakers",
    metadata,
    Column("article_id", String(), primary_key=True),
    Column("quote_id", String(), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),  # 0 is the quote's speaker
    Column("actor_id", String(), ForeignKey("actors.id"), nullable=False),
    ForeignKeyConstraint(["article_id", "quote_id"], ["quotes.article_id", "quotes.local_id"], ondelete="CASCADE"),
    Index("ix_quote_speakers_actor", "actor_id"),
)

events = Table(
    "events",
    metadata,
    Column("article_id", String(), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("local_id", String(), primary_key=True),
    Column("type", String(), nullable=False),
    Column("mode", String()),
    Column("status", String(), nullable=False),
    Column("when_text", Text),
    Column("when_value", String()),
    Column("when_assumed", Boolean),
    Column("where_text", Text),
    Column("where_country", String()),
    Column("trigger", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("cameo", String()),
    Column("goldstein", Float),
    Column("published", String()),
    Column("day", String()),  # first day of when_value, else the publication date: for --since/--until
    Index("ix_events_type", "type"),
    Index("ix_events_day", "day"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("article_id", String(), primary_key=True),
    Column("event_id", String(), primary_key=True),
    Column("side", String(), primary_key=True),  # "source" or "target"
    Column("actor_id", String(), ForeignKey("actors.id"), primary_key=True),
    ForeignKeyConstraint(["article_id", "event_id"], ["events.article_id", "events.local_id"], ondelete="CASCADE"),
    Index("ix_event_actors_actor", "actor_id"),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("article_id", String(), primary_key=True),
    Column("event_id", String(), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    ForeignKeyConstraint(["article_id", "event_id"], ["events.article_id", "events.local_id"], ondelete="CASCADE"),
)

times = Table(
    "times",
    metadata,
    Column("article_id", String(), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("value", String(), nullable=False),
)

# Meetings (newsgraph.meetings): built from the CONSULT events at ingest and by ``newsgraph meetings --rebuild``.
meetings = Table(
    "meetings",
    metadata,
    Column("id", String(), primary_key=True),  # "m-" + a digest of the mention that started it
    Column("label", Text, nullable=False),
    Column("kind", String(), nullable=False),
    Column("place", Text),
    Column("place_country", String()),
    Column("start", String()),  # TIMEX3 value, as precise as the articles tell it
    Column("end", String()),
    Column("round", Integer),  # "the second round" (0007)
    Column("level", String()),  # "leaders" or "delegations", where told (0007)
    Column("status", String(), nullable=False),  # as of the latest article
    Column("occurred_by", String()),  # earliest day it is known to have taken place
    Column("first_published", String()),
    Column("last_published", String()),
    Column("day", String()),  # first day of start, else the last publication date: for --since/--until
    Index("ix_meetings_day", "day"),
    Index("ix_meetings_status", "status"),
)

meeting_participants = Table(
    "meeting_participants",
    metadata,
    Column("meeting_id", String(), ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("code", String(), primary_key=True),  # a country code (ISO3, UN, NATO) or, for an actor without one, its id
    Column("mediator", Boolean, nullable=False, server_default=sql.false()),  # brokers or hosts it (0007)
    Index("ix_meeting_participants_code", "code"),
)

meeting_mentions = Table(
    "meeting_mentions",
    metadata,
    Column("article_id", String(), primary_key=True),
    Column("event_id", String(), primary_key=True),
    Column("meeting_id", String(), ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False),
    Column("published", String()),
    Column("status", String(), nullable=False),  # the meeting's status as of this mention
    Column("start", String()),
    Column("end", String()),
    Column("place", Text),
    Column("headline", Boolean, nullable=False, server_default=sql.false()),  # in the article's first line (0007)
    ForeignKeyConstraint(["article_id", "event_id"], ["events.article_id", "events.local_id"], ondelete="CASCADE"),
    Index("ix_meeting_mentions_meeting", "meeting_id"),
)

MEETING_TABLES = (meetings, meeting_participants, meeting_mentions)

# Every table whose rows come from ingesting articles, parents first.
CORPUS_TABLES = (
    articles,
    actors,
    actor_aliases,
    article_actors,
    mentions,
    quotes,
    quote_speakers,
    events,
    event_actors,
    event_mentions,
    times,
)
