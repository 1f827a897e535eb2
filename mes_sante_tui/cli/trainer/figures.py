"""`reglages`: the service's unpublished figures (delays, attempts) of a store, shown,
changed one at a time, or put back to their defaults."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import (
    Figure,
    FigureError,
    Settings,
    figure_named,
    figure_typed,
    figure_words,
    figures_of,
    forget_figures,
    read_figure,
    save_figures,
    stored_figures,
    with_figures,
)
from mes_sante_tui.wording import t

from ..context import EXIT_OK, Context, fail, print_json, usage


def cmd_reglages(services: Services, context: Context) -> int:
    """Show the figures; `reglages NOM VALEUR` changes one, `--defaut` restores them all."""
    store, args = services.store, context.args
    name: str | None = args.reglage
    raw: str | None = args.valeur
    if args.defaut and name is not None:
        return usage(t("cli.reglages.defaut_alone"))
    # Read once: what is shown afterwards is this, with the change made here (a value that
    # `read_figure` accepted is the one the store gives back).
    stored = stored_figures(store)
    if args.defaut:
        forget_figures(store)
        stored = {}
    elif name is not None:
        try:
            figure = figure_named(name)
            if raw is None:
                return usage(t("cli.reglages.value_missing", name=figure.value))
            value = read_figure(figure, raw)
            current = with_figures(Settings(), stored)
            with_figures(current, {figure: value})  # the warning still before the end
        except FigureError as refused:
            return fail(refused.message)
        save_figures(store, {figure: value})
        stored = {**stored, figure: value}
    settings = with_figures(Settings(), stored)
    if context.json:
        print_json(_records(settings, stored))
        return EXIT_OK
    from .. import render

    if args.defaut:
        render.sentences(t("cli.reglages.restored"))
    elif name is not None:
        render.sentences(t(
            "cli.reglages.done", name=figure.value,
            value=figure_words(figure, figures_of(settings)[figure]),
        ))
    render.table(
        [t("cli.reglages.name"), t("cli.reglages.what"), t("cli.reglages.value"),
         t("cli.reglages.state")],
        [
            [r["name"], t(f"figure.{r['name']}"), r["words"],
             t("figure.changed") if r["changed"] else t("figure.default")]
            for r in _records(settings, stored)
        ],
        title=t("cli.reglages.title"),
        keep_whole=(0,),
    )
    render.sentences(t("cli.reglages.hint"))
    return EXIT_OK


def _records(settings: Settings, stored: dict[Figure, Any]) -> list[dict[str, Any]]:
    defaults = figures_of(Settings())
    records = []
    for figure, value in figures_of(settings).items():
        records.append({
            "name": figure.value,
            "value": int(value.total_seconds()) if isinstance(value, timedelta) else value,
            "unit": "secondes" if isinstance(value, timedelta) else "essais",
            "typed": figure_typed(figure, value),
            "words": figure_words(figure, value),
            "default": figure_typed(figure, defaults[figure]),
            "changed": figure in stored and value != defaults[figure],
        })
    return records
