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
    AUTO_FOCUS = "#discover, #login"

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
        if self.msa.last_identifier and not self.msa.logged_in:
            yield Static(
                t("success.identifier", identifier=self.msa.last_identifier),
                classes="note",
                markup=False,
            )
        if self.msa.logged_in:
            # A child's profile activated from the logged-in space: back to that space.
            yield Button(t("success.discover"), id="discover", variant="primary")
            return
        # Guide 002 ends on « Découvrir Mon espace santé », guide 000 on « Se connecter à Mon
        # espace santé »: either way the account just created is used to log in.
        if self.msa.settings.journey is JourneyVariant.IDENTITY_FIRST:
            yield Button(t("success.login"), id="login", variant="primary")
        else:
            yield Button(t("success.discover"), id="discover", variant="primary")
        yield Button(t("success.restart"), id="restart")

    def on_mount(self) -> None:
        # The activation is stored: leaving now loses nothing, so no « Quitter la page ? ».
        # Logged in, the session stays: it is the way back to the space.
        if not self.msa.logged_in:
            self.msa.session = None

    def on_button_pressed(self, event: Button.Pressed) -> None:
        # « Recommencer » (home), « Découvrir » (the space), « Me connecter ».
        self.done({"restart": "home"}.get(event.button.id or "", event.button.id))
