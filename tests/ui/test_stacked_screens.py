"""A step hidden by the next one forgets the lines it rendered (memory: the steps of a
journey stay stacked), and draws them again when the person comes back to it."""

from __future__ import annotations

from drive import open_step
from textual.widget import Widget

from mes_sante_tui.app import make_app
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.screens import DecisionScreen, IdentifyScreen

SIZE = (120, 40)


def rendered_lines(screen: Widget) -> int:
    return sum(len(w._render_cache.lines) for w in screen.walk_children(Widget))


async def test_a_hidden_step_drops_its_rendered_lines_and_draws_them_again_on_return(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION, stacked=True)
        identify = app.screen_stack[-2]
        assert isinstance(app.screen, DecisionScreen) and isinstance(identify, IdentifyScreen)
        assert rendered_lines(app.screen) > 0
        assert rendered_lines(identify) == 0
        app.pop_screen()  # back to « Je m'identifie », as the router does
        await pilot.pause()
        assert app.screen_stack[-1] is identify
        assert rendered_lines(identify) > 0
        title = str(app.export_screenshot())
        assert "identifie" in title
