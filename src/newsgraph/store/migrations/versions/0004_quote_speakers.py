"""Everyone who says a quote: ``quote_speakers`` lists a quote's speakers in order (0 is ``quotes.speaker_id``),
so "X, Y and Z argue" is stored as said by all three. Existing quotes get their one speaker.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

from newsgraph.store.schema_versions import forget, record

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

DESCRIPTION = "quote_speakers: all who say a quote (coordinated speakers)"


def upgrade() -> None:
    op.create_table(
        "quote_speakers",
        sa.Column("article_id", sa.String(), primary_key=True),
        sa.Column("quote_id", sa.String(), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("actor_id", sa.String(), sa.ForeignKey("actors.id"), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id", "quote_id"], ["quotes.article_id", "quotes.local_id"], ondelete="CASCADE"
        ),
    )
    op.create_index("ix_quote_speakers_actor", "quote_speakers", ["actor_id"])
    op.execute(
        "INSERT INTO quote_speakers (article_id, quote_id, seq, actor_id) "
        "SELECT article_id, local_id, 0, speaker_id FROM quotes WHERE speaker_id IS NOT NULL"
    )
    record(revision, DESCRIPTION)


def downgrade() -> None:
    op.drop_index("ix_quote_speakers_actor", table_name="quote_speakers")
    op.drop_table("quote_speakers")
    forget(revision)
