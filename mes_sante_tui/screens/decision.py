"""The decision: activate (with consent) or oppose.

Code first: « Bonjour Martine ! » (guide 002, Finalisation 1/2-2/2). Identity first: the
« Activation » step of guide 000, with its « En savoir plus sur … » links. In both, each
option's sentence stands under its option, as in the guides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Button, Checkbox, RadioSet, Static

from mes_sante_tui.core.engine import Accepted, Choice
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.settings import JourneyVariant
from mes_sante_tui.dialogs.document import DocumentScreen
from mes_sante_tui.widgets import (
    ActionRow,
    ChoiceButton,
    ChoiceSet,
    ErrorSummary,
    FormField,
    LinkButton,
    TickBox,
)
from mes_sante_tui.wording import t, t_variant

from .base import JourneyScreen


def option_text(text: str, option_id: str) -> Static:
    """An option's sentence, under its option inside the radio set. Disabled, so that the
    arrow keys go from option to option and never stop on it."""
    return Static(
        text, id=f"{option_id}-text", classes="choice-text", markup=False, disabled=True
    )


class OptionsWithText(ChoiceSet):
    """The options, each followed by its sentence. RadioSet would turn any child given to
    its constructor into a radio button, so the children are composed instead."""

    def __init__(self, *children: Widget, id: str | None = None) -> None:
        super().__init__(id=id)
        self._options = children

    def compose(self) -> ComposeResult:
        yield from self._options


@dataclass(frozen=True)
class DecisionView:
    """What the decision shows: the journey's variant, the first name of the person who
    identified (the parent, for a child) and the child's name (None: one's own profile)."""

    variant: JourneyVariant
    first_name: str
    child_name: str | None = None


# The decision: the choice made (None before any) and whether the CGU were accepted.
DecideCall = Callable[[Choice | None, bool], Accepted | Refused]


class DecisionScreen(JourneyScreen[None]):
    STEP = Step.DECISION
    AUTO_FOCUS = "#choice"
    DEFAULT_CSS = """
    DecisionScreen .choice-text {
        padding-left: 4;
        color: $text-muted;
        margin-bottom: 1;
        &:last-child {
            margin-bottom: 0;
        }
    }
    """

    def __init__(
        self, view: DecisionView, decide: DecideCall, preset: Choice | None = None
    ) -> None:
        """`preset`: the choice already made elsewhere (« Gérer le profil » in the logged-in
        space offers « Activer » and « Je m'oppose » as buttons); it can still be changed."""
        self.view = view
        self.decide = decide
        self.preset = preset
        super().__init__()

    def on_mount(self) -> None:
        # With the choice made, the focus goes to what is left to do.
        if self.preset is Choice.ACTIVATE:
            self.query_one("#consent").focus()  # accept the CGU
        elif self.preset is Choice.OPPOSE:
            self.query_one("#continue").focus()

    @property
    def variant(self) -> JourneyVariant:
        return self.view.variant

    def title_text(self) -> str:
        """« Bonjour Martine ! » (guide 002): the person who identified (the parent, for a
        child); « Activation » in the identity-first journey (guide 000)."""
        if self.variant is JourneyVariant.IDENTITY_FIRST:
            return t_variant(self.TITLE_KEY, self.variant)
        return t("decision.hello", first_name=self.view.first_name)

    def body(self) -> Iterable[Widget]:
        self.fields = {
            "choice": FormField(
                t("field.choice"),
                OptionsWithText(
                    ChoiceButton(
                        t("decision.activate"),
                        self.preset is Choice.ACTIVATE,
                        id="activate",
                    ),
                    option_text(t("decision.activate.text"), "activate"),
                    ChoiceButton(
                        t("decision.oppose"), self.preset is Choice.OPPOSE, id="oppose"
                    ),
                    option_text(t("decision.oppose.text"), "oppose"),
                    id="choice",
                ),
            ),
            "consent": FormField(
                t("field.consent"),
                TickBox(t("decision.consent_box"), id="consent"),
                hint=t("decision.consent_label"),
            ),
        }
        if self.view.child_name is not None:
            yield Static(
                t("decision.child", name=self.view.child_name), classes="lead", markup=False
            )
        yield ErrorSummary()
        yield self.fields["choice"]
        yield self.fields["consent"]
        yield LinkButton(t_variant("decision.read_cgu", self.variant), id="read-cgu")
        yield LinkButton(t_variant("decision.read_privacy", self.variant), id="read-privacy")
        with ActionRow(classes="actions"):
            yield Button(t("button.continue"), id="continue", variant="primary")

    @property
    def choice(self) -> Choice | None:
        pressed = self.query_one("#choice", RadioSet).pressed_button
        if pressed is None:
            return None
        return Choice.ACTIVATE if pressed.id == "activate" else Choice.OPPOSE

    def on_button_pressed(self, event: Button.Pressed) -> None:
        match event.button.id:
            case "continue":
                self.submit()
            case "read-cgu":
                self.app.push_screen(DocumentScreen(t("help.cgu.title"), t("help.cgu.body")))
            case "read-privacy":
                self.app.push_screen(
                    DocumentScreen(t("help.privacy.title"), t("help.privacy.body"))
                )

    def submit(self) -> None:
        consent = self.query_one("#consent", Checkbox).value
        result = self.decide(self.choice, consent)
        if not isinstance(result, Accepted):
            # A situation (code used or profile decided meanwhile) gets its own screen.
            self.refuse(result, self.fields)
            return
        self.clear_refusal(self.fields)
        # The router goes on: to the next step, or (an opposition) to its confirmation.
        self.done(result)
