"""« Gérer le profil » in the logged-in space: a child's name and status, and what its status
allows (activate, oppose, close, reopen), once the parent has certified being the child's
legal representative."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.containers import VerticalGroup
from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.space import ProfileAction, ProfileLine
from mes_sante_tui.widgets import ActionRow, ErrorSummary
from mes_sante_tui.wording import t

from .profile_actions import ProfileActionsScreen

ACTION_PREFIX = "action-"


class ManageProfileScreen(ProfileActionsScreen):
    TITLE_KEY = "manage_profile.title"
    AUTO_FOCUS = "#content Button, #space"
    DEFAULT_CSS = """
    ManageProfileScreen #who {
        text-style: bold;
        width: 1fr;
    }
    """
    HELP_KEY = "manage_profile.help"

    def __init__(self, own_id: int, line: Callable[[], ProfileLine | None]) -> None:
        """Handed the call that reads the child's line (name, status, actions) again each
        time the screen comes back; None once no child is acted for."""
        self.line = line
        super().__init__(own_id)

    def body(self) -> Iterable[Widget]:
        yield ErrorSummary()
        yield self.notice_widget()
        yield self.content_widget()
        with ActionRow(classes="actions"):
            yield Button(t("manage_profile.back"), id="space")

    def content(self) -> Iterable[Widget]:
        line = self.line()
        if line is None:
            return
        yield Static(
            t("manage_profile.who", name=line.person.full_name), id="who", markup=False
        )
        yield Static(
            t("manage_profile.status", status=line.label),
            id="status",
            classes="lead",
            markup=False,
        )
        if not line.actions:
            yield Static(t("space.no_action"), classes="note", markup=False)
            return
        yield Static(t("manage_profile.actions"), classes="kicker", markup=False)
        for index, action in enumerate(line.actions):
            yield VerticalGroup(
                Static(
                    t(f"space.action.{action.value}.text"), classes="action-text", markup=False
                ),
                Button(
                    t(f"space.action.{action.value}"),
                    id=f"{ACTION_PREFIX}{action.value}",
                    variant="primary" if index == 0 else "default",
                ),
                classes="action-list",
            )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        if button_id == "space":
            self.done("space")
        elif button_id.startswith(ACTION_PREFIX):
            self.carry_out(ProfileAction(button_id.removeprefix(ACTION_PREFIX)))
