"""Turning free text into the token form the patterns match: folded, expanded, typo-corrected."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain.safety.lexicon import (
    APOSTROPHE_IS,
    COMPOUNDS,
    CONTRACTIONS,
    LEET,
    PIDGIN,
    QUOTES_LIKE,
)

_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_QUOTE = re.compile("[" + "".join(QUOTES_LIKE) + "]")
# After an apostrophe: the contraction suffixes ("can't", "i'm", "you're", "i'd", "it's").
_SUFFIX = re.compile(r"(t|m|re|ve|ll|d|s)\b")
_NOT_SPECIAL = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
_SUFFIX_WORD = {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would"}
_APOSTROPHE_IS = frozenset(APOSTROPHE_IS)
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
# A run of word characters (with look-alike symbols), or a sentence break: punctuation, line
# breaks and emojis become the token ".", so that an exclusion ("go on a walk") never reaches
# into the next sentence ("I can't go on. A walk won't help").
_CHUNK = re.compile(r"[a-z0-9@$*!]+|[.?;:,\n\r]+|[\U0001F000-\U0001FAFF\u2600-\u27BF]+")
BREAK = "."
# Emojis of laughter, and the token they stand for (no pattern word, no real word).
_LAUGHING = frozenset("\U0001f602\U0001f923\U0001f606\U0001f639\U0001f480")
LAUGH = "laughemoji"
_ALNUM = re.compile(r"[a-z0-9]+")
_ALPHA_OR_DIGITS = re.compile(r"[a-z]+|[0-9]+")
_RUN3 = re.compile(r"([a-z])\1{2,}")
_RUN2 = re.compile(r"([a-z])\1+")

# "chest stretch" -> "cheststretch": see lexicon.COMPOUNDS. The second word is only looked at,
# not consumed, so that overlapping pairs are all found.
_COMPOUND_FIRSTS = frozenset(COMPOUNDS)
_COMPOUND = re.compile(
    r" ("
    + "|".join(sorted(COMPOUNDS))
    + r") (?=("
    + "|".join(sorted(set().union(*COMPOUNDS.values())))
    + r") )"
)


def _compound(match: re.Match[str]) -> str:
    """Join a compound's first word to the next, if the pair is a listed compound."""
    first, second = match.group(1), match.group(2)
    return " " + first if second in COMPOUNDS[first] else match.group(0)


# Pidgin phrases (lexicon.PIDGIN): looked for only when all the words of one are there, and
# first only when one of their less common words is (most messages have "i" and "no").
_PIDGIN_WORDS = tuple(frozenset(phrase.split(" ")) for phrase in PIDGIN)
_PIDGIN_KEYS = frozenset().union(*_PIDGIN_WORDS) - {"i", "no", "not", "eye", "eyes", "want"}
_PIDGIN = re.compile(
    r"(?<= )(" + "|".join(re.escape(p) for p in sorted(PIDGIN, key=len, reverse=True)) + r")(?= )"
)


def _pidgin(match: re.Match[str]) -> str:
    """The English for one Pidgin phrase."""
    return PIDGIN[match.group(1)]


# Fuzzy matching is for typos of key words, not for short words where one letter makes a
# different common word ("pain"/"paint", "numb"/"dumb").
_MIN_FUZZY_TOKEN = 4
_CACHE_LIMIT = 50_000


@dataclass(frozen=True, slots=True)
class Normalised:
    """Text as the patterns see it: `" tok1 tok2 "`, plus the set of its tokens."""

    text: str
    words: frozenset[str]


def _contraction(word: str, suffix: str) -> str:
    """A word and its apostrophe suffix, expanded: ("don", "t") -> "do not"."""
    if suffix == "t":
        if word.endswith("n"):
            stem = word[:-1]
            return _NOT_SPECIAL.get(stem, stem) + " not"
        return word
    if suffix == "s":
        # "it's" is "it is"; "my husband's" is a possessive.
        return word + " is" if word in _APOSTROPHE_IS else word
    return word + " " + _SUFFIX_WORD[suffix]


def _expand_apostrophes(text: str) -> str:
    """Expand contractions and drop every apostrophe (split on them: faster than a regex)."""
    parts = text.split("'")
    out = [parts[0]]
    for part in parts[1:]:
        left = out[-1]
        suffix = _SUFFIX.match(part)
        if suffix is not None and left and left[-1] in _LETTERS:
            start = len(left) - 1
            while start > 0 and left[start - 1] in _LETTERS:
                start -= 1
            out[-1] = left[:start] + _contraction(left[start:], suffix.group(1))
            part = part[suffix.end() :]
        out.append(part)
    return "".join(out)


def fold(text: str) -> str:
    """Lowercase, strip accents, straighten quotes, expand apostrophe contractions."""
    text = text.casefold()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = _QUOTE.sub("'", text)
    if "'" in text:
        text = _expand_apostrophes(text)
    return text


def _squeeze(word: str) -> str:
    """Every run of a repeated letter down to one: 'cheeeest' -> 'chest'."""
    return _RUN2.sub(r"\1", word)


def _deletions(word: str) -> Iterable[str]:
    """Every string one deletion away from word."""
    return (word[:i] + word[i + 1 :] for i in range(len(word)))


