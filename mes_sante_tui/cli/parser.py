"""The command line's arguments, read by argparse and refused in French: one line naming
the problem and « Voir mes-sante-tui --help. », exit status 2, before any store is opened."""

from __future__ import annotations

import argparse
import re
import textwrap
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta
from typing import Any, NoReturn

from mes_sante_tui import __version__
from mes_sante_tui.core.clock import MAX_SHIFT, ShiftError, ShiftProblem, read_shift
from mes_sante_tui.core.fault_names import Fault
from mes_sante_tui.core.nir import normalize_nir
from mes_sante_tui.core.settings import DisplayTheme, JourneyVariant, RuleVersion
from mes_sante_tui.wording import t

from .context import EXIT_USAGE, PROG

# What `status` accepts before looking the number up: 15 characters, digits and Corsica's
# 2A/2B. Not `check_nir`: temporary numbers and fictitious months are in the population too.
_NIR_SHAPE = re.compile(r"[0-9AB]{15}")


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
        re.compile(r"argument (?P<option>.+?): not allowed with argument (?P<other>.+)"),
        lambda m: t("cli.arg.exclusive", option=m["option"], other=m["other"]),
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
    if not folded(raw):
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
    group.add_argument(
        "--guide", action="store_true", default=argparse.SUPPRESS if suppress else False,
        help=t("cli.help.guide"),
    )


def _add_start_options(general: argparse._ArgumentGroup) -> None:
    """The options given without a subcommand: the application's, and the global ones."""
    general.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}",
        help=t("cli.help.version"),
    )
    _add_global_options(general, suppress=False)
    general.add_argument(
        "--accessible", action="store_true", help=t("cli.help.accessible"),
    )
    general.add_argument(
        "--theme", metavar="NOM", choices=[v.value for v in DisplayTheme],
        help=t("cli.help.theme"),
    )
    general.add_argument(
        "--scenario", metavar="NOM", default=None, help=t("cli.help.scenario")
    )
    general.add_argument(
        "--stagiaire", "--trainee", dest="stagiaire", metavar="NOM", default=None,
        help=t("cli.help.stagiaire"),
    )


class _NotAStart(Exception):
    """The arguments are not only the start options: the whole parser reads them."""


class _StartParser(FrenchArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotAStart(message)


def parse_start(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The arguments when they are only options for the application's start (the usual
    case), read without building the thirteen subcommands' parsers, which cost the start-up
    about 3 ms; None for anything else (a subcommand, --help, a mistake), which
    `build_parser` reads and, when wrong, refuses in its own words."""
    parser = _StartParser(prog=PROG, add_help=False)
    _add_start_options(parser.add_argument_group())
    parser.set_defaults(command=None)
    try:
        args, extras = parser.parse_known_args(argv)
    except _NotAStart:
        return None
    return None if extras else args


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
    _add_start_options(general)
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
    _add_training_commands(command)
    command("scenarios", "cli.help.scenarios")
    reglages = command("reglages", "cli.help.reglages")
    arguments = reglages.add_argument_group(t("cli.group.arguments"))
    arguments.add_argument("reglage", metavar="NOM", nargs="?", help=t("cli.help.reglage_name"))
    arguments.add_argument("valeur", metavar="VALEUR", nargs="?", help=t("cli.help.reglage_value"))
    reglages.add_argument(
        "--defaut", "--default", dest="defaut", action="store_true", help=t("cli.help.defaut")
    )
    _add_trainer_commands(command)
    return parser


def _port_argument(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(t("cli.arg.port"))
    return value


def _add_training_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """`rapport`, `fiches` and `classe`: the trainer's reports, persona sheets, classroom."""
    rapport = command("rapport", "cli.help.rapport")
    which = rapport.add_mutually_exclusive_group()
    which.add_argument("--session", metavar="ID", help=t("cli.help.rapport_session"))
    which.add_argument("--dossier", metavar="DOSSIER", help=t("cli.help.rapport_dossier"))
    rapport.add_argument(
        "--format", dest="format", choices=["pdf", "csv"], help=t("cli.help.rapport_format")
    )
    rapport.add_argument("--sortie", metavar="FICHIER", required=True, help=t("cli.help.sortie"))
    fiches = command("fiches", "cli.help.fiches")
    sheets = fiches.add_mutually_exclusive_group()  # the personas' sheets, or a scenario's
    sheets.add_argument(
        "--persona", dest="personas", metavar="CLE", nargs="+", action="extend",
        help=t("cli.help.fiches_persona"),
    )
    sheets.add_argument(
        "--scenario", dest="of_scenario", metavar="NOM", help=t("cli.help.fiches_scenario")
    )
    fiches.add_argument(
        "--sortie", metavar="FICHIER.pdf", required=True, help=t("cli.help.fiches_sortie")
    )
    classe = command("classe", "cli.help.classe")
    classe.add_argument(
        "--port", metavar="PORT", type=_port_argument, default=8000, help=t("cli.help.port")
    )
    classe.add_argument("--hote", "--host", dest="hote", metavar="ADRESSE",
                        default="127.0.0.1", help=t("cli.help.hote"))
    classe.add_argument("--dossier", metavar="DOSSIER", help=t("cli.help.classe_dossier"))
    classe.add_argument(
        "--scenario", dest="of_scenario", metavar="NOM", help=t("cli.help.classe_scenario")
    )


def _fault_argument(raw: str) -> Fault:
    try:
        return Fault(raw.strip().lower())
    except ValueError:
        names = ", ".join(fault.value for fault in Fault)
        raise argparse.ArgumentTypeError(
            t("cli.panne.unknown", name=raw.strip(), names=names)
        ) from None


def _add_trainer_commands(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """`panne [NOM|--aucune] [--une-fois]` and `journal [--session ID]`."""
    panne = command("panne", "cli.help.panne")
    which = panne.add_mutually_exclusive_group()  # a fault to inject, or none left
    # NOM joins argparse's own group of arguments: titled, and listed last, as elsewhere.
    arguments = panne._positionals
    arguments.title = t("cli.group.arguments")
    panne._action_groups.remove(arguments)
    panne._action_groups.append(arguments)
    which.add_argument(
        "panne", metavar="NOM", nargs="?", type=_fault_argument,
        help=t("cli.help.panne_name", names=", ".join(f.value for f in Fault)),
    )
    which.add_argument("--aucune", "--none", dest="aucune", action="store_true",
                       help=t("cli.help.aucune"))
    panne.add_argument("--une-fois", "--once", dest="une_fois", action="store_true",
                       help=t("cli.help.une_fois"))
    journal = command("journal", "cli.help.journal")
    journal.add_argument("--session", metavar="ID", help=t("cli.help.session"))


def parse(parser: FrenchArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    args, extras = parser.parse_known_args(argv)
    if args.command == "reglages" and len(extras) == 1 and args.valeur is None:
        # `reglages essais -2`: a value, refused with the figure's own words.
        args.valeur, extras = extras[0], []
    if extras:
        backwards = next((x for x in extras if _BACKWARDS.match(x)), None)
        if args.command == "clock" and backwards is not None:
            parser.error(
                f"argument {t('cli.metavar.shift')}: "
                + _shift_problem(ShiftProblem.BACKWARDS, backwards)
            )
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    return args


def folded(text: str) -> str:
    """Lower case, without accents or spaces: « Lea » finds « Léa », « 2 73 » finds 273."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and not c.isspace())
