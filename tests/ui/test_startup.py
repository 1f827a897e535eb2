"""Start-up: what the home page's first frame waits for (issue 12; timed by bench/run.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from drive import SEBASTIEN_ID, SEBASTIEN_PASSWORD, log_in_through_engine
from textual.css.stylesheet import Stylesheet

from mes_sante_tui.app import make_app
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.settings import Settings

# Run as `mes-sante-tui --db DB` runs (the command line's own path, headless, 120 x 40): at
# the first frame written, the names of the package's modules loaded; then the same once the
# application has settled (its catch-up done, after the first frame).
_PROBE = textwrap.dedent(
    """
    import gc, sys
    from textual.app import App

    seen = {}
    display, run = App._display, App.run
    watched = ("hashlib", "json", "getpass", "secrets")  # the standard library's, below

    def spy(self, screen, renderable):
        if renderable is not None and not self._batch_count:  # a frame Textual writes out
            seen.setdefault(
                "first_frame", sorted(m for m in sys.modules if "mes_sante" in m or m in watched)
            )
            seen.setdefault("collector_at_first_frame", gc.isenabled())
        return display(self, screen, renderable)

    def headless(self, **kwargs):
        async def settled(pilot):
            await pilot.pause()
            await pilot.pause()
            seen["settled"] = sorted(m for m in sys.modules if "mes_sante" in m)
            seen["collector_settled"] = gc.isenabled()
            self.exit()
        return run(self, headless=True, size=(120, 40), auto_pilot=settled)

    App._display, App.run = spy, headless
    import mes_sante_tui.cli as cli
    cli._has_terminal = lambda: True
    status = cli.main(["--db", sys.argv[1]])
    import json  # only now: the application must not need it

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
    # Modules of the standard library that Textual does not load either: the codes' hashes,
    # the commands' JSON, the plain mode's hidden input, a new store's key.
    "hashlib",
    "json",
    "getpass",
    "secrets",
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
    # The garbage collector, paused for the start-up, runs again after the first frame.
    assert seen["collector_at_first_frame"] is False
    assert seen["collector_settled"] is True


async def test_the_home_page_is_written_in_textuals_starting_area_then_put_away(
    services: Services, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The home page is Textual's first screen (`get_default_screen`): its first full frame
    is computed once Textual's start-up is over, and written, with no second parse of the
    stylesheet. Logging in puts that area away whole, as any journey area; logging out
    brings a fresh home page in the journey's mode."""
    from textual.app import App

    from mes_sante_tui.app import JOURNEY_MODE, SPACE_MODE, STARTING_AREA
    from mes_sante_tui.screens.home import HomeScreen

    full_frames: list[int] = []  # Textual's start-up batch open (1) or not (0) for each
    display = App._display

    def spy(self: App[Any], screen: Any, renderable: Any) -> None:
        if type(renderable).__name__ == "LayoutUpdate":
            full_frames.append(self._batch_count)
        display(self, screen, renderable)

    reparsed: list[int] = []
    reparse = Stylesheet.reparse

    def counted(self: Stylesheet) -> None:
        reparsed.append(1)
        reparse(self)

    monkeypatch.setattr(App, "_display", spy)
    monkeypatch.setattr(Stylesheet, "reparse", counted)
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == STARTING_AREA
        assert isinstance(app.screen, HomeScreen)
        assert full_frames and full_frames[0] == 0  # the first full frame is not thrown away
        assert reparsed == []

        await log_in_through_engine(app, pilot, services, SEBASTIEN_ID, SEBASTIEN_PASSWORD)
        assert app.current_mode == SPACE_MODE
        assert STARTING_AREA not in app._screen_stacks  # its screens went with it
        await app.back_to_home()
        await pilot.pause()
        assert app.current_mode == JOURNEY_MODE
        assert [type(screen) for screen in app.screen_stack] == [HomeScreen]
