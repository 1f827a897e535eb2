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

A trainer's faults (core/faults.py) are applied here, and only here: before the call runs,
the faults in force are read from the store (a trainer's terminal may have changed them), and
the entry of the fault table that applies to this use case acts on the call (instead of it,
on its success, with its mail held, or on a look-up's answer). A fault that fires is written
on the call's journal row (`fault`), so that the row says it was injected.

A look-up (`@step(name, look_up=True)`, a query a screen makes) goes through the seam too,
for the faults that concern it; it leaves a journal row only when a fault fires on it.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar, cast

from . import password
from .answers import Session, StepRefused
from .clock import Clock
from .codes import CodeGenerator, CodeHasher
from .faults import FAULTS, Fault, FaultCall, FaultPlan, FaultRule, When, rule_for
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
    fault: str | None = None  # the faults that fired on this call, by name, comma-separated
    call: str = ""  # the use case, `Class.method`


class _Replaced(Exception):
    """The call succeeded, but a fault answers instead: roll back what it wrote."""


# Every use case, by its `Class.method` name: whether it can answer a refusal (those a fault
# on the whole service applies to). Filled by `@step`.
STEPS: dict[str, bool] = {}


def _accepted(result: object) -> bool:
    return not isinstance(result, Refused) and getattr(result, "ok", True) is True


class Desk:
    def __init__(
        self, store: Store, clock: Clock, codes: CodeGenerator, settings: Settings
    ) -> None:
        self.store, self.clock, self.codes, self.settings = store, clock, codes, settings
        self.hasher = CodeHasher(store.secret())
        self.mailer = Mailer(store)
        self.faults = FaultPlan(store)
        self._calls: list[_Call] = []
        # A look-up's answer changed by a fault stays changed for the rest of that session
        # (by session id), even once the fault is used up or removed, and for the look-ups
        # the session's calls make: the contacts a session did not find do not come back
        # half-way through its code generation.
        self._kept: dict[str, FaultRule] = {}

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

    def run(
        self,
        step: str,
        session: Session | None,
        body: Callable[[], R],
        *,
        call: str = "",
        refusable: bool = False,
        look_up: bool = False,
    ) -> R:
        """Run one engine call: one unit of work, one journal row (see the module's doc).
        `call` names the use case (`Class.method`) for the fault table; `refusable` says
        whether it can answer a refusal; a `look_up` leaves no row unless a fault fires."""
        if any(c.session is session for c in self._calls):
            # Called by another use case of the same session: part of its call (a look-up
            # that this call's fault changes answers changed).
            changing = self._kept.get(session.id) if session is not None else None
            if look_up and changing is not None and call in changing.calls:
                assert session is not None and changing.answer is not None
                return cast(R, changing.answer(FaultCall(self.store, session, body())))
            return body()
        in_force = self._in_force(session, call)
        rule = rule_for(in_force, call, refusable=refusable) if in_force else None
        kept = rule is None and session is not None and session.id in self._kept
        if kept:
            assert session is not None
            rule = self._kept[session.id]
            if call not in rule.calls:
                rule, kept = None, False
        if look_up and rule is None:
            return body()
        current = _Call(step, session, call=call)
        self._calls.append(current)
        # A call that fails (the store locked, full...) leaves the session as it found it:
        # its last write (the journal row) may come after the session was updated.
        before = dict(vars(session)) if session is not None else None
        try:
            if rule is None:
                return self._run(current, body)
            return self._run_with_fault(
                current, body, rule, look_up=look_up, kept=kept, in_force=in_force
            )
        except BaseException:
            if session is not None and before is not None:
                vars(session).update(before)
            raise
        finally:
            self._calls.pop()

    def _run(
        self, call: _Call, body: Callable[[], R], *, held: FaultRule | None = None,
        used: FaultRule | None = None,
    ) -> R:
        try:
            with self.store.unit_of_work():
                result = body()
                if held is not None:
                    # « Code non reçu »: the step says it was sent; nothing arrives.
                    fired = _accepted(result) and self._take(call, held)
                    self.mailer.release(deliver=not fired)
                if used is not None and _accepted(result):
                    self._take(call, used)
                self._journal(call, result)
        except StepRefused as stale:
            # Rolled back whole: the refusal and its journal row are all that is written.
            call.note = None
            with self.store.transaction():
                self._journal(call, stale.refused)
            return stale.refused  # type: ignore[return-value]
        return result

    # --- a trainer's faults ----------------------------------------------------------------

    def _in_force(self, session: Session | None, call: str) -> list[Fault]:
        """The faults in force now (read at each call: a trainer's terminal may have changed
        them), for a call of a session."""
        if session is None or not call:
            return []
        return [f.fault for f in self.faults.in_force()]

    def _take(self, call: _Call, rule: FaultRule) -> bool:
        """Whether the fault fires on this call (one for the next call only is used up; one
        that another process used up meanwhile does not fire)."""
        if not self.faults.take(rule.fault):
            return False
        call.fault = rule.fault.value if call.fault is None else f"{call.fault},{rule.fault}"
        return True

    def _answer(self, call: _Call, rule: FaultRule, result: object = None) -> Any:
        assert call.session is not None and rule.answer is not None
        answer = rule.answer(FaultCall(self.store, call.session, result))
        call.note = None
        if rule.reason is not None:
            call.note = _Note(True, rule.reason, None, call.step)
        self._journal(call, answer)
        return answer

    def _run_with_fault(
        self, call: _Call, body: Callable[[], R], rule: FaultRule, *, look_up: bool,
        kept: bool = False, in_force: Sequence[Fault] = (),
    ) -> R:
        session = call.session
        assert session is not None
        if rule.when is When.INSTEAD:
            with self.store.transaction():
                if self._take(call, rule):
                    instead: R = self._answer(call, rule)
                    return instead
            return self._run(call, body)
        if rule.when is When.MAIL_HELD:
            # A fault on the look-ups this call makes acts with it (no contacts found, and the
            # letter does not arrive).
            changing = next(
                (
                    other for other in FAULTS
                    if other.when is When.ANSWER_CHANGED and other.fault in in_force
                    and call.call in other.calls
                ),
                None,
            )
            if changing is not None:
                self._kept[session.id] = changing
            self.mailer.hold()
            try:
                return self._run(call, body, held=rule, used=changing)
            finally:
                self.mailer.held = None
        if rule.when is When.ANSWER_CHANGED:
            said = self._kept.get(session.id) is rule  # in the journal when it first fired
            self._kept[session.id] = rule
            if look_up:
                assert rule.answer is not None
                if kept or said:
                    return cast(R, rule.answer(FaultCall(self.store, session, body())))
                # In force: the look-up's answer is changed, and said in the journal.
                call.fault = rule.fault.value
                with self.store.transaction():
                    changed: R = self._answer(call, rule, body())
                return changed
            if kept:
                call.fault = rule.fault.value
            return self._run(call, body, used=None if kept else rule)
        # When.ON_SUCCESS: had the call been accepted, the fault answers instead; what the
        # call wrote is rolled back and the session is as it was before the call.
        before = dict(vars(session))
        try:
            with self.store.unit_of_work():
                result = body()
                if _accepted(result):
                    raise _Replaced
                self._journal(call, result)
            return result
        except StepRefused as stale:
            call.note = None
            with self.store.transaction():
                self._journal(call, stale.refused)
            return stale.refused  # type: ignore[return-value]
        except _Replaced:
            vars(session).clear()
            vars(session).update(before)
            call.note = None
        with self.store.transaction():
            if self._take(call, rule):
                replaced: R = self._answer(call, rule)
                return replaced
        return self._run(call, body)  # used up meanwhile by another process: as it is

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
        self._write(call.session, note, time.perf_counter() - call.started, call.fault)

    def _write(
        self, session: Session, note: _Note, elapsed: float | None, fault: str | None = None
    ) -> None:
        self.store.journal(
            at=self.clock.now(),
            session_id=session.id,
            person_id=note.person_id if note.person_id is not None else session.person_id,
            step=note.step,
            accepted=note.accepted,
            reason=note.reason,
            duration_ms=None if elapsed is None else round(elapsed * 1000, 3),
            trainee=session.trainee,
            scenario=session.scenario,
            fault=fault,
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


def step(
    name: str, *, look_up: bool = False
) -> Callable[[Callable[Concatenate[S, P], R]], Callable[Concatenate[S, P], R]]:
    """Mark a use case: its calls go through the seam, `Desk.run`, under this step's name.
    The session is the call's first argument after `self`, when it has one. A `look_up`
    (a query) leaves a journal row only when a trainer's fault changes its answer."""

    def decorate(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
        qualified = method.__qualname__
        # Annotations are strings here (`from __future__ import annotations`).
        refusable = "Refused" in str(method.__annotations__.get("return", ""))
        STEPS[qualified] = refusable

        @functools.wraps(method)
        def call(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
            session = args[0] if args and isinstance(args[0], Session) else None
            return self.desk.run(
                name, session, lambda: method(self, *args, **kwargs),
                call=qualified, refusable=refusable, look_up=look_up,
            )

        return call

    return decorate
