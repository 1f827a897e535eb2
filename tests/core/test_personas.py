"""The seeded personas tell one coherent story, and each can do what its description says.

Dates in order: every message that brought a code comes before the decision taken with it;
a used code was used on the day of that decision; the only persona whose newest code in the
outbox is already used is the one meant for « Votre code provisoire a déjà été utilisé ».
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from support import person_id, persona_code

from mes_sante_tui.core.engine import (
    Accepted,
    Activated,
    Choice,
    Found,
    Identified,
    Outcome,
    Session,
)
from mes_sante_tui.core.models import CardModel, Channel, Person, ProfileStatus
from mes_sante_tui.core.personas import load_personas
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.wording import t

PASSWORD = "Velo#Rouge9x"


def members() -> list[dict[str, Any]]:
    return [m for household in load_personas()["households"] for m in household["members"]]


def person(services: Services, key: str) -> Person:
    return services.store.person(person_id(services, key))


def holder(services: Services, key: str) -> Person:
    """Who holds the card and received the message: the parent, for a child."""
    someone = person(services, key)
    return services.store.person(someone.parent_id) if someone.parent_id else someone


def identify(services: Services, key: str) -> tuple[Session, Identified | Refused]:
    """« Je m'identifie » with the persona's newest code in the outbox and the holder's card."""
    card_holder = holder(services, key)
    card = services.store.card_of(card_holder.id)
    assert card is not None, key
    serial = card.serial
    if card.model is CardModel.WITH_PHOTO:
        serial = serial.removeprefix(PHOTO_PREFIX)
    session = services.engine.start_session()
    result = services.engine.identify_with_code(
        session,
        code=persona_code(services, key),
        nir=card_holder.nir,
        model=card.model,
        serial=serial,
    )
    return session, result


def code_rows(services: Services, key: str) -> list[Any]:
    return services.store.query(
        "SELECT * FROM provisional_codes WHERE person_id = ? ORDER BY id",
        (person_id(services, key),),
    )


# --- dates in order ------------------------------------------------------------------------


@pytest.mark.parametrize("key", [m["key"] for m in members() if "code" in m])
def test_messages_come_before_the_decision_taken_with_their_code(
    services: Services, key: str
) -> None:
    someone = person(services, key)
    messages = [m for m in services.store.outbox() if m.person_id == someone.id]
    assert messages, key
    decided = services.store.query(
        "SELECT at FROM decisions WHERE person_id = ?", (someone.id,)
    )
    for row in decided:
        decision_day = datetime.fromisoformat(row["at"]).date()
        information = [m for m in messages if m.subject == t("outbox.information.subject")]
        assert information and all(m.at.date() < decision_day for m in information), key
        assert someone.status_date == decision_day, key
    for code in code_rows(services, key):
        issued = datetime.fromisoformat(code["issued_at"])
        assert datetime.fromisoformat(code["expires_at"]) > issued, key
        if code["used_at"] is not None:
            used = datetime.fromisoformat(code["used_at"])
            assert issued < used, key
            # A code is used by a decision: on its day, within the code's validity.
            assert someone.status_date == used.date(), key
            assert used < datetime.fromisoformat(code["expires_at"]), key


def test_seeded_decisions_and_accounts_are_on_their_status_date(services: Services) -> None:
    for key in ("sebastien", "emma", "hugo", "thomas"):
        someone = person(services, key)
        (row,) = services.store.query(
            "SELECT at FROM decisions WHERE person_id = ?", (someone.id,)
        )
        assert datetime.fromisoformat(row["at"]).date() == someone.status_date, key


def test_only_the_code_already_used_persona_gets_code_used(services: Services) -> None:
    outcomes = {}
    for m in members():
        if "code" not in m or m["nir"][0] in "78" or m["nir"][3:5] >= "20":
            continue  # refused on the NIR's format before any code is looked at
        _, result = identify(services, m["key"])
        outcomes[m["key"]] = result.outcome if isinstance(result, Refused) else "identified"
    assert [key for key, outcome in outcomes.items() if outcome == Outcome.CODE_USED] == [
        "thomas"
    ]


# --- each persona does what its description says ------------------------------------------


