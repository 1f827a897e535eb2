"""The subcommands: `personas`, `outbox`, `status`, `clock`, `seed` and `reset`.

Each reads or changes the store through the core, builds the records that `--json` prints
as they are, and hands people's view to `render` (rich tables). `render` is imported only
when a person is shown something, so that scripts do not load rich.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing, contextmanager
from datetime import datetime, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

from mes_sante_tui.core import personas as population
from mes_sante_tui.core.birthdate import format_date, format_moment
from mes_sante_tui.core.clock import OFFSET_KEY
from mes_sante_tui.core.codeformat import PROVISIONAL_CODE_LENGTH
from mes_sante_tui.core.contacts import format_mobile
from mes_sante_tui.core.models import Card, CardModel, OutboxMessage, Person
from mes_sante_tui.core.nir import format_nir
from mes_sante_tui.core.population import generate_population
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.status import status_label
from mes_sante_tui.core.store import DamagedStore, Store, move_aside
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.plain.console import is_terminal
from mes_sante_tui.wording import t

from .context import EXIT_FAILURE, EXIT_OK, Context, fail, print_json
from .parser import folded

Progress = Callable[[int, int], None]

# Codes carried by a message. A 12-character token that reads like a plain word
# ("informations") is a code only when it follows a label of the catalogue ("code : ").


# Work on fewer items than this ends before a bar would be read: none is shown.
PROGRESS_FROM = 1_000


@contextmanager
def progress(context: Context, description_key: str) -> Iterator[Progress | None]:
    """What reports the progress of long work to people: a bar on standard error when it
    is a terminal, never with `--json` (then None, and the core reports to nobody). The bar
    appears only once the work is known to count `PROGRESS_FROM` items or more, so that a
    quick command does not flash one."""
    if context.json or not is_terminal(sys.stderr):
        yield None
        return
    with ExitStack() as stack:
        bar: list[Progress] = []

        def report(done: int, total: int) -> None:
            if not bar:
                if total < PROGRESS_FROM:
                    return
                from . import render

                bar.append(stack.enter_context(render.progress_bar(t(description_key))))
            bar[0](done, total)

        yield report


def _spaced(number: int) -> str:
    """12 345: French thousands, with a space."""
    return f"{number:,}".replace(",", " ")


# --- personas ----------------------------------------------------------------------------


def _serial_display(card: Card) -> str:
    """A photo card's serial as the person sees it: the fixed prefix, then the 11 digits."""
    if card.model is CardModel.WITH_PHOTO and card.serial.startswith(PHOTO_PREFIX):
        return f"{PHOTO_PREFIX} {card.serial[len(PHOTO_PREFIX):]}"
    return card.serial


def _matches(person: Person, key: str | None, needle: str) -> bool:
    """The filter of `personas --filtre`: part of the name, the persona key or the NIR."""
    return any(needle in folded(value) for value in (person.full_name, key or "", person.nir))


def _status_fields(person: Person, store: Store) -> dict[str, Any]:
    """A profile's status as every command gives it in JSON: the machine value of the
    status (`ProfileStatus`: en_attente, oppose, cree, active, cloture, supprime), its words
    as the service shows them, and its date."""
    return {
        "status": person.status.value,
        "status_label": status_label(person, store.closure_of(person.id)),
        "status_date": None if person.status_date is None else person.status_date.isoformat(),
    }


class _Lookup:
    """The households, persona keys and parents of the people shown, read once each."""

    def __init__(self, store: Store, shown: dict[int, tuple[Person, str | None]]) -> None:
        self.store = store
        self._households: dict[int, str] = {}
        self._people: dict[int, Person] = {p.id: p for p, _ in shown.values()}
        self._keys: dict[int, str | None] = {pid: key for pid, (_, key) in shown.items()}

    def household(self, household_id: int) -> str:
        if household_id not in self._households:
            self._households[household_id] = self.store.household_label(household_id)
        return self._households[household_id]

    def key(self, person_id: int) -> str | None:
        if person_id not in self._keys:
            self._keys[person_id] = self.store.persona_key(person_id)
        return self._keys[person_id]

    def person(self, person_id: int | None) -> Person | None:
        if person_id is None:
            return None
        if person_id not in self._people:
            self._people[person_id] = self.store.person(person_id)
        return self._people[person_id]


