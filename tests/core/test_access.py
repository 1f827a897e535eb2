"""« Se connecter » with a one-time code, the wait after repeated failures, « Identifiant
oublié » and « Mot de passe oublié » (PRODUCT.md: "Afterwards", "One-time code", "Password")."""

from __future__ import annotations

from datetime import timedelta

from conftest import NOW
from support import latest_otp, person_id

from mes_sante_tui.core import contacts, password
from mes_sante_tui.core.access import AccountFound, CodeOnItsWay, Done, LoggedIn
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.durations import wait_words
from mes_sante_tui.core.engine import ChannelOption, Outcome, Session
from mes_sante_tui.core.models import CardModel, Channel, OutboxMessage, Person, ProfileStatus
from mes_sante_tui.core.nir import make_nir
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.store import iso
from mes_sante_tui.wording import t

IDENTIFIER, PASSWORD = "sebastien.leguellec", "Phare#Ouest2022"
NIR, BORN = "171063523811210", "22/06/1971"
SERIAL = "01024576124"  # the 11 digits typed after the card's fixed prefix
NEW_PASSWORD = "Goeland#Mer2026"
WRONG_PASSWORD = "Mauvais#Passe1"
FAILED = Refused(message=t("login.failed"))


def sebastien(services: Services) -> Person:
    return services.store.person(person_id(services, "sebastien"))


def newest(services: Services) -> OutboxMessage:
    return max(services.store.outbox(), key=lambda m: m.id)


def locked(minutes: int) -> Refused:
    wait = "1 minute" if minutes == 1 else f"{minutes} minutes"
    return Refused(message=t("login.locked", wait=wait))


