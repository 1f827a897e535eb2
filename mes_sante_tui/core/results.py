"""Small, frozen result objects that every rule and engine call returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Checked(Generic[T]):
    """The outcome of checking one field: a normalised value, or the French message."""

    value: T | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @classmethod
    def accept(cls, value: T) -> Checked[T]:
        return cls(value=value)

    @classmethod
    def refuse(cls, message: str) -> Checked[T]:
        return cls(error=message)


@dataclass(frozen=True)
class Refused:
    """An engine call that was refused: errors per field, and/or one general outcome.

    `outcome` names a situation that is not about one field (not found, code expired...),
    so the screen can show its own explanation and a way forward.
    """

    errors: Mapping[str, str] = field(default_factory=dict)
    outcome: str | None = None
    message: str | None = None

    @property
    def ok(self) -> bool:
        return False


class DomainError(Exception):
    """A rule of the service was broken in a way a caller cannot fix by editing a field."""

    def __init__(self, outcome: str, message: str) -> None:
        super().__init__(message)
        self.outcome = outcome
        self.message = message


class StoreProblem(StrEnum):
    """Why the store failed, as far as a person can act on it."""

    BUSY = "busy"  # another program holds the write lock: try again in a moment
    READ_ONLY = "read_only"  # the file or its folder cannot be written
    FULL = "full"  # no space left on the disk
    UNAVAILABLE = "unavailable"  # cannot be read or written (I/O error, cannot open)
    DAMAGED = "damaged"  # not a store, or corrupted
    MOVED = "moved"  # the file was deleted, moved or replaced while open
    VANISHED = "vanished"  # a row the session relies on is gone (a reset from elsewhere)


class StoreError(Exception):
    """The store cannot be used (missing, locked, unreadable, from a newer version).

    `kind` says which problem it is, so that the application can word it and decide whether
    the person can go on.
    """

    def __init__(self, message: str, kind: StoreProblem = StoreProblem.UNAVAILABLE) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind

    def __str__(self) -> str:
        return self.message


class RowVanished(StoreError, LookupError):
    """A row the caller relied on is no longer in the store (the data were reset by another
    program meanwhile). Also a LookupError, as a missing key is."""

    def __init__(self, message: str) -> None:
        super().__init__(message, StoreProblem.VANISHED)
