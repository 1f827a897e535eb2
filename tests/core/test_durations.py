"""Waits said in words with French plurals (PRODUCT.md, "Safety"): never « minute(s) »."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mes_sante_tui.core.durations import duration_words, wait_words
from mes_sante_tui.wording import FR, count


@pytest.mark.parametrize(
    ("delta", "words"),
    [
        (timedelta(seconds=0), "1 seconde"),
        (timedelta(milliseconds=200), "1 seconde"),
        (timedelta(seconds=1), "1 seconde"),
        (timedelta(seconds=2), "2 secondes"),
        (timedelta(seconds=55, milliseconds=1), "56 secondes"),
        (timedelta(seconds=59), "59 secondes"),
        (timedelta(seconds=60), "1 minute"),
        (timedelta(seconds=61), "2 minutes"),
        (timedelta(minutes=2), "2 minutes"),
        (timedelta(minutes=59, seconds=30), "1 heure"),
        (timedelta(minutes=60), "1 heure"),
        (timedelta(minutes=61), "1 heure 1 minute"),
        (timedelta(minutes=63), "1 heure 3 minutes"),
        (timedelta(hours=2), "2 heures"),
        (timedelta(hours=2, minutes=1), "2 heures 1 minute"),
        (timedelta(days=1), "1 jour"),
        (timedelta(days=2, hours=1, minutes=4), "2 jours 1 heure 4 minutes"),
        (timedelta(minutes=1024), "17 heures 4 minutes"),  # the 11th doubling of 1 minute
    ],
)
def test_a_wait_reads_with_french_plurals(delta: timedelta, words: str) -> None:
    assert wait_words(delta) == words


def test_the_wait_is_rounded_up_never_down() -> None:
    assert wait_words(timedelta(seconds=60, microseconds=1)) == "2 minutes"


@pytest.mark.parametrize(
    ("delta", "exact", "wait"),
    [
        (timedelta(0), "0 seconde", "1 seconde"),
        (timedelta(seconds=1, milliseconds=500), "1 seconde", "2 secondes"),
        (timedelta(seconds=90), "1 minute 30 secondes", "2 minutes"),
        (timedelta(minutes=15), "15 minutes", "15 minutes"),
        (timedelta(hours=1, seconds=1), "1 heure 1 seconde", "1 heure 1 minute"),
        (timedelta(days=7), "7 jours", "7 jours"),
        (timedelta(days=1, hours=2, minutes=3, seconds=4), "1 jour 2 heures 3 minutes 4 secondes",
         "1 jour 2 heures 4 minutes"),
    ],
)
def test_a_setting_is_said_exactly_and_a_wait_rounded_up_by_one_way_of_saying(
    delta: timedelta, exact: str, wait: str
) -> None:
    """A figure of the settings is said as it is (`duration_words`); a wait is first rounded
    up (to the second, to the minute past one minute), then said the same way."""
    assert (duration_words(delta), wait_words(delta)) == (exact, wait)


@pytest.mark.parametrize(("n", "words"), [(0, "0 minute"), (1, "1 minute"), (2, "2 minutes")])
def test_count_takes_the_singular_for_zero_and_one(n: int, words: str) -> None:
    assert count("wait.minute", n) == words


def test_no_text_of_the_catalogue_hedges_a_plural_of_a_wait() -> None:
    hedged = ("seconde(s)", "minute(s)", "heure(s)", "jour(s)")
    assert [key for key, text in FR.items() if any(h in text for h in hedged)] == []
