"""Helpers shared by the tests: reading codes from the outbox, typing by keyboard."""

from __future__ import annotations

import re

from textual.pilot import Pilot

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
