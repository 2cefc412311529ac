"""Everyday messages end to end, written as dialogues.

Each row is (person says, the reply must contain, the reply must not contain).
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.db.models import CheckIn, User
from bot.devtools.emulator import FakeUser
from bot.domain import intents as domain
from bot.usecases.intents import tip_seed
from tests.harness import Harness, Row, onboard, texts
from tests.harness import talk as dialogue

FALLBACK = "Is it about today?"
OLD_FALLBACK = "buttons and a few commands"
NUMBER_HINT = "number from 0 to 10"
NEVER = (OLD_FALLBACK, NUMBER_HINT)
REST_OFFER = "If today needs to be a rest day"
WAITING = "check-in is waiting where you left it"
SAME = "Same as yesterday"


async def talk(h: Harness, person: FakeUser, rows: list[Row]) -> None:
    """A dialogue table in which no reply is a fallback or a misplaced check-in question."""
    await dialogue(h, person, rows, never=NEVER)


async def test_everyday_messages_outside_a_dialogue(harness: Harness) -> None:
    ann = harness.emu.user("Ann")
    await onboard(harness, ann)
    await talk(harness, ann, [
        ("hi", ("Hi Ann", "Today's plan", "Check in", "Progress", "Help"), (FALLBACK,)),
        ("thanks!", ("You're very welcome",), (FALLBACK,)),
        ("help", ("in your own words", "/help", "Today's plan"), (FALLBACK,)),
        ("how do i see my progress", ("/progress",), (FALLBACK,)),
        ("how do I export my data?", ("/export",), (FALLBACK,)),
        ("how do i delete my data", ("/delete",), (FALLBACK,)),
        # A rest day is offered for tiredness and pain all over, not for a sore neck.
        ("my neck is killing me", ("neck", "💡"), (FALLBACK, REST_OFFER, "Rest today")),
        ("i'm so tired", ("tiredness is real", "💡", REST_OFFER, "Rest today"), (FALLBACK,)),
        # The tip fits the symptom: aching legs have one, warmth.
        ("my legs ache", ("legs", "💡 Warmth can help tight muscles"), (FALLBACK,)),
        ("any tips for sleep?", ("Poor nights", "💡"), (FALLBACK,)),
        # Feeling worse offers a check-in (it makes today's plan lighter); better needs nothing.
        ("feeling worse today", ("sorry today is harder", "Check in"), (FALLBACK,)),
        ("feeling better today", ("lovely to hear",), (FALLBACK, "Check in", "[1]")),
        ("brain fog is awful today", ("fog", "💡"), (FALLBACK,)),
        # Nothing read: a short choice, never a guess.
        ("walked to the shop and back",
         (FALLBACK, "Rest today", "See today's plan", "Just telling you"), ()),
    ])  # fmt: skip


async def test_skip_today_is_a_kind_rest_that_counts_as_on_plan(harness: Harness) -> None:
    ben = harness.emu.user("Ben")
    await onboard(harness, ben)
    await talk(harness, ben, [
        ("I'm exhausted, can I skip today?", ("Rest it is", "counts as on plan"), (FALLBACK,)),
    ])  # fmt: skip
    async with harness.services.sessions() as session:
        rows = list(
            (await session.execute(select(CheckIn).where(CheckIn.user_id == ben.id))).scalars()
        )
    # Stored as the check-in's "Planned rest" answer about today, on the next day's row.
    [row] = rows
    assert row.movement == "rest" and row.pain is None
    # Tomorrow's check-in does not ask about movement again.
    harness.clock.advance(timedelta(days=1))
    await harness.say(ben, "/checkin")
    for label in ("4", "No", "3", "6", "7"):
        said = texts(await harness.tap(ben, label))
    assert "did you do your movement" not in said and "Anything else" in said


async def test_can_i_do_more_depends_on_the_day(harness: Harness) -> None:
    cat = harness.emu.user("Cat")
    await onboard(harness, cat)
    await talk(harness, cat, [
        ("feeling great, can I do more today?", ("Pacing", "Today's plan"), (FALLBACK,)),
    ])  # fmt: skip
    # A steady day: an optional extra within the weekly step.
    await harness.say(cat, "/checkin")
    for label in ("3", "No", "2", "7", "7", "Yes", "Skip"):
        await harness.tap(cat, label)
    await talk(harness, cat, [
        ("feeling great, can I do more today?", ("extra minute", "left in the tank"),
         (FALLBACK,)),
    ])  # fmt: skip
    # A flare day: never more than the plan.
    dee = harness.emu.user("Dee")
    await onboard(harness, dee)
    await harness.say(dee, "/checkin")
    await harness.tap(dee, "8")
    await harness.tap(dee, "Yes")
    said = texts(await harness.say(dee, "can i do more today"))
    assert "extra minute" not in said and FALLBACK not in said, said
    # The flare-day plan has no session: rest is the right amount (no minutes to stay with).
    assert "right amount for today" in said and "pacing win" not in said, said
    # A symptom on that day still gets its kind line and a tip.
    said = texts(await harness.say(dee, "my neck is killing me"))
    assert "Sorry your neck" in said and "💡" in said, said


async def test_stop_offers_pause_with_a_button(harness: Harness) -> None:
    eli = harness.emu.user("Eli")
    await onboard(harness, eli)
    await talk(harness, eli, [("stop", ("pause", "Pause check-ins"), (FALLBACK,))])
    said = texts(await harness.tap(eli, "Pause check-ins"))
    assert "paused" in said
    async with harness.services.sessions() as session:
        user = await session.get(User, eli.id)
        assert user is not None and user.paused
    await talk(harness, eli, [("please stop", ("already paused",), (FALLBACK,))])


async def test_fallback_choice_buttons_work(harness: Harness) -> None:
    fay = harness.emu.user("Fay")
    await onboard(harness, fay)
    await harness.say(fay, "banana")
    said = texts(await harness.tap(fay, "Just telling you"))
    assert "Noted" in said and FALLBACK not in said
    await harness.say(fay, "banana bread for tea")
    said = texts(await harness.tap(fay, "See today's plan"))
    assert "How is your pain today" in said


async def test_mid_checkin_messages_are_answered_and_the_question_offered_again(
    harness: Harness,
) -> None:
    gus = harness.emu.user("Gus")
    await onboard(harness, gus)
    await harness.say(gus, "/checkin")
    await talk(harness, gus, [
        # No day before this one: nothing to copy, so no "Same as yesterday".
        ("my neck is killing me", ("neck", "💡", "where we were", "How is your pain"), (SAME,)),
        ("what does this mean?", ("simple bot", "How is your pain"), ()),
        ("hi", ("Hi Gus", "How is your pain"), ()),
        ("5", ("feel like a flare",), ()),
        ("help", ("in your own words", "feel like a flare"), ()),
    ])  # fmt: skip
    said = texts(await harness.say(gus, "stop"))
    assert "I'll stop asking" in said and "saved" in said and "feel like a flare" not in said
    # Pausing first, carrying on below it.
    rows = [line for line in said.splitlines() if line.startswith("[")]
    assert rows == ["[1] ⏸ Pause check-ins", "[2] ▶️ Carry on with the check-in"], said
    await talk(harness, gus, [("7", (FALLBACK,), ())])
    said = texts(
        await harness.tap(gus, "Carry on", message=harness.message_with(gus, "stop asking"))
    )
    assert "feel like a flare" in said


async def test_the_note_keeps_symptoms_as_notes(harness: Harness) -> None:
    hal = harness.emu.user("Hal")
    await onboard(harness, hal)
    await harness.say(hal, "/checkin")
    for label in ("4", "No", "3", "6", "7", "Some"):
        await harness.tap(hal, label)
    await talk(harness, hal, [("my neck is killing me", ("Today is saved",), ("Sorry your neck",))])


async def test_setup_steps_answer_and_ask_again(harness: Harness) -> None:
    ivy = harness.emu.user("Ivy")
    await harness.say(ivy, "/start")
    await talk(harness, ivy, [
        ("help", ("in your own words",), ()),
        ("stop", ("/cancel", "/settings"), ()),
        ("my neck is killing me", ("Sorry your neck", "💡", "time zone"), ()),
        ("thanks!", ("You're very welcome, Ivy", "time zone"), ()),
        ("ok", ("🙂 I'm here whenever you need me", "time zone"), ("welcome",)),
        ("how do i delete my data", ("/delete erases everything", "time zone"), ()),
        ("how do I export my data?", ("/export sends", "time zone"), ()),
    ])  # fmt: skip
    reply = texts(await harness.say(ivy, "hi"))
    assert "time zone" in reply.lower(), reply


STEADY = ("3", "No", "2", "7", "7", "Yes", "Skip")  # a full check-in: a steady day, 6 minutes


async def steady_day(h: Harness, person: FakeUser) -> None:
    """Today's full check-in, answered for a steady day (its plan follows)."""
    await h.say(person, "/checkin")
    for label in STEADY:
        said = texts(await h.tap(person, label))
    assert "Today's small step: 6 minutes" in said, said


