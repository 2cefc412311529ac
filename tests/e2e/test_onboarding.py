"""Onboarding end to end: real PTB over HTTP to the emulator, written as dialogues."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from bot.db.models import User
from tests.harness import Harness, onboard, texts

# Each step: (action, what, expected fragments of the bot's replies).
WITH_TAPS = [
    ("say", "/start", ["Small Steps", "not a doctor", "/delete", "Which time zone"]),
    ("tap", "Berlin", ["When should I check in"]),
    ("tap", "10:00", ["bad day"]),
    ("tap", "2-5 min", ["good day"]),
    ("tap", "10-20 min", ["Which kinds of gentle movement"]),
    ("tap", "Walking", ["✅ 🚶 Walking"]),
    ("tap", "Tai chi", ["✅ ☯️ Tai chi"]),
    ("tap", "Walking", ["🚶 Walking"]),
    ("tap", "Done", ["All set", "10:00", "Europe/Berlin", "tai chi"]),
]

WITH_TYPING = [
    ("say", "/start", ["Which time zone"]),
    ("say", "Narnia", ["couldn't tell which time zone", "Which time zone"]),
    ("say", "Brelin", ["couldn't tell", "Did you mean one of these: Europe/Berlin, "]),
    ("say", "new york", ["When should I check in"]),
    ("say", "whenever", ["didn't get", "When should I check in"]),
    ("say", "9:30pm", ["bad day"]),
    ("say", "lots", ["didn't get", "bad day"]),
    ("say", "5", ["good day"]),
    ("say", "15", ["Which kinds"]),
    ("say", "hmm", ["didn't spot a kind of movement", "Which kinds"]),
    ("tap", "Done", ["All set", "21:30", "America/New_York", "easy walking"]),
]

# Everyday answers, as testers typed them.
IN_OWN_WORDS = [
    ("say", "/start", ["Which time zone"]),
    ("say", "Manchester", ["When should I check in", "Europe/London"]),
    ("say", "half past eight", ["bad day"]),
    ("say", "not much", ["good day"]),
    ("say", "about 20", ["Which kinds"]),
    ("say", "I walk my dog and do a bit of yoga", ["All set", "08:30", "walking and gentle yoga"]),
]


async def play(harness: Harness, user: object, steps: list[tuple[str, str, list[str]]]) -> None:
    for action, what, expected in steps:
        if action == "say":
            outputs = await harness.say(user, what)  # type: ignore[arg-type]
        else:
            outputs = await harness.tap(user, what)  # type: ignore[arg-type]
        said = texts(outputs)
        for fragment in expected:
            assert fragment in said, f"after {action} {what!r}: {fragment!r} not in\n{said}"


async def stored(harness: Harness, user_id: int) -> User:
    async with harness.services.sessions() as session:
        user = await session.get(User, user_id)
    assert user is not None
    return user


async def test_onboarding_with_taps(harness: Harness) -> None:
    alice = harness.emu.user("Alice")
    await play(harness, alice, WITH_TAPS)
    user = await stored(harness, alice.id)
    assert (user.timezone, user.checkin_time) == ("Europe/Berlin", time(10, 0))
    assert (user.bad_day_minutes, user.good_day_minutes) == (3, 15)
    assert user.activities == ["taichi"]
    assert user.onboarded and user.dialog is None and user.next_prompt_at is not None


async def test_start_again_carries_on_then_welcomes_back(harness: Harness) -> None:
    """A second /start half way carries on at the open step (no second welcome); /start once
    set up says when the check-in comes and changes nothing."""
    ola = harness.emu.user("Ola")
    await play(harness, ola, [
        ("say", "/start", ["Hi Ola", "Small Steps", "Which time zone"]),
        ("tap", "Berlin", ["When should I check in"]),
        ("say", "/start", ["carry on where we left off, Ola", "When should I check in"]),
        ("say", "9:30", ["bad day"]),
        ("tap", "Skip", ["good day"]),
        ("tap", "Skip", ["Which kinds"]),
        ("tap", "Done", ["All set"]),
        ("say", "/start", ["Welcome back, Ola", "check-in is at 09:30 (Europe/Berlin)"]),
    ])  # fmt: skip
    said = texts(await harness.say(ola, "/start"))
    assert "Small Steps" not in said and "Which time zone" not in said
    user = await stored(harness, ola.id)
    assert user.onboarded and user.dialog is None


async def test_a_button_of_an_earlier_step_saves_and_the_open_step_stays(
    harness: Harness,
) -> None:
    """The zone typed, then a zone tapped on the first question: saved (a popup), and the
    check-in time is still what is asked."""
    pia = harness.emu.user("Pia")
    await harness.say(pia, "/start")
    assert "When should I check in" in texts(await harness.say(pia, "Berlin"))
    first = harness.message_with(pia, "Which time zone")
    await harness.tap(pia, "London", message=first)
    assert harness.popups()[-1] == "Saved ✓"
    user = await stored(harness, pia.id)
    assert (user.timezone, user.dialog) == ("Europe/London", "onboard:time")
    assert "bad day" in texts(await harness.say(pia, "9:00"))


async def test_onboarding_with_typed_answers(harness: Harness) -> None:
    bob = harness.emu.user("Bob")
    await play(harness, bob, WITH_TYPING)
    user = await stored(harness, bob.id)
    assert (user.timezone, user.checkin_time) == ("America/New_York", time(21, 30))
    assert (user.bad_day_minutes, user.good_day_minutes) == (5, 15)


async def test_every_step_can_be_skipped(harness: Harness) -> None:
    cara = harness.emu.user("Cara")
    await harness.say(cara, "/start")
    for _ in range(4):
        await harness.tap(cara, "Skip")
    outputs = await harness.tap(cara, "Done")
    assert "All set" in texts(outputs)
    user = await stored(harness, cara.id)
    assert (user.timezone, user.checkin_time) == ("UTC", time(9, 0))
    assert user.onboarded


async def test_cancel_during_onboarding_keeps_answers_and_defaults_the_rest(
    harness: Harness,
) -> None:
    dan = harness.emu.user("Dan")
    await harness.say(dan, "/start")
    await harness.tap(dan, "London")
    said = texts(await harness.say(dan, "/cancel"))
    assert "kept what you answered" in said
    assert "All set, Dan" in said and "every day at 09:00 (Europe/London)" in said
    user = await stored(harness, dan.id)
    assert user.timezone == "Europe/London" and user.onboarded and user.dialog is None


async def test_settings_change_the_time_zone(harness: Harness) -> None:
    eve = harness.emu.user("Eve")
    await harness.say(eve, "/start")
    for _ in range(4):
        await harness.tap(eve, "Skip")
    await harness.tap(eve, "Done")
    menu = await harness.say(eve, "/settings")
    assert "Your settings" in texts(menu)
    await harness.tap(eve, "Time zone")
    outputs = await harness.say(eve, "Sydney")
    assert "Saved" in texts(outputs) and "Australia/Sydney" in texts(outputs)
    assert (await stored(harness, eve.id)).timezone == "Australia/Sydney"
    # The question is answered: a place named next is no new answer to it.
    said = texts(await harness.say(eve, "Berlin"))
    assert "Saved" not in said
    assert (await stored(harness, eve.id)).timezone == "Australia/Sydney"


async def test_the_weekly_summary_moves_with_a_new_time_zone(harness: Harness) -> None:
    """Set up in Berlin, moved to New York the same Sunday: the summary comes at 19:00 in New
    York (00:00 UTC on Monday), not at Berlin's 19:00 (18:00 UTC)."""

    h = harness
    h.clock.set(datetime(2026, 11, 29, 8, tzinfo=UTC))  # a Sunday, both zones on winter time
    ned = h.emu.user("Ned")
    await onboard(h, ned, zone="Berlin")
    await h.tick()  # a first round of the outboxes while the zone is still Berlin's
    await h.say(ned, "/settings")
    await h.tap(ned, "Time zone")
    assert "America/New_York" in texts(await h.say(ned, "new york"))
    seven_pm_new_york = datetime(2026, 11, 30, 0, tzinfo=UTC)
    while h.clock.now() < seven_pm_new_york - timedelta(minutes=30):  # past Berlin's 19:00
        h.clock.advance(timedelta(minutes=30))
        await h.tick()
    second = timedelta(seconds=1)
    for when, sent in (
        (seven_pm_new_york - second, 0),
        (seven_pm_new_york, 1),
        (seven_pm_new_york + second, 1),
    ):
        h.clock.freeze(when)
        await h.tick()
        summaries = [
            m for m in h.emu.messages(ned) if "Your week" in str(m.get("caption") or m.get("text"))
        ]
        assert len(summaries) == sent, when
    h.clock.unfreeze()


