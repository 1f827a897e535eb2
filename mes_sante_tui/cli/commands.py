"""The command line: `mes-sante-tui` (also `python -m mes_sante_tui`).

Without a subcommand it opens the application; the subcommands print the population, the
outbox, a household's statuses, or seed and reset the store, as text for people and as JSON
(`--json`) for scripts. Every failure is one French line on stderr and a non-zero exit,
never a traceback. This module never imports Textual: the application is imported only when
it is about to run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import sys
import textwrap
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, NoReturn

from mes_sante_tui import __version__
from mes_sante_tui.core import personas as population
from mes_sante_tui.core.birthdate import format_date
from mes_sante_tui.core.clock import MAX_SHIFT, OFFSET_KEY, ShiftError, ShiftProblem, read_shift
from mes_sante_tui.core.contacts import format_mobile
from mes_sante_tui.core.models import Card, CardModel, Channel, OutboxMessage, Person
from mes_sante_tui.core.nir import format_nir, normalize_nir
from mes_sante_tui.core.population import generate_population
from mes_sante_tui.core.results import DomainError, StoreError
from mes_sante_tui.core.services import Services, default_store_path, open_services
from mes_sante_tui.core.settings import JourneyVariant, RuleVersion, Settings
from mes_sante_tui.core.status import status_label
from mes_sante_tui.core.store import (
    DamagedStore,
    Store,
    _as_store_error,
    move_aside,
    person_from_row,
)
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.wording import FR, t

PROG = "mes-sante-tui"

# What `status` accepts before looking the number up: 15 characters, digits and Corsica's
# 2A/2B. Not `check_nir`: temporary numbers and fictitious months are in the population too.
_NIR_SHAPE = re.compile(r"[0-9AB]{15}")

# Codes carried by a message. A 12-character token that reads like a plain word
# ("informations") is a code only when it follows a label of the catalogue ("code : ").
_PROVISIONAL_TOKEN = re.compile(r"(?<!\w)[A-Za-z0-9]{12}(?!\w)")
_OTP_TOKEN = re.compile(r"(?<!\w)[0-9]{6}(?!\w)")

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


# --- argument parsing, in French ---------------------------------------------------------


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the epilog's layout and says "Utilisation :" instead of "usage:"."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        prefix = t("cli.usage_prefix") if prefix is None else prefix
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        # argparse adds the colon; French puts a space before it.
        super().start_section(None if heading is None else f"{heading} ")


class FrenchArgumentParser(argparse.ArgumentParser):
    """argparse with one French line for bad arguments: "mes-sante-tui : … Voir --help."."""

    def error(self, message: str) -> NoReturn:
        problem = translate_argparse_message(message).rstrip(". ")
        self.exit(EXIT_USAGE, t("cli.error", problem=problem) + "\n")


def _unquote(text: str) -> str:
    return ", ".join(part.strip().strip("'\"") for part in text.split(","))


def _quoted(value: str) -> str:
    return f"« {value.strip().strip(chr(39) + chr(34))} »"


_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(r"the following arguments are required: (?P<names>.+)"),
        lambda m: t("cli.arg.required", names=m["names"]),
    ),
    (
        re.compile(r"unrecognized arguments: (?P<names>.+)"),
        lambda m: t("cli.arg.unknown", names=m["names"]),
    ),
    (
        re.compile(
            r"argument (?P<option>.+?): invalid choice: (?P<value>.+?) "
            r"\(choose from (?P<choices>.+)\)"
        ),
        lambda m: t(
            "cli.arg.choice", value=_quoted(m["value"]), option=m["option"],
            choices=_unquote(m["choices"]),
        ),
    ),
    (
        re.compile(r"argument (?P<option>.+?): expected one argument"),
        lambda m: t("cli.arg.expected_one", option=m["option"]),
    ),
    (
        re.compile(r"argument (?P<option>.+?): invalid \S+ value: (?P<value>.+)"),
        lambda m: t("cli.arg.invalid", value=_quoted(m["value"]), option=m["option"]),
    ),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"),
        lambda m: t("cli.arg.ambiguous", option=m["option"], matches=m["matches"]),
    ),
    (
        re.compile(r"argument (?P<option>.+?): (?P<message>.+)"),
        lambda m: t("cli.arg.generic", option=m["option"], message=m["message"]),
    ),
)


def translate_argparse_message(message: str) -> str:
    """argparse's English message in French, for the ones a person can trigger."""
    for pattern, french in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message.strip())
        if match is not None:
            return french(match)
    return message


