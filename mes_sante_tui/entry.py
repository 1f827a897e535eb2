"""The process's entry: the `mes-sante-tui` command and `python -m mes_sante_tui`.

Python's cyclic garbage collector is paused from the process's first line: loading the
command line, Textual and the application makes tens of thousands of objects that live as
long as the process, and collecting young objects again and again while they are made cost
the home page's first frame about 15 ms, for almost nothing to free. The command line
resumes it at once for anything but the application (`cli._main`); the application resumes
it once its first frame is out (`cli._run_app`).
"""

from __future__ import annotations

import gc


def main() -> int:
    gc.disable()
    try:
        from mes_sante_tui.cli import main as command_line

        return command_line()
    finally:
        gc.enable()
