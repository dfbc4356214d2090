"""Meetings followed across articles: ``meetings``, ``meeting_participants`` and ``meeting_mentions``, built from
the CONSULT events (``newsgraph.meetings``). A store made before this revision has none until
``newsgraph meetings --rebuild``.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from newsgraph.store.schema_versions import forget, record

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

DESCRIPTION = "meetings: talks and summits linked across articles from CONSULT events"


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("place", sa.Text()),
        sa.Column("place_country", sa.String()),
        sa.Column("start", sa.String()),
        sa.Column("end", sa.String()),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("occurred_by", sa.String()),
        sa.Column("first_published", sa.String()),
        sa.Column("last_published", sa.String()),
        sa.Column("day", sa.String()),
    )
    op.create_index("ix_meetings_day", "meetings", ["day"])
    op.create_index("ix_meetings_status", "meetings", ["status"])
    op.create_table(
        "meeting_participants",
        sa.Column("meeting_id", sa.String(), sa.ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("code", sa.String(), primary_key=True),
    )
    op.create_index("ix_meeting_participants_code", "meeting_participants", ["code"])
    op.create_table(
        "meeting_mentions",
        sa.Column("article_id", sa.String(), primary_key=True),
        sa.Column("event_id", sa.String(), primary_key=True),
        sa.Column("meeting_id", sa.String(), sa.ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("published", sa.String()),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("start", sa.String()),
        sa.Column("end", sa.String()),
        sa.Column("place", sa.Text()),
        sa.ForeignKeyConstraint(
            ["article_id", "event_id"], ["events.article_id", "events.local_id"], ondelete="CASCADE"
        ),
    )
    op.create_index("ix_meeting_mentions_meeting", "meeting_mentions", ["meeting_id"])
    record(revision, DESCRIPTION)


def downgrade() -> None:
    op.drop_table("meeting_mentions")
    op.drop_table("meeting_participants")
    op.drop_table("meetings")
    forget(revision)
