"""Check-in answers said in words: "a bit, walked to the shops", "pretty bad", "about a 3".

Pure and never raising. A rating read from words is a guess (the caller asks for one tap to
confirm it); a number said with a hedge ("about a 3", "4ish") is the person's own rating.
"""

from __future__ import annotations

import re

from bot.domain.parsing import normalize

Choice = str

# --- Choices ------------------------------------------------------------------------------

# Each question's choices, tried in this order; the first whose pattern matches wins. Order
# matters: "no flare" is no, not yes; "a bit" is some before any "did" reads as yes.
MOVEMENT_WORDS: tuple[tuple[Choice, re.Pattern[str]], ...] = (
    (
        "rest",
        re.compile(
            r"\b(planned rest|rest day|resting|rested|day off|rest as planned|as planned|"
            r"was planned|planned|rest)\b(?<!no rest)"
        ),
    ),
    (
        "some",
        re.compile(
            r"\b(a bit|a little|a little bit|bit of|bits|some|partly|part of it|half|halfway|"
            r"sort of|kind of|kinda|sorta|a few|a couple|couple of|not all|not much|only managed|"
            r"managed a|a short|a quick|a little walk|most of it|some of it|to the shops|"
            r"round the block|around the block|a few stretches|stretches|tried)\b"
        ),
    ),
    (
        "no",
        re.compile(
            r"^(no|nope|nah|n|not today|not really|none|nothing|zero|nada|no movement|no chance)\b|"
            r"\b(did not|didnt|didn't|did nt|couldnt|could not|couldn't|could nt|not at all|"
            r"no time|too busy|too tired|too sore|skipped|missed|never got|not got round|"
            r"forgot|wasn't able|was not able|no i did not|nothing today)\b"
        ),
    ),
    (
        "yes",
        re.compile(
            r"^(yes|y|yeah|yep|yup|ya|yh|yas|yess|sure|absolutely|definitely|of course|done)\b|"
            r"\b(done|did it|did my|did the|i did|all of it|got it done|got my|got them|"
            r"finished|completed|managed it|managed the|managed all|smashed it|nailed it|"
            r"walked|went for|went on|did my walk|did the walk|\u2705|\u2714)"
        ),
    ),
)
FLARE_WORDS: tuple[tuple[Choice, re.Pattern[str]], ...] = (
    (
        "unsure",
        re.compile(
            r"\b(not sure|unsure|(?:maybe|perhaps)(?! later| tomorrow| after| in a bit)|"
            r"possibly|dunno|idk|do not know|dont know|"
            r"don't know|hard to (tell|say)|could be|might be|no idea|not certain|50 50|"
            r"can't tell|cant tell|who knows|kind of|sort of|a bit|borderline|on the edge)\b|\?$"
        ),
    ),
    (
        "no",
        re.compile(
            r"^(no|nope|nah|n|non|not really|not today|nothing like)\b|"
            r"\b(it is ok|its ok|it s ok|ok today|okay today|fine today|all good)\b|"
            r"\b(no flare|not a flare|not flare|not flaring|no flaring|normal day|usual day|"
            r"ordinary day|(?:only|just) (?:the |my )?(?:normal|usual|everyday) (?:pain|aches?)|"
            r"just a normal|just normal|do not think so|don't think so|dont think so)\b"
        ),
    ),
    (
        "yes",
        re.compile(
            r"^(yes|y|yeah|yep|yup|ya|yh|sadly|afraid so|definitely|absolutely|100|totally)\b|"
            r"\b(flare|flaring|flared|flare up|flareup|big time|feels like it|feels like one|"
            r"for sure|i think so|think so|it is|it's a flare)\b"
        ),
    ),
)


# Words that open or close an answer and mean nothing by themselves: "abeg yes o", "well no".
_PARTICLES = re.compile(
    r"^(?:(?:abeg|please|pls|well|um+|erm+|oh|ah|honestly|hmm+|ehn|okay|ok)\s+)+|"
    r"\s+(?:o|oh|sha|jare|sef|abeg|please|pls|lol|tbh)$"
)


def choice_from_words(question: str, text: str) -> Choice | None:
    """The movement or flare choice a sentence means, or None."""
    table = MOVEMENT_WORDS if question == "movement" else FLARE_WORDS
    value = _PARTICLES.sub("", _clean(text))
    if not value or len(value) > 200:
        return None
    for choice, pattern in table:
        if pattern.search(value):
            return choice
    return None


# --- Ratings ------------------------------------------------------------------------------

