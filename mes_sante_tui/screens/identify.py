"""« Je m'identifie »: provisional code, NIR, card model and serial (guide 002)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, Input, RadioSet, Static

from mes_sante_tui.core.engine import Identified
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.widgets import ChoiceButton, ErrorSummary, FormField
from mes_sante_tui.wording import t

from .base import JourneyScreen
from .help_nir import HelpNirScreen
from .help_serial import HelpSerialScreen

# Generous limits: a longer entry gets the service's message rather than being cut silently.
_MAX_TYPED = 40


class IdentifyScreen(JourneyScreen[None]):
    STEP = Step.IDENTIFY
    TITLE_KEY = "identify.title"
    HELP_KEY = "identify.help"
    AUTO_FOCUS = "#code"

    def body(self) -> Iterable[Widget]:
        self.fields = {
            "code": FormField(
                t("field.code"),
                Input(id="code", max_length=_MAX_TYPED),
                hint=t("field.code.hint"),
            ),
            "nir": FormField(
                t("field.nir"), Input(id="nir", max_length=_MAX_TYPED), hint=t("field.nir.hint")
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
                Input(id="serial", max_length=_MAX_TYPED),
                hint=t("field.serial.hint.none"),
                prefix=PHOTO_PREFIX,
                id="serial-field",
            ),
        }
        yield Static(t("identify.intro"), classes="lead", markup=False)
        yield Static(t("identify.required_note"), classes="note", markup=False)
        yield ErrorSummary()
        yield self.fields["code"]
        yield self.fields["nir"]
        yield Button(t("link.where_nir"), id="where-nir", classes="link")
        yield self.fields["model"]
        yield self.fields["serial"]
        yield Button(t("link.where_serial"), id="where-serial", classes="link")
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.cancel"), id="cancel")
            yield Button(t("button.continue"), id="continue", variant="primary")

    @property
    def model(self) -> CardModel | None:
        pressed = self.query_one("#model", RadioSet).pressed_button
        if pressed is None:
            return None
        return CardModel.WITH_PHOTO if pressed.id == "with" else CardModel.WITHOUT_PHOTO

    def _show_model(self, model: CardModel | None) -> None:
        """The fixed prefix is shown only for photo cards; the hint follows the model."""
        serial = self.fields["serial"]
        serial.set_class(model is CardModel.WITH_PHOTO, "-photo")
        hint = {
            None: "field.serial.hint.none",
            CardModel.WITHOUT_PHOTO: "field.serial.hint.without",
            CardModel.WITH_PHOTO: "field.serial.hint.with",
        }[model]
        serial.query_one(".field-hint", Static).update(t(hint))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._show_model(self.model)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "continue":
                self.submit()
            case "cancel":
                self.msa.leave_to_home()
            case "where-nir":
                self.app.push_screen(HelpNirScreen())
            case "where-serial":
                self.app.push_screen(HelpSerialScreen(self.model))

    def submit(self) -> None:
        session = self.msa.session
        if session is None:
            return
        result = self.msa.engine.identify_with_code(
            session,
            code=self.query_one("#code", Input).value,
            nir=self.query_one("#nir", Input).value,
            model=self.model,
            serial=self.query_one("#serial", Input).value,
        )
        if isinstance(result, Identified):
            self.clear_refusal(self.fields)
            self.msa.advance(self.STEP)
        else:
            self.show_refusal(result.errors, self.fields, result.message)
