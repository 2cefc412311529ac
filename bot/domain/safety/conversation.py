"""The safety conversation: what happens after a crisis or emergency reply, as a state machine.

A crisis reply ends with a direct question ("Are you thinking about ending your life?"). From
then on, for at least `CRISIS_WINDOW`, every message the person sends is read in that light
before anything else: "yes", "maybe", a plan, loneliness or hopelessness get a reply that stays
with them (never a check-in question, never a fallback); "no" or "you misunderstood" gets a
gentle reply that leaves the door open; anything unclear is asked about once more, kindly. The
next day's follow-up ("How are you doing today?") understands worded answers.

Pure: `read` classifies a message for a stage, `step` says what to do. The handler stores the
stage on the person's row, so any process can continue the conversation after a restart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from bot.domain.safety.scanner import looks_like_denial, scan_all

# docs/rules.md#crisis-conversation: the crisis conversation lasts at least 24 hours, and every
# sign of distress in it starts the 24 hours again.
CRISIS_WINDOW = timedelta(hours=24)
# A follow-up waits this long for its answer; a later message is an ordinary message.
FOLLOW_UP_WINDOW = timedelta(hours=24)


class Stage(StrEnum):
    """Where a safety conversation stands (stored in `users.safety_open`)."""

    ASKED = "crisis"  # the crisis reply asked its direct question
    ASKED_AGAIN = "crisis_asked_again"  # an unclear answer: asked once more
    LISTENING = "crisis_listening"  # answered; still read in the crisis light until the window ends
    # They said no, they are safe: from here on only a new sign of danger is read in the crisis
    # light; every other message is an ordinary message (a question, thanks, a check-in answer).
    SAID_SAFE = "crisis_said_safe"
    CRISIS_FOLLOW_UP = "crisis_follow_up"  # the next day's "how are you doing today?"
    CRISIS_FOLLOW_UP_AGAIN = "crisis_follow_up_again"  # an unclear answer to it: asked once more
    EMERGENCY_FOLLOW_UP = "emergency_follow_up"  # the day after an emergency reply


class Reading(StrEnum):
    """What a message means inside a safety conversation."""

    CRISIS = "crisis"  # a crisis red flag, or "not safe"
    EMERGENCY = "emergency"  # an emergency red flag (answered with the emergency reply)
    YES = "yes"  # yes, maybe, a plan, a method, loneliness, hopelessness
    NO = "no"  # no, I'm fine, you misunderstood
    BETTER = "better"  # doing better, ok today
    ROUGH = "rough"  # still rough, not great, didn't sleep
    UNCLEAR = "unclear"


@dataclass(frozen=True, slots=True)
class Step:
    """What the bot does with one message in a safety conversation.

    `reply` is a content key (None: the message is handled as usual, outside the conversation).
    `stage` is the next stage (None: the conversation is over). `renew` starts the window again;
    `follow_up` schedules a gentle check-in for the next day; `resume` lifts the pause on daily
    prompts; `check_in` offers to start today's check-in.
    """

    reply: str | None
    stage: Stage | None
    renew: bool = False
    follow_up: bool = False
    resume: bool = False
    check_in: bool = False


# Words that answer the crisis question with a yes, or that say how heavy things are. Read only
# inside a crisis conversation, where a false "yes" costs a kind message and a miss costs more.
_YES = r"""
    yes yeah yea yeh yep yup ya yah ye yess yesss yas aye ok\s+yes sure probably maybe mayb
    mabye perhaps possibly kinda kind\s+of sort\s+of sorta sometimes somtimes a\s+bit
    a\s+little i\s+am i\s+do i\s+guess i\s+think\s+so think\s+so not\s+sure unsure idk
    i\s+dont\s+know i\s+do\s+not\s+know dunno honestly truthfully true thats\s+right
    that\s+is\s+right right correct often a\s+lot lots every\s+day all\s+the\s+time
"""
_HEAVY = r"""
    alone lonely lonley loneliness isolated nobody no\s+one noone by\s+myself hopeless
    hopelessness no\s+hope pointless no\s+point whats\s+the\s+point what\s+is\s+the\s+point
    worthless useless a\s+burden burden empty numb trapped stuck no\s+way\s+out cant\s+see
    can\s+not\s+see scared afraid frightened terrified desperate despair give\s+up giving\s+up
    gave\s+up tired\s+of sick\s+of done\s+with exhausted\s+of cant\s+cope can\s+not\s+cope
    cant\s+take can\s+not\s+take cant\s+do\s+this can\s+not\s+do\s+this cant\s+go\s+on
    can\s+not\s+go\s+on too\s+much overwhelmed crying cry\s+all sobbing in\s+tears
    plan plans planned planning method pills tablets rope bridge gun knife razor blade
    note letter goodbye thought\s+about thinking\s+about been\s+thinking want\s+it\s+to\s+stop
    want\s+to\s+stop\s+existing nothing\s+matters doesnt\s+matter does\s+not\s+matter
    dark\s+place dark\s+thoughts bad\s+thoughts intrusive suicidal depressed depression
    miserable unbearable in\s+pain\s+all hurting\s+so\s+much nobody\s+cares no\s+one\s+cares
    not\s+safe unsafe help\s+me need\s+help please\s+help
