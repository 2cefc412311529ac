"""Matching many rules at once: shared patterns, an index from words to patterns, memoised hits."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from bot.domain.safety.dsl import CompiledPattern, Haystack, compile_pattern

# A rule: every group needs one matching pattern (given as pattern sources).
RuleGroups = Sequence[Sequence[str]]


class PatternSet:
    """Compiled rules; `fired` returns the indices of the rules that match a text."""

    def __init__(self, rules: Sequence[RuleGroups], classes: Mapping[str, tuple[str, ...]]) -> None:
        """Compile every distinct pattern once and index it by its least common words."""
        ids: dict[str, int] = {}
        patterns: list[CompiledPattern] = []
        self._rules: list[tuple[tuple[int, ...], ...]] = []
        for groups in rules:
            compiled_groups: list[tuple[int, ...]] = []
            for group in groups:
                indices: list[int] = []
                for source in group:
                    if source not in ids:
                        ids[source] = len(patterns)
                        patterns.append(compile_pattern(source, classes))
                    indices.append(ids[source])
                compiled_groups.append(tuple(indices))
            self._rules.append(tuple(compiled_groups))
        self._patterns = tuple(patterns)
        # A pattern can only match if one of the words of its smallest required set is present,
        # so a text only wakes up the patterns indexed under its own words.
        index: dict[str, set[int]] = {}
        for i, pattern in enumerate(patterns):
            for word in min(pattern.required, key=len):
                index.setdefault(word, set()).add(i)
        self._index = {word: frozenset(found) for word, found in index.items()}
        self._keys = frozenset(index)
        rules_of: dict[int, set[int]] = {}
        for r, rule_groups in enumerate(self._rules):
            for indices_ in rule_groups:
                for i in indices_:
                    rules_of.setdefault(i, set()).add(r)
        self._rules_of = {i: frozenset(rs) for i, rs in rules_of.items()}
        self._words_of = tuple(
            frozenset(
                word
                for group in rule_groups
                for i in group
                for needed in self._patterns[i].required
                for word in needed
            )
            for rule_groups in self._rules
        )

    def rule_words(self, rule: int) -> frozenset[str]:
        """Every word one of the rule's patterns may be looked up by."""
        return self._words_of[rule]

    def fired(
        self, text: str, words: frozenset[str], only: Collection[int] | None = None
    ) -> list[int]:
        """Indices (in order) of the rules that match the normalised text (of `only`, if given)."""
        candidates: set[int] = set()
        if only is None:
            for word in self._keys.intersection(words):
                candidates.update(self._index[word])
        else:
            for r in only:
                for group in self._rules[r]:
                    candidates.update(group)
        possible = {i for i in candidates if self._patterns[i].possible(words)}
        if not possible:
            return []
        rules: set[int] = set()
        for i in possible:
            rules.update(self._rules_of[i])
        if only is not None:
            rules.intersection_update(only)
        hay = Haystack(text, words)
        hits: dict[int, bool] = {}

        def hit(i: int) -> bool:
            """Whether pattern i matches, computed at most once per text."""
            if i not in hits:
                hits[i] = self._patterns[i].search_possible(hay)
            return hits[i]

        out: list[int] = []
        for r in sorted(rules):
            groups = [[i for i in group if i in possible] for group in self._rules[r]]
            if not all(groups):
                continue
            if len(groups) > 1 and hay.is_long:
                # Cheapest group first: most rules fail on their rarest part.
                groups.sort(key=lambda g: min(self._patterns[i].cost(hay) for i in g))
            if all(any(hit(i) for i in group) for group in groups):
                out.append(r)
        return out
