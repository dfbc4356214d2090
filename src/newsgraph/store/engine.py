"""Opening a corpus database: URL resolution, SQLite settings, migrations to the newest schema."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_DB = "newsgraph.db"
MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_PRAGMAS = ("journal_mode = WAL", "foreign_keys = ON", "synchronous = NORMAL", "busy_timeout = 30000")


class StoreError(ValueError):
    """A database that cannot be opened (bad URL, unsupported backend, server unreachable)."""


def database_url(db: str | None) -> str:
    """``sqlite:///…`` or ``postgresql+psycopg://…`` from a URL or a bare path (default ./newsgraph.db)."""
    db = db or DEFAULT_DB
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    for prefix in ("postgresql://", "postgres://"):
        if db.startswith(prefix):
            return "postgresql+psycopg://" + db[len(prefix):]
    return db


def create(db: str | None) -> Engine:
    """An engine for ``db`` (SQLite: WAL, foreign keys on, real transactions with savepoints)."""
    url = database_url(db)
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError as exc:
        raise StoreError(f"{db}: not a database URL or path") from exc
    if backend not in ("sqlite", "postgresql"):
        raise StoreError(f"{db}: unsupported database {backend!r}; use a SQLite path or postgresql://…")
    if backend == "postgresql":
        return create_engine(url, pool_pre_ping=True)
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def _sqlite_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy emit BEGIN itself (see the "begin" listener): pysqlite's own transaction
    # handling would otherwise break SAVEPOINT and transactional DDL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (``alembic upgrade head``); a no-op when it is there."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
