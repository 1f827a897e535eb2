"""« Je certifie être le représentant légal de … » before acting for a child."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.widget import Widget
from textual.widgets import Button, RadioSet, Static

from mes_sante_tui.core.engine import Accepted, Outcome
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.widgets import ActionRow, ChoiceButton, ErrorSummary, FormField
from mes_sante_tui.wording import t

from .base import JourneyScreen


@dataclass(frozen=True)
class RepresentativeView:
    """The child acted for, and whether the parent is logged in (in the space, a refusal
    stays on the form instead of its own screen)."""

    child_name: str
    logged_in: bool = False


# The certification: yes, no, or None when nothing is chosen.
CertifyCall = Callable[[bool | None], Accepted | Refused]


class RepresentativeScreen(JourneyScreen[None]):
    STEP = Step.REPRESENTATIVE
    AUTO_FOCUS = "#certify"

    def __init__(self, view: RepresentativeView, certify: CertifyCall) -> None:
        self.view = view
        self.certify = certify
        super().__init__()

    def body(self) -> Iterable[Widget]:
        name = self.view.child_name
        self.fields = {
            "certify": FormField(
                t("field.certify"),
                RadioSet(
                    ChoiceButton(t("representative.yes", name=name), id="yes"),
                    ChoiceButton(t("representative.no", name=name), id="no"),
                    id="certify",
                ),
            )
        }
        yield Static(t("representative.intro", name=name), classes="lead", markup=False)
        yield ErrorSummary()
        yield self.fields["certify"]
        with ActionRow(classes="actions"):
            yield Button(t("button.continue"), id="continue", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "continue":
            self.submit()

    def submit(self) -> None:
        pressed = self.query_one("#certify", RadioSet).pressed_button
        answer = None if pressed is None else pressed.id == "yes"
        result = self.certify(answer)
        if isinstance(result, Accepted):
            self.done()
        elif self.view.logged_in and result.outcome == Outcome.NOT_REPRESENTATIVE:
            # In the logged-in space the explanation (only that representative can act, the
            # 3422 line) stays on the form: Escape goes back to the space, still logged in.
            self.show_refusal({}, self.fields, result.message)
        else:
            self.refuse(result, self.fields)