def _nir_argument(raw: str) -> str:
    nir = normalize_nir(raw)
    if _NIR_SHAPE.fullmatch(nir) is None:
        raise argparse.ArgumentTypeError(t("cli.arg.nir", value=raw.strip()))
    return nir


def _limit_argument(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(t("cli.arg.limit"))
    return value


MAX_SIZE = 10_000_000


def _shift_problem(problem: ShiftProblem, raw: str) -> str:
    if problem is ShiftProblem.TOO_FAR:
        days = MAX_SHIFT.days
        return t(
            "cli.shift.too_far", value=raw, days=f"{days:,}".replace(",", " "),
            max_days=f"+{days}d", max_weeks=f"+{days // 7}w",
        )
    return t(f"cli.shift.{problem.value}", value=raw)


def _shift_argument(raw: str) -> timedelta:
    try:
        return read_shift(raw)
    except ShiftError as refused:
        raise argparse.ArgumentTypeError(_shift_problem(refused.problem, raw)) from None


# `clock -1w`: argparse takes "-1w" for an unknown option; it is a move backwards.
_BACKWARDS = re.compile(r"[-\u2212]\s*[0-9]")


def _size_argument(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if not 0 <= value <= MAX_SIZE:
        raise argparse.ArgumentTypeError(t("cli.arg.size", max=f"{MAX_SIZE:,}".replace(",", " ")))
    return value


def _filter_argument(raw: str) -> str:
    if not _folded(raw):
        raise argparse.ArgumentTypeError(t("cli.arg.filter"))
    return raw


def _add_size(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--taille", "--size", dest="taille", metavar="N", type=_size_argument, default=0,
        help=t("cli.help.taille"),
    )


def _add_help(group: argparse._ArgumentGroup) -> None:
    group.add_argument("-h", "--help", action="help", help=t("cli.help.help"))


def _add_global_options(group: argparse._ArgumentGroup, *, suppress: bool) -> None:
    """The options that apply to every command; on a subcommand they only override."""
    default: Any = argparse.SUPPRESS if suppress else None
    see = "cli.help.see_main" if suppress else "cli.help.see_below"
    group.add_argument("--db", metavar="CHEMIN", default=default, help=t("cli.help.db"))
    group.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS if suppress else False,
        help=t("cli.help.json"),
    )
    group.add_argument(
        "--parcours", "--journey", dest="parcours", default=default,
        choices=[v.value for v in JourneyVariant], help=t(see, text=t("cli.help.parcours")),
    )
    group.add_argument(
        "--regles", "--rules", dest="regles", default=default,
        choices=[v.value for v in RuleVersion], help=t(see, text=t("cli.help.regles")),
    )


def build_parser() -> FrenchArgumentParser:
    parser = FrenchArgumentParser(
        prog=PROG,
        description=textwrap.fill(t("cli.description"), width=78),
        epilog=t("cli.epilog"),
        formatter_class=_HelpFormatter,
        add_help=False,
    )
    general = parser.add_argument_group(t("cli.group.global"))
    _add_help(general)
    general.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}",
        help=t("cli.help.version"),
    )
    _add_global_options(general, suppress=False)
    commands = parser.add_subparsers(
        title=t("cli.group.commands"), dest="command", metavar=t("cli.metavar.command"),
    )

    def command(name: str, help_key: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name, help=t(help_key), description=t(help_key), add_help=False,
            formatter_class=_HelpFormatter,
        )
        # argparse's own group of options, so that the options added below join it.
        options = sub._optionals
        options.title = t("cli.group.options")
        _add_help(options)
        _add_global_options(sub.add_argument_group(t("cli.group.global")), suppress=True)
        return sub

    personas = command("personas", "cli.help.personas")
    personas.add_argument(
        "--limit", metavar="N", type=_limit_argument, help=t("cli.help.personas_limit")
    )
    personas.add_argument(
        "--filtre", "--filter", dest="filtre", metavar="TEXTE", type=_filter_argument,
        help=t("cli.help.filtre"),
    )
    outbox = command("outbox", "cli.help.outbox")
    outbox.add_argument("--limit", metavar="N", type=_limit_argument, help=t("cli.help.limit"))
    status = command("status", "cli.help.status")
    status.add_argument_group(t("cli.group.arguments")).add_argument(
        "nir", metavar="NIR", type=_nir_argument, help=t("cli.help.nir")
    )
    clock = command("clock", "cli.help.clock")
    clock.add_argument_group(t("cli.group.arguments")).add_argument(
        "move", metavar=t("cli.metavar.shift"), nargs="?", type=_shift_argument,
        help=t("cli.help.shift"),
    )
    _add_size(command("seed", "cli.help.seed"))
    reset = command("reset", "cli.help.reset")
    reset.add_argument(
        "--oui", "--yes", "-y", dest="yes", action="store_true", help=t("cli.help.yes")
    )
    _add_size(reset)
    return parser


# --- entry point -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    args: argparse.Namespace
    path: Path
    settings: Settings


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status is returned, never raised."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `mes-sante-tui outbox | head`: stop quietly, and keep Python from complaining
        # about the closed pipe when it flushes stdout at exit.
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = _parse(parser, argv)
    except SystemExit as exit_:  # --help, --version, or a bad argument (already printed)
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    if args.command is None and not _has_terminal():
        # Textual would wait forever on a standard input that is not a terminal.
        print(t("cli.error", problem=t("cli.no_terminal")), file=sys.stderr)
        return EXIT_USAGE
    settings_kwargs: dict[str, Any] = {}
    if args.parcours is not None:
        settings_kwargs["journey"] = JourneyVariant(args.parcours)
    if args.regles is not None:
        settings_kwargs["rule_version"] = RuleVersion(args.regles)
    path = Path(args.db).expanduser() if args.db else default_store_path()
    context = _Context(args=args, path=path, settings=Settings(**settings_kwargs))
    try:
        return _dispatch(context)
    except StoreError as exc:
        return _fail(str(exc))
    except DomainError as exc:
        return _fail(exc.message)
    except sqlite3.DatabaseError as exc:  # raised by a step that the store did not wrap
        return _fail(str(_as_store_error(exc, str(path))))


