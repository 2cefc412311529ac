"""The challenge service: what the group's message shows, the daily and end summaries, the
private nudges, and the group moving to a new chat id when it becomes a supergroup. Each
function works in the caller's unit of work (or opens one) and returns what to send
(`Outgoing`); bot/telegram/jobs/challenges.py sends it and reports back how it went.

Three outboxes on the challenge row, each a due instant in UTC that a claim advances:
`refresh_at` (the group's day turns over, or an edit waited for the per-group gap),
`next_summary_at` (one summary a day, logged under a unique constraint) and `next_nudge_at`
(private nudges, at most one per person a day, logged likewise). The job ticks them all.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import cast
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute
from telegram import InlineKeyboardMarkup

from bot.db import challenges as db
from bot.db import history, outbox, queries
from bot.db.models import (
    Challenge,
    ChallengeMember,
    ChallengeNudge,
    ChallengeSummary,
    GroupChat,
    SummarySent,
    User,
)
from bot.domain.challenges import (
    EDIT_GAP,
    LATE_LIMIT,
    Member,
    MemberTally,
    needs_nudge,
    next_tally,
    nudge_instant,
    summary_instant,
    tally,
)
from bot.domain.schedule import local_date, local_instant
from bot.services import Services
from bot.usecases.days import group_statuses
from bot.views import challenges as views
from bot.views.render import say

log = logging.getLogger(__name__)

BATCH = 100  # challenges claimed per transaction
RETRY_DELAY = timedelta(seconds=30)
DIGEST_CHARS = 16
# A private nudge steps aside for another private message sent or due within this long.
SPACING = timedelta(hours=1)


@dataclass(frozen=True)
class Post:
    """One challenge message to show: edited in place, or sent when there is none (yet)."""

    challenge_id: int
    chat_id: int
    message_id: int | None
    text: str
    markup: InlineKeyboardMarkup | None


@dataclass(frozen=True)
class Send:
    """A new message for a group (a summary) or a person (a nudge, a goodbye)."""

    chat_id: int
    text: str
    markup: InlineKeyboardMarkup | None = None
    reply_to: int | None = None
    user_id: int | None = None  # a private message: the person to mark inactive if blocked
    challenge_id: int | None = None  # a daily summary to retry on a passing failure
    day: date | None = None
    # The outbox record to settle once sent (ChallengeSummary or ChallengeNudge), if any.
    ledger: type[ChallengeSummary | ChallengeNudge] | None = None
    record_id: int | None = None
    bulk: bool = False  # unsolicited (a summary, a nudge): the overall rate, not a reply's


Outgoing = list[Post | Send]


def group_today(challenge: Challenge, now: datetime) -> date:
    """The group's calendar date now."""
    return local_date(now, views.zone_of(challenge))


def _digest(text: str, markup: InlineKeyboardMarkup | None) -> str:
    """A short fingerprint of what a message shows, so identical edits are skipped."""
    buttons = json.dumps(markup.to_dict() if markup else None, sort_keys=True)
    return hashlib.sha256(f"{text}\0{buttons}".encode()).hexdigest()[:DIGEST_CHARS]


@dataclass(frozen=True)
class Roster:
    """A challenge's current members with their statuses, ready for the pure tally."""

    members: list[tuple[ChallengeMember, User]]
    tally_members: list[Member]


async def roster(session: AsyncSession, challenge: Challenge, upto: date) -> Roster:
    """Members and what each did from the challenge's start up to `upto`, read from the same
    days as their private numbers (bot/usecases/days.py), never before a member joined."""
    members = await db.members_with_users(session, challenge.id)
    start = cast(date, challenge.start_date)
    found = await group_statuses(session, [u for _, u in members], start, max(start, upto))
    return Roster(members, [Member(u.first_name, found.get(u.id, {})) for _, u in members])


