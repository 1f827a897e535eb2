"""Helpers shared by the tests: reading codes from the outbox, typing by keyboard."""

from __future__ import annotations

import asyncio
import sqlite3
import unicodedata
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.app import App
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from mes_sante_tui.core.models import Channel, OutboxMessage
from mes_sante_tui.core.services import Services
from mes_sante_tui.loaded import is_loaded_instance


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
    """Type `text` one key at a time, as a person at the keyboard would.

    Each character is a real `Key` event, in order, to the focused widget (emoji and marks
    included, with the character a terminal would give). Into a text field they are sent
    together, then the app handles them all: `Pilot.press` sleeps at least 40 ms after every
    key and lets the screen repaint each time, which made typing most of the suite's time.
    Anywhere else a character may move the focus (a space on a button), so there each key is
    handled before the next one is sent.
    """
    app = pilot.app
    # A TextArea's module is looked up only where loaded: the app loads none, and the drivers
    # (which the bench's memory figures run) should not load it either (~1 MB).
    text_area = is_loaded_instance(app.focused, "textual.widgets._text_area", "TextArea")
    if isinstance(app.focused, Input) or text_area:
        for character in text:
            app.post_message(key_event(character))
        await _drain(pilot)
        await pilot.pause()
    else:
        await press_each(pilot, *text)


async def press_each(pilot: Pilot[None], *keys: str) -> None:
    """Press keys (names as `Pilot.press` takes them, or single characters) one after the
    other, each handled, with what it sent on, before the next; then one pause. Meant for
    keys that only move within a screen (Tab, arrows, characters): it does not wait for
    workers or repaints between keys as `Pilot.press` does."""
    for key in keys:
        pilot.app.post_message(key_event(key))
        await _drain(pilot)
    await pilot.pause()


def key_event(key: str) -> events.Key:
    """The `Key` event for a key name (`"tab"`, `"shift+tab"`) or one typed character."""
    if len(key) == 1:
        if key == " ":
            return events.Key("space", " ")
        return events.Key(key if key.isalnum() else _character_to_key(key), key)
    try:
        character: str | None = unicodedata.lookup(
            _get_unicode_name_from_key(REPLACED_KEYS.get(key, key))
        )
    except KeyError:
        character = None
    return events.Key(key, character)


