"""The engine of the identity-first journey (guide 000) and of « Générer un nouveau code
provisoire » (guide 002, 1/3 to 3/3): date of birth, identification by NIR + date + card,
twins, legal representative, reception channels, new codes and their 30-second rule, the
code check, the steps skipped for each person, session expiry and the journey data.

Every refusal is compared with the catalogue's exact wording; codes are read from the outbox
as the person would read them; time moves only when a test moves the ManualClock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from support import message_code, person_id, persona_code

from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.engine import (
    Accepted,
    ChannelOption,
    Choice,
    CodeSent,
    Engine,
    Found,
    Identified,
    Outcome,
    Session,
)
from mes_sante_tui.core.journey import JOURNEYS, STAGES, Step, next_step, stage_index
from mes_sante_tui.core.models import CardModel, Channel, OutboxMessage, Person, ProfileStatus
from mes_sante_tui.core.nir import check_nir, make_nir
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import JourneyVariant, Settings
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.wording import t

# The 12-character code of a message: e-mail/letter « Votre code provisoire : X », SMS « … est X ».
MARTINE_PASSWORD = "Kayak#Loire2026"
NOT_FOUND = t("identify.not_found")

# Dates of birth of the seeded personas, as typed (JJ/MM/AAAA).
BORN = {
    "martine": "10/03/1973",
    "sebastien": "22/06/1971",
    "lea": "03/05/2014",
    "emma": "30/01/2011",
    "twins": "05/11/2019",
    "paul": "14/08/1980",
    "maria": "27/02/1982",
    "gerard": "01/12/1948",
    "jeanne": "07/07/1935",
    "lucas": "21/03/1999",
    "nathalie": "09/09/1977",
}


# --- helpers -------------------------------------------------------------------------------


def person(services: Services, key: str) -> Person:
    return services.store.person(person_id(services, key))


def holder_of(services: Services, key: str) -> Person:
    """The card holder who types the NIR and the card: the person, or a child's parent."""
    who = person(services, key)
    return services.store.person(who.parent_id) if who.parent_id is not None else who


def card_entry(services: Services, key: str) -> tuple[CardModel, str]:
    """What the holder types: the card model and the serial (photo: after 8025000002)."""
    card = services.store.card_of(holder_of(services, key).id)
    assert card is not None, key
    if card.model is CardModel.WITH_PHOTO:
        assert card.serial.startswith(PHOTO_PREFIX)
        return card.model, card.serial.removeprefix(PHOTO_PREFIX)
    return card.model, card.serial


def refused(result: object) -> Refused:
    assert isinstance(result, Refused), result
    return result


def accepted(result: object) -> Accepted:
    assert isinstance(result, Accepted), result
    return result


def dated(engine: Engine, born: str) -> Session:
    """A new session whose date of birth (identity first, step 1) is accepted."""
    session = engine.start_session()
    accepted(engine.check_birth_date(session, born))
    return session


def find(
    services: Services,
    session: Session,
    key: str,
    *,
    nir: str | None = None,
    model: CardModel | None | str = "card",
    serial: str | None = None,
    birth_date: str | None = None,
) -> Found | Refused:
    """identify_by_identity with the holder's NIR and card unless told otherwise."""
    card_model, typed = card_entry(services, key)
    return services.engine.identify_by_identity(
        session,
        nir=holder_of(services, key).nir if nir is None else nir,
        model=card_model if model == "card" else model,  # type: ignore[arg-type]
        serial=typed if serial is None else serial,
        birth_date=birth_date,
    )


def found(services: Services, key: str, born: str | None = None) -> Session:
    """Identity first up to the code: date, then Vitale data; one profile found."""
    session = dated(services.engine, born or BORN[key])
    result = find(services, session, key)
    assert isinstance(result, Found), result
    return session


def newest(services: Services) -> OutboxMessage:
    return max(services.store.outbox(), key=lambda m: m.id)


def code_in(message: OutboxMessage) -> str:
    return message_code(message)


def sent_code(services: Services, session: Session, channel: Channel = Channel.EMAIL) -> str:
    """Ask for a new code by `channel` and read it in the outbox."""
    assert isinstance(services.engine.send_code(session, channel), CodeSent)
    return code_in(newest(services))


def failures(services: Services, key: str) -> int:
    row = services.store.query_one(
        "SELECT failures FROM lockouts WHERE scope = 'code' AND key = ?",
        (str(person_id(services, key)),),
    )
    return 0 if row is None else int(row["failures"])


def count(services: Services, table: str) -> int:
    row = services.store.query_one(f"SELECT COUNT(*) AS n FROM {table}")
    assert row is not None
    return int(row["n"])


def activate_martine(services: Services) -> None:
    """Martine activates her own space through the engine (identity first, end to end)."""
    engine = services.engine
    session = found(services, "martine")
    accepted(engine.verify_code(session, sent_code(services, session)))
    assert engine.decide(session, Choice.ACTIVATE, True) == Accepted(next=Step.CONTACTS)
    accepted(engine.confirm_contacts(session))
    created = engine.create_account(
        session,
        identifier_raw="martine.l44",
        password_raw=MARTINE_PASSWORD,
        confirmation=MARTINE_PASSWORD,
    )
    assert created.ok, created
    assert person(services, "martine").status is ProfileStatus.ACTIVATED


