"""Reading which kinds of movement someone likes from a sentence they typed.

"I walk my dog and do a bit of yoga" -> ("walking", "yoga"). Pure and never raises.
"""

from __future__ import annotations

import re

from bot.domain.parsing import normalize

# The activities on offer, in button order (bot.views.keyboards.ACTIVITIES).
ACTIVITIES: tuple[str, ...] = ("walking", "bike", "yoga", "water", "stretching", "taichi")

# Phrases (folded, whole words) -> activity. Longer phrases are matched first, so that
# "water walking" is water, not walking too.
SYNONYMS: dict[str, str] = {
    # walking
    "walk": "walking", "walks": "walking", "walking": "walking", "walked": "walking",
    "walker": "walking", "stroll": "walking", "strolls": "walking", "strolling": "walking",
    "hike": "walking", "hikes": "walking", "hiking": "walking", "ramble": "walking",
    "rambling": "walking", "rambles": "walking", "wander": "walking", "wandering": "walking",
    "amble": "walking", "dog walk": "walking", "dog walks": "walking", "dog walking": "walking",
    "the dog": "walking", "my dog": "walking", "our dog": "walking", "dogs": "walking",
    "nordic walking": "walking", "treadmill": "walking", "walkies": "walking",
    "trek": "walking", "trekking": "walking",
    # bike
    "bike": "bike", "bikes": "bike", "biking": "bike", "cycle": "bike", "cycles": "bike",
    "cycling": "bike", "bicycle": "bike", "exercise bike": "bike", "stationary bike": "bike",
    "spin": "bike", "spinning": "bike", "peloton": "bike", "ebike": "bike", "e bike": "bike",
    "recumbent": "bike", "bike ride": "bike", "cycled": "bike", "pedal": "bike",
    "pedalling": "bike", "pedaling": "bike",
    # yoga
    "yoga": "yoga", "yin": "yoga", "chair yoga": "yoga", "restorative yoga": "yoga",
    "hatha": "yoga", "yogo": "yoga", "pilates": "yoga",
    # water
    "swim": "water", "swims": "water", "swimming": "water", "swam": "water", "pool": "water",
    "aqua": "water", "aquafit": "water", "aqua aerobics": "water", "aquaerobics": "water",
    "water aerobics": "water", "aqua fit": "water", "hydrotherapy": "water", "hydro": "water",
    "water walking": "water", "walking in the pool": "water", "water exercise": "water",
    "water exercises": "water", "water": "water", "aqua jogging": "water",
    "aquajogging": "water", "warm water": "water", "the baths": "water", "baths": "water",
    # stretching
    "stretch": "stretching", "stretches": "stretching", "stretching": "stretching",
    "stretchy": "stretching", "mobility": "stretching", "flexibility": "stretching",
    "physio": "stretching", "physio exercises": "stretching", "physiotherapy": "stretching",
    "foam roller": "stretching", "foam rolling": "stretching", "range of motion": "stretching",
    # tai chi
    "tai chi": "taichi", "taichi": "taichi", "tai chi chuan": "taichi", "qigong": "taichi",
    "qi gong": "taichi", "chi gong": "taichi", "chi kung": "taichi", "qi kung": "taichi",
    "tai ji": "taichi", "taiji": "taichi", "chigong": "taichi",
}  # fmt: skip

# Answers that mean "no preference": the default plan (easy walking) is fine.
_NO_PREFERENCE = re.compile(
    r"^(?:(?:i\s+)?(?:don't|dont|do not)\s+know|no idea|not sure|unsure|none|nothing|"
    r"no preference|no favourites?|no favorites?|anything|whatever|dunno|idk|not really|"
    r"nothing yet|none yet|none really|nothing really|no|nope|any|skip|surprise me|"
    r"you choose|you pick|up to you|not yet|haven't got one|none of them|nothing much|"
    r"nothing in particular|no particular (?:one|favourite|favorite)|not particularly)"
    r"(?:\s+(?:really|yet|tbh|to be honest|honestly|thanks|thank you|please|sorry))*$"
)
_ALL = re.compile(r"^(?:all|all of them|everything|all of it|all of the above|any of them)"
                  r"(?:\s+(?:please|thanks|really))*$")  # fmt: skip
# A word that turns the activity after it into a dislike ("not swimming", "can't cycle").
_NEGATIONS = frozenset(
    {"not", "no", "never", "dont", "don't", "cant", "can't", "cannot", "hate", "dislike",
     "without", "except", "avoid", "nor", "neither", "won't", "wont", "couldn't", "couldnt",
     "stopped", "quit", "gave", "used"}
)  # fmt: skip
# Words that end a negation's reach: "no swimming but yoga".
_BREAKS = frozenset({"but", "and", "although", "though", "however", "yet", "also", "plus", "or"})
_PHRASES = sorted(SYNONYMS, key=lambda p: -len(p.split()))
_MAX_WORDS = max(len(p.split()) for p in SYNONYMS)


def _words(text: str) -> list[str]:
    value = normalize(text)
    value = re.sub(r"[^a-z0-9' ]+", " ", value.replace("-", " "))
    return value.split()


def _close_word(word: str) -> str | None:
    """A misspelt single-word synonym ('yogaa', 'swiming', 'strech'), or None."""
    if len(word) < 5:
        return None
    from rapidfuzz import fuzz, process

    singles = [p for p in SYNONYMS if " " not in p and len(p) >= 4]
    match = process.extractOne(word, singles, scorer=fuzz.ratio, score_cutoff=85)
    return match[0] if match else None


def parse_activities(text: str) -> tuple[str, ...] | None:
    """The activities named in a sentence, in button order.

    () when the person says they have no preference ("not sure", "none"); None when nothing
    in the sentence could be read as an answer.
    """
    try:
        return _parse_activities(text)
    except (ValueError, TypeError):  # pragma: no cover - defensive: typed text is untrusted
        return None


def _parse_activities(text: str) -> tuple[str, ...] | None:
    words = _words(text[:500])
    if not words:
        return None
    joined = " ".join(w for w in words if w not in ("please", "thanks", "i", "guess", "think"))
    if _ALL.match(joined):
        return ACTIVITIES
    if _NO_PREFERENCE.match(joined):
        return ()
    chosen: set[str] = set()
    negated = False
    index = 0
    while index < len(words):
        word = words[index]
        if word in _BREAKS or word.endswith(","):
            negated = False
        if word in _NEGATIONS or word.endswith("n't"):
            negated = True
            index += 1
            continue
        for size in range(min(_MAX_WORDS, len(words) - index), 0, -1):
            phrase = " ".join(words[index : index + size])
            activity = SYNONYMS.get(phrase)
            if activity is None and size == 1:
                close = _close_word(phrase)
                activity = SYNONYMS[close] if close else None
            if activity is not None:
                if not negated:
                    chosen.add(activity)
                index += size
                break
        else:
            index += 1
    if not chosen:
        return None
    return tuple(a for a in ACTIVITIES if a in chosen)
