"""A screen's compositor draws a partial update from the widgets it touches only
(compositor.py), and draws the very same cells as Textual's own compositor."""

from __future__ import annotations

from drive import open_step
from textual._compositor import Compositor
from textual.geometry import Region
from textual.widgets import Input

from mes_sante_tui.app import make_app
from mes_sante_tui.compositor import TightCompositor
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings

SIZE = (120, 40)


def drawn(compositor: Compositor, regions: list[Region], *, tight: bool) -> list[object]:
    """What a partial update of `regions` writes to the terminal (its segments)."""
    kind = compositor.__class__
    compositor.__class__ = TightCompositor if tight else Compositor
    try:
        compositor._dirty_regions.update(regions)
        update = compositor.render_partial_update()
    finally:
        compositor.__class__ = kind
    assert update is not None
    from rich.console import Console

    console = Console(width=SIZE[0], height=SIZE[1], force_terminal=True)
    return list(update.__rich_console__(console, console.options))


async def test_a_partial_update_draws_what_textuals_compositor_draws_from_fewer_widgets(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_step(pilot, services, Step.ACCOUNT)
        await pilot.pause()
        compositor = app.screen._compositor
        assert isinstance(compositor, TightCompositor)
        field = app.screen.query_one("#password", Input)
        field.focus()
        await pilot.press(*"Kayak#Loire")
        await pilot.pause()
        typed = field.region
        checklist = app.screen.query_one("#checklist").region
        areas = [
            [typed],  # a key typed
            [Region(checklist.x, checklist.y + 1, checklist.width, 1), typed],  # and a rule
            [Region(0, 0, SIZE[0], SIZE[1])],  # the whole screen
            [Region(typed.x + 3, typed.y - 4, 90, 9)],  # across the form and the outbox
        ]
        for regions in areas:
            tight = drawn(compositor, regions, tight=True)
            assert tight and tight == drawn(compositor, regions, tight=False), regions
        # Fewer widgets rendered for a key: those whose visible part meets the field only.
        compositor._crop = typed
        try:
            chosen = set(compositor.visible_widgets)
        finally:
            compositor._crop = None
        assert field in chosen
        assert len(chosen) < len(compositor.visible_widgets) / 2
