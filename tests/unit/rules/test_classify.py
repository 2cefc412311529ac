"""How a day is classified, against a baseline of pain 4, interference 4, energy 5."""

from typing import Any

import pytest

from bot.domain.rules import DayRecord, classify_day
from bot.domain.rules import reasons as r

from .factories import calm_days, checkin, day, short_path

# Pain 4, interference 4, energy 5, sleep 6; no sessions, so no post-session rise.
BASELINE_WEEK = calm_days(0, 6, movement="no")
TODAY = 7


def on(n: int, **kwargs: Any) -> DayRecord:
    """A check-in with no session the day before."""
    return checkin(n, movement="no", **kwargs)


@pytest.mark.parametrize(
    ("today", "day_type", "reasons"),
    [
        (on(TODAY, flare="yes"), "flare", (r.FLARE_SELF_REPORTED,)),
        (
            on(TODAY, pain=6, interference=6, flare="unsure"),
            "flare",
            (r.FLARE_PAIN_AND_INTERFERENCE,),
        ),
        (on(TODAY, pain=6, energy=3, flare=None), "flare", (r.FLARE_PAIN_AND_LOW_ENERGY,)),
        # The person's own "no" wins: flare-like ratings make a tough day.
        (
            on(TODAY, pain=6, interference=6),
            "tough",
            (r.TOUGH_HIGH_RATINGS_NOT_A_FLARE, r.TOUGH_PAIN_ABOVE_BASELINE),
        ),
        (
            on(TODAY, pain=9, interference=9, energy=1),
            "tough",
            (r.TOUGH_HIGH_RATINGS_NOT_A_FLARE, r.TOUGH_PAIN_ABOVE_BASELINE),
        ),
        (
            checkin(TODAY, pain=7, interference=7, energy=2, flare="yes"),
            "flare",
            (r.FLARE_SELF_REPORTED, r.FLARE_PAIN_AND_INTERFERENCE, r.FLARE_PAIN_AND_LOW_ENERGY),
        ),
        (on(TODAY, pain=5, interference=6), "tough", (r.TOUGH_PAIN_ABOVE_BASELINE,)),
        (on(TODAY, pain=6, interference=5, energy=4), "tough", (r.TOUGH_PAIN_ABOVE_BASELINE,)),
        (on(TODAY, pain=5), "tough", (r.TOUGH_PAIN_ABOVE_BASELINE,)),
        (on(TODAY, sleep=3), "tough", (r.TOUGH_POOR_SLEEP,)),
        (on(TODAY, pain=3, energy=6, sleep=2), "tough", (r.TOUGH_POOR_SLEEP,)),
        (on(TODAY, sleep=4), "steady", (r.STEADY_USUAL_RANGE,)),
        (on(TODAY, pain=3, energy=6), "good", (r.GOOD_BELOW_BASELINE_WITH_ENERGY,)),
        (on(TODAY, pain=3, energy=5), "steady", (r.STEADY_USUAL_RANGE,)),
        (on(TODAY, pain=4, energy=9), "steady", (r.STEADY_USUAL_RANGE,)),
        (on(TODAY, flare="unsure"), "steady", (r.STEADY_USUAL_RANGE,)),
        (short_path(TODAY, pain=6), "tough", (r.TOUGH_PAIN_ABOVE_BASELINE,)),
        (short_path(TODAY, pain=9, flare="unsure"), "tough", (r.TOUGH_PAIN_ABOVE_BASELINE,)),
        (short_path(TODAY, pain=4), "steady", (r.STEADY_USUAL_RANGE,)),
        (short_path(TODAY, pain=2), "steady", (r.STEADY_USUAL_RANGE,)),
        (short_path(TODAY, pain=4, flare="yes"), "flare", (r.FLARE_SELF_REPORTED,)),
        (DayRecord(day(TODAY), done=True), "steady", (r.STEADY_NO_CHECKIN,)),
    ],
)
def test_with_a_baseline(today: DayRecord, day_type: str, reasons: tuple[str, ...]) -> None:
    result = classify_day((*BASELINE_WEEK, today), day(TODAY))
    assert (result.day_type, result.reasons) == (day_type, reasons)
    assert result.baseline is not None