async def tallies_for(session: AsyncSession, challenge: Challenge, day: date) -> list[MemberTally]:
    """Each current member's status on `day` and days on plan up to it."""
    members = await roster(session, challenge, day)
    return tally(
        members.tally_members, cast(date, challenge.start_date), cast(date, challenge.end_date), day
    )


async def refresh(
    services: Services,
    session: AsyncSession,
    challenge: Challenge,
    now: datetime,
    *,
    force: bool = False,
) -> Post | None:
    """The challenge message's new look, if it changed and the group's edit gap allows it now.

    When the gap does not allow it, the challenge is marked stale and the job edits it soon:
    however many taps arrive, the group gets at most one edit per EDIT_GAP.
    """
    group = await session.get(GroupChat, challenge.group_id)
    if group is None or not group.active or challenge.start_date is None:
        return None
    today = group_today(challenge, now)
    zone = views.zone_of(challenge)
    challenge.refresh_at = (
        local_instant(today + timedelta(days=1), datetime.min.time(), zone)
        if challenge.status == "active" else None
    )  # fmt: skip
    upto = min(today, cast(date, challenge.end_date))
    tallies = await tallies_for(session, challenge, upto)
    text = views.challenge_text(services.content, challenge, tallies, today)
    markup = views.challenge_markup(services.content, challenge)
    digest = _digest(text, markup)
    if digest == challenge.shown and challenge.message_id is not None:
        challenge.stale = False
        return None
    if not force and group.last_edit_at is not None and now - group.last_edit_at < EDIT_GAP:
        challenge.stale = True
        return None
    group.last_edit_at = now
    challenge.stale = False
    challenge.shown = digest
    return Post(challenge.id, group.chat_id, challenge.message_id, text, markup)


async def settle(services: Services, settled: list[tuple[Send, bool]]) -> None:
    """Settle the outbox records of what was sent (True: sent, or maybe sent); a summary to
    retry was already put back."""
    owned = [(s, ok) for s, ok in settled if s.ledger is not None and s.record_id is not None]
    if not owned:
        return
    async with services.transaction() as session:
        for item, ok in owned:
            assert item.ledger is not None and item.record_id is not None
            record: ChallengeSummary | ChallengeNudge | None = await session.get(
                item.ledger, item.record_id
            )
            if record is not None:
                outbox.settle(record, outbox.SENT if ok else outbox.FAILED)


async def store_message(services: Services, challenge_id: int, message_id: int) -> None:
    """Remember which message shows the challenge now."""
    async with services.transaction() as session:
        challenge = await db.get_challenge(session, challenge_id)
        if challenge is not None:
            challenge.message_id = message_id


async def mark_stale(services: Services, challenge_id: int) -> None:
    """Try the edit again on a later tick."""
    async with services.transaction() as session:
        challenge = await db.get_challenge(session, challenge_id)
        if challenge is not None:
            challenge.stale, challenge.shown = True, None


async def retry_summary(services: Services, challenge_id: int, day: date) -> None:
    """A daily summary that failed on the way: send it again on a later tick."""
    now = services.clock.now()
    async with services.transaction() as session:
        challenge = await db.get_challenge(session, challenge_id)
        if challenge is None or challenge.status != "active":
            return
        logged = await session.execute(
            select(ChallengeSummary).where(
                ChallengeSummary.challenge_id == challenge_id, ChallengeSummary.local_date == day
            )
        )
        row = logged.scalar_one_or_none()
        if row is not None:
            await session.delete(row)
        challenge.summary_day = day
        challenge.next_summary_at = now + RETRY_DELAY


# Migration and removal ------------------------------------------------------------------------


