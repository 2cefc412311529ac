"""'What should I do today?' in many spellings, and texts that don't mean it."""

import pytest

from bot.domain.intents import asks_for_today


@pytest.mark.parametrize(
    "text",
    [
        "what should I do today?", "What should I do", "what now", "What now?!",
        "any ideas for today", "what's my plan", "whats my plan?", "What’s the plan",
        "waht should i do today", "what shoud I do", "what sould i do tody", "plan for today?",
        "today's plan", "any ideas?", "what do I do today", "so what now", "what can I do today",
        "give me a plan", "What should I do now", "what should i do 2day", "ideas for today pls",
    ],
)  # fmt: skip
def test_means_today(text: str) -> None:
    assert asks_for_today(text)


@pytest.mark.parametrize(
    "text",
    [
        "hello", "thanks", "7", "yes", "I walked 10 minutes today", "my back hurts",
        "what time is it", "I did my stretches", "", "ok", "slept badly last night",
        "what should I do about my headache that has lasted for three days in a row now really",
    ],
)  # fmt: skip
def test_other_texts(text: str) -> None:
    assert not asks_for_today(text)
