"""A step hidden by the next one forgets the lines it rendered (memory: the steps of a
journey stay stacked), and draws them again when the person comes back to it."""

from __future__ import annotations

import pytest
from drive import open_step
from textual.widget import Widget

from mes_sante_tui.app import make_app
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.screens import DecisionScreen, IdentifyScreen
from mes_sante_tui.screens.base import JourneyScreen

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


async def test_a_step_over_another_is_styled_once_and_the_one_below_not_again(
    services: Services, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Showing the next step restyles it once (when it is shown), not a second time after
    its first frame for the terminal's width classes, and does not restyle the step it
    hides (a class for a dialog over it, which only a dialog needs)."""
    restyled: list[Widget] = []
    update_node_styles = Widget.update_node_styles

    def spy(self: Widget, animate: bool = True) -> None:
        if isinstance(self, JourneyScreen):
            restyled.append(self)
        update_node_styles(self, animate)

    monkeypatch.setattr(Widget, "update_node_styles", spy)
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.IDENTIFY)
        identify = app.screen
        restyled.clear()
        app.goto(Step.DECISION)  # as the router does once the identity is accepted
        await pilot.pause()
        decision = app.screen
        assert isinstance(decision, DecisionScreen) and decision.has_class("-wide")
        assert restyled == [decision]
        assert not identify.has_class("-under-dialog")
        # A dialog over a step: the step under it takes the class (its scrollbars hidden).
        await pilot.press("f1")
        await pilot.pause()
        assert decision.has_class("-under-dialog")
        await pilot.press("escape")
        await pilot.pause()
        assert not decision.has_class("-under-dialog")
