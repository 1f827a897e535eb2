"""What the forms that ask for the Vitale card share: NIR, card model, serial, their help.

« Je m'identifie », « Je génère un nouveau code provisoire » and the identity-first
« Je renseigne les informations de ma carte Vitale » all ask for the same three fields.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from textual.widget import Widget
from textual.widgets import Button, Input

from mes_sante_tui.core.models import CardModel
from mes_sante_tui.dialogs.help_nir import HelpNirScreen
from mes_sante_tui.dialogs.help_serial import HelpSerialScreen
from mes_sante_tui.widgets import CardFields, FormField, LinkButton, TextInput
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
