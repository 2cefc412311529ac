"""The day's plan: ask the rules engine, store its decision, and put it into words."""

from __future__ import annotations

import dataclasses
import html
import re
from datetime import date
from typing import TYPE_CHECKING, Any, Final
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardMarkup

from bot.db import history
from bot.db.models import CheckIn, DayPlan, User
from bot.domain.rules import (
    ContentItem,
    Decision,
    History,
    Profile,
    decide,
    person_activities,
    reason_key,
)
from bot.domain.rules.selection import MOMENTS, fit_content, moment_of
from bot.views import keyboards
from bot.views.callbacks import PlanTap
from bot.views.content import Content
from bot.views.render import locale_of, say

if TYPE_CHECKING:
    from bot.services import Services

Reply = tuple[str, InlineKeyboardMarkup | None]
SELECTABLE_KINDS = ("movement", "tip", "encouragement", "education", "nudge")
# After these, the safety reply stands alone: no plan follows it that day.
NO_PLAN_TIERS = ("emergency", "crisis")
# Issue 10: a flare-day reply stays short, its choices are buttons (docs/rules.md#flare-mode).
FLARE_MAX_WORDS: Final = 80
# Other days: one goal, one description, one tip and a kind line fit; explainers only if room.
WORD_LIMITS: Final = {"flare": FLARE_MAX_WORDS, "tough": 140, "steady": 160, "good": 160}
OPTION_KINDS: Final = ("movement", "tip")
# Follow-ups after a safety reply are kept first when a flare-day reply must be trimmed.
SAFETY_NUDGE_PREFIXES: Final = ("nudge.emergency_followup", "nudge.crisis_followup")
# Words in a cue that tie it to a time of day; a cue whose moment has passed is not offered.
CUE_MOMENTS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"breakfast|morning|wak(e|ing)|get(ting)? up|first thing"), "morning"),
    (re.compile(r"lunch|noon|midday"), "afternoon"),
    (re.compile(r"dinner|supper|evening|after work"), "evening"),
)
_TAG = re.compile(r"<[^>]+>")
_SENTENCE = re.compile(r"[^.!?]+[.!?]*")


def catalogue(content: Content) -> tuple[ContentItem, ...]:
    """What the rules may choose from: every selectable English item, described by its tags."""
    return tuple(
        ContentItem(
            key=item.key,
            kind=item.kind,
            category=item.category,
            day_types=item.day_types,
            tags=item.tags,
            weight=item.weight,
        )
        for (locale, _), item in sorted(content.items.items())
        if locale == "en" and item.kind in SELECTABLE_KINDS
    )


def local_moment(services: Services, user: User) -> str:
    """Morning, afternoon, evening or late, by the person's local clock."""
    return moment_of(services.clock.now().astimezone(ZoneInfo(user.timezone)).hour)


def catalogue_at(services: Services, moment: str) -> tuple[ContentItem, ...]:
    """The selectable items that suit a time of day (front matter `times`)."""
    content = services.content
    return tuple(i for i in services.catalogue if moment in content.item(i.key).times)


async def decide_today(
    services: Services, session: AsyncSession, user: User, today: date, moment: str | None = None
) -> tuple[Decision, DayPlan]:
    """Run the rules on the person's history and store the result as today's plan."""
    moment = moment or local_moment(services, user)
    past = await history.load_history(session, user, today)
    decision = plan_decision(services, user, past, today, moment)
    row = await history.store_decision(session, user.id, decision, services.clock.now())
    return decision, row


def plan_decision(
    services: Services, user: User, past: History, today: date, moment: str
) -> Decision:
    """The rules' decision with its texts fitted to the person and the time of day."""
    fitting = catalogue_at(services, moment)
    decision = fit_content(decide(past, today, user.id, fitting), past, fitting, user.id)
    return _within_budget(services, user, decision, moment)


def is_flare_reply(decision: Decision) -> bool:
    """Flare days get the short reply with a few options as buttons."""
    return decision.content_day_type == "flare" and decision.goal_kind != "rest"


def options_of(content: Content, keys: list[str] | tuple[str, ...]) -> list[str]:
    """The flare-day options among stored keys: the movement item and the tips, in order."""
    return [k for k in keys if content.has(k) and content.item(k).kind in OPTION_KINDS]


def cue_activity(user: User) -> str:
    """The activity the cue was made for: saving a cue puts its activity first in the list."""
    return person_activities_of(user)[0]


def person_activities_of(user: User) -> tuple[str, ...]:
    """The person's chosen activities, walking when none."""
    return person_activities(Profile(0, 0, tuple(user.activities or ())))


def cue_fits(cue: str, moment: str) -> bool:
    """False when the cue names a time of day that has already passed."""
    for pattern, cue_moment in CUE_MOMENTS:
        if pattern.search(cue.lower()):
            return MOMENTS.index(moment) <= MOMENTS.index(cue_moment)
    return True


