"""The schema: people, their daily check-ins, and the prompt outbox log."""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.db.types import UTCDateTime

# Stable constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with the shared naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class User(Base):
    """A person talking to the bot in a private chat; the id is their Telegram user id."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    first_name: Mapped[str] = mapped_column(String(128), default="")
    language_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    timezone: Mapped[str] = mapped_column(String(64))
    checkin_time: Mapped[time] = mapped_column(Time)
    bad_day_minutes: Mapped[int] = mapped_column(Integer)
    good_day_minutes: Mapped[int] = mapped_column(Integer)
    activities: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Which onboarding or settings step is waiting for an answer; None when none is.
    dialog: Mapped[str | None] = mapped_column(String(32), nullable=True)
    onboarded: Mapped[bool] = mapped_column(Boolean, default=False)
    # False once Telegram says the person blocked the bot; /start sets it again.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    next_prompt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CheckIn(Base):
    """One day's answers, filled in answer by answer; its empty fields are the dialogue state."""

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("user_id", "local_date", name="uq_checkins_user_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    local_date: Mapped[date] = mapped_column(Date)
    pain: Mapped[int | None] = mapped_column(Integer, nullable=True)
    flare: Mapped[str | None] = mapped_column(String(8), nullable=True)
    interference: Mapped[int | None] = mapped_column(Integer, nullable=True)
    energy: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sleep: Mapped[int | None] = mapped_column(Integer, nullable=True)
    movement: Mapped[str | None] = mapped_column(String(8), nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    # True once the note was written or skipped, so an empty note is not asked again.
    note_done: Mapped[bool] = mapped_column(Boolean, default=False)
    # "full", "short" (bad-day path: pain and flare only) or "same" (copied from yesterday).
    path: Mapped[str] = mapped_column(String(8), default="full")
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PromptSent(Base):
    """The outbox log: at most one daily prompt per person per local date."""

    __tablename__ = "prompts_sent"
    __table_args__ = (UniqueConstraint("user_id", "local_date", name="uq_prompts_sent_user_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    local_date: Mapped[date] = mapped_column(Date)
    # "sending" while claimed, "sent" once Telegram took it, "retry" after a passing failure.
    status: Mapped[str] = mapped_column(String(8), default="sending")
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
