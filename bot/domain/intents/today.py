"""Asking what to do today, in the canonical words (the plan handler relies on them)."""

from __future__ import annotations

import difflib
import re

# Canonical ways of asking; typed text is compared with these word by word.
TODAY_PHRASES = (
    "what should i do today",
    "what should i do",
    "what do i do today",
    "what can i do today",
    "what now",
    "what next",
    "whats next",
    "whats my plan",
    "whats the plan",
    "what is my plan",
    "my plan",
    "plan for today",
    "todays plan",
    "any ideas for today",
    "any ideas",
    "ideas for today",
    "give me a plan",
    "what should i try",
    "suggest something",
    "any suggestions",
    "what exercise today",
    "what movement today",
    "what should i do now",
    "help me move today",
    "goal",
    "my goal",
    "whats my goal",
    "target",
    "todays goal",
)
# A single word that, misspelt by a letter or two, still means the question.
_WORD_FIXES = {
    "shoud": "should", "shuold": "should", "shold": "should", "sould": "should", "shoudl": "should",
    "waht": "what", "wat": "what", "wetin": "what", "wht": "what", "whta": "what", "wut": "what",
    "tody": "today", "todya": "today", "2day": "today", "tdy": "today", "toady": "today",
    "pln": "plan", "paln": "plan", "idea": "ideas", "suggestion": "suggestions",
}  # fmt: skip
_MAX_WORDS = 10  # longer messages are notes or questions about something else
_MATCH = 0.84


def _words(text: str) -> list[str]:
    """Lower-case words without punctuation, with common misspellings mended."""
    cleaned = re.sub(r"[’']", "", text.lower())
    words = re.findall(r"[a-z0-9]+", cleaned)
    return [_WORD_FIXES.get(w, w) for w in words]


def asks_for_today(text: str) -> bool:
    """True when the text asks what to do today (or means the same)."""
    words = _words(text)
    if not words or len(words) > _MAX_WORDS:
        return False
    joined = " ".join(words)
    if joined in TODAY_PHRASES:
        return True
    if difflib.get_close_matches(joined, TODAY_PHRASES, n=1, cutoff=_MATCH):
        return True
    # Looser shapes: "what ... do ... today", "plan ... today", "ideas ... today".
    has = set(words)
    if "what" in has and ("do" in has or "plan" in has) and ("today" in has or "now" in has):
        return True
    return bool(has & {"plan", "ideas", "suggestions"} and "today" in has)
