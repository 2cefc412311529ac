"""The rate limiter's lanes: replies go ahead of the bulk fan-out; a 429 pauses everyone."""

from __future__ import annotations

import asyncio

from bot.telegram.limiter import MAX_DEBT_SECONDS, PriorityBucket


class FakeTime:
    """A monotonic clock the test moves by hand (sleeps advance it)."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def run_order(bucket: PriorityBucket, time: FakeTime, lanes: list[str]) -> list[str]:
    """Start every acquire at once; return the order in which they got a token."""
    order: list[str] = []

    async def take(name: str) -> None:
        await bucket.acquire(bulk=name.startswith("bulk"))
        order.append(name)

    tasks = [asyncio.create_task(take(name)) for name in lanes]
    while not all(t.done() for t in tasks):
        time.now += 0.01
        await asyncio.sleep(0)
    return order


async def test_replies_take_tokens_before_waiting_bulk_sends() -> None:
    time = FakeTime()
    bucket = PriorityBucket(10, clock=time)
    bucket.tokens = 0  # an ongoing fan-out has used the budget up
    order = await run_order(bucket, time, ["bulk1", "bulk2", "bulk3", "reply1", "reply2"])
    assert order[:2] == ["reply1", "reply2"]
    assert sorted(order[2:]) == ["bulk1", "bulk2", "bulk3"]


async def test_the_overall_rate_is_kept() -> None:
    time = FakeTime()
    bucket = PriorityBucket(10, clock=time)
    bucket.tokens = 0
    started = time.now
    await run_order(bucket, time, [f"bulk{i}" for i in range(20)])
    assert time.now - started >= 1.9  # 20 sends at 10 a second


async def test_a_429_pauses_every_lane() -> None:
    time = FakeTime()
    bucket = PriorityBucket(10, clock=time)
    bucket.pause(3)
    await run_order(bucket, time, ["reply1"])
    assert time.now >= 3


async def test_replies_never_wait_for_the_bulk_budget_but_bulk_waits_out_their_debt() -> None:
    time = FakeTime()
    bucket = PriorityBucket(10, clock=time)
    bucket.tokens = 0
    for _ in range(15):  # 15 replies at once: none waits
        await bucket.acquire(bulk=False)
    assert time.now == 0 and bucket.tokens == -15
    started = time.now
    await run_order(bucket, time, ["bulk1"])
    assert time.now - started >= 1.5  # the debt (15 tokens at 10 a second) is paid first


async def test_debt_is_bounded_so_bulk_sends_are_never_starved() -> None:
    time = FakeTime()
    bucket = PriorityBucket(10, clock=time)
    for _ in range(1000):
        await bucket.acquire(bulk=False)
    assert bucket.tokens == -MAX_DEBT_SECONDS * 10


async def test_a_private_chat_paces_new_messages_but_not_edits_answering_taps() -> None:
    """Past the per-chat burst a fourth message to one person waits; a fourth edit does not."""
    from bot.telegram.limiter import PER_CHAT_BURST, LaneRateLimiter

    limiter = LaneRateLimiter(per_second=1000)
    sent: list[str] = []

    async def call(name: str) -> bool:
        sent.append(name)
        return True

    async def request(endpoint: str, chat_id: int) -> None:
        await limiter.process_request(call, (endpoint,), {}, endpoint, {"chat_id": chat_id}, None)

    for endpoint in ("sendMessage", "editMessageText"):
        sent.clear()
        tasks = [asyncio.create_task(request(endpoint, 42)) for _ in range(PER_CHAT_BURST + 1)]
        await asyncio.sleep(0.05)
        waiting = PER_CHAT_BURST + 1 - len(sent)
        assert waiting == (1 if endpoint == "sendMessage" else 0), endpoint
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
