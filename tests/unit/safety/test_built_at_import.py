"""Structures the scanner builds once, at import, rebuilt now must come out the same.

The safety scanner compiles its rules, vocabulary and answer words when it is imported. Built
again here by the same functions, they must equal what import built: this pins the builders
themselves (a change to how a rule set is indexed, or how answer words are joined, shows here
even when every phrase still happens to read right).
"""

from __future__ import annotations

from bot.domain.safety import conversation, scanner
from bot.domain.safety.matcher import PatternSet
from bot.domain.safety.patterns import CLASSES, DENIAL_PATTERNS, RULES


def shape(rules: PatternSet) -> tuple[object, ...]:
    """Everything a PatternSet holds, comparable (patterns by their source and required words)."""
    patterns = tuple((p.source, p.required, p.spans, p.anchored, p.single_words)
                     for p in rules._patterns)  # fmt: skip
    return (patterns, tuple(rules._rules), rules._index, rules._keys, rules._rules_of,
            rules._words_of)  # fmt: skip


def test_the_rule_index_rebuilt_equals_the_one_built_at_import() -> None:
    rebuilt = PatternSet([(rule.any_of, *rule.also) for rule in RULES], CLASSES)
    assert shape(rebuilt) == shape(scanner._RULES)
    denials = PatternSet([((p,),) for p in DENIAL_PATTERNS], CLASSES)
    assert shape(denials) == shape(scanner._DENIALS)


def test_a_rule_set_is_indexed_by_each_patterns_rarest_words() -> None:
    rules = PatternSet([(("chest pain",), ("crushing",)), (("chest pain",),)], CLASSES)
    # Two rules share one compiled pattern; each pattern is found by its own words.
    assert len(rules._patterns) == 2
    assert rules._rules == [((0,), (1,)), ((0,),)]
    assert rules._rules_of == {0: frozenset({0, 1}), 1: frozenset({0})}
    assert rules._index == {"chest": frozenset({0}), "crushing": frozenset({1})}
    assert rules._keys == frozenset({"chest", "crushing"})
    assert rules.rule_words(0) == frozenset({"chest", "pain", "crushing"})
    assert rules.rule_words(1) == frozenset({"chest", "pain"})


def test_the_vocabulary_rebuilt_equals_the_one_built_at_import() -> None:
    assert scanner._vocabulary() == scanner._VOCABULARY


def test_the_answer_words_rebuilt_equal_the_ones_built_at_import() -> None:
    pairs = [
        (conversation._YES, conversation._YES_RE),
        (conversation._HEAVY, conversation._HEAVY_RE),
        (conversation._NOT_SAFE, conversation._NOT_SAFE_RE),
        (conversation._ROUGH, conversation._ROUGH_RE),
        (conversation._BETTER, conversation._BETTER_RE),
    ]
    for source, built in pairs:
        assert conversation._words(source).pattern == built.pattern


def test_answer_words_match_whole_words_only_longest_first() -> None:
    words = conversation._words("not\nok  not\\s+bad")
    assert words.search("not   bad at all").group() == "not   bad"  # the longer phrase wins
    assert words.search("ok then").group() == "ok"
    assert words.search("okapi") is None and words.search("book") is None


def test_plain_folds_case_punctuation_apostrophes_and_cannot() -> None:
    table = [
        ("Yes, I AM!!", "yes i am"),
        ("I can’t", "i cant"),
        ("I don' t know", "i dont know"),
        ("cannot   go", "can not go"),
        ("  ", ""),
        ("Won`t", "wont"),
        ("n t", "nt"),
    ]
    for text, plain in table:
        assert conversation._plain(text) == plain, text