# --- date of birth (identity first, step 1) ------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("", "birth.required"),
        ("10 mars 1973", "birth.format"),
        ("10/03/1899", "birth.year"),
        ("10/13/1973", "birth.month"),
        ("31/02/1973", "birth.day"),
        ("23/11/2026", "birth.future"),  # the day after the clock's today (22/11/2026)
    ],
)
def test_each_date_refusal_leaves_the_session_unchanged(
    services: Services, raw: str, key: str
) -> None:
    engine = services.engine
    session = engine.start_session()
    result = refused(engine.check_birth_date(session, raw))
    expected = t(key, year=2026) if key == "birth.year" else t(key)
    assert result.errors == {"birth_date": expected}
    assert result.outcome is None
    assert session.birth_date is None

    # A date accepted before stays as it was when a later entry is refused.
    accepted(engine.check_birth_date(session, "10/03/1973"))
    refused(engine.check_birth_date(session, raw))
    assert session.birth_date == date(1973, 3, 10)


@pytest.mark.parametrize("raw", ["10/03/1973", "10031973", " 10.03.1973 ", "10-3-1973"])
def test_an_accepted_date_is_kept_in_the_session(services: Services, raw: str) -> None:
    session = services.engine.start_session()
    assert services.engine.check_birth_date(session, raw) == Accepted()
    assert session.birth_date == date(1973, 3, 10)


# --- identification by identity ------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "entry", "key"),
    [
        ("nir", "", "nir.required"),
        ("nir", "2 73 03", "nir.length"),
        ("nir", "273034410903824", "nir.format"),  # Martine's number with a wrong key
        ("birth_date", "", "birth.required"),
        ("birth_date", "31/02/1973", "birth.day"),
        ("birth_date", "10/13/1973", "birth.month"),
        ("model", None, "card.model.required"),
        ("serial", "", "serial.required"),
        ("serial", "95370116A", "serial.digits_only"),
        ("serial", "1234567", "serial.length_without_photo"),
        ("serial", "10031973", "serial.is_date"),
    ],
)
def test_identify_by_identity_names_each_field_in_error(
    services: Services, field: str, entry: str | None, key: str
) -> None:
    session = services.engine.start_session()
    kwargs: dict[str, object] = {"birth_date": BORN["martine"], field: entry}
    result = refused(find(services, session, "martine", **kwargs))  # type: ignore[arg-type]
    assert result.errors == {field: t(key)}
    assert result.outcome is None
    assert session.holder_id is None and session.person_id is None
    assert session.candidates == ()
    assert session.birth_date is None


def test_every_field_in_error_at_once(services: Services) -> None:
    session = services.engine.start_session()
    result = refused(
        services.engine.identify_by_identity(
            session, nir="2 73", model=None, serial="", birth_date="32/01/1973"
        )
    )
    assert result.errors == {
        "nir": t("nir.length"),
        "birth_date": t("birth.day"),
        "model": t("card.model.required"),
    }


def test_the_date_typed_on_the_step_before_is_used(services: Services) -> None:
    """Identity first: no date on the Vitale screen, the one accepted before counts."""
    session = dated(services.engine, BORN["martine"])
    result = find(services, session, "martine")
    assert isinstance(result, Found)
    assert [p.id for p in result.candidates] == [person_id(services, "martine")]


def test_a_date_typed_inline_replaces_the_one_in_the_session(services: Services) -> None:
    session = dated(services.engine, BORN["martine"])
    result = find(services, session, "lea", birth_date=BORN["lea"])
    assert isinstance(result, Found)
    assert [p.id for p in result.candidates] == [person_id(services, "lea")]
    assert session.birth_date == date(2014, 5, 3)


def test_an_unknown_nir_is_not_found(services: Services) -> None:
    unknown = make_nir(2, 73, 3, "44", "109", 999)
    assert check_nir(unknown).ok and services.store.person_by_nir(unknown) is None
    session = dated(services.engine, BORN["martine"])
    result = refused(find(services, session, "martine", nir=unknown))
    assert result.outcome is Outcome.NOT_FOUND
    assert result.message == NOT_FOUND
    assert session.holder_id is None and session.candidates == ()


@pytest.mark.parametrize(
    ("model", "serial"),
    [
        (CardModel.WITHOUT_PHOTO, "953701167"),  # one digit off
        (CardModel.WITH_PHOTO, "00953701166"),  # the right digits, the wrong model
    ],
)
def test_a_card_that_does_not_match_is_not_found(
    services: Services, model: CardModel, serial: str
) -> None:
    session = dated(services.engine, BORN["martine"])
    result = refused(find(services, session, "martine", model=model, serial=serial))
    assert result.outcome is Outcome.NOT_FOUND
    assert result.message == NOT_FOUND
    assert session.holder_id is None and session.candidates == ()
    assert failures(services, "martine") == 0  # a wrong card is not a wrong code


