"""What time does to a profile (PRODUCT.md, "Automatic creation" and "Closure"): the six-week
automatic creation, closure with archive or deletion, reopening, and the deletion carried out
at the due date; every transition with its date and its message."""

from __future__ import annotations

from datetime import datetime, timedelta

from conftest import NOW
from hypothesis import given
from hypothesis import strategies as st
from support import latest_otp, newest_code, person_id

from mes_sante_tui.core.access import CodeOnItsWay, LoggedIn
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.engine import (
    Accepted,
    Activated,
    Choice,
    Found,
    Identified,
    Session,
)
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.lifecycle import (
    AUTOMATIC_CREATION,
    LifeChanges,
    add_months,
    deletion_due,
)
from mes_sante_tui.core.models import CardModel, Channel, OutboxMessage, Person, ProfileStatus
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.space import Closed, Reopened
from mes_sante_tui.core.status import status_label
from mes_sante_tui.wording import t

# Martine's information message was sent 10 days before NOW (data/personas.json).
MARTINE_INFORMED = NOW - timedelta(days=10)
MARTINE_CREATED = MARTINE_INFORMED + AUTOMATIC_CREATION
MARTINE_SERIAL = "953701166"
SEB_IDENTIFIER, SEB_PASSWORD = "sebastien.leguellec", "Phare#Ouest2022"
SEB_SERIAL = "01024576124"  # the 11 digits typed after the card's fixed prefix
PASSWORD = "Kayak#Loire2026"
CREATED_SUBJECT = "Votre service Mon espace santé a été créé"


def who(services: Services, key: str) -> Person:
    return services.store.person(person_id(services, key))


def messages_about(services: Services, key: str) -> list[OutboxMessage]:
    wanted = person_id(services, key)
    return [m for m in services.store.outbox() if m.person_id == wanted]


def with_subject(services: Services, key: str, subject: str) -> list[OutboxMessage]:
    return [m for m in messages_about(services, key) if m.subject == subject]


def log_in(services: Services, identifier: str, password_raw: str) -> Session:
    access = services.engine.access
    session = services.engine.start_session()
    assert isinstance(
        access.login(session, identifier=identifier, password_raw=password_raw), CodeOnItsWay
    )
    assert isinstance(access.verify_login_code(session, latest_otp(services)), LoggedIn)
    return session


def regenerate_and_identify(
    services: Services, key: str, model: CardModel, serial: str
) -> Session:
    """« Générer un nouveau code provisoire », then « Je m'identifie » with the new code."""
    engine, person = services.engine, who(services, key)
    session = engine.start_session()
    found = engine.identify_by_identity(
        session,
        nir=person.nir,
        model=model,
        serial=serial,
        birth_date=f"{person.birth_date:%d/%m/%Y}",
        step=Step.CODE,
    )
    assert isinstance(found, Found), found
    assert engine.send_code(session, Channel.EMAIL).ok
    code = newest_code(services)
    engine.forget_identity(session)
    identified = engine.identify_with_code(
        session, code=code, nir=person.nir, model=model, serial=serial
    )
    assert isinstance(identified, Identified), identified
    return session


def activate_with_new_account(session: Session, services: Services, identifier: str) -> None:
    engine = services.engine
    assert engine.decide(session, Choice.ACTIVATE, True) == Accepted(next=Step.CONTACTS)
    assert engine.confirm_contacts(session).ok
    created = engine.create_account(
        session, identifier_raw=identifier, password_raw=PASSWORD, confirmation=PASSWORD
    )
    assert isinstance(created, Activated), created


# --- automatic creation ----------------------------------------------------------------


def test_nothing_is_created_one_minute_before_the_six_weeks(
    services: Services, clock: ManualClock
) -> None:
    clock.set(MARTINE_CREATED - timedelta(minutes=1))
    services.engine.catch_up()
    assert who(services, "martine").status is ProfileStatus.PENDING
    assert with_subject(services, "martine", CREATED_SUBJECT) == []


def test_a_pending_profile_is_created_exactly_at_six_weeks(
    services: Services, clock: ManualClock
) -> None:
    clock.set(MARTINE_CREATED)
    services.engine.catch_up()
    martine = who(services, "martine")
    assert martine.status is ProfileStatus.CREATED
    assert martine.status_date == MARTINE_CREATED.date()


def test_creation_is_dated_the_day_the_six_weeks_ran_out_not_the_day_the_clock_moved(
    services: Services, clock: ManualClock
) -> None:
    clock.set(MARTINE_CREATED + timedelta(days=9))
    services.engine.catch_up()
    martine = who(services, "martine")
    assert martine.status_date == MARTINE_CREATED.date()
    assert status_label(martine) == (
        f"Profil créé automatiquement le {MARTINE_CREATED:%d/%m/%Y} (non activé)"
    )
    [message] = with_subject(services, "martine", CREATED_SUBJECT)
    assert message.at == MARTINE_CREATED
    assert message.channel is Channel.EMAIL
    assert message.address == martine.email
    assert f"le {MARTINE_CREATED:%d/%m/%Y}" in message.body


