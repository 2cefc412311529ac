"""The second-look models: current with the tables, never a full alarm alone, thresholds pinned."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.domain.safety import models, scan
from bot.domain.safety.models import Model, from_json
from bot.domain.safety.scanner import DOCTOR_MODEL_RULE, MODEL_RULE, crisis_score, doctor_score
from tools.models import train

UNRULED = "the world would be lighter without me in it"  # no pattern; the model's call


def test_the_generated_models_match_the_tables() -> None:
    train.main(["--check"])


def test_a_stale_model_file_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(train, "MIN_WEIGHT", train.MIN_WEIGHT + 0.1)
    with pytest.raises(SystemExit, match="stale"):
        train.main(["--check"])


def test_without_the_models_installed_the_scanner_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models, "_installed", {})
    assert not models.installed()
    with pytest.raises(RuntimeError, match="modeldata"):
        scan(UNRULED)


def test_a_model_reads_back_what_the_trainer_writes() -> None:
    text = train.render(train.SPECS[0], -1.5, {"a": 2.0, "a_b": -0.5})
    threshold = train.SPECS[0].threshold
    assert from_json(text) == Model("crisis", -1.5, threshold, {"a": 2.0, "a_b": -0.5})
    assert from_json(text).score("A b c") == pytest.approx(-1.5 + 2.0 - 0.5)


def _threshold_at(monkeypatch: pytest.MonkeyPatch, name: str, value: float) -> None:
    tier = name.lower()
    monkeypatch.setitem(models._installed, tier, replace(models.get(tier), threshold=value))


@pytest.mark.parametrize(("offset", "fires"), [(-0.001, True), (0.0, True), (0.001, False)])
def test_the_crisis_model_alone_gives_a_light_check_at_its_threshold(
    monkeypatch: pytest.MonkeyPatch, offset: float, fires: bool
) -> None:
    _threshold_at(monkeypatch, "CRISIS", crisis_score(UNRULED) + offset)
    flag = scan(UNRULED)
    if fires:
        assert flag is not None and (flag.tier, flag.matched) == ("check", (MODEL_RULE,))
    else:
        assert flag is None


@pytest.mark.parametrize(
    "text",
    [
        "i want to change my reminder time",
        "I want to go for a walk later",
        "I want to do my stretches",
        "i want to sleep",
        "how many check-ins have i done",
    ],
)
def test_everyday_wishes_and_questions_never_get_a_full_alarm(text: str) -> None:
    flag = scan(text)
    assert flag is None or flag.tier == "check", (text, flag)


def test_the_model_never_overrides_a_pattern_alarm() -> None:
    flag = scan("crushing chest pain and i feel like i might die")
    assert flag is not None and MODEL_RULE not in flag.matched


@pytest.mark.parametrize(
    ("margin", "tier"), [(-0.001, "crisis"), (0.0, "crisis"), (0.001, "check")]
)
def test_a_patterns_light_check_becomes_crisis_only_when_the_model_is_much_surer(
    monkeypatch: pytest.MonkeyPatch, margin: float, tier: str
) -> None:
    text = "i sort of want to disappear for good"  # a pattern's check (vague despair)
    from bot.domain.safety import scanner

    needed = crisis_score(text) - scanner.CHECK_UPGRADE_MARGIN + margin
    _threshold_at(monkeypatch, "CRISIS", needed)
    flag = scan(text)
    assert flag is not None and flag.tier == tier


def test_ordinary_notes_stay_far_below_the_threshold() -> None:
    for note in ("walked 10 minutes, knees stiff", "slept badly, pain 6", "my back is killing me"):
        assert crisis_score(note) < models.get("crisis").threshold - 4, note


# No pattern fires on it; the see-a-doctor model does.
DOCTOR_UNRULED = "lost half a stone without tryin and feel rubbish"


@pytest.mark.parametrize(("offset", "fires"), [(-0.001, True), (0.0, True), (0.001, False)])
def test_the_doctor_model_alone_gives_a_light_check_at_its_threshold(
    monkeypatch: pytest.MonkeyPatch, offset: float, fires: bool
) -> None:
    _threshold_at(monkeypatch, "DOCTOR", doctor_score(DOCTOR_UNRULED) + offset)
    _threshold_at(monkeypatch, "CRISIS", 1e9)
    flag = scan(DOCTOR_UNRULED)
    if fires:
        assert flag is not None and (flag.tier, flag.matched) == ("check", (DOCTOR_MODEL_RULE,))
    else:
        assert flag is None


def test_the_doctor_model_never_overrides_a_pattern_or_a_light_check() -> None:
    for text in ("crushing chest pain", "my dad had a stroke years ago"):
        flag = scan(text)
        assert flag is not None and DOCTOR_MODEL_RULE not in flag.matched, text
