"""inbox: the sender of each update (for /delete), handled updates reduced to their id and
times; a table of the bot's own secrets (the log-reference salt)

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

import bot.db.types

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def _sender(payload: Any) -> int | None:
    """The `from` id of an update (as bot.db.inbox.person_of reads it then)."""
    if isinstance(payload, str):
        payload = json.loads(payload)
    if not isinstance(payload, dict):
        return None
    for key, value in payload.items():
        if key != "update_id" and isinstance(value, dict):
            for holder in ("from", "user"):
                person = value.get(holder)
                if isinstance(person, dict) and type(person.get("id")) is int:
                    return int(person["id"])
            return None
    return None


def upgrade() -> None:
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("user_id", sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f("ix_inbox_user_id"), ["user_id"], unique=False)
    inbox = sa.table(
        "inbox",
        sa.column("update_id", sa.BigInteger()),
        sa.column("payload", sa.JSON()),
        sa.column("chat_id", sa.BigInteger()),
        sa.column("user_id", sa.BigInteger()),
        sa.column("handled_at", bot.db.types.UTCDateTime(timezone=True)),
    )
    connection = op.get_bind()
    # Handled updates keep only their id and times (the JSON 'null' left before becomes NULL).
    connection.execute(
        sa.update(inbox)
        .where(inbox.c.handled_at.is_not(None))
        .values(payload=sa.null(), chat_id=None)
    )
    waiting = connection.execute(
        sa.select(inbox.c.update_id, inbox.c.payload).where(inbox.c.handled_at.is_(None))
    ).all()
    for update_id, payload in waiting:
        sender = _sender(payload)
        if sender is not None:
            connection.execute(
                sa.update(inbox).where(inbox.c.update_id == update_id).values(user_id=sender)
            )
    op.create_table(
        "bot_secrets",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=128), nullable=False),
        sa.Column("created_at", bot.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_bot_secrets")),
    )


def downgrade() -> None:
    op.drop_table("bot_secrets")
    with op.batch_alter_table("inbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_user_id"))
        batch_op.drop_column("user_id")
