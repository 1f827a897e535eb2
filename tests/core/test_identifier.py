"""Identifier rules and suggestions of free alternatives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_sante_tui.core.identifier import (
    MAX_LENGTH,
    MIN_LENGTH,
    check_identifier,
    suggest_identifiers,
)
from mes_sante_tui.wording import t

NIR = "269054958815780"


def error(raw: str, nir: str | None = None) -> str | None:
    return check_identifier(raw, nir=nir).error


def test_constants() -> None:
    assert (MIN_LENGTH, MAX_LENGTH) == (8, 100)


@pytest.mark.parametrize(
    "raw", ["jean.dupont", "j.dupont-75_2", "a" * 8, "a" * 100, "12345678", "fr-76-banque"]
)
def test_accepted(raw: str) -> None:
    assert check_identifier(raw).value == raw


def test_surrounding_whitespace_is_stripped() -> None:
    assert check_identifier("  jean.dupont\t").value == "jean.dupont"


@pytest.mark.parametrize("raw", ["", "   "])
def test_required(raw: str) -> None:
    assert error(raw) == t("identifier.required")


@pytest.mark.parametrize("raw", ["jean.dupont@exemple.fr", "jean@dupont", "@"])
def test_email(raw: str) -> None:
    assert error(raw) == t("identifier.email")


@pytest.mark.parametrize("raw", ["Jean.dupont", "JEANDUPONT", "jean.Éric"])
def test_uppercase(raw: str) -> None:
    assert error(raw) == t("identifier.uppercase")


@pytest.mark.parametrize(
    "raw", ["jean.dupönt", "hélène.martin", "jean dupont", "jean+dupont", "jean'dupont", "ß" * 9]
)
def test_charset(raw: str) -> None:
    assert error(raw) == t("identifier.charset")


@pytest.mark.parametrize("raw", ["a" * 7, "a" * 101, "j.dupon"])
def test_length(raw: str) -> None:
    assert error(raw) == t("identifier.length")


@pytest.mark.parametrize(
    "raw",
    [
        NIR,
        "290052a00412352",  # Corsica, typed in lowercase
        "155125555555597",  # key 97
        "2690549588157",  # 13 digits: a NIR without its key
        "2.69.05.49.588.157.80",
        "2-69-05-49-588-157-80",
    ],
)
def test_nir(raw: str) -> None:
    assert error(raw) == t("identifier.nir")


def test_the_given_nir_is_refused_even_with_a_wrong_key() -> None:
    assert check_identifier("269054958815781").ok
    assert error("269054958815781", nir="2 69 05 49 588 157 81") == t("identifier.nir")


def test_fifteen_digits_with_a_wrong_key_are_allowed() -> None:
    assert check_identifier("123456789012345").ok


@pytest.mark.parametrize(
    "raw", ["fr7630006000011234567890189", "fr761234", "fr76.3000.6000.0112", "fr76-3000-6000"]
)
def test_iban(raw: str) -> None:
    assert error(raw) == t("identifier.iban")


def test_order_of_checks() -> None:
    assert error("Jean@X") == t("identifier.email")
    assert error("Jé") == t("identifier.uppercase")
    assert error("é") == t("identifier.charset")
    assert error("FR7630006000011234567890189") == t("identifier.uppercase")


def test_suggestions_are_free_valid_and_deterministic() -> None:
    taken = {"jean.dupont", "jean.dupont1"}
    suggestions = suggest_identifiers("jean.dupont", taken.__contains__)
    assert suggestions == ["jean.dupont.2", "jean.dupont_3", "jean.dupont4"]
    assert suggestions == suggest_identifiers("jean.dupont", taken.__contains__)


def test_suggestions_for_short_or_odd_wishes() -> None:
    never = lambda _: False  # noqa: E731
    for wanted in ["jean", "Hélène Martin", "j@exemple.fr", "", "!!!", "a" * 100, "É" * 200]:
        suggestions = suggest_identifiers(wanted, never, 5)
        assert len(suggestions) == 5
        assert len(set(suggestions)) == 5
        assert all(check_identifier(s).value == s for s in suggestions)
    assert suggest_identifiers("Hélène Martin", never, 1) == ["helene.martin1"]
    assert suggest_identifiers("jean", never, 2) == ["jean1000", "jean.101"]


def test_suggestions_never_carry_a_nir_or_an_iban() -> None:
    never = lambda _: False  # noqa: E731
    for wanted in [NIR, "2690549588157", "fr7630006000011234567890189"]:
        for suggestion in suggest_identifiers(wanted, never):
            assert "2690549588157" not in suggestion
            assert "fr76" not in suggestion


def test_suggestions_when_everything_is_taken() -> None:
    assert suggest_identifiers("jean.dupont", lambda _: True) == []
    assert suggest_identifiers("jean.dupont", lambda _: False, 0) == []


@given(st.text(max_size=120), st.integers(0, 4))
def test_suggestions_always_valid(wanted: str, count: int) -> None:
    taken = {wanted.strip()}
    suggestions = suggest_identifiers(wanted, taken.__contains__, count)
    assert len(suggestions) == count
    assert all(check_identifier(s).ok and s not in taken for s in suggestions)


@given(st.text(), st.none() | st.text())
def test_never_raises(raw: str, nir: str | None) -> None:
    checked = check_identifier(raw, nir=nir)
    assert (checked.value is None) != (checked.error is None)
