"""The one clock the whole bot reads, injectable so tests and play mode can move through days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the current time as an aware UTC datetime."""

    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    """Wall-clock time."""

    def now(self) -> datetime:
        """The current instant from the system."""
        return datetime.now(UTC)


class ManualClock:
    """A clock that runs with real time from a chosen start and can jump forward."""

    def __init__(self, start: datetime | None = None, *, frozen: bool = False) -> None:
        self._offset = timedelta(0)
        self._frozen_at: datetime | None = None
        if start is not None:
            self.set(start)
        if frozen:
            self._frozen_at = self.now()

    def now(self) -> datetime:
        """The shifted (or frozen) current instant."""
        if self._frozen_at is not None:
            return self._frozen_at
        return datetime.now(UTC) + self._offset

    def set(self, when: datetime) -> None:
        """Make `now()` return `when` from this moment on."""
        if when.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        if self._frozen_at is not None:
            self._frozen_at = when.astimezone(UTC)
        else:
            self._offset = when.astimezone(UTC) - datetime.now(UTC)

    def freeze(self, when: datetime) -> None:
        """Stop at `when` (tests of an exact edge: a handler then reads that very instant)."""
        if when.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self._frozen_at = when.astimezone(UTC)

    def unfreeze(self) -> None:
        """Run with real time again, from the instant it was stopped at."""
        if self._frozen_at is not None:
            at, self._frozen_at = self._frozen_at, None
            self.set(at)

    def advance(self, delta: timedelta) -> None:
        """Move time forward by `delta`."""
        self.set(self.now() + delta)