async def test_settings_pause_resume_and_close(harness: Harness) -> None:
    """Pause and resume from the menu say so in a popup and show the menu again; Close says
    the settings are saved and closes a step left open on an older menu."""
    h = harness
    quinn = h.emu.user("Quinn")
    await onboard(h, quinn)
    await h.say(quinn, "/settings")
    said = texts(await h.tap(quinn, "Pause daily check-in"))
    assert "Daily check-ins paused" in h.popups()[-1]
    assert "Daily check-in paused: yes" in said and "Resume daily check-in" in said
    assert (await stored(h, quinn.id)).paused
    said = texts(await h.tap(quinn, "Resume daily check-in"))
    assert "on again" in h.popups()[-1]
    assert "Daily check-in paused: no" in said and "Pause daily check-in" in said
    assert not (await stored(h, quinn.id)).paused
    older = h.message_with(quinn, "Your settings")
    await h.say(quinn, "/settings")
    await h.tap(quinn, "Time zone")
    said = texts(await h.tap(quinn, "Close", message=older))
    assert "Your settings are saved" in said
    assert (await stored(h, quinn.id)).dialog is None
    assert "Saved" not in texts(await h.say(quinn, "Sydney"))
    assert (await stored(h, quinn.id)).timezone == "Europe/Berlin"
    await h.tap_data(quinn, older, "set:retired")  # a choice the menu no longer has
    assert "no longer works" in h.popups()[-1]
    assert (await stored(h, quinn.id)).dialog is None


