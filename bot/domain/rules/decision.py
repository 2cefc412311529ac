"""decide(): today's plan, content and reasons, continued from the latest stored decision."""

import dataclasses
import datetime as dt
import random
from collections.abc import Mapping, Sequence

from . import reasons as r
from .adherence import adherence_summary, missed_run
from .baseline import ordered_days
from .classify import classify_day
from .flare_mode import clinician_reasons, ease_back, easing_back_in, update_flare_mode
from .progression import (
    flare_goal,
    next_level,
    start_level,
    step_down,
    step_on_resume,
    weekly_progression,
)
from .safety import doctor_hold, nudges_paused
from .selection import (
    activity_of,
    level_tag,
    person_activities,
    pick,
    pick_movement,
    pick_nudge,
    rotate_activity,
)
from .thresholds import (
    BOOM_BUST_RATIO,
    CLINICIAN_NUDGE_INTERVAL_DAYS,
    DOCTOR_GOAL_MAX_MINUTES,
    EDUCATION_INTERVAL_DAYS,
    MISSES_BEFORE_LOWERING,
    NO_REPEAT_DAYS,
    PHYSIO_NUDGE_INTERVAL_DAYS,
    WELCOME_BACK_GAP_DAYS,
)
from .types import (
    Classification,
    ContentItem,
    DayRecord,
    DayType,
    Decision,
    GoalKind,
    History,
    PastDecision,
    PlanState,
)
from .vocabulary import (
    CATEGORY_FLARE_TOOLKIT,
    DEFAULT_ACTIVITY,
    FLARE_ACTIVITIES,
    KIND_EDUCATION,
    KIND_ENCOURAGEMENT,
    KIND_TIP,
    NUDGE_BOOM_BUST,
    NUDGE_CLINICIAN_FREQUENT_FLARES,
    NUDGE_CLINICIAN_LONG_FLARE,
    NUDGE_CRISIS_FOLLOWUP,
    NUDGE_EMERGENCY_FOLLOWUP,
    NUDGE_NEVER_MISS_TWICE,
    NUDGE_PHYSIO_CEILING,
    NUDGE_PLAN_LOWERED,
    NUDGE_WELCOME_BACK,
    SYMPTOM_TAGS,
    TAG_PROGRESS,
    TAG_RESTART,
    TAG_SLEEP,
)

ONE_DAY = dt.timedelta(days=1)


@dataclasses.dataclass(frozen=True, slots=True)
class _Today:
    """What is known on the day being decided."""

    history: History
    today: dt.date
    days: tuple[DayRecord, ...]
    past: tuple[PastDecision, ...]
    by_date: Mapping[dt.date, DayRecord]
    record: DayRecord | None
    classification: Classification
    paused: bool


@dataclasses.dataclass(slots=True)
class _Draft:
    """The decision being built; local to one decide() call."""

    state: PlanState
    reasons: list[str]
    goal_minutes: int = 0
    goal_kind: GoalKind = "session"
    gentle_only: bool = False
    level_increased: bool = False
    level_restored: bool = False
    left_flare_mode: bool = False
    plan_lowered: bool = False
    never_miss_twice: bool = False
    welcome_back: bool = False
    boom_bust_note: bool = False
    suggest_clinician: bool = False
    suggest_physio: bool = False
    nudges: list[str] = dataclasses.field(default_factory=list)


def decide(
    history: History, today: dt.date, seed: int, catalogue: Sequence[ContentItem]
) -> Decision:
    """Decide today's plan; the same inputs always give the same decision."""
    rng = random.Random(f"{seed}:{today.isoformat()}")
    days = tuple(d for d in ordered_days(history.days) if d.date <= today)
    by_date = {d.date: d for d in days}
    ctx = _Today(
        history=history,
        today=today,
        days=days,
        past=tuple(sorted((p for p in history.decisions if p.date < today), key=_date)),
        by_date=by_date,
        record=by_date.get(today),
        classification=classify_day(days, today),
        paused=nudges_paused(by_date, today),
    )
    draft = _start(ctx)
    previous_level = draft.state.level_minutes
    checked_in = ctx.record is not None and ctx.record.checked_in
    change = update_flare_mode(draft.state, ctx.classification.day_type, checked_in, today)
    draft.state = change.state
    draft.left_flare_mode = change.left
    draft.reasons.extend(change.reasons)
    if change.left:
        raised = step_on_resume(draft.state, ctx.classification.day_type, today, ctx.days, ctx.past)
        if raised is not None:
            # Back from easing in after an earlier flare, the old level can be more than one
            # step above yesterday's: the rise today is one step at most, the rest follows as
            # the plan eases back to the raised level (kept as the level to return to).
            draft.state = dataclasses.replace(
                raised, level_minutes=min(raised.level_minutes, next_level(previous_level))
            )
            if draft.state.level_minutes > previous_level:
                draft.level_increased = True
                draft.reasons.append(r.PROGRESSION_INCREASE_WITH_FLARES)
            else:
                # The step raised the level the plan comes back to; today the plan is where it
                # was before the flare, not one step below it, and nothing has grown yet.
                draft.reasons.remove(r.FLARE_RESUME_ONE_STEP_BELOW)
                draft.reasons.append(r.FLARE_RESUME_AT_PREVIOUS_LEVEL)
    _set_goal(ctx, draft)
    if draft.goal_kind != "rest":
        _add_notes(ctx, draft)
    return _finish(ctx, draft, catalogue, rng, previous_level, flare_mode_entered=change.entered)