"""
# After "no, I'm safe": words that take it back. Anything else is an ordinary message, so "what
# should I do today?" is never met with the high-risk reply (the red-flag scan still runs first).
_TAKEN_BACK = r"""
    not\s+safe unsafe dont\s+feel\s+safe do\s+not\s+feel\s+safe still\s+want\s+to
    same\s+thoughts thoughts\s+again the\s+thoughts\s+are\s+back cant\s+go\s+on
    can\s+not\s+go\s+on hopeless no\s+way\s+out want\s+it\s+to\s+stop suicidal
    dark\s+thoughts actually\s+yes actually\s+i\s+am i\s+lied
"""
# How-are-you answers to the next day's follow-up.
_NOT_SAFE = r"""
    not\s+safe unsafe dont\s+feel\s+safe do\s+not\s+feel\s+safe still\s+want\s+to
    same\s+thoughts the\s+thoughts thoughts\s+again still\s+thinking\s+about
    still\s+feel\s+like\s+that still\s+feel\s+the\s+same\s+way no\s+better worse
    cant\s+go\s+on can\s+not\s+go\s+on help\s+me need\s+help
"""
_ROUGH = r"""
    rough ruff bad badly awful terrible horrible dreadful crap crappy shit shitty rubbish
    lousy meh struggling struggle hard tough low down sad tired exhausted drained wiped
    knackered shattered sore hurting hurts pain painful flare flaring same same\s+as
    no\s+change not\s+much\s+better not\s+better not\s+great not\s+good not\s+well
    not\s+ok not\s+okay not\s+fine not\s+brilliant not\s+really so\s+so soso could\s+be\s+better
    been\s+better didnt\s+sleep did\s+not\s+sleep no\s+sleep couldnt\s+sleep
    could\s+not\s+sleep poorly worn\s+out anxious stressed lonely alone crying heavy
    miserable
"""
_BETTER = r"""
    better good great fine ok okay okey oki alright all\s+right allright grand well
    calmer calm safe improved improving brighter lighter happier not\s+bad not\s+too\s+bad
    doing\s+ok doing\s+okay managing coping getting\s+there thank\s+you thanks relieved
    rested a\s+bit\s+better bit\s+better much\s+better loads\s+better way\s+better
"""


def _words(source: str) -> re.Pattern[str]:
    """A whole-word alternation of phrases (spaces in a phrase match any run of spaces)."""
    phrases = sorted(source.split(), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(phrases) + r")(?![a-z0-9])")


_YES_RE, _HEAVY_RE, _TAKEN_BACK_RE = _words(_YES), _words(_HEAVY), _words(_TAKEN_BACK)
_NOT_SAFE_RE, _ROUGH_RE, _BETTER_RE = _words(_NOT_SAFE), _words(_ROUGH), _words(_BETTER)
_APOSTROPHES = str.maketrans({"’": "", "'": "", "`": "", "´": ""})


def _plain(text: str) -> str:
    """Lowercase words and single spaces: "Yes, I AM!!" -> "yes i am"."""
    flat = text.casefold().translate(_APOSTROPHES)
    flat = re.sub(r"n t\b", "nt", re.sub(r"[^a-z0-9]+", " ", flat))
    return " ".join(flat.replace("cannot", "can not").split())


def read(stage: Stage, text: str) -> Reading:
    """What a message means at this stage of the conversation (fail safe: when in doubt, heavy)."""
    tiers = {flag.tier for flag in scan_all(text)}
    if "crisis" in tiers:
        return Reading.CRISIS
    if "emergency" in tiers:
        return Reading.EMERGENCY
    plain = _plain(text)
    if stage in (Stage.CRISIS_FOLLOW_UP, Stage.CRISIS_FOLLOW_UP_AGAIN, Stage.EMERGENCY_FOLLOW_UP):
        if _NOT_SAFE_RE.search(plain):
            return Reading.CRISIS if stage is not Stage.EMERGENCY_FOLLOW_UP else Reading.ROUGH
        # "a bit better but still rough": the rough part is the one to answer.
        if _ROUGH_RE.search(plain):
            return Reading.ROUGH
        if _BETTER_RE.search(plain) or looks_like_denial(text):
            return Reading.BETTER
        return Reading.UNCLEAR
    if stage is Stage.SAID_SAFE:
        return Reading.YES if _TAKEN_BACK_RE.search(plain) else Reading.UNCLEAR
    # Heaviness wins over a "no": "no... i just feel so alone" stays in the conversation.
    if _HEAVY_RE.search(plain):
        return Reading.YES
    if stage is Stage.LISTENING:
        # The question is answered: a "yes" or "I do" now belongs to an ordinary sentence ("what
        # should I do today?"), so only distress keeps the conversation going.
        return Reading.UNCLEAR
    if looks_like_denial(text):
        return Reading.NO
    if _YES_RE.search(plain):
        return Reading.YES
    return Reading.UNCLEAR


# One row per (stage, reading): the whole conversation in one place.
_STAY = Step("safety.crisis.stay", Stage.LISTENING, renew=True, follow_up=True)
_STILL_HERE = Step("safety.crisis.still_here", Stage.SAID_SAFE)
_ROUGH_STEP = Step("safety.followup.rough", Stage.LISTENING, renew=True, follow_up=True)
_BETTER_STEP = Step("safety.followup.better", None, resume=True, check_in=True)
_TABLE: dict[tuple[Stage, Reading], Step] = {
    # The direct question is open: every answer is part of the crisis conversation.
    (Stage.ASKED, Reading.CRISIS): _STAY,
    (Stage.ASKED, Reading.YES): _STAY,
    (Stage.ASKED, Reading.NO): _STILL_HERE,
    (Stage.ASKED, Reading.UNCLEAR): Step("safety.crisis.ask_again", Stage.ASKED_AGAIN),
    (Stage.ASKED_AGAIN, Reading.CRISIS): _STAY,
    (Stage.ASKED_AGAIN, Reading.YES): _STAY,
    (Stage.ASKED_AGAIN, Reading.NO): _STILL_HERE,
    # Asked twice: no third question; the help that stays with them, without pressing.
    (Stage.ASKED_AGAIN, Reading.UNCLEAR): Step("safety.crisis.unclear", Stage.LISTENING),
    # Answered: distress is still answered first; everything else is an ordinary message.
    (Stage.LISTENING, Reading.CRISIS): _STAY,
    (Stage.LISTENING, Reading.YES): _STAY,
    # Said safe: only a new sign of danger (or taking the "no" back) is answered in this light.
    (Stage.SAID_SAFE, Reading.CRISIS): _STAY,
    (Stage.SAID_SAFE, Reading.YES): _STAY,
    # The next day's follow-up.
    (Stage.CRISIS_FOLLOW_UP, Reading.CRISIS): _STAY,
    (Stage.CRISIS_FOLLOW_UP, Reading.YES): _STAY,
    (Stage.CRISIS_FOLLOW_UP, Reading.ROUGH): _ROUGH_STEP,
    (Stage.CRISIS_FOLLOW_UP, Reading.BETTER): _BETTER_STEP,
    (Stage.CRISIS_FOLLOW_UP, Reading.UNCLEAR): Step(
        "safety.followup.ask_again", Stage.CRISIS_FOLLOW_UP_AGAIN
    ),
    (Stage.CRISIS_FOLLOW_UP_AGAIN, Reading.CRISIS): _STAY,
    (Stage.CRISIS_FOLLOW_UP_AGAIN, Reading.YES): _STAY,
    (Stage.CRISIS_FOLLOW_UP_AGAIN, Reading.ROUGH): _ROUGH_STEP,
    (Stage.CRISIS_FOLLOW_UP_AGAIN, Reading.BETTER): _BETTER_STEP,
    # Still unclear after asking twice: keep the door open and check in again tomorrow.
    (Stage.CRISIS_FOLLOW_UP_AGAIN, Reading.UNCLEAR): _ROUGH_STEP,
    # After an emergency: glad / please get it checked; anything else is an ordinary message.
    (Stage.EMERGENCY_FOLLOW_UP, Reading.CRISIS): Step(
        "safety.crisis", Stage.ASKED, renew=True, follow_up=True
    ),
    (Stage.EMERGENCY_FOLLOW_UP, Reading.BETTER): Step(
        "safety.followup.emergency_better", None, resume=True, check_in=True
    ),
    (Stage.EMERGENCY_FOLLOW_UP, Reading.ROUGH): Step(
        "safety.followup.emergency_rough", None, resume=True
    ),
}


def step(stage: Stage, reading: Reading) -> Step:
    """What to do with a message that reads as `reading` at `stage`.

    A reading the table has no row for is handled as an ordinary message (`reply` None): the
    usual red-flag screening and dialogue follow, and the stage is kept (`stage` is the same).
    """
    found = _TABLE.get((stage, reading))
    if found is not None:
        return found
    return Step(None, stage)


def stage_of(value: str | None) -> Stage | None:
    """The stored stage, or None for none or a value this version does not know."""
    try:
        # Equivalent mutant: Stage("") raises ValueError, which also gives None.
        return Stage(value) if value else None  # pragma: no mutate
    except ValueError:
        return None


__all__ = ["CRISIS_WINDOW", "FOLLOW_UP_WINDOW", "Reading", "Stage", "Step", "read", "stage_of",
           "step"]  # fmt: skip
