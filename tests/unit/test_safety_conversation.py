"""The safety conversation as tables: what a message means at each stage, and where it leads."""

from __future__ import annotations

import pytest

from bot.domain.safety.conversation import Reading, Stage, read, stage_of, step

# Both lead to the same reply; which one depends on whether the red-flag scanner fires too.
STAYS = {Reading.YES, Reading.CRISIS}

ASKED_READINGS: list[tuple[str, Reading | set[Reading]]] = [
    # Yes, in many forms: never a fallback, never a check-in answer.
    ("yes", Reading.YES),
    ("Yes.", Reading.YES),
    ("yeah", Reading.YES),
    ("yeah i am", Reading.YES),
    ("yes I am", Reading.YES),
    ("yep", Reading.YES),
    ("ya", Reading.YES),
    ("maybe", Reading.YES),
    ("idk maybe", Reading.YES),
    ("kinda", Reading.YES),
    ("sometimes", Reading.YES),
    ("i think so", Reading.YES),
    ("honestly yes", Reading.YES),
    ("not sure", Reading.YES),
    ("i have a plan", STAYS),
    ("i've got the pills ready", STAYS),
    ("i just feel so alone", STAYS),
    ("no one cares", STAYS),
    ("whats the point", STAYS),
    ("i cant cope", STAYS),
    ("no... i just feel so alone", STAYS),
    ("not really, but everything feels hopeless", STAYS),
    ("I want to die", Reading.CRISIS),
    ("i dont want to be here", Reading.CRISIS),
    # No, and "you misunderstood": the door stays open.
    ("no", Reading.NO),
    ("No!", Reading.NO),
    ("nope", Reading.NO),
    ("no I'm fine", Reading.NO),
    ("I'm ok", Reading.NO),
    ("you misunderstood", Reading.NO),
    ("not like that", Reading.NO),
    ("i was joking", Reading.NO),
    # Anything else is asked about once more.
    ("hm", Reading.UNCLEAR),
    ("what?", Reading.UNCLEAR),
    ("7", Reading.UNCLEAR),
    # A medical emergency is still an emergency.
    ("my chest is crushing and my left arm is numb", Reading.EMERGENCY),
]


@pytest.mark.parametrize(("text", "expected"), ASKED_READINGS)
def test_answers_to_the_crisis_question(text: str, expected: Reading | set[Reading]) -> None:
    allowed = expected if isinstance(expected, set) else {expected}
    assert read(Stage.ASKED, text) in allowed


FOLLOW_UP_READINGS = [
    ("a bit better today", Reading.BETTER),
    ("better thanks", Reading.BETTER),
    ("ok", Reading.BETTER),
    ("doing alright", Reading.BETTER),
    ("much calmer", Reading.BETTER),
    ("still pretty rough tbh, didn't sleep", Reading.ROUGH),
    ("same as yesterday", Reading.ROUGH),
    ("not great", Reading.ROUGH),
    ("not good", Reading.ROUGH),
    ("a bit better but still rough", Reading.ROUGH),
    ("meh", Reading.ROUGH),
    ("exhausted", Reading.ROUGH),
    ("not safe", Reading.CRISIS),
    ("i don't feel safe", Reading.CRISIS),
    ("still having the same thoughts", Reading.CRISIS),
    ("i still want to die", Reading.CRISIS),
    ("banana", Reading.UNCLEAR),
]


@pytest.mark.parametrize(("text", "expected"), FOLLOW_UP_READINGS)
def test_worded_answers_to_the_follow_up(text: str, expected: Reading) -> None:
    assert read(Stage.CRISIS_FOLLOW_UP, text) is expected


def test_after_an_emergency_not_safe_reads_as_rough_not_crisis() -> None:
    assert read(Stage.EMERGENCY_FOLLOW_UP, "still not great, chest feels ok though") is (
        Reading.ROUGH
    )
    assert read(Stage.EMERGENCY_FOLLOW_UP, "much better thank you") is Reading.BETTER


