"""Guards that only show in rare paths: each test here fails if its guard is removed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.db.models import PromptSent, User
from bot.domain.safety.conversation import FOLLOW_UP_WINDOW
from tests.e2e.test_safety_conversation import next_follow_up, person_in, talk
from tests.harness import Harness, onboard, texts

PROMPT = "Time for today's check-in"


def prompt_count(harness: Harness, user_id: int) -> int:
    return sum(
        1 for call in harness.emu.calls
        if call.method == "sendMessage" and PROMPT in str(call.params.get("text"))
        and str(call.params.get("chat_id")) == str(user_id)
    )  # fmt: skip


async def test_at_most_one_prompt_a_local_date_when_the_zone_changes(harness: Harness) -> None:
    """Prompted at 09:00 in Berlin, then moving to New York: 09:00 there is the same date."""
    harness.clock.set(datetime(2026, 6, 1, 5, 0, tzinfo=UTC))  # 07:00 in Berlin
    ute = harness.emu.user("Ute")
    await onboard(harness, ute, "Europe/Berlin", "09:00")
    harness.clock.set(datetime(2026, 6, 1, 7, 0, 30, tzinfo=UTC))  # 09:00 Berlin
    assert await harness.tick() == 1
    assert prompt_count(harness, ute.id) == 1
    await harness.say(ute, "/settings")
    await harness.tap(ute, "Time zone")
    said = texts(await harness.say(ute, "America/New_York"))
    assert "New_York" in said or "saved" in said.lower()
    # Every half hour until 09:00 in New York (13:00 UTC) and beyond: same local date, no prompt.
    while harness.clock.now() < datetime(2026, 6, 1, 16, 0, tzinfo=UTC):
        harness.clock.advance(timedelta(minutes=30))
        await harness.tick()
    assert prompt_count(harness, ute.id) == 1
    async with harness.services.sessions() as session:
        rows = await session.scalar(
            select(func.count()).select_from(PromptSent).where(PromptSent.user_id == ute.id)
        )
    assert rows == 1
    # The next local date in New York does get its prompt.
    while harness.clock.now() < datetime(2026, 6, 2, 14, 0, tzinfo=UTC):
        harness.clock.advance(timedelta(minutes=30))
        await harness.tick()
    assert prompt_count(harness, ute.id) == 2


async def test_the_crisis_follow_up_wins_over_the_emergency_one(harness: Harness) -> None:
    """Both raised on one day: the next day's follow-up carries the crisis line."""
    vic = harness.emu.user("Vic")
    await onboard(harness, vic, "Europe/London", "09:00")
    await harness.say(vic, "my chest is crushing and i can't breathe")
    await harness.say(vic, "and honestly i want to die")
    for _ in range(48):
        harness.clock.advance(timedelta(hours=1))
        await harness.tick()
        latest = str(harness.emu.messages(vic)[-1]["text"])
        if "after yesterday" in latest:
            break
    assert "116 123" in latest and "How are you doing today" in latest
    assert "hope you were able to get help" not in latest


async def test_the_emergency_follow_up_takes_its_answer_that_day(harness: Harness) -> None:
    """The day after an emergency reply comes "How are you today?": "much better" then gets
    the emergency's answer (glad; follow the advice you were given), not the crisis one's."""
    gus = await person_in(harness, "Gus", "Europe/Madrid")
    await talk(harness, gus, [("sudden crushing chest pain", ("112", "urgent"), ())])
    await next_follow_up(harness, gus)
    await talk(harness, gus, [
        ("much better today, thanks", ("glad to hear", "follow any advice"), ("really glad",)),
    ])  # fmt: skip