def test_a_date_of_birth_matching_nobody_is_not_found(services: Services) -> None:
    session = dated(services.engine, "10/03/1974")  # Martine's, one year off
    result = refused(find(services, session, "martine"))
    assert result.outcome is Outcome.NOT_FOUND
    assert result.message == NOT_FOUND
    assert session.holder_id is None and session.person_id is None
    assert session.candidates == ()


def test_another_households_child_date_is_not_found(services: Services) -> None:
    """Emma is Sébastien's daughter, not Martine's: Martine's card does not reach her."""
    session = dated(services.engine, BORN["emma"])
    result = refused(find(services, session, "martine"))
    assert result.outcome is Outcome.NOT_FOUND


def test_the_parents_nir_with_the_childs_date_finds_the_child(services: Services) -> None:
    session = dated(services.engine, BORN["lea"])
    result = find(services, session, "lea")
    assert isinstance(result, Found)
    lea, martine = person(services, "lea"), person(services, "martine")
    assert result.holder.id == martine.id
    assert [p.id for p in result.candidates] == [lea.id]
    assert len(result.candidates) == 1
    assert session.person_id == lea.id
    assert session.holder_id == martine.id
    assert session.candidates == (lea.id,)


def test_the_twins_date_finds_both_and_chooses_neither(services: Services) -> None:
    session = dated(services.engine, BORN["twins"])
    result = find(services, session, "martine")
    assert isinstance(result, Found)
    twins = {person_id(services, "jules"), person_id(services, "lina")}
    assert len(result.candidates) == 2
    assert {p.id for p in result.candidates} == twins
    assert set(session.candidates) == twins
    assert session.person_id is None
    assert session.holder_id == person_id(services, "martine")


@pytest.mark.parametrize("key", ["jeanne", "lucas"])
def test_deceased_or_other_reason_is_not_activable(services: Services, key: str) -> None:
    who = person(services, key)
    assert who.deceased or who.not_activable_reason
    session = dated(services.engine, BORN[key])
    result = refused(find(services, session, key))
    assert result.outcome is Outcome.NOT_ACTIVABLE
    assert result.message == t("identify.not_activable")
    assert session.person_id is None and session.holder_id is None


def test_an_activated_space_with_a_photo_card_already_exists(services: Services) -> None:
    card = services.store.card_of(person_id(services, "sebastien"))
    assert card is not None and card.model is CardModel.WITH_PHOTO
    typed = card.serial.removeprefix("8025000002")
    assert typed == "01024576124"
    session = dated(services.engine, BORN["sebastien"])
    result = refused(
        find(services, session, "sebastien", model=CardModel.WITH_PHOTO, serial=typed)
    )
    assert result.outcome is Outcome.ALREADY_EXISTS
    assert result.message == t("identify.already_exists")
    assert session.person_id is None


def test_an_activated_child_already_exists(services: Services) -> None:
    session = dated(services.engine, BORN["emma"])
    result = refused(find(services, session, "sebastien"))
    assert result.outcome is Outcome.ALREADY_EXISTS
    assert result.message == t("identify.already_exists")


def test_a_locked_holder_is_refused_with_the_wait(services: Services, clock: ManualClock) -> None:
    """After `max_code_failures` wrong codes, the holder is locked whatever the way in."""
    engine = services.engine
    model, serial = card_entry(services, "martine")
    nir = person(services, "martine").nir
    wrong = "AAAAAAAAAAAA"
    assert wrong != persona_code(services, "martine")
    for _ in range(engine.settings.max_code_failures):
        result = refused(
            engine.identify_with_code(
                engine.start_session(), code=wrong, nir=nir, model=model, serial=serial
            )
        )
    assert result.outcome is Outcome.LOCKED
    session = dated(engine, BORN["martine"])
    locked = refused(find(services, session, "martine"))
    assert locked.outcome is Outcome.LOCKED
    assert locked.message == t("code.locked", wait="1 minute")
    assert session.holder_id is None and session.candidates == ()

    clock.advance(engine.settings.first_lock_wait)  # the wait over, the card is found again
    assert isinstance(find(services, dated(engine, BORN["martine"]), "martine"), Found)


# --- twins: « Je choisis pour qui j'active le profil » -------------------------------------


def test_choose_profile_needs_a_choice(services: Services) -> None:
    session = found(services, "martine", BORN["twins"])
    result = refused(services.engine.choose_profile(session, None))
    assert result.errors == {"profile": t("profile.required")}
    assert session.person_id is None


def test_choose_profile_refuses_a_person_not_among_the_candidates(services: Services) -> None:
    session = found(services, "martine", BORN["twins"])
    for outsider in ("lea", "martine", "emma"):
        result = refused(services.engine.choose_profile(session, person_id(services, outsider)))
        assert result.errors == {"profile": t("profile.required")}, outsider
        assert session.person_id is None


def test_choosing_a_twin_sets_the_profile(services: Services) -> None:
    session = found(services, "martine", BORN["twins"])
    lina = person_id(services, "lina")
    assert services.engine.choose_profile(session, lina) == Accepted()
    assert session.person_id == lina
    assert session.holder_id == person_id(services, "martine")


