"""The words and word pairs the crisis model reads (shared by the scanner and its trainer)."""

from __future__ import annotations

import re
from itertools import pairwise

_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHES = str.maketrans({"'": "", "’": "", "`": ""})


def features(text: str) -> set[str]:
    """Lower-case words without apostrophes, and each pair of neighbouring words."""
    words = _WORD.findall(text.casefold().translate(_APOSTROPHES))
    return {*words, *(f"{a}_{b}" for a, b in pairwise(words))}
