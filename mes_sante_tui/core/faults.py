"""A trainer's faults on demand: the service failing on cue, for the next call or until removed.

The faults live in the store, so a trainer's terminal (`mes-sante-tui panne …`) acts on a
trainee's running application. They are applied at the engine's one seam (`desk.Desk.run`),
never by special cases in screens, and every fault that fires is written to the journal as
injected, so that a report never blames a trainee for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from .store import Store


class Fault(StrEnum):
    """Each fault, by its name on the command line."""

    CODE_EXPIRED = "code-expire"
    CODE_USED = "code-utilise"
    DELAY_30S = "delai-30s"
    SESSION_EXPIRED = "session-expiree"
    CONTACTS_NOT_FOUND = "contacts-introuvables"
    SERVICE_UNAVAILABLE = "service-indisponible"
    CODE_NOT_RECEIVED = "code-non-recu"


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
