"""The engine over the seeded personas: every identification outcome, the decision, the
contact check with its one-time codes, the account, the journal, and the population itself.

Codes are read from the outbox as the person would read them; time moves only when a test
moves the ManualClock.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from support import message_code

from mes_sante_tui.core import password
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.codes import CodeHasher, SeededCodeGenerator
from mes_sante_tui.core.contacts import mask_email
from mes_sante_tui.core.engine import (
    Accepted,
    Activated,
    Choice,
    ContactKind,
    Engine,
    Identified,
    OtpSent,
    Outcome,
    Session,
    wait_words,
)
from mes_sante_tui.core.identifier import suggest_identifiers
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel, Channel, OutboxMessage, Person, ProfileStatus
from mes_sante_tui.core.nir import check_nir, make_nir
from mes_sante_tui.core.personas import load_personas, reset, seed
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.settings import RuleVersion, Settings
from mes_sante_tui.core.store import Store, iso, person_from_row
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.wording import t

START = datetime(2026, 11, 22, 10, 0, 0)
# A line of a message that ends with ": <12 letters or digits>" carries the provisional code.
GOOD_PASSWORD = "Velo#Rouge9x"
NEW_EMAIL = "martine.nouvelle@exemple.fr"


@pytest.fixture(autouse=True)
def light_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id with tiny costs; the module's own hasher is restored after the test."""
    monkeypatch.setattr(password, "_hasher", password._hasher)
    password.set_hasher_params(time_cost=1, memory_cost=8)


@dataclass
class World:
    store: Store
    clock: ManualClock
    engine: Engine
    settings: Settings
    codes: SeededCodeGenerator

    def person(self, key: str) -> Person:
        row = self.store.query_one("SELECT * FROM people WHERE persona_key = ?", (key,))
        assert row is not None, key
        return person_from_row(row)

    def information_messages(self, key: str) -> list[OutboxMessage]:
        person = self.person(key)
        return [
            m for m in self.store.outbox()
            if m.person_id == person.id and m.subject == t("outbox.information.subject")
        ]

    def code_of(self, key: str) -> str:
        """The provisional code of the persona's information message."""
        (message,) = self.information_messages(key)
        return message_code(message)

    def card_entry(self, key: str) -> tuple[CardModel, str]:
        """What the holder types: the card model and the serial (photo: the last 11 digits)."""
        person = self.person(key)
        holder = self.store.person(person.parent_id) if person.parent_id else person
        card = self.store.card_of(holder.id)
        assert card is not None
        typed = card.serial
        if card.model is CardModel.WITH_PHOTO:
            typed = card.serial.removeprefix(PHOTO_PREFIX)
        return card.model, typed

    def holder_nir(self, key: str) -> str:
        person = self.person(key)
        return self.store.person(person.parent_id).nir if person.parent_id else person.nir

    def identify(
        self, session: Session, key: str, *, code: str | None = None, nir: str | None = None,
        model: CardModel | None | str = "card", serial: str | None = None,
    ) -> Identified | Refused:
        card_model, typed = self.card_entry(key)
        return self.engine.identify_with_code(
            session,
            code=self.code_of(key) if code is None else code,
            nir=self.holder_nir(key) if nir is None else nir,
            model=card_model if model == "card" else model,  # type: ignore[arg-type]
            serial=typed if serial is None else serial,
        )

    def last_message(self) -> OutboxMessage:
        return self.store.outbox(limit=1)[0]

    def count(self, table: str) -> int:
        row = self.store.query_one(f"SELECT COUNT(*) AS n FROM {table}")
        assert row is not None
        return int(row["n"])


@pytest.fixture
def world() -> Iterator[World]:
    store = Store(":memory:")
    clock = ManualClock(START)
    codes = SeededCodeGenerator(2026)
    settings = Settings()
    seed(store, clock, codes, settings)
    engine = Engine(store, clock=clock, codes=codes, settings=settings)
    yield World(store=store, clock=clock, engine=engine, settings=settings, codes=codes)
    store.close()


def identified(world: World, key: str = "martine") -> Session:
    session = world.engine.start_session()
    result = world.identify(session, key)
    assert isinstance(result, Identified), result
    return session


def at_contacts(world: World, key: str = "martine") -> Session:
    session = identified(world, key)
    assert isinstance(world.engine.decide(session, Choice.ACTIVATE, True), Accepted)
    return session


def refused(result: object) -> Refused:
    assert isinstance(result, Refused), result
    return result


def otp_in(message: OutboxMessage) -> str:
    code = message_code(message)
    assert len(code) == 6, code
    return code


# --- identification ----------------------------------------------------------------------


def test_nominal_identification_of_martine(world: World) -> None:
    session = world.engine.start_session()
    result = world.identify(session, "martine")
    assert isinstance(result, Identified)
    martine = world.person("martine")
    assert result.person.id == result.holder.id == martine.id
    assert session.person_id == martine.id
    assert session.code_id is not None


