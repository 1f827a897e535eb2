"""Date of birth: accepted spellings and each message, in the service's order."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mes_sante_tui.core.birthdate import check_birth_date, format_date
from mes_sante_tui.wording import t

TODAY = datetime.date(2026, 3, 15)


def error(raw: str) -> str | None:
    return check_birth_date(raw, TODAY).error


@pytest.mark.parametrize(
    "raw",
    [
        "05/04/1980",
        " 05/04/1980 ",
        "\t05/04/1980\n",
        "05041980",
        "05-04-1980",
        "05.04.1980",
        "05 04 1980",
        "5/4/1980",
        "05 / 04 / 1980",
    ],
)
def test_accepted_spellings(raw: str) -> None:
    assert check_birth_date(raw, TODAY).value == datetime.date(1980, 4, 5)


def test_bounds_are_accepted() -> None:
    assert check_birth_date("01/01/1900", TODAY).ok
    assert check_birth_date("15/03/2026", TODAY).value == TODAY
    assert check_birth_date("29/02/2024", TODAY).value == datetime.date(2024, 2, 29)
    assert check_birth_date("29/02/2000", TODAY).ok


@pytest.mark.parametrize("raw", ["", "  ", "\t\n"])
def test_required(raw: str) -> None:
    assert error(raw) == t("birth.required")


@pytest.mark.parametrize(
    "raw",
    ["5 avril 1980", "05/04", "05/04/1980/1", "0504198", "050419801", "aa/bb/cccc",
     "05/04/19800", "123/04/1980", "05//04/1980", "05_04_1980", "٠٥/٠٤/١٩٨٠"],
)
def test_format(raw: str) -> None:
    assert error(raw) == t("birth.format")


@pytest.mark.parametrize("raw", ["01/01/1899", "05/04/80", "01/01/0000", "01/01/2027"])
def test_year(raw: str) -> None:
    assert error(raw) == t("birth.year", year=2026)
    assert error(raw) == "Saisir une année entre 1900 et 2026"


@pytest.mark.parametrize("raw", ["01/00/1980", "01/13/1980", "01/99/1980"])
def test_month(raw: str) -> None:
    assert error(raw) == t("birth.month") == "Saisir un mois entre 01 et 12"


@pytest.mark.parametrize(
    "raw", ["31/04/1980", "29/02/2023", "29/02/1900", "30/02/2024", "00/01/1980", "32/01/1980"]
)
def test_day(raw: str) -> None:
    assert error(raw) == t("birth.day") == "Saisir un jour calendaire"


@pytest.mark.parametrize("raw", ["16/03/2026", "01/12/2026"])
def test_future(raw: str) -> None:
    assert error(raw) == t("birth.future") == "Saisir une date antérieure à la date du jour"


def test_year_is_checked_before_month_and_day() -> None:
    assert error("31/13/1800") == t("birth.year", year=2026)
    assert error("31/13/1980") == t("birth.month")


def test_format_date() -> None:
    assert format_date(datetime.date(1980, 4, 5)) == "05/04/1980"
    assert format_date(datetime.date(1, 1, 1)) == "01/01/0001"


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=TODAY))
def test_formatted_dates_round_trip(d: datetime.date) -> None:
    assert check_birth_date(format_date(d), TODAY).value == d
    assert check_birth_date(format_date(d).replace("/", ""), TODAY).value == d


@given(st.text(), st.dates())
def test_never_raises(raw: str, today: datetime.date) -> None:
    checked = check_birth_date(raw, today)
    assert (checked.value is None) != (checked.error is None)
