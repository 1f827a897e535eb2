"""NIR rules: every message, Corsica, key 97, born abroad, temporary and fictitious numbers."""

from __future__ import annotations

import pytest
import stdnum.fr.nir
from hypothesis import given
from hypothesis import strategies as st
from stdnum.exceptions import InvalidChecksum

from mes_sante_tui.core.nir import check_nir, format_nir, make_nir, nir_key, normalize_nir
from mes_sante_tui.wording import t

VALID = "269054958815780"
CORSICA_2A = "290052A00412352"
CORSICA_2B = "178032B03304587"
KEY_97 = "155125555555597"
BORN_ABROAD = "285079935001225"


def error(raw: str) -> str | None:
    return check_nir(raw).error


def test_messages_follow_the_product_wording() -> None:
    assert t("nir.required") == "Saisir le numéro de sécurité sociale"
    assert t("nir.length") == "Le numéro de sécurité sociale doit contenir 15 caractères"
    assert t("nir.format") == "Format invalide, vérifier le format du numéro de sécurité sociale"


@pytest.mark.parametrize("nir", [VALID, CORSICA_2A, CORSICA_2B, KEY_97, BORN_ABROAD])
def test_valid_numbers_are_accepted_and_normalised(nir: str) -> None:
    checked = check_nir(format_nir(nir))
    assert checked.ok
    assert checked.value == nir
    assert stdnum.fr.nir.is_valid(nir)  # independent cross-check of the fixtures


def test_key_97_comes_from_a_multiple_of_97() -> None:
    assert int(KEY_97[:13]) % 97 == 0
    assert nir_key(KEY_97[:13]) == 97


def test_corsica_key_uses_19_and_18() -> None:
    assert nir_key(CORSICA_2A[:13]) == 97 - int("2900519004123") % 97
    assert nir_key(CORSICA_2B[:13]) == 97 - int("1780318033045") % 97


def test_lowercase_corsica_is_accepted() -> None:
    assert check_nir(CORSICA_2A.lower()).value == CORSICA_2A


@pytest.mark.parametrize("raw", ["", "   ", "\t", "\u00a0"])
def test_empty(raw: str) -> None:
    assert error(raw) == t("nir.required")


@pytest.mark.parametrize("raw", [VALID[:14], VALID + "1", VALID[:1], VALID + "12345"])
def test_length(raw: str) -> None:
    assert error(raw) == t("nir.length")


@pytest.mark.parametrize(
    "raw",
    [
        "2 69 05 49 588 157 80",
        "269 05 49 588 157 80 ",
        "\t2690549\t58815780\n",
        "2\u00a069\u00a005\u00a049\u00a0588\u00a0157\u00a080",
        "2\u202f69 05 49 588 157 80",
    ],
)
def test_pasted_spaces_and_tabs_are_removed(raw: str) -> None:
    assert check_nir(raw).value == VALID


@pytest.mark.parametrize(
    "raw",
    [
        VALID[:13] + "81",  # wrong key
        VALID[:13] + "00",
        "2690549588157A0",  # letter outside the département
        "26905A958815780",
        "2690549588157-0",
        "269052C58815780",  # 2C is not Corsica
        "26905A2588157800"[:15],  # A2 is not Corsica
        "２69054958815780",  # full-width digit
        CORSICA_2A[:13] + "53",
        "1551255555555" + "00",  # key 97 written as 00
    ],
)
def test_bad_characters_or_key(raw: str) -> None:
    assert error(raw) == t("nir.format")


@pytest.mark.parametrize("first", [7, 8])
def test_temporary_numbers(first: int) -> None:
    nir = make_nir(first, 80, 1, "75", "056", 1)
    assert error(nir) == t("nir.temporary")


@pytest.mark.parametrize("month", [20, 30, 42, 50, 99])
def test_fictitious_months(month: int) -> None:
    assert error(make_nir(1, 80, month, "75", "056", 1)) == t("nir.fictitious_month")


