"""« Formateur » (F6): the faults a trainer can inject, each with its state, toggled after a
confirmation (for the next call, or until removed); and the current session's journal.

The faults are kept in the store (core/faults.py), so what is toggled here is what a
trainer's terminal shows with `mes-sante-tui panne`, and the other way round."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Button, Static

from mes_sante_tui.core.faults import Fault, FaultPlan
from mes_sante_tui.wording import t

from .base import Dialog

# What the panel returns: "journal" to open the session's journal, None to close.
JOURNAL = "journal"


def fault_state(plan: FaultPlan) -> dict[Fault, bool]:
    """The faults in force: whether each is for the next call only."""
    return {f.fault: f.once for f in plan.in_force()}


def fault_label(fault: Fault, state: dict[Fault, bool]) -> str:
    how = (
        t("fault.off") if fault not in state
        else t("fault.once" if state[fault] else "fault.until_removed")
    )
    return t("trainer.fault", name=fault.value, what=t(f"fault.{fault.value}"), state=how)


class TrainerPanelScreen(Dialog[str | None]):
    """The faults, one button each; choosing one asks to confirm (FaultConfirmScreen)."""

    DEFAULT_CSS = """
    TrainerPanelScreen {
        & > #dialog {
            width: 96;
            border: thick $secondary;
        }
        & #faults {
            height: auto;
        }
        & #faults Button {
            width: 1fr;
            height: auto;
            min-height: 1;
            border: none;
            text-align: left;
            content-align: left middle;
            &:focus {
                text-style: bold reverse;
            }
        }
        & Button.dialog-button {
            margin-left: 2;
        }
    }
    """

    BINDINGS = [
        Binding("escape", "close", t("trainer.close"), tooltip=t("trainer.close"), id="close"),
    ]

    def __init__(self, plan: FaultPlan, now: Callable[[], datetime]) -> None:
        super().__init__(t("trainer.title"))
        self.plan, self.now = plan, now

    def compose_body(self) -> ComposeResult:
        yield Static(t("trainer.intro"), id="dialog-text", markup=False)
        state = fault_state(self.plan)
        # Not a Tab stop: the faults are. It gives way to the buttons on a short terminal.
        with VerticalScroll(id="faults", can_focus=False):
            for fault in Fault:
                yield Button(fault_label(fault, state), id=f"fault-{fault.value}")

    def compose_buttons(self) -> ComposeResult:
        yield Button(t("trainer.journal"), id=JOURNAL, classes="dialog-button")
        yield Button(t("trainer.remove_all"), id="remove-all", classes="dialog-button")
        yield Button(t("trainer.close"), id="close", variant="primary", classes="dialog-button")

    def refresh_states(self) -> None:
        state = fault_state(self.plan)
        for fault in Fault:
            self.query_one(f"#fault-{fault.value}", Button).label = fault_label(fault, state)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id or ""
        if button == "close":
            self.dismiss(None)
        elif button == JOURNAL:
            self.dismiss(JOURNAL)
        elif button == "remove-all":
            self.plan.remove()
            self.refresh_states()
        elif button.startswith("fault-"):
            fault = Fault(button.removeprefix("fault-"))
            active = fault in fault_state(self.plan)

            def confirmed(choice: str | None) -> None:
                if choice == "remove":
                    self.plan.remove(fault)
                elif choice in ("once", "until_removed"):
                    self.plan.inject(fault, once=choice == "once", now=self.now())
                self.refresh_states()

            self.app.push_screen(FaultConfirmScreen(fault, active=active), confirmed)

    def action_close(self) -> None:
        self.dismiss(None)


class FaultConfirmScreen(Dialog[str | None]):
    """Inject a fault (for the next call, or until removed), or remove one in force: returns
    "once", "until_removed", "remove", or None (cancelled: the default, and Escape)."""

    DEFAULT_CSS = """
    FaultConfirmScreen {
        & > #dialog {
            width: 80;
            border: thick $warning;
        }
        & Button.dialog-button {
            margin-left: 2;
        }
    }
    """

    AUTO_FOCUS = "#cancel"
    BINDINGS = [
        Binding("escape", "cancel", t("trainer.cancel"), tooltip=t("trainer.cancel"), id="cancel"),
    ]

    def __init__(self, fault: Fault, *, active: bool) -> None:
        self.fault, self.active = fault, active
        key = "trainer.confirm.remove" if active else "trainer.confirm.inject"
        super().__init__(t(key, name=fault.value))

    def compose_body(self) -> ComposeResult:
        yield Static(t(f"fault.{self.fault.value}"), id="dialog-text", markup=False)

    def compose_buttons(self) -> ComposeResult:
        yield Button(t("trainer.cancel"), id="cancel", classes="dialog-button")
        if self.active:
            yield Button(t("trainer.remove"), id="remove", variant="warning",
                         classes="dialog-button")
        else:
            yield Button(t("trainer.inject_once"), id="once", variant="warning",
                         classes="dialog-button")
            yield Button(t("trainer.inject_until_removed"), id="until_removed",
                         variant="warning", classes="dialog-button")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "cancel" else event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
