"""The corpus: articles, global actors and aliases, mentions, quotes, events, times; full-text search.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from newsgraph.store.schema_versions import record

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

DESCRIPTION = "corpus: articles, actors, actor_aliases, article_actors, mentions, quotes, events, event_actors, times"

SQLITE_FTS = [
    # Own-content FTS5 tables (the article id is text, so rows are found by id, not by rowid).
    "CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text,"
    " tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
    " INSERT INTO articles_fts (article_id, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
    " DELETE FROM articles_fts WHERE article_id = old.id; END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN"
    " DELETE FROM articles_fts WHERE article_id = old.id;"
    " INSERT INTO articles_fts (article_id, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(article_id UNINDEXED, local_id UNINDEXED, text,"
    " tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN"
    " INSERT INTO quotes_fts (article_id, local_id, text) VALUES (new.article_id, new.local_id, new.text); END",
    "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN"
    " DELETE FROM quotes_fts WHERE article_id = old.article_id AND local_id = old.local_id; END",
    "CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN"
    " DELETE FROM quotes_fts WHERE article_id = old.article_id AND local_id = old.local_id;"
    " INSERT INTO quotes_fts (article_id, local_id, text) VALUES (new.article_id, new.local_id, new.text); END",
]

POSTGRES_FTS = [
    "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS"
    " (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX ix_articles_search ON articles USING GIN (search)",
    "ALTER TABLE quotes ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
    "CREATE INDEX ix_quotes_search ON quotes USING GIN (search)",
]


def _article_fk(**kw) -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE", **kw)


def upgrade() -> None:
    op.create_table(
        "schema_version",
        sa.Column("version", sa.String(), primary_key=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("applied_at", sa.String(), nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("title", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("published", sa.String()),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("duplicate_of", sa.String(), sa.ForeignKey("articles.id")),
        sa.Column("analysed", sa.Boolean(), nullable=False),
        sa.Column("ingested_at", sa.String(), nullable=False),
        sa.Column("signature", sa.LargeBinary()),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"])
    op.create_table(
        "actors",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("kb_id", sa.String()),
        sa.Column("country", sa.String()),
        sa.Column("sector", sa.String()),
    )
    op.create_index("ix_actors_country", "actors", ["country"])
    op.create_table(
        "actor_aliases",
        sa.Column("actor_id", sa.String(), sa.ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("alias", sa.Text(), primary_key=True),
        sa.Column("folded", sa.Text(), nullable=False),
    )
    op.create_index("ix_actor_aliases_folded", "actor_aliases", ["folded"])
    op.create_table(
        "article_actors",
        sa.Column("article_id", sa.String(), _article_fk(), primary_key=True),
        sa.Column("local_id", sa.String(), primary_key=True),
        sa.Column("actor_id", sa.String(), sa.ForeignKey("actors.id"), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("roles", sa.Text(), nullable=False),
    )
    op.create_index("ix_article_actors_actor", "article_actors", ["actor_id"])
    op.create_table(
        "mentions",
        sa.Column("article_id", sa.String(), primary_key=True),
        sa.Column("local_id", sa.String(), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("actor_id", sa.String(), sa.ForeignKey("actors.id"), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "local_id"], ["article_actors.article_id", "article_actors.local_id"], ondelete="CASCADE"
        ),
    )
    op.create_index("ix_mentions_actor", "mentions", ["actor_id"])
    op.create_table(
        "quotes",
        sa.Column("article_id", sa.String(), _article_fk(), primary_key=True),
        sa.Column("local_id", sa.String(), primary_key=True),
        sa.Column("speaker_id", sa.String(), sa.ForeignKey("actors.id")),
        sa.Column("speaker_name", sa.Text()),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("cue", sa.Text()),
        sa.Column("addressee_id", sa.String(), sa.ForeignKey("actors.id")),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("published", sa.String()),
    )
    op.create_index("ix_quotes_speaker", "quotes", ["speaker_id"])
    op.create_index("ix_quotes_published", "quotes", ["published"])
    op.create_table(
        "events",
        sa.Column("article_id", sa.String(), _article_fk(), primary_key=True),
        sa.Column("local_id", sa.String(), primary_key=True),
        sa.Column("type", sa.String(), nullable=False),
        sa.Column("mode", sa.String()),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("when_text", sa.Text()),
        sa.Column("when_value", sa.String()),
        sa.Column("when_assumed", sa.Boolean()),
        sa.Column("where_text", sa.Text()),
        sa.Column("where_country", sa.String()),
        sa.Column("trigger", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("cameo", sa.String()),
        sa.Column("goldstein", sa.Float()),
        sa.Column("published", sa.String()),
        sa.Column("day", sa.String()),
    )
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_day", "events", ["day"])
    op.create_table(
        "event_actors",
        sa.Column("article_id", sa.String(), primary_key=True),
        sa.Column("event_id", sa.String(), primary_key=True),
        sa.Column("side", sa.String(), primary_key=True),
        sa.Column("actor_id", sa.String(), sa.ForeignKey("actors.id"), primary_key=True),
        sa.ForeignKeyConstraint(
            ["article_id", "event_id"], ["events.article_id", "events.local_id"], ondelete="CASCADE"
        ),
    )
    op.create_index("ix_event_actors_actor", "event_actors", ["actor_id"])
    op.create_table(
        "times",
        sa.Column("article_id", sa.String(), _article_fk(), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
    )
    dialect = op.get_bind().dialect.name
    for statement in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS if dialect == "postgresql" else []:
        op.execute(statement)
    record(revision, DESCRIPTION)


def downgrade() -> None:
    for name in ("times", "event_actors", "events", "quotes", "mentions", "article_actors", "actor_aliases", "actors"):
        op.drop_table(name)
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE articles_fts")
        op.execute("DROP TABLE quotes_fts")
    op.drop_table("articles")
    op.drop_table("schema_version")
