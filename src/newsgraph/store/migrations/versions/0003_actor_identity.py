"""One identity per person: actors get a name key, and stored actors that are one person merge.

``actors.name_key`` holds the name key of unlinked persons (``newsgraph.namekey``), by which an
ingest finds the stored person a new spelling belongs to. Existing rows are unified
(``store.identity.unify`` with the shipped KB): an unlinked person or organisation whose name is a KB
person's name or alias in any spelling ("organization:zelenskiy") becomes that KB person, and unlinked
persons sharing a name key and a compatible country become one. Their mentions, quotes, event sides
and aliases move to the kept actor; each merged id, name and kind stays in ``actor_merges``.
Downgrading drops the column and the table; merged actors stay merged.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from newsgraph.store.schema_versions import forget, record

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DESCRIPTION = "actor identity: name keys of unlinked persons; spellings of one person merged (actor_merges)"


def upgrade() -> None:
    from newsgraph.kb.loader import default_kb
    from newsgraph.store.identity import unify

    op.add_column("actors", sa.Column("name_key", sa.Text()))
    op.create_index("ix_actors_name_key", "actors", ["name_key"])
    op.create_table(
        "actor_merges",
        sa.Column("old_id", sa.String(), primary_key=True),
        sa.Column("actor_id", sa.String(), sa.ForeignKey("actors.id", ondelete="CASCADE"), nullable=False),
        sa.Column("old_name", sa.Text(), nullable=False),
        sa.Column("old_kind", sa.String(), nullable=False),
    )
    op.create_index("ix_actor_merges_actor", "actor_merges", ["actor_id"])
    unify(op.get_bind(), default_kb())
    record(revision, DESCRIPTION)


def downgrade() -> None:
    op.drop_index("ix_actor_merges_actor", table_name="actor_merges")
    op.drop_table("actor_merges")
    op.drop_index("ix_actors_name_key", table_name="actors")
    op.execute("ALTER TABLE actors DROP COLUMN name_key")  # SQLite 3.35+ and PostgreSQL
    forget(revision)
