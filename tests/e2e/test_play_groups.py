"""`smallsteps play` with three people and a group: a 7-day buddy challenge from a script."""

from __future__ import annotations

import io
import re
from pathlib import Path

from bot.devtools.play import play_main

GROUPS = Path(__file__).resolve().parents[2] / "docs" / "groups.play"
PRIVATE_WORDS = ("pain", "flare", "energy", "sleep", "mood", "note")


def group_messages(transcript: str, group: str) -> list[str]:
    """The bot's messages (and edits) in one group, following where the script is talking."""
    into_group = rf"  \((?:you are \w+ now, in|\w+, now talking in|\w+ made the group) {group}\b"
    into_private = r"  \((?:you are \w+ now, in your private|\w+, in your private|\w+ opens)"
    here, found = "private", []
    for block in re.split(r"\n(?=bot |you › |  \()", transcript):
        if re.match(into_group, block):
            here = group
        elif re.match(into_private, block):
            here = "private"
        elif block.startswith(f"bot [{group}] › ") or (
            block.startswith("bot › ") and here == group
        ):
            found.append(block)
    return found


async def test_three_people_run_a_seven_day_challenge_in_play_mode() -> None:
    out = io.StringIO()
    await play_main(script=GROUPS, out=out)
    transcript = out.getvalue()
    assert "Traceback" not in transcript

    # Cy joins through the deep link the Join popup offers, and is set up privately.
    assert re.search(r"the bot offers https://t\.me/SmallStepsBot\?start=j[\w-]+", transcript)
    assert "Cy opens https://t.me/SmallStepsBot?start=j" in transcript
    assert "All set, Cy" in transcript

    family = group_messages(transcript, "Family")
    said = "\n".join(family)
    assert "Hi everyone 👋" in family[0]
    for day in range(1, 7):
        assert f"🌙 Day {day} of 7 · 10 minutes of walking a day" in said
    assert "3 of you turned up today" in said
    assert "✅ Robin · on plan 3 days" in said  # the flare day's Done counted in full
    end = family[-1]
    assert "7 days, done together!" in end
    assert "3 of you took part, with 16 days on plan between you" in end
    assert "Robin" not in end and "Bo" not in end  # summaries name nobody
    # The group sees who turned up, never anything from a private check-in; nudges are private.
    for word in PRIVATE_WORDS:
        assert word not in said.lower(), word
    assert "isn't marked yet" not in said
    assert "bot [to Bo] › Hi Bo 🌱 Today isn't marked yet" in transcript
    # Edits, not a message per member: the intro, the challenge, six summaries and the end.
    new = [m for m in family if not m.startswith("bot [Family] › 🌱 10 minutes")]
    assert len([m for m in new if "🌙 Day" in m or "done together" in m or "Hi everyone" in m]) == 8
