"""Opposition (guide 002, Opposition 2/4 and 3/4): one transaction, reversible by activating."""

from __future__ import annotations

from datetime import timedelta

from conftest import NOW
from support import newest_code, person_id, persona_code

from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.engine import (
    Accepted,
    Activated,
    Choice,
    Identified,
    Opposed,
    Outcome,
    Session,
)
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel, Channel, Person, ProfileStatus
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.status import status_label

MARTINE_SERIAL = "953701166"
PASSWORD = "Kayak#Loire2026"


def martine(services: Services) -> Person:
    return services.store.person(person_id(services, "martine"))


def identify(services: Services, session: Session, code: str) -> Identified | Refused:
    return services.engine.identify_with_code(
        session,
        code=code,
        nir=martine(services).nir,
        model=CardModel.WITHOUT_PHOTO,
        serial=MARTINE_SERIAL,
    )


def opposed_martine(services: Services) -> tuple[Session, Opposed]:
    engine = services.engine
    session = engine.start_session()
    assert isinstance(identify(services, session, persona_code(services, "martine")), Identified)
    assert engine.decide(session, Choice.OPPOSE, False) == Accepted(next=None)
    result = engine.confirm_opposition(session)
    assert isinstance(result, Opposed), result
    return session, result


def test_opposition_is_stored_with_todays_date(services: Services) -> None:
    session, result = opposed_martine(services)
    stored = martine(services)
    assert stored.status is ProfileStatus.OPPOSED
    assert stored.status_date == NOW.date()
    assert result.person == stored and result.decided_on == NOW.date()
    assert status_label(stored) == f"Profil opposé le {NOW:%d/%m/%Y}"
    rows = services.store.query("SELECT * FROM decisions WHERE person_id = ?", (stored.id,))
    assert [(r["kind"], r["by_person_id"]) for r in rows] == [("opposer", stored.id)]
    code = services.store.query_one(
        "SELECT used_at FROM provisional_codes WHERE id = ?", (session.code_id,)
    )
    assert code is not None and code["used_at"] is not None


def test_opposition_is_journaled(services: Services) -> None:
    session, _ = opposed_martine(services)
    rows = services.store.journal_rows(session.id)
    assert any(
        r["step"] == f"{Step.DECISION}:opposition" and r["accepted"] and r["reason"] == "opposed"
        for r in rows
    )


def test_the_code_used_to_oppose_cannot_be_used_again(services: Services) -> None:
    opposed_martine(services)
    again = services.engine.start_session()
    result = identify(services, again, persona_code(services, "martine"))
    assert isinstance(result, Refused)
    assert result.outcome is Outcome.CODE_USED


def test_opposing_twice_keeps_the_first_date(services: Services, clock: ManualClock) -> None:
    _, first = opposed_martine(services)
    clock.advance(timedelta(days=3))
    session = services.engine.start_session()
    session.person_id = session.holder_id = first.person.id
    second = services.engine.confirm_opposition(session)
    assert isinstance(second, Opposed)
    assert second.decided_on == first.decided_on
    assert martine(services).status_date == first.decided_on


def test_an_opposed_person_can_still_activate(services: Services) -> None:
    opposed_martine(services)
    engine = services.engine
    session = engine.start_session()
    found = engine.identify_by_identity(
        session,
        nir=martine(services).nir,
        model=CardModel.WITHOUT_PHOTO,
        serial=MARTINE_SERIAL,
        birth_date=f"{martine(services).birth_date:%d/%m/%Y}",
        step=Step.CODE,
    )
    assert found.ok, found
    assert engine.send_code(session, Channel.EMAIL).ok
    code = newest_code(services)
    engine.forget_identity(session)
    assert isinstance(identify(services, session, code), Identified)
    assert engine.decide(session, Choice.ACTIVATE, True) == Accepted(next=Step.CONTACTS)
    assert engine.confirm_contacts(session).ok
    created = engine.create_account(
        session, identifier_raw="martine.l44", password_raw=PASSWORD, confirmation=PASSWORD
    )
    assert isinstance(created, Activated), created
    assert martine(services).status is ProfileStatus.ACTIVATED


def test_household_profiles_are_the_addressee_and_her_children(services: Services) -> None:
    session, _ = opposed_martine(services)
    profiles = services.engine.household_profiles(session)
    keys = ["martine", "lea", "hugo", "jules", "lina"]
    assert sorted(p.id for p in profiles) == sorted(person_id(services, k) for k in keys)
    assert profiles[0].id == person_id(services, "martine")
    hugo = next(p for p in profiles if p.id == person_id(services, "hugo"))
    assert status_label(hugo) == "Profil opposé le 07/12/2021"
