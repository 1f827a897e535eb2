"""A trainer's faults at the engine's one seam (core/desk.py, core/faults.py): each fault, in
force until removed or for the next call only, turns the call it applies to into what the
service would answer, and the call's journal row says the fault was injected."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from support import newest_code
from test_engine_identity import found, sent_code
from test_seam import identified

from mes_sante_tui.core.answers import ChannelOption, CodeSent, Outcome, Session
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.desk import STEPS
from mes_sante_tui.core.engine import Accepted, Choice, ContactKind, OtpSent
from mes_sante_tui.core.faults import EVERY_STEP, FAULTS, Fault, FaultPlan
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import Channel
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.wording import t

NOW = datetime(2026, 11, 22, 10, 0)


def inject(services: Services, fault: Fault, *, once: bool) -> FaultPlan:
    plan = FaultPlan(services.store)
    plan.inject(fault, once=once, now=NOW)
    return plan


def last_row(services: Services, session: Session) -> dict[str, object]:
    return dict(services.store.journal_rows(session.id)[-1])


def outbox_size(services: Services) -> int:
    return len(services.store.outbox())


def test_every_fault_has_one_entry_and_each_names_real_use_cases() -> None:
    assert sorted(rule.fault for rule in FAULTS) == sorted(Fault)
    for rule in FAULTS:
        assert rule.calls is EVERY_STEP or rule.calls <= STEPS.keys(), rule


@pytest.mark.parametrize("once", [True, False])
def test_service_unavailable_answers_instead_of_any_step(services: Services, once: bool) -> None:
    session = identified(services)
    plan = inject(services, Fault.SERVICE_UNAVAILABLE, once=once)
    result = services.engine.confirm_contacts(session)
    assert result == Refused(outcome=Outcome.SERVICE_UNAVAILABLE, message=t("service.unavailable"))
    row = last_row(services, session)
    assert (row["step"], row["accepted"], row["fault"]) == (
        "coordonnees", 0, "service-indisponible"
    )
    assert row["reason"] == "service_unavailable"
    assert bool(plan.in_force()) is not once
    again = services.engine.decide(session, None, False)
    assert isinstance(again, Refused)
    assert (again.outcome == Outcome.SERVICE_UNAVAILABLE) is not once


def test_session_expired_answers_as_the_real_expiry(services: Services) -> None:
    session = identified(services)
    inject(services, Fault.SESSION_EXPIRED, once=True)
    result = services.engine.decide(session, None, False)
    assert result == Refused(
        outcome=Outcome.SESSION_EXPIRED, message=t("identify.session_expired")
    )
    assert last_row(services, session)["fault"] == "session-expiree"
    # Used up: the next call answers as the service does (here, the choice is missing).
    assert isinstance(services.engine.decide(session, None, False), Refused)
    assert last_row(services, session)["fault"] is None


@pytest.mark.parametrize(
    ("fault", "outcome", "key"),
    [
        (Fault.CODE_EXPIRED, Outcome.CODE_EXPIRED, "code.expired"),
        (Fault.CODE_USED, Outcome.CODE_USED, "code.used"),
    ],
)
def test_a_right_provisional_code_is_answered_expired_or_used(
    services: Services, fault: Fault, outcome: Outcome, key: str
) -> None:
    inject(services, fault, once=True)
    session = found(services, "martine")
    code = sent_code(services, session)
    result = services.engine.verify_code(session, code)
    assert result == Refused(outcome=outcome, message=t(key))
    assert session.code_id is None  # nothing of the success is kept
    assert last_row(services, session)["fault"] == fault.value
    # Used up: the same code is now accepted.
    assert services.engine.verify_code(session, code) == Accepted()


def test_code_expired_at_je_m_identifie_leaves_the_session_unidentified(
    services: Services,
) -> None:
    plan = inject(services, Fault.CODE_EXPIRED, once=False)
    with pytest.raises(AssertionError):
        identified(services)
    rows = services.store.journal_rows()
    assert (rows[-1]["step"], rows[-1]["reason"], rows[-1]["fault"]) == (
        "je_m_identifie", "code_expired", "code-expire"
    )
    assert plan.in_force()  # until removed: still there
    plan.remove()
    assert isinstance(identified(services), Session)


def test_a_wrong_code_is_answered_as_it_is_and_a_once_fault_waits(services: Services) -> None:
    plan = inject(services, Fault.CODE_USED, once=True)
    session = found(services, "martine")
    wrong = services.engine.verify_code(session, "ABCDEFGHJKLM")
    assert isinstance(wrong, Refused) and wrong.outcome != Outcome.CODE_USED
    assert last_row(services, session)["fault"] is None
    assert plan.in_force()


@pytest.mark.parametrize("once", [True, False])
def test_delay_30s_answers_the_wait_and_sends_nothing(services: Services, once: bool) -> None:
    plan = inject(services, Fault.DELAY_30S, once=once)
    session = found(services, "martine")
    before = outbox_size(services)
    result = services.engine.send_code(session, Channel.EMAIL)
    assert result == Refused(outcome=Outcome.WAIT, message=t("code.wait_30s"))
    assert outbox_size(services) == before
    assert last_row(services, session)["fault"] == "delai-30s"
    assert bool(plan.in_force()) is not once


@pytest.mark.parametrize("once", [True, False])
def test_contacts_not_found_leaves_the_letter_only(
    services: Services, clock: ManualClock, once: bool
) -> None:
    plan = inject(services, Fault.CONTACTS_NOT_FOUND, once=once)
    session = found(services, "martine")
    rows = len(services.store.journal_rows(session.id))
    assert [o.channel for o in services.engine.channels(session)] == [Channel.LETTER]
    assert len(services.store.journal_rows(session.id)) == rows + 1
    row = last_row(services, session)
    assert (row["fault"], row["reason"]) == ("contacts-introuvables", "no_contact")
    # The code goes by letter, as for a person with no contact on file.
    refused = services.engine.send_code(session, Channel.EMAIL)
    assert isinstance(refused, Refused) and "channel" in refused.errors
    sent = services.engine.send_code(session, Channel.LETTER)
    assert isinstance(sent, CodeSent) and sent.channel is Channel.LETTER
    assert last_row(services, session)["fault"] == "contacts-introuvables"
    assert bool(plan.in_force()) is not once
    # Used up or not, the rest of this session finds no contact either: no contact comes
    # back half-way through the code generation (a look-up then leaves no row by itself).
    after = len(services.store.journal_rows(session.id))
    assert [o.channel for o in services.engine.channels(session)] == [Channel.LETTER]
    assert len(services.store.journal_rows(session.id)) == after
    clock.advance(timedelta(minutes=1))  # past the 30 seconds between two codes
    # With another fault acting on the resend (« code non reçu »): still by letter.
    inject(services, Fault.CODE_NOT_RECEIVED, once=True)
    before = outbox_size(services)
    again = services.engine.send_code(session, Channel.LETTER)
    assert isinstance(again, CodeSent), again
    assert outbox_size(services) == before
    assert str(last_row(services, session)["fault"]).split(",") == (
        ["code-non-recu"] if once else ["code-non-recu", "contacts-introuvables"]
    )
    if once:
        # Another session finds the contacts again.
        other = found(services, "martine")
        options = services.engine.channels(other)
        assert Channel.EMAIL in [o.channel for o in options]
        assert all(isinstance(o, ChannelOption) for o in options)


@pytest.mark.parametrize("once", [True, False])
def test_code_not_received_says_sent_and_nothing_arrives(services: Services, once: bool) -> None:
    plan = inject(services, Fault.CODE_NOT_RECEIVED, once=once)
    session = found(services, "martine")
    before = outbox_size(services)
    assert isinstance(services.engine.send_code(session, Channel.EMAIL), CodeSent)
    assert outbox_size(services) == before
    row = last_row(services, session)
    assert (row["accepted"], row["fault"]) == (1, "code-non-recu")
    assert bool(plan.in_force()) is not once


def test_code_not_received_on_a_contact_change_then_the_resend_arrives(
    services: Services,
) -> None:
    session = identified(services)
    assert services.engine.decide(session, Choice.ACTIVATE, True) == Accepted(
        next=Step.CONTACTS
    )
    inject(services, Fault.CODE_NOT_RECEIVED, once=True)
    before = outbox_size(services)
    sent = services.engine.request_contact_change(session, ContactKind.EMAIL, "m.n@exemple.fr")
    assert isinstance(sent, OtpSent)
    assert outbox_size(services) == before
    assert isinstance(services.engine.resend_contact_code(session), OtpSent)
    assert outbox_size(services) == before + 1
    assert len(newest_code(services)) == 6
    assert last_row(services, session)["fault"] is None


def test_no_fault_in_force_leaves_every_row_unmarked(services: Services) -> None:
    session = identified(services)
    assert services.engine.profile(session).last_name == "Leguellec"
    assert all(row["fault"] is None for row in services.store.journal_rows())
