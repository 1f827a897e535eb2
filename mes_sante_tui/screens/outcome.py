"""An identification outcome on its own screen: what happened, why, and a way forward."""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.flows import HOME, LOGIN_WAY, REGENERATE_CODE, RETRY, outcome_actions
from mes_sante_tui.core.journey import Step
from mes_sante_tui.widgets import ActionRow
from mes_sante_tui.wording import FR, t

from .base import JourneyScreen

# The ways forward each outcome offers, first one focused: one table, in core/flows.py,
# that the plain mode offers too.
REGENERATE, LOGIN = REGENERATE_CODE, LOGIN_WAY


class OutcomeScreen(JourneyScreen[str]):
    """Returns the way forward chosen: "retry", "regenerate", "login" or "home"."""

    STEP = Step.IDENTIFY
    HELP_KEY = "outcome.help"

    def __init__(self, outcome: str, message: str, step: Step = Step.IDENTIFY) -> None:
        self.outcome = outcome
        self.message = message
        self.shown_step = step
        super().__init__()

    def stepper_step(self) -> Step:
        return self.shown_step  # the stepper stays where the person was

    def title_text(self) -> str:
        return t(f"outcome.{self.outcome}.title")

    @property
    def actions(self) -> tuple[str, ...]:
        return outcome_actions(self.outcome)

    def body(self) -> Iterable[Widget]:
        yield Static(self.message, id="outcome-message", classes="lead", markup=False)
        yield Static(t(f"outcome.{self.outcome}.next"), classes="lead", markup=False)
        yield Static(t("outcome.contact"), classes="note", markup=False)
        with ActionRow(classes="actions"):
            for index, action in enumerate(self.actions):
                # An outcome may word a way forward its own way.
                own = f"outcome.{self.outcome}.action.{action}"
                yield Button(
                    t(own if own in FR else f"outcome.action.{action}"),
                    id=f"action-{action}",
                    variant="primary" if index == 0 else "default",
                )

    def on_mount(self) -> None:
        self.query_one(f"#action-{self.actions[0]}").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("action-"):
            self.dismiss(event.button.id.removeprefix("action-"))

    def cancelled(self) -> str:
        """Going back: correct what was typed where that can help, else the home page."""
        return RETRY if RETRY in self.actions else HOME