# (stage, reading) -> (reply key, next stage, renew, follow-up, resume)
TRANSITIONS = [
    (Stage.ASKED, Reading.YES, "safety.crisis.stay", Stage.LISTENING, True, True, False),
    (Stage.ASKED, Reading.CRISIS, "safety.crisis.stay", Stage.LISTENING, True, True, False),
    (Stage.ASKED, Reading.NO, "safety.crisis.still_here", Stage.SAID_SAFE, False, False, False),
    (Stage.ASKED, Reading.UNCLEAR, "safety.crisis.ask_again", Stage.ASKED_AGAIN, False, False,
     False),
    (Stage.ASKED_AGAIN, Reading.UNCLEAR, "safety.crisis.unclear", Stage.LISTENING, False, False,
     False),
    (Stage.ASKED_AGAIN, Reading.YES, "safety.crisis.stay", Stage.LISTENING, True, True, False),
    (Stage.ASKED_AGAIN, Reading.NO, "safety.crisis.still_here", Stage.SAID_SAFE, False, False,
     False),
    (Stage.LISTENING, Reading.YES, "safety.crisis.stay", Stage.LISTENING, True, True, False),
    (Stage.LISTENING, Reading.CRISIS, "safety.crisis.stay", Stage.LISTENING, True, True, False),
    (Stage.LISTENING, Reading.NO, None, Stage.LISTENING, False, False, False),
    (Stage.LISTENING, Reading.UNCLEAR, None, Stage.LISTENING, False, False, False),
    (Stage.CRISIS_FOLLOW_UP, Reading.BETTER, "safety.followup.better", None, False, False, True),
    (Stage.CRISIS_FOLLOW_UP, Reading.ROUGH, "safety.followup.rough", Stage.LISTENING, True, True,
     False),
    (Stage.CRISIS_FOLLOW_UP, Reading.CRISIS, "safety.crisis.stay", Stage.LISTENING, True, True,
     False),
    (Stage.CRISIS_FOLLOW_UP, Reading.UNCLEAR, "safety.followup.ask_again",
     Stage.CRISIS_FOLLOW_UP_AGAIN, False, False, False),
    (Stage.CRISIS_FOLLOW_UP_AGAIN, Reading.UNCLEAR, "safety.followup.rough", Stage.LISTENING,
     True, True, False),
    (Stage.CRISIS_FOLLOW_UP_AGAIN, Reading.BETTER, "safety.followup.better", None, False, False,
     True),
    (Stage.EMERGENCY_FOLLOW_UP, Reading.BETTER, "safety.followup.emergency_better", None, False,
     False, True),
    (Stage.EMERGENCY_FOLLOW_UP, Reading.ROUGH, "safety.followup.emergency_rough", None, False,
     False, True),
    (Stage.EMERGENCY_FOLLOW_UP, Reading.CRISIS, "safety.crisis", Stage.ASKED, True, True, False),
    (Stage.EMERGENCY_FOLLOW_UP, Reading.UNCLEAR, None, Stage.EMERGENCY_FOLLOW_UP, False, False,
     False),
    # An emergency inside a crisis conversation: the usual emergency reply, the crisis kept.
    (Stage.ASKED, Reading.EMERGENCY, None, Stage.ASKED, False, False, False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("stage", "reading", "reply", "after", "renew", "follow_up", "resume"), TRANSITIONS
)
def test_transitions(
    stage: Stage,
    reading: Reading,
    reply: str | None,
    after: Stage | None,
    renew: bool,
    follow_up: bool,
    resume: bool,
) -> None:
    move = step(stage, reading)
    assert (move.reply, move.stage, move.renew, move.follow_up, move.resume) == (
        reply, after, renew, follow_up, resume,
    )  # fmt: skip


def test_a_crisis_stage_never_falls_back_on_a_yes_a_maybe_or_silence() -> None:
    """In the question's stages every reading has a reply of its own."""
    for stage in (Stage.ASKED, Stage.ASKED_AGAIN, Stage.CRISIS_FOLLOW_UP):
        for reading in (Reading.YES, Reading.CRISIS, Reading.NO, Reading.UNCLEAR):
            if stage is Stage.CRISIS_FOLLOW_UP and reading is Reading.NO:
                continue  # a follow-up reads "no" as better or rough, never as NO
            assert step(stage, reading).reply is not None, (stage, reading)


def test_stored_stages_round_trip_and_unknown_values_are_ignored() -> None:
    for stage in Stage:
        assert stage_of(stage.value) is stage
        assert len(stage.value) <= 24  # the column's width
    assert stage_of(None) is None
    assert stage_of("something-old") is None


# After the direct question is answered: ordinary sentences stay ordinary ("I do", "yes" inside
# them are not answers any more); distress is still read in the crisis light.
AFTER_ANSWER: list[tuple[Stage, str, Reading | set[Reading]]] = [
    (Stage.LISTENING, "what should I do today?", Reading.UNCLEAR),
    (Stage.LISTENING, "wat shud i do 2day", Reading.UNCLEAR),
    (Stage.LISTENING, "yes please", Reading.UNCLEAR),
    (Stage.LISTENING, "nobody would even notice", STAYS),
    (Stage.LISTENING, "I want to die", Reading.CRISIS),
    (Stage.SAID_SAFE, "what should I do today?", Reading.UNCLEAR),
    (Stage.SAID_SAFE, "wat shud i do 2day", Reading.UNCLEAR),
    (Stage.SAID_SAFE, "thanks", Reading.UNCLEAR),
    (Stage.SAID_SAFE, "my pain is worse today", Reading.UNCLEAR),
    (Stage.SAID_SAFE, "i feel so tired of everything", Reading.UNCLEAR),
    (Stage.SAID_SAFE, "actually yes, I am", STAYS),
    (Stage.SAID_SAFE, "i don't feel safe", STAYS),
    (Stage.SAID_SAFE, "i can't go on", STAYS),
    (Stage.SAID_SAFE, "I want to die", Reading.CRISIS),
]


@pytest.mark.parametrize(("stage", "text", "expected"), AFTER_ANSWER)
def test_after_the_answer_only_distress_is_read_in_the_crisis_light(
    stage: Stage, text: str, expected: Reading | set[Reading]
) -> None:
    allowed = expected if isinstance(expected, set) else {expected}
    assert read(stage, text) in allowed


def test_no_leads_to_said_safe_where_only_danger_is_answered() -> None:
    assert step(Stage.ASKED, Reading.NO).stage is Stage.SAID_SAFE
    assert step(Stage.ASKED_AGAIN, Reading.NO).stage is Stage.SAID_SAFE
    assert step(Stage.SAID_SAFE, Reading.UNCLEAR).reply is None
    assert step(Stage.SAID_SAFE, Reading.YES).reply == "safety.crisis.stay"
    assert step(Stage.SAID_SAFE, Reading.CRISIS).reply == "safety.crisis.stay"
    assert stage_of("crisis_said_safe") is Stage.SAID_SAFE
