"""Prometheus metrics, served on /metrics in webhook mode."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry()

UPDATES_HANDLED = Counter(
    "smallsteps_updates_handled", "Updates from Telegram handled", registry=REGISTRY
)
PROMPTS_SENT = Counter("smallsteps_prompts_sent", "Daily prompts sent", registry=REGISTRY)
ERRORS = Counter(
    "smallsteps_errors", "Errors by kind (handler, blocked, bad_request, network, retry_after)",
    ["kind"], registry=REGISTRY,
)  # fmt: skip
FANOUT_LAG = Histogram(
    "smallsteps_fanout_lag_seconds",
    "How late a daily prompt went out after its due time",
    buckets=(0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600),
    registry=REGISTRY,
)
INBOX_BACKLOG = Gauge(
    "smallsteps_inbox_backlog", "Stored updates waiting to be handled", registry=REGISTRY
)
