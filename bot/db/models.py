"""The schema: people, check-ins, day plans, safety events, outbox logs and group challenges."""

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
    false,
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
    # Symptoms the person wants specific tips for (headache, neck, upper_back, sleep, stress).
    symptom_tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Which onboarding or settings step is waiting for an answer; None when none is.
    dialog: Mapped[str | None] = mapped_column(String(32), nullable=True)
    onboarded: Mapped[bool] = mapped_column(Boolean, default=False)
    # False once Telegram says the person blocked the bot; /start sets it again.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    next_prompt_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    # An if-then cue the person tied their goal to ("after breakfast").
    cue: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # After an emergency or crisis reply, daily prompts wait until this instant.
    prompts_paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # The open safety conversation (a `bot.domain.safety.conversation.Stage` value), so every
    # message is read in its light until `safety_until`; None when none is open.
    safety_open: Mapped[str | None] = mapped_column(String(24), nullable=True)
    safety_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # A "which is it?" about the person's last message, waiting for its answer until
    # `clarify_until`: the options offered, comma-separated, in order ("rest,today,none").
    clarify: Mapped[str | None] = mapped_column(String(64), nullable=True)
    clarify_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # ISO 3166 country for helplines and the emergency number; None: from the time zone.
    country: Mapped[str | None] = mapped_column(String(2), nullable=True)
    # The weekly summary: on or off, local weekday (0 = Monday) and time, next instant in UTC.
    weekly_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    weekly_weekday: Mapped[int] = mapped_column(Integer, default=6)
    weekly_time: Mapped[time] = mapped_column(Time, default=time(19, 0))
    next_weekly_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    # Daily prompts sent since the person last answered anything; from 3 on, prompts come less
    # often (see bot.domain.pacing) until any answer sets it back to 0. NULL reads as 0, so rows
    # written without it (bulk inserts from a `new_user` template) need no change.
    unanswered_prompts: Mapped[int | None] = mapped_column(
        Integer, nullable=True, default=0, server_default="0"
    )
    # A one-time token that a dangerous button (delete everything) must carry, and its expiry:
    # a guessable constant in the button would let a forged tap erase an account.
    confirm_token: Mapped[str | None] = mapped_column(String(32), nullable=True)
    confirm_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
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


class Leased:
    """An outbox record's lease (bot.db.outbox): "sending" while claimed, then "sent", "retry"
    (a passing failure: claimed again later) or "failed". A record still "sending" after the
    lease belongs to a process that died mid-batch and is taken up again, so a crash costs at
    most a duplicate of what was in flight, never a message."""

    status: Mapped[str] = mapped_column(String(8), default="sending", index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=1)