async def test_an_answer_after_the_follow_up_day_is_an_ordinary_message(
    harness: Harness,
) -> None:
    """Hal does not answer the follow-up for a day and more: "much better" then is an ordinary
    message, not a late answer to it."""
    hal = await person_in(harness, "Hal", "Europe/Madrid")
    await talk(harness, hal, [("sudden crushing chest pain", ("112", "urgent"), ())])
    await next_follow_up(harness, hal)
    harness.clock.advance(FOLLOW_UP_WINDOW + timedelta(minutes=1))
    said = texts(await harness.say(hal, "much better today, thanks"))
    assert "glad to hear" not in said and "follow any advice" not in said


async def test_a_follow_up_due_at_this_very_instant_goes_out_then(harness: Harness) -> None:
    """Ida's emergency at 10:00 in Madrid on 1 June: the follow-up is due at 09:00 on the 2nd,
    with her prompt; a tick at 09:00:00 sharp sends it (not a day later)."""
    ida = harness.emu.user("Ida")
    harness.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    await onboard(harness, ida, "Europe/Madrid", "09:00")
    harness.clock.set(datetime(2026, 6, 1, 8, tzinfo=UTC))
    await talk(harness, ida, [("sudden crushing chest pain", ("112", "urgent"), ())])
    harness.clock.freeze(datetime(2026, 6, 2, 7, tzinfo=UTC))
    try:
        assert await harness.tick() == 1
    finally:
        harness.clock.unfreeze()
    assert "after yesterday" in str(harness.emu.messages(ida)[-1]["text"])


async def test_an_unanswered_follow_up_is_not_sent_again(harness: Harness) -> None:
    """Jon leaves the follow-up unanswered: the next day brings his daily prompt, not the
    follow-up once more."""
    jon = await person_in(harness, "Jon", "Europe/Madrid")
    await talk(harness, jon, [("sudden crushing chest pain", ("112", "urgent"), ())])
    await next_follow_up(harness, jon)
    harness.clock.advance(timedelta(days=1))
    assert await harness.tick() == 1
    latest = str(harness.emu.messages(jon)[-1]["text"])
    assert PROMPT in latest and "after yesterday" not in latest


async def test_added_to_a_channel_the_bot_leaves_and_posts_nothing(harness: Harness) -> None:
    from bot.db.models import GroupChat
    from bot.devtools.emulator import FakeChat

    owner = harness.emu.user("Cora")
    channel = FakeChat(-1_005_555_555_555, "channel", title="Cora's news")
    harness.emu.world.add_chat(channel)
    await harness.emu.add_to_group(owner, channel)
    await harness.settle()
    calls = [c for c in harness.emu.calls if str(c.params.get("chat_id")) == str(channel.id)]
    assert [c.method for c in calls] == ["leaveChat"]
    async with harness.services.sessions() as session:
        stored = await session.scalar(
            select(func.count()).select_from(GroupChat).where(GroupChat.chat_id == channel.id)
        )
    assert stored == 0


async def test_popups_are_plain_text_within_telegrams_limit(harness: Harness) -> None:
    """A name with "&" and "<" reads as typed in a popup, and a long one still gets an answer."""
    from bot.devtools.emulator import buttons

    for name in ("Tom & <Jerry>", "<" * 64 + "&" * 64):
        starter, other = harness.emu.user(name), harness.emu.user("Ola")
        await onboard(harness, starter)
        group = harness.emu.group("Walkers", members=(starter, other))
        await harness.say(starter, "/challenge", chat=group)
        setup = next(m for m in reversed(harness.emu.messages(group)) if buttons(m))
        query = await harness.emu.tap(other, setup, buttons(setup)[0][1])
        await harness.settle()
        answer = harness.emu.answer_for(query)
        assert answer is not None and answer.text, name
        assert "&amp;" not in answer.text and "&lt;" not in answer.text
        assert len(answer.text) <= 200
        if len(name) < 20:
            assert name in answer.text


async def test_two_starts_at_once_welcome_once(harness: Harness) -> None:
    """Two /start updates of one person, stored together: one welcome, then the question."""
    pia = harness.emu.user("Pia")
    await harness.emu.send_text(pia, "/start")
    await harness.emu.send_text(pia, "/start")
    await harness.settle()
    said = texts(harness.emu.messages(pia))
    assert said.count("not a doctor") == 1, said
    assert "carry on" in said and said.count("Which time zone") == 2


