"""`smallsteps bench personas`: 8 simulated weeks for four personas, as a table and as JSON."""

import json

import pytest

from bot.__main__ import main as cli
from tools.bench import personas


def test_every_persona_holds_or_grows_and_never_drops_two_weeks_in_a_row() -> None:
    results = personas.run()
    assert [r["persona"] for r in results] == [p.key for p in personas.PERSONAS]
    for result in results:
        weeks = result["weeks"]
        assert len(weeks) == personas.WEEKS
        assert weeks[-1]["plan_level_end"] >= result["start_level"], result["persona"]
        curve = [result["start_level"]] + [w["level_end"] for w in weeks]
        for a, b, c in zip(curve, curve[1:], curve[2:], strict=False):
            assert not (b < a and c < b), (result["persona"], curve)
    by_key = {r["persona"]: r for r in results}
    assert by_key["steady_improver"]["end_level"] > by_key["steady_improver"]["start_level"]
    assert sum(w["flare_days"] for w in by_key["weekly_flarer"]["weeks"]) >= 7


def test_cli_table_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    cli(["bench", "personas"])
    table = capsys.readouterr().out
    assert "Weekly flarer" in table and "level start->end" in table
    cli(["bench", "personas", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["benchmark"] == "personas"
    assert {p["persona"] for p in data["personas"]} == {p.key for p in personas.PERSONAS}
