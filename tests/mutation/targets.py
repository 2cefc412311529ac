"""Which end-to-end tests guard which outer module: the map `python -m tests.mutation outer` uses.

Each key is a module path or a glob (a module that is split keeps its row as a glob); each
value, the test files (or node ids) that run against that module's mutants. The first row that
matches a module is its row. When a module
moves, move its row: tests/unit/test_mutation_targets.py fails while a row names a file that
no longer exists, or a guarded module has no row.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

E2E = "tests/e2e/"
TARGETS: dict[str, tuple[str, ...]] = {
    "bot/telegram/runtime.py": (
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_promises.py",
        f"{E2E}test_runtime.py",
        f"{E2E}test_reliability.py",
        f"{E2E}test_shutdown.py",
        # The log salt installed at start (Runtime._key_logs).
        f"{E2E}test_logs.py::test_log_references_are_keyed_with_a_kept_secret",
        # The webhook's answers to a slow body (408) and to a charset that is not UTF-8 (400).
        f"{E2E}test_webhook_server.py::test_slow_clients_are_cut_off_while_telegram_is_answered",
        f"{E2E}test_webhook_server.py::test_an_unknown_charset_is_a_400_never_a_500",
    ),
    "bot/telegram/delivery.py": (
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_promises.py",
        f"{E2E}test_reliability.py",
        f"{E2E}test_outboxes.py",
        f"{E2E}test_groups.py",
    ),
    "bot/telegram/jobs/daily.py": (
        f"{E2E}test_reliability.py",  # timeouts and refusals of the prompt itself
        f"{E2E}test_pacing.py",
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_promises.py",
        f"{E2E}test_daily_prompt.py",
        f"{E2E}test_guards.py",
        f"{E2E}test_outboxes.py",
    ),
    "bot/telegram/jobs/weekly.py": (
        f"{E2E}test_progress.py",
        f"{E2E}test_outboxes.py",
        f"{E2E}test_reliability.py",  # the fan-out's pacing
    ),
    "bot/telegram/jobs/challenges*.py": (
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_promises.py",
        f"{E2E}test_groups.py",
        f"{E2E}test_outboxes.py",
    ),
    "bot/telegram/handlers/privacy.py": (
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_promises.py",
        f"{E2E}test_guards.py",
        f"{E2E}test_erasure.py",
    ),
    "bot/telegram/handlers/groups*.py": (
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_group_privacy.py",
        f"{E2E}test_groups.py",
        f"{E2E}test_guards.py",
    ),
    "bot/telegram/handlers/safety.py": (
        f"{E2E}test_group_privacy.py",
        f"{E2E}test_safety.py",
        f"{E2E}test_safety_conversation.py",
        f"{E2E}test_promises.py",
    ),
    "bot/telegram/handlers/messages.py": (
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_transactions.py",
        f"{E2E}test_group_privacy.py",
        f"{E2E}test_intents.py",
        f"{E2E}test_checkin.py",
        f"{E2E}test_onboarding.py",
        f"{E2E}test_guards.py",
    ),
    "bot/logs.py": (f"{E2E}test_logs.py", f"{E2E}test_promises.py"),
    "bot/usecases/checkin.py": (
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_checkin.py",
        f"{E2E}test_coherence.py",
    ),
    "bot/usecases/answers.py": (f"{E2E}test_checkin.py", f"{E2E}test_coherence.py"),
    "bot/usecases/planning.py": (f"{E2E}test_plans.py", f"{E2E}test_pacing.py"),
    "bot/usecases/challenges.py": (
        f"{E2E}test_groups.py",
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_promises.py",
        f"{E2E}test_group_privacy.py",
        f"{E2E}test_outboxes.py",
        f"{E2E}test_erasure.py",
        f"{E2E}test_challenge_nudges.py",
        f"{E2E}test_pacing.py",  # heard_from: any private answer brings daily prompts back
    ),
    "bot/usecases/commands.py": (
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_daily_prompt.py",
        f"{E2E}test_pacing.py",
        f"{E2E}test_checkin.py",
        f"{E2E}test_group_privacy.py",
    ),
    "bot/usecases/onboarding.py": (
        f"{E2E}test_onboarding.py",
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_open_question.py",
        f"{E2E}test_safety_conversation.py",
    ),
    "bot/usecases/privacy.py": (
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_erasure.py",
        f"{E2E}test_promises.py",
        f"{E2E}test_guards.py",
    ),
    "bot/usecases/progress.py": (f"{E2E}test_outer_edges.py", f"{E2E}test_progress.py"),
    "bot/usecases/weekly.py": (
        f"{E2E}test_progress.py",
        f"{E2E}test_outboxes.py",
        f"{E2E}test_open_question.py",
    ),
    "bot/usecases/reflections.py": (
        f"{E2E}test_progress.py",
        f"{E2E}test_coherence.py",
        f"{E2E}test_open_question.py",
    ),
    "bot/usecases/reports.py": (f"{E2E}test_progress.py", f"{E2E}test_summary_pdf.py"),
    "bot/usecases/share.py": (f"{E2E}test_share.py", f"{E2E}test_groups.py"),
    "bot/usecases/groups.py": (
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_groups.py",
        f"{E2E}test_group_privacy.py",
    ),
    "bot/usecases/said.py": (
        f"{E2E}test_open_question.py",
        f"{E2E}test_coherence.py",
        f"{E2E}test_intents.py",
        f"{E2E}test_checkin.py",
        f"{E2E}test_onboarding.py",
        f"{E2E}test_transactions.py",
    ),
    "bot/usecases/plan.py": (
        f"{E2E}test_plans.py",
        f"{E2E}test_coherence.py",
        f"{E2E}test_plan_taps.py",
    ),
    "bot/usecases/days.py": (
        f"{E2E}test_progress.py",
        f"{E2E}test_summary_pdf.py",
        f"{E2E}test_groups.py",  # the group tally reads the same days
    ),
    "bot/usecases/people.py": (f"{E2E}test_reliability.py", f"{E2E}test_groups.py"),
    "bot/usecases/prompts.py": (
        f"{E2E}test_pacing.py",
        f"{E2E}test_outer_edges.py",
        f"{E2E}test_promises.py",
        f"{E2E}test_daily_prompt.py",
        f"{E2E}test_guards.py",
    ),
    "bot/usecases/safety.py": (
        f"{E2E}test_safety.py",
        f"{E2E}test_safety_conversation.py",
        f"{E2E}test_group_privacy.py",
        f"{E2E}test_open_question.py",
        f"{E2E}test_readers.py",
        f"{E2E}test_promises.py",
    ),
    "bot/usecases/intents.py": (
        f"{E2E}test_intents.py",
        f"{E2E}test_readers.py",
        f"{E2E}test_open_question.py",
        f"{E2E}test_coherence.py",
    ),
    # Any other use case (a new one is covered from the start; give it its own row).
    "bot/usecases/*.py": (
        f"{E2E}test_checkin.py",
        f"{E2E}test_onboarding.py",
        f"{E2E}test_groups.py",
        f"{E2E}test_progress.py",
    ),
}

# What the issue asks to guard (globs): each must be covered by a row above.
GUARDED = (
    "bot/telegram/runtime.py", "bot/telegram/delivery.py", "bot/telegram/jobs/*.py",
    "bot/telegram/handlers/privacy.py", "bot/telegram/handlers/groups*.py",
    "bot/telegram/handlers/safety.py", "bot/telegram/handlers/messages.py", "bot/logs.py",
    "bot/usecases/*.py",
)  # fmt: skip


def modules(pattern: str) -> list[Path]:
    """The module files a row's key stands for (package __init__ files left out)."""
    return sorted(p for p in ROOT.glob(pattern) if p.name != "__init__.py")


def problems() -> list[str]:
    """What no longer matches the tree: rows naming nothing, missing test files, guarded
    modules with no row."""
    found = []
    for pattern, tests in TARGETS.items():
        if not modules(pattern):
            found.append(f"{pattern}: no such module (moved? update its row)")
        for test in tests:
            if not (ROOT / test.split("::")[0]).is_file():
                found.append(f"{pattern}: no test file {test}")
    covered = {path for pattern in TARGETS for path in modules(pattern)}
    for pattern in GUARDED:
        for path in modules(pattern):
            if path not in covered:
                found.append(f"{path.relative_to(ROOT)}: guarded, but no row in TARGETS")
    return found


def tests_for(path: Path) -> tuple[str, ...]:
    """The test files of the first row whose key matches the module."""
    for pattern, tests in TARGETS.items():
        if path in modules(pattern):
            return tests
    raise KeyError(f"{path}: no row in TARGETS")
