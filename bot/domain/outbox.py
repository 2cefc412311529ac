"""The rules of the outboxes, apart from any database: a record's states, when a claim has
expired, and who gets today's daily prompt (bot/db/outbox.py and the jobs apply them)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.domain.pacing import prompt_today

SENDING, SENT, RETRY, FAILED = "sending", "sent", "retry", "failed"
# A batch is claimed, sent and recorded within a minute or two even at 30 messages a second; a
# claim still "sending" after this long belongs to a process that died.
LEASE = timedelta(minutes=10)


def expired(claimed_at: datetime, now: datetime, lease: timedelta = LEASE) -> bool:
    """Whether a claim outlived its lease (exactly the lease is still its claimant's)."""
    return claimed_at < now - lease


def prompt_due(
    *,
    day: date,
    now: datetime,
    record: str | None,
    checked_in: bool,
    followup: bool,
    paused_until: datetime | None,
    unanswered: int,
    last_prompt: date | None,
) -> bool:
    """Whether a person due now gets their daily prompt (or, with `followup`, a safety
    follow-up) for the local date `day`.

    `record` is the status of that date's prompt record, if there is one: at most one prompt a
    person gets per local date, whatever their zone did since, except one to retry.
    """
    if not followup and paused_until is not None and paused_until > now:
        return False  # after an emergency or crisis reply, no nudges for a while
    if record is not None and record != RETRY:
        return False  # sent (or being sent, or given up) for this local date already
    if checked_in and not followup:
        return False  # they checked in today by themselves
    # Someone who stopped answering hears from the bot every other day, then weekly.
    return followup or prompt_today(unanswered, last_prompt, day)