def _start(ctx: _Today) -> _Draft:
    reasons = list(ctx.classification.reasons)
    if ctx.past:
        return _Draft(state=ctx.past[-1].state, reasons=reasons)
    reasons.append(r.PROGRESSION_START)
    level = start_level(ctx.history.profile)
    return _Draft(state=PlanState(level_minutes=level, level_since=ctx.today), reasons=reasons)


def _set_goal(ctx: _Today, draft: _Draft) -> None:
    """Safety first, then the flare plan, then a doctor hold, then the usual plan."""
    red_flag = ctx.record.red_flag if ctx.record is not None else None
    if red_flag in ("emergency", "crisis"):
        draft.goal_kind = "rest"
        draft.goal_minutes = 0
        draft.gentle_only = True
        draft.reasons.append(
            r.SAFETY_EMERGENCY_SKIP if red_flag == "emergency" else r.SAFETY_CRISIS_REST
        )
        return
    if ctx.record is not None and ctx.record.rest_declared:
        # The person's own word for the day wins over any movement goal, whatever the ratings.
        draft.goal_kind = "rest"
        draft.goal_minutes = 0
        draft.gentle_only = True
        draft.reasons.append(r.REST_DECLARED)
        return
    if draft.state.in_flare_mode:
        pain = ctx.record.pain if ctx.record is not None else None
        plan = flare_goal(draft.state.level_minutes, pain)
        draft.goal_kind = plan.goal_kind
        draft.goal_minutes = plan.goal_minutes
        draft.gentle_only = True
        draft.reasons.append(plan.reason)
        return
    if doctor_hold(ctx.by_date, ctx.today):
        draft.goal_minutes = min(draft.state.level_minutes, DOCTOR_GOAL_MAX_MINUTES)
        draft.gentle_only = True
        draft.reasons.append(r.SAFETY_DOCTOR_HOLD)
        return
    if not ctx.paused:
        _apply_misses(ctx, draft)
    # A day that lowers the plan or leaves flare mode has made its change (one step lower);
    # any other day may ease back towards the earlier level, or progress.
    if not (draft.plan_lowered or draft.left_flare_mode):
        if easing_back_in(draft.state):
            _apply_ease_back(ctx, draft)
        else:
            _apply_progression(ctx, draft)
    draft.goal_minutes = draft.state.level_minutes
    if ctx.classification.day_type == "good":
        draft.reasons.append(r.GOOD_PLANNED_SESSION_ONLY)


def _apply_misses(ctx: _Today, draft: _Draft) -> None:
    """One miss: a restart nudge. Two in a row since the last lowering: one step lower, quietly.

    The lower plan is a restart step, like the one after a flare: the level it came from returns
    after a few calm check-ins without a new miss, and the weekly clock is not restarted, so a
    missed weekend now and then does not lower the plan week after week. Misses while already
    easing back in lower the target too: the plan then comes back to the level just before.
    """
    run = missed_run(ctx.past, ctx.by_date, ctx.today)
    lowered_on = draft.state.plan_lowered_date
    since_lowering = [day for day in run if lowered_on is None or day >= lowered_on]
    level = draft.state.level_minutes
    if len(since_lowering) >= MISSES_BEFORE_LOWERING and step_down(level) < level:
        draft.state = dataclasses.replace(
            draft.state,
            level_minutes=step_down(level),
            pre_flare_level=level,
            calm_days_in_flare_mode=0,
            plan_lowered_date=ctx.today,
        )
        draft.plan_lowered = True
        draft.reasons.append(r.ADHERENCE_PLAN_LOWERED)
    elif len(run) == 1:
        draft.never_miss_twice = True
        draft.reasons.append(r.ADHERENCE_NEVER_MISS_TWICE)


def _apply_ease_back(ctx: _Today, draft: _Draft) -> None:
    """One step lower for now: count today if calm, and return to the earlier level on the 2nd."""
    checked_in = ctx.record is not None and ctx.record.checked_in
    missed = bool(missed_run(ctx.past, ctx.by_date, ctx.today))
    step = ease_back(draft.state, ctx.classification.day_type, checked_in, missed)
    draft.state = step.state
    draft.level_restored = step.returned
    draft.reasons.extend(step.reasons)


