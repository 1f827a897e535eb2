"""Nothing a person needs is covered or cut, at any size from 80x24 up (issue 7, C16).

Each screen is shown at 80x24, 110x34 and 200x60: every control and every text of the form
lies within the form's width (nothing cut on the right, nothing under the outbox panel), and
every button shows its whole label (links wrap rather than being cut).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from support import person_id, persona_code
from textual.css.query import NoMatches
from textual.errors import NoWidget
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button

from mes_sante_tui import screens
from mes_sante_tui.app import OUTBOX_BESIDE_MIN_WIDTH, MesSanteApp, make_app
from mes_sante_tui.core.engine import Choice, Outcome, Session
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.widgets import OutboxPanel
from mes_sante_tui.wording import t

SIZES = [(80, 24), (110, 34), (200, 60)]


def shown_text(widget: Widget) -> str:
    """What the widget draws, its lines joined, whitespace squeezed."""
    size = widget.outer_size
    lines = widget.render_lines(Region(0, 0, size.width, size.height))
    return " ".join(" ".join(strip.text for strip in lines).split())


def panel_of(screen: Screen[Any]) -> OutboxPanel | None:
    try:
        panel = screen.query_one(OutboxPanel)
    except NoMatches:
        return None
    return panel if panel.display else None


def assert_nothing_cut(screen: Screen[Any]) -> None:
    """Every widget of the form fits its width and is clear of the outbox; labels whole."""
    main = screen.query_one("#main")
    form = main.scrollable_content_region
    panel = panel_of(screen)
    name = type(screen).__name__
    for widget in main.query("*"):
        try:
            geometry = screen.find_widget(widget)
        except NoWidget:
            continue  # not displayed
        region = geometry.region
        if region.area == 0:
            continue
        assert form.x <= region.x and region.right <= form.right, (name, widget, region, form)
        if panel is not None:
            visible = region.intersection(geometry.clip)
            assert not (visible.area and visible.overlaps(panel.region)), (name, widget, region)
        if isinstance(widget, Button):
            label = " ".join(str(widget.label).split())
            assert label in shown_text(widget), (name, widget, shown_text(widget))


async def show(pilot: Pilot[None], screen: Screen[Any]) -> None:
    pilot.app.push_screen(screen)
    await pilot.pause()  # the rows of buttons fit from the first layout


async def martine_identified(pilot: Pilot[None], services: Services) -> None:
    app = pilot.app
    assert isinstance(app, MesSanteApp)
    app.start_journey()
    await pilot.pause()
    session = app.session
    assert session is not None
    martine = services.store.person(person_id(services, "martine"))
    found = services.engine.identify_with_code(
        session,
        code=persona_code(services, "martine"),
        nir=martine.nir,
        model=CardModel.WITHOUT_PHOTO,
        serial="953701166",
    )
    assert found.ok, found
    assert services.engine.decide(session, Choice.ACTIVATE, True).ok


def session_of(app: MesSanteApp) -> Session:
    assert app.session is not None
    return app.session


def step_screen(app: MesSanteApp, step: Step) -> Screen[Any]:
    return app.handing.step(step, session_of(app), logged_in=False, identifier=None)


def outcome(kind: Outcome, message_key: str) -> Screen[Any]:
    return screens.OutcomeScreen(kind, t(message_key), Step.IDENTIFY)


# Each screen a person meets on the way, built once the state it reads is there.
SCREENS: list[Callable[[MesSanteApp], Screen[Any]]] = [
    lambda app: step_screen(app, Step.START),
    lambda app: app.handing.identify(session_of(app)),
    lambda app: app.handing.regenerate(session_of(app), None),
    lambda app: outcome(Outcome.NOT_FOUND, "identify.not_found"),
    lambda app: outcome(Outcome.ALREADY_EXISTS, "identify.already_exists"),
    lambda app: app.handing.decision(session_of(app)),
    lambda app: step_screen(app, Step.CONTACTS),
    lambda app: step_screen(app, Step.ACCOUNT),
    lambda app: step_screen(app, Step.BIRTH_DATE),
    lambda app: step_screen(app, Step.VITALE),
    lambda app: app.handing.login(session_of(app)),
    lambda app: app.handing.forgot_password(session_of(app)),
    lambda app: app.handing.forgot_identifier(session_of(app)),
]


async def tour(pilot: Pilot[None], services: Services) -> None:
    """Home, then each screen of SCREENS in turn, checked."""
    assert_nothing_cut(pilot.app.screen)
    await martine_identified(pilot, services)
    for build in SCREENS:
        assert isinstance(pilot.app, MesSanteApp)
        await show(pilot, build(pilot.app))
        assert_nothing_cut(pilot.app.screen)
        pilot.app.pop_screen()
        await pilot.pause()


@pytest.mark.parametrize(
    "size",
    # 200x60 leaves the most room: it runs with the long tests (README, « Tests »).
    [pytest.param(size, marks=[pytest.mark.long] if size[0] >= 200 else []) for size in SIZES],
    ids=lambda size: f"{size[0]}x{size[1]}",
)
async def test_nothing_is_cut_or_covered_at_any_size(
    services: Services, size: tuple[int, int]
) -> None:
    app = make_app(services=services, settings=Settings())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        # The outbox is beside the form where it fits, closed by default where it does not.
        assert app.outbox_visible is (size[0] >= OUTBOX_BESIDE_MIN_WIDTH)
        assert (panel_of(app.screen) is not None) is app.outbox_visible
        await tour(pilot, services)


async def test_outbox_opened_on_a_narrow_terminal_sits_under_the_form(
    services: Services,
) -> None:
    app = make_app(services=services, settings=Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert panel_of(app.screen) is None
        await pilot.press("f2")  # the person asks for it: it comes, under the form
        await pilot.pause()
        panel = panel_of(app.screen)
        assert panel is not None
        assert panel.region.width == 80 and panel.region.y > app.screen.query_one("#main").region.y
        await tour(pilot, services)
        assert app.outbox_visible  # the person's choice holds from screen to screen


async def test_outbox_follows_the_width_until_the_person_chooses(services: Services) -> None:
    app = make_app(services=services, settings=Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.outbox_visible
        await pilot.resize_terminal(120, 34)
        await pilot.pause()
        assert app.outbox_visible and panel_of(app.screen) is not None
        await pilot.press("f2")  # closed by choice: a wider terminal does not reopen it
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert not app.outbox_visible and panel_of(app.screen) is None


