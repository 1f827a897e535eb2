"""What the logged-in space offers for a profile, shared by the space (one's own profile) and
« Gérer le profil » (a child's, once certified as its legal representative).

Activating or opposing goes through the decision screen; closing asks for the password on its
own screen; reopening is done at once. Each action acts on the session's profile. What was
done is said at the top of the screen, which then shows the profile's new status.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from textual import events, on
from textual.containers import VerticalGroup
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.birthdate import format_date
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import Person
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.space import Closed, ProfileAction
from mes_sante_tui.wording import t

from .base import JourneyScreen

CONTENT_ID = "content"


class ProfileActionsScreen(JourneyScreen[None]):
    """A screen whose `content()` shows profiles and their actions, rebuilt from the store
    each time the screen comes back (after a decision, a closure, a reopening)."""

    STEP = Step.HOME
    DEFAULT_CSS = """
    ProfileActionsScreen #notice {
        width: 1fr;
    }
    ProfileActionsScreen .action-text {
        color: $text-muted;
        width: 1fr;
    }
    ProfileActionsScreen .action-list {
        height: auto;
        margin-bottom: 1;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._reload_lock = asyncio.Lock()
        self._resumed_once = False
        self._left_for_dialog = False

    # --- what subclasses give ------------------------------------------------------------

    def content(self) -> Iterable[Widget]:
        """The part of the screen that follows the store: statuses and their buttons."""
        return ()

    def notice_widget(self) -> Static:
        notice = Static("", id="notice", classes="confirmation", markup=False)
        notice.display = False
        return notice

    def content_widget(self) -> VerticalGroup:
        return VerticalGroup(*self.content(), id=CONTENT_ID)

    # --- coming back ---------------------------------------------------------------------

    @on(events.ScreenResume)
    async def reload_on_resume(self) -> None:
        # The first resume follows the compose, which has just read the store; a dialog
        # (help, session warning) changes nothing.
        if self._resumed_once and not self._left_for_dialog:
            await self.reload()
        self._resumed_once = True

    @on(events.ScreenSuspend)
    def note_suspension(self) -> None:
        self._left_for_dialog = isinstance(self.app.screen, ModalScreen)
        if not self._left_for_dialog:
            # What was said before the person left is not news when they come back.
            self.show_notice(None)
            self.clear_refusal({})

    async def reload(self) -> None:
        """Read the store again and show it, keeping the focus where it was when it can."""
        async with self._reload_lock:
            focused = self.focused.id if self.focused is not None else None
            container = self.query_one(f"#{CONTENT_ID}", VerticalGroup)
            with self.app.batch_update():
                await container.remove_children()
                await container.mount_all(list(self.content()))
            kept = self.query(f"#{focused}") if focused else None
            if kept:
                kept.first().focus()
            else:
                self.focus_default()

    def focus_default(self) -> None:
        """The first button of the content, else the first focusable widget."""
        buttons = self.query_one(f"#{CONTENT_ID}").query(Button)
        if buttons:
            buttons.first().focus()
        else:
            self.focus_next()

    def show_notice(self, text: str | None) -> None:
        notice = self.query_one("#notice", Static)
        notice.update(text or "")
        notice.display = bool(text)

    # --- the actions ---------------------------------------------------------------------

    def who(self, person: Person) -> str:
        """« Mon espace santé » for one's own profile, « Le profil de … » for a child's."""
        session = self.msa.session
        if session is not None and person.id == session.account_id:
            return t("space.who.own")
        return t("space.who.child", name=person.full_name)

    async def carry_out(self, action: ProfileAction) -> None:
        """Carry out `action` on the session's profile."""
        match action:
            case ProfileAction.REOPEN:
                await self.reopen()
            case _:  # the decision, the closure: the router opens them
                self.done(action)

    def closed(self, result: Closed | None) -> None:
        """Back from the closure form: say what was closed, when, and until when the data are
        kept (the new status shows when the screen comes back)."""
        if result is None:
            return
        closure = result.closure
        on = format_date(closure.closed_at.date())
        if closure.deletion_due_at is not None:
            text = t(
                "space.closed.deletion",
                who=self.who(result.person),
                date=on,
                due=format_date(closure.deletion_due_at.date()),
            )
        else:
            text = t("space.closed", who=self.who(result.person), date=on)
        self.show_notice(text)
        self.msa.refresh_outbox()

    async def reopen(self) -> None:
        session = self.msa.session
        if session is None:
            return
        result = self.msa.engine.space.reopen(session)
        if isinstance(result, Refused):
            self.show_notice(None)
            self.refuse(result, {})
            return
        self.clear_refusal({})
        when = result.person.status_date or self.msa.engine.clock.now().date()
        self.show_notice(t("space.reopened", who=self.who(result.person), date=format_date(when)))
        self.msa.refresh_outbox()
        await self.reload()
