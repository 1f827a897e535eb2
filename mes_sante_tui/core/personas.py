"""The fictitious population of `data/personas.json`, and seeding it into a store.

Each persona says what it is for, so a trainer can pick one. Seeding gives every persona its
provisional code "received" in the outbox, by e-mail, or by letter when no e-mail is on file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from .clock import OFFSET_KEY, Clock
from .codes import CodeGenerator, CodeHasher
from .lifecycle import catch_up
from .models import Person
from .outbox import Mailer
from .password import hash_password
from .paths import data_dir
from .settings import Settings
from .store import Store, iso, person_from_row

# Tables emptied by a reset, children before parents (foreign keys).
_DATA_TABLES = (
    "lockouts",
    "closures",
    "journal",
    "outbox",
    "decisions",
    "accounts",
    "otp_codes",
    "provisional_codes",
    "cards",
    "people",
    "households",
)


@dataclass(frozen=True)
class SeedReport:
    households: int
    people: int
    messages: int


@cache
def load_personas() -> dict[str, Any]:
    path = data_dir() / "personas.json"
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def seed(store: Store, clock: Clock, codes: CodeGenerator, settings: Settings) -> SeedReport:
    """Write the population in one transaction: all of it, or nothing."""
    now = clock.now()
    hasher = CodeHasher(store.secret())
    mailer = Mailer(store)
    data = load_personas()
    people = messages = 0
    with store.transaction() as conn:
        for household in data["households"]:
            cursor = conn.execute("INSERT INTO households(label) VALUES (?)", (household["label"],))
            household_id = int(cursor.lastrowid or 0)
            ids: dict[str, int] = {}
            for member in household["members"]:
                ids[member["key"]] = _insert_person(conn, household_id, member, ids)
                people += 1
            for member in household["members"]:
                person = person_from_row(
                    conn.execute(
                        "SELECT * FROM people WHERE id = ?", (ids[member["key"]],)
                    ).fetchone()
                )
                addressee = (
                    person
                    if person.parent_id is None
                    else person_from_row(
                        conn.execute(
                            "SELECT * FROM people WHERE id = ?", (person.parent_id,)
                        ).fetchone()
                    )
                )
                messages += _issue_information_code(
                    conn, mailer, hasher, codes, settings, now, person, addressee, member
                )
                if "account" in member:
                    _insert_account(conn, person, member["account"], settings, now)
                _record_seeded_decision(conn, person)
        # The seeded population as the clock finds it: a persona informed more than six
        # weeks ago (Nathalie) is already created, with its message.
        messages += catch_up(store, mailer, now).created
    return SeedReport(households=len(data["households"]), people=people, messages=messages)


def reset(store: Store, clock: Clock, codes: CodeGenerator, settings: Settings) -> SeedReport:
    """Empty every table of the population and seed it again, atomically."""
    with store.transaction() as conn:
        for table in _DATA_TABLES:
            conn.execute(f"DELETE FROM {table}")
        # The simulated clock starts again from the system's.
        conn.execute("DELETE FROM meta WHERE key = ?", (OFFSET_KEY,))
        return seed(store, clock, codes, settings)


def _insert_person(
    conn: Any, household_id: int, member: dict[str, Any], ids: dict[str, int]
) -> int:
    parent = member.get("parent")
    cursor = conn.execute(
        "INSERT INTO people(household_id, nir, first_name, last_name, birth_date, email, mobile,"
        " status, status_date, parent_id, deceased, not_activable_reason, persona_key,"
        " persona_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            household_id,
            member["nir"],
            member["first_name"],
            member["last_name"],
            member["birth_date"],
            member.get("email"),
            member.get("mobile"),
            member.get("status", "en_attente"),
            member.get("status_date"),
            ids[parent] if parent else None,
            int(member.get("deceased", False)),
            member.get("not_activable_reason"),
            member["key"],
            member.get("note", ""),
        ),
    )
    person_id = int(cursor.lastrowid)
    if "card" in member:
        conn.execute(
            "INSERT INTO cards(holder_id, model, serial) VALUES (?, ?, ?)",
            (person_id, member["card"]["model"], member["card"]["serial"]),
        )
    return person_id


def _issue_information_code(
    conn: Any,
    mailer: Mailer,
    hasher: CodeHasher,
    codes: CodeGenerator,
    settings: Settings,
    now: datetime,
    person: Person,
    addressee: Person,
    member: dict[str, Any],
) -> int:
    """The information message with its code, sent `information_days_ago` days before now."""
    state = member.get("code")
    if state is None:
        return 0
    sent = now - timedelta(days=int(member.get("information_days_ago", 0)))
    valid_until = sent + settings.information_code_validity
    code = codes.provisional()
    used_at = iso(sent + timedelta(days=1)) if state == "used" else None
    conn.execute("UPDATE people SET information_sent_at = ? WHERE id = ?", (iso(sent), person.id))
    conn.execute(
        "INSERT INTO provisional_codes(person_id, code_hash, issued_at, expires_at, used_at,"
        " channel, origin) VALUES (?, ?, ?, ?, ?, ?, 'information')",
        (
            person.id,
            hasher.digest(code),
            iso(sent),
            iso(valid_until),
            used_at,
            "email" if addressee.email else "courrier",
        ),
    )
    mailer.information(sent, person, addressee, code, valid_until)
    return 1


# The decision behind a seeded status, so that the store tells the same story as a journey.
_DECISION_OF_STATUS = {"active": "activer", "oppose": "opposer"}


def _record_seeded_decision(conn: Any, person: Person) -> None:
    kind = _DECISION_OF_STATUS.get(person.status.value)
    if kind is None or person.status_date is None:
        return
    conn.execute(
        "INSERT INTO decisions(person_id, kind, at, by_person_id) VALUES (?, ?, ?, ?)",
        (person.id, kind, iso(person.status_date), person.parent_id or person.id),
    )


def _insert_account(
    conn: Any, person: Person, account: dict[str, str], settings: Settings, now: datetime
) -> None:
    conn.execute(
        "INSERT INTO accounts(person_id, identifier, password_hash, rule_version, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (
            person.id,
            account["identifier"],
            hash_password(account["password"]),
            settings.rule_version.value,
            iso(person.status_date or now.date()),
        ),
    )
