"""The one counter of wrong entries, for every code and every look-up that tells something
(PRODUCT.md, "Safety").

Each counter has a scope (what is counted: provisional codes, logins, a one-time code's
purpose, a recovery look-up) and a key within it (the holder, the identifier or NIR typed).
A number of wrong entries is allowed; the failure that reaches the allowance starts a wait of
`first_wait`, and each further failure doubles it. Sending a new code does not reset the
count: only a success does (`clear`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .store import Store


class Scope(StrEnum):
    """What a counter counts; stored in the `lockouts` table."""

    PROVISIONAL_CODE = "code"
    LOGIN = "login"
    RECOVERY_CODE = "otp_recovery"
    CONTACT_CODE = "otp_contact"
    FORGOT_IDENTIFIER = "forgot_identifier"
    FORGOT_PASSWORD = "forgot_password"


@dataclass(frozen=True)
class Lockout:
    """Wrong entries of one scope, counted in the store so that every process sees them."""

    store: Store
    scope: Scope
    allowed: int
    first_wait: timedelta

    def wait_left(self, key: str, now: datetime) -> timedelta | None:
        """The wait still to run for `key`, or None when entries are accepted."""
        _, locked_until = self.store.lockout_of(self.scope.value, key)
        if locked_until is None:
            return None
        left = locked_until - now
        return left if left > timedelta(0) else None

    def fail(self, key: str, now: datetime) -> timedelta | None:
        """Count one wrong entry; the wait it starts, if it reaches the allowance.

        Read and write in one transaction (joined when the caller has one open), so that two
        processes counting at once lose no failure.
        """
        with self.store.transaction():
            failures = self.store.lockout_of(self.scope.value, key)[0] + 1
            over = failures - self.allowed
            locked_until = now + self.first_wait * (2**over) if over >= 0 else None
            self.store.set_lockout(self.scope.value, key, failures, locked_until)
        return None if locked_until is None else locked_until - now

    def failures(self, key: str) -> int:
        return self.store.lockout_of(self.scope.value, key)[0]

    def clear(self, key: str) -> None:
        """A success: the count starts again from zero."""
        self.store.clear_lockout(self.scope.value, key)