def word_count(text: str) -> int:
    """Words a person reads: tags removed, emoji and numbers count."""
    return len(_TAG.sub(" ", text).split())


def drop_repeats(parts: list[str]) -> list[str]:
    """Remove any sentence already said earlier in the reply; drop parts left empty."""
    seen: set[str] = set()
    kept: list[str] = []
    for part in parts:
        out: list[str] = []
        for sentence in _SENTENCE.findall(part):
            norm = " ".join(_TAG.sub("", sentence).lower().split()).strip(" .!?")
            if norm and norm in seen:
                continue
            if norm:
                seen.add(norm)
            out.append(sentence)
        text = "".join(out).strip()
        if text:
            kept.append(text)
    return kept


def variables(services: Services, user: User, decision: Decision) -> dict[str, Any]:
    """Everything a plan template may use."""
    loc = locale_of(user)
    summary = decision.summary()
    return {
        **summary,
        "name": user.first_name,
        "activity": services.content.label(f"activity_words.{decision.activity}", loc),
        "day_type_words": services.content.label(f"day_type.{decision.day_type}", loc),
        "cue": user.cue or "",
    }


def _label(services: Services, user: User, key: str, **values: Any) -> str:
    """A `plan.*` label with its {placeholders} filled (values are escaped for HTML)."""
    text = services.content.label(key, locale_of(user))
    return text.format(**{k: html.escape(str(v)) for k, v in values.items()})


def goal_text(
    services: Services, user: User, decision: Decision, values: dict[str, Any], moment: str
) -> str:
    """Today's goal; the cue only with its own activity and before its moment has passed."""
    if decision.goal_kind != "session":
        return say(services.content, f"plan.goal.{decision.goal_kind}", user, **values)
    cue = user.cue
    if cue and decision.activity == cue_activity(user) and cue_fits(cue, moment):
        return say(services.content, "plan.goal.session_with_cue", user, **values)
    text = say(services.content, "plan.goal.session", user, **values)
    if moment in ("evening", "late"):
        text += " " + _label(services, user, f"plan.when.{moment}")
    return text


def plan_reply(
    services: Services, user: User, decision: Decision, row: DayPlan, moment: str | None = None
) -> Reply:
    """The plan message: the day in kind words, one goal, one tip, encouragement, buttons."""
    moment = moment or local_moment(services, user)
    values = variables(services, user, decision)
    if is_flare_reply(decision):
        return _flare_reply(services, user, decision, row, values)
    parts = _day_parts(services, user, decision, values, moment, decision.content_keys)
    markup = keyboards.plan(
        services.content, row.local_date, done=row.done,
        offer_cue=decision.goal_kind == "session" and not user.cue, locale=locale_of(user),
    )  # fmt: skip
    return "\n\n".join(parts), markup


def _day_parts(
    services: Services,
    user: User,
    decision: Decision,
    values: dict[str, Any],
    moment: str,
    keys: list[str] | tuple[str, ...],
) -> list[str]:
    """The day in kind words, the goal, then the given texts; no sentence twice."""
    parts = [say(services.content, f"plan.day.{decision.day_type}", user, **values)]
    parts.append(goal_text(services, user, decision, values, moment))
    for key in keys:
        text = say(services.content, key, user, **values)
        parts.append(f"💡 {text}" if key == decision.tip_key else text)
    return drop_repeats(parts)


def _flare_text_keys(services: Services, decision: Decision) -> list[str]:
    """What a flare-day reply says besides its options: follow-ups, encouragement, the rest."""
    options = set(options_of(services.content, decision.content_keys))
    return [k for k in decision.content_keys if k not in options]


def _flare_parts(
    services: Services, user: User, decision: Decision, values: dict[str, Any], keys: list[str]
) -> list[str]:
    intro = "plan.flare.toolkit" if decision.goal_kind == "flare_toolkit" else "plan.flare.options"
    parts = [
        say(services.content, f"plan.day.{decision.day_type}", user, **values),
        _label(services, user, intro),
    ]
    parts.extend(say(services.content, key, user, **values) for key in keys)
    return drop_repeats(parts)


def _rank(decision: Decision, key: str) -> int:
    """Which texts stay first when a reply must be trimmed (lower stays)."""
    if key.startswith(SAFETY_NUDGE_PREFIXES):
        return 0
    if key.startswith("nudge."):
        return 1
    if key == decision.tip_key:
        return 2
    return 3 if key == decision.encouragement_key else 4


