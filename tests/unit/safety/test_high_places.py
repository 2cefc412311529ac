"""At a high place now, and 'no energy to go on': a light check, never silence; a whole tablet is
one tablet. The everyday neighbours of each phrase stay quiet."""

from __future__ import annotations

import pytest

from bot.domain.safety import scan


def _tier(text: str) -> str:
    flag = scan(text)
    return flag.tier if flag is not None else "none"


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("I'm standing on the bridge now", "check"),
        ("standing on the edge of the roof", "check"),
        ("I'm at the edge of the cliff", "check"),
        ("sitting on the ledge", "check"),
        ("at the train tracks now", "check"),
        ("no energy to go on today", "check"),
        ("no reason to go on", "crisis"),  # the crisis rule still comes first
        ("im on the bridge and i cant stop thinking about jumping", "crisis"),
        # Everyday neighbours.
        ("sitting on the edge of the bed", "none"),
        ("put the plant on the window ledge", "none"),
        ("we drove over the bridge earlier", "none"),
        ("no energy to go on a walk today", "none"),
        ("not enough energy to carry on with the housework", "none"),
    ],
)
def test_a_high_place_now_gets_the_light_check(text: str, tier: str) -> None:
    assert _tier(text) == tier


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("I swallowed a whole tablet without water", "none"),
        ("my mum swallowed a whole tablet without water", "none"),
        ("swallowed a whole packet of paracetamol", "crisis"),
        ("I took a whole box of cocodamol", "crisis"),
        ("took the whole lot", "crisis"),
        ("took whole strip of tramadol", "crisis"),
    ],
)
def test_a_whole_tablet_is_one_tablet(text: str, tier: str) -> None:
    """'a whole tablet' is one pill swallowed unbroken; a whole packet, box or lot is many."""
    assert _tier(text) == tier
