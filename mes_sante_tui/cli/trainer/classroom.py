"""`classe`: the application served to a room's browsers, one store per trainee."""

from __future__ import annotations

from pathlib import Path

from mes_sante_tui.wording import t

from ..context import EXIT_OK, Context, fail


def cmd_classe(context: Context) -> int:
    """`classe`: prepare the class folder, then serve the app until ctrl+c."""
    from mes_sante_tui.core.classroom import prepare_class
    from mes_sante_tui.core.scenarios import scenario_named

    try:
        from mes_sante_tui.web.server import ClassroomServer, page_url, trainee_command
    except ImportError:
        return fail(t("cli.classe.missing"))
    args = context.args
    folder = (Path(args.dossier).expanduser() if args.dossier
              else context.path.parent / "classe").absolute()
    # Each trainee's store a run of the scenario (core/classroom.py): an unknown name is
    # said before anything is made.
    scenario = None if args.of_scenario is None else scenario_named(args.of_scenario).name
    model = prepare_class(folder, context.settings)
    options: list[str] = []
    if args.parcours:
        options += ["--parcours", args.parcours]
    if args.regles:
        options += ["--regles", args.regles]
    if scenario is not None:
        options += ["--scenario", scenario]
    sheets = (t("cli.classe.sheets_model", model=model) if scenario is None
              else t("cli.classe.sheets_scenario", scenario=scenario))
    server = ClassroomServer(
        trainee_command(folder, options), host=args.hote, port=args.port,
        ready=t("cli.classe.ready", url=page_url(args.hote, args.port), folder=folder,
                sheets=sheets),
    )
    try:
        server.serve()
    except OSError as exc:
        return fail(t("cli.classe.busy", host=args.hote, port=args.port,
                      why=exc.strerror or exc))
    print(t("cli.classe.stopped", folder=folder), flush=True)
    return EXIT_OK
