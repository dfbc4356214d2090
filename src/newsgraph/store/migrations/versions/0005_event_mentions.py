"""Later statements of one event: ``event_mentions`` keeps each event's further evidence spans
(``Event.mentions``: the same talks told again later in the article). Existing events have none.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from newsgraph.store.schema_versions import forget, record

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

DESCRIPTION = "event_mentions: further evidence spans of one event"


def upgrade() -> None:
    op.create_table(
        "event_mentions",
        sa.Column("article_id", sa.String(), primary_key=True),
        sa.Column("event_id", sa.String(), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "event_id"], ["events.article_id", "events.local_id"], ondelete="CASCADE"
        ),
    )
    record(revision, DESCRIPTION)


def downgrade() -> None:
    op.drop_table("event_mentions")
    forget(revision)