async def migrate(services: Services, old_chat_id: int, new_chat_id: int) -> bool:
    """The group became a supergroup: follow it to its new id; challenges carry on there.

    The old messages stay behind in the old chat, so each running challenge is shown afresh
    in the new one. Returns False when the move was already known.
    """
    async with services.transaction() as session:
        # Locked: Telegram's two service messages (one in each chat) are handled side by side;
        # on PostgreSQL the second waits here, then finds the old id gone and does nothing.
        group = await db.group_by_chat(session, old_chat_id, for_update=True)
        if group is None or await db.group_by_chat(session, new_chat_id) is not None:
            return False
        group.chat_id = new_chat_id
        group.updated_at = services.clock.now()
        group.last_edit_at = None
        for challenge in await db.challenges_of_group(session, group.id, ("active",)):
            challenge.message_id, challenge.shown, challenge.stale = None, None, True
        for draft in await db.challenges_of_group(session, group.id, ("draft",)):
            draft.status = "cancelled"
    log.info("group %s moved to %s", old_chat_id, new_chat_id)
    return True


async def remove_group(services: Services, chat_id: int) -> Outgoing:
    """The bot is no longer in the group: end its challenges quietly, tell members privately."""
    now = services.clock.now()
    outgoing: Outgoing = []
    async with services.transaction() as session:
        group = await db.group_by_chat(session, chat_id)
        if group is None:
            return []
        group.active = False
        group.updated_at = now
        for draft in await db.challenges_of_group(session, group.id, ("draft",)):
            draft.status = "cancelled"
        for challenge in await db.challenges_of_group(session, group.id):
            _close(challenge, "removed", now)
            for _, user in await db.members_with_users(session, challenge.id):
                if user.active:
                    goal = views.goal_words(services.content, challenge)
                    text = say(services.content, "group.removed", user, name=user.first_name,
                               group=group.title, goal=goal)  # fmt: skip
                    outgoing.append(Send(user.chat_id, text, user_id=user.id))
    return outgoing


def _close(challenge: Challenge, reason: str, now: datetime) -> None:
    """Mark a challenge ended; its outboxes stop."""
    challenge.status = "ended"
    challenge.end_reason = reason
    challenge.ended_at = now
    challenge.next_summary_at = challenge.next_nudge_at = challenge.refresh_at = None
    challenge.updated_at = now


async def end(
    services: Services, session: AsyncSession, challenge: Challenge, reason: str, now: datetime
) -> Outgoing:
    """End a challenge (completed or early): the final look, then the closing summary."""
    today = group_today(challenge, now)
    upto = min(today, cast(date, challenge.end_date))
    tallies = await tallies_for(session, challenge, upto)
    _close(challenge, reason, now)
    group = await session.get(GroupChat, challenge.group_id)
    if group is None or not group.active:
        return []
    final = await refresh(services, session, challenge, now, force=True)
    summary = Send(group.chat_id,
                   views.end_summary_text(services.content, challenge, tallies, today),
                   reply_to=challenge.message_id)  # fmt: skip
    return [*([final] if final else []), summary]


# The outboxes ---------------------------------------------------------------------------------


async def claim_due(services: Services, now: datetime) -> list[Outgoing]:
    """One pass over the outboxes, in order: messages whose process died after claiming them,
    pending edits and day turnovers, summaries, then nudges (each its own transaction)."""
    return [
        await _recover(services, now),
        await _claim_refreshes(services, now),
        await _claim_due(services, now, Challenge.next_summary_at, _summary),
        await _claim_due(services, now, Challenge.next_nudge_at, _nudges),
    ]


async def _claim_refreshes(services: Services, now: datetime) -> Outgoing:
    """Edits that waited for the group's gap, and messages whose day has turned over.

    Only in groups the bot is in: a card marked stale while the bot was out (a member deleted
    their data) waits for the bot to be added back, rather than being claimed on every run,
    where enough of them would fill each batch and stop every other card from moving on."""
    outgoing: Outgoing = []
    async with services.transaction() as session:
        result = await session.execute(
            select(Challenge)
            .join(GroupChat, GroupChat.id == Challenge.group_id)
            .where(
                GroupChat.active.is_(True),
                or_(
                    and_(Challenge.status == "active",
                         or_(Challenge.stale.is_(True), Challenge.refresh_at <= now)),
                    # A finished challenge's message is shown again when someone in it deletes
                    # their data (usecases.privacy.erase).
                    and_(Challenge.status == "ended", Challenge.stale.is_(True)),
                ),
            )
            .order_by(Challenge.id)
            .limit(BATCH)
            .with_for_update(skip_locked=True, of=Challenge)
        )
        for challenge in result.scalars():
            post = await refresh(services, session, challenge, now)
            if post is not None:
                outgoing.append(post)
    return outgoing


