"""Rule ids are a finite, documented set, each with a `reason.<id>` content key."""

import re

from bot.domain.rules import ALL_REASONS, NUDGE_FAMILIES, REASON_CONTENT_KEYS, reason_key
from bot.domain.rules import reasons as module


def test_all_reasons_are_unique_and_well_formed() -> None:
    assert len(set(ALL_REASONS)) == len(ALL_REASONS)
    for reason in ALL_REASONS:
        assert re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", reason), reason


def test_every_reason_constant_is_listed() -> None:
    constants = {
        value for name, value in vars(module).items() if name.isupper() and isinstance(value, str)
    }
    assert constants == set(ALL_REASONS)


def test_reason_content_keys() -> None:
    assert tuple(f"reason.{x}" for x in ALL_REASONS) == REASON_CONTENT_KEYS
    assert reason_key("flare.self_reported") == "reason.flare.self_reported"


def test_nudge_families_are_nudge_keys() -> None:
    assert all(family.startswith("nudge.") for family in NUDGE_FAMILIES)
