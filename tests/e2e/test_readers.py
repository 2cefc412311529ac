"""Real people's words, end to end: what a person types and what the bot replies, as tables.

Each row is one message typed by a set-up person with no dialogue open (or a tap on the reply
just before): the bot's reply must contain every `expect` and none of `never`.
"""

from __future__ import annotations

import pytest

from bot.devtools.emulator import FakeUser
from tests.harness import Harness, onboard, texts

CRISIS = "116 123"  # the crisis reply for a person in the UK
EMERGENCY = "could need urgent help"  # the emergency reply
DOCTOR = "checked by a doctor"  # the see-a-doctor reply
CHECK = "are you OK?"


async def _person(harness: Harness, name: str) -> FakeUser:
    person = harness.emu.user(name)
    await onboard(harness, person, "Europe/London", "09:00")
    return person


# (typed, expected in the reply, never in the reply)
LIGHT_CHECK_ONLY = [
    # No pattern fires; the crisis model alone does: the light check, never the crisis reply.
    ("the world would be lighter without me in it", [CHECK, "I need help"], [CRISIS]),
    # Everyday wishes the old model read as crisis: no safety reply at all.
    ("I want to go for a walk later", [], [CRISIS, CHECK]),
    ("I want to do my stretches", [], [CRISIS, CHECK]),
    ("i want to sleep", [], [CRISIS]),
    ("how many check-ins have i done", [], [CRISIS, CHECK]),
]


@pytest.mark.parametrize(("typed", "expect", "never"), LIGHT_CHECK_ONLY)
async def test_a_model_alone_never_raises_a_full_alarm(
    harness: Harness, typed: str, expect: list[str], never: list[str]
) -> None:
    person = await _person(harness, "Nia")
    said = texts(await harness.say(person, typed))
    for part in expect:
        assert part in said, (typed, said)
    for part in never:
        assert part not in said, (typed, said)


async def test_the_light_check_leads_to_help_when_asked(harness: Harness) -> None:
    person = await _person(harness, "Ola")
    said = texts(await harness.say(person, "the world would be lighter without me in it"))
    assert CHECK in said and CRISIS not in said
    said = texts(await harness.tap(person, "I need help"))
    assert CRISIS in said


async def test_setup_minutes_in_a_sentence(harness: Harness) -> None:
    """The very phrase the bot suggests is read, and a range keeps the person's own ends."""
    from bot.db.models import User

    person = harness.emu.user("Pip")
    steps = [
        ("/start", "Which time zone"),
        ("London", "When should I check in"),
        ("9am", "bad day"),
        ("not much, maybe 5 minutes", "good day"),
        ("on a good day maybe 15 or 20 mins", "Which kinds"),
    ]
    for typed, expected in steps:
        said = texts(await harness.say(person, typed))
        assert expected in said, (typed, said)
    said = texts(await harness.tap(person, "Done"))
    assert "5-20" in said, said
    async with harness.services.sessions() as session:
        user = await session.get(User, person.id)
    assert user is not None and (user.bad_day_minutes, user.good_day_minutes) == (5, 20)


async def test_checkin_answers_in_words(harness: Harness) -> None:
    """Choices in a sentence are read; a rating in words is confirmed with one tap."""
    from sqlalchemy import select

    from bot.db.models import CheckIn

    person = await _person(harness, "Quin")
    await harness.say(person, "/checkin")
    steps = [
        ("say", "7", "flare"),
        ("say", "not really no", "get in the way"),
        ("say", "about a 4", "energy"),
        ("say", "running on fumes", "about 1 out of 10"),
        ("tap", "1", "sleep"),
        ("say", "pretty bad, woke up 3 times", "about 1 out of 10"),
        ("tap", "2", "movement"),  # another number than the guess is fine too
        ("say", "a bit, walked to the shops", "Anything else"),
        ("tap", "Skip", "Today is saved"),
    ]
    for action, what, expected in steps:
        outputs = await (harness.say if action == "say" else harness.tap)(person, what)
        said = texts(outputs)
        assert expected in said, (what, said)
    async with harness.services.sessions() as session:
        row = (await session.execute(select(CheckIn))).scalars().one()
    assert (row.pain, row.flare, row.interference, row.energy, row.sleep, row.movement) == (
        7, "no", 4, 1, 2, "some",
    )  # fmt: skip