def _persona_record(
    person: Person, *, store: Store, lookup: _Lookup, accounts: dict[int, str]
) -> dict[str, Any]:
    card = store.card_of(person.id)
    parent = lookup.person(person.parent_id)
    return {
        "key": lookup.key(person.id),
        "household": lookup.household(person.household_id),
        "name": person.full_name,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "nir": person.nir,
        "nir_formatted": format_nir(person.nir),
        "birth_date": person.birth_date.isoformat(),
        "card": None if card is None else {
            "model": card.model.value,
            "serial": card.serial,
            "serial_display": _serial_display(card),
        },
        "email": person.email,
        "mobile": person.mobile,
        **_status_fields(person, store),
        "parent": (
            None if parent is None else {"key": lookup.key(parent.id), "name": parent.full_name}
        ),
        "deceased": person.deceased,
        "not_activable_reason": person.not_activable_reason,
        "account": accounts.get(person.id),
        "note": person.persona_note,
    }


def _persona_fields(
    person: Person, record: dict[str, Any], lookup: _Lookup
) -> list[tuple[str, str]]:
    card = record["card"]
    parent = lookup.person(person.parent_id)
    if card is not None:
        card_text = t(f"cli.card.{card['model']}", serial=card["serial_display"])
    elif parent is not None:
        card_text = t("cli.card.none", parent=parent.full_name)
    else:
        card_text = t("cli.card.missing")
    status = str(record["status_label"])
    if person.deceased:
        status += f" ({t('cli.deceased')})"
    elif person.not_activable_reason:
        status += f" ({t('cli.not_activable', reason=person.not_activable_reason)})"
    rows = [
        (t("cli.personas.nir"), format_nir(person.nir)),
        (t("cli.personas.birth"), format_date(person.birth_date)),
        (t("cli.personas.card"), card_text),
        (t("cli.personas.email"), person.email or t("cli.email.none")),
        (t("cli.personas.mobile"), format_mobile(person.mobile) if person.mobile
         else t("cli.mobile.none")),
        (t("cli.personas.status"), status),
    ]
    if parent is not None:
        parent_key = record["parent"]["key"] if record["parent"] else None
        suffix = f" ({parent_key})" if parent_key else ""
        rows.append((t("cli.personas.parent"), parent.full_name + suffix))
    if parent is None:
        rows.append((t("cli.personas.account"), record["account"] or t("cli.account.none")))
    if person.persona_note:
        rows.append((t("cli.personas.note"), person.persona_note))
    return rows


def cmd_personas(services: Services, context: Context) -> int:
    store = services.store
    wanted: str | None = context.args.filtre
    limit: int | None = context.args.limit
    needle = None if wanted is None else folded(wanted)
    # Household by household, adults before children; at most `limit` of them (read
    # lazily: a large population is not loaded for ten).
    with closing(store.people_by_household()) as everyone:
        chosen = (
            everyone if needle is None
            else (pair for pair in everyone if _matches(*pair, needle))
        )
        shown = list(islice(chosen, limit))
    lookup = _Lookup(store, {p.id: (p, key) for p, key in shown})
    accounts = store.account_identifiers()
    people = [p for p, _ in shown]
    records = [
        _persona_record(p, store=store, lookup=lookup, accounts=accounts) for p in people
    ]
    if context.json:
        print_json(records)
        return EXIT_OK
    from . import render

    if not records:
        if wanted is not None:
            render.sentences(t("cli.personas.no_match", filter=wanted.strip(), path=context.path))
        else:
            render.sentences(t("cli.personas.empty", path=context.path))
        return EXIT_OK
    groups: list[tuple[str | None, list[render.Card]]] = []
    for person, record in zip(people, records, strict=True):
        if not groups or groups[-1][0] != record["household"]:
            groups.append((record["household"], []))
        groups[-1][1].append(render.Card(
            title=f"{record['key'] or person.id} — {person.full_name}",
            rows=_persona_fields(person, record, lookup),
        ))
    total = store.people_count()
    if wanted is None and limit is None:
        summary = t("cli.personas.count", people=total, households=store.household_count(),
                    path=context.path)
    else:
        summary = t("cli.personas.shown", shown=len(records), total=total, path=context.path)
    render.cards(groups, summary)
    return EXIT_OK