def other_code(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def attempt(services: Services, identifier: str = IDENTIFIER, pwd: str = WRONG_PASSWORD) -> object:
    session = services.engine.start_session()
    return services.engine.access.login(session, identifier=identifier, password_raw=pwd)


def log_in(services: Services, pwd: str = PASSWORD) -> Session:
    access = services.engine.access
    session = services.engine.start_session()
    assert isinstance(access.login(session, identifier=IDENTIFIER, password_raw=pwd), CodeOnItsWay)
    assert isinstance(access.verify_login_code(session, latest_otp(services)), LoggedIn)
    return session


# --- « Se connecter » ----------------------------------------------------------------------


def test_login_sends_a_one_time_code_to_the_email_on_file(services: Services) -> None:
    engine = services.engine
    session = engine.start_session()
    sent = engine.access.login(session, identifier=IDENTIFIER, password_raw=PASSWORD)
    person = sebastien(services)
    assert person.email is not None
    assert sent == CodeOnItsWay(channel=Channel.EMAIL, masked=contacts.mask_email(person.email))
    message = newest(services)
    assert (message.channel, message.address) == (Channel.EMAIL, person.email)
    assert message.masked_address == sent.masked
    assert message.subject == t("outbox.login.subject")
    assert session.account_id is None  # not logged in before the code

    logged = engine.access.verify_login_code(session, latest_otp(services))
    assert logged == LoggedIn(person=person, identifier=IDENTIFIER)
    assert session.account_id == session.person_id == session.holder_id == person.id


def test_without_an_email_the_login_code_goes_by_sms(services: Services) -> None:
    with services.store.transaction() as conn:
        conn.execute("UPDATE people SET email = NULL WHERE persona_key = 'sebastien'")
    sent = attempt(services, pwd=PASSWORD)
    mobile = sebastien(services).mobile
    assert mobile is not None
    assert sent == CodeOnItsWay(channel=Channel.SMS, masked=contacts.mask_mobile(mobile))
    assert newest(services).channel is Channel.SMS


def test_wrong_password_and_unknown_identifier_are_refused_alike(services: Services) -> None:
    wrong_password = attempt(services, IDENTIFIER, WRONG_PASSWORD)
    unknown = attempt(services, "personne.inconnue", PASSWORD)
    assert wrong_password == unknown == FAILED
    assert isinstance(unknown, Refused) and unknown.errors == {} and unknown.outcome is None


def test_a_pending_person_without_account_cannot_log_in(services: Services) -> None:
    assert attempt(services, "martine.leguellec", "Kayak#Loire2026") == FAILED


def test_empty_fields_are_named_and_not_counted(services: Services) -> None:
    refused = attempt(services, "   ", "")
    assert refused == Refused(
        errors={
            "identifier": t("login.identifier.required"),
            "password": t("login.password.required"),
        }
    )
    for _ in range(6):
        assert isinstance(attempt(services, IDENTIFIER, ""), Refused)
    assert services.store.query("SELECT * FROM lockouts") == []
    assert isinstance(attempt(services, IDENTIFIER, PASSWORD), CodeOnItsWay)


def test_the_fifth_failure_starts_a_one_minute_wait(services: Services) -> None:
    for _ in range(4):
        assert attempt(services) == FAILED
    assert attempt(services) == locked(1)


def test_the_right_password_is_refused_during_the_wait(services: Services) -> None:
    for _ in range(5):
        attempt(services)
    assert attempt(services, pwd=PASSWORD) == locked(1)
    assert services.store.query("SELECT 1 FROM otp_codes WHERE purpose = 'login'") == []


def test_each_failure_after_the_wait_doubles_it(services: Services, clock: ManualClock) -> None:
    for _ in range(5):
        attempt(services)
    clock.advance(timedelta(minutes=1))
    assert attempt(services) == locked(2)
    clock.advance(timedelta(minutes=2))
    assert attempt(services) == locked(4)


def test_waiting_it_out_lets_the_right_password_in(
    services: Services, clock: ManualClock
) -> None:
    for _ in range(5):
        attempt(services)
    clock.advance(timedelta(seconds=59))
    assert isinstance(attempt(services, pwd=PASSWORD), Refused)
    clock.advance(timedelta(seconds=1))
    assert isinstance(attempt(services, pwd=PASSWORD), CodeOnItsWay)


def test_the_wait_applies_to_an_unknown_identifier_too(services: Services) -> None:
    for _ in range(4):
        assert attempt(services, "personne.inconnue") == FAILED
    assert attempt(services, "personne.inconnue") == locked(1)


def test_failures_are_counted_per_identifier_typed_in_lowercase(services: Services) -> None:
    typed = ("Personne.Inconnue", "PERSONNE.INCONNUE", " personne.inconnue ", "personne.Inconnue")
    for identifier in typed:
        assert attempt(services, identifier) == FAILED
    assert attempt(services, "personne.INCONNUE") == locked(1)
    # Another identifier is not held back.
    assert attempt(services, IDENTIFIER) == FAILED


def test_the_identifier_is_found_whatever_its_case(services: Services) -> None:
    session = services.engine.start_session()
    sent = services.engine.access.login(
        session, identifier="Sebastien.LEGUELLEC", password_raw=PASSWORD
    )
    assert isinstance(sent, CodeOnItsWay), sent


def test_a_wrong_one_time_code_counts_as_a_failed_login(services: Services) -> None:
    for _ in range(3):
        attempt(services)
    access = services.engine.access
    session = services.engine.start_session()
    sent = access.login(session, identifier=IDENTIFIER, password_raw=PASSWORD)
    assert isinstance(sent, CodeOnItsWay)
    code = latest_otp(services)
    assert access.verify_login_code(session, other_code(code)) == Refused(
        errors={"otp": t("otp.wrong")}
    )
    refused = access.verify_login_code(session, other_code(code))  # fifth failure
    assert refused == Refused(outcome=Outcome.LOCKED, message=locked(1).message)
    assert session.login_pending is None
    # The right code no longer logs in: the login has to start again, after the wait.
    assert isinstance(access.verify_login_code(session, code), Refused)
    assert session.account_id is None


def test_a_successful_login_clears_the_failures(services: Services) -> None:
    for _ in range(4):
        attempt(services)
    log_in(services)
    for _ in range(4):
        assert attempt(services) == FAILED


def test_a_resent_code_replaces_the_previous_one(services: Services) -> None:
    access = services.engine.access
    session = services.engine.start_session()
    access.login(session, identifier=IDENTIFIER, password_raw=PASSWORD)
    first = latest_otp(services)
    resent = access.resend_login_code(session)
    assert isinstance(resent, CodeOnItsWay)
    second = latest_otp(services)
    assert second != first
    assert access.verify_login_code(session, first) == Refused(errors={"otp": t("otp.wrong")})
    assert isinstance(access.verify_login_code(session, second), LoggedIn)


def test_an_expired_one_time_code_is_refused(services: Services, clock: ManualClock) -> None:
    access = services.engine.access
    session = services.engine.start_session()
    access.login(session, identifier=IDENTIFIER, password_raw=PASSWORD)
    code = latest_otp(services)
    clock.advance(timedelta(minutes=11))
    assert access.verify_login_code(session, code) == Refused(errors={"otp": t("otp.expired")})
    assert session.account_id is None


def test_a_used_one_time_code_cannot_log_in_twice(services: Services) -> None:
    access = services.engine.access
    session = services.engine.start_session()
    access.login(session, identifier=IDENTIFIER, password_raw=PASSWORD)
    code = latest_otp(services)
    assert isinstance(access.verify_login_code(session, code), LoggedIn)
    assert isinstance(access.verify_login_code(session, code), Refused)
    again = services.engine.start_session()
    sent = access.login(again, identifier=IDENTIFIER, password_raw=PASSWORD)
    assert isinstance(sent, CodeOnItsWay)
    assert access.verify_login_code(again, code) == Refused(errors={"otp": t("otp.wrong")})
    assert again.account_id is None


def test_logout_clears_the_session(services: Services) -> None:
    session = log_in(services)
    services.engine.access.logout(session)
    assert (session.account_id, session.person_id, session.holder_id) == (None, None, None)
    assert (session.login_pending, session.login_key) == (None, None)
    summary = services.engine.space.summary(session)
    assert summary == Refused(message=t("space.not_logged_in"))
    steps = [(r["step"], r["reason"]) for r in services.store.journal_rows(session.id)]
    assert ("deconnexion", "logged_out") in steps


def test_an_idle_login_session_expires(services: Services, clock: ManualClock) -> None:
    access = services.engine.access
    session = services.engine.start_session()
    clock.advance(services.engine.settings.session_timeout + timedelta(seconds=1))
    refused = access.login(session, identifier=IDENTIFIER, password_raw=PASSWORD)
    assert isinstance(refused, Refused) and refused.outcome == Outcome.SESSION_EXPIRED


# --- « Identifiant oublié » ----------------------------------------------------------------


def test_a_forgotten_identifier_is_sent_by_email(services: Services) -> None:
    access, person = services.engine.access, sebastien(services)
    assert person.email is not None and person.mobile is not None
    session = services.engine.start_session()
    found = access.find_for_identifier(session, nir="1 71 06 35 238 112 10", birth_date=BORN)
    assert found == AccountFound(
        channels=(
            ChannelOption(Channel.EMAIL, contacts.mask_email(person.email)),
            ChannelOption(Channel.SMS, contacts.mask_mobile(person.mobile)),
        )
    )
    sent = access.send_identifier(session, Channel.EMAIL)
    assert sent == CodeOnItsWay(Channel.EMAIL, contacts.mask_email(person.email))
    message = newest(services)
    assert (message.channel, message.address) == (Channel.EMAIL, person.email)
    assert f"Votre identifiant Mon espace santé : {IDENTIFIER}" in message.body
    # Sent once: the request is over.
    assert access.send_identifier(session, Channel.EMAIL) == Refused(
        message=t("recover.start_again")
    )


def test_a_forgotten_identifier_is_sent_by_sms(services: Services) -> None:
    access = services.engine.access
    session = services.engine.start_session()
    assert isinstance(access.find_for_identifier(session, nir=NIR, birth_date=BORN), AccountFound)
    assert isinstance(access.send_identifier(session, Channel.SMS), CodeOnItsWay)
    message = newest(services)
    assert message.channel is Channel.SMS
    assert message.body == t("outbox.identifier.sms", identifier=IDENTIFIER)


def test_without_contacts_the_identifier_is_sent_by_letter(services: Services) -> None:
    # Gérard has neither e-mail nor mobile and no account: he is given one here, to stand for
    # an account holder whose contacts are no longer on file.
    gerard = services.store.person(person_id(services, "gerard"))
    with services.store.transaction() as conn:
        conn.execute(
            "UPDATE people SET status = ?, status_date = ? WHERE id = ?",
            (ProfileStatus.ACTIVATED.value, iso(NOW.date()), gerard.id),
        )
        conn.execute(
            "INSERT INTO accounts(person_id, identifier, password_hash, rule_version,"
            " created_at) VALUES (?, 'gerard.lambert', 'x', '2025', ?)",
            (gerard.id, iso(NOW)),
        )
    access = services.engine.access
    session = services.engine.start_session()
    found = access.find_for_identifier(session, nir=gerard.nir, birth_date="01/12/1948")
    letter = ChannelOption(Channel.LETTER, "Courrier à M. LAMBERT")
    assert found == AccountFound(channels=(letter,))
    assert access.send_identifier(session, Channel.LETTER) == CodeOnItsWay(
        Channel.LETTER, letter.masked
    )
    message = newest(services)
    assert message.channel is Channel.LETTER and "gerard.lambert" in message.body
    # No one-time code can reach him: the password cannot be recovered online.
    session = services.engine.start_session()
    refused = access.find_for_password(
        session, nir=gerard.nir, birth_date="01/12/1948",
        model=CardModel.WITHOUT_PHOTO, serial="3309175512",
    )
    assert refused == Refused(message=t("recover.no_contact"))


def test_no_account_for_this_identity_says_not_found(services: Services) -> None:
    access = services.engine.access
    unknown_nir = make_nir(1, 71, 6, "35", "238", 999)
    cases = [
        (unknown_nir, BORN),  # nobody with this NIR
        (NIR, "23/06/1971"),  # the wrong date of birth
        ("273034410903823", "10/03/1973"),  # Martine: found, but she has no account
    ]
    for nir, born in cases:
        session = services.engine.start_session()
        assert access.find_for_identifier(session, nir=nir, birth_date=born) == Refused(
            message=t("recover.not_found")
        ), (nir, born)
        assert session.recovery_id is None


def test_badly_typed_nir_and_date_are_named(services: Services) -> None:
    session = services.engine.start_session()
    refused = services.engine.access.find_for_identifier(
        session, nir="1710635", birth_date="31/02/1971"
    )
    assert isinstance(refused, Refused)
    assert set(refused.errors) == {"nir", "birth_date"}
    assert refused.message is None


def test_the_identifier_goes_only_where_it_was_offered(services: Services) -> None:
    access = services.engine.access
    session = services.engine.start_session()
    assert access.send_identifier(session, Channel.EMAIL) == Refused(
        message=t("recover.start_again")
    )
    access.find_for_identifier(session, nir=NIR, birth_date=BORN)
    for channel in (None, Channel.LETTER):
        assert access.send_identifier(session, channel) == Refused(
            errors={"channel": t("channel.required")}
        )


# --- « Mot de passe oublié » ---------------------------------------------------------------


def find_for_password(services: Services, session: Session, **changes: object) -> object:
    fields: dict[str, object] = {
        "nir": NIR, "birth_date": BORN, "model": CardModel.WITH_PHOTO, "serial": SERIAL
    }
    fields.update(changes)
    return services.engine.access.find_for_password(session, **fields)  # type: ignore[arg-type]


def verified_recovery(services: Services) -> Session:
    access = services.engine.access
    session = services.engine.start_session()
    assert isinstance(find_for_password(services, session), AccountFound)
    assert isinstance(access.send_password_code(session, Channel.EMAIL), CodeOnItsWay)
    assert newest(services).subject == t("outbox.password_code.subject")
    assert access.verify_password_code(session, latest_otp(services)) == Done()
    return session


def test_the_card_must_match_to_recover_a_password(services: Services) -> None:
    for changes in (
        {"serial": "01024576125"},
        {"model": CardModel.WITHOUT_PHOTO},
        {"birth_date": "23/06/1971"},
    ):
        session = services.engine.start_session()
        refused = find_for_password(services, session, **changes)
        assert refused == Refused(message=t("recover.not_found")), changes
        assert session.recovery_id is None


def test_a_new_password_replaces_the_old_one(services: Services) -> None:
    access = services.engine.access
    session = verified_recovery(services)
    done = access.reset_password(session, password_raw=NEW_PASSWORD, confirmation=NEW_PASSWORD)
    assert done == Done()
    notice = newest(services)
    assert notice.subject == "Mon espace santé : votre mot de passe a été modifié"
    assert notice.address == sebastien(services).email
    account = services.store.account_of(sebastien(services).id)
    assert account is not None and account["rule_version"] == "2025"
    assert attempt(services, pwd=PASSWORD) == FAILED
    log_in(services, NEW_PASSWORD)


def test_the_new_password_follows_the_rules_in_force(services: Services) -> None:
    access = services.engine.access
    session = verified_recovery(services)
    # 2025 rules: 9 characters at least.
    nine = access.reset_password(session, password_raw="Mer#Cap26", confirmation="Mer#Cap26")
    assert nine == Done()
    session = verified_recovery(services)
    too_short = access.reset_password(session, password_raw="Mer#Cap2", confirmation="Mer#Cap2")
    assert isinstance(too_short, Refused) and set(too_short.errors) == {"password"}
    assert "9 caractères" in too_short.errors["password"]
    mismatch = access.reset_password(
        session, password_raw=NEW_PASSWORD, confirmation=NEW_PASSWORD + "x"
    )
    assert mismatch == Refused(errors={"confirmation": t("password.mismatch")})


def test_a_new_password_containing_the_identifier_is_refused(services: Services) -> None:
    session = verified_recovery(services)
    raw = f"X{IDENTIFIER}#1"
    refused = services.engine.access.reset_password(session, password_raw=raw, confirmation=raw)
    assert refused == Refused(errors={"password": t("password.contains_identifier")})
    assert attempt(services, pwd=raw) == FAILED


def test_no_new_password_without_the_confirmed_code(services: Services) -> None:
    access = services.engine.access
    session = services.engine.start_session()
    assert access.reset_password(
        session, password_raw=NEW_PASSWORD, confirmation=NEW_PASSWORD
    ) == Refused(message=t("recover.start_again"))
    find_for_password(services, session)
    access.send_password_code(session, Channel.EMAIL)
    code = latest_otp(services)
    assert access.reset_password(
        session, password_raw=NEW_PASSWORD, confirmation=NEW_PASSWORD
    ) == Refused(message=t("recover.start_again"))
    assert access.verify_password_code(session, other_code(code)) == Refused(
        errors={"otp": t("otp.wrong")}
    )
    assert not session.recovery_verified
    assert attempt(services, pwd=NEW_PASSWORD) == FAILED


def test_a_new_password_lifts_the_wait_on_logins(services: Services) -> None:
    for _ in range(5):
        attempt(services)
    assert attempt(services, pwd=PASSWORD) == locked(1)
    session = verified_recovery(services)
    services.engine.access.reset_password(
        session, password_raw=NEW_PASSWORD, confirmation=NEW_PASSWORD
    )
    assert isinstance(attempt(services, pwd=NEW_PASSWORD), CodeOnItsWay)


# --- the journal keeps no secret ------------------------------------------------------------


def test_the_journal_never_holds_a_password_or_a_code(services: Services) -> None:
    access = services.engine.access
    attempt(services, pwd=WRONG_PASSWORD)
    attempt(services, "personne.inconnue", PASSWORD)
    session = services.engine.start_session()
    access.login(session, identifier=IDENTIFIER, password_raw=PASSWORD)
    access.verify_login_code(session, other_code(latest_otp(services)))
    access.verify_login_code(session, latest_otp(services))
    recovery = verified_recovery(services)
    access.reset_password(recovery, password_raw="Mer#Cap2", confirmation="Mer#Cap2")
    access.reset_password(recovery, password_raw=NEW_PASSWORD, confirmation=NEW_PASSWORD)
    secrets = {PASSWORD, WRONG_PASSWORD, NEW_PASSWORD, "Mer#Cap2"}
    for message in services.store.outbox():
        if message.code:
            secrets.add(message.code)
    rows = services.store.journal_rows()
    assert rows
    for row in rows:
        text = " ".join(str(row[c]) for c in ("step", "reason", "detail"))
        assert not [s for s in secrets if s in text], dict(row)


# --- every one-time code and look-up has a limit on wrong entries (core/lockout.py) ----------


def code_locked(minutes: int) -> str:
    return t("code.locked", wait=wait_words(timedelta(minutes=minutes)))


def recover_locked(minutes: int) -> Refused:
    return Refused(message=t("recover.locked", wait=wait_words(timedelta(minutes=minutes))))


def recovery_waiting_for_code(services: Services) -> Session:
    session = services.engine.start_session()
    assert isinstance(find_for_password(services, session), AccountFound)
    assert isinstance(
        services.engine.access.send_password_code(session, Channel.EMAIL), CodeOnItsWay
    )
    return session


def test_the_fifth_wrong_recovery_code_starts_a_wait_even_for_the_right_code(
    services: Services, clock: ManualClock
) -> None:
    access = services.engine.access
    session = recovery_waiting_for_code(services)
    right = latest_otp(services)
    for _ in range(4):
        assert access.verify_password_code(session, other_code(right)) == Refused(
            errors={"otp": t("otp.wrong")}
        )
    assert access.verify_password_code(session, other_code(right)) == Refused(
        errors={"otp": code_locked(1)}
    )
    # The sixth entry, the right code, is refused while the wait runs, and the wait is said.
    assert access.verify_password_code(session, right) == Refused(
        errors={"otp": code_locked(1)}
    )
    assert not session.recovery_verified
    clock.advance(timedelta(minutes=1))
    # Past the allowance, each further failure doubles the wait.
    assert access.verify_password_code(session, other_code(right)) == Refused(
        errors={"otp": code_locked(2)}
    )
    clock.advance(timedelta(minutes=2))
    assert access.verify_password_code(session, right) == Done()


def test_sending_the_recovery_code_again_does_not_reset_the_count(services: Services) -> None:
    access = services.engine.access
    session = recovery_waiting_for_code(services)
    for _ in range(4):
        access.verify_password_code(session, other_code(latest_otp(services)))
    # « Envoyer à nouveau le code », and a new search from the start: the count goes on.
    assert isinstance(access.send_password_code(session, Channel.EMAIL), CodeOnItsWay)
    session = recovery_waiting_for_code(services)
    assert access.verify_password_code(session, other_code(latest_otp(services))) == Refused(
        errors={"otp": code_locked(1)}
    )
    assert access.verify_password_code(session, latest_otp(services)) == Refused(
        errors={"otp": code_locked(1)}
    )


def test_a_confirmed_recovery_code_clears_the_count(services: Services) -> None:
    access = services.engine.access
    session = recovery_waiting_for_code(services)
    for _ in range(4):
        access.verify_password_code(session, other_code(latest_otp(services)))
    assert access.verify_password_code(session, latest_otp(services)) == Done()
    session = recovery_waiting_for_code(services)
    assert access.verify_password_code(session, other_code(latest_otp(services))) == Refused(
        errors={"otp": t("otp.wrong")}
    )


def test_forgotten_identifier_look_ups_are_limited(
    services: Services, clock: ManualClock
) -> None:
    access = services.engine.access
    for _ in range(4):
        session = services.engine.start_session()
        assert access.find_for_identifier(session, nir=NIR, birth_date="23/06/1971") == Refused(
            message=t("recover.not_found")
        )
    session = services.engine.start_session()
    assert access.find_for_identifier(
        session, nir=NIR, birth_date="23/06/1971"
    ) == recover_locked(1)
    # During the wait, even the right date of birth finds nothing and says the wait.
    assert access.find_for_identifier(session, nir=NIR, birth_date=BORN) == recover_locked(1)
    assert session.recovery_id is None
    clock.advance(timedelta(minutes=1))
    assert isinstance(access.find_for_identifier(session, nir=NIR, birth_date=BORN), AccountFound)


def test_the_card_check_of_a_forgotten_password_is_limited(
    services: Services, clock: ManualClock
) -> None:
    for _ in range(4):
        session = services.engine.start_session()
        assert find_for_password(services, session, serial="01024576125") == Refused(
            message=t("recover.not_found")
        )
    session = services.engine.start_session()
    assert find_for_password(services, session, serial="01024576125") == recover_locked(1)
    assert find_for_password(services, session) == recover_locked(1)
    clock.advance(timedelta(seconds=30))
    wait = "30 secondes"
    assert find_for_password(services, session) == Refused(
        message=t("recover.locked", wait=wait)
    )
    clock.advance(timedelta(seconds=30))
    assert isinstance(find_for_password(services, session), AccountFound)


# --- passwords hashed with another setting are rehashed at the next successful login -------


def stored_hash(services: Services) -> str:
    account = services.store.account_by_identifier(IDENTIFIER)
    assert account is not None
    return str(account["password_hash"])


def test_a_hash_with_older_parameters_is_rehashed_at_login(services: Services) -> None:
    # The hash was made with one setting (explicit, light parameters); the service now uses
    # another (here still light: 2 passes, 16 KiB, 1 lane).
    password.set_hasher_params(1, 8)
    old = password.hash_password(PASSWORD)
    with services.store.transaction() as conn:
        conn.execute(
            "UPDATE accounts SET password_hash = ? WHERE identifier = ?", (old, IDENTIFIER)
        )
    password.set_hasher_params(2, 16)
    # A wrong password changes nothing.
    assert attempt(services) == FAILED
    assert stored_hash(services) == old
    # The right one: the hash is made again with the setting in force, and still verifies.
    session = log_in(services)
    assert session.account_id == sebastien(services).id
    new = stored_hash(services)
    assert new != old and "$m=16,t=2,p=1$" in new
    assert password.verify_password(new, PASSWORD)
    assert not password.needs_rehash(new)
    # Already up to date: left as it is.
    log_in(services)
    assert stored_hash(services) == new
