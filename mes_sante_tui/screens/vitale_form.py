"""What the forms that ask for the Vitale card share: NIR, card model, serial, their help.

« Je m'identifie », « Je génère un nouveau code provisoire » and the identity-first
« Je renseigne les informations de ma carte Vitale » all ask for the same three fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from textual.widget import Widget
from textual.widgets import Button, Input, RadioSet, Static

from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.widgets import ChoiceButton, FormField, LinkButton, TextInput
from mes_sante_tui.wording import t

from .base import JourneyScreen
from .help_nir import HelpNirScreen
from .help_serial import HelpSerialScreen

R = TypeVar("R")

# Generous limits: a longer entry gets the service's message rather than being cut silently.
MAX_TYPED = 40

_SERIAL_HINT = {
    None: "field.serial.hint.none",
    CardModel.WITHOUT_PHOTO: "field.serial.hint.without",
    CardModel.WITH_PHOTO: "field.serial.hint.with",
}


class VitaleForm(JourneyScreen[R]):
    """A step whose form includes the card's fields; subclasses add theirs around them."""

    fields: dict[str, FormField]

    def vitale_fields(self) -> dict[str, FormField]:
        return {
            "nir": FormField(
                t("field.nir"), TextInput(id="nir", max_length=MAX_TYPED), hint=t("field.nir.hint")
            ),
            "model": FormField(
                t("field.model"),
                RadioSet(
                    ChoiceButton(t("field.model.without"), id="without"),
                    ChoiceButton(t("field.model.with"), id="with"),
                    id="model",
                ),
            ),
            "serial": FormField(
                t("field.serial"),
                TextInput(id="serial", max_length=MAX_TYPED),
                hint=t(_SERIAL_HINT[None]),
                prefix=PHOTO_PREFIX,
                id="serial-field",
            ),
        }

    def compose_nir(self) -> Iterable[Widget]:
        yield self.fields["nir"]
        yield LinkButton(t("link.where_nir"), id="where-nir")

    def compose_card(self) -> Iterable[Widget]:
        yield self.fields["model"]
        yield self.fields["serial"]
        yield LinkButton(t("link.where_serial"), id="where-serial")

    @property
    def model(self) -> CardModel | None:
        pressed = self.query_one("#model", RadioSet).pressed_button
        if pressed is None:
            return None
        return CardModel.WITH_PHOTO if pressed.id == "with" else CardModel.WITHOUT_PHOTO

    def value(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        """The fixed prefix is shown only for photo cards; the hint follows the model."""
        if event.radio_set.id != "model":
            return
        serial = self.fields["serial"]
        serial.set_class(self.model is CardModel.WITH_PHOTO, "-photo")
        serial.query_one(".field-hint", Static).update(t(_SERIAL_HINT[self.model]))

    def open_help_link(self, button: Button) -> bool:
        """Open « Où trouver … » when `button` is one of those links."""
        if button.id == "where-nir":
            self.app.push_screen(HelpNirScreen())
            return True
        if button.id == "where-serial":
            self.app.push_screen(HelpSerialScreen(self.model))
            return True
        return False
