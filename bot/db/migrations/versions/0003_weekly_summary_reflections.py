"""weekly summary and reflections

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reflections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("enjoyment", sa.Integer(), nullable=True),
        sa.Column("confidence_tasks", sa.Integer(), nullable=True),
        sa.Column("confidence_life", sa.Integer(), nullable=True),
        sa.Column("overall_change", sa.Integer(), nullable=True),
        sa.Column("created_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_reflections_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflections")),
        sa.UniqueConstraint("user_id", "local_date", "kind", name="uq_reflections_user_date_kind"),
    )
    with op.batch_alter_table("reflections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reflections_user_id"), ["user_id"], unique=False)

    op.create_table(
        "summaries_sent",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("sent_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_summaries_sent_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_summaries_sent")),
        sa.UniqueConstraint("user_id", "local_date", name="uq_summaries_sent_user_date"),
    )
    with op.batch_alter_table("summaries_sent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_summaries_sent_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("users", schema=None) as batch_op:
        # Existing people get the defaults: on, Sundays at 19:00.
        batch_op.add_column(
            sa.Column("weekly_enabled", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(
            sa.Column("weekly_weekday", sa.Integer(), nullable=False, server_default="6")
        )
        batch_op.add_column(
            sa.Column("weekly_time", sa.Time(), nullable=False, server_default="19:00:00")
        )
        batch_op.add_column(
            sa.Column("next_weekly_at", bot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_index(
            batch_op.f("ix_users_next_weekly_at"), ["next_weekly_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_next_weekly_at"))
        batch_op.drop_column("next_weekly_at")
        batch_op.drop_column("weekly_time")
        batch_op.drop_column("weekly_weekday")
        batch_op.drop_column("weekly_enabled")

    with op.batch_alter_table("summaries_sent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_summaries_sent_user_id"))

    op.drop_table("summaries_sent")
    with op.batch_alter_table("reflections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reflections_user_id"))

    op.drop_table("reflections")
