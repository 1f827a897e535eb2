"""« Je valide l'opposition à la création de Mon espace santé » (guide 002, Opposition 2/4)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.certificate import preload_pdf_engine
from mes_sante_tui.core.engine import Opposed
from mes_sante_tui.core.journey import Step
from mes_sante_tui.widgets import ErrorSummary
from mes_sante_tui.wording import t

from .base import JourneyScreen
from .opposition_done import OppositionDoneScreen


class OppositionConfirmScreen(JourneyScreen[None]):
    STEP = Step.DECISION
    TITLE_KEY = "opposition.confirm.title"
    HELP_KEY = "opposition.confirm.help"
    AUTO_FOCUS = "#continue"

    def body(self) -> Iterable[Widget]:
        session = self.msa.session
        if session is not None and session.person_id is not None:
            person = self.msa.store.person(session.person_id)
            if person.parent_id is not None:
                yield Static(
                    t("opposition.confirm.child", name=person.full_name),
                    classes="lead",
                    markup=False,
                )
        yield ErrorSummary()
        yield Static(t("opposition.confirm.text"), classes="lead", markup=False)
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.cancel"), id="cancel")
            yield Button(t("button.continue"), id="continue", variant="primary")

    def on_mount(self) -> None:
        # The certificate is offered next: load the PDF engine while the person reads.
        self.run_worker(preload_pdf_engine, thread=True, group="pdf-preload")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "continue":
                self.submit()
            case "cancel":
                self.app.pop_screen()

    def submit(self) -> None:
        session = self.msa.session
        if session is None:
            return
        result = self.msa.engine.confirm_opposition(session)
        if not isinstance(result, Opposed):
            self.refuse(result, {})
            return
        profiles = self.msa.engine.household_profiles(session)
        self.app.push_screen(OppositionDoneScreen(result, profiles))
