"""« Je choisis pour qui j'active le profil »: children sharing a date of birth (twins)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from textual.widget import Widget
from textual.widgets import Button, RadioSet, Static

from mes_sante_tui.core.engine import Accepted
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.results import Refused
from mes_sante_tui.widgets import ActionRow, ChoiceButton, ErrorSummary, FormField
from mes_sante_tui.wording import t

from .base import JourneyScreen


class ChooseProfileScreen(JourneyScreen[bool]):
    """Returns True once a profile is chosen (as a sub-step), else False.

    In the identity-first journey it is a step of its own: it then advances the journey.
    """

    STEP = Step.CHOOSE_PROFILE
    AUTO_FOCUS = "#profile"
    CANCELLED = False

    def __init__(
        self,
        candidates: Sequence[tuple[int, str]],
        choose: Callable[[int | None], Accepted | Refused],
        *,
        as_step: bool = False,
    ) -> None:
        """Handed the profiles to choose from (id, « name — status »), and the call that
        chooses one (None: nothing chosen)."""
        self.candidates = tuple(candidates)
        self.choose = choose
        self.as_step = as_step
        super().__init__()

    def body(self) -> Iterable[Widget]:
        buttons = [
            ChoiceButton(label, id=f"profile-{person_id}") for person_id, label in self.candidates
        ]
        self.fields = {"profile": FormField(t("field.profile"), RadioSet(*buttons, id="profile"))}
        yield Static(t("choose.intro"), classes="lead", markup=False)
        yield ErrorSummary()
        yield self.fields["profile"]
        with ActionRow(classes="actions"):
            yield Button(t("button.continue"), id="continue", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "continue":
            self.submit()

    def submit(self) -> None:
        pressed = self.query_one("#profile", RadioSet).pressed_button
        person_id = int(pressed.id.removeprefix("profile-")) if pressed and pressed.id else None
        result = self.choose(person_id)
        if not isinstance(result, Accepted):
            self.refuse(result, self.fields)
        elif self.as_step:
            self.done()
        else:
            self.dismiss(True)
