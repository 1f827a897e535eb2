"""The password field with its « Afficher » tick box: alone (login, closure), or with the live
checklist of the rules and its confirmation (account, new password)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox, Input

from mes_sante_tui.core.password import PasswordRule

from .choices import TickBox
from .form_field import FormField
from .password_checklist import PasswordChecklist
from .text_input import TextInput

MAX_PASSWORD = 200  # far above any rule: a long entry gets the message, not a cut

Rules = Callable[[str], Sequence[PasswordRule]]


class PasswordPair(Vertical):
    """`#password` (and `#confirmation`), the checklist when `rules` is given, and the tick
    box `#show` that shows or hides what is typed; `toggle` does the same (F3)."""

    DEFAULT_CSS = """
    PasswordPair {
        width: 1fr;
        height: auto;
        margin-bottom: 1;
    }
    """

    def __init__(
        self,
        label: str,
        hint: str,
        *,
        show_label: str,
        confirmation: tuple[str, str] | None = None,
        rules: Rules | None = None,
    ) -> None:
        super().__init__()
        self.fields: dict[str, FormField] = {
            "password": FormField(
                label, TextInput(id="password", password=True, max_length=MAX_PASSWORD), hint=hint
            )
        }
        if confirmation is not None:
            confirm_label, confirm_hint = confirmation
            self.fields["confirmation"] = FormField(
                confirm_label,
                TextInput(id="confirmation", password=True, max_length=MAX_PASSWORD),
                hint=confirm_hint,
            )
        self._show_label = show_label
        self._rules = rules

    def compose(self) -> ComposeResult:
        yield self.fields["password"]
        if self._rules is not None:
            yield PasswordChecklist(id="checklist")
        if "confirmation" in self.fields:
            yield self.fields["confirmation"]
        show = TickBox(self._show_label, id="show")
        # The space under the tick box is the pair's own (its margin above), so that it
        # merges with the margin of what follows, as it did when the box stood alone: the
        # app's stylesheet, which wins over DEFAULT_CSS, gives every check box one.
        show.styles.margin = (0, 0, 0, 0)
        yield show

    def on_mount(self) -> None:
        self._update_checklist("")

    @property
    def password(self) -> str:
        return self.query_one("#password", Input).value

    @property
    def confirmation(self) -> str:
        return self.query_one("#confirmation", Input).value

    def clear(self) -> None:
        for field in self.query(Input):
            field.value = ""

    def toggle(self) -> None:
        box = self.query_one("#show", Checkbox)
        box.value = not box.value

    def _update_checklist(self, typed: str) -> None:
        if self._rules is not None:
            self.query_one(PasswordChecklist).show_rules(self._rules(typed))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "password":
            self._update_checklist(event.value)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id == "show":
            for field in self.query(Input):
                field.password = not event.value