@pytest.mark.parametrize(
    ("field", "entry", "key"),
    [
        ("code", "", "code.required"),
        ("code", "abc", "code.length"),
        ("code", "abcdef-ghijk", "code.charset"),
        ("nir", "", "nir.required"),
        ("nir", "2 73 03", "nir.length"),
        ("nir", "273034410903824", "nir.format"),  # Martine's number with a wrong key
        ("model", None, "card.model.required"),
        ("serial", "", "serial.required"),
        ("serial", "95370116A", "serial.digits_only"),
        ("serial", "1234567", "serial.length_without_photo"),
    ],
)
def test_each_field_error_names_its_field(
    world: World, field: str, entry: str | None, key: str
) -> None:
    session = world.engine.start_session()
    kwargs: dict[str, object] = {field: entry}
    result = refused(world.identify(session, "martine", **kwargs))  # type: ignore[arg-type]
    assert result.errors == {field: t(key)}
    assert result.outcome is None
    assert session.person_id is None
    assert world.count("lockouts") == 0  # a typing mistake is not a wrong code


def test_an_unknown_nir_is_not_found(world: World) -> None:
    unknown = make_nir(1, 60, 1, "75", "056", 999)
    assert check_nir(unknown).ok and world.store.person_by_nir(unknown) is None
    result = refused(world.identify(world.engine.start_session(), "martine", nir=unknown))
    assert result.outcome is Outcome.NOT_FOUND
    assert result.message == t("identify.not_found")


def test_a_wrong_serial_is_not_found(world: World) -> None:
    result = refused(world.identify(world.engine.start_session(), "martine", serial="953701167"))
    assert result.outcome is Outcome.NOT_FOUND
    assert result.message == t("identify.not_found")


def test_the_wrong_card_model_is_not_found(world: World) -> None:
    session = world.engine.start_session()
    result = refused(
        world.identify(session, "martine", model=CardModel.WITH_PHOTO, serial="01953701166")
    )
    assert result.outcome is Outcome.NOT_FOUND
    assert result.message == t("identify.not_found")


def test_a_photo_card_is_identified_with_its_last_11_digits(world: World) -> None:
    model, typed = world.card_entry("paul")
    assert model is CardModel.WITH_PHOTO and len(typed) == 11
    assert isinstance(world.identify(world.engine.start_session(), "paul"), Identified)


def test_a_childs_code_with_the_parents_nir_and_card_identifies_the_child(world: World) -> None:
    session = world.engine.start_session()
    result = world.identify(session, "lea")
    assert isinstance(result, Identified)
    assert result.person.id == world.person("lea").id
    assert result.holder.id == world.person("martine").id
    assert session.holder_id == world.person("martine").id


def test_an_already_activated_space_already_exists(world: World) -> None:
    result = refused(world.identify(world.engine.start_session(), "sebastien"))
    assert result.outcome is Outcome.ALREADY_EXISTS
    assert result.message == t("identify.already_exists")


@pytest.mark.parametrize("key", ["jeanne", "lucas"])
def test_deceased_or_other_reason_is_not_activable(world: World, key: str) -> None:
    person = world.person(key)
    assert person.deceased or person.not_activable_reason
    result = refused(world.identify(world.engine.start_session(), key))
    assert result.outcome is Outcome.NOT_ACTIVABLE
    assert result.message == t("identify.not_activable")


def test_an_expired_code_says_so(world: World) -> None:
    result = refused(world.identify(world.engine.start_session(), "nathalie"))
    assert result.outcome is Outcome.CODE_EXPIRED
    assert result.message == t("code.expired")


def test_a_valid_code_expires_after_six_weeks(world: World) -> None:
    world.clock.advance(world.settings.information_code_validity)
    result = refused(world.identify(world.engine.start_session(), "martine"))
    assert result.outcome is Outcome.CODE_EXPIRED


def test_a_used_code_says_so(world: World) -> None:
    result = refused(world.identify(world.engine.start_session(), "thomas"))
    assert result.outcome is Outcome.CODE_USED
    assert result.message == t("code.used")


@pytest.mark.parametrize(("key", "message"), [("kevin", "nir.temporary"),
                                              ("sofia", "nir.fictitious_month")])
def test_temporary_and_fictitious_month_numbers_are_refused_on_the_nir(
    world: World, key: str, message: str
) -> None:
    result = refused(world.identify(world.engine.start_session(), key))
    assert result.errors == {"nir": t(message)}


def test_the_code_is_case_sensitive(world: World) -> None:
    code = world.code_of("martine")
    swapped = code.swapcase()
    assert swapped != code
    result = refused(world.identify(world.engine.start_session(), "martine", code=swapped))
    assert result.outcome is Outcome.NOT_FOUND


