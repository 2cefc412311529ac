"""The rules engine in the chat: plans after check-ins, /today, Done, Why this?, cues, two weeks."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.clock import ManualClock
from bot.config import load_settings
from bot.db.models import DayPlan, User
from bot.devtools.emulator import Emulator, FakeUser
from bot.domain.pacing import BACK_OFF_AFTER
from bot.domain.rules import step_down
from bot.views.callbacks import MAX_OPTIONS
from bot.views.content import Content
from tests.e2e.test_pacing import days_of_prompts, live_days, unanswered
from tests.harness import Harness, onboard, texts

START = datetime(2026, 6, 1, 5, 0, tzinfo=UTC)  # 07:00 in Berlin
BERLIN = ZoneInfo("Europe/Berlin")


async def setup(harness: Harness, name: str) -> FakeUser:
    person = harness.emu.user(name)
    harness.clock.set(START)
    await harness.say(person, "/start")
    await harness.say(person, "Berlin")
    await harness.say(person, "9:00")
    await harness.tap(person, "2-5 min")
    await harness.tap(person, "10-20 min")
    await harness.tap(person, "Walking")
    await harness.tap(person, "Done")
    return person


async def plans(harness: Harness, user_id: int) -> list[DayPlan]:
    async with harness.services.sessions() as session:
        result = await session.execute(
            select(DayPlan).where(DayPlan.user_id == user_id).order_by(DayPlan.local_date)
        )
        return list(result.scalars())


async def live_a_day(
    harness: Harness,
    person: FakeUser,
    pain: int,
    flare: str,
    *,
    done: bool = True,
    energy: int = 6,
    movement: str = "Yes",
    hour: int = 7,
) -> str:
    """Wait for the prompt (next day, `hour` UTC), answer it with taps, tap Done on the plan;
    return what was said."""
    harness.clock.set(
        harness.clock.now().replace(hour=hour, minute=0, second=5) + timedelta(days=1)
    )
    assert await harness.tick() == 1
    said = texts(await harness.tap(person, str(pain)))
    said += texts(await harness.tap(person, flare))
    if flare != "Yes":
        for label in ("2", str(energy), "7", movement, "Skip"):
            said += texts(await harness.tap(person, label))
    if done:
        plan = harness.message_with(person, "looks like")
        # Flare-plan days offer a few options as buttons instead of Done; a tapped option counts.
        labels = [b["text"] for row in plan["reply_markup"]["inline_keyboard"] for b in row]
        await harness.tap(person, "Done" if any("Done" in x for x in labels) else labels[0],
                          message=plan)  # fmt: skip
    return said


async def test_two_weeks_rise_flare_adjusted_goal_and_resume_one_step_below(
    harness: Harness,
) -> None:
    sam = await setup(harness, "Sam")
    for _ in range(8):
        await live_a_day(harness, sam, 3, "No")
    rows = await plans(harness, sam.id)
    start = rows[0].level_minutes
    assert rows[-1].level_minutes > start, [r.level_minutes for r in rows]
    assert "progression.increase" in rows[-1].reasons
    risen = rows[-1].level_minutes
    # A flare: today's goal drops well below the level, and never grows.
    said = await live_a_day(harness, sam, 7, "Yes")
    assert "looks like a flare day" in said
    flare_row = (await plans(harness, sam.id))[-1]
    assert flare_row.day_type == "flare" and flare_row.in_flare_mode
    assert flare_row.goal_minutes <= 0.7 * risen and flare_row.level_minutes == risen
    # Two calmer days end flare mode; the plan resumes one step below the pre-flare level.
    await live_a_day(harness, sam, 4, "No")
    await live_a_day(harness, sam, 3, "No")
    rows = await plans(harness, sam.id)
    assert not rows[-1].in_flare_mode
    assert rows[-1].level_minutes == step_down(risen)
    assert "flare.resume_one_step_below" in rows[-1].reasons
    # Why this? explains in plain words.
    plan = harness.message_with(sam, "looks like")
    why = texts(await harness.tap(sam, "Why this?", message=plan))
    assert "Why this plan today" in why and "step below" in why


async def test_today_before_a_checkin_asks_two_taps_then_plans(harness: Harness) -> None:
    ana = await setup(harness, "Ana")
    said = texts(await harness.say(ana, "what shoud i do tody?"))
    assert "Two quick taps first" in said and "How is your pain" in said
    await harness.tap(ana, "4")
    said = texts(await harness.tap(ana, "No"))
    assert "Today is saved" in said and "Today's small step" in said
    # Asking again shows the same plan, now without questions.
    again = texts(await harness.say(ana, "/today"))
    assert "Today's small step" in again and "How is your pain" not in again


async def test_done_counts_and_stale_plan_buttons_close(harness: Harness) -> None:
    bo = await setup(harness, "Bo")
    await live_a_day(harness, bo, 3, "No", done=False)
    plan = harness.message_with(bo, "looks like")
    said = texts(await harness.tap(bo, "Done", message=plan))
    assert "Done today" in said
    assert "Logged" in harness.popups()[-1]
    assert (await plans(harness, bo.id))[-1].done
    harness.clock.advance(timedelta(days=3))
    await harness.tap(bo, "Why this?", message=harness.message_with(bo, "looks like"))
    stale = harness.message_with(bo, "looks like")
    await harness.tap_data(
        bo, stale, stale["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    )
    assert "while ago" in harness.popups()[-1]


async def test_if_then_cue(harness: Harness) -> None:
    cy = await setup(harness, "Cy")
    await live_a_day(harness, cy, 3, "No", done=False)
    plan = harness.message_with(cy, "looks like")
    said = texts(await harness.tap(cy, "daily moment", message=plan))
    assert "When would it fit" in said
    said = texts(await harness.tap(cy, "My own"))
    assert "Type your moment" in said
    said = texts(await harness.say(cy, "After my shower"))
    assert "after my shower," in said and "minutes of walking" in said
    said = await live_a_day(harness, cy, 3, "No", done=False)
    assert "after my shower, " in said
    async with harness.services.sessions() as session:
        user = await session.get(User, cy.id)
    assert user is not None and user.cue == "after my shower"


async def test_flare_day_offers_short_options_and_a_tap_counts_like_done(
    harness: Harness,
) -> None:
    di = await setup(harness, "Di")
    said = await live_a_day(harness, di, 8, "Yes", done=False)
    plan = harness.message_with(di, "looks like")
    text = plan["text"]
    assert "looks like a flare day" in said and "anything below" not in text
    assert len(text.split()) <= 80
    options = [b for row in plan["reply_markup"]["inline_keyboard"] for b in row
               if ":opt:" in b["callback_data"]]  # fmt: skip
    assert 2 <= len(options) <= 3
    shown = texts(await harness.tap(di, options[-1]["text"], message=plan))
    assert shown.strip()
    assert (await plans(harness, di.id))[-1].done
    assert "Logged" in harness.popups()[-1]


async def test_an_evening_plan_fits_the_evening_and_the_cue_keeps_its_activity(
    harness: Harness,
) -> None:
    ed = await setup(harness, "Ed")
    async with harness.services.transaction() as session:
        user = await session.get(User, ed.id)
        assert user is not None
        user.activities = ["yoga", "walking"]
        user.cue = "after breakfast"
    harness.clock.set(START.replace(hour=17))  # 19:00 in Berlin
    await harness.say(ed, "/today")
    await harness.tap(ed, "4")
    said = texts(await harness.tap(ed, "No"))
    assert "Today's small step" in said
    assert "after breakfast" not in said and "mid-afternoon" not in said
    assert "this evening" in said
    rows = await plans(harness, ed.id)
    assert rows[-1].activity in ("yoga", "walking")


async def test_today_before_set_up_points_to_start(harness: Harness) -> None:
    """/today from someone the bot has never met, or from someone halfway through set-up, is
    answered with the way to /start: there is no plan to show yet, and no check-in is begun."""
    harness.clock.set(START)
    fay = harness.emu.user("Fay")
    said = texts(await harness.say(fay, "/today"))
    assert "send /start" in said, said
    await harness.say(fay, "/start")
    await harness.say(fay, "Berlin")
    said = texts(await harness.say(fay, "/today"))
    assert "send /start" in said and "How is your pain" not in said, said
    assert await plans(harness, fay.id) == []


async def test_today_after_pain_alone_asks_only_about_a_flare_then_plans(
    harness: Harness,
) -> None:
    """Someone who tapped their pain on the morning prompt and then asked for today's plan is
    asked the one quick question left (a flare?) before the plan, and told it is one tap, not
    two: a plan made without knowing about a flare could ask too much on a flare day."""
    gia = await setup(harness, "Gia")
    harness.clock.set(START.replace(hour=7, minute=0, second=5) + timedelta(days=1))
    assert await harness.tick() == 1
    await harness.tap(gia, "4")
    said = texts(await harness.say(gia, "/today"))
    assert "One quick tap first" in said and "flare" in said, said
    assert "Today's small step" not in said and await plans(harness, gia.id) == []
    said = texts(await harness.tap(gia, "No"))
    assert "Today's small step" in said, said
    [row] = await plans(harness, gia.id)
    assert row.day_type != "flare"


def done_data(plan: dict[str, Any]) -> str:
    """The callback data of a plan's Done button (its label changes once tapped)."""
    data = str(plan["reply_markup"]["inline_keyboard"][0][0]["callback_data"])
    assert data.endswith(":done"), data
    return data


