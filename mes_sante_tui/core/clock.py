"""Injected time: the system clock in production, a movable one for tests and training."""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
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
    return timedelta(seconds=store.shift_meta_number(OFFSET_KEY, int(delta.total_seconds())))


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


class ShiftProblem(StrEnum):
    """Why a typed shift is not a move of the simulated clock."""

    INVALID = "invalid"  # not "+", a number and a unit
    BACKWARDS = "backwards"  # "-1w", "-6", "+0d": the clock never goes back (nor stays)
    TOO_FAR = "too_far"  # beyond MAX_SHIFT in one move


class ShiftError(ValueError):
    def __init__(self, problem: ShiftProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


# More digits than this is beyond MAX_SHIFT in any unit; it also keeps int() cheap.
_MAX_DIGITS = 12


def read_shift(text: str) -> timedelta:
    """'+6w', '+3d', '+2h', '+90m' ('sem', 'j' and 'min' too) as a forward move, at most
    MAX_SHIFT. Raises ShiftError saying why otherwise. The simulated clock never goes back:
    codes, decisions and messages already written would otherwise lie in the future."""
    raw = text.strip().lower().replace(" ", "")
    if raw.startswith(("-", "\u2212")):  # a hyphen or the minus sign
        raise ShiftError(ShiftProblem.BACKWARDS)
    if not raw.startswith("+"):
        raise ShiftError(ShiftProblem.INVALID)
    digits = ""
    rest = raw[1:]
    while rest and rest[0] in "0123456789":  # ASCII only: int("²") raises
        digits, rest = digits + rest[0], rest[1:]
    unit = _UNITS.get(rest)
    if not digits or unit is None:
        raise ShiftError(ShiftProblem.INVALID)
    if len(digits.lstrip("0")) > _MAX_DIGITS:
        raise ShiftError(ShiftProblem.TOO_FAR)
    amount = int(digits)
    if amount == 0:
        raise ShiftError(ShiftProblem.BACKWARDS)
    try:
        shift = timedelta(**{unit: amount})
    except OverflowError:
        raise ShiftError(ShiftProblem.TOO_FAR) from None
    if shift > MAX_SHIFT:
        raise ShiftError(ShiftProblem.TOO_FAR)
    return shift


def parse_shift(text: str) -> timedelta | None:
    """The forward move `text` says (see read_shift), or None if it is not one."""
    try:
        return read_shift(text)
    except ShiftError:
        return None
