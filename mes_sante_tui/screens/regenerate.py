"""« Je génère un nouveau code provisoire » (guide 002, 2/3): NIR, date of birth, card.

The NIR and card typed on « Je m'identifie » are carried here, and what is typed here is
carried back, so that nobody types them twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Input, RadioButton, Static

from mes_sante_tui.core.engine import CodeSent, Found
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.widgets import ErrorSummary, FormField, TextInput
from mes_sante_tui.wording import t

from .base import Loss
from .vitale_form import MAX_TYPED, VitaleForm


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


class RegenerateScreen(VitaleForm[Regenerated]):
    STEP = Step.IDENTIFY
    TITLE_KEY = "regenerate.title"
    HELP_KEY = "regenerate.help"
    AUTO_FOCUS = "#nir"

    def __init__(self, card: CardEntry | None = None) -> None:
        """`card`: the NIR and card already typed on « Je m'identifie »."""
        self.carried = card or CardEntry()
        super().__init__()

    def on_mount(self) -> None:
        self.carried.fill(self)
        if self.carried.nir.strip():
            # The NIR is there: the date of birth is what is left to type.
            self.query_one("#birth_date").focus()

    def body(self) -> Iterable[Widget]:
        self.fields = self.vitale_fields()
        self.fields["birth_date"] = FormField(
            t("field.birth_date"),
            TextInput(id="birth_date", max_length=MAX_TYPED),
            hint=t("field.birth_date.hint"),
        )
        yield Static(t("regenerate.intro"), classes="lead", markup=False)
        yield ErrorSummary()
        yield from self.compose_nir()
        yield Static(t("birth_date.for_whom"), classes="note", markup=False)
        yield self.fields["birth_date"]
        yield from self.compose_card()
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.back"), id="cancel")
            yield Button(t("button.continue"), id="continue", variant="primary")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if self.open_help_link(event.button):
            return
        if event.button.id == "continue":
            self.submit()
        elif event.button.id == "cancel":
            self.action_back()

    def submit(self) -> None:
        session = self.msa.session
        assert session is not None
        result = self.msa.engine.identify_by_identity(
            session,
            nir=self.value("nir"),
            birth_date=self.value("birth_date"),
            model=self.model,
            serial=self.value("serial"),
            step="regenerer_code",
        )
        if not isinstance(result, Found):
            self.refuse(result, self.fields)
            return
        self.clear_refusal(self.fields)
        # The router goes on: the profile to choose (twins), then where to send the code.
        self.done(result)

    def cancelled(self) -> Regenerated:
        """Going back carries the card typed here back to « Je m'identifie »."""
        return Regenerated(CardEntry.typed_on(self))

    def would_lose(self) -> Loss | None:
        """The NIR and card go back to « Je m'identifie »: only the date of birth is lost."""
        return Loss.TYPED if self.value("birth_date").strip() else None