async def popup_for(harness: Harness, person: FakeUser, plan: dict[str, Any], data: str) -> str:
    """Tap `data` under `plan` and return the popup the tap was answered with."""
    query = await harness.emu.tap(person, plan, data)
    await harness.settle()
    answer = harness.emu.answer_for(query)
    assert answer is not None, data
    return answer.text or ""


async def test_plan_buttons_after_deleting_everything_store_nothing(
    harness: Harness, content: Content
) -> None:
    """Someone who deleted everything and taps Done under an old plan hears the plan is from a
    while ago, and nothing is stored: no person re-created, no plan. The same after setting up
    again the same day: that old plan is gone, and the tap makes no new one."""
    hal = await setup(harness, "Hal")
    await live_a_day(harness, hal, 3, "No", done=False)
    plan = harness.message_with(hal, "looks like")
    await harness.say(hal, "/delete")
    await harness.tap(hal, "Yes, delete everything")
    assert "Nothing about you is left here" in texts(await harness.tap(hal, "Delete now"))
    closed = content.render("plan.closed")
    assert await popup_for(harness, hal, plan, done_data(plan)) == closed
    async with harness.services.sessions() as session:
        assert await session.get(User, hal.id) is None
    assert await plans(harness, hal.id) == []
    await onboard(harness, hal)
    assert await popup_for(harness, hal, plan, done_data(plan)) == closed
    assert await plans(harness, hal.id) == []