def wrong_code_for(world: World, key: str) -> str:
    right = world.code_of(key)
    wrong = "ZZZZ9999ZZZZ"
    assert wrong != right
    return wrong


def test_wrong_codes_lock_after_five_then_the_wait_doubles(world: World) -> None:
    engine, wrong = world.engine, wrong_code_for(world, "martine")
    session = engine.start_session()
    for _ in range(world.settings.max_code_failures - 1):
        result = refused(world.identify(session, "martine", code=wrong))
        assert result.outcome is Outcome.NOT_FOUND
        assert result.message == t("identify.not_found")
    fifth = refused(world.identify(session, "martine", code=wrong))
    assert fifth.outcome is Outcome.LOCKED
    assert fifth.message == t("code.locked", wait="1 minute")
    # Still locked before the wait has elapsed, even with the right code.
    world.clock.advance(timedelta(seconds=59))
    still = refused(world.identify(session, "martine"))
    assert still.outcome is Outcome.LOCKED
    assert still.message == t("code.locked", wait="1 seconde")
    world.clock.advance(timedelta(seconds=1))
    # The next failure once the wait is over doubles it.
    sixth = refused(world.identify(session, "martine", code=wrong))
    assert sixth.outcome is Outcome.LOCKED
    assert sixth.message == t("code.locked", wait=wait_words(timedelta(minutes=2)))
    world.clock.advance(timedelta(minutes=2))
    assert isinstance(world.identify(session, "martine"), Identified)


def test_the_right_code_is_accepted_once_the_wait_is_over(world: World) -> None:
    session, wrong = world.engine.start_session(), wrong_code_for(world, "martine")
    for _ in range(world.settings.max_code_failures):
        world.identify(session, "martine", code=wrong)
    world.clock.advance(world.settings.first_lock_wait)
    assert isinstance(world.identify(session, "martine"), Identified)


def test_a_new_code_does_not_reset_the_failures(world: World) -> None:
    session, wrong = world.engine.start_session(), wrong_code_for(world, "martine")
    for _ in range(world.settings.max_code_failures - 1):
        assert refused(world.identify(session, "martine", code=wrong)).outcome is Outcome.NOT_FOUND
    # A regenerated code, stored exactly as seeding stores codes (keyed hash).
    new_code = world.codes.provisional()
    now = world.clock.now()
    with world.store.transaction() as conn:
        conn.execute(
            "INSERT INTO provisional_codes(person_id, code_hash, issued_at, expires_at, channel,"
            " origin) VALUES (?, ?, ?, ?, 'email', 'regenerated')",
            (world.person("martine").id, CodeHasher(world.store.secret()).digest(new_code),
             iso(now), iso(now + world.settings.regenerated_code_validity)),
        )
    after_new_code = refused(world.identify(session, "martine", code=wrong))
    assert after_new_code.outcome is Outcome.LOCKED  # the 5th failure, not a 1st
    world.clock.advance(world.settings.first_lock_wait)
    assert isinstance(world.identify(session, "martine", code=new_code), Identified)


def test_a_session_expires_after_the_inactivity_timeout(world: World) -> None:
    session = world.engine.start_session()
    world.clock.advance(world.settings.session_timeout + timedelta(seconds=1))
    result = refused(world.identify(session, "martine"))
    assert result.outcome is Outcome.SESSION_EXPIRED
    assert result.message == t("identify.session_expired")
    assert session.person_id is None


def test_activity_keeps_the_session_alive(world: World) -> None:
    session = world.engine.start_session()
    world.clock.advance(world.settings.session_timeout)  # exactly the timeout: still alive
    assert isinstance(world.identify(session, "martine"), Identified)
    world.clock.advance(world.settings.session_timeout - timedelta(seconds=1))
    assert isinstance(world.engine.decide(session, Choice.ACTIVATE, True), Accepted)
    world.clock.advance(world.settings.session_timeout + timedelta(seconds=1))
    late = refused(world.engine.decide(session, Choice.ACTIVATE, True))
    assert late.outcome is Outcome.SESSION_EXPIRED


# --- decision ----------------------------------------------------------------------------


def test_the_decision_needs_a_choice(world: World) -> None:
    result = refused(world.engine.decide(identified(world), None, True))
    assert result.errors == {"choice": t("decision.required")}


def test_activation_needs_the_consent_box(world: World) -> None:
    session = identified(world)
    result = refused(world.engine.decide(session, Choice.ACTIVATE, False))
    assert result.errors == {"consent": "Veuillez cocher l'autorisation"}
    assert session.choice is None


def test_activation_with_consent_goes_to_the_contacts(world: World) -> None:
    session = identified(world)
    result = world.engine.decide(session, Choice.ACTIVATE, True)
    assert isinstance(result, Accepted)
    assert result.next is Step.CONTACTS
    assert session.choice is Choice.ACTIVATE


