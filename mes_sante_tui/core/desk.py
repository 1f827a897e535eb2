"""What every use case works with, and the one seam every engine call goes through.

`Desk` holds the store, the clock, the code generator and the settings, with what they make:
the code hasher, the mailer, the one-time codes and the counters of wrong entries.

`@step(name)` marks a use case. A call to it runs through `Desk.run`, the one seam of the
engine: the call is one unit of work (every write of the step and its journal row commit
together, or none does), and it leaves one journal row: the step, who (the session and the
profile), whether the input was accepted, its reasons (never a secret: the reasons are
words chosen by the code, never what was typed) and the time taken. A call made from inside
another one joins it. A `StepRefused` raised anywhere in the call (what was checked before no
longer holds under the write lock) rolls the whole call back and answers with its refusal.

This is also where a trainer's fault plan is to be applied (issue 9): at the seam, before the
call's body runs, knowing the step.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from . import password
from .answers import Session, StepRefused
from .clock import Clock
from .codes import CodeGenerator, CodeHasher
from .lockout import Lockout, Scope
from .models import Person
from .otp import OneTimeCodes
from .outbox import Mailer
from .results import Refused
from .settings import Settings
from .store import Store

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class _Note:
    accepted: bool
    reason: str
    person_id: int | None
    step: str


@dataclass
class _Call:
    step: str
    session: Session | None
    note: _Note | None = None
    started: float = field(default_factory=time.perf_counter)


class Desk:
    def __init__(
        self, store: Store, clock: Clock, codes: CodeGenerator, settings: Settings
    ) -> None:
        self.store, self.clock, self.codes, self.settings = store, clock, codes, settings
        self.hasher = CodeHasher(store.secret())
        self.mailer = Mailer(store)
        self._calls: list[_Call] = []

    @property
    def otp(self) -> OneTimeCodes:
        """The one-time codes, with the code generator and the settings in force."""
        return OneTimeCodes(self.store, self.hasher, self.codes, self.settings.otp_validity)

    def password_rules(self, raw: str) -> list[password.PasswordRule]:
        """The live checklist of the password rules in force."""
        return password.checklist(raw, self.settings.rule_version)

    def password_errors(
        self, raw: str, confirmation: str, person: Person, identifier: str
    ) -> dict[str, str]:
        """What is wrong with `person`'s new password under the rules in force, per field."""
        return password.check_password(
            raw,
            confirmation,
            version=self.settings.rule_version,
            identifier=identifier,
            first_name=person.first_name,
            last_name=person.last_name,
            birth_date=person.birth_date,
        )

    def refused_fields(self, session: Session, step: str, errors: dict[str, str]) -> Refused:
        """A step refused for its fields: journaled with the names of the fields, never what
        was typed in them."""
        self.log(session, step, False, "fields:" + ",".join(sorted(errors)))
        return Refused(errors=errors)

    def lockout(self, scope: Scope) -> Lockout:
        """The counter of wrong entries of `scope`, with the allowance the settings give."""
        if scope is Scope.LOGIN:
            allowed, wait = self.settings.max_login_failures, self.settings.first_login_wait
        else:
            allowed, wait = self.settings.max_code_failures, self.settings.first_lock_wait
        return Lockout(self.store, scope, allowed, wait)

    # --- the seam --------------------------------------------------------------------------

    def run(self, step: str, session: Session | None, body: Callable[[], R]) -> R:
        """Run one engine call: one unit of work, one journal row (see the module's doc)."""
        if any(call.session is session for call in self._calls):
            return body()  # called by another use case of the same session: part of its call
        call = _Call(step, session)
        self._calls.append(call)
        # A call that fails (the store locked, full...) leaves the session as it found it:
        # its last write (the journal row) may come after the session was updated.
        before = dict(vars(session)) if session is not None else None
        try:
            try:
                with self.store.unit_of_work():
                    result = body()
                    self._journal(call, result)
            except StepRefused as stale:
                # Rolled back whole: the refusal and its journal row are all that is written.
                call.note = None
                with self.store.transaction():
                    self._journal(call, stale.refused)
                return stale.refused  # type: ignore[return-value]
        except BaseException:
            if session is not None and before is not None:
                vars(session).update(before)
            raise
        finally:
            self._calls.pop()
        return result

    def log(
        self,
        session: Session,
        step: str,
        accepted: bool,
        reason: str,
        *,
        person_id: int | None = None,
    ) -> None:
        """What the current call did, for its journal row; outside any call (a step's code
        called directly), written at once."""
        note = _Note(accepted, str(reason), person_id, str(step))
        call = next((c for c in reversed(self._calls) if c.session is session), None)
        if call is not None:
            call.note = note
            return
        self._write(session, note, None)

    def _journal(self, call: _Call, result: object) -> None:
        if call.session is None:
            return
        note = call.note or _note_of(call.step, result, call.session)
        self._write(call.session, note, time.perf_counter() - call.started)

    def _write(self, session: Session, note: _Note, elapsed: float | None) -> None:
        self.store.journal(
            at=self.clock.now(),
            session_id=session.id,
            person_id=note.person_id if note.person_id is not None else session.person_id,
            step=note.step,
            accepted=note.accepted,
            reason=note.reason,
            duration_ms=None if elapsed is None else round(elapsed * 1000, 3),
        )


def _note_of(step: str, result: object, session: Session) -> _Note:
    """The journal row of a call that did not say more: accepted, or refused with the
    outcome or the fields refused."""
    if isinstance(result, Refused):
        reason = str(result.outcome or "") or "fields:" + ",".join(sorted(result.errors))
        return _Note(False, reason if reason != "fields:" else "refused", None, step)
    return _Note(True, "accepted", None, step)


class HasDesk(Protocol):
    desk: Desk


S = TypeVar("S", bound=HasDesk)


def step(name: str) -> Callable[[Callable[Concatenate[S, P], R]], Callable[Concatenate[S, P], R]]:
    """Mark a use case: its calls go through the seam, `Desk.run`, under this step's name.
    The session is the call's first argument after `self`, when it has one."""

    def decorate(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
        @functools.wraps(method)
        def call(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
            session = args[0] if args and isinstance(args[0], Session) else None
            return self.desk.run(name, session, lambda: method(self, *args, **kwargs))

        return call

    return decorate