async def test_an_option_button_the_plan_does_not_have_changes_nothing(
    harness: Harness, content: Content
) -> None:
    """An option button past the plan's options (a garbled or forged one: the one just past
    the last, or the last a button may carry) gets the stale-button popup, and the plan is not
    logged: a tap counts like Done only for an option the person was shown."""
    ivo = await setup(harness, "Ivo")
    await live_a_day(harness, ivo, 8, "Yes", done=False)
    plan = harness.message_with(ivo, "looks like")
    shown = [str(b["callback_data"]) for row in plan["reply_markup"]["inline_keyboard"]
             for b in row if ":opt:" in str(b["callback_data"])]  # fmt: skip
    assert shown[0].endswith(":opt:0"), shown
    for index in (len(shown), MAX_OPTIONS - 1):
        data = shown[0].replace(":opt:0", f":opt:{index}")
        assert await popup_for(harness, ivo, plan, data) == content.render("error.stale_button")
        assert not (await plans(harness, ivo.id))[-1].done


async def test_done_counts_through_the_next_day_and_closes_at_the_midnight_after(
    harness: Harness, content: Content
) -> None:
    """A plan's Done counts on its own day (test_done_counts_and_stale_plan_buttons_close) and
    all of the next day (yesterday's walk logged this morning: plan.DONE_WINDOW), up to the
    last instant before the person's midnight; from that midnight on, it is from a while ago."""
    jo = await setup(harness, "Jo")
    await live_a_day(harness, jo, 3, "No", done=False)
    plan = harness.message_with(jo, "looks like")
    [row] = await plans(harness, jo.id)
    midnight = datetime.combine(row.local_date + timedelta(days=2), time(0), BERLIN)
    for at, key in ((midnight - timedelta(microseconds=1), "plan.logged"),
                    (midnight, "plan.closed")):  # fmt: skip
        harness.clock.freeze(at)  # the tap is handled at exactly that instant
        try:
            assert await popup_for(harness, jo, plan, done_data(plan)) == content.render(key)
        finally:
            harness.clock.unfreeze()
        assert (await plans(harness, jo.id))[-1].done  # logged by the first, kept by the second


