"""A trainer's commands: `scenarios` (the training scenarios) and `reglages` (the service's
unpublished figures), and starting a scenario with `--scenario NAME [--stagiaire NOM]`."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from mes_sante_tui.core import scenarios
from mes_sante_tui.core.scenarios import (
    Run,
    clean_trainee,
    load_scenarios,
    prepare_run,
    runs_folder,
)
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

from .commands import print_json
from .context import EXIT_OK, EXIT_USAGE, Context, fail


def cmd_scenarios(context: Context) -> int:
    """The shipped scenarios: name, level, goal and variant (no store is opened)."""
    shipped = load_scenarios()
    if context.json:
        print_json([
            {
                "name": s.name, "title": s.title, "level": s.level.value,
                "persona": s.persona, "variant": s.variant.value, "rules": s.rules.value,
                "goal": s.goal, "traps": list(s.traps),
                "clock": {
                    "date": None if s.start is None else s.start.isoformat(),
                    "advance_seconds": int(s.advance.total_seconds()),
                },
                "settings": {f.value: figure_typed(f, v) for f, v in s.figures.items()},
                "faults": [{"name": f.fault.value, "once": f.once} for f in s.faults],
            }
            for s in shipped.values()
        ])
        return EXIT_OK
    from . import render

    render.table(
        [t("cli.scenarios.name"), t("cli.scenarios.level"), t("cli.scenarios.goal"),
         t("cli.scenarios.variant")],
        [
            [s.name, t(f"scenario.level.{s.level.value}"), s.goal,
             t(f"variant.{s.variant.value}")]
            for s in shipped.values()
        ],
        title=t("cli.scenarios.title"),
        keep_whole=(0,),
    )
    render.sentences(t("cli.scenarios.hint"))
    return EXIT_OK


def cmd_reglages(services: Services, context: Context) -> int:
    """Show the figures; `reglages NOM VALEUR` changes one, `--defaut` restores them all."""
    store, args = services.store, context.args
    name: str | None = args.reglage
    raw: str | None = args.valeur
    if args.defaut:
        if name is not None:
            return _usage(t("cli.reglages.defaut_alone"))
        forget_figures(store)
    elif name is not None:
        try:
            figure = figure_named(name)
            if raw is None:
                return _usage(t("cli.reglages.value_missing", name=figure.value))
            value = read_figure(figure, raw)
            current = with_figures(Settings(), stored_figures(store))
            with_figures(current, {figure: value})  # the warning still before the end
        except FigureError as refused:
            return fail(refused.message)
        save_figures(store, {figure: value})
    stored = stored_figures(store)
    settings = with_figures(Settings(), stored)
    if context.json:
        print_json(_records(settings, stored))
        return EXIT_OK
    from . import render

    if args.defaut:
        render.sentences(t("cli.reglages.restored"))
    elif name is not None:
        changed = figure_named(name)
        render.sentences(t(
            "cli.reglages.done", name=changed.value,
            value=figure_words(changed, figures_of(settings)[changed]),
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


def _usage(problem: str) -> int:
    import sys

    print(t("cli.error", problem=problem), file=sys.stderr)
    return EXIT_USAGE


def start_scenario(context: Context) -> Path:
    """`--scenario NAME`: a fresh run store in `formation/` beside the store, its path."""
    return prepare_run(
        context.args.scenario, runs_folder(context.path), trainee=context.args.stagiaire
    )


def enter_run(services: Services, context: Context) -> Run | None:
    """The application opens a run store (or `--stagiaire` was given): the scenario's variant
    and rule version, unless `--parcours` or `--regles` chose; the scenario and the trainee
    written on every journal row."""
    engine = services.engine
    run = scenarios.enter_run(engine, trainee=clean_trainee(context.args.stagiaire))
    if run is not None:
        chosen = context.settings
        if context.args.parcours is not None:
            engine.settings = replace(engine.settings, journey=chosen.journey)
        if context.args.regles is not None:
            engine.settings = replace(engine.settings, rule_version=chosen.rule_version)
    return run