async def _claim_due(
    services: Services,
    now: datetime,
    due: InstrumentedAttribute[datetime | None],
    step: Callable[[Services, AsyncSession, Challenge, datetime], Awaitable[Outgoing]],
) -> Outgoing:
    """Claim the running challenges whose `due` instant has come and take each `step` while due
    (after a long outage several days may be due: `step` logs the late ones, sends the rest)."""
    outgoing: Outgoing = []
    async with services.transaction() as session:
        result = await session.execute(
            select(Challenge)
            .where(Challenge.status == "active", due <= now)
            .order_by(due)
            .limit(BATCH)
            .with_for_update(skip_locked=True)
        )
        for challenge in result.scalars():
            while _still_due(challenge, getattr(challenge, due.key), now):
                outgoing += await step(services, session, challenge, now)
    return outgoing


async def _summary(
    services: Services, session: AsyncSession, challenge: Challenge, now: datetime
) -> Outgoing:
    """Log and write one day's summary; advance to the next day, or end after the last."""
    day = cast(date, challenge.summary_day)
    end_date = cast(date, challenge.end_date)
    due = cast(datetime, challenge.next_summary_at)
    # Read before the record is added, so that the flush below, not this read's autoflush,
    # is what gives the record the id the delivery settles it by.
    group = await session.get(GroupChat, challenge.group_id)
    tallies = await tallies_for(session, challenge, min(day, end_date))
    turned_up = sum(1 for t in tallies if t.status is not None)
    logged = await session.execute(
        select(ChallengeSummary).where(
            ChallengeSummary.challenge_id == challenge.id, ChallengeSummary.local_date == day
        )
    )
    first = logged.scalar_one_or_none() is None
    record: ChallengeSummary | None = None
    if first:
        record = ChallengeSummary(challenge_id=challenge.id, local_date=day, members=len(tallies),
                                  turned_up=turned_up, sent_at=now, attempts=0)  # fmt: skip
        outbox.claim(record, now)
        session.add(record)
    if day >= end_date:
        return await end(services, session, challenge, "done", now)
    following = day + timedelta(days=1)
    challenge.summary_day = following
    challenge.next_summary_at = summary_instant(
        following, cast(time, challenge.summary_time), views.zone_of(challenge)
    )
    if record is None or group is None or now - due > LATE_LIMIT:
        if record is not None:
            outbox.settle(record, outbox.FAILED)  # too late to be worth sending: logged only
        return []
    await session.flush()
    text = views.day_summary_text(services.content, challenge, tallies, day)
    return [Send(group.chat_id, text, reply_to=challenge.message_id, challenge_id=challenge.id,
                 day=day, ledger=ChallengeSummary, record_id=record.id, bulk=True)]  # fmt: skip


async def _recover(services: Services, now: datetime) -> Outgoing:
    """Summaries and nudges whose process died after claiming them: sent again, unless late."""
    outgoing: Outgoing = []
    async with services.transaction() as session:
        for summary in await outbox.expired(session, ChallengeSummary, now, BATCH):
            item = await _summary_again(services, session, summary, now)
            if outbox.reclaim(summary, now, timely=item is not None) and item is not None:
                outgoing.append(item)
        for nudge in await outbox.expired(session, ChallengeNudge, now, BATCH):
            item = await _nudge_again(services, session, nudge, now)
            if outbox.reclaim(nudge, now, timely=item is not None) and item is not None:
                outgoing.append(item)
    if outgoing:
        log.warning("%s challenge messages outlived their lease; sending again", len(outgoing))
    return outgoing


