"""A tiny pattern language over normalised token text, compiled to anchored regular expressions.

The scanner matches against text of the form `" tok1 tok2 ... tokN "`: lowercase ASCII tokens
separated by single spaces, with a space at each end; "." stands for a sentence break. A
pattern is a space-separated list of items:

    word          a literal token ([a-z0-9]+)
    a|b|@CLASS    one of several alternatives; `@CLASS` expands to a class's phrases, and `_`
                  joins the words of a phrase (`no_longer|never`)
    X?            X is optional
    ~N            up to N arbitrary tokens (a small window, never unbounded)
    !X            not followed by X (X as above)
    !{ ... }      not followed by the sequence inside the braces
    <X            not preceded by X
    <#NUM         not preceded by a number
    #AGE          a number from 50 to 129 (an age of 50 or more)
    #MANY         a number of 10 or more
    #N            any number
    ^ $           start / end of the text (sentence breaks there are skipped)
    ^.            the start of a sentence (of the text, or right after a sentence break)
    .             a sentence break or the end of the text follows ("stop being ." is not
                  "stop being so hard on myself")

and `A || B` (spaces around) matches either of two sequences that need the same words.

Every item starts with a space and every token is delimited by spaces, so a match always covers
whole tokens, and `\\S+` inside a window can never overlap the token after it: the regexes have
bounded, deterministic backtracking, whatever the input.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate, count
from operator import add

_WORD = re.compile(r"^[a-z0-9]+$")
_AGE = r" (?:[5-9][0-9]|1[0-2][0-9])"
_AGES = frozenset(str(n) for n in range(50, 130))
_MANY = r" [1-9][0-9]+"
_NUMBER = r" [0-9]+"


# Below this length a plain regex search is cheapest; above it, patterns are tried only in
# small windows around the rarest of their words (a 4,000-character note takes about a ms).
_SHORT_TEXT = 600
_UNBOUNDED = 1 << 30


class Haystack:
    """A normalised text, its set of tokens, and lookup tables built only for long texts."""

    __slots__ = ("_counts", "_occurrences", "_spaces", "anchor_cache", "text", "words")

    def __init__(self, text: str, words: frozenset[str]) -> None:
        """Wrap text (" tok1 tok2 ") and its token set."""
        self.text = text
        self.words = words
        self._spaces: list[int] = []
        self._counts: Counter[str] = Counter()
        # Filled by CompiledPattern: which of its required items to look it up by, in this text.
        self.anchor_cache: dict[int, int] = {}
        self._occurrences: dict[str, list[int]] = {}

    @property
    def is_long(self) -> bool:
        """True if it pays to search windows around rare words rather than the whole text."""
        return len(self.text) >= _SHORT_TEXT

    def _build(self) -> None:
        """Token offsets and counts (C-level builtins only: this runs on 4,000-character texts)."""
        parts = self.text[1:-1].split(" ")
        lengths = accumulate(map(len, parts), initial=0)
        self._spaces = list(map(add, lengths, count()))
        self._counts = Counter(parts)

    @property
    def spaces(self) -> list[int]:
        """Offsets of every space: token i lies between spaces[i] and spaces[i + 1]."""
        if not self._spaces:
            self._build()
        return self._spaces

    @property
    def counts(self) -> Counter[str]:
        """How often each token occurs."""
        if not self._spaces:
            self._build()
        return self._counts

    def occurrences(self, word: str) -> list[int]:
        """The indices of the tokens equal to word (cached: patterns share their rare words)."""
        found = self._occurrences.get(word)
        if found is None:
            text, spaces, needle = self.text, self.spaces, f" {word} "
            found = []
            at = text.find(needle)
            while at >= 0:
                found.append(bisect_left(spaces, at))
                at = text.find(needle, at + 1)
            self._occurrences[word] = found
        return found


@dataclass(frozen=True, slots=True)
class CompiledPattern:
    """One pattern: its regex, and the words that must all be present for it to match."""

    source: str
    regex: re.Pattern[str]
    # One set per required item: the text must contain at least one word of each set.
    required: tuple[frozenset[str], ...]
    # Per required item: how many tokens a match may span before it and from it onwards.
    spans: tuple[tuple[int, int], ...]
    anchored: bool
    # For a pattern of one item: its one-word phrases, whose presence is already a match.
    single_words: frozenset[str]

    def possible(self, words: frozenset[str]) -> bool:
        """False if a word the pattern needs is missing (cheap: no regex)."""
        return not any(needed.isdisjoint(words) for needed in self.required)

    def _anchor(self, hay: Haystack) -> int:
        """The required item whose words occur least often in the text (cached per text)."""
        key = id(self)
        best = hay.anchor_cache.get(key)
        if best is None:
            get, words = hay.counts.__getitem__, hay.words
            best = min(
                range(len(self.required)),
                key=lambda i: sum(map(get, self.required[i].intersection(words))),
            )
            hay.anchor_cache[key] = best
        return best

    def cost(self, hay: Haystack) -> int:
        """How many windows a search would try."""
        anchor = self.required[self._anchor(hay)]
        return sum(map(hay.counts.__getitem__, anchor.intersection(hay.words)))

    def search(self, hay: Haystack) -> bool:
        """True if the pattern matches the text."""
        return self.possible(hay.words) and self.search_possible(hay)

    def search_possible(self, hay: Haystack) -> bool:
        """`search` for a text already known to hold every word the pattern needs."""
        words = hay.words
        if not self.single_words.isdisjoint(words):
            return True
        text = hay.text
        if self.anchored or not hay.is_long:
            return self.regex.search(text) is not None
        best = self._anchor(hay) if len(self.required) > 1 else 0
        before, after = self.spans[best]
        spaces = hay.spaces
        last = len(spaces) - 1
        search = self.regex.search
        for word in self.required[best].intersection(words):
            for token in hay.occurrences(word):
                low = spaces[max(0, token - before)]
                high = len(text) if after >= _UNBOUNDED else spaces[min(last, token + after)] + 1
                if search(text, low, high):
                    return True
        return False

    def finditer(self, hay: Haystack) -> list[tuple[int, int]]:
        """Character spans of the non-overlapping matches, in order.

        A plain regex pass: on long texts it beats windows around common anchor words ("my
        daughter" twenty times), and it only runs once a red flag has fired.
        """
        if not self.possible(hay.words):
            return []
        return [m.span() for m in self.regex.finditer(hay.text)]


def _alternatives(item: str, classes: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The phrases an alternation item stands for."""
    phrases: list[str] = []
    for part in item.split("|"):
        if part.startswith("@"):
            try:
                phrases.extend(classes[part[1:]])
            except KeyError:
                raise ValueError(f"unknown class {part!r}") from None
        else:
            phrases.append(part.replace("_", " "))
    for phrase in phrases:
        for word in phrase.split(" "):
            if not _WORD.match(word):
                raise ValueError(f"bad word {word!r} in {item!r}")
    return phrases


# Words too frequent to be worth looking a phrase up by ("pain in my head" is found by "head").
_COMMON_WORDS = """i me my the a an to of in on at is am are was be it this that and or not no
    can do does did have has had will would could so just with for up out down off all pain feel
    feeling like get go going want time day really very more any"""
_COMMON = frozenset(_COMMON_WORDS.split())


def _anchor_word(phrase: str) -> str:
    """The word of a phrase to look it up by: the longest uncommon one."""
    words = phrase.split(" ")
    uncommon = [w for w in words if w not in _COMMON] or words
    return max(uncommon, key=len)


def _alt_regex(phrases: list[str]) -> str:
    """A non-capturing alternation; longest first so the common case matches without retries."""
    ordered = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(re.escape(p) for p in ordered) + ")"


def _compile_items(
    items: list[str],
    classes: Mapping[str, tuple[str, ...]],
    required: list[frozenset[str]],
    excluding: bool = False,
) -> str:
    """Regex source for a list of items; appends the anchor word sets of required items.

    Inside an exclusion (`excluding`), windows stop at a sentence break, so that an exclusion
    never reaches into the next sentence ("I hurt myself. Doing yoga later" still fires).
    """
    out: list[str] = []
    i = 0
    while i < len(items):
        item = items[i]
        i += 1
        if item == "^":
            out.append(r"^(?: \.)*")
        elif item == "^.":
            out.append(r"(?:^(?: \.)*|(?<= \.))")
        elif item == "$":
            out.append(r"(?=(?: \.)* $)")
        elif item.startswith("~"):
            token = "[a-z0-9]\\S*" if excluding else "\\S+"
            out.append(rf"(?: {token}){{0,{int(item[1:])}}}")
        elif item == "#AGE":
            out.append(_AGE)
            required.append(_AGES)
        elif item == "#MANY":
            out.append(_MANY)
        elif item == "#N":
            out.append(_NUMBER)
        elif item == ".":
            out.append(r"(?= \.| $)")
        elif item == "!{":
            depth, j = 1, i
            while depth:
                if j >= len(items):
                    raise ValueError("unclosed !{")
                depth += items[j] == "!{"
                depth -= items[j] == "}"
                j += 1
            inner = _compile_items(items[i : j - 1], classes, [], excluding=True)
            out.append(f"(?!{inner}(?= ))")
            i = j
        elif item.startswith("!"):
            out.append(f"(?! {_alt_regex(_alternatives(item[1:], classes))}(?= ))")
        elif item == "<#NUM":
            out.append("(?<![0-9])")
        elif item.startswith("<"):
            # Python needs fixed-width look-behinds: one per phrase.
            out.extend(
                f"(?<! {re.escape(p)})" for p in sorted(set(_alternatives(item[1:], classes)))
            )
        elif item.endswith("?"):
            out.append(f"(?: {_alt_regex(_alternatives(item[:-1], classes))})?")
        else:
            phrases = _alternatives(item, classes)
            out.append(" " + _alt_regex(phrases))
            required.append(frozenset(_anchor_word(p) for p in phrases))
    return "".join(out)


def _width(items: list[str], classes: Mapping[str, tuple[str, ...]]) -> list[tuple[str, int]]:
    """Each top-level item with the most tokens it can cover (look-aheads included)."""
    out: list[tuple[str, int]] = []
    i = 0
    while i < len(items):
        item = items[i]
        i += 1
        if item in ("^", "^.", "$", ".") or item.startswith("<"):
            width = 0
        elif item.startswith("~"):
            width = int(item[1:])
        elif item in ("#AGE", "#MANY", "#N"):
            width = 1
        elif item == "!{":
            depth, j = 1, i
            while depth:
                depth += items[j] == "!{"
                depth -= items[j] == "}"
                j += 1
            width = sum(w for _, w in _width(items[i : j - 1], classes))
            i = j
        else:
            core = item.lstrip("!").rstrip("?")
            width = max(len(p.split(" ")) for p in _alternatives(core, classes))
        out.append((item, width))
    return out


def _compile_side(
    items: list[str], classes: Mapping[str, tuple[str, ...]]
) -> tuple[str, list[frozenset[str]], list[tuple[int, int]]]:
    """Regex, required word sets and their spans for one sequence of items."""
    required: list[frozenset[str]] = []
    body = _compile_items(items, classes, required)
    widths = _width(items, classes)
    total = sum(w for _, w in widths)
    spans: list[tuple[int, int]] = []
    before = 0
    for item, width in widths:
        is_required = not (
            item in ("^", "^.", "$", ".", "#MANY", "#N", "!{")
            or item[0] in "~!<"
            or item.endswith("?")
        )
        if is_required:
            # The anchor word may be anywhere in the item's phrase: widen both ways.
            after = _UNBOUNDED if "$" in items else total - before
            spans.append((before + width - 1, after))
        before += width
    return body, required, spans


def compile_pattern(source: str, classes: Mapping[str, tuple[str, ...]]) -> CompiledPattern:
    """Compile one pattern; raises ValueError on a malformed pattern (caught at import).

    `A || B` matches either sequence; both must need the same words (as `near` makes them).
    """
    sides = [side.split() for side in source.split(" || ")]
    if not all(sides):
        raise ValueError(f"empty pattern in {source!r}")
    compiled = [_compile_side(items, classes) for items in sides]
    required = compiled[0][1]
    if not required:
        raise ValueError(f"pattern {source!r} has no required word")
    spans: list[tuple[int, int]] = []
    for k, needed in enumerate(required):
        before, after = compiled[0][2][k]
        for _, other_required, other_spans in compiled[1:]:
            if sorted(map(sorted, other_required)) != sorted(map(sorted, required)):
                raise ValueError(f"the sides of {source!r} need different words")
            other_before, other_after = other_spans[other_required.index(needed)]
            before, after = max(before, other_before), max(after, other_after)
        spans.append((before, after))
    bodies = [body for body, _, _ in compiled]
    regex = bodies[0] if len(bodies) == 1 else "(?:" + "|".join(bodies) + ")"
    items = sides[0]
    single_words = frozenset(
        p
        for p in (_alternatives(items[0], classes) if len(sides) == 1 and len(items) == 1 else [])
        if " " not in p
    )
    anchored = any("^" in side for side in sides)
    return CompiledPattern(
        source, re.compile(regex + "(?= )"), tuple(required), tuple(spans), anchored, single_words
    )


# Items that stand for no literal word.
_NO_WORDS = frozenset({"^", "^.", "$", ".", "!{", "}", "#AGE", "#MANY", "#N", "<#NUM"})


def pattern_words(source: str, classes: Mapping[str, tuple[str, ...]]) -> set[str]:
    """Every literal word a pattern can match (for the normaliser's vocabulary)."""
    words: set[str] = set()
    for item in source.replace(" || ", " ").split():
        if item in _NO_WORDS or item.startswith("~"):
            continue
        core = item.lstrip("!<").rstrip("?")
        for phrase in _alternatives(core, classes):
            words.update(phrase.split(" "))
    return words
