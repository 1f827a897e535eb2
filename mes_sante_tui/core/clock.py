"""Injected time: the system clock in production, a movable one for tests and training."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .store import Store


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


# The store's meta key holding how far the simulated clock runs ahead of its base, in seconds.
OFFSET_KEY = "clock_offset_seconds"


class _Meta(Protocol):
    def meta(self, key: str) -> str | None: ...


class StoreClock:
    """The simulated clock kept in the store: the base clock (the system's unless a test
    gives another) moved ahead by the offset a trainer set with `mes-sante-tui clock +6w`.

    The offset is read on every call, so a move made by another process on the same store
    (the command line while the application is open) is seen at once.
    """

    def __init__(self, store: _Meta, base: Clock | None = None) -> None:
        self.store = store
        self.base = base or SystemClock()

    @property
    def offset(self) -> timedelta:
        return timedelta(seconds=int(self.store.meta(OFFSET_KEY) or 0))

    def now(self) -> datetime:
        return self.base.now() + self.offset


def move_offset(store: Store, delta: timedelta) -> timedelta:
    """Add `delta` to the offset kept in the store and return the new offset.

    One `BEGIN IMMEDIATE` read-modify-write: two processes moving the clock at once (the
    command line and the application, or two trainers' scripts) each add their move, none
    is lost. The caller checks that the move goes forward.
    """
    seconds = int(delta.total_seconds())
    with store.transaction() as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (OFFSET_KEY,)).fetchone()
        total = (int(row[0]) if row is not None else 0) + seconds
        conn.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (OFFSET_KEY, str(total)),
        )
    return timedelta(seconds=total)


# A training scenario needs weeks or months; beyond a century the calendar itself runs out.
MAX_SHIFT = timedelta(days=36_500)

_UNITS = {
    "w": "weeks",
    "sem": "weeks",
    "d": "days",
    "j": "days",
    "h": "hours",
    "m": "minutes",
    "min": "minutes",
}


def parse_shift(text: str) -> timedelta | None:
    """'+6w', '+3d', '+2h', '+90m' ('sem', 'j' and 'min' too) as a forward move; None if
    the text is not such a move. The simulated clock never goes back: codes, decisions and
    messages already written would otherwise lie in the future."""
    raw = text.strip().lower().replace(" ", "")
    if not raw.startswith("+"):
        return None
    digits = ""
    rest = raw[1:]
    while rest and rest[0] in "0123456789":  # ASCII only: int("²") raises
        digits, rest = digits + rest[0], rest[1:]
    unit = _UNITS.get(rest)
    if not digits or unit is None or len(digits) > 6:
        return None
    amount = int(digits)
    if amount == 0:
        return None
    shift = timedelta(**{unit: amount})
    return shift if shift <= MAX_SHIFT else None
