"""Injected time: the system clock in production, a movable one for tests and training."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    """Local wall-clock time, to the second (the service shows no finer)."""

    def now(self) -> datetime:
        return datetime.now().replace(microsecond=0)


class ManualClock:
    """A clock that only moves when told to: tests, scenarios and trainers drive it."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def set(self, when: datetime) -> None:
        self._now = when
