"""A fixed sample of the outer modules' mutants, killed in CI (the full run is
`python -m tests.mutation outer`): one slip each in the logs, the private-button guard and the
flood catch-up, each against the one test that must catch it, in a fresh interpreter."""

from __future__ import annotations

import pytest

from tests.mutation import outer

P = "tests/e2e/test_promises.py"
SAMPLE = (
    ("bot/logs.py", "is not -> is (self._secret)", "if self._secret is not None:",
     f"{P}::test_a_token_put_into_any_line_is_scrubbed"),
    ("bot/telegram/handlers/messages.py", "== -> != (chat.type)", "chat.type == chat.PRIVATE:",
     "tests/e2e/test_group_privacy.py::test_every_private_button_tapped_in_a_group_changes_nothing"),
    ("bot/telegram/runtime.py", "left out: latest[key] = index", "latest[key] = index",
     f"{P}::test_floods_answer_the_latest_and_every_red_flag_with_one_moment_each"),
)  # fmt: skip


@pytest.mark.parametrize(("module", "what", "line", "test"), SAMPLE)
def test_the_mutant_is_killed(module: str, what: str, line: str, test: str) -> None:
    source = (outer.ROOT / module).read_text()
    found = outer.mutants(module, source)
    [mutant] = [m for m in found if m.what == what and line in m.source_line(source)] or [None]
    assert mutant is not None, f"{module}: no mutant {what!r} on {line!r} any more: pick another"
    assert outer.run(module, mutant.apply(source), [test], timeout=300).status == "killed"