@pytest.mark.parametrize(
    "key", ["martine", "lea", "hugo", "jules", "lina", "paul", "maria", "amina", "gerard"]
)
def test_these_personas_are_identified_by_their_code(services: Services, key: str) -> None:
    _, result = identify(services, key)
    assert isinstance(result, Identified), (key, result)
    assert result.person.id == person_id(services, key)


@pytest.mark.parametrize(
    ("key", "outcome"),
    [
        ("sebastien", Outcome.ALREADY_EXISTS),
        ("emma", Outcome.ALREADY_EXISTS),
        ("jeanne", Outcome.NOT_ACTIVABLE),
        ("lucas", Outcome.NOT_ACTIVABLE),
        ("nathalie", Outcome.CODE_EXPIRED),
        ("thomas", Outcome.CODE_USED),
    ],
)
def test_these_personas_lead_to_their_outcome(
    services: Services, key: str, outcome: Outcome
) -> None:
    _, result = identify(services, key)
    assert isinstance(result, Refused) and result.outcome == outcome, (key, result)


@pytest.mark.parametrize(
    ("key", "message"), [("kevin", "nir.temporary"), ("sofia", "nir.fictitious_month")]
)
def test_numbers_refused_online_say_to_call_3422(
    services: Services, key: str, message: str
) -> None:
    _, result = identify(services, key)
    assert isinstance(result, Refused) and result.errors == {"nir": t(message)}


def test_hugo_opposed_then_his_mother_can_activate_his_profile(services: Services) -> None:
    hugo = person(services, "hugo")
    assert hugo.status is ProfileStatus.OPPOSED
    # The code that served the opposition is used; the one asked for since is not.
    rows = code_rows(services, "hugo")
    assert [(r["origin"], r["used_at"] is None) for r in rows] == [
        ("information", False),
        ("regenerated", True),
    ]
    engine = services.engine
    session, result = identify(services, "hugo")
    assert isinstance(result, Identified) and result.holder.id == person_id(services, "martine")
    assert isinstance(engine.certify_representative(session, True), Accepted)
    assert isinstance(engine.decide(session, Choice.ACTIVATE, True), Accepted)
    assert isinstance(engine.confirm_contacts(session), Accepted)
    activated = engine.create_account(
        session, identifier_raw="martine.l44", password_raw=PASSWORD, confirmation=PASSWORD
    )
    assert isinstance(activated, Activated)
    assert person(services, "hugo").status is ProfileStatus.ACTIVATED


def test_thomas_opposed_with_the_code_of_his_message(services: Services) -> None:
    thomas = person(services, "thomas")
    assert thomas.status is ProfileStatus.OPPOSED
    (code,) = code_rows(services, "thomas")
    (message,) = [m for m in services.store.outbox() if m.person_id == thomas.id]
    assert message.at < datetime.fromisoformat(code["used_at"])
    assert datetime.fromisoformat(code["used_at"]).date() == thomas.status_date


def test_sebastien_logs_in_with_the_account_of_his_description(services: Services) -> None:
    session = services.engine.start_session()
    sent = services.engine.access.login(
        session, identifier="sebastien.leguellec", password_raw="Phare#Ouest2022"
    )
    assert not isinstance(sent, Refused), sent


def test_the_twins_share_a_date_of_birth_and_are_both_offered(services: Services) -> None:
    engine, martine = services.engine, person(services, "martine")
    card = services.store.card_of(martine.id)
    assert card is not None
    session = engine.start_session()
    assert isinstance(engine.check_birth_date(session, "05/11/2019"), Accepted)
    found = engine.identify_by_identity(
        session, nir=martine.nir, model=card.model, serial=card.serial
    )
    assert isinstance(found, Found)
    assert {p.first_name for p in found.candidates} == {"Jules", "Lina"}


def test_gerard_has_no_contacts_and_gets_his_code_by_letter(services: Services) -> None:
    gerard = person(services, "gerard")
    assert gerard.email is None and gerard.mobile is None
    (message,) = [m for m in services.store.outbox() if m.person_id == gerard.id]
    assert message.channel is Channel.LETTER
    assert message.masked_address == "Courrier à M. LAMBERT"


def test_maria_has_no_mobile_and_nathalie_was_created_automatically(
    services: Services,
) -> None:
    assert person(services, "maria").mobile is None
    assert person(services, "nathalie").status is ProfileStatus.CREATED