def test_opposition_needs_no_consent_box(world: World) -> None:
    session = identified(world)
    result = world.engine.decide(session, Choice.OPPOSE, False)
    assert isinstance(result, Accepted)
    assert session.choice is Choice.OPPOSE


# --- contact check -----------------------------------------------------------------------


def test_the_contacts_are_shown_masked(world: World) -> None:
    view = world.engine.contact_view(at_contacts(world))
    assert view.email == "martine.leguellec@exemple.fr"
    assert view.email_masked == "mar*****@exemple.fr"
    assert view.mobile_masked == "** ** ** *3 77"


@pytest.mark.parametrize(
    ("kind", "raw", "key"),
    [
        (ContactKind.EMAIL, "martine@", "email.invalid"),
        (ContactKind.EMAIL, "", "email.required"),
        (ContactKind.MOBILE, "01 23 45 67 89", "mobile.invalid"),
        (ContactKind.EMAIL, "martine.leguellec@exemple.fr", "email.same"),
        (ContactKind.MOBILE, "06 63 78 13 77", "mobile.same"),
    ],
)
def test_a_contact_change_is_refused_with_its_message(
    world: World, kind: ContactKind, raw: str, key: str
) -> None:
    session = at_contacts(world)
    before = world.count("outbox")
    result = refused(world.engine.request_contact_change(session, kind, raw))
    assert result.errors == {kind.value: t(key)}
    assert world.count("outbox") == before  # no code sent


def test_an_email_change_sends_a_code_to_the_new_address_only(world: World) -> None:
    session = at_contacts(world)
    result = world.engine.request_contact_change(session, ContactKind.EMAIL, NEW_EMAIL)
    assert isinstance(result, OtpSent)
    assert result.target == NEW_EMAIL
    message = world.last_message()
    assert message.channel is Channel.EMAIL
    assert message.address == NEW_EMAIL
    assert message.masked_address == mask_email(NEW_EMAIL) == "mar*****@exemple.fr"
    assert len(otp_in(message)) == 6
    # Not stored before its code is confirmed.
    assert world.person("martine").email == "martine.leguellec@exemple.fr"


def test_a_mobile_change_sends_an_sms_to_the_new_number(world: World) -> None:
    session = at_contacts(world)
    result = world.engine.request_contact_change(session, ContactKind.MOBILE, "07 12 34 56 78")
    assert isinstance(result, OtpSent)
    assert result.target == "07 12 34 56 78"
    message = world.last_message()
    assert message.channel is Channel.SMS
    assert message.address == "07 12 34 56 78"
    assert message.masked_address == "** ** ** *6 78"
    assert world.person("martine").mobile == "0663781377"
    assert isinstance(world.engine.confirm_contact_change(session, otp_in(message)), Accepted)
    assert world.person("martine").mobile == "0712345678"


def test_a_wrong_or_malformed_one_time_code_is_refused(world: World) -> None:
    session = at_contacts(world)
    world.engine.request_contact_change(session, ContactKind.EMAIL, NEW_EMAIL)
    right = otp_in(world.last_message())
    wrong = "000000" if right != "000000" else "111111"
    assert refused(world.engine.confirm_contact_change(session, wrong)).errors == {
        "otp": t("otp.wrong")
    }
    assert refused(world.engine.confirm_contact_change(session, "12ab")).errors == {
        "otp": t("otp.format")
    }
    assert refused(world.engine.confirm_contact_change(session, "")).errors == {
        "otp": t("otp.required")
    }
    assert world.person("martine").email == "martine.leguellec@exemple.fr"


def test_wrong_contact_codes_are_limited_and_sending_again_keeps_the_count(
    world: World,
) -> None:
    """Five wrong entries start a one-minute wait; « Envoyer à nouveau le code » does not
    reset the count; during the wait even the right code is refused, with the wait said."""
    session = at_contacts(world)
    world.engine.request_contact_change(session, ContactKind.EMAIL, NEW_EMAIL)
    for _ in range(4):
        right = otp_in(world.last_message())
        wrong = "000000" if right != "000000" else "111111"
        assert refused(world.engine.confirm_contact_change(session, wrong)).errors == {
            "otp": t("otp.wrong")
        }
    assert isinstance(world.engine.resend_contact_code(session), OtpSent)
    right = otp_in(world.last_message())
    wrong = "000000" if right != "000000" else "111111"
    locked = {"otp": t("code.locked", wait=wait_words(timedelta(minutes=1)))}
    assert refused(world.engine.confirm_contact_change(session, wrong)).errors == locked
    assert refused(world.engine.confirm_contact_change(session, right)).errors == locked
    assert world.person("martine").email == "martine.leguellec@exemple.fr"
    world.clock.advance(world.settings.first_lock_wait)
    assert isinstance(world.engine.confirm_contact_change(session, right), Accepted)
    assert world.person("martine").email == NEW_EMAIL
    assert world.count("lockouts") == 0  # a confirmed code clears the count


