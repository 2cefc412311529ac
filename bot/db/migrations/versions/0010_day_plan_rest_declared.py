"""the day's plan holds a rest day declared in words, so every surface reads the same day

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("day_plans", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rest_declared", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("day_plans", schema=None) as batch_op:
        batch_op.drop_column("rest_declared")
