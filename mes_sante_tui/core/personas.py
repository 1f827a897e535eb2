"""The fictitious population of `data/personas.json`, and seeding it into a store.

Each persona says what it is for, so a trainer can pick one. Seeding gives every persona its
provisional code "received" in the outbox, by e-mail, or by letter when no e-mail is on file.

Dates tell one story: the information message comes before the decision taken with its code
(`information_date` and `status_date` for a decision of the guides' years, or
`information_days_ago` and `decision_days_ago` counted back from now); a code is used on the
day of the decision it served; `new_code_days_ago` adds a code asked for since (a person who
opposed and changed their mind).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from .clock import OFFSET_KEY, Clock
from .codes import CodeGenerator, CodeHasher
from .lifecycle import catch_up
from .models import Channel, Person
from .outbox import Mailer
from .password import hash_password
from .paths import data_dir
from .settings import Settings
from .store import Store

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
    with store.transaction():
        for household in data["households"]:
            household_id = store.add_household(household["label"])
            ids: dict[str, int] = {}
            for member in household["members"]:
                ids[member["key"]] = _insert_person(store, household_id, member, ids, now)
                people += 1
            for member in household["members"]:
                person = store.person(ids[member["key"]])
                addressee = person if person.parent_id is None else store.person(person.parent_id)
                messages += _issue_information_code(
                    store, mailer, hasher, codes, settings, now, person, addressee, member
                )
                messages += _issue_new_code(
                    store, mailer, hasher, codes, settings, now, person, addressee, member
                )
                if "account" in member:
                    _insert_account(store, person, member["account"], settings, now)
                _record_seeded_decision(store, person)
        # The seeded population as the clock finds it: a persona informed more than six
        # weeks ago (Nathalie) is already created, with its message.
        messages += catch_up(store, mailer, now).created
    return SeedReport(households=len(data["households"]), people=people, messages=messages)


def reset(store: Store, clock: Clock, codes: CodeGenerator, settings: Settings) -> SeedReport:
    """Empty every table of the population and seed it again, atomically. The simulated
    clock starts again from the system's."""
    with store.transaction():
        store.empty(_DATA_TABLES, meta_keys=(OFFSET_KEY,))
        return seed(store, clock, codes, settings)


def _decision_date(member: dict[str, Any], now: datetime) -> str | None:
    """The day of the persona's decision: fixed (`status_date`) or `decision_days_ago`."""
    if "decision_days_ago" in member:
        return (now - timedelta(days=int(member["decision_days_ago"]))).date().isoformat()
    decided: str | None = member.get("status_date")
    return decided


def _information_sent(member: dict[str, Any], now: datetime) -> datetime:
    """When the information message was sent: on `information_date` (in the morning), or
    `information_days_ago` days before now."""
    if "information_date" in member:
        return datetime.combine(date.fromisoformat(member["information_date"]), time(9, 0))
    return now - timedelta(days=int(member.get("information_days_ago", 0)))


def _insert_person(
    store: Store, household_id: int, member: dict[str, Any], ids: dict[str, int], now: datetime
) -> int:
    parent = member.get("parent")
    person_id = store.add_person(
        {
            "household_id": household_id,
            "nir": member["nir"],
            "first_name": member["first_name"],
            "last_name": member["last_name"],
            "birth_date": member["birth_date"],
            "email": member.get("email"),
            "mobile": member.get("mobile"),
            "status": member.get("status", "en_attente"),
            "status_date": _decision_date(member, now),
            "parent_id": ids[parent] if parent else None,
            "deceased": int(member.get("deceased", False)),
            "not_activable_reason": member.get("not_activable_reason"),
            "persona_key": member["key"],
            "persona_note": member.get("note", ""),
        }
    )
    if "card" in member:
        store.add_card(person_id, member["card"]["model"], member["card"]["serial"])
    return person_id


def _issue_information_code(
    store: Store,
    mailer: Mailer,
    hasher: CodeHasher,
    codes: CodeGenerator,
    settings: Settings,
    now: datetime,
    person: Person,
    addressee: Person,
    member: dict[str, Any],
) -> int:
    """The information message with its code; a used code was used by the decision."""
    state = member.get("code")
    if state is None:
        return 0
    sent = _information_sent(member, now)
    valid_until = sent + settings.information_code_validity
    store.set_information_sent(person.id, sent)
    code = _store_code(
        store, hasher, codes, person, addressee, sent, valid_until, "information",
        used_at=_used_at(sent, person) if state == "used" else None,
    )
    mailer.information(sent, person, addressee, code, valid_until)
    return 1


def _store_code(
    store: Store,
    hasher: CodeHasher,
    codes: CodeGenerator,
    person: Person,
    addressee: Person,
    sent: datetime,
    valid_until: datetime,
    origin: str,
    used_at: datetime | None = None,
) -> str:
    """A new provisional code for `person`, kept as its keyed hash, sent by e-mail (else by
    letter) to the addressee; returns the code, for the message that carries it."""
    code = codes.provisional()
    store.add_provisional_code(
        person_id=person.id,
        code_hash=hasher.digest(code),
        issued_at=sent,
        expires_at=valid_until,
        used_at=used_at,
        channel=_channel(addressee),
        origin=origin,
    )
    return code


def _channel(addressee: Person) -> Channel:
    return Channel.EMAIL if addressee.email else Channel.LETTER


def _used_at(sent: datetime, person: Person) -> datetime:
    """A used code was used by the person's decision, at noon that day (never before the
    message that brought it); without a decision, the day after it came."""
    if person.status_date is None:
        return sent + timedelta(days=1)
    return max(datetime.combine(person.status_date, time(12, 0)), sent + timedelta(minutes=1))


def _issue_new_code(
    store: Store,
    mailer: Mailer,
    hasher: CodeHasher,
    codes: CodeGenerator,
    settings: Settings,
    now: datetime,
    person: Person,
    addressee: Person,
    member: dict[str, Any],
) -> int:
    """A provisional code asked for on the site `new_code_days_ago` days before now, by
    e-mail (else by letter), as « Générer un nouveau code provisoire » sends it."""
    if "new_code_days_ago" not in member:
        return 0
    sent = now - timedelta(days=int(member["new_code_days_ago"]))
    valid_until = sent + settings.regenerated_code_validity
    code = _store_code(store, hasher, codes, person, addressee, sent, valid_until, "regenerated")
    mailer.new_code(sent, person, addressee, _channel(addressee), code, valid_until)
    return 1


# The decision behind a seeded status, so that the store tells the same story as a journey.
_DECISION_OF_STATUS = {"active": "activer", "oppose": "opposer"}


def _record_seeded_decision(store: Store, person: Person) -> None:
    kind = _DECISION_OF_STATUS.get(person.status.value)
    if kind is None or person.status_date is None:
        return
    store.add_decision(person.id, kind, person.status_date, person.parent_id or person.id)


def _insert_account(
    store: Store, person: Person, account: dict[str, str], settings: Settings, now: datetime
) -> None:
    store.add_account(
        person_id=person.id,
        identifier=account["identifier"],
        password_hash=hash_password(account["password"]),
        rule_version=settings.rule_version.value,
        created_at=person.status_date or now.date(),
    )
