"""The daily check-in end to end: taps, typing, the short path, bad input, stale buttons."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from bot.db.models import CheckIn
from bot.devtools.emulator import FakeUser
from bot.telegram.jobs import daily
from bot.usecases import prompts
from tests.e2e.test_group_privacy import check_tier_text
from tests.e2e.test_outboxes import MONDAY_EARLY, MONDAY_PROMPT
from tests.e2e.test_pacing import days_of_prompts, live_days
from tests.harness import JSON, Harness, onboard, texts


async def checkins(harness: Harness, user_id: int) -> list[CheckIn]:
    async with harness.services.sessions() as session:
        result = await session.execute(
            select(CheckIn).where(CheckIn.user_id == user_id).order_by(CheckIn.local_date)
        )
        return list(result.scalars())


async def check_in(harness: Harness, person: FakeUser, pain: str, flare: str) -> str:
    """Today's check-in by taps from /checkin: the pain and flare answers given, then (unless
    the flare ends it) 3, 5, 6, "Some" if the movement question comes, and no note; returns what
    the last tap showed."""
    await harness.say(person, "/checkin")
    await harness.tap(person, pain)
    said = texts(await harness.tap(person, flare))
    return said if "Today is saved" in said else await finish(harness, person)


async def finish(harness: Harness, person: FakeUser, question: JSON | None = None) -> str:
    """The rest of an open check-in from the interference question on, as in check_in, tapped
    on `question` (by default the newest message with buttons)."""
    for label in ("3", "5"):
        await harness.tap(person, label, message=question)
    said = texts(await harness.tap(person, "6", message=question))
    if "did you do your movement" in said:
        await harness.tap(person, "Some", message=question)
    return texts(await harness.tap(person, "Skip", message=question))


async def exported(harness: Harness, person: FakeUser) -> list[dict[str, str]]:
    """The rows of the check-in CSV that /export sends."""
    outputs = await harness.say(person, "/export")
    [sheet] = [harness.emu.file(m) for m in outputs if "document" in m][:1]
    return list(csv.DictReader(io.StringIO(sheet.data.decode("utf-8-sig"))))


# (tap label, a fragment of the question that follows)
FULL = [
    ("4", "feel like a flare"),
    ("No", "get in the way"),
    ("3", "energy"),
    ("6", "sleep"),
    ("7", "did you do your movement"),
    ("Some", "Anything else"),
    ("Skip", "Today is saved"),
]


async def test_full_checkin_in_seven_taps(harness: Harness) -> None:
    ann = harness.emu.user("Ann")
    await onboard(harness, ann)
    outputs = await harness.say(ann, "/checkin")
    assert "How is your pain today" in texts(outputs)
    for label, expected in FULL:
        outputs = await harness.tap(ann, label)
        assert expected in texts(outputs), (label, texts(outputs))
    summary = texts(outputs)
    assert (
        "Pain 4/10" in summary and "energy 6/10" in summary and "since last time: some" in summary
    )
    [row] = await checkins(harness, ann.id)
    assert (row.pain, row.flare, row.interference, row.energy, row.sleep, row.movement) == (
        4, "no", 3, 6, 7, "some",
    )  # fmt: skip
    assert row.note is None and row.note_done and row.completed_at is not None


async def test_bad_day_is_two_taps(harness: Harness) -> None:
    ben = harness.emu.user("Ben")
    await onboard(harness, ben)
    await harness.say(ben, "/checkin")
    await harness.tap(ben, "8")
    outputs = await harness.tap(ben, "Yes")
    said = texts(outputs)
    assert "Today is saved" in said and "Pain 8/10" in said and "looks like a flare day" in said
    assert "Add the other answers" in said
    [row] = await checkins(harness, ben.id)
    assert (row.pain, row.flare, row.path) == (8, "yes", "short")
    assert row.completed_at is not None and row.energy is None
    # The extra answers stay optional.
    summary = harness.message_with(ben, "Today is saved")
    outputs = await harness.tap(ben, "Add the other answers", message=summary)
    assert "get in the way" in texts(outputs)


async def test_typed_answers_and_bad_input(harness: Harness) -> None:
    cat = harness.emu.user("Cat")
    await onboard(harness, cat)
    await harness.say(cat, "/checkin")
    steps = [
        ("12", ["outside the scale", "How is your pain today"]),
        ("banana", ["number from 0 to 10", "How is your pain today"]),
        ("x" * 10_000, ["number from 0 to 10", "How is your pain today"]),
        ("6 or 7", ["more than one number", "How is your pain today"]),  # asked, not guessed
        ("7", ["feel like a flare"]),
        ("perhaps later", ["yes, no, or not sure", "feel like a flare"]),
        ("not sure", ["get in the way"]),
        ("seven", ["energy"]),
        ("-3", ["outside the scale", "energy"]),
        ("2", ["sleep"]),
        ("slept 3 hours, so a 5", ["movement"]),  # the hours are not the rating
        ("planned rest", ["Anything else"]),
        ("n" * 2001, ["shorter version", "Anything else"]),
        ("Tired <b>but</b> ok & proud", ["Today is saved", "Tired <b>but</b> ok & proud"]),
    ]
    for typed, expected in steps:
        said = texts(await harness.say(cat, typed))
        for fragment in expected:
            assert fragment in said, (typed[:20], fragment, said)
    [row] = await checkins(harness, cat.id)
    assert (row.pain, row.flare, row.interference, row.energy, row.sleep, row.movement) == (
        7, "unsure", 7, 2, 5, "rest",
    )  # fmt: skip
    assert row.note == "Tired <b>but</b> ok & proud"


async def test_stickers_unknown_commands_and_groups(harness: Harness) -> None:
    dee = harness.emu.user("Dee")
    await onboard(harness, dee)
    await harness.say(dee, "/checkin")
    said = texts(await harness.send_sticker(dee))
    assert "only read text" in said and "How is your pain today" in said
    said = texts(await harness.say(dee, "/dance"))
    assert "I don't know /dance" in said
    group = harness.emu.group("Walkers", members=(dee,))
    said = texts(await harness.say(dee, "/checkin", chat=group))
    assert "Check-ins are private" in said
    # The open question is still the first one, nothing was stored by any of that.
    said = texts(await harness.tap(dee, "5"))
    assert "feel like a flare" in said
    [row] = await checkins(harness, dee.id)
    assert row.pain == 5 and row.flare is None


async def test_cancel_then_continue_where_left(harness: Harness) -> None:
    eli = harness.emu.user("Eli")
    await onboard(harness, eli)
    await harness.say(eli, "/checkin")
    await harness.tap(eli, "3")
    said = texts(await harness.say(eli, "/cancel"))
    assert "What you answered is saved" in said
    said = texts(await harness.say(eli, "hello there"))
    assert "/checkin" in said and "flare" not in said
    said = texts(await harness.say(eli, "/checkin"))
    assert "feel like a flare" in said


async def test_same_as_yesterday_and_stale_buttons(harness: Harness) -> None:
    fay = harness.emu.user("Fay")
    await onboard(harness, fay)
    await harness.say(fay, "/checkin")
    for label, _ in FULL:
        await harness.tap(fay, label)
    harness.clock.advance(timedelta(days=1))
    stale = harness.last_with_buttons(fay)
    outputs = await harness.say(fay, "/checkin")
    assert "Same as yesterday" in texts(outputs)
    fresh = harness.last_with_buttons(fay)
    # A button from yesterday's check-in: a friendly "closed" and a way into today's.
    old = next(m for m in harness.emu.messages(fay) if "ci:" in str(m.get("reply_markup")))
    first_button = old["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    said = texts(await harness.tap_data(fay, old, first_button))
    assert "has closed" in said and "Check in for today" in said
    # The "closed" popup is an alert to dismiss, not a notice that passes unread.
    answers = harness.emu.callback_answers
    assert any(a.show_alert and "has closed" in (a.text or "") for a in answers), answers
    assert stale is not None
    said = texts(await harness.tap(fay, "Same as yesterday", message=fresh))
    assert "did you do your movement" in said
    await harness.tap(fay, "Yes", message=fresh)
    said = texts(await harness.say(fay, "skip"))
    assert "Pain 4/10" in said
    rows = await checkins(harness, fay.id)
    assert [r.path for r in rows] == ["full", "same"]
    assert (rows[1].pain, rows[1].energy, rows[1].movement) == (4, 6, "yes")


async def test_answering_again_the_same_day_updates_one_row(harness: Harness) -> None:
    gus = harness.emu.user("Gus")
    await onboard(harness, gus)
    await harness.say(gus, "/checkin")
    await harness.tap(gus, "2")
    await harness.tap(gus, "Yes")
    said = texts(await harness.say(gus, "/checkin"))
    assert "already checked in today" in said
    await harness.tap(gus, "Answer again")
    await harness.tap(gus, "6")
    await harness.tap(gus, "Yes")
    async with harness.services.sessions() as session:
        count = await session.scalar(select(func.count()).select_from(CheckIn))
    rows = await checkins(harness, gus.id)
    assert count == 1 and rows[0].pain == 6


async def test_a_rating_beside_other_words_answers_the_pain_question(harness: Harness) -> None:
    """At the pain question a rating is the answer even with more said around it: a number
    beside "rest" is today's pain (only a rating guessed from words gives way to a declared
    rest), and words that rate the pain beside a symptom are offered as that rating, not
    taken for a symptom to answer before asking again."""
    dot = harness.emu.user("Dot")
    await onboard(harness, dot)
    await harness.say(dot, "/checkin")
    said = texts(await harness.say(dot, "pretty bad, my neck is so stiff"))
    assert "sounds like about 9 out of 10" in said, said
    assert "Chin tucks" not in said and "here's where we were" not in said, said
    said = texts(await harness.say(dot, "4, I'll rest today"))
    assert "feel like a flare" in said and "Rest it is" not in said, said
    [row] = await checkins(harness, dot.id)
    assert row.pain == 4


async def test_same_as_yesterday_is_offered_only_at_the_pain_question_after_a_full_day(
    harness: Harness,
) -> None:
    """No "Same as yesterday" on a first check-in (nothing to copy), nor on the later rating
    questions of a day that did not take it; a question asked again after a typed answer it
    could not read keeps the offer as it was first asked."""
    lee = harness.emu.user("Lee")
    await onboard(harness, lee)
    for step in ("/checkin", "banana"):
        said = texts(await harness.say(lee, step))
        assert "How is your pain today" in said and "Same as yesterday" not in said, (step, said)
    await harness.tap(lee, "4")
    await harness.tap(lee, "No")
    assert "Today is saved" in await finish(harness, lee)
    harness.clock.advance(timedelta(days=1))
    for step in ("/checkin", "banana"):
        said = texts(await harness.say(lee, step))
        assert "How is your pain today" in said and "Same as yesterday" in said, (step, said)
    await harness.tap(lee, "5")
    for said in (texts(await harness.tap(lee, "No")), texts(await harness.say(lee, "banana"))):
        assert "get in the way" in said and "Same as yesterday" not in said, said


CLOSINGS = {
    "flare": "Be gentle with yourself today",
    "hard": "That sounds like a hard one",
    "steady": "Checking in is a small step in itself",
}


async def test_a_finished_day_shown_again_closes_with_a_line_that_fits_it(harness: Harness) -> None:
    """/checkin on a finished day shows its answers and a closing line for that day: a flare day
    whatever the pain, a hard day from pain 7 on (the no-baseline flare pain), steady below."""
    ivy = harness.emu.user("Ivy")
    await onboard(harness, ivy)
    days = [("6", "No", "steady"), ("7", "No", "hard"), ("8", "Not sure", "hard"),
            ("3", "Yes", "flare"), ("8", "Yes", "flare")]  # fmt: skip
    for pain, flare, closing in days:
        assert "Today is saved" in await check_in(harness, ivy, pain, flare)
        said = texts(await harness.say(ivy, "/checkin"))
        assert "already checked in today" in said and f"Pain {pain}/10" in said, said
        for kind, line in CLOSINGS.items():
            assert (line in said) == (kind == closing), (pain, flare, kind, said)
        harness.clock.advance(timedelta(days=1))


async def test_the_summary_closes_kindly_itself_only_when_no_plan_follows(
    harness: Harness,
) -> None:
    """The day's plan carries the encouragement: the summary before it has no closing line. On a
    day of a crisis reply no plan follows, so the summary ends with one."""
    una = harness.emu.user("Una")
    await onboard(harness, una)
    said = await check_in(harness, una, "4", "No")
    summary = str(harness.message_with(una, "Today is saved")["text"])
    assert "Today's small step" in said and "Pain 4/10" in summary, said
    assert not any(line in summary for line in CLOSINGS.values()), summary
    harness.clock.advance(timedelta(days=1))
    said = texts(await harness.say(una, "honestly some days I just don't want to be here anymore"))
    assert "ending your life" in said, said
    said = await check_in(harness, una, "4", "No")
    assert "Today is saved" in said and CLOSINGS["steady"] in said, said
    assert "Today's small step" not in said, said


async def test_a_two_tap_day_reopened_by_an_older_same_as_yesterday_goes_on_at_checkin(
    harness: Harness,
) -> None:
    """A "Same as yesterday" tapped on an older pain question after a two-tap day copies
    yesterday's ratings and asks what is still open; /checkin then goes on with it rather than
    saying the day is done."""
    mo = harness.emu.user("Mo")
    await onboard(harness, mo)
    await check_in(harness, mo, "4", "No")
    harness.clock.advance(timedelta(days=1))
    await harness.say(mo, "/checkin")
    older = harness.last_with_buttons(mo)
    await harness.say(mo, "/checkin")
    await harness.tap(mo, "8")
    assert "Today is saved" in texts(await harness.tap(mo, "Yes"))
    said = texts(await harness.tap(mo, "Same as yesterday", message=older))
    assert "did you do your movement" in said, said
    said = texts(await harness.say(mo, "/checkin"))
    assert "did you do your movement" in said and "already checked in" not in said, said


async def test_a_day_answered_again_or_added_to_is_open_until_its_last_answer(
    harness: Harness,
) -> None:
    """Both "Add the other answers" and "Answer again" open the finished day again: the export shows
    it unfinished meanwhile, then finished when the last answer is in."""
    ned = harness.emu.user("Ned")
    await onboard(harness, ned)
    await check_in(harness, ned, "8", "Yes")
    [row] = await exported(harness, ned)
    assert row["completed_at_utc"], row
    harness.clock.advance(timedelta(hours=1))
    summary = harness.message_with(ned, "Today is saved")
    await harness.tap(ned, "Add the other answers", message=summary)
    [row] = await exported(harness, ned)
    assert row["completed_at_utc"] == "" and row["path"] == "more", row
    before = harness.clock.now().replace(tzinfo=None)
    assert "Today is saved" in await finish(harness, ned, summary)
    [row] = await exported(harness, ned)
    assert datetime.fromisoformat(row["completed_at_utc"]) >= before, (before, row)
    harness.clock.advance(timedelta(hours=1))
    await harness.say(ned, "/checkin")
    await harness.tap(ned, "Answer again")
    question = harness.last_with_buttons(ned)
    await harness.tap(ned, "5")
    [row] = await exported(harness, ned)
    assert row["completed_at_utc"] == "" and row["pain"] == "5", row
    before = harness.clock.now().replace(tzinfo=None)
    assert "Today is saved" in texts(await harness.tap(ned, "Yes", message=question))
    [row] = await exported(harness, ned)
    assert datetime.fromisoformat(row["completed_at_utc"]) >= before, (before, row)


async def test_an_older_questions_button_updates_its_answer_and_the_open_question_stays(
    harness: Harness,
) -> None:
    """A pain button on an older message while a later question is open: the pain is updated
    ("Updated ✓"), nothing is asked twice, and the summary shows the new pain."""
    ora = harness.emu.user("Ora")
    await onboard(harness, ora)
    await harness.say(ora, "/checkin")
    older = harness.last_with_buttons(ora)
    await harness.say(ora, "/checkin")
    await harness.tap(ora, "4")
    assert "get in the way" in texts(await harness.tap(ora, "No"))
    said = texts(await harness.tap(ora, "7", message=older))
    assert "get in the way" not in said and "Updated ✓" in harness.popups()[-1:], said
    assert "Pain 7/10" in await finish(harness, ora)


async def test_a_red_flag_written_at_the_note_question_is_kept_as_the_note(
    harness: Harness,
) -> None:
    """What raised a red flag at the note question is still the person's note: kept quietly,
    the day finished, and the check-in closed (what comes next is a message, not an answer).
    At any other question it is no note: the questions go on and the note is still asked."""
    emergency = "my chest feels really tight and my left arm is numb"
    pia, rae = harness.emu.user("Pia"), harness.emu.user("Rae")
    for person in (pia, rae):
        await onboard(harness, person)
        await harness.say(person, "/checkin")
    for label in ("4", "No", "3", "5", "6", "Some"):
        said = texts(await harness.tap(pia, label))
    assert "Anything else" in said, said
    assert "112" in texts(await harness.say(pia, emergency))
    assert "You're very welcome" in texts(await harness.say(pia, "thank you so much"))
    said = texts(await harness.say(pia, "/checkin"))
    assert "already checked in today" in said and "my chest feels really tight" in said, said
    assert "112" in texts(await harness.say(rae, emergency))
    await harness.say(rae, "/checkin")
    for label in ("4", "No", "3", "5", "6", "Some"):
        said = texts(await harness.tap(rae, label))
    assert "Anything else" in said and "chest" not in said, said


async def test_a_tap_on_a_backed_off_prompt_brings_the_daily_prompts_back(harness: Harness) -> None:
    """Three prompts unanswered: the next comes two days later. A tap on it is an answer, and
    from the next morning the prompt comes every day again."""
    h = harness
    h.clock.set(datetime(2026, 6, 1, 5, tzinfo=UTC))
    val = h.emu.user("Val")
    await onboard(h, val, "Europe/Berlin", "09:00")
    h.clock.set(datetime(2026, 5, 31, 7, 0, 5, tzinfo=UTC))
    await live_days(h, 5)
    assert await days_of_prompts(h, val) == [1, 2, 3, 5]
    assert "feel like a flare" in texts(await h.tap(val, "4"))
    calls = len(h.emu.calls)
    await live_days(h, 7)
    assert await days_of_prompts(h, val, calls) == [6, 7]


async def test_a_flare_yes_on_an_older_flare_question_ends_the_check_in_there(
    harness: Harness,
) -> None:
    """The flare question shown twice (/checkin again): "No" on one, then "Yes" on the other
    before any later answer is a flare day after all, and ends there as a first "Yes" does: the
    summary and the day's plan, the day finished. A later question still on screen, tapped
    then, adds its answer and nothing it does not have."""
    wyn = harness.emu.user("Wyn")
    await onboard(harness, wyn)
    await harness.say(wyn, "/checkin")
    first = harness.last_with_buttons(wyn)
    await harness.tap(wyn, "4", message=first)
    await harness.say(wyn, "/checkin")
    second = harness.last_with_buttons(wyn)
    assert "get in the way" in texts(await harness.tap(wyn, "No", message=second))
    said = texts(await harness.tap(wyn, "Yes", message=first))
    assert "Today is saved" in said and "flare: yes" in said, said
    assert "Add the other answers" in said and "looks like a flare day" in said, said
    [row] = await exported(harness, wyn)
    assert (row["path"], row["day_type"]) == ("short", "flare") and row["completed_at_utc"], row
    said = texts(await harness.tap(wyn, "3", message=second))
    assert "Got in the way 3/10" in said and "None" not in said, said


async def test_a_prompt_that_arrives_after_the_day_is_done_leaves_nothing_open(
    harness: Harness,
) -> None:
    """The daily prompt was on its way while the person finished today's check-in: it arrives
    all the same, but there is nothing left to answer. A sticker then gets only its own reply,
    and words get the usual pointer; after either, a thank-you is welcomed as one."""
    h = harness
    h.clock.set(MONDAY_EARLY)
    tia, uma = h.emu.user("Tia"), h.emu.user("Uma")
    for person in (tia, uma):
        await onboard(h, person, "Europe/Berlin", "09:00")
    h.clock.set(MONDAY_PROMPT)
    claims = await prompts.claim_due(h.services, h.clock.now())
    for person in (tia, uma):
        assert "Today is saved" in await check_in(h, person, "8", "Yes")
    await prompts.record(h.services, await daily.send_all(h.app.bot, claims))
    await h.settle()
    assert "Time for today's check-in" in texts(h.emu.messages(tia)[-1:])
    said = texts(await h.send_sticker(tia))
    assert "only read text" in said and "How is your pain" not in said, said
    said = texts(await h.say(uma, "thank you so much"))
    assert "/checkin" in said and "Sorry, something went wrong" not in said, said
    for person in (tia, uma):
        said = texts(await h.say(person, "thank you so much"))
        assert "You're very welcome" in said, (person.first_name, said)


async def test_a_typed_answer_that_gets_the_light_check_is_kept_and_the_check_comes_first(
    harness: Harness,
) -> None:
    """A note in words that get the light "are you OK?" is still the note: the check comes
    first, then the summary with the note, then the day's plan."""
    yan = harness.emu.user("Yan")
    await onboard(harness, yan)
    await harness.say(yan, "/checkin")
    for label in ("4", "No", "3", "5", "6", "Some"):
        said = texts(await harness.tap(yan, label))
    assert "Anything else" in said, said
    note = check_tier_text()
    shown = [texts([m]) for m in await harness.say(yan, note)]
    assert len(shown) == 3 and "are you OK" in shown[0], shown
    assert "Today is saved" in shown[1] and note in shown[1], shown
    assert "Today's small step" in shown[2], shown


async def test_an_old_check_in_button_after_deleting_everything_points_to_start(
    harness: Harness,
) -> None:
    """Someone who deleted all their data taps a check-in question still in the chat: a popup
    points to /start, and nothing is stored."""
    zed = harness.emu.user("Zed")
    await onboard(harness, zed)
    await harness.say(zed, "/checkin")
    question = harness.last_with_buttons(zed)
    await harness.say(zed, "/delete")
    await harness.tap(zed, "Yes, delete everything")
    await harness.tap(zed, "Delete now, for good")
    said = texts(await harness.tap(zed, "4", message=question))
    popup = "".join(harness.popups()[-1:])
    assert "/start" in popup and "/start" not in said, (popup, said)
    assert await checkins(harness, zed.id) == []
