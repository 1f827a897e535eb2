"""`scenarios` (the training scenarios shipped), and a scenario's run: started with
`--scenario NAME [--stagiaire NOM]`, entered when the application opens a run store."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mes_sante_tui.core import scenarios
from mes_sante_tui.core.scenarios import (
    Run,
    clean_trainee,
    load_scenarios,
    prepare_run,
    runs_folder,
)
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import figure_typed
from mes_sante_tui.wording import t

from ..context import EXIT_OK, Context, print_json


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
    from .. import render

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
