"""Baseline: median of the last 14 non-flare check-ins, at least 7 needed."""

import pytest

from bot.domain.rules import Baseline, DayRecord, baseline, flare_dates

from .factories import calm_days, checkin, day, short_path


@pytest.mark.parametrize(
    ("days", "today", "expected"),
    [
        pytest.param((), 0, None, id="no check-ins"),
        pytest.param(calm_days(0, 5), 6, None, id="6 check-ins are not enough"),
        pytest.param(calm_days(0, 6), 7, Baseline(4.0, 4.0, 5.0, 7), id="7 check-ins are enough"),
        pytest.param(calm_days(0, 6), 6, None, id="today is not part of its own baseline"),
        pytest.param(
            (*calm_days(0, 3, pain=2), *calm_days(4, 6, pain=6)),
            7,
            Baseline(2.0, 4.0, 5.0, 7),
            id="median, not mean",
        ),
        pytest.param(
            (*calm_days(0, 2, pain=3), *calm_days(3, 6, pain=5), checkin(7, pain=5)),
            8,
            Baseline(5.0, 4.0, 5.0, 8),
            id="even count takes the middle pair",
        ),
        pytest.param(
            (
                *calm_days(0, 9, pain=9, interference=9, energy=1, flare="no"),
                *calm_days(10, 23, pain=3),
            ),
            24,
            Baseline(3.0, 4.0, 5.0, 14),
            id="only the last 14 count",
        ),
        pytest.param(
            (*calm_days(0, 6), *calm_days(7, 9, pain=9, flare="yes")),
            10,
            Baseline(4.0, 4.0, 5.0, 7),
            id="self-reported flare days excluded",
        ),
        pytest.param(
            (*calm_days(0, 5), checkin(6, pain=8, flare="unsure")),
            7,
            None,
            id="no-baseline flare by pain >= 7 excluded, leaving 6",
        ),
        pytest.param(
            (*calm_days(0, 5), checkin(6, pain=8, flare="no")),
            7,
            Baseline(4.0, 4.0, 5.0, 7),
            id="pain >= 7 with 'no flare' is the person's own word: it counts",
        ),
        pytest.param(
            (*calm_days(0, 6), checkin(7, pain=6, interference=6, flare=None)),
            8,
            Baseline(4.0, 4.0, 5.0, 7),
            id="flare by ratings against the baseline excluded",
        ),
        pytest.param(
            (*calm_days(0, 6), checkin(7, pain=6, interference=6, flare="no")),
            8,
            Baseline(4.0, 4.0, 5.0, 8),
            id="flare-like ratings with 'no flare' count",
        ),
        pytest.param(
            calm_days(0, 6, pain=8, interference=8, flare="no"),
            7,
            Baseline(8.0, 8.0, 5.0, 7),
            id="a high usual pain, never called a flare, still makes a baseline",
        ),
        pytest.param(
            (*calm_days(0, 6), short_path(7, pain=5), short_path(8, pain=5)),
            9,
            Baseline(4.0, 4.0, 5.0, 9),
            id="short-path days count for pain only",
        ),
        pytest.param(
            (*calm_days(0, 5, interference=None, energy=None), checkin(6)),
            7,
            Baseline(4.0, None, None, 7),
            id="each metric needs its own 7 values",
        ),
    ],
)
def test_baseline(days: tuple[DayRecord, ...], today: int, expected: Baseline | None) -> None:
    assert baseline(days, day(today)) == expected


def test_flare_dates_use_the_baseline_of_their_own_time() -> None:
    days = (
        *calm_days(0, 6),
        checkin(7, pain=6, interference=6, flare="unsure"),
        checkin(8, flare="yes"),
        checkin(9, pain=6, interference=6, flare="no"),  # their own "no" wins
    )
    assert flare_dates(days) == {day(7), day(8)}
