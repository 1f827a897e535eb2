"""E-mail and mobile: accepted spellings, refusals, formatting and masking."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_sante_tui.core.contacts import (
    check_email,
    check_mobile,
    format_mobile,
    mask_email,
    mask_mobile,
)
from mes_sante_tui.wording import t


def test_messages_follow_the_product_wording() -> None:
    assert t("email.invalid") == "Saisir une adresse e-mail valide"
    assert t("mobile.invalid") == "Saisir un numéro de téléphone valide."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("dlfr-cn5-tma-support-cobra@atos.net", "dlfr-cn5-tma-support-cobra@atos.net"),
        ("  Jean.Dupont@Exemple.FR ", "Jean.Dupont@exemple.fr"),
        ("a+b_c@mail.exemple.org", "a+b_c@mail.exemple.org"),
        ("o'neil@x-y.fr", "o'neil@x-y.fr"),
    ],
)
def test_valid_emails(raw: str, expected: str) -> None:
    assert check_email(raw).value == expected


@pytest.mark.parametrize("raw", ["", "   ", "\t"])
def test_email_required(raw: str) -> None:
    assert check_email(raw).error == t("email.required")


@pytest.mark.parametrize(
    "raw",
    [
        "jean.dupont",
        "jean@",
        "@exemple.fr",
        "jean@exemple",
        "jean@@exemple.fr",
        "jean@dupont@exemple.fr",
        "jean dupont@exemple.fr",
        "jean@exem ple.fr",
        ".jean@exemple.fr",
        "jean.@exemple.fr",
        "jean..dupont@exemple.fr",
        "jean@-exemple.fr",
        "jean@exemple-.fr",
        "jean@exemple..fr",
        "jean@exemple.f",
        "jean@exemple.123",
        "jéan@exemple.fr",
        "jean@exémple.fr",
        "jean(x)@exemple.fr",
        "a" * 65 + "@exemple.fr",
        "a@" + "b" * 250 + ".fr",
    ],
)
def test_invalid_emails(raw: str) -> None:
    assert check_email(raw).error == t("email.invalid")


@pytest.mark.parametrize(
    "raw",
    [
        "06 11 12 13 14",
        "0611121314",
        "06.11.12.13.14",
        "06-11-12-13-14",
        "+33 6 11 12 13 14",
        "+33611121314",
        "0033611121314",
        "0033 6 11 12 13 14",
        "+33 (0)6 11 12 13 14",
        " 06 11 12 13 14\t",
    ],
)
def test_valid_mobiles(raw: str) -> None:
    assert check_mobile(raw).value == "0611121314"


def test_07_mobiles() -> None:
    assert check_mobile("07 81 12 13 14").value == "0781121314"


@pytest.mark.parametrize("raw", ["", "  "])
def test_mobile_required(raw: str) -> None:
    assert check_mobile(raw).error == t("mobile.required")


@pytest.mark.parametrize(
    "raw",
    [
        "01 23 45 67 89",  # landline
        "09 71 12 13 14",
        "06 11 12 13 1",
        "06 11 12 13 145",
        "6 11 12 13 14",
        "+44 7911 123456",
        "+33 1 23 45 67 89",
        "06 11 12 13 1a",
        "０６１１１２１３１４",
        "+3306 11 12 13 14",
    ],
)
def test_invalid_mobiles(raw: str) -> None:
    assert check_mobile(raw).error == t("mobile.invalid")


def test_format_mobile() -> None:
    assert format_mobile("0611121314") == "06 11 12 13 14"
    assert format_mobile("+33611121314") == "06 11 12 13 14"
    assert format_mobile("pas un numéro") == "pas un numéro"


def test_mask_email() -> None:
    assert mask_email("dlfr-cn5-tma-support-cobra@atos.net") == "dlf*****@atos.net"
    assert mask_email("jo@exemple.fr") == "jo*****@exemple.fr"
    assert mask_email("abc@exemple.fr") == "abc*****@exemple.fr"


def test_mask_mobile() -> None:
    assert mask_mobile("0663781377") == "** ** ** *3 77"
    assert mask_mobile("06 63 78 13 77") == "** ** ** *3 77"
    assert mask_mobile("+33663781377") == "** ** ** *3 77"


@given(st.from_regex(r"0[67][0-9]{8}", fullmatch=True))
def test_mobiles_round_trip(m: str) -> None:
    assert check_mobile(format_mobile(m)).value == m
    assert check_mobile("+33" + m[1:]).value == m
    masked = mask_mobile(m)
    assert masked.endswith(f"{m[7]} {m[8:]}")
    assert masked.count("*") == 7


@given(st.text())
def test_never_raise(raw: str) -> None:
    for checked in (check_email(raw), check_mobile(raw)):
        assert (checked.value is None) != (checked.error is None)
    mask_email(raw)
    mask_mobile(raw)
    format_mobile(raw)