class PromptSent(Leased, Base):
    """The daily prompt outbox log: at most one daily prompt per person per local date."""

    __tablename__ = "prompts_sent"
    __table_args__ = (UniqueConstraint("user_id", "local_date", name="uq_prompts_sent_user_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    local_date: Mapped[date] = mapped_column(Date)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class DayPlan(Base):
    """The rules engine's decision for one person and local date, and whether they did it."""

    __tablename__ = "day_plans"
    __table_args__ = (UniqueConstraint("user_id", "local_date", name="uq_day_plans_user_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    local_date: Mapped[date] = mapped_column(Date)
    day_type: Mapped[str] = mapped_column(String(8))
    goal_kind: Mapped[str] = mapped_column(String(16))
    goal_minutes: Mapped[int] = mapped_column(Integer)
    activity: Mapped[str] = mapped_column(String(16))
    content_keys: Mapped[list[str]] = mapped_column(JSON, default=list)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The state the next decision continues from (see bot.domain.rules.PlanState).
    level_minutes: Mapped[int] = mapped_column(Integer)
    level_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_increase_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    in_flare_mode: Mapped[bool] = mapped_column(Boolean, default=False)
    pre_flare_level: Mapped[int | None] = mapped_column(Integer, nullable=True)
    flare_mode_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    calm_days_in_flare_mode: Mapped[int] = mapped_column(Integer, default=0)
    plan_lowered_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_clinician_nudge_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_physio_nudge_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Set by the plan's Done button.
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    # Rest declared in words ("too tired today"): the plan of the day is rest, whatever follows.
    rest_declared: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SafetyEvent(Base):
    """A red flag found in something a person wrote; drives holds, pauses and follow-ups."""

    __tablename__ = "safety_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    local_date: Mapped[date] = mapped_column(Date)
    tier: Mapped[str] = mapped_column(String(12))  # emergency | doctor | crisis | check
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Emergency and crisis get a gentle check-in the next day; None once sent (or for doctor).
    followup_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Reflection(Base):
    """Answers to the weekly and monthly questions (our own wording, not a named instrument)."""

    __tablename__ = "reflections"
    __table_args__ = (
        UniqueConstraint("user_id", "local_date", "kind", name="uq_reflections_user_date_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    local_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(8))  # weekly | monthly
    enjoyment: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 0-10 interference
    confidence_tasks: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 0-6
    confidence_life: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 0-6
    overall_change: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 1-7
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SummarySent(Leased, Base):
    """The weekly-summary outbox log: at most one per person per local date."""

    __tablename__ = "summaries_sent"
    __table_args__ = (
        UniqueConstraint("user_id", "local_date", name="uq_summaries_sent_user_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    local_date: Mapped[date] = mapped_column(Date)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)


class GroupChat(Base):
    """A group the bot was added to; `chat_id` follows the group when it becomes a supergroup."""

    __tablename__ = "group_chats"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    title: Mapped[str] = mapped_column(String(128), default="")
    # The zone of the group's last challenge, offered first when the next one is set up.
    timezone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # False once the bot was removed from the group.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The bot introduces itself once per group, not on every re-add.
    introduced: Mapped[bool] = mapped_column(Boolean, default=False)
    # Edits of challenge messages are spaced out per group (Telegram: ~20 messages a minute).
    last_edit_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Challenge(Base):
    """A group buddy challenge, from set-up (a draft filled step by step) to its end summary."""

    __tablename__ = "challenges"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("group_chats.id", ondelete="CASCADE"), index=True
    )
    # The deep-link code (t.me/<bot>?start=j<code>) for joining from a private chat.
    code: Mapped[str] = mapped_column(String(16), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="draft")  # draft|active|ended|cancelled
    step: Mapped[str | None] = mapped_column(String(8), nullable=True)  # the open set-up question
    activity: Mapped[str | None] = mapped_column(String(16), nullable=True)  # a key or "own"
    minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)  # None: own plan
    length_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    timezone: Mapped[str | None] = mapped_column(String(64), nullable=True)
    summary_time: Mapped[time | None] = mapped_column(Time, nullable=True)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    # The one group message that shows the challenge (the set-up message while a draft).
    message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # A digest of the text last shown, and whether a newer tally is waiting for an edit.
    shown: Mapped[str | None] = mapped_column(String(16), nullable=True)
    stale: Mapped[bool] = mapped_column(Boolean, default=False)
    # When the group's day turns over, so the message moves on to the new day (UTC).
    refresh_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    # The outboxes: the next date to summarise or nudge about, and when (UTC).
    summary_day: Mapped[date | None] = mapped_column(Date, nullable=True)
    next_summary_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    nudge_day: Mapped[date | None] = mapped_column(Date, nullable=True)
    next_nudge_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)
    end_reason: Mapped[str | None] = mapped_column(String(10), nullable=True)  # done|early|removed
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChallengeMember(Base):
    """A person in a challenge; `left_at` is set by /leave (joining again clears it).

    The creator's row says so: they answer the set-up and may end the challenge early. It is
    made with the draft, so a creator who deletes their data leaves the challenge to the group.
    """

    __tablename__ = "challenge_members"
    __table_args__ = (
        UniqueConstraint("challenge_id", "user_id", name="uq_challenge_members_challenge_user"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    challenge_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("challenges.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    creator: Mapped[bool] = mapped_column(Boolean, default=False)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime)
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class DayMark(Base):
    """'Done today' or 'Resting today' tapped on a group message or a nudge: one per day."""

    __tablename__ = "day_marks"
    __table_args__ = (UniqueConstraint("user_id", "local_date", name="uq_day_marks_user_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    local_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(8))  # moved | resting
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChallengeSummary(Leased, Base):
    """The daily-summary outbox log: one per challenge and date, with anonymous counts only."""

    __tablename__ = "challenge_summaries"
    __table_args__ = (
        UniqueConstraint("challenge_id", "local_date", name="uq_challenge_summaries_day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    challenge_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("challenges.id", ondelete="CASCADE"), index=True
    )
    local_date: Mapped[date] = mapped_column(Date)
    members: Mapped[int] = mapped_column(Integer)
    turned_up: Mapped[int] = mapped_column(Integer)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChallengeNudge(Leased, Base):
    """The private-nudge outbox log: at most one challenge nudge per person per date."""

    __tablename__ = "challenge_nudges"
    __table_args__ = (
        UniqueConstraint("user_id", "local_date", name="uq_challenge_nudges_user_date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    challenge_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("challenges.id", ondelete="CASCADE"), index=True
    )
    local_date: Mapped[date] = mapped_column(Date)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BotSecret(Base):
    """A secret the bot makes for itself on first start and keeps (the log-reference salt)."""

    __tablename__ = "bot_secrets"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ShareLink(Base):
    """A private, expiring link to a read-only page of one person's trends for a clinician.

    Only the SHA-256 of the token is kept: a copy of the database cannot open anyone's page.
    """

    __tablename__ = "share_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    weeks: Mapped[int] = mapped_column(Integer)  # 4 or 12
    notes: Mapped[bool] = mapped_column(Boolean, default=False)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    opens: Mapped[int] = mapped_column(Integer, default=0)
    last_opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