async def test_a_tap_under_an_old_plan_brings_daily_prompts_back(harness: Harness) -> None:
    """After three unanswered prompts the bot asks less often; someone who then taps under an
    older plan (here Why this?) is there again, as with any answer: prompts are daily again
    (test_pacing's test_any_answer_brings_daily_prompts_back, for a plan tap)."""
    kai = await setup(harness, "Kai")
    await live_a_day(harness, kai, 3, "No", done=False)  # the plan of 2 June
    plan = harness.message_with(kai, "looks like")
    await live_days(harness, 5)
    assert await days_of_prompts(harness, kai) == [2, 3, 4, 5]
    assert await unanswered(harness, kai) == BACK_OFF_AFTER
    harness.clock.advance(timedelta(hours=1))
    assert "Why this plan today" in texts(await harness.tap(kai, "Why this?", message=plan))
    assert await unanswered(harness, kai) == 0
    await live_days(harness, 7)
    assert await days_of_prompts(harness, kai) == [2, 3, 4, 5, 6, 7]


async def test_after_done_the_cue_button_stays_only_for_a_session_without_a_cue(
    harness: Harness,
) -> None:
    """Done redraws the plan's buttons: tying the step to a daily moment is still offered for a
    session goal when the person has no moment yet, and not once they have one, nor under a
    flare-day plan (whose options are not a session to tie)."""
    lu = await setup(harness, "Lu")
    await live_a_day(harness, lu, 3, "No")
    after = texts([harness.emu.current(harness.message_with(lu, "looks like"))])
    assert "Done today" in after and "daily moment" in after, after
    async with harness.services.transaction() as session:
        user = await session.get(User, lu.id)
        assert user is not None
        user.cue = "after breakfast"
    await live_a_day(harness, lu, 3, "No")
    after = texts([harness.emu.current(harness.message_with(lu, "looks like"))])
    assert "Done today" in after and "daily moment" not in after, after
    async with harness.services.transaction() as session:
        user = await session.get(User, lu.id)
        assert user is not None
        user.cue = None
    await live_a_day(harness, lu, 8, "Yes")
    assert (await plans(harness, lu.id))[-1].goal_kind != "session"
    after = texts([harness.emu.current(harness.message_with(lu, "looks like"))])
    assert "Done today" in after and "daily moment" not in after, after


async def user_row(harness: Harness, person: FakeUser) -> User:
    async with harness.services.sessions() as session:
        user = await session.get(User, person.id)
    assert user is not None
    return user


async def test_no_thanks_takes_a_chosen_moment_away(harness: Harness) -> None:
    """A moment chosen under today's plan can be taken back from the same button: "No thanks"
    says whenever suits is fine, and the moment is gone from tomorrow's plan on."""
    mo = await setup(harness, "Mo")
    await live_a_day(harness, mo, 3, "No", done=False)
    plan = harness.message_with(mo, "looks like")
    await harness.tap(mo, "daily moment", message=plan)
    assert "after lunch, " in texts(await harness.tap(mo, "After lunch"))
    assert (await user_row(harness, mo)).cue == "after lunch"
    await harness.tap(mo, "daily moment", message=plan)
    said = texts(await harness.tap(mo, "No thanks"))
    assert "no fixed moment" in said, said
    assert (await user_row(harness, mo)).cue is None
    assert "after lunch" not in await live_a_day(harness, mo, 3, "No", done=False)