def test_temporary_comes_before_fictitious_month() -> None:
    assert error(make_nir(7, 80, 42, "75", "056", 1)) == t("nir.temporary")


@pytest.mark.parametrize(
    ("sex", "month"), [(3, 1), (0, 1), (9, 1), (5, 1), (1, 0), (1, 13), (2, 16), (1, 19)]
)
def test_sex_and_month_out_of_range(sex: int, month: int) -> None:
    assert error(make_nir(sex, 80, month, "75", "056", 1)) == t("nir.format")


def test_format_nir() -> None:
    assert format_nir("155125555555597") == "1 55 12 55 555 555 97"
    assert format_nir(CORSICA_2A) == "2 90 05 2A 004 123 52"
    assert format_nir("2 9 0 0 5 2a") == "2 90 05 2A"  # partial entry, as far as it goes
    assert format_nir("") == ""


def test_normalize_nir() -> None:
    assert normalize_nir(" 2 90 05 2a\t004 123 52\n") == CORSICA_2A


def test_make_nir_rejects_impossible_parts() -> None:
    with pytest.raises(ValueError):
        make_nir(1, 80, 1, "7", "056", 1)
    with pytest.raises(ValueError):
        make_nir(1, 80, 1, "2C", "056", 1)
    with pytest.raises(ValueError):
        make_nir(1, 80, 1, "75", "056", 1000)


def test_make_nir_overseas_department() -> None:
    nir = make_nir(1, 80, 1, "971", "05", 12)
    assert nir.startswith("180019710501")
    assert check_nir(nir).ok


def test_nir_key_rejects_wrong_input() -> None:
    with pytest.raises(ValueError):
        nir_key("12345")
    with pytest.raises(ValueError):
        nir_key("12345ZZ123456")


departments = st.one_of(
    st.integers(1, 95).filter(lambda d: d != 20).map(lambda d: f"{d:02d}"),
    st.sampled_from(["2A", "2B", "99"]),
)


@given(
    sex=st.sampled_from([1, 2]),
    year2=st.integers(0, 99),
    month=st.integers(1, 12),
    dept=departments,
    commune=st.integers(1, 999).map(lambda c: f"{c:03d}"),
    order=st.integers(1, 999),
)
def test_numbers_built_by_make_nir_pass(
    sex: int, year2: int, month: int, dept: str, commune: str, order: int
) -> None:
    nir = make_nir(sex, year2, month, dept, commune, order)
    assert check_nir(nir).value == nir
    assert stdnum.fr.nir.is_valid(nir)
    formatted = format_nir(nir)
    assert formatted == stdnum.fr.nir.format(nir)
    assert normalize_nir(formatted) == nir
    assert check_nir(formatted).value == nir
    assert 1 <= nir_key(nir[:13]) <= 97


@given(
    head=st.integers(10_000, 29_999).map(str),
    dept=departments,
    tail=st.integers(0, 999_999).map(lambda n: f"{n:06d}"),
    wrong=st.integers(0, 99),
)
def test_any_other_key_is_refused(head: str, dept: str, tail: str, wrong: int) -> None:
    nir13 = head + dept + tail
    if wrong == nir_key(nir13):
        return
    assert error(f"{nir13}{wrong:02d}") == t("nir.format")


@given(st.text())
def test_never_raises(raw: str) -> None:
    checked = check_nir(raw)
    assert (checked.value is None) != (checked.error is None)
    format_nir(raw)


def test_the_key_is_checked_by_stdnum(monkeypatch: pytest.MonkeyPatch) -> None:
    """Length, characters and key are python-stdnum's: when it says no, the service's
    format message is shown; the stricter rules stay on top."""
    valid = make_nir(2, 73, 3, "44", "109", 38)
    assert check_nir(valid).ok

    def refuse(number: str) -> str:
        raise InvalidChecksum()

    monkeypatch.setattr(stdnum.fr.nir, "validate", refuse)
    assert check_nir(valid).error == t("nir.format")