def test_a_one_time_code_expires_after_ten_minutes(world: World) -> None:
    session = at_contacts(world)
    world.engine.request_contact_change(session, ContactKind.EMAIL, NEW_EMAIL)
    code = otp_in(world.last_message())
    world.clock.advance(timedelta(minutes=10, seconds=1))
    result = refused(world.engine.confirm_contact_change(session, code))
    assert result.errors == {"otp": t("otp.expired")}
    assert world.person("martine").email == "martine.leguellec@exemple.fr"


def test_a_one_time_code_is_still_good_just_before_ten_minutes(world: World) -> None:
    session = at_contacts(world)
    world.engine.request_contact_change(session, ContactKind.EMAIL, NEW_EMAIL)
    code = otp_in(world.last_message())
    world.clock.advance(timedelta(minutes=9, seconds=59))
    assert isinstance(world.engine.confirm_contact_change(session, code), Accepted)


def test_sending_again_replaces_the_old_code(world: World) -> None:
    session = at_contacts(world)
    world.engine.request_contact_change(session, ContactKind.EMAIL, NEW_EMAIL)
    old = otp_in(world.last_message())
    again = world.engine.resend_contact_code(session)
    assert isinstance(again, OtpSent)
    new_message = world.last_message()
    assert new_message.address == NEW_EMAIL
    new = otp_in(new_message)
    assert new != old
    assert refused(world.engine.confirm_contact_change(session, old)).errors == {
        "otp": t("otp.wrong")
    }
    assert isinstance(world.engine.confirm_contact_change(session, new), Accepted)
    assert world.person("martine").email == NEW_EMAIL


def test_a_confirmed_email_is_stored_and_the_check_goes_on(world: World) -> None:
    session = at_contacts(world)
    world.engine.request_contact_change(session, ContactKind.EMAIL, NEW_EMAIL)
    result = world.engine.confirm_contact_change(session, otp_in(world.last_message()))
    assert isinstance(result, Accepted)
    assert world.person("martine").email == NEW_EMAIL
    assert session.pending_contact is None
    done = world.engine.confirm_contacts(session)
    assert isinstance(done, Accepted) and done.next is Step.ACCOUNT


def test_an_email_is_required_before_going_on(world: World) -> None:
    session = at_contacts(world, "gerard")
    assert world.engine.contact_view(session).email is None
    result = refused(world.engine.confirm_contacts(session))
    assert result.errors == {"email": "Adresse e-mail obligatoire"}
    sent = world.engine.request_contact_change(session, ContactKind.EMAIL, "gerard@exemple.fr")
    assert isinstance(sent, OtpSent)
    assert world.last_message().address == "gerard@exemple.fr"
    confirmed = world.engine.confirm_contact_change(session, otp_in(world.last_message()))
    assert isinstance(confirmed, Accepted)
    assert isinstance(world.engine.confirm_contacts(session), Accepted)


# --- identifier and password -------------------------------------------------------------


def at_account(world: World, key: str = "martine") -> Session:
    session = at_contacts(world, key)
    assert isinstance(world.engine.confirm_contacts(session), Accepted)
    return session


def test_a_taken_identifier_is_refused_with_free_suggestions(world: World) -> None:
    session = at_account(world)
    result = refused(world.engine.create_account(
        session, identifier_raw="sebastien.leguellec", password_raw=GOOD_PASSWORD,
        confirmation=GOOD_PASSWORD,
    ))
    suggestions = suggest_identifiers("sebastien.leguellec", world.store.identifier_taken)
    assert suggestions and "sebastien.leguellec" not in suggestions
    assert all(not world.store.identifier_taken(s) for s in suggestions)
    assert result.errors == {
        "identifier": t("identifier.taken", suggestions=", ".join(suggestions))
    }
    assert world.store.account_identifier(world.person("martine").id) is None


def missing(raw: str, version: RuleVersion) -> str:
    return ", ".join(rule.label for rule in password.checklist(raw, version) if not rule.met)


