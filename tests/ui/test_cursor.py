"""The terminal's cursor follows the focus, so that a magnifier or a braille display that
follows the cursor shows what has the focus: on a button's or a link's first letter, on the
« ( ) » of the highlighted choice, on a box's « [ ] », at a field's caret; and after a refused
form, on the first field in error, which has the focus."""

from __future__ import annotations

from drive import open_step, to_identify
from support import press_each
from textual.geometry import Offset
from textual.widgets import Button, Input

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.widgets import FormField

SIZE = (100, 32)


def under_cursor(app: MesSanteApp) -> str:
    """The character drawn where the terminal's cursor is."""
    x, y = app.cursor_position
    return app.screen._compositor.render_strips()[y].text[x]


def assert_cursor_on_focus(app: MesSanteApp) -> None:
    focused = app.focused
    assert focused is not None
    assert focused.region.contains_point(app.cursor_position), (focused, app.cursor_position)


async def test_cursor_on_the_first_letter_of_each_button_and_link(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(len(app.screen.focus_chain) + 1):
            focused = app.focused
            assert isinstance(focused, Button)
            assert_cursor_on_focus(app)
            assert under_cursor(app) == str(focused.label)[0], focused
            await pilot.press("tab")
            await pilot.pause()


async def test_cursor_on_the_highlighted_choice_then_on_the_box(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION)
        first = app.cursor_position
        assert_cursor_on_focus(app)
        assert under_cursor(app) == "("  # « ( ) J'active Mon espace santé »
        await press_each(pilot, "down")
        assert app.cursor_position.y > first.y and under_cursor(app) == "("
        await press_each(pilot, "up", "enter", "tab")  # chosen; on to « J'accepte … »
        assert_cursor_on_focus(app)
        assert under_cursor(app) == "["


async def test_refused_form_puts_focus_and_cursor_on_the_first_field_in_error(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await to_identify(pilot)
        await press_each(pilot, "A", "B", "tab", "tab", "tab")  # a code too short, on
        assert not isinstance(app.focused, Input) or app.focused.value == ""
        app.screen.query_one("#continue").focus()
        await press_each(pilot, "enter")
        in_error = [field for field in app.screen.query(FormField) if field.error]
        assert in_error, "the form was not refused"
        field = in_error[0].input_widget
        assert isinstance(field, Input) and field.value == "AB"
        assert app.focused is field
        x, y = field.content_region.offset
        assert app.cursor_position == Offset(x + 2, y)  # after « AB », where typing goes


async def test_opening_the_outbox_under_the_form_keeps_the_focus_and_cursor_in_view(
    services: Services, settings: Settings
) -> None:
    app = make_app(services=services, settings=settings)
    app.outbox_visible = False
    async with app.run_test(size=SIZE) as pilot:  # narrow: the outbox opens under the form
        await open_step(pilot, services, Step.ACCOUNT)
        app.screen.query_one("#show").focus()  # « Afficher les mots de passe », at the bottom
        await pilot.pause()
        await pilot.press("f2")
        await pilot.pause()
        outbox = app.screen.query_one("#outbox")
        assert outbox.display
        assert not outbox.region.contains_point(app.cursor_position)
        assert_cursor_on_focus(app)
        assert under_cursor(app) == "["
