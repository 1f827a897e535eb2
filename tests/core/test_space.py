"""The logged-in space: the summary of one's profile and household, closing (with the
password) and reopening, one's own profile or a child's as its certified legal representative
(PRODUCT.md, "Closure" and "Household")."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import NOW
from support import latest_otp, person_id, persona_code

from mes_sante_tui.core import contacts
from mes_sante_tui.core.access import CodeOnItsWay, LoggedIn
from mes_sante_tui.core.engine import Accepted, Activated, Choice, Identified, Outcome, Session
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.lifecycle import add_months
from mes_sante_tui.core.models import CardModel, Person, ProfileStatus
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.space import Closed, ProfileAction, SpaceSummary, actions_for
from mes_sante_tui.wording import t

SEB_IDENTIFIER, SEB_PASSWORD = "sebastien.leguellec", "Phare#Ouest2022"
MARTINE_IDENTIFIER, MARTINE_PASSWORD = "martine.l44", "Kayak#Loire2026"
NOT_LOGGED_IN = Refused(message=t("space.not_logged_in"))
ACTIVATE, OPPOSE = ProfileAction.ACTIVATE, ProfileAction.OPPOSE
CLOSE, REOPEN = ProfileAction.CLOSE, ProfileAction.REOPEN


def who(services: Services, key: str) -> Person:
    return services.store.person(person_id(services, key))


def log_in(services: Services, identifier: str, password_raw: str) -> Session:
    access = services.engine.access
    session = services.engine.start_session()
    sent = access.login(session, identifier=identifier, password_raw=password_raw)
    assert isinstance(sent, CodeOnItsWay), sent
    assert isinstance(access.verify_login_code(session, latest_otp(services)), LoggedIn)
    return session


def activate_martine(services: Services) -> None:
    """Martine activates her own space with the code of her information e-mail."""
    engine, martine = services.engine, who(services, "martine")
    session = engine.start_session()
    identified = engine.identify_with_code(
        session,
        code=persona_code(services, "martine"),
        nir=martine.nir,
        model=CardModel.WITHOUT_PHOTO,
        serial="953701166",
    )
    assert isinstance(identified, Identified), identified
    assert engine.decide(session, Choice.ACTIVATE, True).ok
    assert engine.confirm_contacts(session).ok
    created = engine.create_account(
        session,
        identifier_raw=MARTINE_IDENTIFIER,
        password_raw=MARTINE_PASSWORD,
        confirmation=MARTINE_PASSWORD,
    )
    assert isinstance(created, Activated), created


def count(services: Services, table: str) -> int:
    row = services.store.query_one(f"SELECT COUNT(*) AS n FROM {table}")
    assert row is not None
    return int(row["n"])


def written(services: Services) -> tuple[int, int, int]:
    return count(services, "closures"), count(services, "decisions"), count(services, "outbox")


# --- summary ------------------------------------------------------------------------------


def test_the_summary_shows_the_account_masked_contacts_and_the_household(
    services: Services,
) -> None:
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)
    summary = services.engine.space.summary(session)
    assert isinstance(summary, SpaceSummary)
    sebastien, emma = who(services, "sebastien"), who(services, "emma")
    assert sebastien.email is not None and sebastien.mobile is not None
    assert summary.identifier == SEB_IDENTIFIER
    assert summary.email_masked == contacts.mask_email(sebastien.email)
    assert summary.mobile_masked == contacts.mask_mobile(sebastien.mobile)
    assert sebastien.email not in (summary.email_masked, summary.mobile_masked)
    assert summary.own.person == sebastien
    assert summary.own.label == "Profil activé le 15/02/2022"
    assert summary.own.actions == (CLOSE,)
    assert [(c.person, c.label, c.actions) for c in summary.children] == [
        (emma, "Profil activé le 01/03/2022", (CLOSE,))
    ]


def test_the_childrens_lines_offer_what_their_status_allows(services: Services) -> None:
    activate_martine(services)
    session = log_in(services, MARTINE_IDENTIFIER, MARTINE_PASSWORD)
    summary = services.engine.space.summary(session)
    assert isinstance(summary, SpaceSummary)
    assert summary.own.label == f"Profil activé le {NOW:%d/%m/%Y}"
    lines = {line.person.first_name: (line.label, line.actions) for line in summary.children}
    assert lines == {
        "Léa": ("En attente de décision", (ACTIVATE, OPPOSE)),
        "Hugo": ("Profil opposé le 07/12/2021", (ACTIVATE,)),
        "Jules": ("En attente de décision", (ACTIVATE, OPPOSE)),
        "Lina": ("En attente de décision", (ACTIVATE, OPPOSE)),
    }


@pytest.mark.parametrize(
    ("status", "actions"),
    [
        (ProfileStatus.PENDING, (ACTIVATE, OPPOSE)),
        (ProfileStatus.OPPOSED, (ACTIVATE,)),
        (ProfileStatus.CREATED, (ACTIVATE, CLOSE)),
        (ProfileStatus.ACTIVATED, (CLOSE,)),
        (ProfileStatus.CLOSED, (REOPEN,)),
        (ProfileStatus.DELETED, (ACTIVATE,)),
    ],
)
def test_actions_depend_on_the_status(
    services: Services, status: ProfileStatus, actions: tuple[ProfileAction, ...]
) -> None:
    person = dataclasses.replace(who(services, "martine"), status=status)
    assert actions_for(person) == actions


def test_deceased_and_not_activable_profiles_offer_no_action(services: Services) -> None:
    assert actions_for(who(services, "jeanne")) == ()
    assert actions_for(who(services, "lucas")) == ()


# --- not logged in -------------------------------------------------------------------------


def test_the_space_is_refused_without_a_login(services: Services) -> None:
    space = services.engine.space
    session = services.engine.start_session()
    assert space.summary(session) == NOT_LOGGED_IN
    assert space.close(session, password_raw=SEB_PASSWORD, delete_data=False) == NOT_LOGGED_IN
    assert space.reopen(session) == NOT_LOGGED_IN


def test_a_right_password_without_the_one_time_code_is_not_a_login(services: Services) -> None:
    session = services.engine.start_session()
    services.engine.access.login(session, identifier=SEB_IDENTIFIER, password_raw=SEB_PASSWORD)
    space = services.engine.space
    assert space.summary(session) == NOT_LOGGED_IN
    assert space.close(session, password_raw=SEB_PASSWORD, delete_data=False) == NOT_LOGGED_IN
    assert who(services, "sebastien").status is ProfileStatus.ACTIVATED


# --- closing one's own profile --------------------------------------------------------------


def test_closing_needs_the_right_password_and_writes_nothing_otherwise(
    services: Services,
) -> None:
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)
    space, before = services.engine.space, written(services)
    wrong = space.close(session, password_raw="Faux#Passe2022", delete_data=True)
    assert wrong == Refused(errors={"password": t("close.password.wrong")})
    empty = space.close(session, password_raw="", delete_data=True)
    assert empty == Refused(errors={"password": t("close.password.required")})
    assert who(services, "sebastien").status is ProfileStatus.ACTIVATED
    assert services.store.closure_of(who(services, "sebastien").id) is None
    assert written(services) == before


def test_closing_records_the_closure_with_its_deletion_date(services: Services) -> None:
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)
    closed = services.engine.space.close(session, password_raw=SEB_PASSWORD, delete_data=True)
    assert isinstance(closed, Closed), closed
    sebastien = who(services, "sebastien")
    assert closed.person == sebastien and sebastien.status is ProfileStatus.CLOSED
    assert closed.closure.closed_at == NOW
    assert closed.closure.deletion_due_at == add_months(NOW, 3)
    decision = services.store.query_one(
        "SELECT kind, by_person_id FROM decisions WHERE person_id = ? ORDER BY id DESC",
        (sebastien.id,),
    )
    assert decision is not None
    assert (decision["kind"], decision["by_person_id"]) == ("cloturer", sebastien.id)


def test_a_closed_profile_cannot_be_closed_again(services: Services) -> None:
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)
    space = services.engine.space
    assert isinstance(space.close(session, password_raw=SEB_PASSWORD, delete_data=False), Closed)
    before = written(services)
    again = space.close(session, password_raw=SEB_PASSWORD, delete_data=True)
    assert again == Refused(message=t("close.not_open"))
    assert written(services) == before


def test_an_active_profile_cannot_be_reopened(services: Services) -> None:
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)
    before = written(services)
    assert services.engine.space.reopen(session) == Refused(message=t("reopen.not_closed"))
    assert written(services) == before


# --- a child's profile ----------------------------------------------------------------------


def test_closing_a_childs_profile_needs_the_certification(services: Services) -> None:
    engine, emma = services.engine, who(services, "emma")
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)
    assert engine.manage_profile(session, emma.id) == Accepted(next=Step.REPRESENTATIVE)
    before = written(services)
    refused = engine.space.close(session, password_raw=SEB_PASSWORD, delete_data=False)
    assert isinstance(refused, Refused)
    assert refused.outcome == Outcome.NOT_REPRESENTATIVE
    assert refused.message == t("representative.refused", name=emma.full_name)
    assert who(services, "emma").status is ProfileStatus.ACTIVATED
    assert written(services) == before


def test_the_certified_parent_closes_the_childs_profile(services: Services) -> None:
    engine, emma = services.engine, who(services, "emma")
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)
    engine.manage_profile(session, emma.id)
    assert engine.certify_representative(session, True).ok
    closed = engine.space.close(session, password_raw=SEB_PASSWORD, delete_data=False)
    assert isinstance(closed, Closed), closed
    assert who(services, "emma").status is ProfileStatus.CLOSED
    sebastien = who(services, "sebastien")
    assert sebastien.status is ProfileStatus.ACTIVATED
    notice = max(services.store.outbox(), key=lambda m: m.id)
    assert notice.person_id == emma.id and notice.address == sebastien.email
    assert emma.full_name in notice.body
    closure = services.store.query_one(
        "SELECT by_person_id FROM closures WHERE person_id = ?", (emma.id,)
    )
    assert closure is not None and closure["by_person_id"] == sebastien.id


def test_back_to_ones_own_profile_after_acting_for_a_child(services: Services) -> None:
    engine, emma = services.engine, who(services, "emma")
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)
    engine.manage_profile(session, emma.id)
    engine.certify_representative(session, True)
    engine.back_to_own_profile(session)
    assert not session.representative_certified
    closed = engine.space.close(session, password_raw=SEB_PASSWORD, delete_data=False)
    assert isinstance(closed, Closed)
    assert closed.person.id == who(services, "sebastien").id
    assert who(services, "emma").status is ProfileStatus.ACTIVATED


def test_someone_elses_child_cannot_be_managed(services: Services) -> None:
    engine, lea = services.engine, who(services, "lea")
    session = log_in(services, SEB_IDENTIFIER, SEB_PASSWORD)
    assert engine.manage_profile(session, lea.id) == Refused(message=t("manage.not_yours"))
    assert session.person_id == who(services, "sebastien").id


def test_a_childs_decision_needs_the_certification(services: Services) -> None:
    activate_martine(services)
    engine, lea = services.engine, who(services, "lea")
    session = log_in(services, MARTINE_IDENTIFIER, MARTINE_PASSWORD)
    assert engine.manage_profile(session, lea.id).ok
    refused = engine.decide(session, Choice.ACTIVATE, True)
    assert isinstance(refused, Refused) and refused.outcome == Outcome.NOT_REPRESENTATIVE
    assert who(services, "lea").status is ProfileStatus.PENDING
    declined = engine.certify_representative(session, False)
    assert isinstance(declined, Refused) and declined.outcome == Outcome.NOT_REPRESENTATIVE
    assert engine.certify_representative(session, True).ok
    # The parent's account exists: no contact check, no identifier to create.
    assert engine.decide(session, Choice.ACTIVATE, True) == Accepted(next=Step.SUCCESS)
    lea = who(services, "lea")
    assert (lea.status, lea.status_date) == (ProfileStatus.ACTIVATED, NOW.date())


# --- an account created by a child's activation (PRODUCT.md, "Accounts") -------------------


def activate_lea_first(services: Services) -> None:
    """Martine activates her daughter Léa's profile before her own: Léa's code, Martine's NIR
    and card, the certification, then the account common to all her profiles."""
    engine, martine = services.engine, who(services, "martine")
    session = engine.start_session()
    identified = engine.identify_with_code(
        session,
        code=persona_code(services, "lea"),
        nir=martine.nir,
        model=CardModel.WITHOUT_PHOTO,
        serial="953701166",
    )
    assert isinstance(identified, Identified), identified
    assert identified.person == who(services, "lea")
    assert engine.certify_representative(session, True).ok
    assert engine.decide(session, Choice.ACTIVATE, True).ok
    assert engine.confirm_contacts(session).ok
    created = engine.create_account(
        session,
        identifier_raw="martine.leguellec",
        password_raw=MARTINE_PASSWORD,
        confirmation=MARTINE_PASSWORD,
    )
    assert isinstance(created, Activated), created


def test_a_parent_whose_account_came_from_a_childs_activation_logs_in(
    services: Services,
) -> None:
    activate_lea_first(services)
    assert who(services, "martine").status is ProfileStatus.PENDING
    session = log_in(services, "martine.leguellec", MARTINE_PASSWORD)
    assert session.account_id == who(services, "martine").id
    summary = services.engine.space.summary(session)
    assert isinstance(summary, SpaceSummary)
    assert summary.identifier == "martine.leguellec"
    # Her own profile, still pending, with what that status allows: activate or oppose.
    assert summary.own.person == who(services, "martine")
    assert summary.own.label == t("status.en_attente")
    assert summary.own.actions == (ACTIVATE, OPPOSE)
    lines = {c.person.first_name: c for c in summary.children}
    assert lines["Léa"].person.status is ProfileStatus.ACTIVATED
    assert lines["Léa"].actions == (CLOSE,)


def test_from_the_space_she_activates_her_own_pending_profile(services: Services) -> None:
    activate_lea_first(services)
    engine = services.engine
    session = log_in(services, "martine.leguellec", MARTINE_PASSWORD)
    engine.back_to_own_profile(session)
    result = engine.decide(session, Choice.ACTIVATE, True)
    assert result == Accepted(next=Step.SUCCESS)  # the account exists: no account step
    assert who(services, "martine").status is ProfileStatus.ACTIVATED
    summary = engine.space.summary(session)
    assert isinstance(summary, SpaceSummary) and summary.own.actions == (CLOSE,)


def test_from_the_space_she_opposes_her_own_pending_profile(services: Services) -> None:
    activate_lea_first(services)
    engine = services.engine
    session = log_in(services, "martine.leguellec", MARTINE_PASSWORD)
    engine.back_to_own_profile(session)
    assert engine.decide(session, Choice.OPPOSE, False) == Accepted(next=None)
    assert engine.confirm_opposition(session).ok
    assert who(services, "martine").status is ProfileStatus.OPPOSED
    # Opposed, she still logs in, and can change her mind.
    session = log_in(services, "martine.leguellec", MARTINE_PASSWORD)
    summary = engine.space.summary(session)
    assert isinstance(summary, SpaceSummary) and summary.own.actions == (ACTIVATE,)
