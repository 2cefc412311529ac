"""The safety conversation end to end, written as dialogues: who says what, what the bot answers.

Each row is (person does, the reply must contain, the reply must not contain).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.db.models import SafetyEvent, User
from bot.devtools.emulator import FakeUser, buttons
from bot.domain.safety.conversation import CRISIS_WINDOW
from tests.harness import Harness, Row, onboard, texts
from tests.harness import talk as dialogue

FALLBACK = "buttons and a few commands"
PAIN_QUESTION = "How is your pain"
NUMBER_HINT = "number from 0 to 10"
DIRECTORY = "not known (I'll use an international directory)"
NEVER = (FALLBACK, PAIN_QUESTION, NUMBER_HINT, "Today's small step")


async def talk(h: Harness, person: FakeUser, rows: list[Row]) -> None:
    """A dialogue table in which no reply is a fallback or a misplaced check-in question."""
    await dialogue(h, person, rows, never=NEVER)


async def person_in(h: Harness, name: str, zone: str) -> FakeUser:
    """A set-up person in a zone, check-in at 09:00."""
    someone = h.emu.user(name)
    await onboard(h, someone, zone, "09:00")
    return someone


async def next_follow_up(h: Harness, person: FakeUser) -> str:
    """Move the clock on an hour at a time until the gentle follow-up arrives; its text."""
    for _ in range(48):
        h.clock.advance(timedelta(hours=1))
        await h.tick()
        latest = str(h.emu.messages(person)[-1]["text"])
        if "after yesterday" in latest:
            return latest
    raise AssertionError("no follow-up within two days")


async def stored(h: Harness, person: FakeUser) -> User:
    async with h.services.sessions() as session:
        found = await session.get(User, person.id)
        assert found is not None
        return found


@pytest.mark.parametrize(
    "answer",
    ["yes", "yeah", "yes I am", "maybe", "idk maybe", "i have a plan", "i just feel so alone"],
)
async def test_any_yes_to_the_crisis_question_stays_with_the_person(
    harness: Harness, answer: str
) -> None:
    uma = await person_in(harness, "Uma", "Europe/London")
    await talk(harness, uma, [
        ("honestly i'm not sure i want to live anymore", ("ending your life", "116 123"), ()),
        (answer, ("116 123", "through this alone", "automated", "999"), ("ending your life",)),
        # Still in the conversation: more distress is answered, never with a fallback.
        ("nobody would even notice", ("116 123",), ()),
    ])  # fmt: skip
    user = await stored(harness, uma)
    assert user.safety_open is not None and user.prompts_paused_until is not None


async def test_a_yes_in_the_middle_of_a_check_in_is_not_a_pain_rating(harness: Harness) -> None:
    ana = await person_in(harness, "Ana", "America/New_York")
    await harness.tap(ana, "Check in now")
    await talk(harness, ana, [
        ("i took a bunch of extra pills on purpose last night", ("988", "ending your life"), ()),
        ("yes", ("988", "911", "through this alone"), ()),
        ("5", (), ()),  # in the conversation's window: an ordinary message, not a rating
    ])  # fmt: skip


async def test_no_leaves_the_door_open_and_unclear_is_asked_once_more(harness: Harness) -> None:
    ben = await person_in(harness, "Ben", "Europe/Berlin")
    await talk(harness, ben, [
        ("if i don't wake up tomorrow that'd be fine", ("ending your life", "0800 111 0 111"), ()),
        ("hm", ("ask gently once more", "0800 111 0 111"), ()),
        ("no, you misunderstood", ("glad", "0800 111 0 111"), ("ask gently",)),
    ])  # fmt: skip
    cai = await person_in(harness, "Cai", "Europe/Berlin")
    await talk(harness, cai, [
        ("I've got enough pills saved", ("ending your life",), ()),
        ("what", ("ask gently once more",), ()),
        ("hmm", ("0800 111 0 111", "112"), ("ask gently",)),
    ])  # fmt: skip


async def test_the_next_day_follow_up_understands_worded_answers(harness: Harness) -> None:
    dee = await person_in(harness, "Dee", "Australia/Sydney")
    await talk(harness, dee, [("i want to end it all", ("13 11 14", "000"), ())])
    follow_up = await next_follow_up(harness, dee)
    assert "13 11 14" in follow_up and "000" in follow_up
    await talk(harness, dee, [
        ("still pretty rough tbh, didn't sleep", ("sorry", "13 11 14", "tomorrow"), ()),
    ])  # fmt: skip
    # Rough: another gentle follow-up the next day, and no daily prompt before it.
    assert PAIN_QUESTION not in await next_follow_up(harness, dee)
    assert not any(PAIN_QUESTION in str(m["text"]) for m in harness.emu.messages(dee)[-3:])
    await talk(harness, dee, [("a bit better today thanks", ("glad", "check-in is back"), ())])
    user = await stored(harness, dee)
    assert user.safety_open is None and user.prompts_paused_until is None
    # And the daily prompt is back the day after.
    harness.clock.advance(timedelta(days=1))
    await harness.tick()
    assert PAIN_QUESTION in str(harness.emu.messages(dee)[-1]["text"])


async def test_not_safe_at_the_follow_up_gets_the_crisis_line_again(harness: Harness) -> None:
    eli = await person_in(harness, "Eli", "America/Toronto")
    await talk(harness, eli, [("i can't go on", ("988",), ())])
    await next_follow_up(harness, eli)
    await talk(harness, eli, [("not safe", ("988", "911"), ("glad",))])


async def test_emergency_follow_up_answers_in_words(harness: Harness) -> None:
    fay = await person_in(harness, "Fay", "Europe/Madrid")
    await talk(harness, fay, [("sudden crushing chest pain", ("112", "urgent"), ())])
    await next_follow_up(harness, fay)
    await talk(harness, fay, [("still not great tbh", ("doctor today", "112"), ())])


# Zone -> what the crisis reply must name (the country's line and its emergency number).
HELPLINES = [
    ("America/New_York", ("988", "911")),
    ("America/Toronto", ("988", "911")),
    ("Europe/London", ("116 123", "999")),
    ("Europe/Dublin", ("116 123", "112")),
    ("Europe/Berlin", ("0800 111 0 111", "112")),
    ("Europe/Madrid", ("024", "112")),
    ("Europe/Paris", ("3114", "112")),
    ("Australia/Sydney", ("13 11 14", "000")),
    ("America/Sao_Paulo", ("188", "192")),
]


@pytest.mark.parametrize(("zone", "numbers"), HELPLINES)
async def test_the_crisis_reply_names_the_countrys_numbers(
    harness: Harness, zone: str, numbers: tuple[str, ...]
) -> None:
    someone = await person_in(harness, "Hal", zone)
    reply = texts(await harness.say(someone, "i want to kill myself"))
    for number in numbers:
        assert number in reply, (zone, number, reply)
    assert "112, 911 or 999" not in reply


async def test_a_country_can_be_chosen_in_settings(harness: Harness) -> None:
    ivy = await person_in(harness, "Ivy", "Etc/UTC")
    reply = texts(await harness.say(ivy, "i want to die"))
    assert "findahelpline.com" in reply  # no country from a UTC zone: the directory
    await harness.say(ivy, "no")
    said = texts(await harness.say(ivy, "/settings"))
    assert f"Helplines for: {DIRECTORY}" in said
    asked = texts(await harness.tap(ivy, "Helpline country"))
    assert f"emergency number of {DIRECTORY}" in asked and "From my time zone" in asked
    said = texts(await harness.say(ivy, "Germny"))  # a typo still finds Germany
    assert "Germany" in said
    harness.clock.advance(timedelta(days=3))
    reply = texts(await harness.say(ivy, "I want to die"))
    assert "0800 111 0 111" in reply


async def test_from_my_time_zone_undoes_a_chosen_country(harness: Harness) -> None:
    uma = await person_in(harness, "Uma", "Europe/Berlin")
    await harness.say(uma, "/settings")
    await harness.tap(uma, "Helpline country")
    assert "Helplines for: Spain" in texts(await harness.say(uma, "Spain"))
    await harness.tap(uma, "Helpline country")
    said = texts(await harness.tap(uma, "From my time zone"))
    assert "Helplines for: Germany" in said
    assert (await stored(harness, uma)).country is None


async def test_a_zone_whose_country_has_no_numbers_on_file_is_shown_as_the_directory(
    harness: Harness,
) -> None:
    """Accra is in Ghana, which has no entry: the crisis reply gives the directory, and so
    /settings says the directory (never the bare code "GH" as if its line were on file)."""
    kofi = await person_in(harness, "Kofi", "Africa/Accra")
    said = texts(await harness.say(kofi, "/settings"))
    assert f"Helplines for: {DIRECTORY}" in said and "GH" not in said
    reply = texts(await harness.say(kofi, "i want to die"))
    assert "findahelpline.com" in reply


async def test_a_light_check_for_ambiguous_words_with_two_buttons(harness: Harness) -> None:
    jo = await person_in(harness, "Jo", "Europe/London")
    reply = texts(await harness.say(jo, "watched a documentary about suicide prevention"))
    assert "are you OK" in reply and "ending your life" not in reply
    said = texts(await harness.tap(jo, "I need help"))
    assert "116 123" in said and "999" in said
    user = await stored(harness, jo)
    assert user.safety_open is not None


async def test_a_caption_and_an_edit_are_screened(harness: Harness) -> None:
    kai = await person_in(harness, "Kai", "America/Chicago")
    await harness.emu.send_photo(kai, caption="been stockpiling my pills to take them all at once")
    await harness.settle()
    assert "988" in texts(await harness.emu.replies(kai, settle=0.02))
    lee = await person_in(harness, "Lee", "America/Chicago")
    sent = await harness.emu.send_text(lee, "slept ok")
    await harness.settle()
    await harness.emu.edit_text(lee, sent, "slept ok but now my chest is tight and my arm is numb")
    await harness.settle()
    assert "911" in texts(await harness.emu.replies(lee, settle=0.02))
    async with harness.services.sessions() as session:
        tiers = list(
            (
                await session.execute(select(SafetyEvent.tier).where(SafetyEvent.user_id == lee.id))
            ).scalars()
        )
    assert tiers == ["emergency"]


async def test_in_a_group_the_reply_goes_privately_and_the_group_sees_nothing(
    harness: Harness,
) -> None:
    mia = await person_in(harness, "Mia", "Europe/London")
    ned = harness.emu.user("Ned")  # never started the bot
    group = harness.emu.group("Walkers", members=(mia, ned))
    await harness.emu.send_text(mia, "@SmallStepsBot honestly i want to end it all", chat=group)
    await harness.settle()
    in_group = texts(await harness.emu.replies(group, settle=0.02))
    private = texts(harness.emu.messages(mia)[-1:])
    assert "116 123" in private and "ending your life" in private
    for secret in ("116 123", "end it all", "crisis", "ending your life", "999"):
        assert secret not in in_group
    # Someone who never started the bot: a neutral word and a private link, nothing else.
    await harness.emu.send_text(ned, "/help @SmallStepsBot my chest is crushing", chat=group)
    await harness.settle()
    in_group = texts(await harness.emu.replies(group, settle=0.02))
    assert "Ned" in in_group and "privately" in in_group
    for secret in ("chest", "112", "999", "emergency", "doctor"):
        assert secret not in in_group.lower()
    reply = texts(await harness.say(ned, "/start sf"))
    assert "something you wrote in a group" in reply
    assert "116 123" in reply or "findahelpline" in reply


async def test_a_reply_to_the_bot_in_a_group_is_screened(harness: Harness) -> None:
    ola = await person_in(harness, "Ola", "America/Denver")
    group = harness.emu.group("Buddies", members=(ola,))
    await harness.emu.send_text(ola, "/challenge", chat=group)
    await harness.settle()
    bot_said = harness.emu.messages(group)[-1]
    await harness.emu.send_text(ola, "cant breathe properly since this morning", chat=group,
                                reply_to=bot_said)  # fmt: skip
    await harness.settle()
    assert "911" in texts(harness.emu.messages(ola)[-1:])
    assert "911" not in texts(await harness.emu.replies(group, settle=0.02))


STAY = "through this alone"  # the reply that stays with the person inside the conversation


async def test_the_crisis_window_ends_exactly_a_day_later_and_distress_renews_it(
    harness: Harness,
) -> None:
    """The direct question is open for exactly CRISIS_WINDOW: a "yes" a microsecond before its
    end is answered in the crisis light, one at its end is an ordinary message. Every sign of
    distress starts the window again from that moment, so distress a day and a half after the
    first message is still met by the conversation, and the renewed window ends in its turn."""
    start = harness.clock.now()
    tick = timedelta(microseconds=1)
    late = await person_in(harness, "Lux", "Europe/London")
    early = await person_in(harness, "Eda", "Europe/London")
    try:
        harness.clock.freeze(start + timedelta(minutes=1))
        for person in (late, early):
            said = texts(await harness.say(person, "i want to end it all"))
            assert "ending your life" in said
        asked = harness.clock.now()
        harness.clock.freeze(asked + CRISIS_WINDOW - tick)
        assert STAY in texts(await harness.say(early, "yes"))
        harness.clock.freeze(asked + CRISIS_WINDOW)
        assert STAY not in texts(await harness.say(late, "yes"))
        # Renewed at asked + WINDOW - tick: still open just before its own end, then closed.
        renewed = asked + CRISIS_WINDOW - tick
        harness.clock.freeze(renewed + CRISIS_WINDOW - tick)
        assert STAY in texts(await harness.say(early, "i just feel so alone"))
        renewed = renewed + CRISIS_WINDOW - tick
        harness.clock.freeze(renewed + CRISIS_WINDOW)
        assert STAY not in texts(await harness.say(early, "i just feel so alone"))
    finally:
        harness.clock.unfreeze()


async def test_i_need_help_opens_the_conversation_for_exactly_a_day(harness: Harness) -> None:
    """The light check's "I need help" takes its buttons away and opens the conversation in
    its listening stage for CRISIS_WINDOW: distress a microsecond before the end is answered in
    the crisis light, at the end it is an ordinary message again."""
    tick = timedelta(microseconds=1)
    pia = await person_in(harness, "Pia", "Europe/London")
    quinn = await person_in(harness, "Quinn", "Europe/London")
    tapped = harness.clock.now() + timedelta(minutes=1)
    try:
        harness.clock.freeze(tapped)
        for person in (pia, quinn):
            await harness.say(person, "watched a documentary about suicide prevention")
            check = harness.message_with(person, "are you OK")
            assert "116 123" in texts(await harness.tap(person, "I need help", check))
            assert not buttons(harness.emu.current(check))
        harness.clock.freeze(tapped + CRISIS_WINDOW - tick)
        assert STAY in texts(await harness.say(pia, "i just feel so alone"))
        harness.clock.freeze(tapped + CRISIS_WINDOW)
        assert STAY not in texts(await harness.say(quinn, "i just feel so alone"))
    finally:
        harness.clock.unfreeze()


async def test_red_flags_pause_todays_prompt_and_each_person_gets_a_follow_up(
    harness: Harness,
) -> None:
    """An hour before the check-in time: a crisis, an emergency and "I need help" each hold back
    that day's pain question (the prompt of someone who said nothing still comes), and the person
    who asked for help gets their own gentle follow-up the next day, even though someone else's
    follow-up is already waiting."""
    calm = await person_in(harness, "Cal", "Europe/London")
    rae = await person_in(harness, "Rae", "Europe/London")
    sol = await person_in(harness, "Sol", "Europe/London")
    eve = await person_in(harness, "Eve", "Europe/London")
    harness.clock.set(datetime(2026, 4, 7, 7, 0, tzinfo=UTC))  # 08:00 in London
    assert "ending your life" in texts(await harness.say(rae, "i want to end it all"))
    await harness.say(sol, "watched a documentary about suicide prevention")
    assert "116 123" in texts(await harness.tap(sol, "I need help"))
    assert "999" in texts(await harness.say(eve, "sudden crushing chest pain"))
    harness.clock.set(datetime(2026, 4, 7, 8, 0, 5, tzinfo=UTC))  # 09:00:05 in London
    await harness.tick()
    assert PAIN_QUESTION in str(harness.emu.messages(calm)[-1]["text"])
    for person in (rae, sol, eve):
        assert PAIN_QUESTION not in texts(harness.emu.messages(person)[-2:])
    assert "116 123" in await next_follow_up(harness, sol)


async def test_a_crisis_closes_the_check_in_and_an_emergency_leaves_it_open(
    harness: Harness,
) -> None:
    """A crisis in the middle of a check-in closes the open question (check-ins are paused, so
    a "5" afterwards is not taken as today's pain); an emergency answers alone but leaves the
    check-in where it was, so the next answer still counts."""
    ana = await person_in(harness, "Ana", "America/New_York")
    await harness.tap(ana, "Check in now")
    assert "ending your life" in texts(await harness.say(ana, "i want to end it all"))
    assert (await stored(harness, ana)).dialog is None
    assert "feel like a flare" not in texts(await harness.say(ana, "5"))
    bo = await person_in(harness, "Bo", "America/New_York")
    await harness.tap(bo, "Check in now")
    assert "911" in texts(await harness.say(bo, "sudden crushing chest pain"))
    assert "feel like a flare" in texts(await harness.say(bo, "5"))


async def test_a_crisis_in_a_group_opens_the_conversation_in_private(harness: Harness) -> None:
    """A crisis written in a group is stored like one written in private: the direct question
    sent privately is open, so a "yes" in private is answered in the crisis light, and the
    next day's prompt gives way to the gentle follow-up."""
    ray = await person_in(harness, "Ray", "Europe/London")
    group = harness.emu.group("Strollers", members=(ray,))
    await harness.emu.send_text(ray, "@SmallStepsBot i want to end it all", chat=group)
    await harness.settle()
    assert "ending your life" in texts(harness.emu.messages(ray)[-1:])
    assert STAY in texts(await harness.say(ray, "yes"))
    assert "116 123" in await next_follow_up(harness, ray)


async def test_an_edit_is_read_for_the_light_check_and_otherwise_left_alone(
    harness: Harness,
) -> None:
    """An edited message is never an answer again: an edit without red flags gets no reply at
    all, and ambiguous words in an edit still get the light "are you OK?" check."""
    sam = await person_in(harness, "Sam", "America/Chicago")
    sent = await harness.emu.send_text(sam, "slept ok")
    await harness.settle()
    await harness.emu.replies(sam, settle=0.02)
    await harness.emu.edit_text(sam, sent, "slept ok, thanks")
    await harness.settle()
    assert await harness.emu.replies(sam, settle=0.02) == []
    await harness.emu.edit_text(sam, sent, "watched a documentary about suicide prevention")
    await harness.settle()
    assert "are you OK" in texts(await harness.emu.replies(sam, settle=0.02))


async def test_a_crisis_in_a_group_from_someone_who_blocked_the_bot_gets_the_neutral_word(
    harness: Harness,
) -> None:
    """Mia blocked the bot without it hearing so: her private crisis reply is refused, so the
    group gets the neutral word with the private link (as for someone who never started it),
    and she is marked inactive."""
    mia = await person_in(harness, "Mia", "Europe/London")
    group = harness.emu.group("Walkers", members=(mia,))
    harness.emu.state_of(mia).blocked = True  # no update about it reaches the bot
    await harness.emu.send_text(mia, "@SmallStepsBot honestly i want to end it all", chat=group)
    await harness.settle()
    in_group = texts(await harness.emu.replies(group, settle=0.02))
    assert "Mia" in in_group and "privately" in in_group, in_group
    for secret in ("116 123", "end it all", "crisis", "ending your life", "999"):
        assert secret not in in_group
    async with harness.services.sessions() as session:
        user = await session.get(User, mia.id)
    assert user is not None and not user.active