def _apply_progression(ctx: _Today, draft: _Draft) -> None:
    result = weekly_progression(
        draft.state, ctx.classification.day_type, ctx.today, ctx.days, ctx.past
    )
    draft.state = result.state
    draft.level_increased = result.increased
    draft.reasons.extend(result.reasons)
    if (
        result.at_ceiling
        and not ctx.paused
        and _due(draft.state.last_physio_nudge_date, ctx.today, PHYSIO_NUDGE_INTERVAL_DAYS)
    ):
        draft.state = dataclasses.replace(draft.state, last_physio_nudge_date=ctx.today)
        draft.suggest_physio = True
        draft.reasons.append(r.PHYSIO_AT_CEILING)


def _add_notes(ctx: _Today, draft: _Draft) -> None:
    """Follow-ups, restart, pacing and signposting nudges, in display order."""
    yesterday = ctx.by_date.get(ctx.today - ONE_DAY)
    if yesterday is not None and yesterday.red_flag == "emergency":
        draft.reasons.append(r.SAFETY_EMERGENCY_FOLLOWUP)
        draft.nudges.append(NUDGE_EMERGENCY_FOLLOWUP)
    if yesterday is not None and yesterday.red_flag == "crisis":
        draft.reasons.append(r.SAFETY_CRISIS_FOLLOWUP)
        draft.nudges.append(NUDGE_CRISIS_FOLLOWUP)
    if ctx.paused:
        return
    if _returning_after_gap(ctx):
        draft.welcome_back = True
        draft.reasons.append(r.ADHERENCE_WELCOME_BACK)
        draft.nudges.append(NUDGE_WELCOME_BACK)
        if draft.never_miss_twice:
            # Welcome back says it more warmly; one restart message is enough.
            draft.never_miss_twice = False
            draft.reasons.remove(r.ADHERENCE_NEVER_MISS_TWICE)
    elif draft.never_miss_twice:
        draft.nudges.append(NUDGE_NEVER_MISS_TWICE)
    elif draft.plan_lowered:
        draft.nudges.append(NUDGE_PLAN_LOWERED)
    if _overdid_yesterday(ctx):
        draft.boom_bust_note = True
        draft.reasons.append(r.PACING_BOOM_BUST)
        draft.nudges.append(NUDGE_BOOM_BUST)
    why = clinician_reasons(draft.state, ctx.past, ctx.today)
    if why and _due(
        draft.state.last_clinician_nudge_date, ctx.today, CLINICIAN_NUDGE_INTERVAL_DAYS
    ):
        draft.state = dataclasses.replace(draft.state, last_clinician_nudge_date=ctx.today)
        draft.suggest_clinician = True
        draft.reasons.extend(why)
        long_flare = r.CLINICIAN_LONG_FLARE in why
        draft.nudges.append(
            NUDGE_CLINICIAN_LONG_FLARE if long_flare else NUDGE_CLINICIAN_FREQUENT_FLARES
        )
    if draft.suggest_physio:
        draft.nudges.append(NUDGE_PHYSIO_CEILING)


def _returning_after_gap(ctx: _Today) -> bool:
    if ctx.record is None:
        return False
    earlier = [d.date for d in ctx.days if d.date < ctx.today and d.checked_in]
    return bool(earlier) and (ctx.today - max(earlier)).days - 1 >= WELCOME_BACK_GAP_DAYS


def _overdid_yesterday(ctx: _Today) -> bool:
    yesterday = ctx.today - ONE_DAY
    plan = next((p for p in reversed(ctx.past) if p.date == yesterday), None)
    record = ctx.by_date.get(yesterday)
    if plan is None or record is None or record.done_minutes is None or plan.goal_minutes <= 0:
        return False
    return record.done_minutes > BOOM_BUST_RATIO * plan.goal_minutes


