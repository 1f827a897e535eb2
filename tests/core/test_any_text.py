"""Any text, typed or pasted, in any field: every engine entry point that takes a string
answers with a result (accepted, or refused in words), and never raises.

The text is anything: empty, a NUL, escape sequences, lone surrogates (which cannot even be
encoded), right-to-left marks, emoji, 10,000 characters.
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support import person_id

from mes_sante_tui.core import birthdate, codeformat, contacts, identifier, nir, password, vitale
from mes_sante_tui.core.certificate import check_folder
from mes_sante_tui.core.engine import ContactKind, PendingContact, Session
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.results import Checked, Refused
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import RuleVersion
from mes_sante_tui.core.text import compact, has_unseen, is_storable
from mes_sante_tui.wording import t

NASTY = [
    "",
    "\x00",
    "\ud800",
    "abc\udfffdef",
    "\x1b[31mrouge\x1b[0m",
    "\u200f\u202e1234\u200e",
    "😀👨\u200d👩\u200d👧",
    "\t \n\r\u00a0\u2003",
    "x" * 10_000,
    "1" + " " * 5_000 + "2" + " " * 4_000 + "x",
]
# Any code point, surrogates included (Hypothesis leaves them out unless asked).
ANY_CHARACTER = st.one_of(st.characters(exclude_categories=()), st.characters(categories=["Cs"]))
ANY_TEXT = st.one_of(
    st.text(ANY_CHARACTER, max_size=60),
    st.sampled_from(NASTY),
    st.builds(
        lambda unit, times: unit * times,
        st.sampled_from(["1", " ", "\x00", "é", "😀", "\u200f", "\ud800", "1/"]),
        st.integers(min_value=1_000, max_value=10_000),
    ),
)
FAST = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
TODAY = datetime.date(2026, 11, 22)


def clear(result: object) -> None:
    """A refusal names a problem in words; anything else is a result of the engine."""
    if isinstance(result, Refused):
        assert result.message or any(result.errors.values()), result
    elif isinstance(result, Checked):
        assert result.ok or result.error
    else:
        assert result is None or getattr(result, "ok", True) is True or isinstance(result, list)


# --- sessions at the step where each entry point is called ---------------------------------


def fresh(services: Services) -> Session:
    return services.engine.start_session()


def identified(services: Services, key: str = "martine") -> Session:
    session = fresh(services)
    session.person_id = session.holder_id = person_id(services, key)
    return session


def changing_contact(services: Services) -> Session:
    session = identified(services)
    session.pending_contact = PendingContact(ContactKind.EMAIL, "nouvelle@exemple.fr")
    return session


def logging_in(services: Services) -> Session:
    session = fresh(services)
    session.login_pending, session.login_key = person_id(services, "sebastien"), "x.identifiant"
    return session


def recovering(services: Services, verified: bool) -> Session:
    session = fresh(services)
    session.recovery_id, session.recovery_verified = person_id(services, "sebastien"), verified
    return session


def logged_in(services: Services) -> Session:
    session = fresh(services)
    own = person_id(services, "sebastien")
    session.account_id = session.holder_id = session.person_id = own
    session.managing = True
    return session


EntryPoint = Callable[[Services, str], object]

ENTRY_POINTS: dict[str, EntryPoint] = {
    "identify_with_code": lambda s, text: s.engine.identify_with_code(
        fresh(s), code=text, nir=text, model=CardModel.WITHOUT_PHOTO, serial=text
    ),
    "check_birth_date": lambda s, text: s.engine.check_birth_date(fresh(s), text),
    "identify_by_identity": lambda s, text: s.engine.identify_by_identity(
        fresh(s), nir=text, model=CardModel.WITH_PHOTO, serial=text, birth_date=text
    ),
    "verify_code": lambda s, text: s.engine.verify_code(identified(s), text),
    "request_contact_change:email": lambda s, text: s.engine.request_contact_change(
        identified(s), ContactKind.EMAIL, text
    ),
    "request_contact_change:mobile": lambda s, text: s.engine.request_contact_change(
        identified(s), ContactKind.MOBILE, text
    ),
    "confirm_contact_change": lambda s, text: s.engine.confirm_contact_change(
        changing_contact(s), text
    ),
    "check_identifier": lambda s, text: s.engine.check_identifier(identified(s), text),
    "password_rules": lambda s, text: s.engine.password_rules(text),
    "create_account": lambda s, text: s.engine.create_account(
        identified(s), identifier_raw=text, password_raw=text, confirmation=text
    ),
    "create_account:password": lambda s, text: s.engine.create_account(
        identified(s), identifier_raw="martine.essai", password_raw=text, confirmation=text
    ),
    "login": lambda s, text: s.engine.access.login(fresh(s), identifier=text, password_raw=text),
    "login:identifier": lambda s, text: s.engine.access.login(
        fresh(s), identifier=text, password_raw="Phare#Ouest2022"
    ),
    "verify_login_code": lambda s, text: s.engine.access.verify_login_code(logging_in(s), text),
    "find_for_identifier": lambda s, text: s.engine.access.find_for_identifier(
        fresh(s), nir=text, birth_date=text
    ),
    "find_for_password": lambda s, text: s.engine.access.find_for_password(
        fresh(s), nir=text, birth_date=text, model=CardModel.WITH_PHOTO, serial=text
    ),
    "verify_password_code": lambda s, text: s.engine.access.verify_password_code(
        recovering(s, verified=False), text
    ),
    "reset_password": lambda s, text: s.engine.access.reset_password(
        recovering(s, verified=True), password_raw=text, confirmation=text
    ),
    "close": lambda s, text: s.engine.space.close(
        logged_in(s), password_raw=text, delete_data=False
    ),
}

VALIDATORS: dict[str, Callable[[str], object]] = {
    "check_nir": nir.check_nir,
    "format_nir": nir.format_nir,
    "check_provisional_code": codeformat.check_provisional_code,
    "check_otp": codeformat.check_otp,
    "check_serial:photo": lambda text: vitale.check_serial(
        text, CardModel.WITH_PHOTO, nir=text, today=TODAY
    ),
    "check_serial": lambda text: vitale.check_serial(
        text, CardModel.WITHOUT_PHOTO, nir=text, today=TODAY
    ),
    "check_birth_date": lambda text: birthdate.check_birth_date(text, TODAY),
    "check_email": contacts.check_email,
    "check_mobile": contacts.check_mobile,
    "mask_email": contacts.mask_email,
    "mask_mobile": contacts.mask_mobile,
    "check_identifier": identifier.check_identifier,
    "suggest_identifiers": lambda text: identifier.suggest_identifiers(text, lambda _: False),
    "checklist": lambda text: password.checklist(text, RuleVersion.V2025),
    "check_password": lambda text: password.check_password(
        text, text, version=RuleVersion.V2025, identifier=text, first_name="Léa",
        last_name="Le Guellec", birth_date=datetime.date(2015, 3, 4),
    ),
    "check_folder": check_folder,
}


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
@FAST
@given(text=ANY_TEXT)
@example(text="\x00")
@example(text="\ud800")
@example(text="x" * 10_000)
def test_every_engine_entry_point_answers_any_text(
    services: Services, name: str, text: str
) -> None:
    clear(ENTRY_POINTS[name](services, text))


@pytest.mark.parametrize("name", sorted(VALIDATORS))
@FAST
@given(text=ANY_TEXT)
@example(text="\x00")
@example(text="\ud800")
@example(text="1" + " " * 5_000 + "2" + " " * 4_000 + "x")
def test_every_validator_answers_any_text(name: str, text: str) -> None:
    clear(VALIDATORS[name](text))


# --- the shared rule, and the refusals people read -----------------------------------------


@given(text=ANY_TEXT)
@settings(max_examples=200)
def test_what_passes_the_shared_rule_can_be_stored_and_codes_lose_their_spaces(text: str) -> None:
    if not has_unseen(text, spaces_allowed=False):
        assert is_storable(text)
    compacted = compact(text)
    assert not any(c.isspace() or unicodedata.category(c) == "Cf" for c in compacted)


def test_pasted_spaces_and_invisible_marks_around_a_code_are_dropped() -> None:
    assert compact("\u200e 1 55 12\u00a055 555 555 55\n\ufeff") == "155125555555555"
    assert codeformat.check_provisional_code("\u200fAbCd 1234 EfGh\n").value == "AbCd1234EfGh"
    assert codeformat.check_otp("\t034 567\u200b").value == "034567"


def test_a_nul_or_an_escape_in_a_nir_is_a_format_error_whatever_the_length() -> None:
    assert nir.check_nir("1551255555555\x0055").error == t("nir.format")
    assert nir.check_nir("\x1b[2J").error == t("nir.format")


def test_a_long_run_of_spaces_in_a_date_is_refused_at_once() -> None:
    assert birthdate.check_birth_date("1" + " " * 5_000 + "2" + " " * 5_000 + "x", TODAY).error == (
        t("birth.format")
    )


def test_a_password_with_a_control_or_a_lone_surrogate_is_refused_in_words() -> None:
    for bad in ("Phare#Ouest2022\x00", "Phare#Ouest2022\ud800", "Phare#\u200fOuest2022"):
        errors = password.check_password(
            bad, bad, version=RuleVersion.V2025, identifier="sebastien.leguellec",
            first_name="Sébastien", last_name="Le Guellec", birth_date=datetime.date(1980, 1, 1),
        )
        assert errors == {"password": t("password.charset")}


def test_a_login_with_a_lone_surrogate_is_a_wrong_login_and_nothing_is_stored(
    services: Services,
) -> None:
    before = services.store.query("SELECT * FROM lockouts")
    result = services.engine.access.login(
        services.engine.start_session(), identifier="sebastien\ud800", password_raw="x"
    )
    assert isinstance(result, Refused) and result.message == t("login.failed")
    assert services.store.query("SELECT * FROM lockouts") == before


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("", "opposition.done.folder.required"),
        ("   ", "opposition.done.folder.required"),
        ("/tmp/justif\x00icatifs", "opposition.done.folder.charset"),
        ("~/Documents/\ud800", "opposition.done.folder.charset"),
        ("~/Documents/\u202eslp.exe", "opposition.done.folder.charset"),
        ("/" + "d/" * 3_000, "opposition.done.folder.too_long"),
    ],
)
def test_a_certificate_folder_nobody_could_type_is_refused_in_words(raw: str, key: str) -> None:
    assert check_folder(raw).error == t(key)


def test_a_typed_certificate_folder_is_accepted_with_the_home_folder_in_place() -> None:
    checked = check_folder("  ~/Documents/mes justificatifs ")
    assert checked.value == Path.home() / "Documents" / "mes justificatifs"
