"""Password rules, both versions, personal-information refusals, common passwords, hashing."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_sante_tui.core import password as pw
from mes_sante_tui.core.password import (
    PasswordRule,
    check_password,
    checklist,
    common_passwords,
    hash_password,
    min_length,
    set_hasher_params,
    verify_password,
)
from mes_sante_tui.core.paths import data_dir
from mes_sante_tui.core.settings import RuleVersion
from mes_sante_tui.wording import t

V22 = RuleVersion.V2022
V25 = RuleVersion.V2025
BIRTH = datetime.date(1980, 4, 5)
GOOD = "Tr0mbone!Vert"


def problems(password: str, confirmation: str | None = None, **overrides: object) -> dict[str, str]:
    kwargs: dict[str, object] = {
        "version": V25,
        "identifier": "jean.dupont",
        "first_name": "Hélène",
        "last_name": "Le Gall-Dupré",
        "birth_date": BIRTH,
    }
    kwargs.update(overrides)
    confirmation = password if confirmation is None else confirmation
    return check_password(password, confirmation, **kwargs)  # type: ignore[arg-type]


def password_error(password: str, **overrides: object) -> str | None:
    return problems(password, None, **overrides).get("password")


def test_min_length() -> None:
    assert (min_length(V22), min_length(V25)) == (8, 9)


def test_checklist_order_keys_and_labels() -> None:
    rules = checklist("", V25)
    assert [r.key for r in rules] == ["length", "special", "digit", "upper", "lower"]
    assert [r.label for r in rules] == [
        t("password.rule.length", n=9),
        t("password.rule.special"),
        t("password.rule.digit"),
        t("password.rule.upper"),
        t("password.rule.lower"),
    ]
    assert not any(r.met for r in rules)
    assert checklist("", V22)[0].label == t("password.rule.length", n=8)


def test_checklist_all_met() -> None:
    assert all(r.met for r in checklist(GOOD, V25))
    assert checklist("Aé1 xxxxx", V25) == [
        PasswordRule("length", t("password.rule.length", n=9), True),
        PasswordRule("special", t("password.rule.special"), True),  # the space
        PasswordRule("digit", t("password.rule.digit"), True),
        PasswordRule("upper", t("password.rule.upper"), True),
        PasswordRule("lower", t("password.rule.lower"), True),
    ]


def test_unicode_letters_are_not_special() -> None:
    rules = {r.key: r.met for r in checklist("ÉéÀàçÇ12", V22)}
    assert rules == {"length": True, "special": False, "digit": True, "upper": True, "lower": True}


def test_eight_characters_accepted_in_2022_refused_in_2025() -> None:
    eight = "Tr0mb!Ve"
    assert problems(eight, version=V22) == {}
    assert password_error(eight, version=V25) == t(
        "password.rules", missing=t("password.rule.length", n=9)
    )
    assert problems("Tr0mb!Ver", version=V25) == {}


def test_accepted() -> None:
    assert problems(GOOD) == {}


def test_required() -> None:
    assert problems("", "") == {
        "password": t("password.required"),
        "confirmation": t("password.confirm_required"),
    }


def test_too_long() -> None:
    assert password_error("Aa1!" * 32) is None
    assert password_error("Aa1!" * 32 + "x") == t("password.too_long")


def test_missing_rules_are_listed_in_checklist_order() -> None:
    assert password_error("abcdefghij") == t(
        "password.rules",
        missing=", ".join(
            [t("password.rule.special"), t("password.rule.digit"), t("password.rule.upper")]
        ),
    )
    assert password_error("abc") == (
        "Le mot de passe ne respecte pas toutes les règles : 9 caractères minimum, "
        "1 caractère spécial (!#@;%...), 1 chiffre, 1 majuscule"
    )


@pytest.mark.parametrize("password", ["Xjean.dupont1!", "JEAN.DUPONT#9x", "a1!Jean.Dupont"])
def test_contains_identifier(password: str) -> None:
    assert password_error(password) == t("password.contains_identifier")


def test_short_identifier_is_ignored() -> None:
    assert password_error("Ab!" + "Tr0mbone", identifier="ab") is None


@pytest.mark.parametrize(
    "password", ["Helene#2024x", "hÉLÈNE!20xx", "Xx!9dupre123", "Xx!9GALLxyz", "Xx!9DUPRÉzz"]
)
def test_contains_name(password: str) -> None:
    assert password_error(password) == t("password.contains_name")


def test_short_name_parts_are_ignored() -> None:
    # "Le" (2 letters) is too common inside words to be refused.
    assert password_error("Lemon!Tr33s") is None


def test_ligature_in_name() -> None:
    assert password_error("Xx9!coeurvaillant", first_name="Cœur") == t("password.contains_name")


@pytest.mark.parametrize(
    "birth",
    ["05041980", "050480", "19800405", "05/04/1980", "05-04-1980", "05.04.1980", "05/04/80",
     "1980-04-05", "1980/04/05", "1980.04.05"],
)
def test_contains_birth_date(birth: str) -> None:
    assert password_error(f"Tr0mbone!{birth}") == t("password.contains_birth")


@pytest.mark.parametrize(
    "password",
    ["Motdepasse1!", "Azerty123!", "Marseille13!", "Soleil2024*", "Doudou!!99", "2024Bonjour!",
     "Chouchou#1", "Password123!"],
)
def test_common(password: str) -> None:
    assert password_error(password, version=V22) == t("password.common")


def test_order_identifier_then_name_then_birth_then_common() -> None:
    assert password_error("Helene!jean.dupont05041980") == t("password.contains_identifier")
    assert password_error("Helene!05041980") == t("password.contains_name")
    assert password_error("Azerty!05041980") == t("password.contains_birth")


def test_mismatch_and_missing_confirmation() -> None:
    assert problems(GOOD, GOOD + "x") == {"confirmation": t("password.mismatch")}
    assert problems(GOOD, "") == {"confirmation": t("password.confirm_required")}
    assert problems("azerty", "azertY") == {
        "password": password_error("azerty"),
        "confirmation": t("password.mismatch"),
    }
    assert t("password.mismatch") == "Les deux mots de passe ne sont pas identiques"


def test_common_list_is_shipped_and_lowercase() -> None:
    words = common_passwords()
    assert 150 <= len(words) <= 400
    assert {"password", "motdepasse", "azerty", "123456789", "soleil", "loulou"} <= words
    path = data_dir() / "common_passwords.txt"
    assert path.is_file()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(line == line.strip().lower() and line for line in lines)


@pytest.fixture
def light_hasher(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(pw, "_hasher", pw._hasher)  # restored after the test
    set_hasher_params(time_cost=1, memory_cost=8)
    yield


def test_hash_and_verify(light_hasher: None) -> None:
    stored = hash_password(GOOD)
    assert stored.startswith("$argon2id$")
    assert GOOD not in stored
    assert verify_password(stored, GOOD)
    assert not verify_password(stored, GOOD + "x")
    assert hash_password(GOOD) != stored  # salted


@pytest.mark.parametrize("stored", ["", "not a hash", "$argon2id$v=19$m=8,t=1,p=1$xx$yy", "é"])
def test_verify_never_raises(light_hasher: None, stored: str) -> None:
    assert verify_password(stored, GOOD) is False


def _expected(password: str, key: str) -> bool:
    if key == "special":
        return any(not c.isalpha() and c not in "0123456789" for c in password)
    if key == "digit":
        return any(c in "0123456789" for c in password)
    if key == "upper":
        return any(c.isupper() for c in password)
    if key == "lower":
        return any(c.islower() for c in password)
    return False


@given(st.text(), st.sampled_from(list(RuleVersion)))
def test_checklist_flags_follow_their_definitions(password: str, version: RuleVersion) -> None:
    rules = {r.key: r.met for r in checklist(password, version)}
    assert rules["length"] == (len(password) >= min_length(version))
    for key in ("special", "digit", "upper", "lower"):
        assert rules[key] == _expected(password, key)


@given(st.text(), st.text(), st.text(), st.text(), st.dates())
def test_never_raises(
    password: str, confirmation: str, identifier: str, name: str, birth: datetime.date
) -> None:
    result = check_password(
        password,
        confirmation,
        version=V25,
        identifier=identifier,
        first_name=name,
        last_name=name,
        birth_date=birth,
    )
    assert set(result) <= {"password", "confirmation"}
    assert ("confirmation" in result) == (confirmation != password or not confirmation)


def test_production_hashes_use_owasp_first_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2id, 19 MiB, 2 passes, 1 lane (PRODUCT.md, "Safety"), whatever the tests set."""
    monkeypatch.setattr(pw, "_hasher", None)  # the production hasher, restored after
    stored = hash_password(GOOD)
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert verify_password(stored, GOOD)
    assert not pw.needs_rehash(stored)


def test_a_hash_with_other_parameters_needs_rehashing(monkeypatch: pytest.MonkeyPatch) -> None:
    from argon2 import PasswordHasher

    monkeypatch.setattr(pw, "_hasher", None)
    # An older setting (several lanes, as argon2-cffi's own default has), kept light here.
    older = PasswordHasher(time_cost=1, memory_cost=32, parallelism=4).hash(GOOD)
    assert verify_password(older, GOOD)
    assert pw.needs_rehash(older)
    for unusable in ("", "not a hash"):
        assert not pw.needs_rehash(unusable)