@pytest.mark.parametrize(
    ("pwd", "confirmation", "errors"),
    [
        ("", "", {"password": t("password.required"),
                  "confirmation": t("password.confirm_required")}),
        ("abc", "abc", {"password": t(
            "password.rules", missing=missing("abc", RuleVersion.V2025))}),
        # 8 characters: enough in 2022, not in 2025 (the default).
        ("Vel#Ro9x", "Vel#Ro9x", {"password": t(
            "password.rules", missing=missing("Vel#Ro9x", RuleVersion.V2025))}),
        (GOOD_PASSWORD, "Velo#Rouge9y", {"confirmation": t("password.mismatch")}),
        (GOOD_PASSWORD, "", {"confirmation": t("password.confirm_required")}),
        ("Leguellec#2024", "Leguellec#2024", {"password": t("password.contains_name")}),
        ("Xmartine.l#9", "Xmartine.l#9", {"password": t("password.contains_identifier")}),
        ("Velo#10031973", "Velo#10031973", {"password": t("password.contains_birth")}),
        ("Azerty123!", "Azerty123!", {"password": t("password.common")}),
    ],
)
def test_password_errors_are_given_per_field(
    world: World, pwd: str, confirmation: str, errors: dict[str, str]
) -> None:
    session = at_account(world)
    result = refused(world.engine.create_account(
        session, identifier_raw="martine.l", password_raw=pwd, confirmation=confirmation,
    ))
    assert result.errors == errors
    assert world.count("accounts") == 1  # only Sébastien's
    assert world.person("martine").status is ProfileStatus.PENDING


def test_the_2022_rules_accept_eight_characters(world: World) -> None:
    engine_2022 = Engine(
        world.store, clock=world.clock, codes=world.codes,
        settings=Settings(rule_version=RuleVersion.V2022),
    )
    session = engine_2022.start_session()
    card_model, typed = world.card_entry("martine")
    assert isinstance(engine_2022.identify_with_code(
        session, code=world.code_of("martine"), nir=world.person("martine").nir,
        model=card_model, serial=typed,
    ), Identified)
    engine_2022.decide(session, Choice.ACTIVATE, True)
    engine_2022.confirm_contacts(session)
    result = engine_2022.create_account(
        session, identifier_raw="martine.l", password_raw="Vel#Ro9x", confirmation="Vel#Ro9x"
    )
    assert isinstance(result, Activated)


def activate(world: World, key: str = "martine", identifier: str = "martine.l") -> Session:
    session = at_account(world, key)
    result = world.engine.create_account(
        session, identifier_raw=identifier, password_raw=GOOD_PASSWORD,
        confirmation=GOOD_PASSWORD,
    )
    assert isinstance(result, Activated), result
    return session


def test_a_successful_activation_writes_everything(world: World) -> None:
    martine = world.person("martine")
    code = world.code_of("martine")
    session = activate(world)
    after = world.person("martine")
    assert after.status is ProfileStatus.ACTIVATED
    assert after.status_date == START.date()
    account = world.store.query_one("SELECT * FROM accounts WHERE person_id = ?", (martine.id,))
    assert account is not None
    assert account["identifier"] == "martine.l"
    assert account["password_hash"].startswith("$argon2id$")
    assert GOOD_PASSWORD not in account["password_hash"]
    assert password.verify_password(account["password_hash"], GOOD_PASSWORD)
    used = world.store.query_one(
        "SELECT used_at FROM provisional_codes WHERE id = ?", (session.code_id,)
    )
    assert used is not None and used["used_at"] is not None
    decisions = world.store.query("SELECT * FROM decisions WHERE person_id = ?", (martine.id,))
    assert [(d["kind"], d["by_person_id"]) for d in decisions] == [
        (Choice.ACTIVATE.value, martine.id)
    ]
    message = world.last_message()
    assert message.subject == t("outbox.activated.subject")
    assert message.address == martine.email
    # The same code, by someone else: the profile now exists.
    again = refused(world.identify(world.engine.start_session(), "martine", code=code))
    assert again.outcome is Outcome.ALREADY_EXISTS


def test_the_journal_keeps_every_step_and_no_secret(world: World) -> None:
    code = world.code_of("martine")
    session = world.engine.start_session()
    refused(world.identify(session, "martine", code=code.swapcase()))
    refused(world.identify(session, "martine", serial="953701167"))
    assert isinstance(world.identify(session, "martine"), Identified)
    refused(world.engine.decide(session, Choice.ACTIVATE, False))
    world.engine.decide(session, Choice.ACTIVATE, True)
    world.engine.request_contact_change(session, ContactKind.EMAIL, NEW_EMAIL)
    otp = otp_in(world.last_message())
    refused(world.engine.confirm_contact_change(session, "000000" if otp != "000000" else "1" * 6))
    world.engine.confirm_contact_change(session, otp)
    world.engine.confirm_contacts(session)
    refused(world.engine.create_account(
        session, identifier_raw="martine.l", password_raw=GOOD_PASSWORD, confirmation="x",
    ))
    assert isinstance(world.engine.create_account(
        session, identifier_raw="martine.l", password_raw=GOOD_PASSWORD,
        confirmation=GOOD_PASSWORD,
    ), Activated)
    rows = world.store.journal_rows(session.id)
    steps = {(row["step"], bool(row["accepted"])) for row in rows}
    for step in (Step.IDENTIFY, Step.DECISION, Step.ACCOUNT):
        assert (step.value, True) in steps
        assert (step.value, False) in steps
    assert (f"{Step.CONTACTS}:confirm", False) in steps
    secrets = {code, code.swapcase(), otp, GOOD_PASSWORD}
    for row in world.store.journal_rows():
        text = " ".join(str(value) for value in tuple(row))  # every column of the row
        for secret in secrets:
            assert secret not in text


