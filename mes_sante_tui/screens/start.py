"""« Commencer »: what the person needs before starting, in the words of the variant's guide.

Code first (guide 002): the provisional code received, the Vitale card, 5 minutes, and the
links « Générer un nouveau code provisoire » and « Me connecter ». Identity first (guide 000):
the NIR, the card's serial number and 5 minutes; the code comes during the journey.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.settings import JourneyVariant
from mes_sante_tui.widgets import LinkButton
from mes_sante_tui.wording import t, t_variant

from .base import JourneyScreen

_NEEDS: dict[JourneyVariant, tuple[str, ...]] = {
    JourneyVariant.CODE_FIRST: ("start.need.code", "start.need.card", "start.need.time"),
    JourneyVariant.IDENTITY_FIRST: ("start.need.nir", "start.need.serial", "start.need.time"),
}


class StartScreen(JourneyScreen[None]):
    """Handed the journey's variant, whose guide it speaks with."""

    STEP = Step.START
    AUTO_FOCUS = "#begin"
    DEFAULT_CSS = """
    StartScreen #begin {
        margin-bottom: 1;
    }
    StartScreen .link-question {
        padding-left: 2;
    }
    """

    def __init__(self, variant: JourneyVariant) -> None:
        self.journey_variant = variant
        super().__init__()

    @property
    def variant(self) -> JourneyVariant:
        return self.journey_variant

    def title_text(self) -> str:
        return t_variant(self.TITLE_KEY, self.variant)

    def body(self) -> Iterable[Widget]:
        yield Static(t_variant("start.need", self.variant), classes="lead", markup=False)
        for key in _NEEDS[self.variant]:
            yield Static(t(key), classes="need", markup=False)
        yield Button(t("start.begin"), id="begin", variant="primary")
        if self.variant is JourneyVariant.CODE_FIRST:
            # In the identity-first journey the code step itself sends the code.
            yield Static(t("start.no_code"), classes="link-question", markup=False)
            yield LinkButton(t("start.regenerate"), id="regenerate")
        yield Static(t("start.already"), classes="link-question", markup=False)
        yield LinkButton(t_variant("start.login", self.variant), id="login")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        # « Commencer », « Générer un nouveau code provisoire », « Me connecter ».
        self.done(None if event.button.id == "begin" else event.button.id)

    def help_paragraphs(self) -> list[str]:
        return [t_variant(self.HELP_KEY, self.variant), *self.msa.training_help()]
