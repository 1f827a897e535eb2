"""A trainer's faults on demand: the service failing on cue, for the next call or until removed.

The faults live in the store, so a trainer's terminal (`mes-sante-tui panne …`) acts on a
trainee's running application. They are applied at the engine's one seam (`desk.Desk.run`),
never by special cases in screens, and every fault that fires is written to the journal as
injected, so that a report never blames a trainee for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from mes_sante_tui.wording import t

from .answers import ChannelOption, Outcome, Session, contact_channels
from .fault_names import Fault as Fault
from .results import Refused
from .store import Store


@dataclass(frozen=True)
class FaultInForce:
    fault: Fault
    once: bool  # for the next call that it applies to only, then removed
    since: datetime


class FaultPlan:
    """The faults a trainer put in force on one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def in_force(self) -> list[FaultInForce]:
        known = {fault.value: fault for fault in Fault}
        return [
            FaultInForce(known[name], once, since)
            for name, once, since in self.store.faults()
            if name in known  # a name from a newer version of the application is ignored
        ]

    def inject(self, fault: Fault, *, once: bool, now: datetime) -> None:
        self.store.set_fault(fault.value, once=once, since=now)

    def remove(self, fault: Fault | None = None) -> int:
        """Remove `fault`, or every fault; how many were removed."""
        return self.store.clear_faults(None if fault is None else fault.value)

    def take(self, fault: Fault) -> bool:
        """Whether `fault` applies to this call (a fault for the next call only is used up)."""
        return self.store.take_fault(fault.value)


# --- what each fault does, at the engine's seam --------------------------------------------


class When(StrEnum):
    """When a fault acts on a call that it applies to."""

    # Instead of the call: it does not run, and the answer is the fault's.
    INSTEAD = "instead"
    # The call runs; had it been accepted (the code was right, the code was to be sent), all
    # it wrote is rolled back and the answer is the fault's. A call refused for its input
    # answers as the service would, and a fault for the next call only waits for the next.
    ON_SUCCESS = "on_success"
    # The call runs with the outbox held: it says the message was sent; nothing arrives.
    MAIL_HELD = "mail_held"
    # A look-up's answer is changed (a look-up does not use a fault up); a step that makes
    # the look-up runs with it changed, and uses up a fault for the next call only when it is
    # accepted. Once met, it holds for the rest of that session (core/desk.py).
    ANSWER_CHANGED = "answer_changed"


# Every use case (`@step`) that can answer a refusal: the steps a fault on the whole service
# applies to.
EVERY_STEP: frozenset[str] = frozenset({"*"})


@dataclass(frozen=True)
class FaultCall:
    """What a fault's answer is made from: the store, the session and, for a call that ran,
    its answer."""

    store: Store
    session: Session
    result: object = None


@dataclass(frozen=True)
class FaultRule:
    """One fault: the use cases it applies to (`Class.method`, or EVERY_STEP), when it acts,
    and what the call answers then."""

    fault: Fault
    calls: frozenset[str]
    when: When
    answer: Callable[[FaultCall], object] | None = None
    # The reason on the journal row of an accepted answer (else the answer's own).
    reason: str | None = None

    def applies_to(self, call: str, *, refusable: bool) -> bool:
        if self.calls is EVERY_STEP:
            return refusable
        return call in self.calls


def _refused(outcome: Outcome, key: str) -> Callable[[FaultCall], Refused]:
    return lambda _: Refused(outcome=outcome, message=t(key))


def _letter_only(call: FaultCall) -> list[ChannelOption]:
    """The contacts look-up found no e-mail and no mobile: the letter only, as for a person
    with none on file."""
    session = call.session
    holder = session.holder_id if session.holder_id is not None else session.person_id
    assert holder is not None
    return contact_channels(replace(call.store.person(holder), email=None, mobile=None),
                            letter=True)


_PROVISIONAL_CODE_CHECKS = frozenset(
    {"Identification.identify_with_code", "Identification.verify_code"}
)

# The table: one entry per fault. A new fault for trainers is one entry here (and its name
# in `Fault`, its words in the catalogue). The first entry whose fault is in force and which
# applies to the call acts on it; those acting instead of the call come first.
FAULTS: tuple[FaultRule, ...] = (
    FaultRule(
        Fault.SERVICE_UNAVAILABLE, EVERY_STEP, When.INSTEAD,
        _refused(Outcome.SERVICE_UNAVAILABLE, "service.unavailable"),
    ),
    FaultRule(
        Fault.SESSION_EXPIRED, EVERY_STEP, When.INSTEAD,
        _refused(Outcome.SESSION_EXPIRED, "identify.session_expired"),
    ),
    FaultRule(
        Fault.CODE_EXPIRED, _PROVISIONAL_CODE_CHECKS, When.ON_SUCCESS,
        _refused(Outcome.CODE_EXPIRED, "code.expired"),
    ),
    FaultRule(
        Fault.CODE_USED, _PROVISIONAL_CODE_CHECKS, When.ON_SUCCESS,
        _refused(Outcome.CODE_USED, "code.used"),
    ),
    FaultRule(
        Fault.DELAY_30S, frozenset({"CodeGeneration.send_code"}), When.ON_SUCCESS,
        _refused(Outcome.WAIT, "code.wait_30s"),
    ),
    FaultRule(
        Fault.CODE_NOT_RECEIVED,
        frozenset({
            "CodeGeneration.send_code",
            "AccessDesk.login",
            "AccessDesk.resend_login_code",
            "AccessDesk.send_password_code",
            "ContactCheck.request_contact_change",
            "ContactCheck.resend_contact_code",
        }),
        When.MAIL_HELD,
    ),
    FaultRule(
        Fault.CONTACTS_NOT_FOUND,
        frozenset({"CodeGeneration.channels", "CodeGeneration.send_code"}),
        When.ANSWER_CHANGED, _letter_only, reason="no_contact",
    ),
)


def rule_for(
    in_force: Iterable[Fault], call: str, *, refusable: bool
) -> FaultRule | None:
    """The entry of the table that acts on `call`, given the faults in force."""
    active = set(in_force)
    return next(
        (
            rule
            for rule in FAULTS
            if rule.fault in active and rule.applies_to(call, refusable=refusable)
        ),
        None,
    )
