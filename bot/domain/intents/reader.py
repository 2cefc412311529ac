"""Reading an everyday message, in order of what matters most to the person."""

from __future__ import annotations

import re

from bot.domain.intents.patterns import (
    _ACK,
    _ASKING,
    _ASKS_BACK,
    _BETTER_CONTEXT,
    _BODY,
    _COPING,
    _DELETE,
    _EASE,
    _EMOTIONALLY,
    _EXPLAINED,
    _EXPORT,
    _EXPORT_DONE,
    _EYE_ROLL,
    _FEELING_BETTER,
    _FEELING_CONTEXT,
    _FEELING_PHRASES,
    _FEELING_SAME,
    _FEELING_WEAK_WORSE,
    _FEELING_WORSE,
    _GOOD,
    _GOOD_DAY,
    _GREETING,
    _HELP,
    _HELP_WHOLE,
    _I_FEEL,
    _JOKE,
    _JUST_HELLO,
    _LIMB_PAIN,
    _LIMBS,
    _MORE,
    _NEEDS_PAIN,
    _NEGATED_AFTER,
    _NEGATED_BEFORE,
    _NOT_DELETE,
    _NOT_MORE,
    _NOT_REST,
    _NOT_STOP,
    _OTHER_BEFORE,
    _OTHER_FIRST,
    _PAIN,
    _PAST_BEFORE,
    _PLANNED,
    _PROGRESS,
    _RELIEF,
    _REST,
    _SARCASM,
    _SCREEN,
    _SETTINGS,
    _SETTINGS_WHEN,
    _SETTLED,
    _SLEEP_TROUBLE,
    _SMALL_TALK,
    _STOP,
    _STOP_WHOLE,
    _STRESS_OK,
    _SYMPTOM_WORDS,
    _THANKS,
    _THANKS_ONLY,
    _TODAY_ASK,
    _TODAY_DONE,
    _TODAY_THING,
    _TODAY_WORD,
    _WEAK_REST,
    _WHAT_WE_DO,
)
from bot.domain.intents.reading import NONE, Reading, Symptom
from bot.domain.intents.today import asks_for_today
from bot.domain.intents.words import normalise


def _rest(value: str) -> Reading | None:
    """Rest today; a clarification when it may be a joke; None when not about resting."""
    found = _REST.search(value)
    if not found or _NOT_REST.search(value):
        return None
    clause = re.split(r"\b(but|and|so|because|though|although)\b", value[: found.start()])[-1]
    if _OTHER_BEFORE.search(clause.strip()) and not _OTHER_FIRST.search(clause):
        return None  # "my friend is having a rest day": theirs
    if _JOKE.search(value) and _WEAK_REST.search(value):
        # "cat's asleep on my feet so i can't move haha": most likely a joke; ask, don't act.
        return Reading("clarify", options=("none", "rest", "today"))
    return Reading("rest")


def _symptom_and_negation(text: str) -> tuple[Symptom | None, bool]:
    """The symptom named first (if a complaint of the person's own), and whether one was denied
    ("no headache today", "not tired at all") or belonged to someone else."""
    found: list[tuple[bool, int, Symptom]] = []
    negated = False
    for symptom, pattern in _SYMPTOM_WORDS.items():
        for match in pattern.finditer(text):
            before = text[: match.start()].rstrip()
            clause = re.split(r"\b(but|and|so|because|though|although)\b", before)[-1].strip()
            if _OTHER_BEFORE.search(clause) and not _OTHER_FIRST.search(clause):
                continue  # someone else's: "my mum's back is bad again"
            # "Didn't sleep a wink" is the complaint itself: sleep reads its own negation.
            if symptom != "sleep" and (
                _NEGATED_BEFORE.search(before)
                or _PAST_BEFORE.search(clause)
                or re.match(r".{0,30}\b(not|no) any ?more\b", text[match.end() :])
                or _NEGATED_AFTER.search(text[match.start() :])
                or _SETTLED.search(text[match.end() :])
            ):
                negated = True
                continue
            if _complaint(symptom, text, match.start(), match.end()):
                # A named body part says more than tiredness or a bad night around it.
                found.append((symptom not in _BODY, match.start(), symptom))
                break
    if not found:
        return None, negated
    return min(found)[2], False


