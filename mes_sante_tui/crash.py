"""What is kept of an unexpected error: a private log for whoever maintains the simulator.

Textual's own crash report prints a traceback with the local variables of every frame, so a
password being typed would be shown in clear. Here the person gets one French line, and the
log gets where the error happened: the exception types and the frames (file, line, function,
the line of code), never an exception's message nor any variable, since those may carry
what was typed (« invalid literal for int(): 'Secret#2025x' »).
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import platformdirs

from mes_sante_tui import __version__
from mes_sante_tui.core.store import FILE_MODE, make_private_folders

CRASH_LOG_NAME = "erreurs.log"


def default_crash_log() -> Path:
    """The log in the per-user data folder, next to the default store."""
    return Path(platformdirs.user_data_dir("mes-sante-tui", appauthor=False)) / CRASH_LOG_NAME


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error, then what caused it, as Python's own traceback walks them."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        if current.__cause__ is not None:
            current = current.__cause__
        elif not current.__suppress_context__:
            current = current.__context__
        else:
            current = None


def crash_report(error: BaseException, when: datetime) -> str:
    """Where `error` happened, without any value: types and frames only."""
    lines = [f"--- {when.isoformat(timespec='seconds')} mes-sante-tui {__version__}"]
    for position, exc in enumerate(_chain(error)):
        if position:
            lines.append("caused by (or raised while handling):")
        kind = type(exc)
        lines.append(f"{kind.__module__}.{kind.__qualname__}")
        for frame in traceback.extract_tb(exc.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
    return "\n".join(lines) + "\n"


def write_crash_log(path: Path, error: BaseException, when: datetime | None = None) -> Path | None:
    """Append the report to `path`, readable by its owner only (0600, in folders created
    0700, as the store's); None when it could not be written (the one line then says nothing
    about it)."""
    report = crash_report(error, when or datetime.now())
    try:
        make_private_folders(path.parent)
        # Not the store's `claim_new_file`: the log is one file that each crash appends to,
        # so an existing log is opened, not refused.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        try:
            os.fchmod(fd, FILE_MODE)  # a log created earlier with a looser mode
            os.write(fd, report.encode("utf-8", "replace"))
        finally:
            os.close(fd)
    except (OSError, ValueError):
        return None
    return path
