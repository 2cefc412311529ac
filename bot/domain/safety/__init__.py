"""Red-flag scanner for free text: crisis, emergency and see-a-doctor signs (fail safe).

`scan(text)` gives the most urgent red flag or None; `scan_all(text)` every tier that fired;
`looks_like_denial(text)` recognises "no", "I'm fine", "you misunderstood" and the like.
Pure: no I/O, no user-facing wording (replies live in content/).
"""

from bot.domain.safety.patterns import Tier
from bot.domain.safety.scanner import TIER_ORDER, RedFlag, looks_like_denial, scan, scan_all

__all__ = ["TIER_ORDER", "RedFlag", "Tier", "looks_like_denial", "scan", "scan_all"]