def _symptom(text: str) -> Symptom | None:
    """The symptom named first in the text, if any is a complaint."""
    found: list[tuple[bool, int, Symptom]] = []
    for symptom, pattern in _SYMPTOM_WORDS.items():
        for match in pattern.finditer(text):
            if _complaint(symptom, text, match.start(), match.end()):
                # A named body part says more than tiredness or a bad night around it.
                found.append((symptom not in _BODY, match.start(), symptom))
                break
    if not found:
        return None
    return min(found)[2]


def _complaint(symptom: Symptom, text: str, start: int, end: int) -> bool:
    """Whether a symptom word at start:end is a complaint (or a request for tips)."""
    around = text[max(0, start - 40) : end + 40]
    if symptom == "pain" and _LIMBS.fullmatch(text[start:end]):
        # "my hands ache", "sore wrists": a pain word beside the limb, and no injury explaining it.
        limb = re.escape(text[start:end])
        beside = rf"\b{limb}( \w+){{0,3}} {_LIMB_PAIN}\b|\b{_LIMB_PAIN}( \w+){{0,3}} {limb}\b"
        return re.search(beside, text) is not None and not _EXPLAINED.search(text)
    if symptom in _NEEDS_PAIN and "ache" not in text[start:end]:
        if symptom == "back" and re.search(r"\b(back (from|home|to|again|in|at|on)|(get|got|"
                                           r"come|came|go|went|going|coming|be|am|i am|were|"
                                           r"was|is) back)\b", text):  # fmt: skip
            return bool(re.search(rf"\b(my|lower|upper) back\b.{{0,25}}\b{_PAIN}", text))
        after = text[start : end + 40]
        if re.search(rf"^\w+( \w+){{0,4}} (is|are|feels?|feel|seems?) (a lot |much |so |"
                     rf"way |heaps )?{_GOOD}\b", after):  # fmt: skip
            return False
        return bool(re.search(rf"\b{_PAIN}", around))
    if symptom == "sleep":
        return bool(_SLEEP_TROUBLE.search(around))
    if symptom == "stress":
        return not _STRESS_OK.search(around)
    if symptom == "brain_fog" and text[start:end] in ("focus", "concentrate", "memory", "forgot"):
        return bool(re.search(r"\b(can not|could not|no|struggl\w*|hard|trouble|poor|bad|"
                              r"terrible|awful|foggy|fog)\b", around))  # fmt: skip
    return True


def _feeling(text: str) -> str | None:
    """Better, same or worse, for short answers to "how are you doing?"."""
    words = text.split()
    if not words or len(words) > 9:
        return None
    # "great" alone is an acknowledgement, "feeling great" a feeling; longer texts need a word
    # like "feel" or "today" to be about how the person is.
    context = bool(_FEELING_CONTEXT.search(text))
    if not context and len(words) > 4:
        return None
    not_bad = re.search(r"\bnot (too |that |so )?bad\b", text)
    if not not_bad and (
        _FEELING_WORSE.search(text) or (context and _FEELING_WEAK_WORSE.search(text))
    ):
        return "worse"
    if _FEELING_SAME.search(text):
        return "same"
    if _FEELING_BETTER.search(text) and (_BETTER_CONTEXT.search(text) or len(words) <= 2):
        return None if len(words) == 1 and words[0] not in ("better", "improving") else "better"
    return None


def _feeling_phrase(value: str) -> str | None:
    """How someone is, from a phrase that says it whatever the context (short messages)."""
    if len(value.split()) > 20:
        return None
    found: list[tuple[int, str]] = []
    for detail, pattern in _FEELING_PHRASES:
        match = pattern.search(value)
        if match:
            found.append((match.start(), detail))
    # "not bad" is better, "not good" worse: the phrase said first counts.
    return min(found)[1] if found else None


