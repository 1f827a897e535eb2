"""The service's unpublished figures: read, checked, kept in the store, back to defaults."""

from __future__ import annotations

from datetime import timedelta

import pytest

from mes_sante_tui.core.services import open_services
from mes_sante_tui.core.settings import (
    Figure,
    FigureError,
    Settings,
    figure_named,
    figure_typed,
    figure_words,
    figures_of,
    forget_figures,
    load_figures,
    read_figure,
    save_figures,
    stored_figures,
    with_figures,
)
from mes_sante_tui.core.store import Store


@pytest.mark.parametrize(
    ("figure", "raw", "value"),
    [
        (Figure.ATTEMPTS, "3", 3),
        (Figure.ATTEMPTS, " 20 ", 20),
        (Figure.SESSION, "20m", timedelta(minutes=20)),
        (Figure.SESSION, "1 h", timedelta(hours=1)),
        (Figure.SESSION, "90min", timedelta(minutes=90)),
        (Figure.WARNING, "30s", timedelta(seconds=30)),
        (Figure.CODE_VALIDITY, "7j", timedelta(days=7)),
        (Figure.CODE_VALIDITY, "2sem", timedelta(weeks=2)),
        (Figure.CODE_VALIDITY, "48H", timedelta(hours=48)),
    ],
)
def test_a_figure_is_read_with_its_unit(figure: Figure, raw: str, value: object) -> None:
    assert read_figure(figure, raw) == value


@pytest.mark.parametrize(
    ("figure", "raw", "words"),
    [
        (Figure.ATTEMPTS, "0", ["« 0 » est hors des limites", "entre 1 essai et 20 essais"]),
        (Figure.ATTEMPTS, "-2", ["« -2 » n'est pas un nombre", "essais"]),
        (Figure.ATTEMPTS, "trois", ["« trois » n'est pas un nombre"]),
        (Figure.ATTEMPTS, "21", ["hors des limites"]),
        (Figure.ATTEMPTS, "３", ["n'est pas un nombre"]),
        (Figure.SESSION, "20", ["n'est pas une durée", "20m ou 7j"]),
        (Figure.SESSION, "0m", ["hors des limites", "entre 2 minutes et 4 heures"]),
        (Figure.SESSION, "5h", ["hors des limites"]),
        (Figure.SESSION, "20 lunes", ["n'est pas une durée"]),
        (Figure.CODE_VALIDITY, "43j", ["entre 1 minute et 42 jours"]),
        (Figure.WARNING, "5s", ["hors des limites"]),
    ],
)
def test_a_bad_value_is_refused_in_french(figure: Figure, raw: str, words: list[str]) -> None:
    with pytest.raises(FigureError) as refused:
        read_figure(figure, raw)
    for word in words:
        assert word in refused.value.message
    assert figure.value in refused.value.message


def test_an_unknown_figure_names_the_known_ones() -> None:
    assert figure_named(" Essais ") is Figure.ATTEMPTS
    with pytest.raises(FigureError) as refused:
        figure_named("patience")
    assert "« patience » inconnu" in refused.value.message
    assert "validite-code, essais, session, avertissement" in refused.value.message


def test_the_defaults_are_the_service_settings() -> None:
    assert figures_of(Settings()) == {
        Figure.CODE_VALIDITY: timedelta(days=7),
        Figure.ATTEMPTS: 5,
        Figure.SESSION: timedelta(minutes=15),
        Figure.WARNING: timedelta(minutes=2),
    }


def test_the_number_of_wrong_entries_is_the_same_for_codes_and_login() -> None:
    changed = with_figures(Settings(), {Figure.ATTEMPTS: 3})
    assert (changed.max_code_failures, changed.max_login_failures) == (3, 3)


def test_only_the_figures_given_change() -> None:
    chosen = Settings(max_code_failures=4, max_login_failures=2)
    assert with_figures(chosen, {}) == chosen
    changed = with_figures(chosen, {Figure.SESSION: timedelta(minutes=30)})
    assert (changed.max_code_failures, changed.max_login_failures) == (4, 2)
    assert changed.session_timeout == timedelta(minutes=30)


def test_the_warning_must_come_before_the_end_of_the_session() -> None:
    with pytest.raises(FigureError, match="avant la fin de la session"):
        with_figures(Settings(), {Figure.SESSION: timedelta(minutes=2)})
    shorter = with_figures(
        Settings(), {Figure.SESSION: timedelta(minutes=2), Figure.WARNING: timedelta(seconds=30)}
    )
    assert shorter.session_timeout == timedelta(minutes=2)


def test_figures_are_kept_in_the_store_and_read_when_it_opens(tmp_path: object) -> None:
    store = Store(":memory:")
    assert load_figures(store, Settings()) == Settings()
    save_figures(store, {Figure.ATTEMPTS: 3, Figure.SESSION: timedelta(minutes=20)})
    assert stored_figures(store) == {Figure.ATTEMPTS: 3, Figure.SESSION: timedelta(minutes=20)}
    loaded = load_figures(store, Settings())
    assert loaded.max_code_failures == 3 and loaded.session_timeout == timedelta(minutes=20)
    assert loaded.regenerated_code_validity == timedelta(days=7)  # not set: the default
    forget_figures(store)
    assert stored_figures(store) == {} and load_figures(store, Settings()) == Settings()


def test_a_value_changed_by_hand_in_the_store_is_ignored() -> None:
    store = Store(":memory:")
    store.set_meta("figure.essais", "0")
    store.set_meta("figure.session", "beaucoup")
    assert stored_figures(store) == {}


def test_the_engine_of_a_store_uses_its_figures(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "x.db"
    services = open_services(path)
    save_figures(services.store, {Figure.ATTEMPTS: 2})
    services.close()
    services = open_services(path)
    try:
        assert services.engine.settings.max_code_failures == 2
    finally:
        services.close()


@pytest.mark.parametrize(
    ("figure", "value", "typed", "words"),
    [
        (Figure.CODE_VALIDITY, timedelta(days=7), "7j", "7 jours"),
        (Figure.SESSION, timedelta(minutes=90), "90m", "1 heure 30 minutes"),
        (Figure.WARNING, timedelta(seconds=30), "30s", "30 secondes"),
        (Figure.ATTEMPTS, 1, "1", "1 essai"),
    ],
)
def test_a_figure_is_said_in_words_and_typed_back(
    figure: Figure, value: timedelta | int, typed: str, words: str
) -> None:
    assert figure_words(figure, value) == words
    assert figure_typed(figure, value) == typed
    assert read_figure(figure, typed) == value
