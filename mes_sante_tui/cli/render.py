"""What the command line shows people, drawn by rich: tables, label / value cards, and a
progress bar on standard error for long work.

Imported only when something is shown to a person (not for `--json`, not for a refused
argument), so that scripts do not pay for rich. On a terminal rich draws colours and bold;
when the output is a file or a pipe it writes plain text, without any escape sequence, and
`NO_COLOR` keeps colours off a terminal too (rich reads both).
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from rich import box
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from mes_sante_tui.plain.console import is_terminal

HEADING = "bold cyan"
LABEL = "bold"
CODE = "bold green"
INDENT = 2


@dataclass(frozen=True)
class Card:
    """A titled list of label / value rows (a persona, a message)."""

    title: str
    rows: Sequence[tuple[str, str]]
    # Labels whose value is a code a person copies: shown so that it stands out.
    highlighted: frozenset[str] = frozenset()


def _file_width() -> int:
    """The width for a file or a pipe: COLUMNS when it is set, else 100, within 60 to 120."""
    return max(60, min(120, shutil.get_terminal_size((100, 24)).columns))


def console(*, stderr: bool = False) -> Console:
    """A console on standard output (or error), as it is now (tests replace the streams)."""
    stream = sys.stderr if stderr else sys.stdout
    return Console(
        file=stream,
        width=None if is_terminal(stream) else _file_width(),
        highlight=False,
        markup=False,
        emoji=False,
    )


def sentences(*lines: str, stderr: bool = False) -> None:
    """Sentences, one a line, left for the terminal to wrap (a path stays whole)."""
    out = console(stderr=stderr)
    for line in lines:
        out.print(Text(line), soft_wrap=True)


# French typography: no line break between a word and « » : ; ! ?
_GLUE = "\ue000"
_UNBREAKABLE = re.compile(r"« | (?=[»:;!?])")


def _wrap(text: str, width: int) -> str:
    glued = _UNBREAKABLE.sub(lambda m: m.group(0).replace(" ", _GLUE), text)
    lines = textwrap.wrap(glued, width=max(10, width)) or [""]
    return "\n".join(line.replace(_GLUE, " ") for line in lines)


def _field_lines(
    rows: Sequence[tuple[str, str]],
    *,
    label_width: int,
    width: int,
    highlighted: frozenset[str] = frozenset(),
) -> list[Text]:
    """Label / value lines, the values aligned and wrapped under themselves (here rather
    than by rich, so that « … » and « : » stay with their word, and no line is padded)."""
    indent = " " * INDENT
    gap = label_width + 2
    value_width = max(30, width - INDENT - gap)
    lines: list[Text] = []
    for label, value in rows:
        style = CODE if label in highlighted else ""
        first, *more = _wrap(value, value_width).split("\n")
        lines.append(Text.assemble(indent, (label.ljust(gap), LABEL), (first, style)))
        lines += [Text.assemble(indent, " " * gap, (line, style)) for line in more]
    return lines


def cards(groups: Sequence[tuple[str | None, Sequence[Card]]], summary: str) -> None:
    """Cards under their group's heading (a household), a blank line between cards, and a
    summary line at the end."""
    out = console()
    label_width = max(
        (len(label) for _, group in groups for card in group for label, _ in card.rows),
        default=0,
    )
    first = True
    for heading, group in groups:
        if heading is not None:
            if not first:
                out.print()
            out.print(Text(heading, style=HEADING), soft_wrap=True)
            out.print(Text("=" * len(heading), style=HEADING), soft_wrap=True)
        for card in group:
            if not first or heading is not None:
                out.print()
            first = False
            out.print(Text(card.title, style="bold"), soft_wrap=True)
            for line in _field_lines(
                card.rows, label_width=label_width, width=out.width, highlighted=card.highlighted
            ):
                out.print(line, soft_wrap=True)
    out.print()
    out.print(Text(summary), soft_wrap=True)


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    title: str | None = None,
    keep_whole: Sequence[int] = (),
    numbers: Sequence[int] = (),
) -> None:
    """A table with a header line; the columns in `keep_whole` never wrap (a NIR, a date),
    those in `numbers` are aligned right."""
    out = console()
    if title is not None:
        out.print(Text(title, style=HEADING), soft_wrap=True)
        out.print()
    grid = Table(box=box.SIMPLE_HEAD, header_style=LABEL, pad_edge=False, show_edge=False)
    for index, header in enumerate(headers):
        grid.add_column(
            header, no_wrap=index in keep_whole, justify="right" if index in numbers else "left"
        )
    for row in rows:
        grid.add_row(*(Text(cell) for cell in row))
    out.print(grid)


def fields(rows: Sequence[tuple[str, str]], *, title: str | None = None) -> None:
    """Label / value rows (the clock, a summary), under a title line if there is one."""
    out = console()
    if title is not None:
        out.print(Text(title, style=HEADING), soft_wrap=True)
    lines = _field_lines(
        rows, label_width=max((len(label) for label, _ in rows), default=0), width=out.width
    )
    for line in lines:
        out.print(line[INDENT:] if title is None else line, soft_wrap=True)


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A bar on standard error while long work runs; it is given `(done, total)` as the
    work goes, and it is cleared when the work ends, leaving the summary alone."""
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task(description, total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance
