"""one outbox mechanism: a lease on weekly summaries, challenge summaries and nudges; a one-time
token that confirms deleting everything

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Rows written before this revision were sent: they are settled.
OUTBOXES = ("summaries_sent", "challenge_summaries", "challenge_nudges")


def upgrade() -> None:
    for table in OUTBOXES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("status", sa.String(length=8), nullable=False, server_default="sent")
            )
            batch_op.add_column(
                sa.Column("claimed_at", bot.db.types.UTCDateTime(timezone=True), nullable=True)
            )
            batch_op.add_column(
                sa.Column("attempts", sa.Integer(), nullable=False, server_default="1")
            )
            batch_op.create_index(batch_op.f(f"ix_{table}_status"), ["status"], unique=False)
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("confirm_token", sa.String(length=32), nullable=True))
        batch_op.add_column(
            sa.Column("confirm_until", bot.db.types.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("confirm_until")
        batch_op.drop_column("confirm_token")
    for table in reversed(OUTBOXES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_status"))
            batch_op.drop_column("attempts")
            batch_op.drop_column("claimed_at")
            batch_op.drop_column("status")
