"""« Je certifie être le représentant légal de … » before acting for a child."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import HorizontalGroup
from textual.widget import Widget
from textual.widgets import Button, RadioSet, Static

from mes_sante_tui.core.engine import Accepted, Outcome
from mes_sante_tui.core.journey import Step
from mes_sante_tui.widgets import ChoiceButton, ErrorSummary, FormField
from mes_sante_tui.wording import t

from .base import JourneyScreen


class RepresentativeScreen(JourneyScreen[None]):
    STEP = Step.REPRESENTATIVE
    AUTO_FOCUS = "#certify"

    def body(self) -> Iterable[Widget]:
        session = self.msa.session
        assert session is not None and session.person_id is not None
        child = self.msa.store.person(session.person_id)
        self.fields = {
            "certify": FormField(
                t("field.certify"),
                RadioSet(
                    ChoiceButton(t("representative.yes", name=child.full_name), id="yes"),
                    ChoiceButton(t("representative.no", name=child.full_name), id="no"),
                    id="certify",
                ),
            )
        }
        yield Static(t("representative.intro", name=child.full_name), classes="lead", markup=False)
        yield ErrorSummary()
        yield self.fields["certify"]
        with HorizontalGroup(classes="actions"):
            yield Button(t("button.continue"), id="continue", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "continue":
            self.submit()

    def submit(self) -> None:
        session = self.msa.session
        assert session is not None
        pressed = self.query_one("#certify", RadioSet).pressed_button
        answer = None if pressed is None else pressed.id == "yes"
        result = self.msa.engine.certify_representative(session, answer)
        if isinstance(result, Accepted):
            self.done()
        elif self.msa.logged_in and result.outcome == Outcome.NOT_REPRESENTATIVE:
            # In the logged-in space the explanation (only that representative can act, the
            # 3422 line) stays on the form: Escape goes back to the space, still logged in.
            self.show_refusal({}, self.fields, result.message)
        else:
            self.refuse(result, self.fields)
