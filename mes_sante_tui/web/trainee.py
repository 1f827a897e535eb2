"""What textual-serve runs for each browser connection of a classroom: a new store of the
trainee's own in the class folder, and the application on it (under Textual's web driver,
which textual-serve chooses through the environment).

`python -m mes_sante_tui.web.trainee --dossier DOSSIER [--scenario NOM] [--parcours …]
[--regles …]`: with a scenario, the trainee's store is a run of it, and the application
shows its goal as `--scenario` does.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mes_sante_tui.cli.context import EXIT_OK, fail
from mes_sante_tui.core.classroom import new_trainee_store
from mes_sante_tui.core.results import DomainError, StoreError
from mes_sante_tui.core.run_marks import TRAINEE_KEY
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.settings import JourneyVariant, RuleVersion, Settings
from mes_sante_tui.wording import t


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="mes_sante_tui.web.trainee", add_help=False)
    parser.add_argument("--dossier", required=True)
    parser.add_argument("--parcours", choices=[v.value for v in JourneyVariant])
    parser.add_argument("--regles", choices=[v.value for v in RuleVersion])
    parser.add_argument("--scenario")
    args = parser.parse_args(argv)
    chosen: dict[str, Any] = {}
    if args.parcours:
        chosen["journey"] = JourneyVariant(args.parcours)
    if args.regles:
        chosen["rule_version"] = RuleVersion(args.regles)
    settings = Settings(**chosen)
    try:
        path = new_trainee_store(Path(args.dossier), args.scenario)
        # Seeded only if the class's model was lost meanwhile: the trainee gets the initial
        # data (with codes of their own) rather than an empty store.
        # Not brought up to the clock here: the application does it after its first frame.
        services = open_services(path, settings=settings, seed_if_empty=True, catch_up=False)
    except (StoreError, DomainError, OSError) as exc:
        why = exc.message if isinstance(exc, DomainError) else exc
        return fail(t("cli.classe.trainee_failed", why=why))
    name_the_trainee(services)
    from mes_sante_tui.app import make_app

    try:
        app = make_app(services=services, settings=settings)
        app.run()
        return app.return_code or EXIT_OK
    finally:
        services.close()


def name_the_trainee(services: Services) -> None:
    """Every journal row names the trainee (« Stagiaire NN »), in a scenario's run or not,
    and so does a run the trainee starts from the picker."""
    sessions = services.engine.sessions
    if sessions.trainee is None:
        sessions.trainee = services.store.meta(TRAINEE_KEY)


if __name__ == "__main__":
    raise SystemExit(main())
