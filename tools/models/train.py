"""Train the second-look models: naive Bayes over words and word pairs, one tier against the rest.

    python -m tools.models.train          # rewrite bot/domain/safety/*_model.json
    python -m tools.models.train --check  # exit 1 if a model file is out of date

The patterns catch what they were written for; phrasings nobody wrote a rule for slip past them.
These models are the second look: where the patterns raise nothing, a text whose score reaches
the threshold gets the light "are you OK?" check, never a full alarm on its own (the crisis
model also turns a pattern's light check into the crisis reply when it is surer still).

They learn from the red-flag phrase sets (tests/unit/safety/phrases/), the blind sets once
scanned (tests/unit/blind/round*/), and, as negatives, every everyday message the bot expects:
the intent tables, the set-up answers, typed check-in answers and everyday notes. Without those,
"i want to change my reminder time" looked like "i want to die" to the crisis model.
Each threshold was chosen by 5-fold cross-validation, printed by this command: a score that
about half a percent of held-out benign notes reach, or fewer.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bot.domain.safety.crisis_features import features
from bot.domain.safety.models import file_name

ROOT = Path(__file__).resolve().parents[2]
PHRASES = ROOT / "tests" / "unit" / "safety" / "phrases"
BLIND = ROOT / "tests" / "unit" / "blind"
# Everyday tables: the intent reader's, the set-up answers'.
EVERYDAY_TABLES = (
    ROOT / "tests" / "unit" / "intents" / "phrases.tsv",
    ROOT / "tests" / "unit" / "intents" / "holdout.tsv",
    ROOT / "tests" / "unit" / "setup_phrases" / "phrases.tsv",
    Path(__file__).with_name("everyday.txt"),
)
PACKAGE = ROOT / "bot" / "domain" / "safety"
ALPHA = 0.5  # Laplace-style smoothing
MIN_COUNT = 2  # a word or pair seen once says nothing reliable
MIN_WEIGHT = 0.25  # weights closer to zero are left out: they barely move a score


@dataclass(frozen=True)
class Spec:
    """One tier's model: what it learns from, and its threshold."""

    tier: str
    others: tuple[str, ...]
    threshold: float

    @property
    def target(self) -> Path:
        """The generated file."""
        return PACKAGE / file_name(self.tier)


SPECS = (
    Spec("crisis", ("emergency", "doctor", "benign", "everyday"), 10.0),
    Spec("doctor", ("benign", "crisis", "emergency", "everyday"), 16.0),
)


def _lines(path: Path) -> list[str]:
    """A file's messages ('#' lines and blank lines skipped; a missing file has none)."""
    if not path.exists():
        return []
    found = (raw.strip() for raw in path.read_text("utf-8").splitlines())
    return [s for s in found if s and not s.startswith("#")]


def _texts(path: Path) -> list[str]:
    """The message column of a table: the one after the label (tsv), or the line (txt)."""
    if path.suffix != ".tsv":
        return _lines(path)
    rows = [line.split("\t") for line in _lines(path)]
    # intent tables: label, text; set-up answers: kind, text, expected; typed answers:
    # question, expected, text.
    if path.name == "answers.tsv":
        return [r[2] for r in rows if len(r) == 3]
    return [r[1] for r in rows if len(r) >= 2]


def lines(name: str) -> list[str]:
    """One set's messages: the phrase set and the blind rounds' set of that name."""
    if name == "everyday":
        found = [t for table in EVERYDAY_TABLES for t in _texts(table)]
        for folder in sorted(BLIND.glob("round*")):
            found += _texts(folder / "everyday.tsv") + _texts(folder / "answers.tsv")
        return found
    found = _lines(PHRASES / f"{name}.txt")
    for folder in sorted(BLIND.glob("round*")):
        found += _lines(folder / f"{name}.txt")
    return found


def train(positive: list[str], negative: list[str]) -> tuple[float, dict[str, float]]:
    """The prior log-odds and each feature's log-likelihood ratio."""
    seen_positive: Counter[str] = Counter()
    seen_negative: Counter[str] = Counter()
    for text in positive:
        seen_positive.update(features(text))
    for text in negative:
        seen_negative.update(features(text))
    n_positive, n_negative = len(positive), len(negative)
    weights: dict[str, float] = {}
    for feature in sorted(set(seen_positive) | set(seen_negative)):
        if seen_positive[feature] + seen_negative[feature] < MIN_COUNT:
            continue
        weight = math.log((seen_positive[feature] + ALPHA) / (n_positive + 2 * ALPHA)) - math.log(
            (seen_negative[feature] + ALPHA) / (n_negative + 2 * ALPHA)
        )
        if abs(weight) >= MIN_WEIGHT:
            weights[feature] = round(weight, 3)
    return round(math.log(n_positive / n_negative), 3), weights


def sets_of(spec: Spec) -> tuple[list[str], list[str]]:
    """The model's positive and negative messages."""
    return lines(spec.tier), [t for name in spec.others for t in lines(name)]


def render(spec: Spec, prior: float, weights: dict[str, float]) -> str:
    """The generated file's text."""
    data = {
        "generated": "by `python -m tools.models.train`: do not edit by hand",
        "about": f"naive Bayes log-likelihood ratios, {spec.tier} against "
        f"{', '.join(spec.others)}; see the trainer for how the threshold was chosen",
        "tier": spec.tier,
        "prior": prior,
        "threshold": spec.threshold,
        "weights": weights,
    }
    return json.dumps(data, indent=1, ensure_ascii=True) + "\n"


def cross_validate(spec: Spec, folds: int = 5) -> tuple[float, float, float]:
    """Shares of held-out positives, benign notes and everyday messages at the threshold."""
    positive, negative = sets_of(spec)
    benign, everyday = set(lines("benign")), set(lines("everyday"))
    hits = 0
    seen = {"benign": 0, "everyday": 0}
    over = {"benign": 0, "everyday": 0}
    for k in range(folds):
        prior, weights = train(
            [t for i, t in enumerate(positive) if i % folds != k],
            [t for i, t in enumerate(negative) if i % folds != k],
        )

        def score(text: str, prior: float = prior, weights: dict[str, float] = weights) -> float:
            return prior + sum(weights.get(f, 0.0) for f in features(text))

        hits += sum(score(t) >= spec.threshold for t in positive[k::folds])
        for text in negative[k::folds]:
            for name, members in (("benign", benign), ("everyday", everyday)):
                if text in members:
                    seen[name] += 1
                    over[name] += score(text) >= spec.threshold
    return (
        hits / len(positive),
        over["benign"] / max(seen["benign"], 1),
        over["everyday"] / max(seen["everyday"], 1),
    )


def main(argv: list[str] | None = None) -> None:
    """Write the models, or check that they are current."""
    parser = argparse.ArgumentParser(prog="python -m tools.models.train")
    parser.add_argument("--check", action="store_true", help="fail if a model file is stale")
    args = parser.parse_args(argv)
    for spec in SPECS:
        text = render(spec, *train(*sets_of(spec)))
        if args.check:
            if not spec.target.exists() or spec.target.read_text("utf-8") != text:
                sys.exit(f"{spec.target.name} is stale: python -m tools.models.train")
            continue
        spec.target.write_text(text, "utf-8")
        recall, benign, everyday = cross_validate(spec)
        print(
            f"wrote {spec.target.name}: at {spec.threshold}, 5-fold cross-validation puts "
            f"{recall:.1%} of held-out {spec.tier} texts, {benign:.2%} of held-out benign notes "
            f"and {everyday:.2%} of held-out everyday messages at or above it"
        )


if __name__ == "__main__":
    main()
