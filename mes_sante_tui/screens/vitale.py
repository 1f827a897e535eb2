"""Identity first: « Je renseigne les informations de ma carte Vitale » (guide 000, étape 3)."""

from __future__ import annotations

from mes_sante_tui.core.journey import Step

from .vitale_form import CardForm


class VitaleScreen(CardForm[None]):
    STEP = Step.VITALE
    INTRO_KEY = "vitale.intro"
    BACK_ID = "back"
    NEXT_KEY = "button.next"

    def accepted(self, result: object) -> object:
        return None  # the step is accepted: the router goes on to the next one