# Buttons: forged, old, foreign and double taps ------------------------------------------------

STALE = "That button no longer works"


def data_of(message: dict[str, object] | None, fragment: str) -> str:
    """The callback data of the button whose label contains `fragment`."""
    from bot.devtools.emulator import buttons

    assert message is not None
    [data] = [data for label, data in buttons(message) if fragment in label]
    return data


async def stored_user(harness: Harness, user_id: int) -> User | None:
    async with harness.services.sessions() as session:
        return await session.get(User, user_id)


async def test_a_forged_old_or_replayed_final_delete_deletes_nothing(harness: Harness) -> None:
    """The final delete button carries a one-time token kept on the person's row: a guessed
    constant, a made-up token, an expired one or an earlier one delete nothing."""
    dee = harness.emu.user("Dee")
    await onboard(harness, dee)
    [question] = await harness.say(dee, "/delete")
    for forged in ("del:2", "del:go:wrong", "del:go:" + "A" * 22):
        await harness.tap_data(dee, question, forged)
        assert STALE in harness.popups()[-1], forged
    await harness.tap(dee, "Yes, delete everything")
    final = harness.last_with_buttons(dee)
    sent = data_of(final, "Delete now")
    assert sent.startswith("del:go:") and len(sent.encode()) <= 64
    assert final is not None
    await harness.tap_data(dee, final, "del:go:" + "A" * 22)
    assert STALE in harness.popups()[-1]
    # Ten minutes on, the shown button has expired.
    harness.clock.advance(timedelta(minutes=11))
    await harness.tap_data(dee, final, sent)
    assert STALE in harness.popups()[-1]
    assert await stored_user(harness, dee.id) is not None
    # Asking again gives a new token; the earlier one no longer works.
    await harness.say(dee, "/delete")
    await harness.tap(dee, "Yes, delete everything")
    newer = harness.last_with_buttons(dee)
    assert data_of(newer, "Delete now") != sent
    await harness.tap_data(dee, final, sent)
    assert STALE in harness.popups()[-1]
    kept = await stored_user(harness, dee.id)
    assert kept is not None and kept.onboarded
    said = texts(await harness.tap(dee, "Delete now", message=newer))
    assert "deleted" in said
    assert await stored_user(harness, dee.id) is None


async def test_a_double_tap_on_a_checkin_answer_gets_an_answer(harness: Harness) -> None:
    """Two quick taps on the same answer: each gets an answer, one row keeps the value."""
    from bot.db.models import CheckIn

    eve = harness.emu.user("Eve")
    await onboard(harness, eve)
    await harness.say(eve, "/checkin")
    question = harness.last_with_buttons(eve)
    assert question is not None
    five = data_of(question, "5")
    first = await harness.emu.tap(eve, question, five)
    second = await harness.emu.tap(eve, question, five)
    await harness.settle()
    assert harness.emu.answer_for(first) is not None
    assert harness.emu.answer_for(second) is not None
    # Tapped again later, once the next question is showing: "Updated", and no apology.
    await harness.tap_data(eve, question, five)
    assert "Updated" in harness.popups()[-1]
    said = texts(harness.emu.messages(eve))
    assert "something went wrong" not in said
    async with harness.services.sessions() as session:
        rows = (await session.scalars(select(CheckIn).where(CheckIn.user_id == eve.id))).all()
    assert [r.pain for r in rows] == [5]


