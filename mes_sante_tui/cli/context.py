"""What every command receives (the parsed arguments, the store's path, the settings) and
the exit statuses the command line returns."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mes_sante_tui.core.settings import Settings
from mes_sante_tui.wording import t

PROG = "mes-sante-tui"

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


@dataclass(frozen=True)
class Context:
    """What a subcommand is given: the arguments read, the store's path, the settings."""

    args: argparse.Namespace
    path: Path
    settings: Settings

    @property
    def json(self) -> bool:
        """`--json`: output for scripts, with no table and no progress display."""
        return bool(self.args.json)


def fail(problem: str) -> int:
    """Say a command's failure in one French line on standard error."""
    print(t("cli.failure", problem=problem), file=sys.stderr)
    return EXIT_FAILURE


def print_json(data: Any) -> None:
    """What a command gives scripts (`--json`), as JSON on standard output."""
    import json  # not loaded for the application, which prints none

    print(json.dumps(data, ensure_ascii=False, indent=2))


def usage(problem: str) -> int:
    """Say a wrong use of the command line in one French line on standard error, as
    argparse's own errors are said."""
    print(t("cli.error", problem=problem), file=sys.stderr)
    return EXIT_USAGE