# --- outbox ------------------------------------------------------------------------------


def message_codes(message: OutboxMessage) -> tuple[list[str], list[str]]:
    """The provisional and one-time codes a message carries, read from its own column (never
    from its text): a 12-character code is provisional, a 6-digit one is a one-time code."""
    if message.code is None:
        return [], []
    if len(message.code) == PROVISIONAL_CODE_LENGTH:
        return [message.code], []
    return [], [message.code]


def _message_record(message: OutboxMessage, names: dict[int, str]) -> dict[str, Any]:
    return {
        "id": message.id,
        "date": message.at.isoformat(),
        "channel": message.channel.value,
        "channel_label": t(f"cli.channel.{message.channel.value}"),
        "sender": message.sender,
        "address": message.address,
        "masked_address": message.masked_address,
        "person": None if message.person_id is None else names.get(message.person_id),
        "subject": message.subject,
        "provisional_codes": message_codes(message)[0],
        "one_time_codes": message_codes(message)[1],
        "body": message.body,
    }


def _message_fields(message: OutboxMessage, record: dict[str, Any]) -> list[tuple[str, str]]:
    rows = [
        (t("cli.outbox.date"), format_moment(message.at)),
        (t("cli.outbox.channel"), record["channel_label"]),
    ]
    if message.sender:
        rows.append((t("cli.outbox.sender"), message.sender))
    rows += [
        (t("cli.outbox.to"), message.masked_address),
        (t("cli.outbox.address"), message.address),
    ]
    if record["person"]:
        rows.append((t("cli.outbox.person"), record["person"]))
    rows.append((t("cli.outbox.subject"), message.subject))
    if record["provisional_codes"]:
        rows.append((t("cli.outbox.provisional"), ", ".join(record["provisional_codes"])))
    if record["one_time_codes"]:
        rows.append((t("cli.outbox.otp"), ", ".join(record["one_time_codes"])))
    return rows


def cmd_outbox(services: Services, context: Context) -> int:
    store = services.store
    limit: int | None = context.args.limit
    # By date, newest first (seeded messages are back-dated, so not in arrival order).
    messages = store.outbox(limit)
    names = {p.id: p.full_name for p in store.people()}
    records = [_message_record(m, names) for m in messages]
    if context.json:
        print_json(records)
        return EXIT_OK
    from . import render

    if not records:
        render.sentences(t("cli.outbox.empty"))
        return EXIT_OK
    codes = frozenset({t("cli.outbox.provisional"), t("cli.outbox.otp")})
    cards = [
        render.Card(
            title=t("cli.outbox.number", id=message.id),
            rows=_message_fields(message, record),
            highlighted=codes,
        )
        for message, record in zip(messages, records, strict=True)
    ]
    summary = t("cli.outbox.count", shown=len(records), total=store.outbox_count(),
                path=context.path)
    render.cards([(None, cards)], summary)
    return EXIT_OK


# --- status ------------------------------------------------------------------------------


def cmd_status(services: Services, context: Context) -> int:
    store = services.store
    nir: str = context.args.nir
    person = store.person_by_nir(nir)
    if person is None:
        return fail(t("cli.nir.unknown", nir=format_nir(nir), path=context.path))
    label = store.household_label(person.household_id)
    members = store.household(person.household_id)
    accounts = store.account_identifiers()
    profiles = [
        {
            "name": m.full_name,
            "nir": m.nir,
            "birth_date": m.birth_date.isoformat(),
            **_status_fields(m, store),
            "is_child": m.parent_id is not None,
            "has_account": m.id in accounts,
        }
        for m in members
    ]
    if context.json:
        print_json({"nir": nir, "household": label, "profiles": profiles})
        return EXIT_OK
    from . import render

    yes, no = t("cli.status.yes"), t("cli.status.no")
    rows = [
        [
            t("cli.status.child", name=m.full_name) if m.parent_id is not None else m.full_name,
            format_nir(m.nir),
            format_date(m.birth_date),
            str(profile["status_label"]),
            yes if profile["has_account"] else no,
        ]
        for m, profile in zip(members, profiles, strict=True)
    ]
    headers = [
        t("cli.status.name"), t("cli.status.nir"), t("cli.status.birth"),
        t("cli.status.status"), t("cli.status.account"),
    ]
    render.table(
        headers, rows, title=t("cli.status.household", label=label, count=len(members)),
        keep_whole=(1, 2),
    )
    return EXIT_OK


# --- clock -------------------------------------------------------------------------------