def test_no_check_in_today_is_steady() -> None:
    result = classify_day(BASELINE_WEEK, day(TODAY))
    assert (result.day_type, result.reasons) == ("steady", (r.STEADY_NO_CHECKIN,))


FEW_DAYS = calm_days(0, 2, movement="no")  # three check-ins: no baseline yet


@pytest.mark.parametrize(
    ("today", "day_type", "reasons"),
    [
        (on(3, pain=7, flare="unsure"), "flare", (r.FLARE_NO_BASELINE_HIGH_PAIN,)),
        (on(3, interference=7, flare=None), "flare", (r.FLARE_NO_BASELINE_HIGH_INTERFERENCE,)),
        (short_path(3, pain=8, flare="unsure"), "flare", (r.FLARE_NO_BASELINE_HIGH_PAIN,)),
        # "flare: no" with high ratings before a baseline: a tough day, never a flare.
        (on(3, pain=7), "tough", (r.TOUGH_HIGH_RATINGS_NOT_A_FLARE,)),
        (on(3, interference=7), "tough", (r.TOUGH_HIGH_RATINGS_NOT_A_FLARE,)),
        (short_path(3, pain=8), "tough", (r.TOUGH_HIGH_RATINGS_NOT_A_FLARE,)),
        (on(3, pain=6, interference=6, energy=1), "steady", (r.BASELINE_NOT_ENOUGH_DATA,)),
        (short_path(3, pain=6), "steady", (r.BASELINE_NOT_ENOUGH_DATA,)),
        (on(3, pain=1, energy=10), "steady", (r.BASELINE_NOT_ENOUGH_DATA,)),
        (on(3, sleep=2), "tough", (r.TOUGH_POOR_SLEEP,)),
        (on(3, flare="yes"), "flare", (r.FLARE_SELF_REPORTED,)),
    ],
)
def test_without_a_baseline(today: DayRecord, day_type: str, reasons: tuple[str, ...]) -> None:
    result = classify_day((*FEW_DAYS, today), day(3))
    assert (result.day_type, result.reasons) == (day_type, reasons)
    assert result.baseline is None


@pytest.mark.parametrize(
    ("days", "day_type"),
    [
        pytest.param(
            (
                checkin(0, pain=3, movement="no", done=True),
                checkin(1, pain=3, movement="no"),
                checkin(2, pain=5, movement="no"),
            ),
            "tough",
            id="Done tap two days before, pain +2",
        ),
        pytest.param(
            (
                checkin(0, pain=3, movement="no"),
                checkin(1, pain=3, movement="no"),
                checkin(2, pain=5, movement="some"),
            ),
            "tough",
            id="today's 'some' reports a session yesterday, pain +2",
        ),
        pytest.param(
            (
                checkin(0, pain=3, movement="no", done=True),
                checkin(1, pain=4, movement="no"),
                checkin(2, pain=4, movement="no"),
                checkin(3, pain=5, movement="no"),
            ),
            "tough",
            id="72 h after the session still counts",
        ),
        pytest.param(
            (
                checkin(0, pain=3, movement="no", done=True),
                checkin(1, pain=4, movement="no"),
                checkin(2, pain=4, movement="no"),
                checkin(3, pain=4, movement="no"),
                checkin(4, pain=5, movement="no"),
            ),
            "steady",
            id="four days after is outside the window",
        ),
        pytest.param(
            (
                checkin(0, pain=3, movement="no"),
                checkin(1, pain=3, movement="no"),
                checkin(2, pain=5, movement="no"),
            ),
            "steady",
            id="no session, no post-session rise",
        ),
        pytest.param(
            (checkin(0, pain=3, movement="no", done=True), checkin(1, pain=4, movement="no")),
            "steady",
            id="a rise of 1 is not enough",
        ),
    ],
)
def test_post_session_rise(days: tuple[DayRecord, ...], day_type: str) -> None:
    result = classify_day(days, days[-1].date)
    assert result.day_type == day_type
    assert (r.TOUGH_POST_SESSION_RISE in result.reasons) == (day_type == "tough")