# --- legal representative ------------------------------------------------------------------


def test_certify_representative_needs_an_answer(services: Services) -> None:
    session = found(services, "lea")
    result = refused(services.engine.certify_representative(session, None))
    assert result.errors == {"certify": t("representative.required")}
    assert result.outcome is None
    assert session.representative_certified is False


def test_not_the_representative_is_an_outcome_naming_the_child(services: Services) -> None:
    session = found(services, "lea")
    result = refused(services.engine.certify_representative(session, False))
    assert result.outcome is Outcome.NOT_REPRESENTATIVE
    assert result.message == t("representative.refused", name="Léa Leguellec")
    assert "Léa Leguellec" in (result.message or "")
    assert session.representative_certified is False


def test_certifying_is_accepted(services: Services) -> None:
    session = found(services, "lea")
    assert services.engine.certify_representative(session, True) == Accepted()
    assert session.representative_certified is True


# --- reception channels --------------------------------------------------------------------


def test_channels_for_martine_are_email_and_sms_masked(services: Services) -> None:
    session = found(services, "martine")
    assert services.engine.channels(session) == [
        ChannelOption(Channel.EMAIL, "mar*****@exemple.fr"),
        ChannelOption(Channel.SMS, "** ** ** *3 77"),
    ]


def test_channels_without_a_mobile_are_email_only(services: Services) -> None:
    assert person(services, "maria").mobile is None
    session = found(services, "maria")
    assert services.engine.channels(session) == [
        ChannelOption(Channel.EMAIL, "mar*****@exemple.fr")
    ]


def test_channels_without_any_contact_are_a_letter(services: Services) -> None:
    gerard = person(services, "gerard")
    assert gerard.email is None and gerard.mobile is None
    session = found(services, "gerard")
    assert services.engine.channels(session) == [
        ChannelOption(Channel.LETTER, "Courrier à M. LAMBERT")
    ]
    assert services.engine.channels(session)[0].masked == "Courrier à M. LAMBERT"


def test_channels_for_a_child_are_the_parents(services: Services) -> None:
    lea = person(services, "lea")
    assert lea.email is None and lea.mobile is None  # a child has no contacts of her own
    assert services.engine.channels(found(services, "lea")) == services.engine.channels(
        found(services, "martine")
    )


# --- sending a new code --------------------------------------------------------------------


def test_send_code_needs_a_channel(services: Services) -> None:
    session = found(services, "martine")
    before = count(services, "outbox")
    result = refused(services.engine.send_code(session, None))
    assert result.errors == {"channel": t("channel.required")}
    assert count(services, "outbox") == before


def test_send_code_refuses_a_channel_not_offered(services: Services) -> None:
    session = found(services, "maria")  # no mobile on file
    before = count(services, "outbox")
    result = refused(services.engine.send_code(session, Channel.SMS))
    assert result.errors == {"channel": t("channel.required")}
    assert count(services, "outbox") == before


def test_send_code_by_email(services: Services, clock: ManualClock) -> None:
    session = found(services, "martine")
    sent = services.engine.send_code(session, Channel.EMAIL)
    assert sent == CodeSent(channel=Channel.EMAIL, masked="mar*****@exemple.fr")
    message = newest(services)
    assert message.channel is Channel.EMAIL
    assert message.address == "martine.leguellec@exemple.fr"
    assert message.masked_address == "mar*****@exemple.fr"
    assert message.subject == t("outbox.new_code.subject")
    assert message.at == clock.now()
    assert message.person_id == person_id(services, "martine")
    until = (clock.now() + services.engine.settings.regenerated_code_validity).date()
    assert message.body == t(
        "outbox.new_code.body",
        greeting="Martine Julie Leguellec",
        concerned="",
        code=code_in(message),
        until=until.strftime("%d/%m/%Y"),
    )


def test_send_code_by_sms(services: Services, clock: ManualClock) -> None:
    session = found(services, "martine")
    sent = services.engine.send_code(session, Channel.SMS)
    assert sent == CodeSent(channel=Channel.SMS, masked="** ** ** *3 77")
    message = newest(services)
    assert message.channel is Channel.SMS
    assert message.address == "06 63 78 13 77"
    assert message.masked_address == "** ** ** *3 77"
    until = (clock.now() + services.engine.settings.regenerated_code_validity).date()
    assert message.body == t(
        "outbox.new_code.sms", code=code_in(message), until=until.strftime("%d/%m/%Y")
    )


def test_send_code_by_letter_says_how_to_update_contacts(services: Services) -> None:
    session = found(services, "gerard")
    sent = services.engine.send_code(session, Channel.LETTER)
    assert sent == CodeSent(channel=Channel.LETTER, masked="Courrier à M. LAMBERT")
    message = newest(services)
    assert message.channel is Channel.LETTER
    assert message.address == t("outbox.letter.address", name="Gérard Lambert")
    assert message.masked_address == "Courrier à M. LAMBERT"
    assert message.subject == t("outbox.new_code.subject")
    assert message.body.endswith("\n\n" + t("outbox.letter.update_contacts"))
    assert len(code_in(message)) == 12


