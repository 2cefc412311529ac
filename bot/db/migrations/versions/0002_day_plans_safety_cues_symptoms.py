"""day plans, safety events, cues and symptom tips

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "day_plans",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("day_type", sa.String(length=8), nullable=False),
        sa.Column("goal_kind", sa.String(length=16), nullable=False),
        sa.Column("goal_minutes", sa.Integer(), nullable=False),
        sa.Column("activity", sa.String(length=16), nullable=False),
        sa.Column("content_keys", sa.JSON(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("level_minutes", sa.Integer(), nullable=False),
        sa.Column("level_since", sa.Date(), nullable=True),
        sa.Column("last_increase_date", sa.Date(), nullable=True),
        sa.Column("in_flare_mode", sa.Boolean(), nullable=False),
        sa.Column("pre_flare_level", sa.Integer(), nullable=True),
        sa.Column("flare_mode_since", sa.Date(), nullable=True),
        sa.Column("calm_days_in_flare_mode", sa.Integer(), nullable=False),
        sa.Column("plan_lowered_date", sa.Date(), nullable=True),
        sa.Column("last_clinician_nudge_date", sa.Date(), nullable=True),
        sa.Column("last_physio_nudge_date", sa.Date(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("created_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_day_plans_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_day_plans")),
        sa.UniqueConstraint("user_id", "local_date", name="uq_day_plans_user_date"),
    )
    with op.batch_alter_table("day_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_day_plans_user_id"), ["user_id"], unique=False)

    op.create_table(
        "safety_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("tier", sa.String(length=12), nullable=False),
        sa.Column("created_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("followup_due_at", bot.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_safety_events_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_events")),
    )
    with op.batch_alter_table("safety_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_safety_events_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("users", schema=None) as batch_op:
        # Existing people start with no symptom tips chosen.
        batch_op.add_column(
            sa.Column("symptom_tags", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )
        batch_op.add_column(sa.Column("cue", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column(
                "prompts_paused_until", bot.db.types.UTCDateTime(timezone=True), nullable=True
            )
        )
        batch_op.add_column(sa.Column("safety_open", sa.String(length=12), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("safety_open")
        batch_op.drop_column("prompts_paused_until")
        batch_op.drop_column("cue")
        batch_op.drop_column("symptom_tags")

    with op.batch_alter_table("safety_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_safety_events_user_id"))

    op.drop_table("safety_events")
    with op.batch_alter_table("day_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_day_plans_user_id"))

    op.drop_table("day_plans")