async def set_user(harness: Harness, person: FakeUser, **values: Any) -> None:
    """Change the person's stored settings (activities, cue) as their own choices would."""
    async with harness.services.transaction() as session:
        user = await session.get(User, person.id)
        assert user is not None
        for name, value in values.items():
            setattr(user, name, value)


async def test_the_tip_alone_is_marked_and_a_moment_is_offered_only_for_a_session_without_one(
    harness: Harness, content: Content
) -> None:
    """A plan marks its tip with 💡 and nothing else; tying the step to a daily moment is
    offered under a session's plan while the person has no moment, not once they have one,
    and not on a rest day, whose plan says it is a rest day."""
    nia = await setup(harness, "Nia")
    said = await live_a_day(harness, nia, 3, "No", done=False)
    plan = harness.message_with(nia, "looks like")
    [row] = await plans(harness, nia.id)
    kinds = [content.item(k).kind for k in row.content_keys]
    assert kinds[:3] == ["movement", "tip", "encouragement"], row.content_keys
    # The day, the goal, then the texts in order: the tip is the fourth part.
    parts = str(plan["text"]).split("\n\n")
    assert [n for n, p in enumerate(parts) if p.startswith("💡")] == [3], parts
    assert "daily moment" in said, said
    await set_user(harness, nia, cue="after my shower")
    said = await live_a_day(harness, nia, 3, "No", done=False)
    assert "after my shower, " in said and "daily moment" not in said, said
    await set_user(harness, nia, cue=None)
    harness.clock.advance(timedelta(days=1))
    assert "Rest it is" in texts(await harness.say(nia, "too tired today"))
    said = texts(await harness.say(nia, "/today"))
    assert "Today is a rest day" in said and "daily moment" not in said, said
    assert (await plans(harness, nia.id))[-1].goal_kind == "rest"


async def test_a_moment_named_in_the_cue_is_kept_until_that_moment_has_passed(
    harness: Harness,
) -> None:
    """The cue joins the goal with the activity it was made for (the person's first: here
    yoga, their only one) while its moment has not passed: "after breakfast" still reads
    right in the morning, "after lunch" too, but "after breakfast" is gone by the afternoon."""
    ola = await setup(harness, "Ola")
    await set_user(harness, ola, activities=["yoga"], cue="after breakfast")
    said = await live_a_day(harness, ola, 3, "No", done=False)  # 09:00 in Berlin: morning
    assert "after breakfast, " in said and "minutes of gentle yoga" in said, said
    await set_user(harness, ola, cue="after lunch")
    said = await live_a_day(harness, ola, 3, "No", done=False)
    assert "after lunch, " in said and "minutes of gentle yoga" in said, said
    await set_user(harness, ola, cue="after breakfast")
    said = await live_a_day(harness, ola, 3, "No", done=False, hour=11)  # 13:00: afternoon
    assert "minutes of gentle yoga" in said and "after breakfast" not in said, said


def kinds(content: Content, row: DayPlan) -> list[str]:
    """The kinds of the texts a stored plan showed, in order."""
    return [content.item(key).kind for key in row.content_keys]


def option_buttons(plan: dict[str, Any]) -> list[str]:
    """The labels of a flare-day plan's option buttons."""
    return [str(b["text"]) for line in plan["reply_markup"]["inline_keyboard"] for b in line
            if ":opt:" in str(b["callback_data"])]  # fmt: skip