def test_send_code_for_a_child_goes_to_the_parent_for_the_child(services: Services) -> None:
    session = found(services, "lea")
    code = sent_code(services, session)
    message = newest(services)
    assert message.address == "martine.leguellec@exemple.fr"
    assert message.person_id == person_id(services, "lea")
    assert t("outbox.for_child", name="Léa Leguellec") in message.body
    assert services.engine.verify_code(session, code) == Accepted()


def test_a_second_code_within_30_seconds_must_wait(
    services: Services, clock: ManualClock
) -> None:
    engine = services.engine
    session = found(services, "martine")
    first = sent_code(services, session)
    before = count(services, "outbox")

    clock.advance(engine.settings.resend_delay - timedelta(seconds=1))
    for channel in (Channel.EMAIL, Channel.SMS):
        result = refused(engine.send_code(session, channel))
        assert result.outcome is Outcome.WAIT
        assert result.message == "Veuillez attendre 30 secondes puis réessayez"
        assert result.message == t("code.wait_30s")
        assert result.errors == {}
    assert count(services, "outbox") == before

    clock.advance(timedelta(seconds=1))  # 30 seconds after the first
    second = sent_code(services, session, Channel.SMS)
    assert count(services, "outbox") == before + 1
    assert newest(services).channel is Channel.SMS
    # Both stay valid: the newer one verifies, and so does the first.
    assert engine.verify_code(session, second) == Accepted()
    assert engine.verify_code(session, first) == Accepted()


def test_the_30_seconds_are_counted_per_profile(services: Services) -> None:
    """A code for Léa does not hold back one for her mother."""
    sent_code(services, found(services, "lea"))
    again = services.engine.send_code(found(services, "martine"), Channel.EMAIL)
    assert isinstance(again, CodeSent)


def test_the_new_code_verifies_and_is_noted_in_the_session(services: Services) -> None:
    session = found(services, "martine")
    code = sent_code(services, session)
    assert services.engine.verify_code(session, code) == Accepted()
    row = services.store.query_one(
        "SELECT id, origin, used_at FROM provisional_codes WHERE id = ?", (session.code_id,)
    )
    assert row is not None
    assert row["origin"] == "regenerated"
    assert row["used_at"] is None  # used only by the decision


def test_the_new_code_is_valid_for_the_setting_then_expires(
    services: Services, clock: ManualClock
) -> None:
    engine = services.engine
    validity = engine.settings.regenerated_code_validity
    assert validity != engine.settings.information_code_validity
    code = sent_code(services, found(services, "martine"))

    clock.advance(validity - timedelta(seconds=1))
    assert engine.verify_code(found(services, "martine"), code) == Accepted()

    clock.advance(timedelta(seconds=1))
    session = found(services, "martine")
    result = refused(engine.verify_code(session, code))
    assert result.outcome is Outcome.CODE_EXPIRED
    assert result.message == t("code.expired")
    assert session.code_id is None
    assert failures(services, "martine") == 0  # an expired code is not a wrong one


def test_the_information_code_still_verifies_after_a_new_one(services: Services) -> None:
    session = found(services, "martine")
    sent_code(services, session)
    assert services.engine.verify_code(session, persona_code(services, "martine")) == Accepted()


# --- the code check ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"),
    [("", "code.required"), ("abc", "code.length"), ("abcdef-ghijk", "code.charset")],
)
def test_verify_code_format_errors(services: Services, raw: str, key: str) -> None:
    session = found(services, "martine")
    result = refused(services.engine.verify_code(session, raw))
    assert result.errors == {"code": t(key)}
    assert result.outcome is None
    assert session.code_id is None
    assert failures(services, "martine") == 0  # a typing mistake is not a wrong code


def test_a_wrong_code_counts_a_failure(services: Services) -> None:
    session = found(services, "martine")
    for n in (1, 2):
        result = refused(services.engine.verify_code(session, "AAAAAAAAAAAA"))
        assert result.outcome is Outcome.NOT_FOUND
        assert result.message == NOT_FOUND
        assert failures(services, "martine") == n
    assert session.code_id is None


def test_a_childs_failures_count_against_the_parent(services: Services) -> None:
    refused(services.engine.verify_code(found(services, "lea"), "AAAAAAAAAAAA"))
    assert failures(services, "martine") == 1


def test_another_profiles_code_is_a_wrong_code(services: Services) -> None:
    """Léa's code does not confirm her mother's identity."""
    session = found(services, "martine")
    result = refused(services.engine.verify_code(session, persona_code(services, "lea")))
    assert result.outcome is Outcome.NOT_FOUND
    assert failures(services, "martine") == 1


