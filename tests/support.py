"""Helpers shared by the tests: reading codes from the outbox, typing by keyboard."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from mes_sante_tui.core.models import Channel, OutboxMessage
from mes_sante_tui.core.services import Services


def message_code(message: OutboxMessage) -> str:
    """The code a message carries, from its own column (the person reads it in the text)."""
    assert message.code is not None, message.body
    assert message.code in message.body, message.body
    return message.code


def persona_code(services: Services, key: str) -> str:
    """The provisional code a persona "received": the newest 12-character code sent about
    its profile by e-mail or letter (the information message, or a new code asked for)."""
    wanted = person_id(services, key)
    for message in services.store.outbox():  # newest first
        if (
            message.person_id == wanted
            and message.channel is not Channel.SMS
            and message.code
            and len(message.code) == 12
        ):
            return message_code(message)
    raise LookupError(key)


def newest_code(services: Services) -> str:
    """The code of the newest message in the outbox."""
    return message_code(max(services.store.outbox(), key=lambda m: m.id))


def latest_otp(services: Services) -> str:
    """The 6-digit one-time code of the newest message in the outbox."""
    code = newest_code(services)
    assert len(code) == 6, code
    return code


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
