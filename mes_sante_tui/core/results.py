"""Small, frozen result objects that every rule and engine call returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
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


class StoreError(Exception):
    """The store cannot be used (missing, locked, unreadable, from a newer version)."""