async def test_a_reply_over_its_words_keeps_follow_ups_then_the_tip_then_encouragement(
    harness: Harness, content: Content
) -> None:
    """A plan is kept short (80 words on a flare day, up to 160 on a steady one) by leaving
    texts out in a fixed order: a safety follow-up stays first, then the tip, then the
    encouragement, an explainer last. On a flare day the tips are the option buttons, not
    text, and the short intro says whether a session is asked for at all."""
    sam = await setup(harness, "Sam")
    for _ in range(6):
        await live_a_day(harness, sam, 3, "No")
    # The first flare day: the comfort toolkit, its tips as buttons; an explainer would be due
    # (a flare's first day) but does not fit beside the encouragement.
    await live_a_day(harness, sam, 8, "Yes", done=False)
    plan = harness.message_with(sam, "looks like")
    row = (await plans(harness, sam.id))[-1]
    assert row.goal_kind == "flare_toolkit" and row.day_type == "flare"
    assert kinds(content, row) == ["tip", "encouragement", "tip", "tip"], row.content_keys
    text = str(plan["text"])
    assert content.label("plan.flare.toolkit") in text, text
    assert len(text.split("\n\n")) == 3 and len(text.split()) <= 80, text
    assert len(option_buttons(plan)) == 3, option_buttons(plan)
    await harness.tap(sam, option_buttons(plan)[0], message=plan)
    await live_a_day(harness, sam, 8, "Yes")
    # Still in flare mode on a tough day: a tiny session among the options.
    said = await live_a_day(harness, sam, 6, "No", energy=2)
    row = (await plans(harness, sam.id))[-1]
    assert row.goal_kind == "session" and row.in_flare_mode, row.goal_kind
    assert content.label("plan.flare.options") in said and "🌱" in said, said
    # Back after three days away: welcomed back in the plan.
    harness.clock.advance(timedelta(days=3))
    said = await live_a_day(harness, sam, 3, "No")
    row = (await plans(harness, sam.id))[-1]
    assert "nudge" in kinds(content, row) and "welcome" in said.lower(), said
    await live_a_day(harness, sam, 3, "No", movement="No")
    await live_a_day(harness, sam, 3, "No", movement="No")
    await harness.say(sam, "I want to kil myself")
    # The day after a crisis: the follow-up and the tip fit in 160 words, the encouragement
    # does not.
    harness.clock.set(harness.clock.now().replace(hour=7, minute=0, second=5) + timedelta(days=1))
    await harness.tick()
    await harness.tap(sam, "Check in when")
    for label in ("3", "No", "2", "6", "7", "Yes", "Skip"):
        await harness.tap(sam, label)
    row = (await plans(harness, sam.id))[-1]
    assert row.content_keys[-1] == "nudge.crisis_followup", row.content_keys
    assert kinds(content, row) == ["movement", "tip", "nudge"], row.content_keys
    text = str(harness.message_with(sam, "looks like")["text"])
    assert "check in after yesterday" in text and "\n\n💡 " in text, text
    words = len(text.split())
    assert words <= 160, text
    # A moment tied to the step lengthens its line: two more words bring the plan to its limit
    # exactly (160 words as the plan counts them), and it keeps its tip; with three, the tip
    # no longer fits, the encouragement does.
    await set_user(harness, sam, cue="after showering")
    text = texts(await harness.say(sam, "/today")).split("\n[1]")[0]
    assert "after showering, " in text and "\n\n💡 " in text, text
    assert len(text.split()) == words + 2, text
    await set_user(harness, sam, cue="after my shower")
    text = texts(await harness.say(sam, "/today")).split("\n[1]")[0]
    row = (await plans(harness, sam.id))[-1]
    assert kinds(content, row) == ["movement", "encouragement", "nudge"], row.content_keys
    assert "after my shower, " in text and "💡" not in text and len(text.split()) <= 160, text