def test_a_childs_creation_message_goes_to_the_parent(
    services: Services, clock: ManualClock
) -> None:
    clock.set(MARTINE_CREATED)
    services.engine.catch_up()
    lea, martine = who(services, "lea"), who(services, "martine")
    assert lea.status is ProfileStatus.CREATED
    [message] = with_subject(services, "lea", CREATED_SUBJECT)
    assert message.address == martine.email
    assert martine.full_name in message.body
    assert t("outbox.for_child", name=lea.full_name) in message.body


def test_without_any_contact_the_creation_notice_is_a_letter(
    services: Services, clock: ManualClock
) -> None:
    clock.advance(timedelta(weeks=6))
    services.engine.catch_up()
    assert who(services, "gerard").status is ProfileStatus.CREATED
    [message] = with_subject(services, "gerard", CREATED_SUBJECT)
    assert message.channel is Channel.LETTER


def test_a_profile_informed_long_ago_is_created_when_the_population_is_seeded(
    services: Services,
) -> None:
    # Nathalie's information was sent 50 days before NOW: the seeded store already has her
    # created, dated the day the six weeks ran out, and nothing more is due.
    assert services.engine.catch_up() == LifeChanges(created=0, deleted=0)
    assert len(with_subject(services, "nathalie", CREATED_SUBJECT)) == 1
    nathalie = who(services, "nathalie")
    assert nathalie.status is ProfileStatus.CREATED
    assert nathalie.status_date == (NOW - timedelta(days=50) + AUTOMATIC_CREATION).date()


def test_deceased_and_not_activable_people_are_never_created(
    services: Services, clock: ManualClock
) -> None:
    clock.advance(timedelta(days=400))
    services.engine.catch_up()
    for key in ("jeanne", "lucas"):
        assert who(services, key).status is ProfileStatus.PENDING, key
        assert with_subject(services, key, CREATED_SUBJECT) == [], key


def test_opposed_and_active_profiles_are_never_created(
    services: Services, clock: ManualClock
) -> None:
    keys = ("thomas", "hugo", "sebastien", "emma")
    before = {key: who(services, key) for key in keys}
    clock.advance(timedelta(days=400))
    services.engine.catch_up()
    for key in keys:
        assert who(services, key) == before[key], key
        assert with_subject(services, key, CREATED_SUBJECT) == [], key


def test_catch_up_is_idempotent(services: Services, clock: ManualClock) -> None:
    clock.advance(timedelta(weeks=7))
    first = services.engine.catch_up()
    assert first.created > 1 and first.any
    people, messages = services.store.people(), services.store.last_outbox_id()
    second = services.engine.catch_up()
    assert second == LifeChanges() and not second.any
    assert services.store.people() == people
    assert services.store.last_outbox_id() == messages


# --- created, then activated (not opposed) ------------------------------------------------


def test_a_created_profile_can_be_activated_with_a_new_code(
    services: Services, clock: ManualClock
) -> None:
    clock.set(MARTINE_CREATED + timedelta(days=2))
    session = regenerate_and_identify(services, "martine", CardModel.WITHOUT_PHOTO, MARTINE_SERIAL)
    activate_with_new_account(session, services, "martine.l44")
    martine = who(services, "martine")
    assert martine.status is ProfileStatus.ACTIVATED
    assert martine.status_date == clock.now().date()


def test_a_created_childs_profile_is_activated_by_the_logged_in_parent(
    services: Services, clock: ManualClock
) -> None:
    clock.set(MARTINE_CREATED + timedelta(days=2))
    session = regenerate_and_identify(services, "martine", CardModel.WITHOUT_PHOTO, MARTINE_SERIAL)
    activate_with_new_account(session, services, "martine.l44")
    engine, lea_id = services.engine, person_id(services, "lea")
    assert who(services, "lea").status is ProfileStatus.CREATED
    session = log_in(services, "martine.l44", PASSWORD)
    assert engine.manage_profile(session, lea_id) == Accepted(next=Step.REPRESENTATIVE)
    assert engine.certify_representative(session, True).ok
    assert engine.decide(session, Choice.ACTIVATE, True) == Accepted(next=Step.SUCCESS)
    assert who(services, "lea").status is ProfileStatus.ACTIVATED


