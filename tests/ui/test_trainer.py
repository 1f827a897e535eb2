"""The trainer's keys: F6 « Formateur » toggles a fault after a confirmation, and the trainee's
next step answers it where they look, with what they typed kept; the session's journal shows
it as a timeline, the refusal said in words and the fault marked as injected."""

from __future__ import annotations

from drive import open_step
from support import current, tab_to
from textual.widgets import Button, Static

from mes_sante_tui.app import make_app
from mes_sante_tui.core.answers import Choice, Outcome
from mes_sante_tui.core.faults import Fault, FaultPlan
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.dialogs.journal_view import JournalScreen
from mes_sante_tui.dialogs.trainer_panel import FaultConfirmScreen, TrainerPanelScreen
from mes_sante_tui.screens import DecisionScreen, OutcomeScreen
from mes_sante_tui.wording import t

SIZE = (110, 36)


async def test_f6_injects_a_fault_after_confirmation_and_the_step_answers_it(
    services: Services,
) -> None:
    app = make_app(services=services, settings=Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION)
        shown = current(app)
        assert isinstance(shown, DecisionScreen)
        decision: DecisionScreen = shown
        await pilot.press("enter")  # « J'active Mon espace santé », focused on arrival
        assert decision.choice is Choice.ACTIVATE
        await pilot.press("f6")
        panel = current(app)
        assert isinstance(panel, TrainerPanelScreen)
        await tab_to(pilot, "fault-service-indisponible")
        await pilot.press("enter")
        confirm = current(app)
        assert isinstance(confirm, FaultConfirmScreen)
        assert confirm.dialog_title == "Injecter la panne « service-indisponible » ?"
        assert app.focused is confirm.query_one("#cancel")  # nothing injected by mistake
        await tab_to(pilot, "until_removed")
        await pilot.press("enter")
        assert current(app) is panel
        label = str(panel.query_one("#fault-service-indisponible", Button).label)
        assert label.startswith(f"[{t('fault.until_removed')}]")
        assert [f.fault for f in FaultPlan(services.store).in_force()] == [
            Fault.SERVICE_UNAVAILABLE
        ]
        await pilot.press("escape")

        assert isinstance(current(app), DecisionScreen)
        current(app).query_one("#continue").focus()
        await pilot.press("enter")
        await pilot.pause()
        outcome = current(app)
        assert isinstance(outcome, OutcomeScreen)
        assert outcome.outcome == Outcome.SERVICE_UNAVAILABLE
        assert str(outcome.query_one("#outcome-message", Static).content) == t(
            "service.unavailable"
        )
        await pilot.press("enter")  # « Revenir à ma saisie », focused
        await pilot.pause()
        assert current(app) is decision
        assert decision.choice is Choice.ACTIVATE  # what was chosen is kept


async def test_the_journal_shows_the_session_as_a_timeline(services: Services) -> None:
    app = make_app(services=services, settings=Settings())
    async with app.run_test(size=SIZE) as pilot:
        await open_step(pilot, services, Step.DECISION)
        assert app.session is not None
        FaultPlan(services.store).inject(
            Fault.SERVICE_UNAVAILABLE, once=True, now=services.engine.clock.now()
        )
        services.engine.decide(app.session, None, False)
        await pilot.press("f7")
        journal = current(app)
        assert isinstance(journal, JournalScreen)
        lines = [str(s.content) for s in journal.query(".entry").results(Static)]
        assert len(lines) == 3
        assert " · Début de la session · Accepté · " in lines[0]
        assert " · Je m'identifie · Accepté · " in lines[1]
        assert " · Décision · Refusé : service momentanément indisponible · " in lines[2]
        assert "Panne injectée par le formateur : service-indisponible" in lines[2]
        assert journal.query(".entry.-refused").first().has_class("-fault")
        await pilot.press("escape")
        assert isinstance(current(app), DecisionScreen)


async def test_the_panel_fits_a_terminal_of_80x24(services: Services) -> None:
    """At 80x24 the panel's three buttons do not fit side by side: they are stacked, each
    whole inside the dialog and the screen, above the footer; the faults scroll between
    them and the text, and each one focused is in sight."""
    app = make_app(services=services, settings=Settings())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f6")
        panel = current(app)
        assert isinstance(panel, TrainerPanelScreen)
        dialog = panel.query_one("#dialog").content_region
        room = panel.region.intersection(panel.query_one("#dialog").region)
        footer_top = panel.query_one("Footer").region.y
        row = panel.query_one("#dialog-buttons")
        buttons = list(row.query(Button))
        assert [b.id for b in buttons] == ["journal", "remove-all", "close"]
        for button in buttons:
            region = button.region
            assert dialog.contains_region(region), (button.id, region, dialog)
            assert room.contains_region(region) and region.bottom <= footer_top, button.id
        for fault in Fault:
            await tab_to(pilot, f"fault-{fault.value}")
            region = panel.query_one(f"#fault-{fault.value}").region
            assert dialog.contains_region(region) and region.bottom <= footer_top, fault
        await tab_to(pilot, "close")
        await pilot.press("enter")
        assert not isinstance(current(app), TrainerPanelScreen)
