"""What the forms that ask for the Vitale card share: NIR, card model, serial, their help.

« Je m'identifie », « Je génère un nouveau code provisoire », the identity-first « Je renseigne
les informations de ma carte Vitale » and « Mot de passe oublié » all ask for the same three
fields. The last three are one form (`CardForm`): the NIR, a date of birth where asked, the
card; each says only its words and what its engine call answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import ClassVar, TypeVar

from textual.widget import Widget
from textual.widgets import Button, Input, Static

from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.results import Refused
from mes_sante_tui.dialogs.help_nir import HelpNirScreen
from mes_sante_tui.dialogs.help_serial import HelpSerialScreen
from mes_sante_tui.widgets import (
    ActionRow,
    CardFields,
    ErrorSummary,
    FormField,
    LinkButton,
    TextInput,
)
from mes_sante_tui.widgets.card_fields import where_serial_link
from mes_sante_tui.wording import t

from .base import JourneyScreen

R = TypeVar("R")

# Generous limits: a longer entry gets the service's message rather than being cut silently.
MAX_TYPED = 40


class VitaleForm(JourneyScreen[R]):
    """A step whose form includes the card's fields; subclasses add theirs around them."""

    fields: dict[str, FormField]

    def vitale_fields(self) -> dict[str, FormField]:
        self.card = CardFields(max_length=MAX_TYPED)
        return {
            "nir": FormField(
                t("field.nir"), TextInput(id="nir", max_length=MAX_TYPED), hint=t("field.nir.hint")
            ),
            "model": self.card.model_field,
            "serial": self.card.serial_field,
        }

    def compose_nir(self) -> Iterable[Widget]:
        yield self.fields["nir"]
        yield LinkButton(t("link.where_nir"), id="where-nir")

    def compose_card(self) -> Iterable[Widget]:
        """Model, serial (the prefix for the card with photo only) and « Où trouver … »."""
        yield self.card
        yield where_serial_link()

    @property
    def model(self) -> CardModel | None:
        return self.card.model

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def open_help_link(self, button: Button) -> bool:
        """Open « Où trouver … » when `button` is one of those links."""
        if button.id == "where-nir":
            self.app.push_screen(HelpNirScreen())
            return True
        if button.id == "where-serial":
            self.app.push_screen(HelpSerialScreen(self.model))
            return True
        return False


@dataclass(frozen=True)
class CardTyped:
    """What a card form holds: the NIR, the date of birth (empty where not asked), the card."""

    nir: str
    birth_date: str
    model: CardModel | None
    serial: str


class CardForm(VitaleForm[R]):
    """NIR, a date of birth where the form asks for it, the card; « Retour » and the button
    that goes on. Handed the engine call that checks what was typed: a refusal stays on the
    form, anything else goes to the router (`accepted` says what)."""

    INTRO_KEY: ClassVar[str]
    # Under the introduction (« Tous les champs sont obligatoires »), if any.
    NOTE_KEY: ClassVar[str | None] = None
    ASKS_BIRTH_DATE: ClassVar[bool] = False
    # Just above the date of birth (whose date it is), if any.
    BIRTH_DATE_NOTE_KEY: ClassVar[str | None] = None
    BACK_ID: ClassVar[str] = "cancel"
    NEXT_KEY: ClassVar[str] = "button.continue"
    AUTO_FOCUS = "#nir"

    def __init__(self, check: Callable[[CardTyped], object]) -> None:
        self.check = check
        super().__init__()

    def body(self) -> Iterable[Widget]:
        self.fields = self.vitale_fields()
        if self.ASKS_BIRTH_DATE:
            self.fields["birth_date"] = FormField(
                t("field.birth_date"),
                TextInput(id="birth_date", max_length=MAX_TYPED),
                hint=t("field.birth_date.hint"),
            )
        yield Static(t(self.INTRO_KEY), classes="lead", markup=False)
        if self.NOTE_KEY is not None:
            yield Static(t(self.NOTE_KEY), classes="note", markup=False)
        yield ErrorSummary()
        yield from self.compose_nir()
        if self.ASKS_BIRTH_DATE:
            if self.BIRTH_DATE_NOTE_KEY is not None:
                yield Static(t(self.BIRTH_DATE_NOTE_KEY), classes="note", markup=False)
            yield self.fields["birth_date"]
        yield from self.compose_card()
        with ActionRow(classes="actions"):
            yield Button(t("button.back"), id=self.BACK_ID)
            yield Button(t(self.NEXT_KEY), id="continue", variant="primary")

    def typed(self) -> CardTyped:
        birth_date = self.value("birth_date") if self.ASKS_BIRTH_DATE else ""
        return CardTyped(self.value("nir"), birth_date, self.model, self.value("serial"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if self.open_help_link(event.button):
            return
        if event.button.id == "continue":
            self.submit()
        elif event.button.id == self.BACK_ID:
            self.action_back()

    def submit(self) -> None:
        result = self.check(self.typed())
        if isinstance(result, Refused):
            self.refuse(result, self.fields)
            return
        self.clear_refusal(self.fields)
        self.done(self.accepted(result))

    def accepted(self, result: object) -> object:
        """What the router is handed once the engine accepted: by default its answer."""
        return result
