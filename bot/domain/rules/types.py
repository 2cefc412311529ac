"""Plain data the rules take in and give back."""

import dataclasses
import datetime as dt
from typing import Final, Literal

DayType = Literal["flare", "tough", "steady", "good"]
GoalKind = Literal["session", "flare_toolkit", "rest"]
MovementAnswer = Literal["yes", "some", "no", "rest"]
FlareAnswer = Literal["yes", "no", "unsure"]
RedFlag = Literal["emergency", "doctor", "crisis"]

DAY_TYPES: Final[tuple[DayType, ...]] = ("flare", "tough", "steady", "good")


@dataclasses.dataclass(frozen=True, slots=True)
class Profile:
    """Onboarding answers: minutes managed on a bad and a good day, chosen activities."""

    bad_day_minutes: int
    good_day_minutes: int
    activities: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True)
class DayRecord:
    """One local day's check-in answers, Done taps and safety tier."""

    date: dt.date
    pain: int | None = None
    interference: int | None = None
    energy: int | None = None
    sleep: int | None = None
    # Answers "since your last check-in, did you do your movement?": it reports on the day before.
    movement: MovementAnswer | None = None
    flare: FlareAnswer | None = None
    done: bool = False
    done_minutes: int | None = None
    red_flag: RedFlag | None = None
    # The person said in words that today is a rest day ("too tired today"): the day's plan.
    rest_declared: bool = False

    @property
    def checked_in(self) -> bool:
        """Whether any rating or the flare question was answered."""
        return self.flare is not None or any(
            v is not None for v in (self.pain, self.interference, self.energy, self.sleep)
        )

    @property
    def done_today(self) -> bool:
        """Whether the Done button or a minute count reported movement on this day."""
        return self.done or (self.done_minutes or 0) > 0


@dataclasses.dataclass(frozen=True, slots=True)
class PlanState:
    """State a decision carries forward to the next one."""

    level_minutes: int
    level_since: dt.date
    last_increase_date: dt.date | None = None
    in_flare_mode: bool = False
    # The level to come back to: set in flare mode (the pre-flare level) and while easing back in
    # one step lower after a flare or a quiet lowering; None otherwise.
    pre_flare_level: int | None = None
    flare_mode_since: dt.date | None = None
    # Calm check-ins counted: in flare mode towards leaving it, then while easing back in towards
    # the return to `pre_flare_level`.
    calm_days_in_flare_mode: int = 0
    plan_lowered_date: dt.date | None = None
    last_clinician_nudge_date: dt.date | None = None
    last_physio_nudge_date: dt.date | None = None


@dataclasses.dataclass(frozen=True, slots=True)
class PastDecision:
    """A decision as stored for an earlier date; its state fields seed the next decision."""

    date: dt.date
    day_type: DayType
    level_minutes: int
    goal_minutes: int
    goal_kind: GoalKind = "session"
    activity: str = "walking"
    content_keys: tuple[str, ...] = ()
    in_flare_mode: bool = False
    pre_flare_level: int | None = None
    flare_mode_since: dt.date | None = None
    calm_days_in_flare_mode: int = 0
    level_since: dt.date | None = None  # None: the level started on `date`
    last_increase_date: dt.date | None = None
    plan_lowered_date: dt.date | None = None
    last_clinician_nudge_date: dt.date | None = None
    last_physio_nudge_date: dt.date | None = None

    @property
    def state(self) -> PlanState:
        """The carried-forward state."""
        return PlanState(
            level_minutes=self.level_minutes,
            level_since=self.level_since or self.date,
            last_increase_date=self.last_increase_date,
            in_flare_mode=self.in_flare_mode,
            pre_flare_level=self.pre_flare_level,
            flare_mode_since=self.flare_mode_since,
            calm_days_in_flare_mode=self.calm_days_in_flare_mode,
            plan_lowered_date=self.plan_lowered_date,
            last_clinician_nudge_date=self.last_clinician_nudge_date,
            last_physio_nudge_date=self.last_physio_nudge_date,
        )

    @property
    def flare_adjusted(self) -> bool:
        """Whether the plan that day was a flare plan (counts as on plan)."""
        return self.in_flare_mode or self.day_type == "flare" or self.goal_kind == "flare_toolkit"


@dataclasses.dataclass(frozen=True, slots=True)
class ContentItem:
    """What the rules need to know about one selectable content file."""

    key: str
    kind: str
    category: str
    day_types: frozenset[str] = frozenset(DAY_TYPES)
    tags: frozenset[str] = frozenset()
    weight: int = 1


@dataclasses.dataclass(frozen=True, slots=True)
class History:
    """Everything known about one person, oldest first."""

    profile: Profile
    days: tuple[DayRecord, ...] = ()
    decisions: tuple[PastDecision, ...] = ()
    symptom_tags: frozenset[str] = frozenset()