async def test_the_greeting_menu_is_two_to_a_row_and_its_buttons_answer(harness: Harness) -> None:
    jo = harness.emu.user("Jo")
    await onboard(harness, jo)
    said = texts(await harness.say(jo, "hi"))
    rows = [line for line in said.splitlines() if line.startswith("[")]
    assert rows == ["[1] 📋 Today's plan  [2] ✍️ Check in", "[3] 📈 Progress  [4] ❓ Help"], said
    menu = harness.message_with(jo, "Hi Jo")
    said = texts(await harness.tap(jo, "Help", message=menu))
    assert "/checkin: today's check-in" in said, said
    said = texts(await harness.tap(jo, "Check in", message=menu))
    assert "How is your pain today" in said, said


async def test_hello_mentions_a_check_in_left_after_its_first_answer(harness: Harness) -> None:
    kit = harness.emu.user("Kit")
    await onboard(harness, kit)
    # Begun, nothing answered, stopped: nothing is waiting.
    await harness.say(kit, "/checkin")
    await harness.say(kit, "stop")
    said = texts(await harness.say(kit, "hi"))
    assert "Hi Kit" in said and WAITING not in said, said
    # The pain answered, then stopped: the rest is waiting, and the hello says so.
    await harness.say(kit, "/checkin")
    await harness.tap(kit, "4")
    await harness.say(kit, "stop")
    said = texts(await harness.say(kit, "hi"))
    assert "Hi Kit" in said and WAITING in said and "Today's plan" in said, said


