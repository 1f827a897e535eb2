"""The Vitale card's fields, the same on every form that asks for them.

The card model (without / with photo), then the serial number with the fixed, read-only
prefix `8025000002` shown for the card with photo only (never before a model is chosen, never
for a card without photo), its hint following the model, and « Où trouver mon numéro de série
de carte Vitale ? » after them. « Je m'identifie », « Je génère un nouveau code provisoire », the
identity-first card step and « Mot de passe oublié » all use this one widget.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalGroup
from textual.widgets import Input, RadioSet, Static

from mes_sante_tui.core.flows import SERIAL_HINT as FLOWS_SERIAL_HINT
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.wording import t

from .choices import ChoiceButton
from .form_field import FormField
from .link_button import LinkButton
from .text_input import TextInput


def where_serial_link() -> LinkButton:
    """« Où trouver mon numéro de série de carte Vitale ? », shown after the card's fields."""
    return LinkButton(t("link.where_serial"), id="where-serial")


# The serial's hint follows the model chosen: the table of core/flows.py.
SERIAL_HINT = FLOWS_SERIAL_HINT


class CardFields(VerticalGroup):
    """Model radio (`#model`) and serial field (`#serial-field` around `#serial`). The screen
    keeps `model_field` and `serial_field` among its fields, so that errors land under them,
    and puts « Où trouver mon numéro de série » (`where_serial_link`) after the widget: as a
    sibling of the form's other blocks, its margin merges with theirs."""

    DEFAULT_CSS = """
    CardFields {
        width: 1fr;
        height: auto;
        & > #serial-field > .field-row > .field-prefix {
            display: none;
        }
        & > #serial-field.-photo > .field-row > .field-prefix {
            display: block;
        }
    }
    """

    def __init__(self, *, max_length: int, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model_field = FormField(
            t("field.model"),
            RadioSet(
                ChoiceButton(t("field.model.without"), id="without"),
                ChoiceButton(t("field.model.with"), id="with"),
                id="model",
            ),
        )
        self.serial_field = FormField(
            t("field.serial"),
            TextInput(id="serial", max_length=max_length),
            hint=t(SERIAL_HINT[None]),
            prefix=PHOTO_PREFIX,
            id="serial-field",
        )

    def compose(self) -> ComposeResult:
        yield self.model_field
        yield self.serial_field

    def on_mount(self) -> None:
        self._follow_model()

    @property
    def model(self) -> CardModel | None:
        """The model chosen, None before any choice."""
        pressed = self.model_field.query_one(RadioSet).pressed_button
        if pressed is None:
            return None
        return CardModel.WITH_PHOTO if pressed.id == "with" else CardModel.WITHOUT_PHOTO

    @property
    def serial(self) -> str:
        return self.serial_field.query_one(Input).value

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set is self.model_field.input_widget:
            self._follow_model()

    def _follow_model(self) -> None:
        """The prefix shows for the card with photo only; the hint follows the model."""
        model = self.model
        self.serial_field.set_class(model is CardModel.WITH_PHOTO, "-photo")
        self.serial_field.query_one(".field-hint", Static).update(t(SERIAL_HINT[model]))
