"""safety conversation window and helpline country

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.alter_column(
            "safety_open",
            existing_type=sa.String(length=12),
            type_=sa.String(length=24),
            existing_nullable=True,
        )
        batch_op.add_column(
            sa.Column("safety_until", bot.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("country", sa.String(length=2), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("country")
        batch_op.drop_column("safety_until")
        batch_op.alter_column(
            "safety_open",
            existing_type=sa.String(length=24),
            type_=sa.String(length=12),
            existing_nullable=True,
        )
