"""Start-up: what the home page's first frame waits for (issue 12; timed by bench/run.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from mes_sante_tui.core.services import open_services

# Run as `mes-sante-tui --db DB` runs (the command line's own path, headless, 120 x 40): at
# the first frame written, the names of the package's modules loaded; then the same once the
# application has settled (its catch-up done, after the first frame).
_PROBE = textwrap.dedent(
    """
    import json, sys
    from textual.app import App

    seen = {}
    display, run = App._display, App.run

    def spy(self, screen, renderable):
        if renderable is not None and not self._batch_count:  # a frame Textual writes out
            seen.setdefault("first_frame", sorted(m for m in sys.modules if "mes_sante" in m))
        return display(self, screen, renderable)

    def headless(self, **kwargs):
        async def settled(pilot):
            await pilot.pause()
            await pilot.pause()
            seen["settled"] = sorted(m for m in sys.modules if "mes_sante" in m)
            self.exit()
        return run(self, headless=True, size=(120, 40), auto_pilot=settled)

    App._display, App.run = spy, headless
    import mes_sante_tui.cli as cli
    cli._has_terminal = lambda: True
    status = cli.main(["--db", sys.argv[1]])
    print(json.dumps({"status": status, **seen}))
    """
)

# The code of the steps: none of it is needed to draw the home page.
_NOT_AT_FIRST_FRAME = (
    "mes_sante_tui.core.engine",
    "mes_sante_tui.core.desk",
    "mes_sante_tui.core.lifecycle",
    "mes_sante_tui.core.answers",
    "mes_sante_tui.core.scenarios",
    "mes_sante_tui.handing",
    "mes_sante_tui.cli.commands",
    "mes_sante_tui.widgets.form_field",
    "mes_sante_tui.dialogs.quit_confirm",
    "mes_sante_tui.screens.space",
)


def test_the_home_page_is_drawn_before_the_engine_is_loaded(tmp_path: Path) -> None:
    db = tmp_path / "mes_sante.db"
    open_services(db).close()  # seeded here, at the tests' cheap hashing cost
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(db)], capture_output=True, text=True, timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["status"] == 0
    first, settled = set(seen["first_frame"]), set(seen["settled"])
    assert "mes_sante_tui.screens.home" in first
    assert not first & set(_NOT_AT_FIRST_FRAME)
    # Once settled, the statuses were brought up to the clock: the engine is loaded then.
    assert "mes_sante_tui.core.engine" in settled
