"""Running the red-flag rules over a text."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.safety.dsl import pattern_words
from bot.domain.safety.lexicon import CONTRACTIONS
from bot.domain.safety.matcher import PatternSet
from bot.domain.safety.normalize import Normalised, Normaliser
from bot.domain.safety.patterns import CLASSES, DENIAL_PATTERNS, FUZZY_WORDS, RULES, Tier
from bot.domain.safety.protected import PROTECTED

# Most urgent first: a person in crisis must get the crisis reply.
TIER_ORDER: tuple[Tier, ...] = ("crisis", "emergency", "doctor")


@dataclass(frozen=True, slots=True)
class RedFlag:
    """A tier that fired, with the ids of the rules behind it (for logs and tests only)."""

    tier: Tier
    matched: tuple[str, ...]


def _vocabulary() -> frozenset[str]:
    """Every word a rule or a denial pattern can match, plus contraction outputs."""
    words: set[str] = set()
    sources = [p for rule in RULES for group in (rule.any_of, *rule.also) for p in group]
    for source in (*sources, *DENIAL_PATTERNS):
        words |= pattern_words(source, CLASSES)
    for expansion in CONTRACTIONS.values():
        words.update(expansion)
    return frozenset(words)


_VOCABULARY = _vocabulary()


def vocabulary() -> frozenset[str]:
    """The words the normaliser keeps and corrects towards."""
    return _VOCABULARY


_RULES = PatternSet([(rule.any_of, *rule.also) for rule in RULES], CLASSES)
# Each denial pattern is a rule of its own: any one of them is enough.
_DENIALS = PatternSet([((p,),) for p in DENIAL_PATTERNS], CLASSES)
NORMALISER = Normaliser(_VOCABULARY, FUZZY_WORDS, PROTECTED)


def scan_normalised(norm: Normalised) -> tuple[RedFlag, ...]:
    """Every tier that fired on already-normalised text, most urgent first."""
    fired: dict[Tier, list[str]] = {}
    for r in _RULES.fired(norm.text, norm.words):
        fired.setdefault(RULES[r].tier, []).append(RULES[r].id)
    return tuple(RedFlag(tier, tuple(fired[tier])) for tier in TIER_ORDER if tier in fired)


def scan_all(text: str) -> tuple[RedFlag, ...]:
    """Every tier that fired, most urgent first; empty if none."""
    return scan_normalised(NORMALISER.normalise(text))


def scan(text: str) -> RedFlag | None:
    """The most urgent red flag in text (crisis, then emergency, then doctor), or None."""
    flags = scan_all(text)
    return flags[0] if flags else None


def looks_like_denial(text: str) -> bool:
    """True for replies such as "no", "I'm fine", "you misunderstood", "just joking".

    A reply that also contains a crisis phrase is not a denial ("no, I really do want to die"),
    whatever the order the caller checks things in: the crisis must stay open.
    """
    norm = NORMALISER.normalise(text)
    if not _DENIALS.fired(norm.text, norm.words):
        return False
    return not any(flag.tier == "crisis" for flag in scan_normalised(norm))
