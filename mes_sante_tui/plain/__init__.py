"""The plain, line-by-line mode (`mes-sante-tui --accessible`, or `MES_SANTE_ACCESSIBLE=1`):
every journey as plain lines for screen readers and braille displays, in the spirit of
charmbracelet/huh's accessible mode. One question per line, choices as numbered lines, no
escape sequence ever; the answers come from standard input, so a pipe runs a journey
unattended.

It walks the same journey descriptions (`core/journey.py`, `core/flows.py`) over the same
engine as the screens, and says only the catalogue's words. Neither Textual nor rich is
imported here.
"""

from __future__ import annotations

import io
import os
import sys
from typing import TextIO

from mes_sante_tui.core.results import StoreError
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.wording import t

from .console import Console, InputEnded, Lines, QuitRequested, is_terminal

__all__ = ["ENV_VARIABLE", "EXIT_FAILURE", "EXIT_OK", "Console", "asked_for", "run"]

EXIT_OK = 0  # the last journey went to its end (or nothing was under way when leaving)
# A refusal it could not get past: the answers ended before the journey's end, or the
# person left a journey where they had been identified.
EXIT_FAILURE = 1

ENV_VARIABLE = "MES_SANTE_ACCESSIBLE"


def asked_for(environ: dict[str, str] | None = None) -> bool:
    """`MES_SANTE_ACCESSIBLE` set to anything but empty, 0, non, no or false."""
    value = (os.environ if environ is None else environ).get(ENV_VARIABLE, "")
    return value.strip().casefold() not in ("", "0", "non", "no", "false")


def run(
    services: Services,
    settings: Settings,
    *,
    stdin: Lines | None = None,
    stdout: TextIO | None = None,
    terminal: bool | None = None,
) -> int:
    """Run the plain mode until the person leaves or the answers end; the exit status."""
    from .walker import Plain  # the engine's journeys: loaded only to run them

    stdin = sys.stdin if stdin is None else stdin
    stdout = sys.stdout if stdout is None else stdout
    for stream in (stdin, stdout):
        # Bytes that are not UTF-8 in a file of answers become « � », never a traceback.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    if terminal is None:
        # Answers typed at a terminal (even with the lines going to a file, `| tee`):
        # passwords without echo, and what was typed is not written again.
        terminal = is_terminal(stdin)
    console = Console(stdin, stdout, terminal=terminal)
    walker = Plain(services, settings, console)
    console.say(t("plain.welcome"), t("plain.words"))
    try:
        walker.home()
    except QuitRequested:
        # Leaving is the person's choice: a failure only when it abandons someone identified.
        return EXIT_FAILURE if walker.journey_in_progress and walker.status is False else EXIT_OK
    except InputEnded:
        console.say(t("plain.input_ended"))
        return EXIT_OK if walker.status is True else EXIT_FAILURE
    except StoreError as error:
        console.say(t("cli.failure", problem=error.message))
        return EXIT_FAILURE
    return EXIT_OK
