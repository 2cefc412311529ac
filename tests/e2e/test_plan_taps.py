"""The plan's daily-moment cue at its edges: typed, chosen, stored, and tapped before set-up."""

from __future__ import annotations

from datetime import timedelta

from bot.db.models import User
from bot.devtools.emulator import FakeUser
from bot.usecases.plan import CUE_MAX_CHARS
from bot.views.content import Content
from tests.e2e.test_plans import live_a_day, plans, popup_for, setup
from tests.harness import Harness, texts


async def stored(harness: Harness, person: FakeUser) -> User | None:
    async with harness.services.sessions() as session:
        return await session.get(User, person.id)


async def choose_activities(harness: Harness, person: FakeUser, activities: str) -> None:
    """Choose activities again in /settings, in words."""
    await harness.say(person, "/settings")
    await harness.tap(person, "Activities")
    assert "Saved" in texts(await harness.say(person, activities))


async def own_cue(harness: Harness, person: FakeUser) -> None:
    """Tap the plan's daily-moment button, then My own: the next message is the cue."""
    await harness.tap(person, "daily moment", message=harness.message_with(person, "looks like"))
    assert "Type your moment" in texts(await harness.tap(person, "My own"))


async def test_a_cue_puts_todays_activity_first(harness: Harness) -> None:
    """Walking and yoga take turns; a cue set on a yoga day moves yoga to the front of the
    list and keeps walking, since the cue belongs to the activity it was set for."""
    jo = await setup(harness, "Jo")
    await choose_activities(harness, jo, "walking and yoga")
    await live_a_day(harness, jo, 3, "No")
    await live_a_day(harness, jo, 3, "No", done=False)
    assert [p.activity for p in await plans(harness, jo.id)] == ["walking", "yoga"]
    user = await stored(harness, jo)
    assert user is not None and user.activities == ["walking", "yoga"]
    await own_cue(harness, jo)
    said = texts(await harness.say(jo, "After my coffee"))
    assert "after my coffee" in said and "yoga" in said, said
    user = await stored(harness, jo)
    assert user is not None and user.activities == ["yoga", "walking"]


async def test_a_cue_does_not_add_an_activity_no_longer_chosen(harness: Harness) -> None:
    """Someone who swaps walking for yoga in /settings after today's walking plan was made and
    then sets a cue keeps just yoga: the cue does not bring back an activity they took off
    their list. One whose list already starts with walking keeps it as it is."""
    ki = await setup(harness, "Ki")
    await live_a_day(harness, ki, 3, "No", done=False)
    await choose_activities(harness, ki, "yoga")
    await own_cue(harness, ki)
    await harness.say(ki, "After my coffee")
    user = await stored(harness, ki)
    assert user is not None and user.activities == ["yoga"]
    await choose_activities(harness, ki, "walking and yoga")
    await own_cue(harness, ki)
    await harness.say(ki, "After lunch")
    user = await stored(harness, ki)
    assert user is not None and user.activities == ["walking", "yoga"]
    assert user.cue == "after lunch"


async def test_a_cue_set_before_todays_plan_is_saved_without_a_goal(
    harness: Harness, content: Content
) -> None:
    """The next morning, before checking in, someone taps the daily-moment button under
    yesterday's plan and picks a moment: it is saved and confirmed without a goal, as there
    is no plan today to tie it to yet."""
    lu = await setup(harness, "Lu")
    await live_a_day(harness, lu, 3, "No", done=False)
    harness.clock.advance(timedelta(days=1))
    await harness.tap(lu, "daily moment", message=harness.message_with(lu, "looks like"))
    said = texts(await harness.tap(lu, "After lunch"))
    assert content.render("plan.cue.saved_no_goal", cue="after lunch") in said, said
    user = await stored(harness, lu)
    assert user is not None and user.cue == "after lunch"


async def test_a_typed_cue_up_to_its_limit(harness: Harness, content: Content) -> None:
    """A typed cue of up to CUE_MAX_CHARS characters is kept; one character more, or nothing
    but dots, is asked again (the cue is still awaited). Once kept, the next message is no
    cue: it does not replace the one just saved."""
    mo = await setup(harness, "Mo")
    await live_a_day(harness, mo, 3, "No", done=False)
    too_long = content.render("plan.cue.too_long", max_chars=CUE_MAX_CHARS)
    await own_cue(harness, mo)
    assert too_long in texts(await harness.say(mo, "a" * (CUE_MAX_CHARS + 1)))
    assert too_long in texts(await harness.say(mo, "..."))
    user = await stored(harness, mo)
    assert user is not None and user.cue is None
    at_limit = "b" * CUE_MAX_CHARS
    assert too_long not in texts(await harness.say(mo, at_limit))
    user = await stored(harness, mo)
    assert user is not None and user.cue == at_limit
    await harness.say(mo, "Thanks, see you later")
    user = await stored(harness, mo)
    assert user is not None and user.cue == at_limit and user.dialog is None
    below = "c" * (CUE_MAX_CHARS - 1)
    await own_cue(harness, mo)
    assert too_long not in texts(await harness.say(mo, below))
    user = await stored(harness, mo)
    assert user is not None and user.cue == below


async def test_cue_buttons_before_set_up_point_to_start(harness: Harness, content: Content) -> None:
    """A cue button tapped after deleting everything, or halfway through setting up again, is
    answered with the way to /start; no one is re-created and no cue is stored."""
    ny = await setup(harness, "Ny")
    await live_a_day(harness, ny, 3, "No", done=False)
    await harness.tap(ny, "daily moment", message=harness.message_with(ny, "looks like"))
    cues = harness.message_with(ny, "When would it fit")
    data = str(cues["reply_markup"]["inline_keyboard"][0][0]["callback_data"])
    await harness.say(ny, "/delete")
    await harness.tap(ny, "Yes, delete everything")
    await harness.tap(ny, "Delete now")
    start_first = content.render("onboarding.start_first")
    assert await popup_for(harness, ny, cues, data) == start_first
    assert await stored(harness, ny) is None
    await harness.say(ny, "/start")
    await harness.say(ny, "Berlin")
    assert await popup_for(harness, ny, cues, data) == start_first
    user = await stored(harness, ny)
    assert user is not None and user.cue is None