def test_a_new_code_does_not_reset_the_failures(
    services: Services, clock: ManualClock
) -> None:
    engine = services.engine
    allowed = engine.settings.max_code_failures
    session = found(services, "martine")
    for _ in range(allowed - 1):
        assert refused(engine.verify_code(session, "AAAAAAAAAAAA")).outcome is Outcome.NOT_FOUND
    new_code = sent_code(services, session)
    assert failures(services, "martine") == allowed - 1

    result = refused(engine.verify_code(session, "AAAAAAAAAAAA"))
    assert result.outcome is Outcome.LOCKED
    assert result.message == t("code.locked", wait="1 minute")
    # Locked: even the right new code is refused, with the time left.
    clock.advance(timedelta(seconds=15))
    still = refused(engine.verify_code(session, new_code))
    assert still.outcome is Outcome.LOCKED
    assert still.message == t("code.locked", wait="45 secondes")
    assert session.code_id is None


def test_the_right_code_clears_the_failures(services: Services) -> None:
    session = found(services, "martine")
    refused(services.engine.verify_code(session, "AAAAAAAAAAAA"))
    assert failures(services, "martine") == 1
    accepted(services.engine.verify_code(session, sent_code(services, session)))
    assert failures(services, "martine") == 0


def test_the_code_is_case_sensitive(services: Services) -> None:
    session = found(services, "martine")
    code = sent_code(services, session)
    assert any(c.isalpha() for c in code), code
    result = refused(services.engine.verify_code(session, code.swapcase()))
    assert result.outcome is Outcome.NOT_FOUND
    assert failures(services, "martine") == 1
    assert services.engine.verify_code(session, code) == Accepted()


# --- code first: « Générer un nouveau code provisoire », end to end ------------------------


@pytest.mark.parametrize("key", ["martine", "lea"])
def test_regenerate_then_identify_with_the_new_code(services: Services, key: str) -> None:
    engine = services.engine
    session = engine.start_session()
    model, serial = card_entry(services, key)
    nir = holder_of(services, key).nir
    result = engine.identify_by_identity(
        session, nir=nir, model=model, serial=serial, birth_date=BORN[key], step="regenerer_code"
    )
    assert isinstance(result, Found)
    assert [p.id for p in result.candidates] == [person_id(services, key)]
    new_code = sent_code(services, session)
    new_code_id = services.store.query_one("SELECT MAX(id) AS id FROM provisional_codes")
    assert new_code_id is not None

    engine.forget_identity(session)
    assert session.person_id is None and session.holder_id is None
    assert session.code_id is None and session.candidates == () and session.birth_date is None

    identified = engine.identify_with_code(
        session, code=new_code, nir=nir, model=model, serial=serial
    )
    assert isinstance(identified, Identified), identified
    assert identified.person.id == person_id(services, key)
    assert identified.holder.id == holder_of(services, key).id
    assert session.person_id == person_id(services, key)
    assert session.code_id == new_code_id["id"]


# --- steps skipped for each person ---------------------------------------------------------


def test_an_adult_skips_the_choice_and_the_representative(services: Services) -> None:
    session = found(services, "martine")
    skipped = services.engine.skipped_steps(session)
    assert skipped == frozenset({Step.CHOOSE_PROFILE, Step.REPRESENTATIVE})
    variant = JourneyVariant.IDENTITY_FIRST
    assert next_step(variant, Step.VITALE, skip=skipped) is Step.CODE


def test_a_single_child_skips_only_the_choice(services: Services) -> None:
    session = found(services, "lea")
    skipped = services.engine.skipped_steps(session)
    assert skipped == frozenset({Step.CHOOSE_PROFILE})
    variant = JourneyVariant.IDENTITY_FIRST
    assert next_step(variant, Step.VITALE, skip=skipped) is Step.REPRESENTATIVE
    assert next_step(variant, Step.DECISION, skip=skipped) is Step.CONTACTS


def test_twins_skip_nothing(services: Services) -> None:
    session = found(services, "martine", BORN["twins"])
    assert services.engine.skipped_steps(session) == frozenset()
    variant = JourneyVariant.IDENTITY_FIRST
    assert next_step(variant, Step.VITALE, skip=frozenset()) is Step.CHOOSE_PROFILE
    accepted(services.engine.choose_profile(session, person_id(services, "jules")))
    skipped = services.engine.skipped_steps(session)
    assert Step.REPRESENTATIVE not in skipped  # a twin is a child
    assert next_step(variant, Step.CHOOSE_PROFILE, skip=skipped) is Step.REPRESENTATIVE


def test_a_child_of_an_active_parent_skips_contacts_and_account(
    services: Services, clock: ManualClock
) -> None:
    engine = services.engine
    activate_martine(services)
    accounts = count(services, "accounts")
    clock.advance(timedelta(minutes=1))

    session = found(services, "lea")
    skipped = engine.skipped_steps(session)
    assert skipped == frozenset({Step.CHOOSE_PROFILE, Step.CONTACTS, Step.ACCOUNT})
    accepted(engine.certify_representative(session, True))
    accepted(engine.verify_code(session, sent_code(services, session)))
    code_id = session.code_id
    assert code_id is not None

    assert engine.decide(session, Choice.ACTIVATE, True) == Accepted(next=Step.SUCCESS)
    assert next_step(JourneyVariant.IDENTITY_FIRST, Step.DECISION, skip=skipped) is Step.SUCCESS
    lea = person(services, "lea")
    assert lea.status is ProfileStatus.ACTIVATED
    assert lea.status_date == clock.now().date()
    code = services.store.query_one(
        "SELECT used_at FROM provisional_codes WHERE id = ?", (code_id,)
    )
    assert code is not None and code["used_at"] is not None
    decisions = services.store.query(
        "SELECT kind, by_person_id FROM decisions WHERE person_id = ?", (lea.id,)
    )
    assert [(d["kind"], d["by_person_id"]) for d in decisions] == [
        ("activer", person_id(services, "martine"))
    ]
    assert count(services, "accounts") == accounts  # the parent's account serves the child


