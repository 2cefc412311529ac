"""inbox: the chat of each update, attempts and updates set aside; leases on daily prompts

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chat_id", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("claimed_by", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(
            sa.Column("failed_at", bot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("error", sa.String(length=120), nullable=True))
        batch_op.create_index(batch_op.f("ix_inbox_chat_id"), ["chat_id"], unique=False)
    with op.batch_alter_table("prompts_sent", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("claimed_at", bot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index(batch_op.f("ix_prompts_sent_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("prompts_sent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_prompts_sent_status"))
        batch_op.drop_column("claimed_at")
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_chat_id"))
        batch_op.drop_column("error")
        batch_op.drop_column("failed_at")
        batch_op.drop_column("attempts")
        batch_op.drop_column("claimed_by")
        batch_op.drop_column("chat_id")
