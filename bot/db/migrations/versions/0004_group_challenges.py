"""group buddy challenges: groups, challenges, members, day marks, summary and nudge logs

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "group_chats",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.String(length=128), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("introduced", sa.Boolean(), nullable=False),
        sa.Column("last_edit_at", bot.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_chats")),
        sa.UniqueConstraint("chat_id", name=op.f("uq_group_chats_chat_id")),
    )
    op.create_table(
        "challenges",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("step", sa.String(length=8), nullable=True),
        sa.Column("activity", sa.String(length=16), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("length_days", sa.Integer(), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("summary_time", sa.Time(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("shown", sa.String(length=16), nullable=True),
        sa.Column("stale", sa.Boolean(), nullable=False),
        sa.Column("refresh_at", bot.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("summary_day", sa.Date(), nullable=True),
        sa.Column("next_summary_at", bot.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("nudge_day", sa.Date(), nullable=True),
        sa.Column("next_nudge_at", bot.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.String(length=10), nullable=True),
        sa.Column("ended_at", bot.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["group_chats.id"],
            name=op.f("fk_challenges_group_id_group_chats"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challenges")),
        sa.UniqueConstraint("code", name=op.f("uq_challenges_code")),
    )
    with op.batch_alter_table("challenges", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_challenges_group_id"), ["group_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_challenges_next_nudge_at"), ["next_nudge_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_challenges_next_summary_at"), ["next_summary_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_challenges_refresh_at"), ["refresh_at"], unique=False)

    op.create_table(
        "day_marks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("created_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_day_marks_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_day_marks")),
        sa.UniqueConstraint("user_id", "local_date", name="uq_day_marks_user_date"),
    )
    with op.batch_alter_table("day_marks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_day_marks_user_id"), ["user_id"], unique=False)

    op.create_table(
        "challenge_members",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("challenge_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("creator", sa.Boolean(), nullable=False),
        sa.Column("joined_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("left_at", bot.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["challenge_id"],
            ["challenges.id"],
            name=op.f("fk_challenge_members_challenge_id_challenges"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_challenge_members_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challenge_members")),
        sa.UniqueConstraint("challenge_id", "user_id", name="uq_challenge_members_challenge_user"),
    )
    with op.batch_alter_table("challenge_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_challenge_members_challenge_id"), ["challenge_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_challenge_members_user_id"), ["user_id"], unique=False)

    op.create_table(
        "challenge_nudges",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("challenge_id", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("sent_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["challenge_id"],
            ["challenges.id"],
            name=op.f("fk_challenge_nudges_challenge_id_challenges"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_challenge_nudges_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challenge_nudges")),
        sa.UniqueConstraint("user_id", "local_date", name="uq_challenge_nudges_user_date"),
    )
    with op.batch_alter_table("challenge_nudges", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_challenge_nudges_challenge_id"), ["challenge_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_challenge_nudges_user_id"), ["user_id"], unique=False)

    op.create_table(
        "challenge_summaries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("challenge_id", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("turned_up", sa.Integer(), nullable=False),
        sa.Column("sent_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["challenge_id"],
            ["challenges.id"],
            name=op.f("fk_challenge_summaries_challenge_id_challenges"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_challenge_summaries")),
        sa.UniqueConstraint("challenge_id", "local_date", name="uq_challenge_summaries_day"),
    )
    with op.batch_alter_table("challenge_summaries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_challenge_summaries_challenge_id"), ["challenge_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("challenge_summaries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_challenge_summaries_challenge_id"))

    op.drop_table("challenge_summaries")
    with op.batch_alter_table("challenge_nudges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_challenge_nudges_user_id"))
        batch_op.drop_index(batch_op.f("ix_challenge_nudges_challenge_id"))

    op.drop_table("challenge_nudges")
    with op.batch_alter_table("challenge_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_challenge_members_user_id"))
        batch_op.drop_index(batch_op.f("ix_challenge_members_challenge_id"))

    op.drop_table("challenge_members")
    with op.batch_alter_table("day_marks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_day_marks_user_id"))

    op.drop_table("day_marks")
    with op.batch_alter_table("challenges", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_challenges_refresh_at"))
        batch_op.drop_index(batch_op.f("ix_challenges_next_summary_at"))
        batch_op.drop_index(batch_op.f("ix_challenges_next_nudge_at"))
        batch_op.drop_index(batch_op.f("ix_challenges_group_id"))

    op.drop_table("challenges")
    op.drop_table("group_chats")