def _offset_words(offset: timedelta) -> str:
    days, rest = divmod(int(offset.total_seconds()), 86_400)
    hours, rest = divmod(rest, 3_600)
    return t("cli.clock.offset", days=days, hours=hours, minutes=rest // 60)


def cmd_clock(services: Services, context: Context) -> int:
    """Show the simulated clock; with `+6w` (or `+3d`, `+2h`, `+90m`), move it ahead first
    and say what the move carried out."""
    engine, store = services.engine, services.store
    move: timedelta | None = context.args.move
    with progress(context, "cli.progress.catch_up") as report:
        changes = engine.move_clock(move, report) if move is not None else engine.catch_up(report)
    offset = timedelta(seconds=int(store.meta(OFFSET_KEY) or 0))
    now = engine.clock.now()
    if context.json:
        print_json({
            "now": now.isoformat(), "offset_seconds": int(offset.total_seconds()),
            "moved_seconds": int(move.total_seconds()) if move is not None else 0,
            "created": changes.created, "deleted": changes.deleted,
        })
        return EXIT_OK
    from . import render

    rows = [
        (t("cli.clock.now"), format_moment(now)),
        (t("cli.clock.ahead"), _offset_words(offset)),
    ]
    if move is not None or changes.any:
        rows += [
            (t("cli.clock.created"), _spaced(changes.created)),
            (t("cli.clock.deleted"), _spaced(changes.deleted)),
        ]
    render.fields(rows)
    return EXIT_OK


# --- seed and reset ----------------------------------------------------------------------


def cmd_seed(services: Services, context: Context) -> int:
    store, engine = services.store, services.engine
    if not store.is_empty():
        people = store.people_count()
        if context.json:
            print_json({"seeded": False, "people": people, "path": str(context.path)})
        else:
            from . import render

            render.sentences(t("cli.seed.already", path=context.path, people=people))
        return EXIT_OK
    with store.transaction():  # the personas and the generated people, or nothing
        report = population.seed(store, engine.clock, engine.codes, context.settings)
        generated, seconds = _generate(services, context)
    if context.json:
        print_json({
            "seeded": True, "households": report.households, "people": report.people,
            "messages": report.messages, "generated": generated,
            "generated_seconds": round(seconds, 3), "path": str(context.path),
        })
        return EXIT_OK
    from . import render

    render.fields(
        [
            (t("cli.summary.households"), _spaced(report.households)),
            (t("cli.summary.people"), _spaced(report.people)),
            (t("cli.summary.messages"), _spaced(report.messages)),
        ],
        title=t("cli.seed.done", path=context.path),
    )
    _say_generated(generated, seconds)
    return EXIT_OK


def _generate(services: Services, context: Context) -> tuple[int, float]:
    """`--taille N`: N generated people after the personas, and the seconds it took."""
    size: int = context.args.taille
    if not size:
        return 0, 0.0
    started = time.perf_counter()
    with progress(context, "cli.progress.population") as report:
        generated = generate_population(
            services.store, size, clock=services.engine.clock, settings=context.settings,
            progress=report,
        )
    return generated, time.perf_counter() - started


def _say_generated(generated: int, seconds: float) -> None:
    if generated:
        from . import render

        render.sentences(t(
            "cli.population.done", people=_spaced(generated),
            seconds=f"{seconds:.{2 if seconds < 10 else 1}f}".replace(".", ","),
        ))


def _ask(question: str) -> bool | None:
    """Ask on the terminal (« o » or « oui »); None when standard input is not a terminal."""
    if not is_terminal(sys.stdin):
        return None
    print(question, end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().casefold()
    return answer in {"o", "oui", "y", "yes"}


def reset(context: Context) -> int:
    """`reset`: restore the initial data. A damaged store (not a database, or failing
    SQLite's check) is first moved aside, kept under a new name that is said, after
    confirmation, and a new store is made."""
    try:
        services = open_services(context.path, settings=context.settings, seed_if_empty=False)
    except DamagedStore:
        return _reset_damaged(context)
    try:
        if not services.store.integrity_ok():
            services.close()
            return _reset_damaged(context)
        return _cmd_reset(services, context)
    finally:
        services.close()


def _reset_damaged(context: Context) -> int:
    if not context.args.yes:
        answer = _ask(t("cli.reset.damaged_confirm", path=context.path))
        if answer is None:  # a script: only --oui moves a file
            return fail(t("cli.reset.damaged_needs_yes", path=context.path))
        if not answer:
            print(t("cli.reset.cancelled"), file=sys.stderr)
            return EXIT_FAILURE
    moved = move_aside(context.path, datetime.now())
    services = open_services(context.path, settings=context.settings, seed_if_empty=False)
    try:
        return _cmd_reset(services, context, moved=moved)
    finally:
        services.close()


def _cmd_reset(services: Services, context: Context, *, moved: Path | None = None) -> int:
    store, engine = services.store, services.engine
    if moved is None and not context.args.yes:
        answer = _ask(t("cli.reset.confirm", path=context.path))
        if answer is False:  # scripts (no terminal) are not asked
            print(t("cli.reset.cancelled"), file=sys.stderr)
            return EXIT_FAILURE
    removed, removed_messages = store.people_count(), store.outbox_count()
    removed_households = store.household_count()
    with store.transaction():  # the personas and the generated people, or nothing
        report = population.reset(store, engine.clock, engine.codes, context.settings)
        generated, seconds = _generate(services, context)
    if context.json:
        print_json({
            "reset": True, "removed_people": removed, "removed_messages": removed_messages,
            "households": report.households, "people": report.people,
            "messages": report.messages, "generated": generated,
            "generated_seconds": round(seconds, 3), "path": str(context.path),
            "damaged_moved_to": None if moved is None else str(moved),
        })
        return EXIT_OK
    from . import render

    if moved is not None:
        render.sentences(t("cli.reset.moved", path=context.path, moved=moved))
    render.table(
        [t("cli.summary.what"), t("cli.summary.removed"), t("cli.summary.restored")],
        [
            [t("cli.summary.people"), _spaced(removed), _spaced(report.people)],
            [t("cli.summary.messages"), _spaced(removed_messages), _spaced(report.messages)],
            [t("cli.summary.households"), _spaced(removed_households),
             _spaced(report.households)],
        ],
        title=t("cli.reset.done", path=context.path),
        numbers=(1, 2),
    )
    _say_generated(generated, seconds)
    return EXIT_OK