async def test_flare_day_options_count_once_tapped_and_no_sentence_is_said_twice(
    harness: Harness, content: Content
) -> None:
    """Ten flare days in a row: each plan offers its options as buttons above Done and Why
    this? (no daily moment to tie: it is not a session); a tapped option sends its full words,
    and /today afterwards shows the plan as done, options gone. An encouragement that opens
    with the day's own words ("By your own ratings...") says only the rest."""
    fl = await setup(harness, "Fl")
    plain = [content.label("plan.done"), content.label("plan.why")]
    for day in range(10):
        await live_a_day(harness, fl, 8, "Yes", done=False)
        plan = harness.message_with(fl, "looks like")
        row = (await plans(harness, fl.id))[-1]
        options = option_buttons(plan)
        labels = [str(b["text"]) for line in plan["reply_markup"]["inline_keyboard"]
                  for b in line]  # fmt: skip
        assert options and labels == [*options, *plain], labels
        chosen = row.content_keys[0]
        said = texts(await harness.tap(fl, options[0], message=plan))
        assert content.render(chosen, name="Fl") in said, (chosen, said)
        if day == 0:
            again = texts(await harness.say(fl, "/today"))
            assert content.label("plan.done_already") in again, again
            assert options[0] not in again and "daily moment" not in again, again
    assert "encouragement.flare.5" in row.content_keys, row.content_keys
    text = str(plan["text"])
    assert text.count("By your own ratings") == 1, text
    assert "That's information, not a verdict. Go gently, Fl." in text, text


async def test_a_check_in_after_a_crisis_the_same_day_closes_without_a_plan(
    harness: Harness,
) -> None:
    """After a crisis reply the day has no plan: a check-in finished later that day is saved
    and closed kindly, with no small step to do."""
    pia = await setup(harness, "Pia")
    harness.clock.advance(timedelta(hours=2))
    assert "automated" in texts(await harness.say(pia, "I want to kil myself"))
    await harness.say(pia, "/checkin")
    for label in ("3", "No", "2", "6", "7", "Yes"):
        await harness.tap(pia, label)
    outputs = await harness.tap(pia, "Skip")
    said = texts(outputs)
    assert len(outputs) == 1 and "Today is saved" in said, said  # the summary alone
    assert "Today's small step" not in said and "small step in itself" in said, said
    assert await plans(harness, pia.id) == []


async def test_texts_of_another_language_are_never_chosen_for_a_plan(
    emulator: Emulator, clock: ManualClock, database_url: str, content: Content
) -> None:
    """The rules choose among the English texts, each then shown in the person's language
    where it has one: a tip that exists only in another language (here a German one, however
    likely to be picked) never becomes anyone's tip of the day."""
    german = dataclasses.replace(
        content.item("tip.pacing.time_quota"), key="tip.pacing.nur_auf_deutsch", locale="de",
        weight=1000,
    )  # fmt: skip
    both = Content(
        items={**content.items, ("de", german.key): german},
        labels=content.labels,
        helplines=content.helplines,
    )
    settings = load_settings(
        require_token=False, TELEGRAM_BOT_TOKEN="123456:TEST-token",
        TELEGRAM_API_URL=emulator.url, DATABASE_URL=database_url,
    )  # fmt: skip
    async with Harness.running(settings, emulator, clock, both) as harness:
        ute = await setup(harness, "Ute")
        for _ in range(3):
            said = await live_a_day(harness, ute, 3, "No", done=False)
            assert "Today's small step" in said and "💡" in said, said
            row = (await plans(harness, ute.id))[-1]
            assert german.key not in row.content_keys, row.content_keys


async def test_a_welcome_back_stays_before_the_tip_when_a_late_tough_plan_must_be_short(
    harness: Harness, content: Content
) -> None:
    """Back after days away, on a tough day (140 words), checking in late: the goal says it's
    late, the welcome back stays, and the tip that would not fit beside it is left out (a
    nudge outranks the tip; the tip alone would have fitted)."""
    tam = await setup(harness, "Tam")
    for _ in range(5):
        await live_a_day(harness, tam, 3, "No")
    harness.clock.advance(timedelta(days=3))
    said = await live_a_day(harness, tam, 7, "No", hour=20, done=False)  # 22:00 in Berlin
    row = (await plans(harness, tam.id))[-1]
    assert row.day_type == "tough" and row.goal_kind == "session", row.day_type
    assert kinds(content, row) == ["movement", "encouragement", "nudge"], row.content_keys
    assert "It's late" in said and "Welcome back, Tam" in said and "💡" not in said, said
