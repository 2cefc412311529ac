"""Red-flag scanner for free text: crisis, emergency and see-a-doctor signs (fail safe).

`scan(text)` gives the most urgent red flag or None; `scan_all(text)` every tier that fired;
`looks_like_denial(text)` recognises "no", "I'm fine", "you misunderstood" and the like.
Tiers, most urgent first: crisis, emergency, doctor (full safety replies) and "check" (a light
"Just checking: are you OK?", reported only when no other tier fired); `is_alarm(flag)` tells
a full reply from a check.
Pure: no I/O, no user-facing wording (replies live in content/).
"""

from bot.domain.safety.patterns import Tier
from bot.domain.safety.scanner import (
    ALARM_TIERS,
    TIER_ORDER,
    RedFlag,
    is_alarm,
    looks_like_denial,
    scan,
    scan_all,
)

__all__ = [
    "ALARM_TIERS",
    "TIER_ORDER",
    "RedFlag",
    "Tier",
    "is_alarm",
    "looks_like_denial",
    "scan",
    "scan_all",
]
