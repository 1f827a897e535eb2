"""A labelled form field, and the summary of a form's errors.

The label says whether the field is required, the hint gives the format before anything is
validated, and an error is written in words under the field (« ⚠ Erreur : … ») and listed in
the summary with the field's name: never by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import HorizontalGroup, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Checkbox, Input, RadioSet, Static

from mes_sante_tui.wording import t


class FormField(Vertical):
    """Label « (obligatoire) », hint, optional read-only prefix and the input, then the error.

    An error goes as soon as the person acts on the field: a box ticked, an option chosen,
    the text changed (the form checks it again when it is sent). The field then posts
    `ErrorCleared`, so that the screen's summary no longer lists it.
    """

    class ErrorCleared(Message):
        """The field's error went because the person corrected the field."""

        def __init__(self, field: FormField) -> None:
            super().__init__()
            self.field = field

    DEFAULT_CSS = """
    FormField {
        width: 1fr;
        height: auto;
        margin-bottom: 1;
        padding-left: 1;
        border-left: blank;
        &.-invalid {
            border-left: thick $error;
        }
        & > .field-label {
            text-style: bold;
            width: 1fr;
        }
        & > .field-hint {
            color: $text-muted;
            width: 1fr;
        }
        & > .field-row {
            width: 1fr;
            height: auto;
        }
        & > .field-row > .field-prefix {
            width: auto;
            height: 3;
            padding: 0 1;
            border: tall $surface;
            background: $surface;
            color: $text;
            text-style: bold;
            content-align: left middle;
        }
        & > .field-row > Input {
            width: 1fr;
        }
        & Input:focus, & Input.-invalid:focus, & RadioSet:focus {
            border: thick $accent;
        }
        & > .field-error {
            color: $text-error;
            text-style: bold;
            width: 1fr;
        }
    }
    """

    def __init__(
        self,
        label: str,
        input_widget: Widget,
        *,
        hint: str | None = None,
        required: bool = True,
        prefix: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.input_widget = input_widget
        self.hint = hint
        self.required = required
        self.prefix = prefix
        self._error: str | None = None
        self._error_line = Static("", classes="field-error", markup=False)
        self._error_line.display = False

    def compose(self) -> ComposeResult:
        need = t("widget.field.required") if self.required else t("widget.field.optional")
        yield Static(Content.assemble((self.label, "bold"), " ", need), classes="field-label")
        if self.hint:
            yield Static(self.hint, classes="field-hint", markup=False)
        with HorizontalGroup(classes="field-row"):
            if self.prefix:
                yield Static(self.prefix, classes="field-prefix", markup=False)
            yield self.input_widget
        yield self._error_line

    @property
    def error(self) -> str | None:
        """The message currently shown under the field, if any."""
        return self._error

    def set_error(self, message: str | None) -> None:
        """Show `message` under the field (« ⚠ Erreur : … »), or clear it with None."""
        self._error = message or None
        self.set_class(self._error is not None, "-invalid")
        if self._error is None:
            self._error_line.update("")
            self._error_line.display = False
        else:
            self._error_line.update(t("widget.field.error", message=self._error))
            self._error_line.display = True

    def _corrected(self, widget: Widget, now_valid: bool = True) -> None:
        """Clear the error when `widget` is this field's own input and it now may be right."""
        if self._error is None or widget is not self.input_widget or not now_valid:
            return
        self.set_error(None)
        self.post_message(self.ErrorCleared(self))

    def on_input_changed(self, event: Input.Changed) -> None:
        self._corrected(event.input)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._corrected(event.checkbox, now_valid=event.value)  # a box ticked, not unticked

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._corrected(event.radio_set)


class ErrorSummary(Static, can_focus=True):
    """At the top of a form: a general message, then « ⚠ N erreurs à corriger : » and a list.

    Plain lines only, so a screen reader reads it as text; hidden when there is nothing to say.
    A screen can focus it after a refused submission so it is read first.
    """

    DEFAULT_CSS = """
    ErrorSummary {
        width: 1fr;
        height: auto;
        margin-bottom: 1;
        padding: 0 1;
        border: tall $error;
        color: $text;
        display: none;
        &:focus {
            border: thick $accent;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.errors: tuple[tuple[str, str], ...] = ()
        self.message: str | None = None

    def show_errors(self, errors: Sequence[tuple[str, str]]) -> None:
        """List `(field label, message)` pairs; an empty sequence clears the list."""
        self.errors = tuple(errors)
        self._refresh_text()

    def show_message(self, text: str | None) -> None:
        """Show a general message (not about one field), or clear it with None."""
        self.message = text or None
        self._refresh_text()

    @property
    def lines(self) -> list[str]:
        """The text shown, line by line."""
        lines: list[str] = []
        if self.message:
            lines.append(t("widget.errors.message", message=self.message))
        if self.errors:
            count = len(self.errors)
            lines.append(t("widget.errors.one") if count == 1 else t("widget.errors.many", n=count))
            lines += [
                t("widget.errors.item", label=label, message=message)
                for label, message in self.errors
            ]
        return lines

    def _refresh_text(self) -> None:
        lines = self.lines
        heading = len(lines) - len(self.errors)  # the message and the count line
        content = Content("\n").join(
            Content.styled(line, "bold $text-error") if index < heading else Content(line)
            for index, line in enumerate(lines)
        )
        self.update(content)
        self.display = bool(lines)