def test_reopening_a_created_profile_restores_it_created_not_activated(
    services: Services, clock: ManualClock
) -> None:
    clock.set(MARTINE_CREATED + timedelta(days=2))
    session = regenerate_and_identify(services, "martine", CardModel.WITHOUT_PHOTO, MARTINE_SERIAL)
    activate_with_new_account(session, services, "martine.l44")
    engine, lea_id = services.engine, person_id(services, "lea")
    session = log_in(services, "martine.l44", PASSWORD)
    assert engine.manage_profile(session, lea_id).ok
    assert engine.certify_representative(session, True).ok
    assert isinstance(engine.space.close(session, password_raw=PASSWORD, delete_data=False), Closed)
    assert who(services, "lea").status is ProfileStatus.CLOSED
    assert isinstance(engine.space.reopen(session), Reopened)
    assert who(services, "lea").status is ProfileStatus.CREATED


def test_a_created_profile_cannot_be_opposed(services: Services, clock: ManualClock) -> None:
    clock.set(MARTINE_CREATED + timedelta(days=2))
    session = regenerate_and_identify(services, "martine", CardModel.WITHOUT_PHOTO, MARTINE_SERIAL)
    engine = services.engine
    refused = engine.decide(session, Choice.OPPOSE, False)
    assert isinstance(refused, Refused)
    assert refused.errors == {"choice": t("decision.created_no_opposition")}
    confirmed = engine.confirm_opposition(session)
    assert isinstance(confirmed, Refused)
    assert confirmed.errors == {"choice": t("decision.created_no_opposition")}
    assert who(services, "martine").status is ProfileStatus.CREATED


# --- closed, archived, reopened -----------------------------------------------------------


def test_closing_archives_and_reopening_restores_with_dates_and_messages(
    services: Services, clock: ManualClock
) -> None:
    space = services.engine.space
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)
    closed = space.close(session, password_raw=SEB_PASSWORD, delete_data=False)
    assert isinstance(closed, Closed), closed
    sebastien = who(services, "sebastien")
    assert (sebastien.status, sebastien.status_date) == (ProfileStatus.CLOSED, NOW.date())
    assert closed.closure.deletion_due_at is None and not closed.closure.deletion_pending
    assert status_label(sebastien, closed.closure) == f"Profil clôturé le {NOW:%d/%m/%Y}"
    notice = max(messages_about(services, "sebastien"), key=lambda m: m.id)
    assert notice.subject == t("outbox.closed.subject")
    assert t("outbox.closed.archived") in notice.body

    clock.advance(timedelta(days=3))
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)  # a closed space can log in
    reopened = space.reopen(session)
    assert isinstance(reopened, Reopened), reopened
    sebastien = who(services, "sebastien")
    assert sebastien.status is ProfileStatus.ACTIVATED
    assert sebastien.status_date == (NOW + timedelta(days=3)).date()
    closure = services.store.closure_of(sebastien.id)
    assert closure is not None and closure.reopened_at == NOW + timedelta(days=3)
    notice = max(messages_about(services, "sebastien"), key=lambda m: m.id)
    assert notice.subject == "Votre profil Mon espace santé a été rouvert"
    assert notice.address == sebastien.email


# --- closed with deletion, then deleted ---------------------------------------------------


def close_sebastien_with_deletion(services: Services) -> datetime:
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)
    closed = services.engine.space.close(session, password_raw=SEB_PASSWORD, delete_data=True)
    assert isinstance(closed, Closed), closed
    assert closed.closure.deletion_due_at is not None
    return closed.closure.deletion_due_at


def test_a_deletion_is_due_three_calendar_months_after_closure(services: Services) -> None:
    due = close_sebastien_with_deletion(services)
    assert due == datetime(2027, 2, 22, 10, 0)
    sebastien = who(services, "sebastien")
    closure = services.store.closure_of(sebastien.id)
    assert closure is not None and closure.deletion_pending
    assert status_label(sebastien, closure) == (
        "Profil clôturé le 22/11/2026 · suppression des données demandée, "
        "au plus tard le 22/02/2027"
    )


def test_reopening_is_refused_while_a_deletion_is_pending_with_the_due_date(
    services: Services, clock: ManualClock
) -> None:
    close_sebastien_with_deletion(services)
    clock.advance(timedelta(days=20))
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)
    refused = services.engine.space.reopen(session)
    assert isinstance(refused, Refused)
    assert refused.message == t("reopen.deletion_pending", due="22/02/2027")
    assert who(services, "sebastien").status is ProfileStatus.CLOSED


def test_nothing_is_deleted_one_minute_before_the_due_date(
    services: Services, clock: ManualClock
) -> None:
    due = close_sebastien_with_deletion(services)
    clock.set(due - timedelta(minutes=1))
    assert services.engine.catch_up().deleted == 0
    assert who(services, "sebastien").status is ProfileStatus.CLOSED
    assert services.store.identifier_taken(SEB_IDENTIFIER)


