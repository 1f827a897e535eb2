"""Shapes of the provisional code and the one-time code."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_sante_tui.core.codeformat import (
    OTP_LENGTH,
    PROVISIONAL_CODE_LENGTH,
    check_otp,
    check_provisional_code,
)
from mes_sante_tui.wording import t


def test_constants_and_wording() -> None:
    assert (PROVISIONAL_CODE_LENGTH, OTP_LENGTH) == (12, 6)
    assert t("code.length") == "Le code doit contenir 12 caractères"
    assert t("code.charset") == "Cette saisie contient un caractère non autorisé"
    assert t("otp.required") == "Saisir un code à usage unique"
    assert t("otp.format") == "Saisir un code valide"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ab3dE5gH9jK2", "Ab3dE5gH9jK2"),
        ("  Ab3d E5gH 9jK2\n", "Ab3dE5gH9jK2"),
        ("ab3d\te5gh\t9jk2", "ab3de5gh9jk2"),
        ("123456789012", "123456789012"),
    ],
)
def test_provisional_code_accepted_case_kept(raw: str, expected: str) -> None:
    assert check_provisional_code(raw).value == expected


@pytest.mark.parametrize("raw", ["", "  ", "\t\n"])
def test_provisional_code_required(raw: str) -> None:
    assert check_provisional_code(raw).error == t("code.required")


@pytest.mark.parametrize("raw", ["Ab3dE5gH9jK-", "Ab3dé5gH9jK2", "Ab3d_5", "Ab3dE5gH9jK2!", "ｱ"])
def test_provisional_code_charset(raw: str) -> None:
    assert check_provisional_code(raw).error == t("code.charset")


@pytest.mark.parametrize("raw", ["Ab3dE5gH9jK", "Ab3dE5gH9jK23", "A"])
def test_provisional_code_length(raw: str) -> None:
    assert check_provisional_code(raw).error == t("code.length")


@pytest.mark.parametrize(("raw", "expected"), [("123456", "123456"), (" 123 456 ", "123456")])
def test_otp_accepted(raw: str, expected: str) -> None:
    assert check_otp(raw).value == expected


@pytest.mark.parametrize("raw", ["", " \t"])
def test_otp_required(raw: str) -> None:
    assert check_otp(raw).error == t("otp.required")


@pytest.mark.parametrize("raw", ["12345", "1234567", "12345a", "12-456", "١٢٣٤٥٦"])
def test_otp_format(raw: str) -> None:
    assert check_otp(raw).error == t("otp.format")


@given(st.text(st.sampled_from("ABCxyz0189"), min_size=12, max_size=12))
def test_any_12_alphanumerics_pass(code: str) -> None:
    assert check_provisional_code(code).value == code


@given(st.text())
def test_never_raise(raw: str) -> None:
    for checked in (check_provisional_code(raw), check_otp(raw)):
        assert (checked.value is None) != (checked.error is None)
