"""The second-look models: current with the phrase sets, their thresholds pinned at the edge."""

from __future__ import annotations

import pytest

from bot.domain.safety import crisis_model, doctor_model, scan
from bot.domain.safety.scanner import DOCTOR_MODEL_RULE, MODEL_RULE, crisis_score, doctor_score
from tests.unit.safety import train_model

UNRULED = "the world would be lighter without me in it"  # no pattern; the model's call


def test_the_generated_model_matches_the_phrase_sets() -> None:
    train_model.main(["--check"])


@pytest.mark.parametrize(("offset", "fires"), [(-0.001, True), (0.0, True), (0.001, False)])
def test_the_threshold_is_inclusive(
    monkeypatch: pytest.MonkeyPatch, offset: float, fires: bool
) -> None:
    monkeypatch.setattr(crisis_model, "THRESHOLD", crisis_score(UNRULED) + offset)
    flag = scan(UNRULED)
    assert (flag is not None and flag.matched == (MODEL_RULE,)) is fires


def test_the_model_never_overrides_a_pattern_alarm() -> None:
    flag = scan("crushing chest pain and i feel like i might die")
    assert flag is not None and MODEL_RULE not in flag.matched


def test_ordinary_notes_stay_far_below_the_threshold() -> None:
    for note in ("walked 10 minutes, knees stiff", "slept badly, pain 6", "my back is killing me"):
        assert crisis_score(note) < crisis_model.THRESHOLD - 4, note


# No pattern fires on it; the see-a-doctor model does.
DOCTOR_UNRULED = "lost half a stone without tryin and feel rubbish"


@pytest.mark.parametrize(("offset", "fires"), [(-0.001, True), (0.0, True), (0.001, False)])
def test_the_doctor_threshold_is_inclusive(
    monkeypatch: pytest.MonkeyPatch, offset: float, fires: bool
) -> None:
    monkeypatch.setattr(doctor_model, "THRESHOLD", doctor_score(DOCTOR_UNRULED) + offset)
    flag = scan(DOCTOR_UNRULED)
    assert (flag is not None and flag.matched == (DOCTOR_MODEL_RULE,)) is fires


def test_the_doctor_model_never_overrides_a_pattern_or_a_light_check() -> None:
    for text in ("crushing chest pain", "my dad had a stroke years ago"):
        flag = scan(text)
        assert flag is not None and DOCTOR_MODEL_RULE not in flag.matched, text
