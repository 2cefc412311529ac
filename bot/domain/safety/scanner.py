"""Running the red-flag rules over a text.

Three alarm tiers (crisis, emergency, doctor) and a light "check" tier. A red flag explained
by its context (another person, a film, a joke, a long-past event: `patterns.CONTEXTS`) softens:
the context's words are masked and the text scanned again; a rule that no longer fires moves to
the context's softer tier. "check" is reported only when no alarm tier fired.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.safety import models
from bot.domain.safety.dsl import CompiledPattern, Haystack, compile_pattern, pattern_words
from bot.domain.safety.lexicon import CONTRACTIONS
from bot.domain.safety.matcher import PatternSet
from bot.domain.safety.normalize import BREAK, Normalised, Normaliser
from bot.domain.safety.patterns import (
    CLASSES,
    CONTEXTS,
    DENIAL_PATTERNS,
    FIRST_PERSON,
    FUZZY_WORDS,
    OVERDOSE_NOW,
    OVERDOSE_ON_PURPOSE,
    RULES,
    SWAP_WORDS,
    Context,
    Tier,
)
from bot.domain.safety.protected import PROTECTED
from bot.domain.safety.triage import BODY_ALARM, body_alarm

# Most urgent first: a person in crisis must get the crisis reply.
# "triage" (one question: is this new, severe or getting worse?) and "check" come alone.
TIER_ORDER: tuple[Tier, ...] = ("crisis", "emergency", "doctor", "triage", "check")
ALARM_TIERS: frozenset[Tier] = frozenset(("crisis", "emergency", "doctor"))

# Tokens an "after" context span may cover past its match.
_AFTER_REACH = 10
_VERB_REACH = 3
# Above this length, contexts are only looked for around the sentences that raised a flag.
_LONG_TEXT = 600
_MASK = "x"


@dataclass(frozen=True, slots=True)
class RedFlag:
    """A tier that fired, with the ids of the rules behind it (for logs and tests only)."""

    tier: Tier
    matched: tuple[str, ...]


def _vocabulary() -> frozenset[str]:
    """Every word a rule, context or denial pattern can match, plus contraction outputs."""
    words: set[str] = set()
    sources = [p for rule in RULES for group in (rule.any_of, *rule.also) for p in group]
    sources += [p for context in CONTEXTS for p in context.patterns]
    for source in (*sources, *DENIAL_PATTERNS):
        words |= pattern_words(source, CLASSES)
    for expansion in CONTRACTIONS.values():
        words.update(expansion)
    words |= set(BODY_ALARM)
    return frozenset(words)


_VOCABULARY = _vocabulary()


def vocabulary() -> frozenset[str]:
    """The words the normaliser keeps and corrects towards."""
    return _VOCABULARY


_RULES = PatternSet([(rule.any_of, *rule.also) for rule in RULES], CLASSES)
# Each denial pattern is a rule of its own: any one of them is enough.
_DENIALS = PatternSet([((p,),) for p in DENIAL_PATTERNS], CLASSES)
_CONTEXT_PATTERNS: tuple[tuple[Context, tuple[CompiledPattern, ...]], ...] = tuple(
    (context, tuple(compile_pattern(p, CLASSES) for p in context.patterns)) for context in CONTEXTS
)
# A sign said to be absent ("no thoughts of harming myself"): the crisis model, which reads the
# words and not the "no", must not turn that check back into the crisis reply.
_NEGATED = next(patterns for context, patterns in _CONTEXT_PATTERNS if context.id == "negated")
NORMALISER = Normaliser(_VOCABULARY, FUZZY_WORDS, PROTECTED, SWAP_WORDS)


def _spans(norm: Normalised, tiers: set[Tier]) -> list[tuple[Context, int, int]]:
    """Token ranges [start, end) covered by each matching context that may soften tiers."""
    found: list[tuple[Context, int, int]] = []
    hay = Haystack(norm.text, norm.words)
    tokens: list[str] = []
    starts: dict[int, int] = {}
    matches: dict[str, list[tuple[int, int]]] = {}
    for context, patterns in _CONTEXT_PATTERNS:
        if tiers.isdisjoint(context.softens):
            continue
        for pattern in patterns:
            spans = matches.get(pattern.source)
            if spans is None:
                spans = matches[pattern.source] = pattern.finditer(hay)
            for low, high in spans:
                if not tokens:
                    tokens = norm.text[1:-1].split(" ")
                    offset = 0
                    for i, token in enumerate(tokens):
                        starts[offset] = i
                        offset += len(token) + 1
                start = starts[low]
                end = start + len(norm.text[low + 1 : high].split(" "))
                span = _widen(context, tokens, start, end)
                if span is not None:
                    found.append((context, *span))
    return found


def _widen(context: Context, tokens: list[str], start: int, end: int) -> tuple[int, int] | None:
    """The tokens a context match covers under its scope, or None if it must not apply."""
    if context.scope == "after":
        stop = end
        while stop < len(tokens) and stop < end + _AFTER_REACH:
            if tokens[stop] == BREAK or tokens[stop] in FIRST_PERSON:
                break
            stop += 1
        # "I want someone to kill me", "someone went into the back of us": a span cut short by
        # "me" or "us" is about the person.
        if stop < len(tokens) and tokens[stop] in ("me", "myself", "us", "ourselves"):
            return None
        # The verb right after the subject says whether it is happening now.
        if not context.blocked_by.isdisjoint(tokens[end : min(stop, end + _VERB_REACH)]):
            return None
        return start, stop
    if context.scope == "clause":
        low, high = start, end
        while low > 0 and tokens[low - 1] != BREAK:
            low -= 1
        while high < len(tokens) and tokens[high] != BREAK:
            high += 1
        # Any first-person word in the sentence (but the "my" of "my friend") keeps it about
        # the person; words before the other person are not covered.
        rest = tokens[low:start] + tokens[end:high]
        if not FIRST_PERSON.isdisjoint(rest):
            return None
        return start, high
    if context.scope == "sentence":
        low = start
        while low > 0 and tokens[low - 1] != BREAK:
            low -= 1
        if low > 0:
            # The sentence before too: "chest pain yesterday, turned out to be nothing".
            low -= 1
            while low > 0 and tokens[low - 1] != BREAK:
                low -= 1
        high = end
        while high < len(tokens) and tokens[high] != BREAK:
            high += 1
        outside = tokens[low:start] + tokens[end:high]
        if context.look_ahead:
            ahead = high + 1
            while ahead < len(tokens) and tokens[ahead] != BREAK:
                ahead += 1
            outside += tokens[high:ahead]
        if not context.blocked_by.isdisjoint(outside):
            return None
        return low, high
    return start, end


def _still_firing(
    tokens: list[str], spans: list[tuple[Context, int, int]], rules: list[int]
) -> set[int]:
    """Which of the given rules still fire once the spans are masked."""
    masked = list(tokens)
    for _, start, end in spans:
        for i in range(start, end):
            if masked[i] != BREAK:
                masked[i] = _MASK
    return set(_RULES.fired(" " + " ".join(masked) + " ", frozenset(masked), rules))


def _soften(norm: Normalised, fired: list[int]) -> dict[int, Tier]:
    """For each fired alarm rule that a context explains away, the tier it softens to.

    Contexts are applied softest target first ("check", then "doctor"): a rule explained by a
    joke is a check even if "fine now" would only have made it a doctor flag.
    """
    tiers = {RULES[r].tier for r in fired} & ALARM_TIERS
    spans = _spans(norm, tiers)
    if not spans:
        return {}
    tokens = norm.text[1:-1].split(" ")
    softened: dict[int, Tier] = {}
    for target in reversed(TIER_ORDER):
        if not any(c.to == target for c, _, _ in spans):
            continue
        for tier in tiers:
            if TIER_ORDER.index(target) <= TIER_ORDER.index(tier):
                continue
            # Only the contexts that may soften this tier, and no harsher target than this one.
            mine = [
                span
                for span in spans
                if tier in span[0].softens
                and TIER_ORDER.index(span[0].to) >= TIER_ORDER.index(target)
            ]
            if not mine:
                continue
            open_rules = [r for r in fired if RULES[r].tier == tier and r not in softened]
            # Rules that the same contexts may soften are tried together.
            groups: dict[tuple[int, ...], list[int]] = {}
            for r in open_rules:
                key = tuple(i for i, span in enumerate(mine) if span[0].applies_to(RULES[r].id))
                if key:
                    groups.setdefault(key, []).append(r)
            for key, rules in groups.items():
                still = _still_firing(tokens, [mine[i] for i in key], rules)
                for r in rules:
                    if r not in still:
                        softened[r] = target
    return softened


def _around(norm: Normalised, fired: list[int]) -> Normalised:
    """For a long text, only the sentences holding words of the fired rules, with one sentence
    on each side: contexts are looked for there (a rule firing only across the whole text is
    then never softened, which is fail safe)."""
    if len(norm.text) < _LONG_TEXT:
        return norm
    words: set[str] = set()
    for r in fired:
        words |= _RULES.rule_words(r)
    tokens = norm.text[1:-1].split(" ")
    sentences: list[list[str]] = [[]]
    for token in tokens:
        sentences[-1].append(token)
        if token == BREAK:
            sentences.append([])
    keep = [i for i, sentence in enumerate(sentences) if not words.isdisjoint(sentence)]
    chosen = sorted({j for i in keep for j in (i - 1, i, i + 1) if 0 <= j < len(sentences)})
    kept = [token for i in chosen for token in sentences[i]]
    if 2 * len(kept) > len(tokens):
        return norm  # hardly shorter: not worth a second pass
    return Normalised(" " + " ".join(kept) + " ", frozenset(kept))


# An overdose already taken: the emergency reply leads even over the crisis reply.
OVERDOSE_TAKEN = "emergency.overdose_taken"
# Someone else's overdose, now ("my flatmate swallowed a box of paracetamol"): the emergency
# reply leads when no crisis rule fires once the words of that overdose are masked.
OVERDOSE_OTHER = "emergency.overdose_other"
_OVERDOSE_OTHER_PATTERNS = tuple(
    compile_pattern(p, CLASSES) for rule in RULES if rule.id == OVERDOSE_OTHER for p in rule.any_of
)
# Words that may say the person wants the same ("...and I want to do the same"): the crisis
# reply keeps the lead.
_OVERDOSE_ME_TOO = frozenset(("same", "too", "join", "myself", "also", "want", "wanna", "wish"))
# The rule id reported when the triage net, not a rule, raised the flag.
TRIAGE_RULE = "triage.body"
# The rule ids reported when a model, not a pattern, raised the flag.
MODEL_RULE = "crisis.model"
DOCTOR_MODEL_RULE = "doctor.model"
# How much surer than its threshold the model must be to turn a pattern's light check into the
# crisis reply ("i sort of want to disappear for good" softened as vague despair, scoring 19.0;
# "my friend said she wants to die", about someone else, scoring 12.1, stays a check).
CHECK_UPGRADE_MARGIN = 5.0
# The rule families whose softened check the model upgrades at that margin (crisis words,
# vague despair); a body rule's check needs this one ("lose my mind ... I want it all to go
# away" scores 28.8, "lose my mind if it rains again" 14.4).
_CRISIS_WORDS = frozenset(("crisis", "check"))
BODY_CHECK_UPGRADE_MARGIN = 15.0


def scan_normalised(norm: Normalised) -> tuple[RedFlag, ...]:
    """Every alarm tier that fired on already-normalised text, most urgent first.

    "check" is reported alone, and only when no alarm tier fired.
    """
    fired = _RULES.fired(norm.text, norm.words)
    if not fired:
        return ()
    softened: dict[int, Tier] = {}
    if any(RULES[r].tier in ALARM_TIERS for r in fired):
        near = _around(norm, fired)
        if near is norm:
            softened = _soften(norm, fired)
        else:
            # Only rules that still fire on the shortened text can be explained away there.
            softened = _soften(near, _RULES.fired(near.text, near.words, fired))
    by_tier: dict[Tier, list[str]] = {}
    for r in fired:
        rule = RULES[r]
        tier = softened.get(r, rule.tier)
        by_tier.setdefault(tier, []).append(rule.id)
    flags = tuple(RedFlag(tier, tuple(by_tier[tier])) for tier in TIER_ORDER if tier in by_tier)
    if len(flags) > 1 and flags[-1].tier == "check":
        flags = flags[:-1]
    if (
        OVERDOSE_TAKEN in by_tier.get("emergency", ())
        and flags[0].tier == "crisis"
        and _overdose_is_medical(norm)
    ):
        # Too many pills by mistake, or drowsy now: "call 999 now" leads.
        flags = (flags[1], flags[0], *flags[2:])
    elif (
        OVERDOSE_OTHER in by_tier.get("emergency", ())
        and flags[0].tier == "crisis"
        and _OVERDOSE_ME_TOO.isdisjoint(norm.words)
        and not _crisis_beside_overdose(norm, [r for r in fired if RULES[r].tier == "crisis"])
    ):
        flags = (flags[1], flags[0], *flags[2:])
    return flags


def _crisis_beside_overdose(norm: Normalised, crisis_rules: list[int]) -> bool:
    """Whether a crisis rule still fires once someone else's overdose is masked."""
    tokens = norm.text[1:-1].split(" ")
    starts: dict[int, int] = {}
    offset = 0
    for i, token in enumerate(tokens):
        starts[offset] = i
        offset += len(token) + 1
    masked = list(tokens)
    hay = Haystack(norm.text, norm.words)
    for pattern in _OVERDOSE_OTHER_PATTERNS:
        for low, high in pattern.finditer(hay):
            start = starts[low]
            for i in range(start, start + len(norm.text[low + 1 : high].split(" "))):
                masked[i] = _MASK
    text = " " + " ".join(masked) + " "
    return bool(_RULES.fired(text, frozenset(masked), crisis_rules))


