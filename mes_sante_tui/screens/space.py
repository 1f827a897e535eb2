"""« Mon espace santé », once logged in: the account, one's own profile and its actions, the
profiles of the children attached to the account with « Gérer le profil », and « Se
déconnecter »."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import HorizontalGroup, VerticalGroup
from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.space import ProfileAction, ProfileLine, SpaceSummary
from mes_sante_tui.widgets import ErrorSummary, LinkButton
from mes_sante_tui.wording import t

from .profile_actions import ProfileActionsScreen

OWN_PREFIX = "own-"
MANAGE_PREFIX = "manage-"


class SpaceScreen(ProfileActionsScreen):
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

    def body(self) -> Iterable[Widget]:
        session = self.msa.session
        assert session is not None and session.account_id is not None
        person = self.msa.store.person(session.account_id)
        first_name = person.first_name.split()[0]
        yield Static(t("space.hello", first_name=first_name), classes="hello", markup=False)
        yield ErrorSummary()
        yield self.notice_widget()
        yield self.content_widget()
        with HorizontalGroup(classes="actions"):
            yield Button(t("space.logout"), id="logout")

    def content(self) -> Iterable[Widget]:
        session = self.msa.session
        if session is None:
            return
        summary = self.msa.engine.space.summary(session)
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

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        session = self.msa.session
        if session is None:
            return
        if button_id == "logout":
            self.msa.engine.access.logout(session)
            self.done("home")
        elif button_id.startswith(MANAGE_PREFIX):
            self.clear_refusal({})
            refused = self.msa.manage_child(int(button_id.removeprefix(MANAGE_PREFIX)))
            if refused is not None:
                self.refuse(refused, {})
        elif button_id.startswith(OWN_PREFIX):
            self.clear_refusal({})
            self.msa.engine.back_to_own_profile(session)  # the actions act on one's own
            await self.carry_out(ProfileAction(button_id.removeprefix(OWN_PREFIX)))
