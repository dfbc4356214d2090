"""Meetings: the round of talks a meeting is ("the second round"), whether it is the leaders' or their
delegations', which participants mediate it, and which mentions stand in an article's headline. Meetings
linked before this revision have none of these until ``newsgraph meetings --rebuild``.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from newsgraph.store.schema_versions import forget, record

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

DESCRIPTION = "meetings: rounds of talks, leaders or delegations, mediators and headline mentions"


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch:
        batch.add_column(sa.Column("round", sa.Integer()))
        batch.add_column(sa.Column("level", sa.String()))
    with op.batch_alter_table("meeting_participants") as batch:
        batch.add_column(sa.Column("mediator", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("meeting_mentions") as batch:
        batch.add_column(sa.Column("headline", sa.Boolean(), nullable=False, server_default=sa.false()))
    record(revision, DESCRIPTION)


def downgrade() -> None:
    with op.batch_alter_table("meeting_mentions") as batch:
        batch.drop_column("headline")
    with op.batch_alter_table("meeting_participants") as batch:
        batch.drop_column("mediator")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("level")
        batch.drop_column("round")
    forget(revision)