def _overdose_is_medical(norm: Normalised) -> bool:
    """Whether an overdose taken reads as a mistake or danger in the body, not as intent."""
    words = norm.words
    if not OVERDOSE_ON_PURPOSE.isdisjoint(words) or " not an accident " in norm.text:
        return False
    return not OVERDOSE_NOW.isdisjoint(words)


def scan_all(text: str) -> tuple[RedFlag, ...]:
    """Every tier that fired, most urgent first; empty if none. "check" only comes alone.

    Where the patterns raise no alarm, the models have a second look: phrasings nobody wrote a
    rule for get the light check (a model alone never raises a full alarm).
    """
    norm = NORMALISER.normalise(text)
    flags = scan_normalised(norm)
    if flags and flags[0].tier != "check":
        return flags
    if flags:
        # A pattern's softened "check" (someone else, an idiom, the past) becomes the crisis
        # reply only when the model is much surer than its threshold: two readers agree. A
        # body rule's check ("I'm going to lose my mind if it rains again", a doctor rule in an
        # idiom) is not a crisis reading, so the model must be surer still there.
        crisis_words = not _CRISIS_WORDS.isdisjoint(
            rule.partition(".")[0] for rule in flags[0].matched
        )
        margin = CHECK_UPGRADE_MARGIN if crisis_words else BODY_CHECK_UPGRADE_MARGIN
        hay = Haystack(norm.text, norm.words)
        negated = any(pattern.search(hay) for pattern in _NEGATED)
        if not negated and models.get("crisis").fires(text, margin):
            return (RedFlag("crisis", (MODEL_RULE,)),)
        return flags
    # A model alone never raises a full alarm: it was trained on far fewer everyday messages
    # than people send ("i want to change my reminder time" scored as crisis), so where only a
    # model fires the person gets the light "are you OK?" check, with "I need help" one tap away.
    if models.get("crisis").fires(text):
        return (RedFlag("check", (MODEL_RULE,)),)
    if models.get("doctor").fires(text):
        return (RedFlag("check", (DOCTOR_MODEL_RULE,)),)
    if body_alarm(norm):
        # Alarm words about the body that no rule explained: ask one question, never stay silent.
        return (RedFlag("triage", (TRIAGE_RULE,)),)
    return flags


def crisis_score(text: str) -> float:
    """The crisis model's log-odds for a text (see tools/models/train.py)."""
    return models.get("crisis").score(text)


def doctor_score(text: str) -> float:
    """The see-a-doctor model's log-odds for a text (see tools/models/train.py)."""
    return models.get("doctor").score(text)


def scan(text: str) -> RedFlag | None:
    """The most urgent red flag in text (crisis, emergency, doctor, then check), or None."""
    flags = scan_all(text)
    return flags[0] if flags else None


def is_alarm(flag: RedFlag | None) -> bool:
    """True for a full safety reply (crisis, emergency or doctor); False for "check" or None."""
    return flag is not None and flag.tier in ALARM_TIERS


def looks_like_denial(text: str) -> bool:
    """True for replies such as "no", "I'm fine", "you misunderstood", "just joking".

    A reply that also contains a crisis phrase is not a denial ("no, I really do want to die"),
    whatever the order the caller checks things in: the crisis must stay open.
    """
    norm = NORMALISER.normalise(text)
    if not _DENIALS.fired(norm.text, norm.words):
        return False
    return not any(flag.tier == "crisis" for flag in scan_normalised(norm))