# --- the population ----------------------------------------------------------------------


def test_every_nir_is_valid_except_temporary_and_fictitious_month(world: World) -> None:
    refused_online = {"kevin": "nir.temporary", "sofia": "nir.fictitious_month"}
    for member in (m for h in load_personas()["households"] for m in h["members"]):
        checked = check_nir(member["nir"])
        if member["key"] in refused_online:
            assert checked.error == t(refused_online[member["key"]]), member["key"]
        else:
            assert checked.ok, (member["key"], checked.error)


def test_everyone_with_a_code_has_exactly_one_information_message(world: World) -> None:
    members = [m for h in load_personas()["households"] for m in h["members"]]
    for member in members:
        expected = 1 if "code" in member else 0
        assert len(world.information_messages(member["key"])) == expected, member["key"]
    # Plus the new code Hugo's mother asked for since his opposition, and Nathalie's
    # automatic creation: her information is seven weeks old.
    new_codes = sum(1 for m in members if "new_code_days_ago" in m)
    assert new_codes == 1
    assert world.count("outbox") == sum(1 for m in members if "code" in m) + new_codes + 1


def test_a_child_information_message_goes_to_the_parent(world: World) -> None:
    (message,) = world.information_messages("lea")
    assert message.address == world.person("martine").email


def test_the_letter_only_persona_got_a_letter(world: World) -> None:
    gerard = world.person("gerard")
    assert gerard.email is None and gerard.mobile is None
    (message,) = world.information_messages("gerard")
    assert message.channel is Channel.LETTER
    assert t("outbox.letter.update_contacts") in message.body
    assert len(message_code(message)) == 12


def test_reset_restores_the_initial_statuses(world: World) -> None:
    initial = {p.nir: (p.status, p.status_date) for p in world.store.people()}
    messages, seeded_decisions = world.count("outbox"), world.count("decisions")
    activate(world)
    assert world.person("martine").status is ProfileStatus.ACTIVATED
    report = reset(world.store, world.clock, world.codes, world.settings)
    assert report.people == len(initial)
    assert {p.nir: (p.status, p.status_date) for p in world.store.people()} == initial
    assert world.count("accounts") == 1
    assert world.count("decisions") == seeded_decisions  # the seeded ones, not Martine's
    assert world.count("journal") == 0
    assert world.count("outbox") == messages


# --- two sessions on the same person: each code is used once, each decision checked again ---


def decisions_of(world: World, key: str) -> list[str]:
    rows = world.store.query(
        "SELECT kind FROM decisions WHERE person_id = ? ORDER BY id", (world.person(key).id,)
    )
    return [r["kind"] for r in rows]


def test_a_code_used_to_oppose_cannot_then_activate_in_another_session(world: World) -> None:
    opposing, activating = identified(world), identified(world)
    assert isinstance(world.engine.decide(activating, Choice.ACTIVATE, True), Accepted)
    assert isinstance(world.engine.decide(opposing, Choice.OPPOSE, False), Accepted)
    assert world.engine.confirm_opposition(opposing).ok
    assert isinstance(world.engine.confirm_contacts(activating), Accepted)
    result = world.engine.create_account(
        activating, identifier_raw="martine.leguellec", password_raw=GOOD_PASSWORD,
        confirmation=GOOD_PASSWORD,
    )
    assert result == Refused(outcome=Outcome.CODE_USED, message=t("code.used"))
    # Nothing of the refused activation was written: no account, no second decision.
    assert world.store.account_of(world.person("martine").id) is None
    assert world.person("martine").status is ProfileStatus.OPPOSED
    assert decisions_of(world, "martine") == ["opposer"]


def test_a_used_code_is_refused_at_the_decision_already(world: World) -> None:
    first, second = identified(world), identified(world)
    assert isinstance(world.engine.decide(first, Choice.OPPOSE, False), Accepted)
    assert world.engine.confirm_opposition(first).ok
    assert world.engine.decide(second, Choice.ACTIVATE, True) == Refused(
        outcome=Outcome.CODE_USED, message=t("code.used")
    )
    assert world.engine.decide(second, Choice.OPPOSE, False) == Refused(
        outcome=Outcome.CODE_USED, message=t("code.used")
    )