def _finish(
    ctx: _Today,
    draft: _Draft,
    catalogue: Sequence[ContentItem],
    rng: random.Random,
    previous_level: int,
    *,
    flare_mode_entered: bool,
) -> Decision:
    flare_plan = draft.state.in_flare_mode
    content_day_type: DayType = "flare" if flare_plan else ctx.classification.day_type
    people = person_activities(ctx.history.profile)
    if flare_plan:
        # Flare days keep to familiar, gentle activities: no new exercises.
        pool = tuple(a for a in people if a in FLARE_ACTIVITIES) or (DEFAULT_ACTIVITY,)
        fallbacks = (*pool, *FLARE_ACTIVITIES)
    else:
        pool = people
        fallbacks = (*pool, DEFAULT_ACTIVITY)
    activity = rotate_activity(pool, ctx.past)
    fallbacks = tuple(dict.fromkeys((activity, *fallbacks)))
    tag = level_tag(draft.goal_minutes, gentle_only=draft.gentle_only)
    recent = frozenset(
        key
        for p in ctx.past
        if (ctx.today - p.date).days <= NO_REPEAT_DAYS
        for key in p.content_keys
    )
    movement_key = tip_key = encouragement_key = None
    extra_keys: list[str] = []
    if draft.goal_kind != "rest":
        if draft.goal_kind == "session":
            movement = pick_movement(
                catalogue,
                rng,
                activities=fallbacks,
                level=tag,
                day_type=content_day_type,
                avoid=recent,
            )
            if movement is not None:
                movement_key = movement.key
                activity = activity_of(movement) or activity
        tip_key = _pick_tip(ctx, draft, catalogue, rng, content_day_type, recent)
        encouragement = pick(
            catalogue,
            rng,
            kind=KIND_ENCOURAGEMENT,
            day_type=content_day_type,
            prefer=_encouragement_tags(draft),
            avoid=recent,
        )
        encouragement_key = encouragement.key if encouragement is not None else None
        education_key = _pick_education(
            ctx, catalogue, rng, content_day_type, flare_mode_entered=flare_mode_entered
        )
        if education_key is not None:
            extra_keys.append(education_key)
        for family in draft.nudges:
            nudge = pick_nudge(catalogue, rng, family, avoid=recent)
            if nudge is not None:
                extra_keys.append(nudge.key)
    return Decision(
        date=ctx.today,
        day_type=ctx.classification.day_type,
        content_day_type=content_day_type,
        previous_level_minutes=previous_level,
        goal_minutes=draft.goal_minutes,
        goal_kind=draft.goal_kind,
        activity=activity,
        level_tag=tag,
        movement_key=movement_key,
        tip_key=tip_key,
        encouragement_key=encouragement_key,
        extra_keys=tuple(extra_keys),
        reasons=tuple(dict.fromkeys(draft.reasons)),
        state=draft.state,
        baseline=ctx.classification.baseline,
        adherence=adherence_summary(ctx.days, ctx.past, ctx.today),
        level_increased=draft.level_increased,
        level_restored=draft.level_restored,
        plan_lowered=draft.plan_lowered,
        never_miss_twice=draft.never_miss_twice,
        welcome_back=draft.welcome_back,
        boom_bust_note=draft.boom_bust_note,
        suggest_clinician=draft.suggest_clinician,
        suggest_physio=draft.suggest_physio,
        pause_nudges=ctx.paused,
    )


def _pick_tip(
    ctx: _Today,
    draft: _Draft,
    catalogue: Sequence[ContentItem],
    rng: random.Random,
    day_type: DayType,
    recent: frozenset[str],
) -> str | None:
    prefer = set(ctx.history.symptom_tags & SYMPTOM_TAGS)
    if r.TOUGH_POOR_SLEEP in ctx.classification.reasons:
        prefer.add(TAG_SLEEP)
    tip = None
    if draft.goal_kind == "flare_toolkit":
        tip = pick(
            catalogue,
            rng,
            kind=KIND_TIP,
            day_type=day_type,
            category=CATEGORY_FLARE_TOOLKIT,
            prefer=prefer,
            avoid=recent,
        )
    if tip is None:
        tip = pick(catalogue, rng, kind=KIND_TIP, day_type=day_type, prefer=prefer, avoid=recent)
    return tip.key if tip is not None else None


def _encouragement_tags(draft: _Draft) -> frozenset[str]:
    if draft.level_increased:
        return frozenset({TAG_PROGRESS})
    if draft.never_miss_twice or draft.welcome_back or draft.plan_lowered:
        return frozenset({TAG_RESTART})
    return frozenset()


def _pick_education(
    ctx: _Today,
    catalogue: Sequence[ContentItem],
    rng: random.Random,
    day_type: DayType,
    *,
    flare_mode_entered: bool,
) -> str | None:
    """An explainer on a flare's first day, otherwise at most once a week."""
    education = {item.key for item in catalogue if item.kind == KIND_EDUCATION}
    shown_lately = any(
        key in education
        for p in ctx.past
        if (ctx.today - p.date).days < EDUCATION_INTERVAL_DAYS
        for key in p.content_keys
    )
    if shown_lately and not flare_mode_entered:
        return None
    ever_shown = frozenset(key for p in ctx.past for key in p.content_keys)
    item = pick(catalogue, rng, kind=KIND_EDUCATION, day_type=day_type, avoid=ever_shown)
    return item.key if item is not None else None


def _due(last: dt.date | None, today: dt.date, interval_days: int) -> bool:
    return last is None or (today - last).days >= interval_days


def _date(plan: PastDecision) -> dt.date:
    return plan.date