async def test_settings_before_set_up_and_again_with_a_step_open(harness: Harness) -> None:
    """/settings before the set-up is done points to /start; /settings with a settings step
    open closes the step and shows the menu again."""
    h = harness
    rex = h.emu.user("Rex")
    assert "send /start" in texts(await h.say(rex, "/settings"))
    await h.say(rex, "/start")
    said = texts(await h.say(rex, "/settings"))
    assert "send /start" in said and "Your settings" not in said
    await h.say(rex, "Berlin")
    await h.say(rex, "9:00")
    await h.tap(rex, "Skip")
    await h.tap(rex, "Skip")
    await h.tap(rex, "Done")
    await h.say(rex, "/settings")
    await h.tap(rex, "Time zone")
    assert "Your settings" in texts(await h.say(rex, "/settings"))
    assert (await stored(h, rex.id)).dialog is None
    await h.say(rex, "Sydney")
    assert (await stored(h, rex.id)).timezone == "Europe/Berlin"


async def test_a_settings_button_before_set_up_points_to_start(harness: Harness) -> None:
    sam = harness.emu.user("Sam")
    await harness.say(sam, "/start")
    question = harness.message_with(sam, "Which time zone")
    await harness.tap_data(sam, question, "set:tz")
    assert "send /start" in harness.popups()[-1]
    assert (await stored(harness, sam.id)).dialog == "onboard:tz"


async def test_a_set_up_button_after_delete_points_to_start(harness: Harness) -> None:
    """Half set up, then /delete: a zone tapped on the old question stores nothing and points
    to /start."""
    from tests.e2e.test_erasure import delete

    una = harness.emu.user("Una")
    await harness.say(una, "/start")
    question = harness.message_with(una, "Which time zone")
    await delete(harness, una)
    await harness.tap(una, "London", message=question)
    assert "send /start" in harness.popups()[-1]
    async with harness.services.sessions() as session:
        assert await session.get(User, una.id) is None


async def test_symptoms_typed_in_settings_ask_for_the_buttons(harness: Harness) -> None:
    tia = harness.emu.user("Tia")
    await onboard(harness, tia)
    await harness.say(tia, "/settings")
    await harness.tap(tia, "Symptom tips")
    said = texts(await harness.say(tia, "sleep"))
    assert "please tap the buttons" in said and "tips for any of these" in said
    assert (await stored(harness, tia.id)).symptom_tags == []


