"""« Mon espace santé », once logged in: the account, one's own profile and its actions, the
profiles of the children attached to the account with « Gérer le profil », and « Se
déconnecter »."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from textual.containers import HorizontalGroup, VerticalGroup
from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.space import ProfileAction, ProfileLine, SpaceSummary
from mes_sante_tui.widgets import ActionRow, ErrorSummary, LinkButton
from mes_sante_tui.wording import t

from .profile_actions import ManageChild, ProfileActionsScreen

OWN_PREFIX = "own-"
MANAGE_PREFIX = "manage-"


@dataclass(frozen=True)
class SpaceView:
    """Whose space it is: the account holder's profile and first name."""

    own_id: int
    first_name: str


# What the space shows, read again each time it comes back: the account, one's own profile
# and the children's, with what each allows; or why it cannot be shown.
SummaryCall = Callable[[], SpaceSummary | Refused]


class SpaceScreen(ProfileActionsScreen):
    """The first screen of the space's area (the app's space mode)."""

    TITLE_KEY = "space.title"
    AUTO_FOCUS = "#content Button, #logout"
    HELP_KEY = "space.help"
    DEFAULT_CSS = """
    SpaceScreen .account {
        padding-left: 2;
        width: 1fr;
    }
    SpaceScreen .profile {
        padding-left: 2;
        width: 1fr;
    }
    SpaceScreen .household-row {
        height: auto;
        margin-bottom: 1;
    }
    SpaceScreen .household-row .profile {
        width: 1fr;
        max-width: 64;
    }
    SpaceScreen .household-intro {
        color: $text-muted;
        width: 1fr;
        margin-bottom: 1;
    }
    """

    def __init__(self, view: SpaceView, summary: SummaryCall) -> None:
        self.view = view
        self.summary = summary
        super().__init__(view.own_id)

    def body(self) -> Iterable[Widget]:
        first_name = self.view.first_name
        yield Static(t("space.hello", first_name=first_name), classes="hello", markup=False)
        yield ErrorSummary()
        yield self.notice_widget()
        yield self.content_widget()
        with ActionRow(classes="actions"):
            yield Button(t("space.logout"), id="logout")

    def content(self) -> Iterable[Widget]:
        summary = self.summary()
        if isinstance(summary, Refused):
            self.call_after_refresh(self.refuse, summary, {})
            return
        yield from self._account(summary)
        yield Static(t("space.own"), classes="kicker", markup=False)
        yield from self._own(summary.own)
        yield Static(t("space.household"), classes="kicker", markup=False)
        yield from self._household(summary.children)

    def _account(self, summary: SpaceSummary) -> Iterable[Widget]:
        email = (
            t("space.email", masked=summary.email_masked)
            if summary.email_masked
            else t("space.email.none")
        )
        mobile = (
            t("space.mobile", masked=summary.mobile_masked)
            if summary.mobile_masked
            else t("space.mobile.none")
        )
        yield Static(t("space.account"), classes="kicker", markup=False)
        yield Static(
            "\n".join((t("space.identifier", identifier=summary.identifier), email, mobile)),
            id="account",
            classes="account",
            markup=False,
        )

    def _own(self, own: ProfileLine) -> Iterable[Widget]:
        yield Static(
            t("space.profile", name=own.person.full_name, status=own.label),
            id="own-status",
            classes="profile lead",
            markup=False,
        )
        if not own.actions:
            yield Static(t("space.no_action"), classes="note", markup=False)
            return
        yield VerticalGroup(
            *(
                Button(
                    t(f"space.action.{action.value}"),
                    id=f"{OWN_PREFIX}{action.value}",
                    variant="primary" if index == 0 else "default",
                )
                for index, action in enumerate(own.actions)
            ),
            classes="action-list",
        )

    def _household(self, children: tuple[ProfileLine, ...]) -> Iterable[Widget]:
        if not children:
            yield Static(t("space.household.none"), classes="note", markup=False)
            return
        yield Static(t("space.household.intro"), classes="household-intro", markup=False)
        for line in children:
            words = Static(
                f"{line.person.full_name}\n{line.label}",
                id=f"status-{line.person.id}",
                classes="profile",
                markup=False,
            )
            if line.actions:
                manage = LinkButton(t("space.manage"), id=f"{MANAGE_PREFIX}{line.person.id}")
                yield HorizontalGroup(words, manage, classes="household-row")
            else:
                yield VerticalGroup(
                    words,
                    Static(t("space.no_action"), classes="note profile", markup=False),
                    classes="household-row",
                )

    # --- actions -------------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Each button is handed to the router: « Se déconnecter », « Gérer le profil » of a
        child, an action on one's own profile."""
        button_id = event.button.id or ""
        if button_id == "logout":
            self.done("logout")
        elif button_id.startswith(MANAGE_PREFIX):
            self.clear_refusal({})
            self.done(ManageChild(int(button_id.removeprefix(MANAGE_PREFIX))))
        elif button_id.startswith(OWN_PREFIX):
            self.carry_out(ProfileAction(button_id.removeprefix(OWN_PREFIX)))
