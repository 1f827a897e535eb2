"""« Mon espace santé a bien été activé ! »."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.settings import JourneyVariant
from mes_sante_tui.wording import t

from .base import JourneyScreen


class SuccessScreen(JourneyScreen[None]):
    STEP = Step.SUCCESS
    TITLE_KEY = "success.title"
    HELP_KEY = "success.help"
    AUTO_FOCUS = "#restart"

    def title_text(self) -> str:
        if self.msa.settings.journey is JourneyVariant.IDENTITY_FIRST:
            return t("success.title.identity")
        return t(self.TITLE_KEY)

    def body(self) -> Iterable[Widget]:
        session = self.msa.session
        if session is not None and session.person_id is not None:
            person = self.msa.store.person(session.person_id)
            if person.parent_id is not None:
                yield Static(
                    t("success.child", name=person.full_name), classes="lead", markup=False
                )
        yield Static(t("success.text"), classes="lead", markup=False)
        if self.msa.last_identifier:
            yield Static(
                t("success.identifier", identifier=self.msa.last_identifier),
                classes="note",
                markup=False,
            )
        yield Button(t("success.restart"), id="restart", variant="primary")

    def on_mount(self) -> None:
        # The activation is stored: leaving now loses nothing, so no « Quitter la page ? ».
        self.msa.session = None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "restart":
            self.msa.leave_to_home()

    def action_back(self) -> None:
        self.msa.leave_to_home()