# Everyday words and red flags through the whole bot: (typed, in the reply, never in the reply).
EVERYDAY = [
    # A request to change the reminder gets the settings, where the time is changed.
    ("I want to change my reminder time", ["Check-in time", "Time zone"], [CRISIS, CHECK]),
    ("remind me at 8pm instead", ["Check-in time"], [CRISIS, CHECK]),
    ("I want to do my stretches", [], [CRISIS, CHECK, EMERGENCY]),
    ("help", ["in your own words"], [CHECK]),  # a bare "help" is help
    ("whats my goal for today?", ["How is your pain"], [CHECK]),
    ("gonna give it a miss today", ["Rest it is"], []),
    ("not tired at all today", ["lovely to hear"], ["💡"]),  # negation: no tiredness tip
    ("my mum's back is bad again", ["Is it about today?"], ["💡"]),  # someone else's back
    ("thanks for nothing", ["sorry"], ["welcome"]),  # sarcasm is not thanks
    ("not skipping today", [], ["Rest it is"]),
    ("no headache today", ["lovely to hear"], ["💡"]),
    ("I don't want to do more", [], ["Rest it is", "more today", CHECK, CRISIS]),
    ("today was NOT a good day", ["sorry today is harder"], []),
    ("think ill sit this one out tbh", ["Rest it is"], []),
    ("whats on today", ["How is your pain"], []),
    ("on the mend", ["lovely to hear"], []),
    ("going downhill", ["sorry today is harder"], []),
    ("nothing's changed", ["Steady is okay"], []),
]
RED_FLAGS = [
    ("got stung by a wasp, hives everywhere and I'm wheezing", [EMERGENCY], [CRISIS]),
    ("coughing up blood", [EMERGENCY], [CRISIS]),
    ("the bleeding won't stop", [EMERGENCY], []),
    ("one side of my face and my hand went numb all of a sudden", [EMERGENCY], []),
    ("took double my tablets by mistake and my breathing is really slow", [EMERGENCY], []),
    ("sudden severe stomach pain, my belly is rock hard", [EMERGENCY], []),
    ("my heart keeps racing on and off for no reason", [DOCTOR], [EMERGENCY, CRISIS]),
    ("blood on the toilet paper again", [DOCTOR], [EMERGENCY]),
    ("my calf is swollen and warm", [DOCTOR], [EMERGENCY]),
    ("since starting the new tablets i feel dizzy", [DOCTOR], [EMERGENCY]),
    ("always thirsty lately and up weeing all night", [DOCTOR], [EMERGENCY]),
    ("got a new rash and my knuckles and knees are swelling up", [DOCTOR], [EMERGENCY]),
    # ...and the other way: not sudden, not an emergency.
    ("new numbness in my foot", [DOCTOR], [EMERGENCY]),
    ("been getting out of breath on the stairs lately, never used to", [DOCTOR], [EMERGENCY]),
    ("I banged my head years ago, it's fine", [], [EMERGENCY, DOCTOR]),
    # Whose body and when.
    ("watching grey's anatomy, someone just had a stroke", [], [EMERGENCY, DOCTOR]),
    ("grandma had a fall last year but she's walking fine now", [], [DOCTOR]),
    ("kill me now, my mother-in-law is coming", [], [CRISIS]),
    ("I'm going to kill my brother, he ate my leftovers", [], [CRISIS]),
]


@pytest.mark.parametrize(("typed", "expect", "never"), EVERYDAY + RED_FLAGS)
async def test_what_people_type_gets_the_right_reply(
    harness: Harness, typed: str, expect: list[str], never: list[str]
) -> None:
    person = await _person(harness, "Rae")
    said = texts(await harness.say(person, typed))
    for part in expect:
        assert part in said, (typed, part, said)
    for part in never:
        assert part not in said, (typed, part, said)


async def test_a_clarification_tapped(harness: Harness) -> None:
    person = await _person(harness, "Sol")
    said = texts(await harness.say(person, "can i do more today or should i rest?"))
    assert "Which is it?" in said and "Rest today" in said and "A bit more today" in said
    said = texts(await harness.tap(person, "Rest today"))
    assert "Rest it is" in said


TRIAGE = "new, severe, or getting worse?"


@pytest.mark.parametrize(
    ("button", "expect", "tier"),
    [
        ("sudden or severe", EMERGENCY, "emergency"),
        ("new or getting worse", DOCTOR, "doctor"),
        ("my usual", "Thanks, noted", None),
    ],
)
async def test_the_triage_question_and_its_three_outcomes(
    harness: Harness, button: str, expect: str, tier: str | None
) -> None:
    from sqlalchemy import select

    from bot.db.models import SafetyEvent

    person = await _person(harness, "Tam")
    said = texts(await harness.say(person, "my ankle is really swollen today"))
    assert TRIAGE in said and EMERGENCY not in said and DOCTOR not in said
    said = texts(await harness.tap(person, button))
    assert expect in said
    async with harness.services.sessions() as session:
        events = (await session.execute(select(SafetyEvent))).scalars().all()
    assert [e.tier for e in events] == ([tier] if tier else [])


async def test_the_triage_question_never_swallows_a_checkin_note(harness: Harness) -> None:
    from sqlalchemy import select

    from bot.db.models import CheckIn

    person = await _person(harness, "Una")
    await harness.say(person, "/checkin")
    for label in ("4", "No", "3", "6", "7", "Some"):
        await harness.tap(person, label)
    said = texts(await harness.say(person, "got a weird rash on my arm"))
    assert TRIAGE in said and "Today is saved" in said
    async with harness.services.sessions() as session:
        row = (await session.execute(select(CheckIn))).scalars().one()
    assert row.note == "got a weird rash on my arm"