async def test_symptom_tips_in_settings(harness: Harness) -> None:
    fin = harness.emu.user("Fin")
    await harness.say(fin, "/start")
    for _ in range(4):
        await harness.tap(fin, "Skip")
    await harness.tap(fin, "Done")
    await harness.say(fin, "/settings")
    said = texts(await harness.tap(fin, "Symptom tips"))
    assert "tips for any of these" in said
    await harness.tap(fin, "Headaches")
    said = texts(await harness.tap(fin, "Sleep"))
    assert "✅ 🤕 Headaches" in said and "✅ 😴 Sleep" in said
    said = texts(await harness.tap(fin, "Done"))
    assert "Tips for: headaches, sleep" in said
    assert (await stored(harness, fin.id)).symptom_tags == ["headache", "sleep"]


async def test_onboarding_in_everyday_words(harness: Harness) -> None:
    gus = harness.emu.user("Gus")
    await play(harness, gus, IN_OWN_WORDS)
    user = await stored(harness, gus.id)
    assert (user.timezone, user.checkin_time) == ("Europe/London", time(8, 30))
    # "Not much" is the smallest plan on offer (the 0-2 minute button).
    assert (user.bad_day_minutes, user.good_day_minutes) == (1, 20)
    assert user.activities == ["walking", "yoga"]
    assert user.onboarded


async def test_more_everyday_answers(harness: Harness) -> None:
    hal = harness.emu.user("Hal")
    await play(harness, hal, [
        ("say", "/start", ["Which time zone"]),
        ("say", "munich", ["When should I check in", "Europe/Berlin"]),
        ("say", "2599", ["didn't get \"2599\" as a time", "When should I check in"]),
        ("say", "in the evening", ["What time in the evening", "When should I check in"]),
        ("say", "9ish", ["bad day"]),
        ("say", "maybe 5 minutes", ["good day"]),
        ("say", "a quarter of an hour", ["Which kinds"]),
        ("say", "swimming and tai chi", ["All set", "09:00", "Europe/Berlin"]),
    ])  # fmt: skip
    user = await stored(harness, hal.id)
    assert (user.timezone, user.checkin_time) == ("Europe/Berlin", time(9, 0))
    assert (user.bad_day_minutes, user.good_day_minutes) == (5, 15)
    assert user.activities == ["water", "taichi"]


# A zone's own name is kept only when it is an Area/City name ("US/Eastern", which no place
# search finds); an old one-word name ("Japan") is read as the place, a made-up "Area/City" too.
async def test_a_range_keeps_the_persons_own_bound_for_each_day(harness: Harness) -> None:
    """The bad day takes a range's lower end, the good day its upper end."""
    lou = harness.emu.user("Lou")
    await play(harness, lou, [
        ("say", "/start", ["Which time zone"]),
        ("say", "Berlin", ["When should I check in"]),
        ("say", "9:00", ["bad day"]),
        ("say", "5 or 10", ["good day"]),
        ("say", "maybe 15 or 20 mins", ["Which kinds"]),
        ("tap", "Done", ["All set", "roughly 5-20 minutes"]),
    ])  # fmt: skip
    user = await stored(harness, lou.id)
    assert (user.bad_day_minutes, user.good_day_minutes) == (5, 20)


# The good day defaults to 10 minutes: a bad day above it raises it, a bad day up to it leaves it.
@pytest.mark.parametrize(("bad", "shown"), [("9", "9-10"), ("10", "10-10"), ("11", "11-11")])
async def test_a_bad_day_never_above_the_good_day(harness: Harness, bad: str, shown: str) -> None:
    nia = harness.emu.user("Nia")
    await play(harness, nia, [
        ("say", "/start", ["Which time zone"]),
        ("say", "Berlin", ["When should I check in"]),
        ("say", "9:00", ["bad day"]),
        ("say", bad, ["good day"]),
        ("tap", "Skip", ["Which kinds"]),
        ("tap", "Done", ["All set", f"roughly {shown} minutes"]),
    ])  # fmt: skip


