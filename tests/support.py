"""Helpers shared by the tests: reading codes from the outbox, typing by keyboard."""

from __future__ import annotations

import re
from typing import Any

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from mes_sante_tui.core.services import Services


def persona_code(services: Services, key: str) -> str:
    """The provisional code a persona "received", read from its information message."""
    wanted = person_id(services, key)
    for message in services.store.outbox():
        if message.person_id == wanted:
            found = re.search(r"code provisoire : (\w{12})", message.body)
            if found:
                return found.group(1)
    raise LookupError(key)


def latest_otp(services: Services) -> str:
    """The 6-digit one-time code of the newest message in the outbox."""
    newest = max(services.store.outbox(), key=lambda m: m.id)
    found = re.search(r"\b(\d{6})\b", newest.body)
    assert found, newest.body
    return found.group(1)


def person_id(services: Services, key: str) -> int:
    row = services.store.query_one("SELECT id FROM people WHERE persona_key = ?", (key,))
    assert row is not None, key
    return int(row["id"])


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` one key at a time, as a person at the keyboard would."""
    keys = ["space" if c == " " else c for c in text]
    await pilot.press(*keys)


def current(app: App[Any]) -> Screen[Any]:
    """The screen shown now (a call, so that a type checker does not keep an old narrowing)."""
    return app.screen


# --- keyboard ------------------------------------------------------------------------------


async def paste(pilot: Pilot[None], text: str) -> None:
    """Paste into the focused field, as the terminal sends it (a bracketed paste) when a code
    is copied from the e-mail that brought it."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


async def tab_to(pilot: Pilot[None], widget_id: str) -> None:
    """Tab (or Shift+Tab, whichever is shorter) until the widget has the focus."""
    screen = pilot.app.screen
    target = screen.query_one(f"#{widget_id}")
    chain = screen.focus_chain
    assert target in chain, widget_id
    focused = pilot.app.focused
    if focused is target:
        return
    there = chain.index(target)
    here = chain.index(focused) if focused in chain else -1
    forward, backward = (there - here) % len(chain), (here - there) % len(chain)
    if here == -1 or forward <= backward:
        await pilot.press(*["tab"] * forward)
    else:
        await pilot.press(*["shift+tab"] * backward)
    assert pilot.app.focused is target, (widget_id, pilot.app.focused)


async def leave_anyway(pilot: Pilot[None]) -> str:
    """« Quitter la page ? » is on screen: answer « Quitter » by keyboard. Returns what the
    question said would be lost."""
    from mes_sante_tui.screens import QuitConfirmScreen

    dialog = pilot.app.screen
    assert isinstance(dialog, QuitConfirmScreen), dialog
    await tab_to(pilot, "quit")
    await pilot.press("enter")
    await pilot.pause()
    return dialog.message