def test_at_the_due_date_the_data_and_the_account_are_deleted(
    services: Services, clock: ManualClock
) -> None:
    due = close_sebastien_with_deletion(services)
    clock.set(due + timedelta(days=10))  # the clock moved past it: still dated the due date
    assert services.engine.catch_up().deleted == 1
    sebastien = who(services, "sebastien")
    assert (sebastien.status, sebastien.status_date) == (ProfileStatus.DELETED, due.date())
    assert status_label(sebastien) == "Données supprimées le 22/02/2027"
    assert services.store.account_of(sebastien.id) is None
    assert not services.store.identifier_taken(SEB_IDENTIFIER)
    closure = services.store.closure_of(sebastien.id)
    assert closure is not None and closure.deleted_at == due and not closure.deletion_pending
    [notice] = with_subject(services, "sebastien", t("outbox.deleted.subject"))
    assert notice.at == due and notice.address == sebastien.email
    # The account is gone: the old identifier and password no longer log in.
    refused = services.engine.access.login(
        services.engine.start_session(), identifier=SEB_IDENTIFIER, password_raw=SEB_PASSWORD
    )
    assert refused == Refused(message=t("login.failed"))


def test_a_deleted_profile_can_be_activated_again_under_the_freed_identifier(
    services: Services, clock: ManualClock
) -> None:
    due = close_sebastien_with_deletion(services)
    clock.set(due + timedelta(days=1))
    services.engine.catch_up()
    session = regenerate_and_identify(services, "sebastien", CardModel.WITH_PHOTO, SEB_SERIAL)
    activate_with_new_account(session, services, SEB_IDENTIFIER)
    sebastien = who(services, "sebastien")
    assert (sebastien.status, sebastien.status_date) == (
        ProfileStatus.ACTIVATED,
        (due + timedelta(days=1)).date(),
    )
    assert services.store.account_identifier(sebastien.id) == SEB_IDENTIFIER


# --- calendar months ------------------------------------------------------------------------


def test_add_months_keeps_the_day_and_the_time() -> None:
    assert add_months(datetime(2026, 11, 22, 10, 30), 3) == datetime(2027, 2, 22, 10, 30)
    assert add_months(datetime(2026, 12, 15), 1) == datetime(2027, 1, 15)


def test_add_months_falls_back_to_the_last_day_of_a_shorter_month() -> None:
    assert add_months(datetime(2027, 1, 31), 1) == datetime(2027, 2, 28)
    assert add_months(datetime(2028, 1, 31), 1) == datetime(2028, 2, 29)
    assert add_months(datetime(2026, 11, 30), 3) == datetime(2027, 2, 28)
    assert add_months(datetime(2027, 11, 30), 3) == datetime(2028, 2, 29)
    assert add_months(datetime(2027, 3, 31), 1) == datetime(2027, 4, 30)


def test_deletion_due_is_three_months_later() -> None:
    assert deletion_due(datetime(2026, 11, 30, 9, 0)) == datetime(2027, 2, 28, 9, 0)


@given(
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(9000, 12, 31)),
    st.integers(min_value=0, max_value=1200),
)
def test_add_months_never_raises_and_lands_in_the_right_month(
    when: datetime, months: int
) -> None:
    later = add_months(when, months)
    assert (later.year * 12 + later.month) - (when.year * 12 + when.month) == months
    assert later.day <= when.day
    assert later.time() == when.time()
    if when.day <= 28:
        assert later.day == when.day


# --- progress of a long catch-up ----------------------------------------------------------


def test_a_catch_up_tells_its_progress_up_to_the_total(
    services: Services, clock: ManualClock
) -> None:
    close_sebastien_with_deletion(services)
    clock.advance(timedelta(days=200))  # the six weeks of every pending profile, and the deletion
    calls: list[tuple[int, int]] = []
    changes = services.engine.catch_up(progress=lambda done, total: calls.append((done, total)))
    assert changes.created > 1 and changes.deleted == 1
    counts = [done for done, _ in calls]
    assert counts == sorted(set(counts))  # strictly increasing
    assert calls[-1] == (changes.created + changes.deleted,) * 2
    assert all(done <= total for done, total in calls)


def test_moving_the_clock_passes_the_progress_on(services: Services) -> None:
    calls: list[tuple[int, int]] = []
    changes = services.engine.move_clock(
        timedelta(weeks=7), progress=lambda done, total: calls.append((done, total))
    )
    assert changes.created > 1
    assert calls[-1] == (changes.created, changes.created)


def test_nothing_due_tells_no_progress(services: Services) -> None:
    calls: list[tuple[int, int]] = []
    assert services.engine.catch_up(progress=lambda *call: calls.append(call)) == LifeChanges()
    assert calls == []