# How well something went, from the person's side: 0 awful, 10 wonderful. Sleep and energy
# ratings are this; pain and "got in the way" run the other way (10 - it).
_GOODNESS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (
        1,
        re.compile(
            r"\b(terrible|terribly|awful|awfully|horrendous|horrible|dreadful|atrocious|appalling|"
            r"shocking|rubbish|crap|crappy|shit|shite|hellish|worst|the worst|abysmal|diabolical|"
            r"(really|very|so|super|pretty|quite) (bad|badly|poor|poorly|rough)|"
            r"hardly (at all|any)|"
            r"barely (slept|any)|did not sleep|didnt sleep|no sleep|not at all|running on fumes|"
            r"flat as a pancake|running on empty|nothing left|wiped out|dead on my feet|zombie|"
            r"exhausted|knackered|shattered|drained|empty)\b"
        ),
    ),
    (
        3,
        re.compile(
            r"\b(bad|badly|poor|poorly|not great|not good|not well|not too good|rough|broken|"
            r"restless|tired|low|meh|lousy|patchy|on and off|up and down|bit rough|could be better|"
            r"not brilliant|sluggish|flat|woke up|kept waking|waking up|tossing)\b"
        ),
    ),
    (
        5,
        re.compile(
            r"\b(ok|okay|o k|alright|all right|so so|so-so|middling|average|fair|moderate|medium|"
            r"mid|half|manageable|could be worse|in between|in the middle|not bad not good|"
            r"fine ish|okay ish|ok ish|normal|usual|same as usual|the usual|50 50|decent ish)\b"
        ),
    ),
    (
        7,
        re.compile(
            r"\b(good|well|fine|decent|not bad|pretty good|better|solid|nice|rested|restful|"
            r"refreshed|not too bad)\b"
        ),
    ),
    (
        9,
        re.compile(
            r"\b(great|brilliant|excellent|amazing|fantastic|wonderful|perfect|superb|best|"
            r"like a baby|like a log|like the dead|loads|full of beans|buzzing|raring to go|"
            r"really good|very good|so good|really well|very well|full)\b"
        ),
    ),
)
# Words that say how much of something there is, whatever the scale: "barely there" pain is
# low, "loads" of energy is high. Tried before the goodness words.
_AMOUNT: tuple[tuple[int, re.Pattern[str]], ...] = (
    (
        9,
        re.compile(
            r"\b(through the roof|off the scale|off the charts|unbearable|excruciating|agony|"
            r"agonising|agonizing|the worst it has been|sky high|max|maximum)\b"
        ),
    ),
    (
        1,
        re.compile(
            r"\b(barely there|hardly there|hardly any|barely any|very little|almost none|"
            r"almost nothing|next to nothing|tiny bit|minimal|very mild|very low|barely noticeable|"
            r"hardly noticeable|barely noticable)\b"
        ),
    ),
    (2, re.compile(r"\b(mild|low|little|a little|slight|not much)\b")),
    (5, re.compile(r"\b(moderate|medium|middling|average|in the middle|half)\b")),
    (8, re.compile(r"\b(high|severe|a lot|lots|strong|intense|heavy|huge)\b")),
)
# Pain and "got in the way" are amounts of something bad; sleep and energy of something good.
_BAD_THINGS: frozenset[str] = frozenset({"pain", "interference"})
_HEDGE = (
    r"(?:about|around|roughly|approximately|approx|maybe|probably|prob|perhaps|like|say|"
    r"i'd say|id say|i would say|i think|i guess|i reckon|guess|solid|a solid|a good|an|a|"
    r"only|just|at least|at most|nearly|almost|close to|its|it's|it is|i am|im|i'm)"
)
_HEDGED_NUMBER = re.compile(
    rf"^(?:{_HEDGE}\s+)*(\d{{1,2}})\s*(?:ish|-ish)?\s*(?:/\s*10|out of 10|of 10)?"
    r"(?:\s*(?:ish|maybe|probably|i think|i guess|today|tbh|honestly|really|or so|lol|"
    r"though|for sure|definitely))*$"
)


_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def rating_from_number(text: str) -> int | None:
    """A rating said with a hedge: "about a 3", "4ish", "a solid 7/10", "maybe 6 today"."""
    value = " ".join(re.sub(r"[^\w\s/'-]", " ", normalize(text)).split())
    # "zero today!", "Ten. Honestly.": a rating said as a word.
    value = re.sub(
        r"\b(zero|one|two|three|four|five|six|seven|eight|nine|ten)\b",
        lambda m: str(_WORDS.index(m.group(1))),
        value,
    )
    match = _HEDGED_NUMBER.match(value)
    return int(match.group(1)) if match else None


def rating_from_words(question: str, text: str) -> int | None:
    """A rating guessed from words ("pretty bad" sleep is 1, "barely there" pain 1), or None.

    The words said first count ("so-so, broken but I got some" is so-so); at one place the
    longer phrase wins ("not bad" over "bad").
    """
    value = _clean(text)
    if not value or len(value) > 200:
        return None
    found: list[tuple[int, int, int]] = []  # (start, -length, rating)
    for amount, pattern in _AMOUNT:
        # "low energy", "high pain": the amount of the very thing asked about.
        found += [(m.start(), m.start() - m.end(), amount) for m in pattern.finditer(value)]
    for goodness, pattern in _GOODNESS:
        rating = 10 - goodness if question in _BAD_THINGS else goodness
        found += [(m.start(), m.start() - m.end(), rating) for m in pattern.finditer(value)]
    return min(found)[2] if found else None


def _clean(text: str) -> str:
    """Lower case, apostrophes kept, punctuation as spaces (emoji ticks kept), single spaces."""
    value = normalize(text)
    value = re.sub(r"[^\w\s'\u2705\u2714-]", " ", value)
    return " ".join(value.split())