async def test_forged_setup_and_unknown_buttons_get_the_popup(harness: Harness) -> None:
    """A time that does not exist, a zone that does not exist, an unknown family: a popup, and
    the onboarding step stays where it was."""
    fay = harness.emu.user("Fay")
    await harness.say(fay, "/start")
    await harness.say(fay, "Europe/Berlin")  # the time step is open now
    question = harness.last_with_buttons(fay)
    assert question is not None
    before = await stored_user(harness, fay.id)
    assert before is not None and before.dialog == "onboard:time"
    for forged in ("ob:time:2599", "ob:tz:Mars/Base", "ob:tz", "zz:1", "", "ci:20261340:pain:5"):
        outputs = await harness.tap_data(fay, question, forged)
        assert STALE in harness.popups()[-1], forged
        assert outputs == [], forged
    after = await stored_user(harness, fay.id)
    assert after is not None
    assert (after.dialog, after.checkin_time, after.timezone) == (
        before.dialog, before.checkin_time, before.timezone,
    )  # fmt: skip


async def test_a_button_of_another_groups_challenge_gets_the_popup(harness: Harness) -> None:
    """Join, copied from one group's challenge into another group or a private chat, joins
    nothing; set-up buttons only work in their own group."""
    from bot.db.models import ChallengeMember, CheckIn
    from tests.e2e.test_groups import (
        START,
        challenge_id_of,
        create,
        new_group,
        people,
        tap_data,
    )

    h = harness
    h.clock.set(START)
    ana, bo = await people(h, "Ana", "Bo")
    family = await new_group(h, "Family", ana, bo)
    friends = await new_group(h, "Friends", bo)
    theirs = await create(h, ana, family)
    ours = await create(h, bo, friends, time="21:00")
    other = challenge_id_of(theirs)
    assert other != challenge_id_of(ours)
    assert STALE in str(await tap_data(h, bo, ours, f"gc:{other}:join"))
    private = h.emu.messages(bo)[-1]
    assert STALE in str(await tap_data(h, bo, private, f"gc:{other}:join"))
    async with h.services.sessions() as session:
        member = await session.scalar(
            select(ChallengeMember).where(
                ChallengeMember.challenge_id == other, ChallengeMember.user_id == bo.id
            )
        )
    assert member is None
    # A private check-in answer, forged in a group: nothing is stored, nothing said there.
    count = len(h.emu.outputs(friends))
    forged = f"ci:{h.clock.now():%Y%m%d}:pain:5"
    assert STALE in str(await tap_data(h, bo, ours, forged))
    assert len(h.emu.outputs(friends)) == count
    async with h.services.sessions() as session:
        assert await session.scalar(select(CheckIn).where(CheckIn.user_id == bo.id)) is None
    # A set-up button of Family's draft, tapped in Friends.
    await h.say(ana, "/challenge", chat=family)
    draft = h.emu.last(family)
    assert draft is not None
    setup_data = draft["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    assert STALE in str(await tap_data(h, bo, ours, setup_data))
    # In its own group the same tap works.
    assert await tap_data(h, ana, draft, setup_data) is None


# A photo's caption and a button of no known family ---------------------------------------------


async def test_a_photos_caption_is_screened_for_red_flags_first(harness: Harness) -> None:
    """A caption is read like any text: a crisis said under a photo gets the crisis reply, and
    no "that's not text" pointer instead of it."""
    uma = harness.emu.user("Uma")
    await onboard(harness, uma, "Europe/London", "09:00")
    await harness.emu.send_photo(uma, caption="the view from my walk")
    await harness.settle()
    assert "116 123" not in texts(harness.emu.messages(uma)[-1:])
    await harness.emu.send_photo(uma, caption="honestly i dont want to be here anymore")
    await harness.settle()
    reply = texts(harness.emu.messages(uma)[-2:])
    assert "116 123" in reply, reply


async def test_a_button_of_no_known_family_gets_the_stale_popup(harness: Harness) -> None:
    """Forged or retired callback data in the private chat: the stale popup ends the spinner."""
    vic = harness.emu.user("Vic")
    await onboard(harness, vic)
    anchor = harness.emu.messages(vic)[-1]
    before = len(harness.emu.messages(vic))
    await harness.tap_data(vic, anchor, "zz:1:retired")
    assert harness.popups()[-1].startswith(STALE)
    assert len(harness.emu.messages(vic)) == before
