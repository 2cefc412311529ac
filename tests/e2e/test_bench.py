"""A smoke run of every benchmark at --quick sizes: the JSON keeps its shape and its figures.

Benchmarks are not timed tests: no target is asserted here, only that each runs end to end and
reports positive numbers (`smallsteps bench` prints the real figures).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.__main__ import main as cli
from tools.bench import run

JSON = dict[str, Any]


def positive(*values: Any) -> bool:
    return all(isinstance(v, int | float) and v > 0 for v in values)


def check_checkin(result: JSON) -> None:
    assert result["people"] == 10 and result["steps_per_dialogue"] == 8
    for side in ("bot", "echo", "bot_without_limiter"):
        figures = result[side]
        assert figures["failed"] == 0, figures["failures"]
        assert figures["steps"] == 10 * 8
        latency = figures["latency"]
        assert positive(figures["steps_per_second"], latency["p50_ms"], latency["p95_ms"])
        assert positive(figures["rss_mb"])
    assert positive(result["throughput_ratio"], result["throughput_ratio_without_limiter"])
    assert set(result["pass"]) == {"throughput_ratio"}


def check_fanout(result: JSON) -> None:
    unlimited, limited = result["unlimited"], result["limited"]
    assert unlimited["prompts"] == unlimited["delivered"] == unlimited["people_prompted"] == 500
    # Exactly one prompt per person, and a second pass finds nobody left.
    assert unlimited["most_prompts_to_one_person"] == 1
    assert unlimited["claimed_on_a_second_pass"] == 0
    assert positive(unlimited["prompts_per_second"], limited["prompts_per_second"])
    talking = result["talking_during_fanout"]
    assert talking["failed"] == 0 and talking["steps"] == talking["people"] * 8
    assert positive(talking["latency"]["p95_ms"])
    assert set(result["pass"]) == {
        "unlimited_prompts_per_second", "limited_prompts_per_second", "reply_p95_ms",
    }  # fmt: skip


def check_memory(result: JSON) -> None:
    assert result["people"] == 1000 and result["bot"]["prompts_claimed"] == 1000
    assert positive(result["bot"]["peak_rss_mb"], result["echo"]["peak_rss_mb"])
    assert set(result["pass"]) == {"bot_minus_echo_mb"}


def check_first_contact(result: JSON) -> None:
    assert result["people"] == 20
    for side in ("bot", "echo"):
        figures = result[side]
        assert figures["failed"] == 0 and figures["answered"] == 20
        assert positive(figures["per_second"], figures["latency"]["p95_ms"])
    assert positive(result["ratio"]) and set(result["pass"]) == {"ratio"}


def check_fairness(result: JSON) -> None:
    for case in ("flood", "hang"):
        figures = result[case]
        assert figures["failed"] == 0 and figures["answered"] == 3
        assert positive(figures["latency"]["p95_ms"])
    assert set(result["pass"]) == {"flood_reply_p95_ms", "hang_reply_p95_ms"}


CHECKS = {
    "checkin": check_checkin, "fanout": check_fanout, "memory": check_memory,
    "first_contact": check_first_contact, "fairness": check_fairness,
}  # fmt: skip


async def test_every_benchmark_runs_quick_and_reports_its_figures() -> None:
    results = await run("all", quick=True)
    assert [r["benchmark"] for r in results] == [
        "checkin", "fanout", "memory", "first_contact", "fairness",
    ]  # fmt: skip
    for result in results:
        assert result["quick"] is True
        assert result["targets"] and len(result["pass"]) == len(result["targets"])
        assert all(isinstance(ok, bool) for ok in result["pass"].values())
        json.dumps(result)  # every figure is plain JSON
        CHECKS[result["benchmark"]](result)


def test_cli_rejects_a_bad_size(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli(["bench", "checkin", "--people", "0"])
    assert stopped.value.code == 2
    assert "--people" in capsys.readouterr().err


def test_the_share_page_benchmark_reports_ttfb_and_weight(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tools.bench.share import main as share_main

    result = share_main(quick=True)
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1]) == result
    assert result["requests"] == 20 and result["weeks"] == 12
    assert positive(result["ttfb_ms"]["p95"], result["baseline_404_ttfb_ms"]["p95"])
    assert positive(*result["page_bytes"].values(), result["cpu_ms_per_page"])
    assert set(result["pass"]) == {"ttfb_p95", "page_bytes"}
