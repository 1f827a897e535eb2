"""« Je génère un nouveau code provisoire » (guide 002, 2/3): NIR, date of birth, card.

The NIR and card typed on « Je m'identifie » are carried here, and what is typed here is
carried back, so that nobody types them twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.widgets import Input, RadioButton

from mes_sante_tui.core.engine import CodeSent, Found
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.results import Refused

from .base import Loss
from .vitale_form import CardForm, CardTyped, VitaleForm


@dataclass(frozen=True)
class CardEntry:
    """The NIR and card as typed on a form, to carry to another form."""

    nir: str = ""
    model: CardModel | None = None
    serial: str = ""

    @classmethod
    def typed_on(cls, form: VitaleForm[Any]) -> CardEntry:
        return cls(nir=form.value("nir"), model=form.model, serial=form.value("serial"))

    def fill(self, form: VitaleForm[Any]) -> None:
        """Put the entry in `form`'s fields (a model not chosen leaves the form's own)."""
        form.query_one("#nir", Input).value = self.nir
        if self.model is not None:
            button_id = "with" if self.model is CardModel.WITH_PHOTO else "without"
            form.query_one(f"#{button_id}", RadioButton).value = True
        form.query_one("#serial", Input).value = self.serial


@dataclass(frozen=True)
class Regenerated:
    """The card as last typed on the form, and where the new code went (None when the
    person went back without one)."""

    card: CardEntry
    sent: CodeSent | None = None


class RegenerateScreen(CardForm[Regenerated]):
    STEP = Step.IDENTIFY
    TITLE_KEY = "regenerate.title"
    HELP_KEY = "regenerate.help"
    INTRO_KEY = "regenerate.intro"
    ASKS_BIRTH_DATE = True
    BIRTH_DATE_NOTE_KEY = "birth_date.for_whom"

    def __init__(
        self, find: Callable[[CardTyped], Found | Refused], card: CardEntry | None = None
    ) -> None:
        """Handed the call that finds the person, and `card`: the NIR and card already
        typed on « Je m'identifie »."""
        self.carried = card or CardEntry()
        super().__init__(find)

    def on_mount(self) -> None:
        self.carried.fill(self)
        if self.carried.nir.strip():
            # The NIR is there: the date of birth is what is left to type.
            self.query_one("#birth_date").focus()

    # Once found, the router goes on: the profile to choose (twins), then where to send the
    # code.

    def cancelled(self) -> Regenerated:
        """Going back carries the card typed here back to « Je m'identifie »."""
        return Regenerated(CardEntry.typed_on(self))

    def would_lose(self) -> Loss | None:
        """The NIR and card go back to « Je m'identifie »: only the date of birth is lost."""
        return Loss.TYPED if self.value("birth_date").strip() else None