def test_without_an_account_the_decision_leads_to_the_contacts(services: Services) -> None:
    session = found(services, "lea")
    accepted(services.engine.certify_representative(session, True))
    accepted(services.engine.verify_code(session, sent_code(services, session)))
    assert services.engine.decide(session, Choice.ACTIVATE, True) == Accepted(
        next=Step.CONTACTS
    )
    assert person(services, "lea").status is ProfileStatus.PENDING


# --- session expiry ------------------------------------------------------------------------


CALLS: dict[str, Callable[[Engine, Session], object]] = {
    "check_birth_date": lambda e, s: e.check_birth_date(s, "10/03/1973"),
    "identify_by_identity": lambda e, s: e.identify_by_identity(
        s, nir="273034410903823", model=CardModel.WITHOUT_PHOTO, serial="953701166"
    ),
    "choose_profile": lambda e, s: e.choose_profile(s, s.person_id),
    "certify_representative": lambda e, s: e.certify_representative(s, True),
    "send_code": lambda e, s: e.send_code(s, Channel.EMAIL),
    "verify_code": lambda e, s: e.verify_code(s, "AAAAAAAAAAAA"),
    "decide": lambda e, s: e.decide(s, Choice.ACTIVATE, True),
    "confirm_contacts": lambda e, s: e.confirm_contacts(s),
    "identify_with_code": lambda e, s: e.identify_with_code(
        s, code="AAAAAAAAAAAA", nir="273034410903823", model=CardModel.WITHOUT_PHOTO,
        serial="953701166",
    ),
}


@pytest.mark.parametrize("call", list(CALLS))
def test_after_the_timeout_every_call_says_the_session_expired(
    services: Services, clock: ManualClock, call: str
) -> None:
    engine = services.engine
    session = found(services, "martine")
    before = count(services, "outbox"), failures(services, "martine")
    clock.advance(engine.settings.session_timeout + timedelta(seconds=1))
    result = refused(CALLS[call](engine, session))
    assert result.outcome is Outcome.SESSION_EXPIRED
    assert result.message == t("identify.session_expired")
    assert result.errors == {}
    assert (count(services, "outbox"), failures(services, "martine")) == before
    # Still expired on the next call: nothing revives it.
    assert refused(CALLS[call](engine, session)).outcome is Outcome.SESSION_EXPIRED


def test_activity_keeps_the_session_alive(services: Services, clock: ManualClock) -> None:
    engine = services.engine
    session = found(services, "martine")
    almost = engine.settings.session_timeout - timedelta(seconds=1)
    clock.advance(almost)
    assert isinstance(engine.send_code(session, Channel.EMAIL), CodeSent)
    clock.advance(almost)
    assert engine.verify_code(session, code_in(newest(services))) == Accepted()


def test_extend_session_keeps_it_alive(services: Services, clock: ManualClock) -> None:
    engine = services.engine
    timeout = engine.settings.session_timeout
    session = found(services, "martine")
    clock.advance(timeout - engine.settings.session_warning)
    assert engine.session_time_left(session) == engine.settings.session_warning
    engine.extend_session(session)
    assert engine.session_time_left(session) == timeout
    clock.advance(timeout - timedelta(seconds=1))  # 28 min 59 s after the last real step
    assert engine.channels(session)
    assert isinstance(engine.send_code(session, Channel.EMAIL), CodeSent)


def test_extend_session_does_not_revive_an_expired_one(
    services: Services, clock: ManualClock
) -> None:
    engine = services.engine
    session = found(services, "martine")
    clock.advance(engine.settings.session_timeout + timedelta(seconds=1))
    engine.extend_session(session)
    assert engine.session_time_left(session) == timedelta(0)
    assert refused(engine.send_code(session, Channel.EMAIL)).outcome is Outcome.SESSION_EXPIRED


def test_session_time_left_decreases_with_the_clock(
    services: Services, clock: ManualClock
) -> None:
    engine = services.engine
    timeout = engine.settings.session_timeout
    session = engine.start_session()
    assert engine.session_time_left(session) == timeout
    clock.advance(timedelta(minutes=5))
    assert engine.session_time_left(session) == timeout - timedelta(minutes=5)
    clock.advance(timedelta(seconds=30))
    assert engine.session_time_left(session) == timeout - timedelta(minutes=5, seconds=30)
    accepted(engine.check_birth_date(session, "10/03/1973"))  # a step resets the count
    assert engine.session_time_left(session) == timeout
    clock.advance(timeout * 2)
    assert engine.session_time_left(session) == timedelta(0)  # never negative