async def test_can_i_do_more_after_a_see_a_doctor_reply_keeps_to_the_plan(
    harness: Harness,
) -> None:
    lou = harness.emu.user("Lou")
    await onboard(harness, lou)
    await steady_day(harness, lou)
    said = texts(await harness.say(lou, "my calf is swollen and warm"))
    assert "checked by a doctor" in said, said
    # A steady day would allow an extra minute; until a doctor has looked, the plan holds.
    said = texts(await harness.say(lou, "can I do more today?"))
    assert "staying with your plan of 6 minutes is the pacing win" in said, said
    assert "extra minute" not in said and "right amount for today" not in said, said


async def test_resting_after_moving_today_is_welcomed_as_it_is(harness: Harness) -> None:
    mo = harness.emu.user("Mo")
    await onboard(harness, mo)
    await steady_day(harness, mo)
    await harness.say(mo, "i did my walk")
    said = texts(await harness.say(mo, "can I skip today?"))
    assert "You've already moved today, so resting now is exactly right" in said, said
    assert "Rest it is" not in said, said


async def test_same_as_yesterday_comes_back_only_with_the_pain_question(harness: Harness) -> None:
    ned = harness.emu.user("Ned")
    await onboard(harness, ned)
    await steady_day(harness, ned)
    harness.clock.advance(timedelta(days=1))
    await harness.say(ned, "/checkin")
    said = texts(await harness.say(ned, "my neck is killing me"))
    assert "where we were" in said and "How is your pain" in said and SAME in said, said
    await harness.tap(ned, "5")
    said = texts(await harness.say(ned, "my neck is killing me"))
    assert "where we were" in said and "feel like a flare" in said and SAME not in said, said