def test_an_opposition_after_an_activation_elsewhere_is_refused(world: World) -> None:
    opposing, activating = identified(world), at_account(world)
    assert isinstance(world.engine.decide(opposing, Choice.OPPOSE, False), Accepted)
    assert isinstance(
        world.engine.create_account(
            activating, identifier_raw="martine.leguellec", password_raw=GOOD_PASSWORD,
            confirmation=GOOD_PASSWORD,
        ),
        Activated,
    )
    assert world.engine.confirm_opposition(opposing) == Refused(
        outcome=Outcome.ALREADY_EXISTS, message=t("identify.already_exists")
    )
    assert world.person("martine").status is ProfileStatus.ACTIVATED
    assert decisions_of(world, "martine") == ["activer"]


@pytest.mark.parametrize("identifier", ["martine.leguellec", "martine.autre"])
def test_two_sessions_activating_the_same_person_the_second_is_told_it_exists(
    world: World, identifier: str
) -> None:
    first, second = at_account(world), at_account(world)
    assert isinstance(
        world.engine.create_account(
            first, identifier_raw="martine.leguellec", password_raw=GOOD_PASSWORD,
            confirmation=GOOD_PASSWORD,
        ),
        Activated,
    )
    result = world.engine.create_account(
        second, identifier_raw=identifier, password_raw=GOOD_PASSWORD, confirmation=GOOD_PASSWORD
    )
    assert result == Refused(outcome=Outcome.ALREADY_EXISTS, message=t("identify.already_exists"))
    assert world.store.account_identifier(world.person("martine").id) == "martine.leguellec"
    assert not world.store.identifier_taken("martine.autre")
    assert decisions_of(world, "martine") == ["activer"]


def test_an_account_created_meanwhile_by_a_child_activation_is_not_created_twice(
    world: World,
) -> None:
    """The holder's account is created by her first activation, a child's included: another
    session then finishing her own activation is told that the account exists."""
    own = at_account(world)
    child = at_account_for_child(world)
    assert isinstance(
        world.engine.create_account(
            child, identifier_raw="martine.leguellec", password_raw=GOOD_PASSWORD,
            confirmation=GOOD_PASSWORD,
        ),
        Activated,
    )
    result = world.engine.create_account(
        own, identifier_raw="martine.autre", password_raw=GOOD_PASSWORD, confirmation=GOOD_PASSWORD
    )
    assert result == Refused(outcome=Outcome.ALREADY_EXISTS, message=t("identify.already_exists"))
    assert world.store.account_identifier(world.person("martine").id) == "martine.leguellec"
    assert not world.store.identifier_taken("martine.autre")
    assert world.person("martine").status is ProfileStatus.PENDING


def at_account_for_child(world: World, key: str = "lea") -> Session:
    session = identified(world, key)
    assert isinstance(world.engine.certify_representative(session, True), Accepted)
    assert isinstance(world.engine.decide(session, Choice.ACTIVATE, True), Accepted)
    assert isinstance(world.engine.confirm_contacts(session), Accepted)
    return session


def race_during_hashing(monkeypatch: pytest.MonkeyPatch, other: object) -> None:
    """Run `other` (another session's step) while this session hashes its password: between
    the checks made before hashing and the transaction that writes the account."""
    real, done = password.hash_password, list[bool]()

    def hash_then_race(raw: str) -> str:
        digest = real(raw)
        if not done:
            done.append(True)
            assert callable(other)
            other()
        return digest

    monkeypatch.setattr(password, "hash_password", hash_then_race)


def test_an_activation_raced_by_another_is_refused_inside_its_transaction(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = at_account(world), at_account(world)

    def first_finishes() -> None:
        result = world.engine.create_account(
            first, identifier_raw="martine.leguellec", password_raw=GOOD_PASSWORD,
            confirmation=GOOD_PASSWORD,
        )
        assert isinstance(result, Activated)

    race_during_hashing(monkeypatch, first_finishes)
    result = world.engine.create_account(
        second, identifier_raw="martine.autre", password_raw=GOOD_PASSWORD,
        confirmation=GOOD_PASSWORD,
    )
    assert result == Refused(outcome=Outcome.ALREADY_EXISTS, message=t("identify.already_exists"))
    assert not world.store.identifier_taken("martine.autre")
    assert decisions_of(world, "martine") == ["activer"]


def test_an_activation_raced_by_an_opposition_is_refused_inside_its_transaction(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    opposing, activating = identified(world), at_account(world)
    assert isinstance(world.engine.decide(opposing, Choice.OPPOSE, False), Accepted)
    race_during_hashing(monkeypatch, lambda: world.engine.confirm_opposition(opposing))
    result = world.engine.create_account(
        activating, identifier_raw="martine.leguellec", password_raw=GOOD_PASSWORD,
        confirmation=GOOD_PASSWORD,
    )
    assert result == Refused(outcome=Outcome.CODE_USED, message=t("code.used"))
    assert world.store.account_of(world.person("martine").id) is None
    assert world.person("martine").status is ProfileStatus.OPPOSED
    assert decisions_of(world, "martine") == ["opposer"]
