"""Vitale serial: both card models, and the numbers people type by mistake."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.vitale import (
    PHOTO_PREFIX,
    TECHNICAL_NUMBER,
    check_serial,
    full_serial,
    normalize_serial,
    serial_matches,
)
from mes_sante_tui.wording import t

WITH = CardModel.WITH_PHOTO
WITHOUT = CardModel.WITHOUT_PHOTO
TODAY = datetime.date(2026, 3, 15)
NIR = "269054958815780"
CORSICA_NIR = "290052A00412352"


def error(raw: str, model: CardModel, **kwargs: object) -> str | None:
    return check_serial(raw, model, **kwargs).error  # type: ignore[arg-type]


def test_messages_follow_the_product_wording() -> None:
    assert t("serial.digits_only") == "Saisir uniquement des chiffres"
    assert t("serial.length_without_photo") == (
        "Format invalide, le numéro de série doit contenir entre 8 et 13 chiffres"
    )
    assert t("serial.length_with_photo") == (
        "Format invalide, le numéro de série doit contenir 11 chiffres"
    )


def test_constants() -> None:
    assert PHOTO_PREFIX == "8025000002"
    assert TECHNICAL_NUMBER == "80250000025"


@pytest.mark.parametrize("model", [WITH, WITHOUT])
@pytest.mark.parametrize("raw", ["", "   ", "\t"])
def test_required(raw: str, model: CardModel) -> None:
    assert error(raw, model) == t("serial.required")


@pytest.mark.parametrize("model", [WITH, WITHOUT])
@pytest.mark.parametrize(
    "raw", ["1234567a", "ABCDEFGHIJK", "0102-457612", "0102457612.4", "١٢٣٤٥٦٧٨"]
)
def test_digits_only(raw: str, model: CardModel) -> None:
    assert error(raw, model) == t("serial.digits_only")


@pytest.mark.parametrize("raw", ["1234567", "12345678901234", "1"])
def test_length_without_photo(raw: str) -> None:
    assert error(raw, WITHOUT) == t("serial.length_without_photo")


@pytest.mark.parametrize("raw", ["12345679", "1234567890123", "123456789"])
def test_lengths_accepted_without_photo(raw: str) -> None:
    assert check_serial(raw, WITHOUT, nir=NIR, today=TODAY).value == raw


@pytest.mark.parametrize("raw", ["1234567890", "123456789012", "12345679", "1234567890123"])
def test_length_with_photo(raw: str) -> None:
    assert error(raw, WITH) == t("serial.length_with_photo")


def test_with_photo_typed_as_on_the_card() -> None:
    assert check_serial("0102457612 4", WITH, nir=NIR, today=TODAY).value == "01024576124"
    assert check_serial(" 01 02 45 76 12 4\t", WITH).value == "01024576124"


@pytest.mark.parametrize("model", [WITH, WITHOUT])
def test_technical_number(model: CardModel) -> None:
    assert error("8025 0000 025", model) == t("serial.is_technical")


@pytest.mark.parametrize("raw", ["05041980", "29022024", "01011900", "15032026"])
def test_date(raw: str) -> None:
    assert error(raw, WITHOUT, today=TODAY) == t("serial.is_date")


@pytest.mark.parametrize("raw", ["31041980", "29022023", "01131980", "01011899", "16032099"])
def test_not_a_date(raw: str) -> None:
    assert check_serial(raw, WITHOUT, today=TODAY).ok


def test_date_limit_without_today() -> None:
    assert error("01012100", WITHOUT) == t("serial.is_date")
    assert check_serial("01012101", WITHOUT).ok
    assert check_serial("01012030", WITHOUT, today=TODAY).ok


@pytest.mark.parametrize("raw", ["26905495", "2690549588157", "4958815780", "58815780"])
def test_part_of_the_nir(raw: str) -> None:
    assert error(raw, WITHOUT, nir=NIR) == t("serial.is_nir")
    assert error(raw, WITHOUT, nir="2 69 05 49 588 157 80") == t("serial.is_nir")
    assert check_serial(raw, WITHOUT).ok  # without the NIR, nothing to compare with


def test_part_of_the_nir_with_photo() -> None:
    assert error("69054958815", WITH, nir=NIR) == t("serial.is_nir")


def test_corsica_letters_are_kept() -> None:
    # Digits after 2A are part of the NIR, but digits on both sides of 2A never join up.
    assert error("00412352", WITHOUT, nir=CORSICA_NIR) == t("serial.is_nir")
    assert check_serial("29005200", WITHOUT, nir=CORSICA_NIR).ok
    assert check_serial("2900519004", WITHOUT, nir=CORSICA_NIR).ok


def test_full_serial_and_matching() -> None:
    assert full_serial(WITH, "01024576124") == "802500000201024576124"
    assert full_serial(WITHOUT, "12345679") == "12345679"
    assert serial_matches(WITH, "802500000201024576124", "0102457612 4")
    assert not serial_matches(WITH, "802500000201024576124", "01024576125")
    assert serial_matches(WITHOUT, "12345679", "1234 5679")
    assert not serial_matches(WITHOUT, "802500000201024576124", "01024576124")
    assert not serial_matches(WITHOUT, "12345679", "é")  # non-ASCII never raises


@given(st.text(), st.sampled_from(list(CardModel)), st.none() | st.text(), st.none() | st.dates())
def test_never_raises(
    raw: str, model: CardModel, nir: str | None, today: datetime.date | None
) -> None:
    checked = check_serial(raw, model, nir=nir, today=today)
    assert (checked.value is None) != (checked.error is None)
    if checked.value is not None:
        assert checked.value == normalize_serial(raw)
    serial_matches(model, raw, raw)


@given(st.from_regex(r"[0-9]{8,13}", fullmatch=True))
def test_digits_without_photo_are_accepted_or_explained(raw: str) -> None:
    checked = check_serial(raw, WITHOUT, nir=NIR, today=TODAY)
    assert checked.ok or checked.error in {
        t("serial.is_technical"),
        t("serial.is_date"),
        t("serial.is_nir"),
    }