async def _summary_again(
    services: Services, session: AsyncSession, record: ChallengeSummary, now: datetime
) -> Send | None:
    """The daily summary of `record` as it would have been sent, if still timely."""
    challenge = await db.get_challenge(session, record.challenge_id)
    if challenge is None or challenge.status != "active" or record.claimed_at is None:
        return None
    group = await session.get(GroupChat, challenge.group_id)
    if group is None or not group.active or now - record.claimed_at > LATE_LIMIT:
        return None
    tallies = await tallies_for(session, challenge, record.local_date)
    text = views.day_summary_text(services.content, challenge, tallies, record.local_date)
    return Send(
        group.chat_id, text, reply_to=challenge.message_id, challenge_id=challenge.id,
        day=record.local_date, ledger=ChallengeSummary, record_id=record.id, bulk=True,
    )  # fmt: skip


async def _nudge_again(
    services: Services, session: AsyncSession, record: ChallengeNudge, now: datetime
) -> Send | None:
    """The nudge of `record` as it would have been sent, if still timely."""
    challenge = await db.get_challenge(session, record.challenge_id)
    user = await session.get(User, record.user_id)
    if challenge is None or challenge.status != "active" or user is None or not user.active:
        return None
    group = await session.get(GroupChat, challenge.group_id)
    summary_at = summary_instant(record.local_date, cast(time, challenge.summary_time),
                                 views.zone_of(challenge))  # fmt: skip
    if group is None or now >= summary_at:
        return None
    goal = views.goal_words(services.content, challenge)
    text = await _nudge_text(services, session, challenge, user, goal, group.title, now)
    return Send(user.chat_id, text, views.nudge_markup(services.content, challenge),
                user_id=user.id,
                ledger=ChallengeNudge, record_id=record.id, bulk=True)  # fmt: skip


def _still_due(challenge: Challenge, due: datetime | None, now: datetime) -> bool:
    """Whether a running challenge has an outbox entry due."""
    return challenge.status == "active" and due is not None and due <= now


async def _nudges(
    services: Services, session: AsyncSession, challenge: Challenge, now: datetime
) -> Outgoing:
    """Nudge the members of one challenge for one day, and advance to the next day."""
    day = cast(date, challenge.nudge_day)
    due = cast(datetime, challenge.next_nudge_at)
    zone = views.zone_of(challenge)
    summary_time = cast(time, challenge.summary_time)
    following = day + timedelta(days=1)
    if following <= cast(date, challenge.end_date):
        challenge.nudge_day = following
        challenge.next_nudge_at = nudge_instant(following, summary_time, zone)
    else:
        challenge.nudge_day = challenge.next_nudge_at = None
    group = await session.get(GroupChat, challenge.group_id)
    late = now - due > LATE_LIMIT or now >= summary_instant(day, summary_time, zone)
    if group is None or late:
        return []
    members = await roster(session, challenge, day)
    goal = views.goal_words(services.content, challenge)
    outgoing: Outgoing = []
    waits: list[datetime] = []
    for (_, user), member in zip(members.members, members.tally_members, strict=True):
        quiet = needs_nudge(
            member.statuses.get(day), active=user.active, paused=user.paused,
            quiet_until=user.prompts_paused_until, now=now,
        )  # fmt: skip
        if not quiet:
            continue
        wait = await _private_wait(session, user, now)
        if wait is not None:
            waits.append(wait)
            continue
        already = await session.execute(
            select(ChallengeNudge.id).where(
                ChallengeNudge.user_id == user.id, ChallengeNudge.local_date == day
            )
        )
        if already.first() is not None:
            continue  # one challenge nudge a day, however many groups they're in
        record = ChallengeNudge(user_id=user.id, challenge_id=challenge.id, local_date=day,
                                sent_at=now, attempts=0)  # fmt: skip
        outbox.claim(record, now)
        session.add(record)
        await session.flush()
        text = await _nudge_text(services, session, challenge, user, goal, group.title, now)
        outgoing.append(Send(
            user.chat_id, text, views.nudge_markup(services.content, challenge), user_id=user.id,
            ledger=ChallengeNudge, record_id=record.id, bulk=True,
        ))  # fmt: skip
    if waits and min(waits) < summary_instant(day, summary_time, zone):
        # Someone's nudge waits for another private message: the day's nudges run again then
        # (whoever was nudged already is skipped above).
        challenge.nudge_day, challenge.next_nudge_at = day, min(waits)
    return outgoing


