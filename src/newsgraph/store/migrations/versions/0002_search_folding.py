"""Full-text search folds word forms and hyphens: "talks" finds "talk", "ceasefire" finds "cease-fire".

SQLite: the FTS5 tables are rebuilt with the porter tokenizer over unicode61 (accents removed) and a second
column holding the text without hyphens. PostgreSQL: a text search configuration ``newsgraph_english``
(english stemming after unaccent) and the generated ``search`` columns rebuilt in it, over the text and its
copy without hyphens. Existing rows are indexed again.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

from newsgraph.store.schema_versions import forget, record

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

DESCRIPTION = "search: word forms (porter / english stemming), accents and hyphens folded"


def _dehyphenated(sql: str) -> str:
    """SQL removing the hyphens of ``store.schema.HYPHENS`` from an expression."""
    for hyphen in ("-", "\u2010", "\u2011"):
        sql = f"replace({sql}, '{hyphen}', '')"
    return sql


def _sqlite_fts(tokenizer: str, joined: bool) -> list[str]:
    """The FTS5 tables and their triggers; ``joined``: with the column of text without hyphens."""
    article_cols, article_vals = "title, text", "{p}.title, {p}.text"
    quote_cols, quote_vals = "text", "{p}.text"
    if joined:
        article_cols += ", joined"
        article_vals += ", " + _dehyphenated("coalesce({p}.title, '') || ' ' || {p}.text")
        quote_cols += ", joined"
        quote_vals += ", " + _dehyphenated("{p}.text")
    new_article, new_quote = article_vals.format(p="new"), quote_vals.format(p="new")
    return [
        f"CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, {article_cols}, tokenize = '{tokenizer}')",
        f"INSERT INTO articles_fts (article_id, {article_cols}) SELECT id, {article_vals.format(p='articles')}"
        " FROM articles",
        "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN"
        f" INSERT INTO articles_fts (article_id, {article_cols}) VALUES (new.id, {new_article}); END",
        "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
        " DELETE FROM articles_fts WHERE article_id = old.id; END",
        "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN"
        " DELETE FROM articles_fts WHERE article_id = old.id;"
        f" INSERT INTO articles_fts (article_id, {article_cols}) VALUES (new.id, {new_article}); END",
        f"CREATE VIRTUAL TABLE quotes_fts USING fts5(article_id UNINDEXED, local_id UNINDEXED, {quote_cols},"
        f" tokenize = '{tokenizer}')",
        f"INSERT INTO quotes_fts (article_id, local_id, {quote_cols})"
        f" SELECT article_id, local_id, {quote_vals.format(p='quotes')} FROM quotes",
        "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN"
        f" INSERT INTO quotes_fts (article_id, local_id, {quote_cols}) VALUES (new.article_id, new.local_id,"
        f" {new_quote}); END",
        "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN"
        " DELETE FROM quotes_fts WHERE article_id = old.article_id AND local_id = old.local_id; END",
        "CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN"
        " DELETE FROM quotes_fts WHERE article_id = old.article_id AND local_id = old.local_id;"
        f" INSERT INTO quotes_fts (article_id, local_id, {quote_cols}) VALUES (new.article_id, new.local_id,"
        f" {new_quote}); END",
    ]


SQLITE_DROP = [
    f"DROP TRIGGER {table}_fts_{action}"
    for table in ("articles", "quotes")
    for action in ("insert", "delete", "update")
] + ["DROP TABLE articles_fts", "DROP TABLE quotes_fts"]
SQLITE_UPGRADE = SQLITE_DROP + _sqlite_fts("porter unicode61 remove_diacritics 2", joined=True)
SQLITE_DOWNGRADE = SQLITE_DROP + _sqlite_fts("unicode61 remove_diacritics 2", joined=False)


def _postgres_search(config: str, text: str) -> str:
    if config == "english":
        return f"to_tsvector('english', {text})"
    return f"to_tsvector('{config}', {text}) || to_tsvector('{config}', {_dehyphenated(text)})"


def _postgres_columns(config: str) -> list[str]:
    article_text = "coalesce(title, '') || ' ' || text"
    return [
        "DROP INDEX ix_articles_search",
        "ALTER TABLE articles DROP COLUMN search",
        "DROP INDEX ix_quotes_search",
        "ALTER TABLE quotes DROP COLUMN search",
        "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS"
        f" ({_postgres_search(config, article_text)}) STORED",
        "CREATE INDEX ix_articles_search ON articles USING GIN (search)",
        "ALTER TABLE quotes ADD COLUMN search tsvector GENERATED ALWAYS AS"
        f" ({_postgres_search(config, 'text')}) STORED",
        "CREATE INDEX ix_quotes_search ON quotes USING GIN (search)",
    ]


POSTGRES_UPGRADE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION newsgraph_english (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION newsgraph_english ALTER MAPPING FOR hword, hword_part, word"
    " WITH unaccent, english_stem",
    *_postgres_columns("newsgraph_english"),
]
POSTGRES_DOWNGRADE = [*_postgres_columns("english"), "DROP TEXT SEARCH CONFIGURATION newsgraph_english"]


def _run(sqlite: list[str], postgres: list[str]) -> None:
    dialect = op.get_bind().dialect.name
    for statement in sqlite if dialect == "sqlite" else postgres if dialect == "postgresql" else []:
        op.execute(statement)


def upgrade() -> None:
    _run(SQLITE_UPGRADE, POSTGRES_UPGRADE)
    record(revision, DESCRIPTION)


def downgrade() -> None:
    _run(SQLITE_DOWNGRADE, POSTGRES_DOWNGRADE)
    forget(revision)
