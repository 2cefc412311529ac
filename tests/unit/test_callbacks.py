"""Callback data codecs: every family round-trips, and forged, stale or garbled data is None."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.views import keyboards
from bot.views.callbacks import (
    FAMILIES,
    MAX_BYTES,
    Callback,
    ChallengeTap,
    CheckinTap,
    CueTap,
    DeleteTap,
    IntentTap,
    OnboardTap,
    PlanTap,
    ReflectionTap,
    SafetyTap,
    SettingsTap,
    SetupTap,
    ShareTap,
    WeeklyTap,
    parse_any,
)
from bot.views.content import Content

DAY = date(2026, 11, 27)

# Each family's taps with the data the bot has always sent for them.
WIRE: list[tuple[Callback, str]] = [
    (CheckinTap(DAY, "pain", "5"), "ci:20261127:pain:5"),
    (CheckinTap(DAY, "sleep", "10"), "ci:20261127:sleep:10"),
    (CheckinTap(DAY, "flare", "unsure"), "ci:20261127:flare:unsure"),
    (CheckinTap(DAY, "movement", "rest"), "ci:20261127:movement:rest"),
    (CheckinTap(DAY, "note", "skip"), "ci:20261127:note:skip"),
    (CheckinTap(DAY, "same"), "ci:20261127:same"),
    (CheckinTap(DAY, "more"), "ci:20261127:more"),
    (CheckinTap(DAY, "start"), "ci:20261127:start"),
    (CheckinTap(DAY, "redo"), "ci:20261127:redo"),
    (PlanTap(DAY, "done"), "pl:20261127:done"),
    (PlanTap(DAY, "why"), "pl:20261127:why"),
    (PlanTap(DAY, "cue"), "pl:20261127:cue"),
    (PlanTap(DAY, "opt", 2), "pl:20261127:opt:2"),
    (CueTap("after_breakfast"), "cue:after_breakfast"),
    (CueTap("own"), "cue:own"),
    (CueTap("none"), "cue:none"),
    (ShareTap("days", 1), "sh:days:1"),
    (ShareTap("days", 30), "sh:days:30"),
    (ShareTap("weeks", 12), "sh:weeks:12"),
    (ShareTap("notes", 0), "sh:notes:0"),
    (ShareTap("notes", 1), "sh:notes:1"),
    (ShareTap("new"), "sh:new"),
    (ShareTap("stop"), "sh:stop"),
    (WeeklyTap("menu"), "wk:menu"),
    (WeeklyTap("toggle"), "wk:toggle"),
    (WeeklyTap("back"), "wk:back"),
    (WeeklyTap("day", weekday=6), "wk:day:6"),
    (WeeklyTap("time", at=time(19, 0)), "wk:time:1900"),
    (ReflectionTap(DAY, "weekly", "enjoyment", 10), "rf:20261127:weekly:enjoyment:10"),
    (ReflectionTap(DAY, "weekly", "confidence_life", 0), "rf:20261127:weekly:confidence_life:0"),
    (ReflectionTap(DAY, "monthly", "overall_change", 7), "rf:20261127:monthly:overall_change:7"),
    (DeleteTap("1"), "del:1"),
    (DeleteTap("keep"), "del:keep"),
    (DeleteTap("go", "AbCdEfGhIjKlMnOpQrS_-0"), "del:go:AbCdEfGhIjKlMnOpQrS_-0"),
    (OnboardTap("tz", "Europe/Berlin"), "ob:tz:Europe/Berlin"),
    (OnboardTap("tz", "America/Argentina/Buenos_Aires"), "ob:tz:America/Argentina/Buenos_Aires"),
    (OnboardTap("tz", "skip"), "ob:tz:skip"),
    (OnboardTap("time", "0930"), "ob:time:0930"),
    (OnboardTap("time", "skip"), "ob:time:skip"),
    (OnboardTap("bad", "3"), "ob:bad:3"),
    (OnboardTap("good", "skip"), "ob:good:skip"),
    (OnboardTap("act", "walking"), "ob:act:walking"),
    (OnboardTap("act", "done"), "ob:act:done"),
    (OnboardTap("sym", "upper_back"), "ob:sym:upper_back"),
    (OnboardTap("country", "zone"), "ob:country:zone"),
    (OnboardTap("country", "skip"), "ob:country:skip"),
    (SettingsTap("tz"), "set:tz"),
    (SettingsTap("country"), "set:country"),
    (SettingsTap("pause"), "set:pause"),
    (SettingsTap("close"), "set:close"),
    (SafetyTap("ok"), "sf:ok"),
    (SafetyTap("help"), "sf:help"),
    (SafetyTap("urgent"), "sf:urgent"),  # the triage question's answers
    (SafetyTap("doctor"), "sf:doctor"),
    (SafetyTap("usual"), "sf:usual"),
    (IntentTap("today"), "in:today"),
    (IntentTap("rest"), "in:rest"),
    (IntentTap("note"), "in:note"),  # a clarification's "Just telling you"
    (IntentTap("settings"), "in:settings"),
    (IntentTap("more"), "in:more"),
    (SetupTap(12, "act", "yoga"), "gs:12:act:yoga"),
    (SetupTap(12, "act", "own"), "gs:12:act:own"),
    (SetupTap(12, "min", "10"), "gs:12:min:10"),
    (SetupTap(12, "len", "14"), "gs:12:len:14"),
    (SetupTap(12, "tz", "Australia/Sydney"), "gs:12:tz:Australia/Sydney"),
    (SetupTap(12, "tz", "UTC"), "gs:12:tz:UTC"),
    (SetupTap(12, "time", "2030"), "gs:12:time:2030"),
    (SetupTap(12, "cancel", "x"), "gs:12:cancel:x"),
    (ChallengeTap(12, "join"), "gc:12:join"),
    (ChallengeTap(12, "done"), "gc:12:done"),
    (ChallengeTap(12, "rest"), "gc:12:rest"),
    (ChallengeTap(12, "leave"), "gc:12:leave"),
    (ChallengeTap(12, "end"), "gc:12:end"),
    (ChallengeTap(0, "keep"), "gc:0:keep"),
]


@pytest.mark.parametrize(("tap", "data"), WIRE, ids=[data for _, data in WIRE])
def test_every_family_round_trips_in_the_wire_format_already_sent(tap: Callback, data: str) -> None:
    assert tap.encode() == data
    assert type(tap).parse(data) == tap
    assert parse_any(data) == tap


def test_every_family_is_covered() -> None:
    assert {type(tap) for tap, _ in WIRE} == set(FAMILIES)
    assert len({family.PREFIX for family in FAMILIES}) == len(FAMILIES)


FORGED = [
    "sf:emergency",  # not a triage answer
    "in:rest:now",
    "in:clarify",
    "ob:tz",  # no value
    "ob:time:2599",  # no such time
    "ob:time:930",
    "ob:tz:Mars/Base",  # no such zone
    "ob:tz:../../etc/passwd",
    "ob:bad:-1",
    "ob:bad:9999",
    "ob:act:chess",
    "ob:nope:skip",
    "ob:country:DE",
    "gc:99999999999999999999:join",  # too big to be an id
    "gc:1",
    "gc:0:join",  # no challenge 0
    "gc:1:keep",  # keep carries no challenge
    "gc:-1:join",
    "gc:1:win",
    "gs:1:len:30",
    "gs:1:min:7",
    "gs:1:tz:Nowhere/Land",
    "gs:1:time:2460",
    "gs:0:act:yoga",
    "gs:1:cancel",
    "ci:20261340:pain:5",  # month 13
    "ci:20260230:pain:5",  # 30 February
    "ci:20261127:pain:11",  # beyond the scale
    "ci:20261127:pain:-1",
    "ci:20261127:pain:٥",  # an Arabic-Indic five
    "ci:20261127:pain",
    "ci:20261127:flare:maybe",
    "ci:20261127:note:hello",
    "ci:20261127:start:now",
    "ci:19991231:start",  # outside the window
    "ci:99999999:pain:11",
    "ci:2026112:start",
    "ci:",
    "pl:",
    "pl:x:y:z",
    "pl:20261127:opt",
    "pl:20261127:opt:99",
    "pl:20261127:done:1",
    "cue:",
    "cue:after_midnight",
    "wk:",
    "wk:day:7",
    "wk:time:9pm",
    "wk:time",
    "rf:",
    "rf:20261127:weekly:enjoyment:11",
    "rf:20261127:weekly:overall_change:3",
    "rf:20261127:monthly:overall_change:0",
    "rf:20261127:yearly:enjoyment:3",
    "del:2",  # the old guessable final yes
    "del:go:",
    "del:go:wrong",
    "del:go:" + "a" * 33,
    "del:go:has space in it!!!!",
    "set:",
    "set:nope",
    "sh:",
    "sh:days:2",  # only 1, 14 or 30
    "sh:days:0",
    "sh:days:31",
    "sh:weeks:8",
    "sh:notes:2",
    "sh:new:1",
    "sh:days",
    "sf:",
    "sf:maybe",
    "in:",
    "in:delete",
    "",  # empty
    ":",
    "zz:1",  # unknown prefix
    "ci",
    "x" * 64,
    "ci:20261127:pain:5:" + "5" * 50,  # 65+ bytes
    "ob:tz:" + "A" * 70,
    "ci:20261127:paín:5",  # unicode
    "ob:tz:Europe/Zürich",
    "sf:ok\u200b",
    "ＳＦ:ok",
    "ci:２０２６１１２７:pain:5",
]


@pytest.mark.parametrize("data", FORGED)
def test_forged_stale_or_garbled_data_parses_to_none(data: str) -> None:
    assert parse_any(data) is None
    for family in FAMILIES:
        assert family.parse(data) is None


def test_data_of_one_family_is_not_read_as_another() -> None:
    for tap, data in WIRE:
        for family in FAMILIES:
            if family is not type(tap):
                assert family.parse(data) is None


def test_encoding_refuses_more_than_64_bytes() -> None:
    with pytest.raises(AssertionError):
        OnboardTap("tz", "A/" + "b" * MAX_BYTES).encode()


@given(st.text(max_size=80))
def test_parsing_never_raises(data: str) -> None:
    for family in FAMILIES:
        family.parse(data)
    parse_any(data)


@given(st.sampled_from([data for _, data in WIRE]), st.text(max_size=8))
def test_appended_junk_is_never_a_different_valid_tap(data: str, junk: str) -> None:
    tap = parse_any(data + junk)
    assert tap is None or tap.encode() == data + junk


def test_check_in_keyboards_are_kept_per_question_date_and_offer(content: Content) -> None:
    kept = Content(content.items, content.labels, content.helplines)
    day, other = date(2026, 6, 1), date(2026, 6, 2)
    pain = keyboards.checkin_question(kept, day, "pain")
    assert keyboards.checkin_question(kept, day, "pain") is pain
    assert pain == keyboards.checkin_question(content, day, "pain")  # as built afresh
    with_same = keyboards.checkin_question(kept, day, "pain", offer_same=True)
    assert len(with_same.inline_keyboard) == len(pain.inline_keyboard) + 1
    assert keyboards.checkin_question(kept, other, "pain") != pain  # its date in every button
    assert keyboards.checkin_question(kept, day, "energy") != pain
    for n in range(keyboards.KEPT_KEYBOARDS * 2):
        keyboards.checkin_question(kept, date.fromordinal(day.toordinal() + n), "sleep")
    assert len(kept.keyboards) <= keyboards.KEPT_KEYBOARDS
