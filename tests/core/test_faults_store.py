"""The store keeps a trainer's faults: in force until removed, or used up by one call."""

from __future__ import annotations

from datetime import datetime

from mes_sante_tui.core.faults import Fault, FaultPlan
from mes_sante_tui.core.store import Store

NOW = datetime(2026, 12, 2, 10, 0)


def test_a_fault_until_removed_stays_in_force() -> None:
    plan = FaultPlan(Store(":memory:"))
    plan.inject(Fault.SERVICE_UNAVAILABLE, once=False, now=NOW)
    assert plan.take(Fault.SERVICE_UNAVAILABLE)
    assert plan.take(Fault.SERVICE_UNAVAILABLE)
    assert [f.fault for f in plan.in_force()] == [Fault.SERVICE_UNAVAILABLE]
    assert plan.remove(Fault.SERVICE_UNAVAILABLE) == 1
    assert not plan.take(Fault.SERVICE_UNAVAILABLE)


def test_a_fault_for_the_next_call_is_used_up_once() -> None:
    plan = FaultPlan(Store(":memory:"))
    plan.inject(Fault.CODE_EXPIRED, once=True, now=NOW)
    assert not plan.take(Fault.CODE_USED)
    assert plan.take(Fault.CODE_EXPIRED)
    assert not plan.take(Fault.CODE_EXPIRED)
    assert plan.in_force() == []


def test_remove_all_and_a_newer_name_is_ignored() -> None:
    store = Store(":memory:")
    plan = FaultPlan(store)
    plan.inject(Fault.DELAY_30S, once=False, now=NOW)
    store.set_fault("panne-du-futur", once=False, since=NOW)
    assert [f.fault for f in plan.in_force()] == [Fault.DELAY_30S]
    assert plan.remove() == 2
    assert store.faults() == []
