"""The command line: `mes-sante-tui` (also `python -m mes_sante_tui`).

Without a subcommand it opens the application; the subcommands print the population, the
outbox, a household's statuses, the simulated clock, or seed and reset the store, as rich
tables for people and as JSON (`--json`) for scripts. Every failure is one French line on
stderr and a non-zero exit, never a traceback.

The package: `parser` reads the arguments, `commands` does each subcommand, `render` draws
what people see (rich, loaded only then). Neither Textual nor rich is imported here: the
application is imported only when it is about to run.
"""

from __future__ import annotations

import gc
import importlib
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from mes_sante_tui.core.results import DomainError, StoreError
from mes_sante_tui.core.services import Services, default_store_path, open_services
from mes_sante_tui.core.settings import (
    DisplayTheme,
    JourneyVariant,
    RuleVersion,
    Settings,
)
from mes_sante_tui.core.store import _as_store_error
from mes_sante_tui.plain import asked_for as plain_asked_for
from mes_sante_tui.plain.console import is_terminal
from mes_sante_tui.wording import t

from .context import (
    EXIT_BROKEN_PIPE,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Context,
    fail,
    usage,
)
from .parser import build_parser, parse, parse_start, translate_argparse_message


@dataclass(frozen=True)
class Command:
    """Where a subcommand's code is (a module of this package, loaded only when it runs: the
    application needs none of them), and what it is given: the opened store, brought up to
    the clock first unless it moves or remakes the store itself; or only its context, for
    those that open what they need (or nothing)."""

    module: str
    function: str
    store: bool = True
    catch_up: bool = True  # False: the command moves the clock, or seeds, itself

    def handler(self) -> Callable[..., int]:
        module = importlib.import_module(f"{__name__}.{self.module}")
        handler: Callable[..., int] = getattr(module, self.function)
        return handler


COMMANDS: dict[str, Command] = {
    "personas": Command("commands", "cmd_personas"),
    "outbox": Command("commands", "cmd_outbox"),
    "status": Command("commands", "cmd_status"),
    "clock": Command("commands", "cmd_clock", catch_up=False),
    "seed": Command("commands", "cmd_seed", catch_up=False),
    "reset": Command("commands", "reset", store=False),
    "panne": Command("trainer.session", "cmd_panne"),
    "journal": Command("trainer.session", "cmd_journal"),
    "scenarios": Command("trainer.scenarios", "cmd_scenarios", store=False),
    "reglages": Command("trainer.figures", "cmd_reglages"),
    "rapport": Command("trainer.documents", "cmd_rapport", store=False),
    "fiches": Command("trainer.documents", "cmd_fiches"),
    "classe": Command("trainer.classroom", "cmd_classe", store=False),
}
# `fiches --scenario NAME`: from a run of its own, no store of the trainer's opened.
_FICHES_OF_A_SCENARIO = Command("trainer.documents", "cmd_fiches_scenario", store=False)


__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_FAILURE",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "COMMANDS",
    "Command",
    "build_parser",
    "main",
    "translate_argparse_message",
]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status is returned, never raised."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `mes-sante-tui outbox | head`: stop quietly, and keep Python from complaining
        # about the closed pipe when it flushes stdout at exit.
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def _main(argv: Sequence[str] | None) -> int:
    try:
        args = parse_start(argv)
        if args is None:  # not only the application's start options: the whole parser
            args = parse(build_parser(), argv)
    except SystemExit as exit_:  # --help, --version, or a bad argument (already printed)
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    if args.command is None and not args.accessible and plain_asked_for():
        args.accessible = True
    if args.command is not None or args.accessible or args.scenario is not None:
        gc.enable()  # paused by the entry for the application's start only (entry.py)
    if args.command is None and not args.accessible and not _has_terminal():
        # Textual would wait forever on a standard input that is not a terminal.
        return usage(t("cli.no_terminal"))
    settings_kwargs: dict[str, Any] = {}
    if args.parcours is not None:
        settings_kwargs["journey"] = JourneyVariant(args.parcours)
    if args.regles is not None:
        settings_kwargs["rule_version"] = RuleVersion(args.regles)
    if args.guide:
        settings_kwargs["guided"] = True
    if args.theme is not None:
        settings_kwargs["theme"] = DisplayTheme(args.theme)
    path = Path(args.db).expanduser() if args.db else default_store_path()
    context = Context(args=args, path=path, settings=Settings(**settings_kwargs))
    try:
        if args.scenario is not None:
            if args.command is not None:
                return usage(t("cli.scenario.no_command"))
            # A fresh store for this run, beside the store: the application opens it, and
            # its path is said again when it closes (for `journal`, `outbox`...).
            from .trainer.scenarios import start_scenario

            context = replace(context, path=start_scenario(context))
            status = _dispatch(context)
            print(t("cli.scenario.store", path=context.path))
            return status
        return _dispatch(context)
    except StoreError as exc:
        return fail(str(exc))
    except DomainError as exc:
        return fail(exc.message)
    except sqlite3.DatabaseError as exc:  # raised by a step that the store did not wrap
        return fail(str(_as_store_error(exc, str(path))))


def _has_terminal() -> bool:
    """Both standard input and output are a terminal: the application can run."""
    return is_terminal(sys.stdin) and is_terminal(sys.stdout)


def _dispatch(context: Context) -> int:
    name: str | None = context.args.command
    command = None if name is None else COMMANDS[name]
    if name == "fiches" and context.args.of_scenario is not None:
        command = _FICHES_OF_A_SCENARIO
    if command is not None and not command.store:
        return command.handler()(context)
    # Each caller below brings the statuses up to the clock as it can: the application once
    # its first frame is drawn (opening it waits for none of the engine's code), the
    # commands with a progress bar.
    services = open_services(
        context.path, settings=context.settings, seed_if_empty=name != "seed", catch_up=False
    )
    try:
        if command is None:
            if context.args.accessible:
                # Plain lines only: no progress bar, nothing but the plain mode's own lines.
                services.engine.catch_up()
                _enter_run(services, context)  # a scenario's run, as the app does
                return _run_plain(services, services.settings)  # with the store's figures
            _enter_run(services, context)
            # The settings with the store's figures and the run's variant (`enter_run`).
            return _run_app(services, services.settings)
        if command.catch_up:
            from .commands import progress

            # Statuses follow the simulated clock: carry out what became due since last time.
            with progress(context, "cli.progress.catch_up") as report:
                services.engine.catch_up(report)
        return command.handler()(services, context)
    finally:
        services.close()


def _enter_run(services: Services, context: Context) -> None:
    """A run store (or `--stagiaire`): the scenario's session of training. An ordinary store
    loads none of the training code (start-up time)."""
    from mes_sante_tui.core.run_marks import is_run_store

    if context.args.stagiaire is not None or is_run_store(services.store):
        from .trainer.scenarios import enter_run

        enter_run(services, context)


def _run_plain(services: Services, settings: Settings) -> int:
    from mes_sante_tui import plain

    return plain.run(services, settings)


def _run_app(services: Services, settings: Settings) -> int:
    # The garbage collector paused until the home page's first frame is out (entry.py; paused
    # here too when the command line is called otherwise, as by the tests).
    gc.disable()
    try:
        from mes_sante_tui.app import make_app  # Textual is loaded only to run the application

        app = make_app(services=services, settings=settings, on_first_frame=gc.enable)
        app.run()
    finally:
        gc.enable()
    # Non-zero when the application had to stop (a damaged store, an unexpected error).
    return app.return_code or EXIT_OK


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