def _osa_within_one(a: str, b: str) -> bool:
    """True if a and b differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


class Normaliser:
    """Normalises text against a vocabulary of pattern words, correcting near misses."""

    def __init__(
        self,
        vocabulary: Iterable[str],
        fuzzy_words: Iterable[str],
        protected: Iterable[str],
        swap_words: Iterable[str] = (),
    ) -> None:
        """Index the vocabulary; fuzzy_words may be matched with one typo unless protected.

        swap_words are short key words ("pain", "numb") recognised with two neighbouring letters
        swapped ("pian"), the one typo of a short word that rarely makes another real word.
        """
        self._vocabulary = frozenset(vocabulary)
        self._swaps: dict[str, str] = {}
        for word in swap_words:
            if word not in self._vocabulary:
                raise ValueError(f"swap word {word!r} is not used by any pattern")
            for i in range(len(word) - 1):
                swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
                if swapped != word and swapped not in self._vocabulary:
                    self._swaps.setdefault(swapped, word)
        # "od" (overdose) is left out: "oddd" is "odd", not an overdose.
        # Longest first, so that the shortest word wins a shared form ("to" over "too").
        by_length = sorted(self._vocabulary, key=lambda w: (-len(w), w))
        self._squeezed = {_squeeze(w): w for w in by_length if len(w) >= 2 and w != "od"}
        self._protected = frozenset(protected)
        self._fuzzy: dict[str, set[str]] = {}
        for word in fuzzy_words:
            if word not in self._vocabulary:
                raise ValueError(f"fuzzy word {word!r} is not used by any pattern")
            self._fuzzy.setdefault(word, set()).add(word)
            for d in _deletions(word):
                self._fuzzy.setdefault(d, set()).add(word)
        self._cache: dict[str, tuple[str, ...]] = {}

    def normalise(self, text: str) -> Normalised:
        """Fold, tokenise, correct and join the text."""
        tokens: list[str] = []
        cached = self._cache.get
        for chunk in _CHUNK.findall(fold(text)):
            found = cached(chunk)
            tokens.extend(self._chunk(chunk) if found is None else found)
        joined = " " + " ".join(tokens) + " "
        while " . . " in joined:
            joined = joined.replace(" . . ", " . ")
        # A rewrite may feed one more ("no dey see" -> "not see" -> "can not see").
        for _ in range(2 if not _PIDGIN_KEYS.isdisjoint(tokens) else 0):
            present = frozenset(tokens)
            if not any(words <= present for words in _PIDGIN_WORDS):
                break
            joined = _PIDGIN.sub(_pidgin, joined)
            tokens = joined[1:-1].split(" ")
        if _COMPOUND_FIRSTS.isdisjoint(tokens):
            return Normalised(joined, frozenset(tokens))
        joined = _COMPOUND.sub(_compound, joined)
        return Normalised(joined, frozenset(joined.split()))

    def _chunk(self, chunk: str) -> tuple[str, ...]:
        """Tokens for one run of letters, digits and look-alike symbols (cached)."""
        cached = self._cache.get(chunk)
        if cached is not None:
            return cached
        result = self._chunk_uncached(chunk)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[chunk] = result
        return result

    def _chunk_uncached(self, chunk: str) -> tuple[str, ...]:
        """Tokens for one chunk: plain words directly, mixed ones tried as look-alike spelling."""
        if not (chunk[0].isalnum() or chunk[0] in "!*@$"):
            # Tears of laughter or a skull are a token of their own ("I can't breathe 😂😂" is
            # a joke); not "lol", which a denial pattern reads as "only joking".
            if not _LAUGHING.isdisjoint(chunk):
                return (LAUGH, BREAK)
            return (BREAK,)
        if chunk.endswith("!") and chunk.strip("!"):
            # "help!" ends a sentence; "k!ll" does not.
            return (*self._chunk_uncached(chunk.rstrip("!")), BREAK)
        inner = chunk.strip("!*@$")
        if not inner:
            return (BREAK,) if "!" in chunk else ()
        if inner.isalpha():
            return self._word(inner)[0]
        if not inner.isdigit() and any(c.isalpha() for c in inner):
            decoded = inner.translate(LEET)
            if decoded.isalpha():
                tokens, known = self._word(decoded)
                if known:
                    return tokens
        parts: list[str] = []
        for piece in _ALNUM.findall(inner):
            for part in _ALPHA_OR_DIGITS.findall(piece):
                parts.extend(self._word(part)[0] if part.isalpha() else (part,))
        return tuple(parts)

    def _word(self, word: str) -> tuple[tuple[str, ...], bool]:
        """Canonical tokens for one alphabetic word, and whether it is a pattern word."""
        if word in CONTRACTIONS:
            return CONTRACTIONS[word], True
        if word in self._vocabulary:
            return (word,), True
        if word in self._protected:
            return (word,), False
        if _RUN3.search(word):
            # Stretched words ("sooo", "cheeeest"): try the squeezed form first.
            word = _RUN3.sub(r"\1\1", word)
            if word in self._vocabulary:
                return (word,), True
            squeezed = _squeeze(word)
            if squeezed in CONTRACTIONS:
                return CONTRACTIONS[squeezed], True
            if squeezed in self._squeezed:
                return (self._squeezed[squeezed],), True
        elif _RUN2.search(word):
            # A doubled letter is a common typo ("painn", "numbbness").
            known = self._squeezed.get(_squeeze(word))
            if known is not None:
                return (known,), True
        swapped = self._swaps.get(word)
        if swapped is not None:
            return (swapped,), True
        corrected = self._correct(word)
        if corrected is not None:
            return (corrected,), True
        return (word,), False

    def _correct(self, word: str) -> str | None:
        """The key word one typo away from word, if any (same length first, then A-Z)."""
        if len(word) < _MIN_FUZZY_TOKEN:
            return None
        candidates: set[str] = set(self._fuzzy.get(word, ()))
        for d in _deletions(word):
            candidates.update(self._fuzzy.get(d, ()))
        matches = sorted(c for c in candidates if _osa_within_one(word, c))
        if not matches:
            return None
        # Prefer the candidate of the same length (a substitution or swap) when several fit.
        matches.sort(key=lambda c: abs(len(c) - len(word)))
        return matches[0]
