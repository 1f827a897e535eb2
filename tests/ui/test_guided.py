"""The guided mode on every screen of both variants: each hint of the page (core/guide.py) is
shown, in its words, just before the block that holds its target, in the order Tab goes."""

from __future__ import annotations

from typing import Any

import pytest
from drive import choose_activate, choose_oppose, open_step
from support import latest_otp, person_id, press_each, type_text
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from mes_sante_tui.app import MesSanteApp, make_app
from mes_sante_tui.core.guide import Page, hints_for
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import JourneyVariant, Settings
from mes_sante_tui.screens.guided import anchor_of
from mes_sante_tui.widgets import GuideHint
from mes_sante_tui.wording import t

SIZE = (100, 32)


def check_page(screen: Screen[Any], variant: JourneyVariant, page: Page) -> None:
    """The page's hints, and only them, each followed (after the other hints of the same
    block) by the block that holds its target, in the order of the screen's widgets."""
    expected = hints_for(variant, page)
    shown = list(screen.query(GuideHint))
    assert [(h.target, h.words) for h in shown] == [(e.target, t(e.key)) for e in expected], page
    order = list(screen.walk_children(with_self=False))
    targets: list[Widget] = []
    for hint in shown:
        target = screen.query_one(f"#{hint.target}", Widget)
        anchor = anchor_of(target)
        siblings = list(hint.parent.children) if hint.parent is not None else []
        after = [w for w in siblings[siblings.index(hint) + 1 :] if not isinstance(w, GuideHint)]
        assert after and after[0] is anchor, (page, hint.target)
        assert order.index(hint) < order.index(target), (page, hint.target)
        targets.append(target)
    # Read from the top, the hints come in the order of their targets, which is Tab's.
    positions = [order.index(target) for target in targets]
    assert positions == sorted(positions), page


async def on_page(pilot: Pilot[None], variant: JourneyVariant, page: Page) -> None:
    await pilot.pause()
    check_page(pilot.app.screen, variant, page)


async def opposition(pilot: Pilot[None], services: Services, variant: JourneyVariant) -> None:
    """Gérard opposes: the confirmation, then the certificate."""
    await open_step(pilot, services, Step.DECISION, key="gerard", serial="3309175512")
    await choose_oppose(pilot)
    await on_page(pilot, variant, Page.OPPOSITION_CONFIRM)
    await pilot.press("enter")  # « Continuer »
    await pilot.pause()
    await on_page(pilot, variant, Page.OPPOSITION_DONE)


async def change_contact(
    pilot: Pilot[None], services: Services, button: str, value: str, edit: Page, otp: Page
) -> None:
    pilot.app.screen.query_one(f"#{button}").focus()
    await pilot.press("enter")
    await on_page(pilot, JourneyVariant.CODE_FIRST, edit)
    await type_text(pilot, value)
    await pilot.press("enter")
    await on_page(pilot, JourneyVariant.CODE_FIRST, otp)
    await type_text(pilot, latest_otp(services))
    await pilot.press("enter")
    await on_page(pilot, JourneyVariant.CODE_FIRST, Page.CONTACTS_UPDATED)


async def walk_code_first(pilot: Pilot[None], services: Services) -> None:
    variant = JourneyVariant.CODE_FIRST
    await on_page(pilot, variant, Page.HOME)
    await pilot.press("enter")  # « Activer Mon espace santé »
    await on_page(pilot, variant, Page.START)
    await pilot.press("enter")  # « Commencer »
    await on_page(pilot, variant, Page.IDENTIFY)
    pilot.app.screen.query_one("#regenerate").focus()
    await pilot.press("enter")
    await on_page(pilot, variant, Page.REGENERATE)
    await type_text(pilot, services.store.person(person_id(services, "martine")).nir)
    await press_each(pilot, "tab", "tab")
    await type_text(pilot, "10/03/1973")
    await press_each(pilot, "tab", "enter", "tab")
    await type_text(pilot, "953701166")
    await pilot.press("enter")
    await on_page(pilot, variant, Page.SEND_CODE)
    await open_step(pilot, services, Step.DECISION)
    await on_page(pilot, variant, Page.DECISION)
    await choose_activate(pilot)
    await on_page(pilot, variant, Page.CONTACTS)
    await change_contact(
        pilot, services, "edit-email", "martine.nouvelle@exemple.fr",
        Page.CONTACT_EDIT_EMAIL, Page.OTP_EMAIL,
    )
    await change_contact(
        pilot, services, "edit-mobile", "07 12 34 56 78",
        Page.CONTACT_EDIT_MOBILE, Page.OTP_MOBILE,
    )
    pilot.app.screen.query_one("#continue").focus()
    await pilot.press("enter")
    await on_page(pilot, variant, Page.ACCOUNT)
    await opposition(pilot, services, variant)


async def walk_identity_first(pilot: Pilot[None], services: Services) -> None:
    variant = JourneyVariant.IDENTITY_FIRST
    await on_page(pilot, variant, Page.HOME)  # guide 000 has no callout there
    await pilot.press("enter")
    await on_page(pilot, variant, Page.START)
    await pilot.press("enter")
    await on_page(pilot, variant, Page.BIRTH_DATE)
    await type_text(pilot, "10/03/1973")
    await pilot.press("enter")
    await on_page(pilot, variant, Page.VITALE)
    await type_text(pilot, services.store.person(person_id(services, "martine")).nir)
    await press_each(pilot, "tab", "tab", "enter", "tab")
    await type_text(pilot, "953701166")
    await pilot.press("enter")
    await on_page(pilot, variant, Page.CODE)
    await open_step(pilot, services, Step.DECISION)
    await on_page(pilot, variant, Page.DECISION)
    await choose_activate(pilot)
    await on_page(pilot, variant, Page.CONTACTS)
    pilot.app.screen.query_one("#continue").focus()
    await pilot.press("enter")
    await on_page(pilot, variant, Page.ACCOUNT)
    await opposition(pilot, services, variant)


WALKS = {
    JourneyVariant.CODE_FIRST: walk_code_first,
    JourneyVariant.IDENTITY_FIRST: walk_identity_first,
}


@pytest.mark.parametrize("variant", list(JourneyVariant))
async def test_every_hint_beside_its_target_on_every_screen(
    variant: JourneyVariant, services: Services
) -> None:
    app = make_app(services=services, settings=Settings(journey=variant, guided=True))
    async with app.run_test(size=SIZE) as pilot:
        await WALKS[variant](pilot, services)


async def test_the_settings_switch_shows_and_hides_the_hints(services: Services) -> None:
    """« Mode guidé » in « Réglages du simulateur »: the page already shown follows."""
    app = make_app(services=services, settings=Settings())
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app, MesSanteApp)
        await pilot.pause()
        assert not app.screen.query(GuideHint)
        for guided in (True, False):
            app.screen.query_one("#settings").focus()
            await pilot.press("enter")
            await pilot.pause()
            app.screen.query_one("#guided").focus()
            await pilot.press("space")
            app.screen.query_one("#validate").focus()
            await pilot.press("enter")
            await pilot.pause()
            assert app.settings.guided is guided
            if guided:
                check_page(app.screen, JourneyVariant.CODE_FIRST, Page.HOME)
            else:
                assert not app.screen.query(GuideHint)