def _today_question(value: str, text: str) -> bool:
    """Asking what today's plan is, in other words than the canonical ones."""
    if not _TODAY_WORD.search(value) or len(value.split()) > 14 or _TODAY_DONE.search(value):
        return False
    asked = text.strip().endswith("?") or _TODAY_ASK.search(value) is not None
    return asked and _TODAY_THING.search(value) is not None


def read(text: str) -> Reading:
    """What an everyday message means, in order of what matters most to the person."""
    value = normalise(text)
    if not value:
        return Reading("help") if set(text.strip()) == {"?"} else NONE
    question = text.strip().endswith("?")
    if _STOP_WHOLE.match(value) or (_STOP.search(value) and not _NOT_STOP.search(value)):
        return Reading("stop")
    for intent, pattern in (("delete", _DELETE), ("export", _EXPORT), ("progress", _PROGRESS)):
        if pattern.search(value):
            if intent == "delete" and _NOT_DELETE.search(value):
                continue  # "I don't want to delete my account, just ..."
            if intent == "export" and _EXPORT_DONE.search(value):
                continue  # "already exported my data": done, not asked for
            if intent == "progress" and _I_FEEL.match(value) and _feeling_phrase(value):
                return Reading("feeling", _feeling_phrase(value) or "same")
            return Reading(intent)  # type: ignore[arg-type]
    if _SETTINGS.search(value) or (_SETTINGS_WHEN.search(value) and _ASKING.search(value)):
        return Reading("settings")
    if _HELP_WHOLE.match(value):
        return Reading("help", "direct")
    if _SARCASM.search(value):
        return Reading("feeling", "worse")
    value = _RELIEF.sub("phew", value)
    rest = _rest(value)
    more = _MORE.search(value) is not None and not _NOT_MORE.search(value)
    if rest is not None and rest.intent == "rest" and more:
        # "Can I do more today, or should I rest?": two things; the person picks.
        return Reading("clarify", options=("rest", "more", "today"))
    if rest is not None:
        return rest
    if more and not _PLANNED.search(value):
        return Reading("more")
    if _EASE.search(value):
        # "everything hurts today, what can I do to ease it": tips for it, not the plan.
        eased, _ = _symptom_and_negation(value)
        if eased is not None and not _SCREEN.search(value):
            return Reading("symptom", eased)
    if asks_for_today(text) or _today_question(value, text) or _WHAT_WE_DO.search(value):
        return Reading("today")
    if more:
        return Reading("more")
    symptom, negated = _symptom_and_negation(value)
    if symptom is not None and _SCREEN.search(value):
        return NONE  # a film or a book about it
    if symptom is None and _EYE_ROLL.search(text):
        return Reading("feeling", "worse")  # a good word with a rolling eye
    if symptom is not None and _COPING.search(value):
        return Reading("feeling", "same")  # "a bit overwhelmed but managing"
    if symptom == "fatigue" and _EMOTIONALLY.search(value):
        return Reading("feeling", "worse")  # "emotionally drained": how they are
    if symptom is not None:
        return Reading("symptom", symptom)
    if negated:
        # "no headaches any more, thank you!": thanks; "no headache today": better.
        thanked = _THANKS.search(value) is not None
        return Reading("thanks", "thanks") if thanked else Reading("feeling", "better")
    if _HELP.search(value):
        return Reading("help")
    words = set(value.split())
    if _THANKS.search(value) and words <= _THANKS_ONLY:
        return Reading("thanks", "thanks")
    if _ACK.match(value):
        return Reading("thanks", "ack")
    if _JUST_HELLO.search(value):
        return Reading("greeting")
    if _GREETING.match(value) and words <= _SMALL_TALK and not _GOOD_DAY.search(value):
        return Reading("greeting")
    asks_back = question and _ASKS_BACK.search(text.lower()) is not None
    feeling = _feeling(value) or _feeling_phrase(value)
    if feeling is not None and (not question or asks_back):
        return Reading("feeling", feeling)
    if _THANKS.search(value):
        return Reading("thanks", "thanks")
    return NONE