async def _drain(pilot: Pilot[None]) -> None:
    """Until the app and every widget of the screen have handled what was sent to them,
    with what handling it sent on (a key forwarded to the focused field, then bubbling up,
    a Changed message to the screen). No sleep: this only lets the event loop run."""
    app = pilot.app
    for _ in range(1000):
        if not await pilot._wait_for_screen():
            return  # an exception stopped the app: the test will see it
        pumps = [app, *app.screen.walk_children(with_self=True)]
        if all(pump._message_queue.empty() for pump in pumps):
            return


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the app has done what it was asked, however loaded the machine is: every
    screen of the stack (those under a dialog too) has handled the messages sent to it so far,
    then the screen was refreshed, the callbacks waiting for that refresh ran, and the layout
    they asked for was done.

    `Pilot.pause()` waits for the current screen's messages, then until the process looks idle
    (its CPU time against the wall clock): on a loaded machine it looks idle at once, and what
    is left (a screen under a dialog, a callback after the refresh) may not have run yet."""
    app = pilot.app
    for screen in list(app.screen_stack):
        handled = asyncio.Event()
        if screen.call_later(handled.set):  # after the messages already in its queue
            await handled.wait()
    for _ in range(2):  # a refresh and its callbacks, then the refresh they may have asked for
        await app.screen.wait_for_refresh()


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
        await press_each(pilot, *["tab"] * forward)
    else:
        await press_each(pilot, *["shift+tab"] * backward)
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


# --- the store's invariants ----------------------------------------------------------------

STATUSES = ("en_attente", "oppose", "cree", "active", "cloture", "supprime")
# What the latest decision of a profile leaves it in.
STATUS_AFTER = {
    "activer": ("active",),
    "opposer": ("oppose",),
    "cloturer": ("cloture", "supprime"),
    "rouvrir": ("active", "cree"),
}


@dataclass(frozen=True)
class StoreMark:
    """Where a store was when a test began: its latest decision, and the codes already used."""

    decision: int
    used_codes: frozenset[int]


def store_mark(conn: sqlite3.Connection) -> StoreMark:
    return StoreMark(
        decision=int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM decisions").fetchone()[0]),
        used_codes=frozenset(
            int(row[0])
            for row in conn.execute("SELECT id FROM provisional_codes WHERE used_at IS NOT NULL")
        ),
    )


def store_problems(conn: sqlite3.Connection, since: StoreMark | None = None) -> list[str]:
    """What is wrong in a store, in words (an empty list when all holds): SQLite's own checks,
    valid statuses, and a story that holds together. With `since`, what the test did must
    also hold: each activation or opposition it recorded used a provisional code (or was made
    by a logged-in account holder), each code it used has its decision, each closure or
    reopening was made by an account holder."""

    def rows(sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in conn.execute(sql, params)]

    problems: list[str] = []

    def expect_none(what: str, sql: str, params: tuple[object, ...] = ()) -> None:
        found = rows(sql, params)
        if found:
            problems.append(f"{what}: {found[:5]}")

    integrity = rows("PRAGMA integrity_check")
    if integrity != [("ok",)]:
        problems.append(f"integrity_check: {integrity[:5]}")
    expect_none("foreign keys", "PRAGMA foreign_key_check")
    marks = ",".join("?" * len(STATUSES))
    expect_none(
        "invalid status", f"SELECT id, status FROM people WHERE status NOT IN ({marks})", STATUSES
    )
    expect_none(
        "decided status without a date",
        "SELECT id, status FROM people WHERE status != 'en_attente' AND status_date IS NULL",
    )
    kinds = ",".join("?" * len(STATUS_AFTER))
    expect_none(
        "unknown decision",
        f"SELECT id, kind FROM decisions WHERE kind NOT IN ({kinds})",
        tuple(STATUS_AFTER),
    )
    expect_none(
        "active profile never activated",
        "SELECT id FROM people p WHERE status = 'active' AND NOT EXISTS "
        "(SELECT 1 FROM decisions d WHERE d.person_id = p.id AND d.kind = 'activer')",
    )
    for kind, statuses in STATUS_AFTER.items():
        allowed = ",".join("?" * len(statuses))
        expect_none(
            f"status after a last decision '{kind}'",
            "SELECT p.id, p.status FROM people p JOIN decisions d ON d.person_id = p.id "
            "WHERE d.id = (SELECT MAX(id) FROM decisions WHERE person_id = p.id) "
            f"AND d.kind = ? AND p.status NOT IN ({allowed})",
            (kind, *statuses),
        )
    expect_none(
        "account in a household where nothing was ever activated",
        "SELECT a.person_id FROM accounts a JOIN people p ON p.id = a.person_id "
        "WHERE NOT EXISTS (SELECT 1 FROM people q JOIN decisions d ON d.person_id = q.id "
        "WHERE q.household_id = p.household_id AND d.kind = 'activer')",
    )
    if since is None:
        return problems
    expect_none(
        "decision without a used code",
        "SELECT d.id, d.person_id, d.kind FROM decisions d WHERE d.id > ? "
        "AND d.kind IN ('activer', 'opposer') "
        "AND NOT EXISTS (SELECT 1 FROM provisional_codes c "
        "WHERE c.person_id = d.person_id AND c.used_at = d.at) "
        "AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = d.by_person_id)",
        (since.decision,),
    )
    expect_none(
        "closure or reopening by no account holder",
        "SELECT d.id, d.kind FROM decisions d WHERE d.id > ? "
        "AND d.kind IN ('cloturer', 'rouvrir') "
        "AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = d.by_person_id)",
        (since.decision,),
    )
    used_before = ",".join(str(i) for i in sorted(since.used_codes)) or "0"
    expect_none(
        "code used without a decision",
        "SELECT c.id, c.person_id FROM provisional_codes c WHERE c.used_at IS NOT NULL "
        f"AND c.id NOT IN ({used_before}) AND NOT EXISTS (SELECT 1 FROM decisions d "
        "WHERE d.person_id = c.person_id AND d.at = c.used_at)",
    )
    return problems
