"""The catalogue says a few things the same way everywhere (issue 7, D23)."""

from __future__ import annotations

import re

import pytest

from mes_sante_tui.wording import FR, t
from mes_sante_tui.wording.rules import PRICE_3422

DELETION_KEYS = (
    "reopen.deletion_pending",
    "space.closed.deletion",
    "outbox.closed.deletion",
    "close_profile.deletion",
)


def test_the_price_of_the_3422_is_always_a_local_call() -> None:
    assert PRICE_3422 == "service gratuit + prix d'un appel local"
    priced = {key: text for key, text in FR.items() if "prix d'un appel" in text}
    assert priced, "the price of the 3422 is said somewhere"
    for key, text in priced.items():
        assert text.count("prix d'un appel") == text.count(PRICE_3422), key
    # The help of every screen gives it with the line.
    assert PRICE_3422 in t("help.3422.line") and PRICE_3422 in t("outcome.contact")


def test_not_activable_is_said_once_on_its_outcome_screen() -> None:
    shown = [
        t("outcome.not_activable.title"),
        t("identify.not_activable"),
        t("outcome.not_activable.next"),
        t("outcome.contact"),
    ]
    assert shown[0] == "Ce profil ne peut pas être activé"
    assert sum(text.count("ne peut pas être activé") for text in shown) == 1
    assert "3422" in t("identify.not_activable") and "8h30 à 17h30" in t("identify.not_activable")


@pytest.mark.parametrize("key", DELETION_KEYS)
def test_a_pending_deletion_never_promises_a_reopening(key: str) -> None:
    text = FR[key]
    promises = re.compile(
        r"(?<!ne )pourra être rouvert|rouvert une fois|avant cette date|D.ici là"
    )
    assert promises.search(text) is None, text
    assert "rouvert" in text and "nouvel espace, vide" in text, text