async def test_old_menu_buttons_before_setting_up_point_to_start(harness: Harness) -> None:
    """A menu still in the chat, tapped after deleting everything and again while setting up
    anew: a popup points to /start, and nothing else happens."""
    oz = harness.emu.user("Oz")
    await onboard(harness, oz)
    await harness.say(oz, "hi")
    menu = harness.message_with(oz, "Hi Oz")
    await harness.say(oz, "/delete")
    await harness.tap(oz, "Yes, delete everything")
    await harness.tap(oz, "Delete now, for good")
    said = texts(await harness.tap(oz, "Today's plan", message=menu))
    popup = "".join(harness.popups()[-1:])
    assert "send /start" in popup and said == "", (popup, said)
    await harness.say(oz, "/start")
    said = texts(await harness.tap(oz, "Today's plan", message=menu))
    popup = "".join(harness.popups()[-1:])
    assert "send /start" in popup and said == "", (popup, said)


async def test_a_bit_more_and_settings_from_a_which_is_it(harness: Harness) -> None:
    pam = harness.emu.user("Pam")
    await onboard(harness, pam)
    said = texts(await harness.say(pam, "can i do more today or should i rest?"))
    assert "Which is it?" in said and "A bit more today" in said, said
    question = harness.message_with(pam, "Which is it?")
    said = texts(await harness.tap(pam, "A bit more today", message=question))
    assert "Let's see how today looks first" in said and "Today's plan" in said, said
    # Settings, as an older "which is it?" offered it.
    said = texts(await harness.tap_data(pam, question, "in:settings"))
    assert "Happy to change that" in said and "Settings" not in said.splitlines()[0], said


async def test_asking_for_today_in_other_words_mid_check_in_gets_the_plan_way(
    harness: Harness,
) -> None:
    """Someone asking "what are we doing?" wants today's plan, as with "what should I do today?":
    check-in too, the plan's two quick questions come, never the "didn't understand" choice."""
    quin = harness.emu.user("Quin")
    await onboard(harness, quin)
    await harness.say(quin, "/checkin")
    said = texts(await harness.say(quin, "what are we doing?"))
    assert "Two quick taps first" in said and "How is your pain today" in said, said
    assert FALLBACK not in said and "Just telling you" not in said, said
    await harness.tap(quin, "3")
    said = texts(await harness.tap(quin, "No"))
    assert "Today's small step" in said, said


async def test_a_tip_naming_the_plan_only_on_a_day_with_a_session(
    harness: Harness,
) -> None:
    """On a day whose sleep tips start at the one naming today's minutes, a person with no plan
    yet gets the next sleep tip, never none; once today's session is planned, that one, with
    its minutes."""
    rae = harness.emu.user("Rae")
    await onboard(harness, rae)
    tips = [
        domain.TipItem(key=i.key, tags=i.tags, category=i.category, day_types=i.day_types)
        for i in harness.services.catalogue
        if i.kind == "tip"
    ]
    candidates = domain.tip_candidates(tips, "sleep")
    assert "tip.sleep.move_earlier" in candidates
    today = harness.clock.now().astimezone(ZoneInfo("Europe/Berlin")).date()

    def first_tip(days: int) -> str:
        seed = tip_seed(rae.id, today + timedelta(days=days), "sleep")
        return domain.tip_order(candidates, seed)[0]

    days = next(d for d in range(60) if first_tip(d) == "tip.sleep.move_earlier")
    harness.clock.advance(timedelta(days=days))
    said = texts(await harness.say(rae, "any tips for sleep?"))
    assert "Poor nights" in said and "💡 Lying awake? Relax one part at a time" in said, said
    await steady_day(harness, rae)
    said = texts(await harness.say(rae, "any tips for sleep?"))
    assert "💡 Light movement earlier" in said and "fit your 6 minutes in" in said, said