async def test_a_country_not_on_file_is_asked_again(harness: Harness) -> None:
    mo = harness.emu.user("Mo")
    await play(harness, mo, [
        ("say", "/start", ["Which time zone"]),
        ("say", "Berlin", ["When should I check in"]),
        ("say", "9:00", ["bad day"]),
        ("tap", "Skip", ["good day"]),
        ("tap", "Skip", ["Which kinds"]),
        ("tap", "Done", ["All set"]),
        ("say", "/settings", ["Helplines for: Germany"]),
        ("tap", "Helpline country", ["type the country"]),
        ("say", "Narnia", ["couldn't match \"Narnia\" to a country", "type the country"]),
        ("say", "/settings", ["Helplines for: Germany"]),
    ])  # fmt: skip
    user = await stored(harness, mo.id)
    assert user.country is None


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Berlin, Germany", "Europe/Berlin"), ("munich", "Europe/Berlin"),
        ("Japan", "Asia/Tokyo"), ("Berlin/Germany", "Europe/Berlin"), ("US/Eastern", "US/Eastern"),
    ],
)  # fmt: skip
async def test_places_by_name(harness: Harness, typed: str, zone: str) -> None:
    ivy = harness.emu.user("Ivy")
    await harness.say(ivy, "/start")
    said = texts(await harness.say(ivy, typed))
    assert "When should I check in" in said and zone in said
    assert (await stored(harness, ivy.id)).timezone == zone


@pytest.mark.parametrize("typed", ["2599", "0960", "²¹³⁰x", "99:99", "٩٩٩٩"])
async def test_impossible_times_are_asked_again_never_crash(harness: Harness, typed: str) -> None:
    jo = harness.emu.user("Jo")
    await harness.say(jo, "/start")
    await harness.tap(jo, "Skip")
    said = texts(await harness.say(jo, typed))
    assert "didn't get" in said and "When should I check in" in said
    said = texts(await harness.say(jo, "²¹³⁰"))  # superscript digits: read as 21:30
    assert "bad day" in said
    assert (await stored(harness, jo.id)).checkin_time == time(21, 30)


async def test_settings_accept_a_sentence_for_activities(harness: Harness) -> None:
    kit = harness.emu.user("Kit")
    await harness.say(kit, "/start")
    for _ in range(4):
        await harness.tap(kit, "Skip")
    await harness.tap(kit, "Done")
    await harness.say(kit, "/settings")
    await harness.tap(kit, "Activities")
    said = texts(await harness.say(kit, "gentle stretches and the exercise bike"))
    assert "Saved" in said
    assert (await stored(harness, kit.id)).activities == ["bike", "stretching"]


async def test_joining_from_a_groups_link_suggests_the_groups_zone(harness: Harness) -> None:
    from tests.e2e.test_groups import START, create, new_group, tap

    h = harness
    h.clock.set(START)
    ana = h.emu.user("Ana")
    await onboard(h, ana)
    lea = h.emu.user("Lea")  # has never talked to the bot
    family = await new_group(h, "Family", ana, lea)
    message = await create(h, ana, family, zone="Berlin")
    await tap(h, lea, message, "Join")
    link = h.emu.callback_answers[-1].url or ""
    said = texts(await h.say(lea, f"/start {link.split('=')[1]}"))
    assert "You're in" in said and "Which time zone" in said
    assert "Skip keeps Europe/Berlin" in said  # the group's zone, not the bot's UTC default
    said = texts(await h.tap(lea, "Skip"))
    assert "When should I check in" in said and "Europe/Berlin" in said
    assert (await stored(h, lea.id)).timezone == "Europe/Berlin"


async def test_a_set_up_person_keeps_their_zone_when_joining_by_link(harness: Harness) -> None:
    from tests.e2e.test_groups import START, create, new_group

    h = harness
    h.clock.set(START)
    ana, max_ = h.emu.user("Ana"), h.emu.user("Max")
    await onboard(h, ana)
    await onboard(h, max_, zone="Sydney")
    family = await new_group(h, "Family", ana, max_)
    await create(h, ana, family, zone="Berlin")
    said = texts(await h.say(max_, f"/start j{await _code(h)}"))
    assert "You're in" in said
    assert (await stored(h, max_.id)).timezone == "Australia/Sydney"


async def _code(h: Harness) -> str:
    from sqlalchemy import select

    from bot.db.models import Challenge

    async with h.services.sessions() as session:
        codes = (await session.scalars(select(Challenge.code))).all()
    assert codes
    return codes[-1]