async def _private_wait(session: AsyncSession, user: User, now: datetime) -> datetime | None:
    """When a nudge may go out, if not now: never two unsolicited private messages at once.

    Today's check-in prompt (sent in the last hour and not yet answered, due within the next,
    or due in the last hour and not sent yet: the prompt job comes round less often than this
    one; one overdue for longer is not waited for) or a weekly summary that just went out make
    the nudge wait an hour after it. The group's nudge follows the group's own rule: an
    unanswered private prompt, or days of them (the private prompts come less often then),
    never cancels it, only spaces it.
    """
    today = local_date(now, ZoneInfo(user.timezone))
    checkin = await queries.get_checkin(session, user.id, today)
    if checkin is None or checkin.completed_at is None:
        prompted = await queries.prompt_sent_at(session, user.id, today)
        if prompted is not None and now < prompted + SPACING:
            return prompted + SPACING
        due = user.next_prompt_at
        if (
            prompted is None and due is not None and now - SPACING < due <= now + SPACING
            and not user.paused
        ):  # fmt: skip
            return max(due, now) + SPACING
    summary = await session.scalar(
        select(SummarySent.sent_at).where(
            SummarySent.user_id == user.id, SummarySent.local_date == today
        )
    )
    return summary + SPACING if summary is not None and now < summary + SPACING else None


async def _nudge_text(
    services: Services,
    session: AsyncSession,
    challenge: Challenge,
    user: User,
    goal: str,
    group_title: str,
    now: datetime,
) -> str:
    """The nudge, with the person's own plan for today when there is one (private only)."""
    plan = await history.get_plan(session, user.id, local_date(now, ZoneInfo(user.timezone)))
    minutes, activity = 0, ""
    if plan is not None and plan.goal_kind == "session":
        minutes = plan.goal_minutes
        activity = services.content.label(f"activity_words.{plan.activity}", "en")
    return say(services.content, "group.nudge", user, name=user.first_name, goal=goal,
               group=group_title, goal_minutes=minutes, activity=activity)  # fmt: skip


def tally_later(challenge: Challenge, now: datetime) -> None:
    """A tally change: the challenge message shows it at the next set time (next_tally), with
    every other change made meanwhile, not now."""
    due = next_tally(now)
    if challenge.refresh_at is None or challenge.refresh_at > due:
        challenge.refresh_at = due


async def member_posts(session: AsyncSession, user: User, now: datetime) -> None:
    """After a private check-in answer or Done, in the caller's unit of work: the person's
    challenge messages show it at the next set time (none for most people, who are in no
    challenge); nothing goes to the group now."""
    for challenge in await db.active_challenges_of_user(session, user.id):
        tally_later(challenge, now)


async def heard_from(
    services: Services, session: AsyncSession, user: User, in_a_challenge: bool = True
) -> None:
    """The person answered in private, in the caller's unit of work: daily prompts again from
    the next check-in time (bot/domain/pacing.py), and the group tallies they are in follow
    (`in_a_challenge` False: the caller read that they are in none, so none is looked up)."""
    if user.unanswered_prompts:
        user.unanswered_prompts = 0
    if in_a_challenge:
        await member_posts(session, user, services.clock.now())
