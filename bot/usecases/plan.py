"""The day's plan as the person meets it, as use cases: /today (or "what should I do today?"),
the plan's buttons, "done" typed, and if-then cues. Each opens the unit of work and returns an
Answer; the rules and the plan's words are in bot/usecases/planning.py.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.db import history, queries
from bot.db.models import DayPlan, User
from bot.domain import checkin as flow
from bot.domain.dialogs import State
from bot.services import Services
from bot.usecases import challenges, planning
from bot.usecases.answers import Answer, Reply
from bot.usecases.checkin import next_step_reply, today_for
from bot.usecases.onboarding import start_first
from bot.views import keyboards
from bot.views.render import locale_of, say

CUE_MAX_CHARS = 60
DONE_WINDOW = timedelta(days=1)  # yesterday's Done still counts; older buttons have closed


async def today(services: Services, user_id: int) -> Answer:
    """Today's plan; before any check-in, just pain and flare first (two taps)."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None or not user.onboarded:
            return start_first(services, user, tap=False)
        return await today_in(services, session, user)


async def today_in(services: Services, session: AsyncSession, user: User) -> Answer:
    """Today's plan for a person who is set up (in the caller's unit of work)."""
    day = today_for(services, user)
    if await history.red_flag_today(session, user.id, day) in planning.NO_PLAN_TIERS:
        return Answer.say(say(services.content, "today.paused", user))
    row = await queries.get_or_create_checkin(session, user.id, day, services.clock.now())
    answers = queries.answers_of(row)
    stored = await history.get_plan(session, user.id, day)
    rest_day = stored is not None and stored.rest_declared
    # A rest day declared in words is the plan already: no questions before it.
    if rest_day or (answers.pain is not None and answers.flare is not None):
        decision, plan_row = await planning.decide_today(services, session, user, day)
        return Answer.say(*planning.plan_reply(services, user, decision, plan_row))
    queries.store_answers(row, flow.quick(answers), services.clock.now())
    # Pain may be in already (tapped on the morning prompt): then only the flare is asked.
    first = "today.first" if answers.pain is None else "today.first_one"
    header = say(services.content, first, user)
    (text, markup), _ = await next_step_reply(services, session, user, row, header=header)
    return Answer.say(text, markup)


async def log_typed(services: Services, session: AsyncSession, user: User) -> Answer | None:
    """ "I did my walk" / "Done" typed after today's plan: logged like the Done button; None
    when there is no plan today to log against (the message is then handled as usual)."""
    row = await history.get_plan(session, user.id, today_for(services, user))
    if row is None:
        return None
    key = "plan.logged_already" if row.done else "plan.logged"
    row.done = True
    row.updated_at = services.clock.now()
    return Answer.say(say(services.content, key, user))


async def tap(
    services: Services, user_id: int, day: date, action: str, option: int | None
) -> Answer:
    """A tap under a plan: Done, Why this?, a cue, or a flare-day option. A Done (or an option,
    which counts like Done) is hearing from the person, and their group tallies follow, in the
    same unit of work (after the change, so the tallies show it)."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None:
            return Answer(popup=say(services.content, "plan.closed", user))
        answer = await _tap(services, session, user, day, action, option)
        await challenges.heard_from(services, session, user)
        return answer


async def _tap(
    services: Services, session: AsyncSession, user: User, day: date, action: str,
    option: int | None,
) -> Answer:
    """One plan tap, applied."""
    row = await history.get_plan(session, user.id, day)
    if row is None:
        return Answer(popup=say(services.content, "plan.closed", user))
    if action in ("done", "opt"):
        if today_for(services, user) - day > DONE_WINDOW:
            return Answer(popup=say(services.content, "plan.closed", user))
        key = "plan.logged_already" if row.done else "plan.logged"
        chosen = _option(services, row, option) if action == "opt" else None
        if action == "opt" and chosen is None:
            return Answer(popup=say(services.content, "error.stale_button", user))
        row.done = True
        row.updated_at = services.clock.now()
        markup = keyboards.plan(
            services.content, day, done=True,
            offer_cue=row.goal_kind == "session" and not user.cue, locale=locale_of(user),
        )  # fmt: skip
        # A flare-day option counts like Done; its full words follow the tap.
        sends: list[Reply] = (
            [(planning.option_text(services, user, row, chosen), None)] if chosen else []
        )
        return Answer(popup=say(services.content, key, user), buttons=markup, sends=sends)
    if action == "why":
        return Answer.say(planning.why_text(services, user, row))
    if action == "cue":
        ask = say(services.content, "plan.cue.ask", user)
        return Answer.say(ask, keyboards.cues(services.content, locale_of(user)))
    return Answer()


def _option(services: Services, row: DayPlan, index: int | None) -> str | None:
    """The stored option a flare-day option button stands for."""
    options = planning.options_of(services.content, row.content_keys)
    return options[index] if index is not None and index < len(options) else None


async def cue_tap(services: Services, user_id: int, choice: str) -> Answer:
    """A cue choice: an everyday moment, typing one's own, or none."""
    async with services.transaction() as session:
        user = await queries.get_user(session, user_id)
        if user is None or not user.onboarded:
            return start_first(services, user, tap=True)
        if choice == "own":
            user.dialog = State.CUE
            return Answer(edit=(say(services.content, "plan.cue.ask_own", user), None))
        if choice == "none":
            user.cue = None
            return Answer(edit=(say(services.content, "plan.cue.removed", user), None))
        user.cue = services.content.label(f"cue_words.{choice}", locale_of(user))
        return Answer(edit=(await _cue_saved(services, session, user), None))


async def cue_typed(services: Services, session: AsyncSession, user: User, text: str) -> Answer:
    """The person's own cue, typed (in the caller's unit of work)."""
    cue = " ".join(text.split()).rstrip(".!")
    if not cue or len(cue) > CUE_MAX_CHARS:
        return Answer.say(say(services.content, "plan.cue.too_long", user, max_chars=CUE_MAX_CHARS))
    user.cue = cue[0].lower() + cue[1:]
    user.dialog = None
    return Answer.say(await _cue_saved(services, session, user))


async def _cue_saved(services: Services, session: AsyncSession, user: User) -> str:
    """Confirm the cue with today's goal when there is one."""
    user.updated_at = services.clock.now()
    row = await history.get_plan(session, user.id, today_for(services, user))
    if row is None or row.goal_kind != "session":
        return say(services.content, "plan.cue.saved_no_goal", user, cue=user.cue)
    # The cue belongs to today's activity: it goes first, and the cue only joins that activity.
    chosen = list(user.activities or [])
    if row.activity in chosen and chosen[0] != row.activity:
        user.activities = [row.activity, *(a for a in chosen if a != row.activity)]
    activity = services.content.label(f"activity_words.{row.activity}", locale_of(user))
    return say(services.content, "plan.cue.saved", user, cue=user.cue,
               goal_minutes=row.goal_minutes, activity=activity)  # fmt: skip