@dataclasses.dataclass(frozen=True, slots=True)
class Baseline:
    """A person's usual ratings: medians of recent non-flare check-ins."""

    pain: float
    interference: float | None
    energy: float | None
    checkins: int


@dataclasses.dataclass(frozen=True, slots=True)
class Classification:
    """Today's day type and the rule ids that made it."""

    day_type: DayType
    reasons: tuple[str, ...]
    baseline: Baseline | None


@dataclasses.dataclass(frozen=True, slots=True)
class AdherenceSummary:
    """Progress against the person's own plan.

    `days_moved_week` and the minutes cover today and the 6 days before; the session counts cover
    the 7 days before today, whose outcome is known by today's check-in.
    """

    days_moved_week: int
    minutes_week: int
    minutes_4_weeks_ago: int
    planned_sessions: int
    sessions_done: int
    sessions_on_plan: int
    sessions_missed: int
    misses_in_a_row: int
    # Whether the person was with us for the whole week four weeks ago: a comparison with it
    # ("up from ... four weeks ago") is only made when it was.
    history_4_weeks_ago: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class Decision:
    """Today's plan, the content to show and why; `as_past()` is what to store."""

    date: dt.date
    day_type: DayType
    content_day_type: DayType
    previous_level_minutes: int
    goal_minutes: int
    goal_kind: GoalKind
    activity: str
    level_tag: str
    movement_key: str | None
    tip_key: str | None
    encouragement_key: str | None
    extra_keys: tuple[str, ...]
    reasons: tuple[str, ...]
    state: PlanState
    baseline: Baseline | None
    adherence: AdherenceSummary
    level_increased: bool = False
    level_restored: bool = False  # back to the level before a flare or a quiet lowering
    plan_lowered: bool = False
    never_miss_twice: bool = False
    welcome_back: bool = False
    boom_bust_note: bool = False
    suggest_clinician: bool = False
    suggest_physio: bool = False
    pause_nudges: bool = False

    @property
    def level_minutes(self) -> int:
        """The current weekly level after today's changes."""
        return self.state.level_minutes

    @property
    def in_flare_mode(self) -> bool:
        """Whether the flare plan is in force."""
        return self.state.in_flare_mode

    @property
    def pre_flare_level(self) -> int | None:
        """The level to come back to: before the flare, or before a quiet lowering."""
        return self.state.pre_flare_level

    @property
    def plan_level(self) -> int:
        """The person's level: the current one, or the one it comes back to after a flare."""
        return max(self.state.level_minutes, self.state.pre_flare_level or 0)

    @property
    def last_increase_date(self) -> dt.date | None:
        """When the level last went up."""
        return self.state.last_increase_date

    @property
    def content_keys(self) -> tuple[str, ...]:
        """Keys in display order: movement, tip, encouragement, then extras."""
        main = (self.movement_key, self.tip_key, self.encouragement_key)
        return tuple(k for k in main if k is not None) + self.extra_keys

    @property
    def flags(self) -> frozenset[str]:
        """Names of the boolean flags that are set."""
        names = (
            "level_increased",
            "level_restored",
            "plan_lowered",
            "never_miss_twice",
            "welcome_back",
            "boom_bust_note",
            "suggest_clinician",
            "suggest_physio",
            "pause_nudges",
        )
        return frozenset(n for n in names if getattr(self, n))

    def as_past(self) -> PastDecision:
        """The row to store so the next decision can continue from this one."""
        s = self.state
        return PastDecision(
            date=self.date,
            day_type=self.day_type,
            level_minutes=s.level_minutes,
            goal_minutes=self.goal_minutes,
            goal_kind=self.goal_kind,
            activity=self.activity,
            content_keys=self.content_keys,
            in_flare_mode=s.in_flare_mode,
            pre_flare_level=s.pre_flare_level,
            flare_mode_since=s.flare_mode_since,
            calm_days_in_flare_mode=s.calm_days_in_flare_mode,
            level_since=s.level_since,
            last_increase_date=s.last_increase_date,
            plan_lowered_date=s.plan_lowered_date,
            last_clinician_nudge_date=s.last_clinician_nudge_date,
            last_physio_nudge_date=s.last_physio_nudge_date,
        )

    def summary(self) -> dict[str, int | str]:
        """Template variables the chat layer passes to content (activity as a tag)."""
        return {
            "activity": self.activity,
            "goal_minutes": self.goal_minutes,
            "level_minutes": self.state.level_minutes,
            "days_moved_week": self.adherence.days_moved_week,
            "minutes_week": self.adherence.minutes_week,
            "minutes_4_weeks_ago": self.adherence.minutes_4_weeks_ago,
            "compare_4_weeks": int(self.adherence.history_4_weeks_ago),
        }
