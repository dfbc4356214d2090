"""The ``schema_version`` log every migration writes: which revision was applied, what it did, when."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

_LOG = sa.table("schema_version", sa.column("version"), sa.column("description"), sa.column("applied_at"))


def record(revision: str, description: str) -> None:
    """Log that ``revision`` was applied now (called at the end of a migration's ``upgrade``)."""
    applied = datetime.now(UTC).isoformat(timespec="seconds")
    op.bulk_insert(_LOG, [{"version": revision, "description": description, "applied_at": applied}])


def forget(revision: str) -> None:
    """Remove ``revision`` from the log (called by a migration's ``downgrade``)."""
    op.execute(sa.text("DELETE FROM schema_version WHERE version = :v").bindparams(v=revision))
