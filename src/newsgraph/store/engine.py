"""Opening a corpus database: URL resolution, SQLite settings, migrations to the newest schema."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

DEFAULT_DB = "newsgraph.db"
MIGRATIONS = Path(__file__).parent / "migrations"
SQLITE_BUSY_TIMEOUT_S = 30
# busy_timeout first: switching to WAL takes a lock, which another process opening the file may hold.
SQLITE_PRAGMAS = (
    f"busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}",
    "journal_mode = WAL",
    "foreign_keys = ON",
    "synchronous = NORMAL",
)
IMMEDIATE = "newsgraph_immediate"  # execution option: SQLite takes the write lock at BEGIN
MIGRATION_LOCK = 0x6E657773  # PostgreSQL advisory lock key serialising migrations ("news")


class StoreError(ValueError):
    """A database that cannot be opened (bad URL, unsupported backend, server unreachable)."""


def database_url(db: str | None) -> str:
    """``sqlite:///…`` or ``postgresql+psycopg://…`` from a URL or a bare path (default ./newsgraph.db)."""
    db = db or DEFAULT_DB
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    for prefix in ("postgresql://", "postgres://"):
        if db.startswith(prefix):
            return "postgresql+psycopg://" + db[len(prefix) :]
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
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_begin(conn: Connection) -> None:
    # A writer starts with BEGIN IMMEDIATE: it waits (busy_timeout) for another writer instead of
    # failing with "database is locked" when its read lock cannot be upgraded.
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(IMMEDIATE) else "BEGIN")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction that writes: on SQLite it holds the write lock from its start, so concurrent
    writers (two ingests into one file) wait for each other rather than fail."""
    with engine.connect() as conn:
        conn = conn.execution_options(**{IMMEDIATE: True})
        with conn.begin():
            yield conn


def _sqlite_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy emit BEGIN itself (see the "begin" listener): pysqlite's own transaction
    # handling would otherwise break SAVEPOINT and transactional DDL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        _pragma_when_unlocked(cursor, pragma)
    cursor.close()


def _pragma_when_unlocked(cursor: sqlite3.Cursor, pragma: str) -> None:
    # SQLite answers "database is locked" at once, without its busy handler, when two processes
    # switch a new file to WAL together; wait for the other one as busy_timeout would.
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            cursor.execute(f"PRAGMA {pragma}")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (``alembic upgrade head``); a no-op when it is there.

    Concurrent first opens (two ingests on a new file) migrate one after the other: the migration
    runs in a write transaction (SQLite) or under an advisory lock (PostgreSQL).
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if _revision(engine) == ScriptDirectory.from_config(config).get_current_head():
        return  # no write lock for a database that is up to date
    with write_transaction(engine) as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _revision(engine: Engine) -> str | None:
    """The schema revision the database is at (None when new)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