def _parse(parser: FrenchArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    args, extras = parser.parse_known_args(argv)
    if extras:
        backwards = next((x for x in extras if _BACKWARDS.match(x)), None)
        if args.command == "clock" and backwards is not None:
            parser.error(
                f"argument {t('cli.metavar.shift')}: "
                + _shift_problem(ShiftProblem.BACKWARDS, backwards)
            )
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    return args


def _has_terminal() -> bool:
    """Both standard input and output are a terminal: the application can run."""
    try:
        return sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def _dispatch(context: _Context) -> int:
    command: str | None = context.args.command
    if command == "reset":
        return _reset(context)
    services = open_services(
        context.path, settings=context.settings, seed_if_empty=command != "seed",
    )
    try:
        if command not in ("seed", "reset", "clock"):
            # Statuses follow the simulated clock: carry out what became due since last time.
            services.engine.catch_up()
        if command is None:
            return _run_app(services, context.settings)
        handler = _COMMANDS[command]
        return handler(services, context)
    finally:
        services.close()


def _run_app(services: Services, settings: Settings) -> int:
    from mes_sante_tui.app import make_app  # Textual is loaded only to run the application

    app = make_app(services=services, settings=settings)
    app.run()
    # Non-zero when the application had to stop (a damaged store, an unexpected error).
    return app.return_code or EXIT_OK


def _fail(problem: str) -> int:
    print(t("cli.failure", problem=problem), file=sys.stderr)
    return EXIT_FAILURE


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _width() -> int:
    return max(60, min(120, shutil.get_terminal_size((100, 24)).columns))


# French typography: no line break between a word and « » : ; ! ?
_GLUE = "\ue000"
_UNBREAKABLE = re.compile(r"« | (?=[»:;!?])")


def _wrap(text: str, width: int) -> list[str]:
    glued = _UNBREAKABLE.sub(lambda m: m.group(0).replace(" ", _GLUE), text)
    return [line.replace(_GLUE, " ") for line in textwrap.wrap(glued, width=width)] or [""]


def _fields(
    rows: Sequence[tuple[str, str]], *, label_width: int | None = None, indent: str = "  "
) -> list[str]:
    """Label / value lines with the values aligned; long values wrap under themselves."""
    width = (label_width or max(len(label) for label, _ in rows)) + 2
    value_width = max(30, _width() - len(indent) - width)
    lines: list[str] = []
    for label, value in rows:
        wrapped = _wrap(value, value_width)
        lines.append(f"{indent}{label.ljust(width)}{wrapped[0]}")
        lines.extend(f"{indent}{' ' * width}{more}" for more in wrapped[1:])
    return lines


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A plain text table: columns aligned with spaces, a dashed line under the headers."""
    widths = [max([len(h)] + [len(row[i]) for row in rows]) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()

    return [line(headers), line(["-" * w for w in widths])] + [line(row) for row in rows]


# --- personas ----------------------------------------------------------------------------


def _serial_display(card: Card) -> str:
    """A photo card's serial as the person sees it: the fixed prefix, then the 11 digits."""
    if card.model is CardModel.WITH_PHOTO and card.serial.startswith(PHOTO_PREFIX):
        return f"{PHOTO_PREFIX} {card.serial[len(PHOTO_PREFIX):]}"
    return card.serial


def _accounts(store: Store) -> dict[int, str]:
    rows = store.query("SELECT person_id, identifier FROM accounts")
    return {int(r["person_id"]): str(r["identifier"]) for r in rows}


def _folded(text: str) -> str:
    """Lower case, without accents or spaces: « Lea » finds « Léa », « 2 73 » finds 273."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and not c.isspace())


def _matches(row: sqlite3.Row, needle: str) -> bool:
    """The filter of `personas --filtre`: part of the name, the persona key or the NIR."""
    name = f"{row['first_name']} {row['last_name']}"
    return any(needle in _folded(str(value)) for value in (name, row["persona_key"] or "",
                                                             row["nir"]))


def _selected_rows(store: Store, needle: str | None, limit: int | None) -> list[sqlite3.Row]:
    """Household by household, adults before children; only those the filter matches, and
    at most `limit` of them (read lazily: a large population is not loaded for ten)."""
    selected: list[sqlite3.Row] = []
    cursor = store.conn.execute(
        "SELECT * FROM people ORDER BY household_id, parent_id IS NOT NULL, id"
    )
    try:
        for row in cursor:
            if needle is None or _matches(row, needle):
                selected.append(row)
                if limit is not None and len(selected) >= limit:
                    break
    finally:
        cursor.close()
    return selected


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

    def __init__(self, store: Store, rows: Sequence[sqlite3.Row] = ()) -> None:
        self.store = store
        self._households: dict[int, str] = {}
        self._rows: dict[int, sqlite3.Row | None] = {int(r["id"]): r for r in rows}

    def household(self, household_id: int) -> str:
        if household_id not in self._households:
            row = self.store.query_one("SELECT label FROM households WHERE id = ?",
                                       (household_id,))
            self._households[household_id] = "" if row is None else str(row["label"])
        return self._households[household_id]

    def _row(self, person_id: int) -> sqlite3.Row | None:
        if person_id not in self._rows:
            self._rows[person_id] = self.store.query_one(
                "SELECT * FROM people WHERE id = ?", (person_id,)
            )
        return self._rows[person_id]

    def key(self, person_id: int) -> str | None:
        row = self._row(person_id)
        return None if row is None else row["persona_key"]

    def person(self, person_id: int | None) -> Person | None:
        row = None if person_id is None else self._row(person_id)
        return None if row is None else person_from_row(row)


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


def _cmd_personas(services: Services, context: _Context) -> int:
    store = services.store
    wanted: str | None = context.args.filtre
    limit: int | None = context.args.limit
    rows = _selected_rows(store, None if wanted is None else _folded(wanted), limit)
    people = [person_from_row(row) for row in rows]
    lookup = _Lookup(store, rows)
    accounts = _accounts(store)
    records = [
        _persona_record(p, store=store, lookup=lookup, accounts=accounts) for p in people
    ]
    if context.args.json:
        _print_json(records)
        return EXIT_OK
    if not records:
        if wanted is not None:
            print(t("cli.personas.no_match", filter=wanted.strip(), path=context.path))
        else:
            print(t("cli.personas.empty", path=context.path))
        return EXIT_OK
    blocks = [_persona_fields(p, record, lookup) for p, record in zip(people, records, strict=True)]
    label_width = max(len(label) for fields in blocks for label, _ in fields)
    lines: list[str] = []
    current_household: str | None = None
    for person, record, fields in zip(people, records, blocks, strict=True):
        if record["household"] != current_household:
            current_household = record["household"]
            if lines:
                lines.append("")
            lines += [current_household, "=" * len(current_household)]
        lines.append("")
        lines.append(f"{record['key'] or person.id} — {person.full_name}")
        lines += _fields(fields, label_width=label_width)
    total = _count(store, "people")
    if wanted is None and limit is None:
        summary = t("cli.personas.count", people=total, households=_count(store, "households"),
                    path=context.path)
    else:
        summary = t("cli.personas.shown", shown=len(records), total=total, path=context.path)
    print("\n".join([*lines, "", summary]))
    return EXIT_OK


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


# --- outbox ------------------------------------------------------------------------------


@cache
def _code_labels() -> tuple[str, ...]:
    """What the catalogue writes just before a code ("Votre code provisoire : ")."""
    labels: set[str] = set()
    for text in FR.values():
        head, found, _ = text.partition("{code}")
        if not found:
            continue
        label = head.splitlines()[-1] if head.splitlines() else ""
        if label.strip() and "{" not in label:
            labels.add(label)
    return tuple(sorted(labels, key=len, reverse=True))


def _looks_like_a_word(token: str) -> bool:
    return token.isalpha() and (token[1:].islower() or token.isupper())


def provisional_codes(body: str) -> list[str]:
    """The 12-character provisional codes a message carries, in order, without repeats."""
    found: list[str] = []
    for match in _PROVISIONAL_TOKEN.finditer(body):
        token = match.group(0)
        labelled = body[: match.start()].endswith(_code_labels())
        if (labelled or not _looks_like_a_word(token)) and token not in found:
            found.append(token)
    return found


def one_time_codes(body: str) -> list[str]:
    """The 6-digit one-time codes a message carries, in order, without repeats."""
    found: list[str] = []
    for token in _OTP_TOKEN.findall(body):
        if token not in found:
            found.append(token)
    return found


def _moment(at: datetime) -> str:
    return f"{format_date(at.date())} {at:%H:%M}"


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
        "provisional_codes": provisional_codes(message.body),
        "one_time_codes": one_time_codes(message.body),
        "body": message.body,
    }


def _newest_first(store: Store, limit: int | None) -> list[OutboxMessage]:
    """By date, newest first (seeded messages are back-dated, so not in arrival order)."""
    sql = "SELECT * FROM outbox ORDER BY at DESC, id DESC"
    params: list[Any] = []
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [
        OutboxMessage(
            id=r["id"], at=datetime.fromisoformat(r["at"]), channel=Channel(r["channel"]),
            address=r["address"], masked_address=r["masked_address"], subject=r["subject"],
            body=r["body"], person_id=r["person_id"],
        )
        for r in store.query(sql, params)
    ]


def _cmd_outbox(services: Services, context: _Context) -> int:
    store = services.store
    limit: int | None = context.args.limit
    messages = _newest_first(store, limit)
    names = {p.id: p.full_name for p in store.people()}
    records = [_message_record(m, names) for m in messages]
    if context.args.json:
        _print_json(records)
        return EXIT_OK
    if not records:
        print(t("cli.outbox.empty"))
        return EXIT_OK
    total = _count(store, "outbox")
    blocks: list[list[tuple[str, str]]] = []
    for message, record in zip(messages, records, strict=True):
        rows = [
            (t("cli.outbox.date"), _moment(message.at)),
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
        blocks.append(rows)
    label_width = max(len(label) for rows in blocks for label, _ in rows)
    lines: list[str] = []
    for message, rows in zip(messages, blocks, strict=True):
        if lines:
            lines.append("")
        lines.append(t("cli.outbox.number", id=message.id))
        lines += _fields(rows, label_width=label_width)
    lines += ["", t("cli.outbox.count", shown=len(records), total=total, path=context.path)]
    print("\n".join(lines))
    return EXIT_OK


# --- status ------------------------------------------------------------------------------


def _cmd_status(services: Services, context: _Context) -> int:
    store = services.store
    nir: str = context.args.nir
    person = store.person_by_nir(nir)
    if person is None:
        return _fail(t("cli.nir.unknown", nir=format_nir(nir), path=context.path))
    label = _Lookup(store).household(person.household_id)
    members = store.household(person.household_id)
    accounts = _accounts(store)
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
    if context.args.json:
        _print_json({"nir": nir, "household": label, "profiles": profiles})
        return EXIT_OK
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
    lines = [t("cli.status.household", label=label, count=len(members)), ""]
    lines += _table(headers, rows)
    print("\n".join(lines))
    return EXIT_OK


# --- clock -------------------------------------------------------------------------------


def _offset_words(offset: timedelta) -> str:
    days, rest = divmod(int(offset.total_seconds()), 86_400)
    hours, rest = divmod(rest, 3_600)
    return t("cli.clock.offset", days=days, hours=hours, minutes=rest // 60)


def _cmd_clock(services: Services, context: _Context) -> int:
    """Show the simulated clock; with `+6w` (or `+3d`, `+2h`, `+90m`), move it ahead first
    and say what the move carried out."""
    engine, store = services.engine, services.store
    move: timedelta | None = context.args.move
    changes = engine.move_clock(move) if move is not None else engine.catch_up()
    offset = timedelta(seconds=int(store.meta(OFFSET_KEY) or 0))
    now = engine.clock.now()
    if context.args.json:
        _print_json({
            "now": now.isoformat(), "offset_seconds": int(offset.total_seconds()),
            "moved_seconds": int(move.total_seconds()) if move is not None else 0,
            "created": changes.created, "deleted": changes.deleted,
        })
        return EXIT_OK
    lines = [t("cli.clock.now", now=_moment(now), offset=_offset_words(offset))]
    if move is not None or changes.any:
        lines.append(t("cli.clock.changes", created=changes.created, deleted=changes.deleted))
    print("\n".join(lines))
    return EXIT_OK


# --- seed and reset ----------------------------------------------------------------------


def _count(store: Store, table: str) -> int:
    row = store.query_one(f"SELECT COUNT(*) AS n FROM {table}")
    return int(row["n"]) if row is not None else 0


def _cmd_seed(services: Services, context: _Context) -> int:
    store, engine = services.store, services.engine
    if not store.is_empty():
        people = _count(store, "people")
        if context.args.json:
            _print_json({"seeded": False, "people": people, "path": str(context.path)})
        else:
            print(t("cli.seed.already", path=context.path, people=people))
        return EXIT_OK
    with store.transaction():  # the personas and the generated people, or nothing
        report = population.seed(store, engine.clock, engine.codes, context.settings)
        generated, seconds = _generate(services, context)
    if context.args.json:
        _print_json({
            "seeded": True, "households": report.households, "people": report.people,
            "messages": report.messages, "generated": generated,
            "generated_seconds": round(seconds, 3), "path": str(context.path),
        })
    else:
        print(t(
            "cli.seed.done", path=context.path, households=report.households,
            people=report.people, messages=report.messages,
        ))
        _print_generated(generated, seconds)
    return EXIT_OK


def _generate(services: Services, context: _Context) -> tuple[int, float]:
    """`--taille N`: N generated people after the personas, and the seconds it took."""
    size: int = context.args.taille
    if not size:
        return 0, 0.0
    started = time.perf_counter()
    generated = generate_population(
        services.store, size, clock=services.engine.clock, settings=context.settings
    )
    return generated, time.perf_counter() - started


def _print_generated(generated: int, seconds: float) -> None:
    if generated:
        print(t(
            "cli.population.done", people=f"{generated:,}".replace(",", " "),
            seconds=f"{seconds:.{2 if seconds < 10 else 1}f}".replace(".", ","),
        ))


def _ask(question: str) -> bool | None:
    """Ask on the terminal (« o » or « oui »); None when standard input is not a terminal."""
    try:
        interactive = sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError, OSError):
        interactive = False
    if not interactive:
        return None
    print(question, end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().casefold()
    return answer in {"o", "oui", "y", "yes"}


def _reset(context: _Context) -> int:
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


def _reset_damaged(context: _Context) -> int:
    if not context.args.yes:
        answer = _ask(t("cli.reset.damaged_confirm", path=context.path))
        if answer is None:  # a script: only --oui moves a file
            return _fail(t("cli.reset.damaged_needs_yes", path=context.path))
        if not answer:
            print(t("cli.reset.cancelled"), file=sys.stderr)
            return EXIT_FAILURE
    moved = move_aside(context.path, datetime.now())
    services = open_services(context.path, settings=context.settings, seed_if_empty=False)
    try:
        return _cmd_reset(services, context, moved=moved)
    finally:
        services.close()


def _cmd_reset(services: Services, context: _Context, *, moved: Path | None = None) -> int:
    store, engine = services.store, services.engine
    if moved is None and not context.args.yes:
        answer = _ask(t("cli.reset.confirm", path=context.path))
        if answer is False:  # scripts (no terminal) are not asked
            print(t("cli.reset.cancelled"), file=sys.stderr)
            return EXIT_FAILURE
    removed, removed_messages = _count(store, "people"), _count(store, "outbox")
    with store.transaction():  # the personas and the generated people, or nothing
        report = population.reset(store, engine.clock, engine.codes, context.settings)
        generated, seconds = _generate(services, context)
    if context.args.json:
        _print_json({
            "reset": True, "removed_people": removed, "removed_messages": removed_messages,
            "households": report.households, "people": report.people,
            "messages": report.messages, "generated": generated,
            "generated_seconds": round(seconds, 3), "path": str(context.path),
            "damaged_moved_to": None if moved is None else str(moved),
        })
    else:
        if moved is not None:
            print(t("cli.reset.moved", path=context.path, moved=moved))
        print(t(
            "cli.reset.done", path=context.path, removed=removed,
            removed_messages=removed_messages, households=report.households,
            people=report.people, messages=report.messages,
        ))
        _print_generated(generated, seconds)
    return EXIT_OK


_COMMANDS: dict[str, Callable[[Services, _Context], int]] = {
    "personas": _cmd_personas,
    "outbox": _cmd_outbox,
    "status": _cmd_status,
    "clock": _cmd_clock,
    "seed": _cmd_seed,
}
