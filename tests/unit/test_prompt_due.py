"""Who gets today's daily prompt, and when a claim has expired: the outbox rules as tables."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.domain.outbox import FAILED, LEASE, RETRY, SENDING, SENT, expired, prompt_due
from bot.domain.pacing import BACK_OFF_AFTER, WEEKLY_AFTER

DAY = date(2026, 6, 10)
NOW = datetime(2026, 6, 10, 7, 0, tzinfo=UTC)
TICK = timedelta(microseconds=1)


def due(**changes: object) -> bool:
    """prompt_due for a person who is due, with no record yet, unless `changes` say otherwise."""
    facts: dict[str, object] = dict(
        day=DAY, now=NOW, record=None, checked_in=False, followup=False, paused_until=None,
        unanswered=0, last_prompt=DAY - timedelta(days=1),
    )  # fmt: skip
    facts.update(changes)
    return prompt_due(**facts)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("record", "sent"),
    [(None, True), (RETRY, True), (SENT, False), (SENDING, False), (FAILED, False)],
)
def test_one_prompt_per_local_date_except_one_to_retry(record: str | None, sent: bool) -> None:
    assert due(record=record) is sent
    # A safety follow-up keeps to the same rule: one message that day.
    assert due(record=record, followup=True) is sent


@pytest.mark.parametrize(
    ("paused_until", "prompt", "followup"),
    [
        (NOW - TICK, True, True),  # the pause is over
        (NOW, True, True),  # ... exactly now: over
        (NOW + TICK, False, True),  # still paused; a safety follow-up still goes out
        (None, True, True),
    ],
)
def test_a_pause_after_a_red_flag_holds_prompts_but_not_the_follow_up(
    paused_until: datetime | None, prompt: bool, followup: bool
) -> None:
    assert due(paused_until=paused_until) is prompt
    assert due(paused_until=paused_until, followup=True) is followup


def test_someone_who_checked_in_by_themselves_gets_no_prompt_but_a_follow_up() -> None:
    assert due(checked_in=True) is False
    assert due(checked_in=True, followup=True) is True
    assert due(checked_in=False) is True


@pytest.mark.parametrize(
    ("unanswered", "days_since", "prompt"),
    [
        (BACK_OFF_AFTER - 1, 1, True),  # still daily
        (BACK_OFF_AFTER, 1, False),  # every other day from here
        (BACK_OFF_AFTER, 2, True),
        (WEEKLY_AFTER - 1, 2, True),
        (WEEKLY_AFTER, 6, False),  # weekly from here
        (WEEKLY_AFTER, 7, True),
        (WEEKLY_AFTER + 1, 8, True),
    ],
)
def test_pacing_decides_for_people_who_stopped_answering(
    unanswered: int, days_since: int, prompt: bool
) -> None:
    last = DAY - timedelta(days=days_since)
    assert due(unanswered=unanswered, last_prompt=last) is prompt
    # A follow-up after a red flag is never held back by pacing.
    assert due(unanswered=unanswered, last_prompt=last, followup=True) is True


def test_the_first_prompt_ever_goes_out() -> None:
    assert due(unanswered=WEEKLY_AFTER + 3, last_prompt=None) is True


@pytest.mark.parametrize(
    ("age", "gone"), [(LEASE - TICK, False), (LEASE, False), (LEASE + TICK, True)]
)
def test_a_claim_expires_just_after_its_lease(age: timedelta, gone: bool) -> None:
    assert expired(NOW - age, NOW) is gone
    assert expired(NOW - age, NOW, lease=age + TICK) is False
