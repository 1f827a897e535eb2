"""The current session's journal, as a timeline (for the trainer, from « Formateur »): each
step with its time, « Accepté » or « Refusé : why » in words (a refusal is also set apart, not
by colour alone), the time spent on it, and « panne injectée » where a trainer's fault fired."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from mes_sante_tui.core.journal import JournalEntry, time_words
from mes_sante_tui.wording import t

from .base import Dialog


def entry_text(entry: JournalEntry) -> str:
    line = t(
        "trainer.journal.entry",
        at=entry.at.strftime("%H:%M:%S"),
        step=entry.step_words,
        result=entry.result_words,
        spent=time_words(entry.time_spent),
    )
    if entry.fault is not None:
        line += "\n" + t("trainer.journal.fault", name=entry.fault)
    return line


class JournalScreen(Dialog[None]):
    DEFAULT_CSS = """
    JournalScreen {
        & > #dialog {
            width: 100;
            max-height: 90%;
            border: thick $secondary;
        }
        & #timeline {
            height: auto;
            max-height: 20;
        }
        & .entry {
            padding-left: 2;
        }
        & .entry.-refused {
            border-left: outer $error;
            padding-left: 1;
            text-style: bold;
        }
        & .entry.-fault {
            border-left: outer $warning;
            padding-left: 1;
        }
    }
    """

    AUTO_FOCUS = "#timeline"
    BINDINGS = [
        Binding("escape", "close", t("trainer.close"), tooltip=t("trainer.close"), id="close"),
    ]

    def __init__(self, session_id: str | None, entries: Sequence[JournalEntry]) -> None:
        super().__init__(
            t("trainer.journal.title", session=session_id) if session_id
            else t("trainer.journal.title_none")
        )
        self.entries = list(entries)

    def compose_body(self) -> ComposeResult:
        if not self.entries:
            yield Static(t("cli.journal.empty"), id="dialog-text", markup=False)
            return
        with VerticalScroll(id="timeline", can_focus=True):
            for entry in self.entries:
                classes = "entry"
                if not entry.accepted:
                    classes += " -refused"
                if entry.fault is not None:
                    classes += " -fault"
                yield Static(entry_text(entry), classes=classes, markup=False)

    def compose_buttons(self) -> ComposeResult:
        yield Button(t("trainer.close"), id="close", variant="primary", classes="dialog-button")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