def test_a_shorter_timeout_setting_is_honoured(services: Services, clock: ManualClock) -> None:
    engine = services.engine
    engine.settings = Settings(session_timeout=timedelta(minutes=2))
    session = found(services, "martine")
    clock.advance(timedelta(minutes=2, seconds=1))
    assert refused(engine.send_code(session, Channel.EMAIL)).outcome is Outcome.SESSION_EXPIRED


# --- the journey data ----------------------------------------------------------------------

IDENTITY_FIRST = (
    Step.HOME,
    Step.START,
    Step.BIRTH_DATE,
    Step.VITALE,
    Step.CHOOSE_PROFILE,
    Step.REPRESENTATIVE,
    Step.CODE,
    Step.DECISION,
    Step.CONTACTS,
    Step.ACCOUNT,
    Step.SUCCESS,
)
CODE_FIRST = (
    Step.HOME,
    Step.START,
    Step.IDENTIFY,
    Step.REPRESENTATIVE,
    Step.DECISION,
    Step.CONTACTS,
    Step.ACCOUNT,
    Step.SUCCESS,
)


def test_the_two_variants_in_order() -> None:
    assert JOURNEYS[JourneyVariant.IDENTITY_FIRST] == IDENTITY_FIRST
    assert JOURNEYS[JourneyVariant.CODE_FIRST] == CODE_FIRST


@pytest.mark.parametrize(
    ("variant", "steps"),
    [(JourneyVariant.IDENTITY_FIRST, IDENTITY_FIRST), (JourneyVariant.CODE_FIRST, CODE_FIRST)],
)
def test_next_step_without_skips_walks_every_step(
    variant: JourneyVariant, steps: tuple[Step, ...]
) -> None:
    walked = [steps[0]]
    while walked[-1] is not Step.SUCCESS:
        walked.append(next_step(variant, walked[-1]))
        assert len(walked) <= len(steps)
    assert tuple(walked) == steps
    assert next_step(variant, Step.SUCCESS) is Step.SUCCESS  # the end stays the end


@pytest.mark.parametrize(
    ("variant", "current", "skip", "expected"),
    [
        (JourneyVariant.IDENTITY_FIRST, Step.VITALE, {Step.CHOOSE_PROFILE}, Step.REPRESENTATIVE),
        (
            JourneyVariant.IDENTITY_FIRST,
            Step.VITALE,
            {Step.CHOOSE_PROFILE, Step.REPRESENTATIVE},
            Step.CODE,
        ),
        (JourneyVariant.IDENTITY_FIRST, Step.CHOOSE_PROFILE, {Step.CHOOSE_PROFILE},
         Step.REPRESENTATIVE),
        (JourneyVariant.IDENTITY_FIRST, Step.DECISION, {Step.CONTACTS}, Step.ACCOUNT),
        (JourneyVariant.IDENTITY_FIRST, Step.DECISION, {Step.CONTACTS, Step.ACCOUNT},
         Step.SUCCESS),
        (JourneyVariant.IDENTITY_FIRST, Step.ACCOUNT, {Step.SUCCESS}, Step.SUCCESS),
        (JourneyVariant.IDENTITY_FIRST, Step.START, {Step.CODE}, Step.BIRTH_DATE),
        (JourneyVariant.CODE_FIRST, Step.IDENTIFY, {Step.REPRESENTATIVE}, Step.DECISION),
        (JourneyVariant.CODE_FIRST, Step.IDENTIFY, {Step.CHOOSE_PROFILE}, Step.REPRESENTATIVE),
        (JourneyVariant.CODE_FIRST, Step.DECISION, {Step.CONTACTS, Step.ACCOUNT}, Step.SUCCESS),
        (
            JourneyVariant.CODE_FIRST,
            Step.IDENTIFY,
            {Step.REPRESENTATIVE, Step.CONTACTS, Step.ACCOUNT},
            Step.DECISION,
        ),
    ],
)
def test_next_step_jumps_over_skipped_steps(
    variant: JourneyVariant, current: Step, skip: set[Step], expected: Step
) -> None:
    assert next_step(variant, current, skip=frozenset(skip)) is expected


def test_the_identity_first_stepper_stages() -> None:
    variant = JourneyVariant.IDENTITY_FIRST
    assert [t(key) for key in STAGES[variant]] == [
        "Mon identité",
        "Mon code",
        "Activation",
        "Mon compte",
    ]
    assert [stage_index(variant, step) for step in IDENTITY_FIRST] == [
        -1, -1, 0, 0, 0, 0, 1, 2, 2, 3, -1,
    ]


def test_identity_without_any_date_of_birth_is_refused_on_the_field(services: Services) -> None:
    """Neither typed on the form nor kept from the screen before: a field error, no crash."""
    engine = services.engine
    session = engine.start_session()
    martine = services.store.person(person_id(services, "martine"))
    result = engine.identify_by_identity(
        session, nir=martine.nir, model=CardModel.WITHOUT_PHOTO, serial="953701166"
    )
    assert isinstance(result, Refused)
    assert result.errors == {"birth_date": t("birth.required")}
    assert session.person_id is None
