"""One open question reads the next message: its answer, or a clear interruption that is
answered, after which the open question is offered again. Each row is (person says, the reply
must contain, the reply must not contain).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot.db.models import DayPlan, User
from bot.devtools.emulator import FakeUser
from bot.domain.person_now import CLARIFICATION_WINDOW
from bot.usecases.checkin import today_for
from bot.usecases.said import MAX_TEXT_CHARS
from tests.e2e.test_pacing import days_of_prompts, live_days
from tests.harness import JSON, Harness, onboard, talk, texts

WHICH = "Is it about today?"  # the short choice after a message nothing else read
WHICH_IS_IT = "Which is it?"  # a message that could be two things
NOTED = "Noted."
PAIN_QUESTION = "How is your pain"
NECK = "neck"
TOO_LONG = "longer than I can read"
NOT_TEXT = "I can only read text"


async def rest_declared(h: Harness, person_id: int) -> bool:
    """Whether today is stored as a rest day declared in words."""
    async with h.services.sessions() as session:
        user = await session.get(User, person_id)
        assert user is not None
        row = await session.scalar(
            select(DayPlan).where(
                DayPlan.user_id == person_id, DayPlan.local_date == today_for(h.services, user)
            )
        )
        return row is not None and row.rest_declared


async def test_just_telling_you_answers_the_short_choice(harness: Harness) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [
        ("my sister visits on sunday", (WHICH, "Just telling you"), ()),
        # Read as the answer to the choice, not as one more message nothing reads.
        ("just telling you", (NOTED,), (WHICH,)),
        # Answered: the next message is a new one.
        ("just telling you", (WHICH,), (NOTED,)),
    ])  # fmt: skip


async def test_a_tapped_choice_answers_it_and_later_words_are_new(harness: Harness) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [("my sister visits on sunday", (WHICH,), ())])
    assert NOTED in texts(await harness.tap(robin, "Just telling you"))
    # The choice is answered: "1" now is no pick of "Rest today".
    await talk(harness, robin, [("1", (), ("Rest it is",))])
    assert not await rest_declared(harness, robin.id)


async def test_a_place_picks_an_option_and_acts_on_it(harness: Harness) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [
        ("can i do more today or should i rest?", (WHICH_IS_IT, "Rest today"), ()),
        ("the first one", ("Rest it is",), (WHICH_IS_IT,)),
    ])  # fmt: skip
    assert await rest_declared(harness, robin.id)


async def test_the_plan_named_in_words_shows_the_plan(harness: Harness) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [
        ("the neighbours are loud again", (WHICH,), ()),
        ("the plan", (PAIN_QUESTION,), (WHICH,)),  # today's plan starts with pain and flare
    ])  # fmt: skip


async def test_a_choice_waits_for_a_while_only(harness: Harness) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [("my sister visits on sunday", (WHICH,), ())])
    harness.clock.advance(CLARIFICATION_WINDOW)
    # Half an hour on, "1" is a new message, not the first option (a rest day).
    await talk(harness, robin, [("1", (), ("Rest it is", NOTED))])
    assert not await rest_declared(harness, robin.id)


async def test_an_interruption_at_the_choice_is_answered_and_the_choice_closes(
    harness: Harness,
) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [
        ("my sister visits on sunday", (WHICH,), ()),
        # About something else: answered as itself. The choice was about the last message, so
        # it is not asked again, and its places no longer pick anything.
        ("my neck is so stiff", (NECK,), (WHICH, WHICH_IS_IT)),
        ("1", (), ("Rest it is",)),
    ])  # fmt: skip
    assert not await rest_declared(harness, robin.id)


async def test_a_set_up_step_is_asked_again_after_an_interruption(harness: Harness) -> None:
    robin = harness.emu.user("Robin")
    await harness.say(robin, "/start")
    await talk(harness, robin, [
        ("my neck is so stiff", (NECK, "time zone"), ()),
        ("Europe/London", ("When should I check in",), (NECK,)),
    ])  # fmt: skip


async def test_a_check_in_question_is_asked_again_after_an_interruption(
    harness: Harness,
) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await harness.say(robin, "/checkin")
    await talk(harness, robin, [
        ("my neck is so stiff", (NECK, PAIN_QUESTION), ()),
        ("4", ("flare",), (NECK,)),
    ])  # fmt: skip


async def test_the_cue_is_asked_for_again_after_an_interruption(harness: Harness) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await harness.say(robin, "/checkin")
    for label in ("3", "No", "2", "6"):
        await harness.tap(robin, label)
    if "did you do your movement" in texts(await harness.tap(robin, "7")):
        await harness.tap(robin, "Some")
    said = texts(await harness.tap(robin, "Skip"))
    assert "daily moment" in said, said
    await harness.tap(robin, "daily moment")
    assert "Type your moment" in texts(await harness.tap(robin, "My own"))
    await talk(harness, robin, [
        ("/help", (), ()),  # a command is no cue
        ("help", ("/help lists", "Type your moment"), ()),
        ("after my shower", ("after my shower",), ("Type your moment",)),
    ])  # fmt: skip


async def test_the_crisis_question_reads_only_its_own_answers(harness: Harness) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    said = texts(await harness.say(robin, "I don't want to be here anymore"))
    assert "ending your life" in said, said
    # Not an answer to the question: asked again, kindly, never an ordinary reply.
    said = texts(await harness.say(robin, "my neck is so stiff"))
    assert "ask gently once more" in said and "ending your life" in said, said
    assert "💡" not in said, said  # no symptom tip


async def test_a_safety_reply_closes_the_choice(harness: Harness) -> None:
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [
        ("my sister visits on sunday", (WHICH,), ()),
        ("some days I just don't want to be here anymore", ("ending your life",), (WHICH,)),
        ("no, not like that, I'm just worn out by the pain", ("glad",), ()),
        # After "I'm safe" an ordinary message is ordinary, and the choice is long answered:
        # "1" picks no rest day.
        ("1", (), ("Rest it is",)),
    ])  # fmt: skip
    assert not await rest_declared(harness, robin.id)


async def test_the_longest_message_telegram_allows_is_read_and_one_more_is_not(
    harness: Harness,
) -> None:
    """Telegram caps a message at 4,096 characters: one that long is a real person's message and
    is read like any other; anything longer is refused kindly instead of being half read."""
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    longest = ("my neck is so stiff. " * 200)[:MAX_TEXT_CHARS]
    assert len(longest) == MAX_TEXT_CHARS
    await talk(harness, robin, [
        (longest, (NECK,), (TOO_LONG, WHICH)),
        (longest[:-1], (NECK,), (TOO_LONG, WHICH)),
        (longest + ".", (TOO_LONG,), (NECK, WHICH)),
    ])  # fmt: skip


async def test_a_typed_interruption_brings_daily_prompts_back(harness: Harness) -> None:
    """Someone who let prompts go unanswered, so that the bot asks only every other day, and who
    then writes about something else: that is hearing from them, so the prompts are daily again
    from the next morning."""
    h = harness
    h.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    oz = h.emu.user("Oz")
    await onboard(h, oz, "Europe/Berlin", "09:00")
    h.clock.set(datetime(2026, 5, 31, 7, 0, 5, tzinfo=UTC))
    await live_days(h, 5)
    assert await days_of_prompts(h, oz) == [1, 2, 3, 5]  # backed off after three
    calls = len(h.emu.calls)
    await talk(h, oz, [("my neck is so stiff", (NECK, PAIN_QUESTION), ())])
    await live_days(h, 6)
    assert await days_of_prompts(h, oz, calls) == [6]


async def test_an_interruption_in_a_check_in_during_a_safety_conversation_is_answered_alone(
    harness: Harness,
) -> None:
    """Someone who said they are safe after a crisis reply and then chose /checkin: a symptom
    typed at the pain question is answered, and the check-in question is not pushed at them
    again on top of it while the safety conversation is open (/checkin is there when they
    want it)."""
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [
        ("some days I just don't want to be here anymore", ("ending your life",), ()),
        ("no, not like that, I'm just worn out by the pain", ("glad",), ()),
        ("/checkin", (PAIN_QUESTION,), ()),
        ("my neck is so stiff", (NECK,), (PAIN_QUESTION, "where we were")),
    ])  # fmt: skip


async def test_someone_never_started_is_pointed_to_start_unless_a_red_flag_is_answered(
    harness: Harness,
) -> None:
    """No question is open with someone who never sent /start: an ordinary message points them
    to /start, while a red flag is answered alone, with nothing about setting up beside it."""
    xan = harness.emu.user("Xan")
    await talk(harness, xan, [
        ("my neck is so stiff", ("send /start",), (NECK,)),
        ("I can't breathe properly", ("112",), ("send /start",)),
    ])  # fmt: skip


async def test_the_second_place_picks_a_bit_more_and_answers_it(harness: Harness) -> None:
    """At "which is it?", "the second one" is "a bit more today", answered as that question
    would be (pacing first); no rest day is stored."""
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [
        ("can i do more today or should i rest?", (WHICH_IS_IT, "A bit more today"), ()),
        ("the second one", ("Pacing means growing slowly",), (WHICH_IS_IT, "Rest it is")),
    ])  # fmt: skip
    assert not await rest_declared(harness, robin.id)


async def test_asking_for_today_at_the_pain_question_gets_the_plan_s_first_taps(
    harness: Harness,
) -> None:
    """Asking what to do today in the middle of the check-in is answered by today's plan, which
    needs the pain and flare answers first: it says so and asks the pain question."""
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [
        ("/checkin", (PAIN_QUESTION,), ()),
        ("what should I do today?", ("Two quick taps first", PAIN_QUESTION), ()),
    ])  # fmt: skip


async def test_asking_for_today_in_other_words_gets_today_s_plan(harness: Harness) -> None:
    """A question about today's walk in words that are none of the set phrases for today's plan
    asks for it all the same: the plan answers, starting with its pain question."""
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    await talk(harness, robin, [
        ("how many minutes should I walk today?", (PAIN_QUESTION,), (WHICH,)),
    ])  # fmt: skip


async def send_photo(h: Harness, person: FakeUser, caption: str) -> list[JSON]:
    """A photo with a caption, and what the bot says to it."""
    await h.emu.send_photo(person, caption=caption)
    await h.settle()
    return await h.emu.replies(person, settle=0.02)


async def test_what_is_not_text_is_answered_kindly_and_the_open_step_asked_again(
    harness: Harness,
) -> None:
    """A sticker or photo cannot be read: someone never started hears only that, someone in
    set-up hears the step asked again; a photo's caption is still read for red flags first,
    and a red flag there is answered alone."""
    xan = harness.emu.user("Xan")
    said = texts(await harness.send_sticker(xan))
    assert NOT_TEXT in said and "time zone" not in said, said
    await harness.say(xan, "/start")
    said = texts(await harness.send_sticker(xan))
    assert NOT_TEXT in said and "Which time zone are you in?" in said, said
    robin = harness.emu.user("Robin")
    await onboard(harness, robin)
    said = texts(await send_photo(harness, robin, "my walk by the river"))
    assert NOT_TEXT in said, said
    said = texts(await send_photo(harness, robin, "I can't breathe properly"))
    assert "112" in said and NOT_TEXT not in said, said


async def test_someone_half_set_up_at_a_step_no_longer_known_is_pointed_to_start(
    harness: Harness,
) -> None:
    """A stored set-up step this version does not know reads as no step open (dialogs.parse
    never raises). Someone not set up yet with no step open is pointed to /start, not answered
    as if they had a plan."""
    xan = harness.emu.user("Xan")
    await harness.say(xan, "/start")
    async with harness.services.transaction() as session:
        user = await session.get(User, xan.id)
        assert user is not None and not user.onboarded
        user.dialog = "onboard:retired"
    await talk(harness, xan, [("what should I do today?", ("send /start",), (PAIN_QUESTION,))])
