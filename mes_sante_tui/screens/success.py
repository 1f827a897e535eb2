"""« Mon espace santé a bien été activé ! »."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.settings import JourneyVariant
from mes_sante_tui.wording import t

from .base import JourneyScreen


@dataclass(frozen=True)
class SuccessView:
    """What the end of the activation says: the variant, the child whose profile was
    activated (None: one's own), the identifier of the account just created (None when
    none was), and whether the person is logged in (a child activated from the space)."""

    variant: JourneyVariant
    child_name: str | None = None
    identifier: str | None = None
    logged_in: bool = False


class SuccessScreen(JourneyScreen[None]):
    STEP = Step.SUCCESS
    AUTO_FOCUS = "#discover, #login"

    def __init__(self, view: SuccessView) -> None:
        self.view = view
        super().__init__()

    def title_text(self) -> str:
        if self.view.variant is JourneyVariant.IDENTITY_FIRST:
            return t("success.title.identity")
        return t(self.TITLE_KEY)

    def body(self) -> Iterable[Widget]:
        view = self.view
        if view.child_name is not None:
            yield Static(t("success.child", name=view.child_name), classes="lead", markup=False)
        yield Static(t("success.text"), classes="lead", markup=False)
        if view.identifier and not view.logged_in:
            yield Static(
                t("success.identifier", identifier=view.identifier),
                classes="note",
                markup=False,
            )
        if view.logged_in:
            # A child's profile activated from the logged-in space: back to that space.
            yield Button(t("success.discover"), id="discover", variant="primary")
            return
        # Guide 002 ends on « Découvrir Mon espace santé », guide 000 on « Se connecter à Mon
        # espace santé »: either way the account just created is used to log in.
        if view.variant is JourneyVariant.IDENTITY_FIRST:
            yield Button(t("success.login"), id="login", variant="primary")
        else:
            yield Button(t("success.discover"), id="discover", variant="primary")
        yield Button(t("success.restart"), id="restart")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        # « Recommencer » (home), « Découvrir » (the space), « Me connecter ».
        self.done({"restart": "home"}.get(event.button.id or "", event.button.id))