def _within_budget(services: Services, user: User, decision: Decision, moment: str) -> Decision:
    """Keep follow-ups first, then the tip, encouragement and explainer while words allow."""
    values = variables(services, user, decision)
    keys = decision.content_keys
    flare = is_flare_reply(decision)
    fixed = set(options_of(services.content, keys)) if flare else {decision.movement_key}
    texts = [k for k in keys if k not in fixed]
    limit = WORD_LIMITS[decision.content_day_type]
    kept: list[str] = []
    for key in sorted(texts, key=lambda k: _rank(decision, k)):
        trial = [k for k in texts if k in (*kept, key)]
        if flare:
            parts = _flare_parts(services, user, decision, values, trial)
        else:
            shown = [k for k in keys if k in fixed or k in trial]
            parts = _day_parts(services, user, decision, values, moment, shown)
        if sum(word_count(p) for p in parts) <= limit:
            kept.append(key)
    dropped = set(texts) - set(kept)
    return dataclasses.replace(
        decision,
        tip_key=None if decision.tip_key in dropped else decision.tip_key,
        encouragement_key=None if decision.encouragement_key in dropped
        else decision.encouragement_key,
        extra_keys=tuple(k for k in decision.extra_keys if k not in dropped),
    )  # fmt: skip


def _flare_reply(
    services: Services, user: User, decision: Decision, row: DayPlan, values: dict[str, Any]
) -> Reply:
    """A short flare-day reply: a few options as buttons, a kind line, any follow-ups."""
    keys = _flare_text_keys(services, decision)
    text = "\n\n".join(_flare_parts(services, user, decision, values, keys))
    if row.done:
        markup = keyboards.plan(
            services.content, row.local_date, done=True, offer_cue=False, locale=locale_of(user)
        )
        return text, markup
    return text, option_buttons(services, user, row)


def option_label(services: Services, user: User, key: str, row: DayPlan) -> str:
    """A short button label for one option."""
    item = services.content.item(key, locale_of(user))
    if item.kind == "movement":
        activity = services.content.label(f"activity_words.{row.activity}", locale_of(user))
        return services.content.label("plan.flare.move", locale_of(user)).format(
            minutes=row.goal_minutes, activity=activity
        )
    # Every tip a flare day may offer has a title (tests/unit/test_content.py checks).
    return "💡 " + item.title


def option_buttons(services: Services, user: User, row: DayPlan) -> InlineKeyboardMarkup:
    """One button per option (pl:<date>:opt:<n>), then Done and Why this?."""
    options = options_of(services.content, row.content_keys)
    rows = [
        [keyboards.button(option_label(services, user, key, row),
                          PlanTap(row.local_date, "opt", n))]
        for n, key in enumerate(options)
    ]  # fmt: skip
    # Done and Why this? stay underneath, as on every plan.
    usual = keyboards.plan(services.content, row.local_date, done=False, offer_cue=False,
                           locale=locale_of(user))  # fmt: skip
    rows.extend(list(line) for line in usual.inline_keyboard)
    return InlineKeyboardMarkup(rows)


def option_text(services: Services, user: User, row: DayPlan, key: str) -> str:
    """The full words of a chosen option, with the stored plan's numbers."""
    activity = services.content.label(f"activity_words.{row.activity}", locale_of(user))
    values = {
        "name": user.first_name,
        "activity": activity,
        "goal_minutes": row.goal_minutes,
        "level_minutes": row.level_minutes,
        "cue": user.cue or "",
        "day_type_words": services.content.label(f"day_type.{row.day_type}", locale_of(user)),
    }
    return say(services.content, key, user, **values)


def why_text(services: Services, user: User, row: DayPlan) -> str:
    """Plain-words reasons for a stored plan, one line per rule that fired."""
    values = {
        "goal_minutes": row.goal_minutes,
        "level_minutes": row.level_minutes,
        "activity": services.content.label(f"activity_words.{row.activity}", locale_of(user)),
    }
    reasons = dict.fromkeys(row.reasons)
    lines = [say(services.content, reason_key(r), user, **values) for r in reasons]
    header = say(services.content, "plan.why", user)
    return header + "\n" + "\n".join(f"• {line}" for line in lines)


async def after_checkin(
    services: Services, session: AsyncSession, user: User, checkin: CheckIn
) -> list[Reply]:
    """The plan that follows a finished check-in (none after an emergency or crisis reply)."""
    if await history.red_flag_today(session, user.id, checkin.local_date) in NO_PLAN_TIERS:
        return []
    decision, row = await decide_today(services, session, user, checkin.local_date)
    return [plan_reply(services, user, decision, row)]


async def declare_rest(services: Services, session: AsyncSession, user: User, day: date) -> DayPlan:
    """Store the person's own "rest today" as the day's plan: every surface reads it from there
    (the check-in's reply, /today, summaries, the group tally)."""
    row = await history.get_plan(session, user.id, day)
    if row is None:
        _, row = await decide_today(services, session, user, day)
    row.rest_declared = True
    await session.flush()
    _, row = await decide_today(services, session, user, day)
    return row
