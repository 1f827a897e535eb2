"""What the logged-in space offers for a profile, shared by the space (one's own profile) and
« Gérer le profil » (a child's, once certified as its legal representative).

Each action is handed to the app's router, which carries it out: activating or opposing goes
through the decision screen, closing asks for the password on its own screen, reopening is done
at once. What was done is said at the top of the screen (`closed`, `reopened`), which then shows
the profile's new status. The screens read neither the store nor the session: the app hands
them the call that reads what they show.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from textual import events, on
from textual.containers import VerticalGroup
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Static

from mes_sante_tui.core.birthdate import format_date
from mes_sante_tui.core.journey import Step
from mes_sante_tui.core.models import Person
from mes_sante_tui.core.results import Refused
from mes_sante_tui.core.space import Closed, ProfileAction, Reopened
from mes_sante_tui.wording import t

from .base import JourneyScreen

CONTENT_ID = "content"


@dataclass(frozen=True)
class ManageChild:
    """« Gérer le profil » pressed for a child: handed to the router, which certifies the
    parent as legal representative first, or hands a refusal back (`show_refused`)."""

    person_id: int


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

    def __init__(self, own_id: int) -> None:
        """`own_id`: the account holder's profile (« Mon espace santé »), the others being
        their children's (« Le profil de … »)."""
        self.own_id = own_id
        super().__init__()
        self._reload_lock = asyncio.Lock()
        # Set when another screen covered this one: resuming is then coming back to it.
        self._came_back = False
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
        # Only coming back from another screen reads the store again: the first resume
        # follows the compose, which has just read it (a mode switch resumes a screen twice),
        # and a dialog (help, session warning) changes nothing.
        if self._came_back and not self._left_for_dialog:
            await self.reload()
        self._came_back = False

    @on(events.ScreenSuspend)
    def note_suspension(self) -> None:
        self._came_back = True
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
        if person.id == self.own_id:
            return t("space.who.own")
        return t("space.who.child", name=person.full_name)

    def carry_out(self, action: ProfileAction) -> None:
        """Hand `action` to the router, which carries it out on the profile shown."""
        self.clear_refusal({})
        self.show_notice(None)
        self.done(action)

    def show_refused(self, refused: Refused) -> None:
        """What the router could not do, said on this screen (or on its own screen)."""
        self.show_notice(None)
        self.refuse(refused, {})

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

    async def reopened(self, result: Reopened, today: date) -> None:
        """The profile reopened: say so, with the day, and show its new status."""
        self.clear_refusal({})
        when = result.person.status_date or today
        self.show_notice(t("space.reopened", who=self.who(result.person), date=format_date(when)))
        await self.reload()
