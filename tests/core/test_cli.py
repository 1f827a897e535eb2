"""The command line, run in-process (`main([...])`) and once as `python -m mes_sante_tui`."""

from __future__ import annotations

import gc
import hashlib
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import types
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from mes_sante_tui import __version__, cli
from mes_sante_tui.cli import commands
from mes_sante_tui.core import password
from mes_sante_tui.core import store as store_module
from mes_sante_tui.core.models import Channel, OutboxMessage, ProfileStatus
from mes_sante_tui.core.nir import format_nir, make_nir
from mes_sante_tui.core.outbox import Mailer
from mes_sante_tui.core.personas import load_personas
from mes_sante_tui.core.services import ENV_DB, Services
from mes_sante_tui.core.settings import DisplayTheme, JourneyVariant, RuleVersion, Settings
from mes_sante_tui.core.store import SCHEMA_VERSION, Store
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.wording import t

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No store from the environment, light argon2id for the seeded account, and no width
    left in COLUMNS by an earlier test in the same process (piped output is then 100 wide)."""
    monkeypatch.delenv(ENV_DB, raising=False)
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(password, "_hasher", password._hasher)
    password.set_hasher_params(time_cost=1, memory_cost=8)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.db"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def members() -> list[dict[str, Any]]:
    return [m for h in load_personas()["households"] for m in h["members"]]


def member(key: str) -> dict[str, Any]:
    return next(m for m in members() if m["key"] == key)


# The seeded messages that carry a code: one information message per persona with a code,
# and one for each code asked for since (Hugo's, after his opposition).
CODES_SENT = sum(("code" in m) + ("new_code_days_ago" in m) for m in members())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def field(out: str, label: str) -> str:
    """The value on the line of a label / value table."""
    (value,) = re.findall(rf"^\s*{re.escape(label)}\s{{2,}}(.+?)\s*$", out, re.MULTILINE)
    return str(value)


def one_french_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mes-sante-tui : ")
    assert "Traceback" not in err
    return lines[0]


# --- personas ----------------------------------------------------------------------------


def test_personas_as_text(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "--db", str(db), "personas")
    assert (code, err) == (0, "")
    for m in members():
        assert format_nir(m["nir"]) in out
        assert f"{m['first_name']} {m['last_name']}" in out
    paul = member("paul")["card"]["serial"]
    assert f"{PHOTO_PREFIX} {paul[len(PHOTO_PREFIX):]}" in out
    assert "10/03/1973" in out  # Martine's date of birth, JJ/MM/AAAA
    assert "Profil opposé le 07/12/2021" in out
    assert "En attente de décision" in out
    assert "Profil activé le 15/02/2022" in out
    assert "martine.leguellec@exemple.fr" in out and "06 63 78 13 77" in out
    assert member("kevin")["note"].split()[0] in out


def test_personas_as_json(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    records = run_json(capsys, "--db", str(db), "personas")
    assert {r["key"] for r in records} == {m["key"] for m in members()}
    by_key = {r["key"]: r for r in records}
    martine = by_key["martine"]
    assert martine["nir"] == member("martine")["nir"]
    assert martine["nir_formatted"] == format_nir(member("martine")["nir"])
    assert martine["birth_date"] == "1973-03-10"
    assert martine["card"]["model"] == "sans_photo"
    assert martine["status_label"] == "En attente de décision"
    assert martine["note"] == member("martine")["note"]
    assert by_key["lea"]["parent"] == {"key": "martine", "name": "Martine Julie Leguellec"}
    assert by_key["lea"]["card"] is None
    assert by_key["paul"]["card"]["serial_display"].startswith(PHOTO_PREFIX + " ")
    assert by_key["hugo"]["status_label"] == "Profil opposé le 07/12/2021"
    assert by_key["sebastien"]["account"] == member("sebastien")["account"]["identifier"]
    assert by_key["jeanne"]["deceased"] is True


# --- outbox ------------------------------------------------------------------------------


def test_outbox_as_json_newest_first_with_codes(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    everything = run_json(capsys, "--db", str(db), "outbox")
    dates = [datetime.fromisoformat(m["date"]) for m in everything]
    assert dates == sorted(dates, reverse=True)
    # Nathalie's information is seven weeks old: her space was created automatically, and
    # that message carries no code.
    created = [m for m in everything if m["subject"] == t("outbox.created.subject")]
    assert [m["provisional_codes"] for m in created] == [[]]
    messages = [m for m in everything if m not in created]
    assert len(messages) == CODES_SENT
    for message in messages:
        (code,) = message["provisional_codes"]
        assert f": {code}" in message["body"]
        assert message["one_time_codes"] == []
        assert message["masked_address"] and message["address"]
    letter = next(m for m in messages if m["channel"] == "courrier")
    assert letter["person"] == "Gérard Lambert"


def test_outbox_limit_and_one_time_codes(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    run(capsys, "--db", str(db), "seed")
    store = Store(db)
    martine = next(p for p in store.people() if p.first_name == "Martine Julie")
    Mailer(store).otp_sms(datetime(2099, 1, 1, 12, 0), martine, "0712345678", "482913")
    store.close()
    (newest,) = run_json(capsys, "--db", str(db), "outbox", "--limit", "1")
    assert newest["channel"] == "sms"
    assert newest["one_time_codes"] == ["482913"]
    assert newest["provisional_codes"] == []
    assert newest["address"] == "07 12 34 56 78"
    assert newest["masked_address"] == "** ** ** *6 78"
    code, out, err = run(capsys, "--db", str(db), "outbox", "--limit", "2")
    assert (code, err) == (0, "")
    assert out.count("Message n°") == 2
    assert "482913" in out and "** ** ** *6 78" in out and "07 12 34 56 78" in out


def test_outbox_as_text_shows_every_code(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    messages = run_json(capsys, "--db", str(db), "outbox")
    code, out, err = run(capsys, "--db", str(db), "outbox")
    assert (code, err) == (0, "")
    for message in messages:
        assert all(code in out for code in message["provisional_codes"])
        assert message["masked_address"] in out
    assert sum(1 for m in messages if m["provisional_codes"]) == CODES_SENT


OUTBOX_SAMPLE = OutboxMessage(
    id=1, at=datetime(2026, 11, 22, 10, 0), channel=Channel.EMAIL, address="a@exemple.fr",
    masked_address="a*****@exemple.fr", subject="Objet",
    body="Votre code provisoire : abcdefghijkm", person_id=None,
)


def test_codes_come_from_the_messages_code_column(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    """A message's code is read from its own column: a word of 12 letters in the text is
    never taken for a code."""
    messages = run_json(capsys, "--db", str(db), "outbox")
    store = Store(db)
    try:
        stored = {message.id: message.code for message in store.outbox()}
    finally:
        store.close()
    for message in messages:
        codes = message["provisional_codes"] + message["one_time_codes"]
        assert codes == ([] if stored[message["id"]] is None else [stored[message["id"]]])
    provisional = replace(OUTBOX_SAMPLE, code="Ab3dEf7hJk2M")
    assert commands.message_codes(provisional) == (["Ab3dEf7hJk2M"], [])
    assert commands.message_codes(replace(OUTBOX_SAMPLE, code="034567")) == ([], ["034567"])
    assert commands.message_codes(replace(OUTBOX_SAMPLE, body="Informations utiles")) == ([], [])


# --- status ------------------------------------------------------------------------------


def test_status_of_a_known_persona_as_text(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    nir = format_nir(member("martine")["nir"])
    assert " " in nir
    code, out, err = run(capsys, "--db", str(db), "status", nir)
    assert (code, err) == (0, "")
    assert "Famille Leguellec" in out
    for key in ("martine", "sebastien", "lea", "hugo", "emma", "jules", "lina"):
        assert format_nir(member(key)["nir"]) in out
    assert "Profil opposé le 07/12/2021" in out
    assert "Profil activé le 01/03/2022" in out
    assert "Amina" not in out  # another household


def test_status_as_json(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    nir = member("lea")["nir"]
    data = run_json(capsys, "--db", str(db), "status", format_nir(nir))
    assert data["nir"] == nir
    assert data["household"] == "Famille Leguellec"
    profiles = {p["name"]: p for p in data["profiles"]}
    assert set(next(iter(profiles.values()))) == {
        "name", "nir", "birth_date", "status", "status_label", "status_date", "is_child",
        "has_account",
    }
    assert profiles["Hugo Leguellec"] == {
        "name": "Hugo Leguellec", "nir": member("hugo")["nir"], "birth_date": "2016-09-18",
        "status": "oppose", "status_label": "Profil opposé le 07/12/2021",
        "status_date": "2021-12-07", "is_child": True, "has_account": False,
    }
    assert profiles["Sébastien Leguellec"]["has_account"] is True
    assert profiles["Sébastien Leguellec"]["status"] == "active"
    assert profiles["Martine Julie Leguellec"]["is_child"] is False
    assert profiles["Martine Julie Leguellec"]["status_date"] is None


def test_status_of_a_temporary_number_is_found(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    data = run_json(capsys, "--db", str(db), "status", member("kevin")["nir"])
    assert [p["name"] for p in data["profiles"]] == ["Kévin Morel"]


def test_status_of_an_unknown_nir(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    known = {m["nir"] for m in members()}
    unknown = make_nir(1, 60, 1, "75", "056", 999)
    assert unknown not in known
    code, out, err = run(capsys, "--db", str(db), "status", unknown)
    assert code == 1 and out == ""
    line = one_french_line(err)
    assert line == t("cli.failure", problem=t(
        "cli.nir.unknown", nir=format_nir(unknown), path=db
    ))


# --- seed and reset ----------------------------------------------------------------------


def test_seed_then_already_seeded(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    first = run_json(capsys, "--db", str(db), "seed")
    assert first["seeded"] is True
    assert first["people"] == len(members())
    assert first["households"] == len(load_personas()["households"])
    second = run_json(capsys, "--db", str(db), "seed")
    assert second == {"seeded": False, "people": len(members()), "path": str(db)}
    code, out, err = run(capsys, "--db", str(db), "seed")
    assert (code, err) == (0, "")
    assert "déjà" in out


def test_seed_as_text(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "--db", str(db), "seed")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == t("cli.seed.done", path=db)
    assert field(out, t("cli.summary.people")) == str(len(members()))
    assert field(out, t("cli.summary.households")) == str(len(load_personas()["households"]))


def add_stray_message(db: Path) -> None:
    store = Store(db)
    martine = store.people()[0]
    Mailer(store).otp_email(datetime(2099, 1, 1), martine, "x@exemple.fr", "123456")
    store.close()


# One information message per persona with a code, the new code asked for since (Hugo), and
# Nathalie's automatic creation: her information is seven weeks old.
SEEDED_MESSAGES = CODES_SENT + 1


def outbox_size(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])
    finally:
        conn.close()


def test_reset_restores_the_initial_data(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    seeded = run_json(capsys, "--db", str(db), "seed")
    add_stray_message(db)
    data = run_json(capsys, "--db", str(db), "reset", "--yes")
    assert data["reset"] is True
    assert data["removed_messages"] == seeded["messages"] + 1
    assert data["people"] == seeded["people"]
    assert outbox_size(db) == seeded["messages"]


def test_reset_without_yes_proceeds_for_scripts(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--db", str(db), "seed")
    add_stray_message(db)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal
    code, out, err = run(capsys, "--db", str(db), "reset")
    assert (code, err) == (0, "")
    assert "restaurées" in out
    assert outbox_size(db) == SEEDED_MESSAGES


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("answer", "expected"), [("n\n", 1), ("\n", 1), ("oui\n", 0)])
def test_reset_asks_on_a_terminal(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch,
    answer: str, expected: int,
) -> None:
    run(capsys, "--db", str(db), "seed")
    add_stray_message(db)
    monkeypatch.setattr(sys, "stdin", _Terminal(answer))
    code, _, err = run(capsys, "--db", str(db), "reset")
    assert code == expected
    assert t("cli.reset.confirm", path=db) in err
    assert outbox_size(db) == SEEDED_MESSAGES + expected  # unchanged when cancelled


# --- options -----------------------------------------------------------------------------


def test_help_describes_the_variants_and_rules_in_french(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for word in ("Utilisation", "Parcours", "code-first", "identity-first", "Règles", "2022",
                 "2025", "personas", "outbox", "status", "seed", "reset", "MES_SANTE_DB",
                 "--theme", "contraste-sombre", "contraste-clair", "NO_COLOR"):
        assert word in out
    assert "show this help" not in out and "usage:" not in out


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "x.db"],
        ["--db=x.db", "--theme", "contraste-sombre", "--guide"],
        ["--journey", "identity-first", "--rules", "2022", "--accessible"],
        ["--scenario", "oubli", "--stagiaire", "Léa", "--json"],
        ["--db", "personas"],  # a value that is a command's name is still a value
    ],
)
def test_the_start_options_are_read_as_the_whole_parser_reads_them(argv: list[str]) -> None:
    from mes_sante_tui.cli.parser import build_parser, parse, parse_start

    quick = parse_start(argv)
    assert quick is not None
    assert vars(quick) == vars(parse(build_parser(), argv))


@pytest.mark.parametrize(
    "argv",
    [["personas"], ["--db", "x.db", "outbox"], ["-h"], ["--help"], ["--he"], ["inconnu"],
     ["--theme", "rose"], ["--db"], ["--s", "x"], ["--limit", "3"]],
)
def test_anything_but_start_options_is_left_to_the_whole_parser(argv: list[str]) -> None:
    from mes_sante_tui.cli.parser import parse_start

    assert parse_start(argv) is None


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and __version__ in out


def test_global_options_also_go_after_the_command(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    records = run_json(capsys, "personas", "--db", str(db), "--rules", "2022")
    assert len(records) == len(members())
    assert db.is_file()


def test_the_environment_variable_names_the_store(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DB, str(db))
    run_json(capsys, "seed")
    assert db.is_file()


def test_without_a_command_the_application_opens(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    class FakeApp:
        return_code: int | None = None

        def run(self) -> None:
            seen["ran"] = True

    def make_app(*, services: Services, settings: Settings, **_: Any) -> FakeApp:
        seen["settings"] = settings
        seen["path"] = services.store.path
        seen["seeded"] = not services.store.is_empty()
        return FakeApp()

    fake = types.ModuleType("mes_sante_tui.app")
    fake.make_app = make_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mes_sante_tui.app", fake)
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    argv = ["--db", str(db), "--parcours", "identity-first", "--regles", "2022"]
    assert cli.main([*argv, "--theme", "contraste-clair"]) == 0
    assert seen["ran"] is True
    assert seen["path"] == str(db)
    assert seen["seeded"] is True
    assert seen["settings"].journey is JourneyVariant.IDENTITY_FIRST
    assert seen["settings"].rule_version is RuleVersion.V2022
    assert seen["settings"].theme is DisplayTheme.HIGH_CONTRAST_LIGHT


def test_the_entry_pauses_the_collector_until_the_applications_first_frame(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12: the start-up is not slowed by collecting young objects while Textual and the
    application load; the collector runs again from the first frame on."""
    from mes_sante_tui import entry

    seen: list[tuple[str, bool]] = []

    class FakeApp:
        return_code: int | None = None

        def __init__(self, on_first_frame: Callable[[], None]) -> None:
            self.on_first_frame = on_first_frame

        def run(self) -> None:
            seen.append(("before the first frame", gc.isenabled()))
            self.on_first_frame()
            seen.append(("after it", gc.isenabled()))

    fake = types.ModuleType("mes_sante_tui.app")
    fake.make_app = lambda **kwargs: FakeApp(kwargs["on_first_frame"])  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mes_sante_tui.app", fake)
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    monkeypatch.setattr(sys, "argv", ["mes-sante-tui", "--db", str(db)])
    assert entry.main() == 0
    assert seen == [("before the first frame", False), ("after it", True)]
    assert gc.isenabled()


@pytest.mark.parametrize("argv", [["personas", "--limit", "1"], ["--accessible"], ["--theme"]])
def test_the_entry_resumes_the_collector_for_anything_but_the_application(
    argv: list[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mes_sante_tui import entry

    seen: list[bool] = []

    def dispatch(context: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(cli, "_dispatch", dispatch)
    monkeypatch.setattr(sys, "argv", ["mes-sante-tui", "--db", str(db), *argv])
    status = entry.main()
    assert seen == ([] if status else [True])  # a wrong use stops before: nothing runs
    assert gc.isenabled()


def test_an_application_that_had_to_stop_gives_its_non_zero_status(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class StoppedApp:
        return_code: int | None = None

        def run(self) -> None:
            self.return_code = 1  # as after a damaged store or an unexpected error

    fake = types.ModuleType("mes_sante_tui.app")
    fake.make_app = lambda **_: StoppedApp()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mes_sante_tui.app", fake)
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    assert cli.main(["--db", str(db)]) == 1


def test_the_english_aliases_select_the_same_settings(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Settings] = []
    fake = types.ModuleType("mes_sante_tui.app")

    class FakeApp:
        return_code: int | None = None

        def run(self) -> None:
            return None

    def make_app(*, services: Services, settings: Settings, **_: Any) -> FakeApp:
        seen.append(settings)
        return FakeApp()

    fake.make_app = make_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mes_sante_tui.app", fake)
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    assert cli.main(["--db", str(db), "--journey", "identity-first", "--rules", "2022"]) == 0
    assert seen[0].journey is JourneyVariant.IDENTITY_FIRST
    assert seen[0].rule_version is RuleVersion.V2022


# --- failures ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--regles", "2023", "personas"],
        ["--parcours", "sideways", "personas"],
        ["--theme", "bleu"],
        ["frobnicate"],
        ["personas", "--bogus"],
        ["status"],
        ["status", "12 34"],
        ["status", "2 73 03 44 109 038 2X"],
        ["outbox", "--limit", "0"],
        ["outbox", "--limit", "beaucoup"],
        ["outbox", "--limit"],
    ],
)
def test_bad_arguments_give_one_french_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], db: Path, argv: list[str]
) -> None:
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == 2
    assert out == ""
    line = one_french_line(err)
    assert line.endswith(". Voir mes-sante-tui --help.")
    assert "error:" not in line and "invalid choice" not in line
    assert not db.exists()  # nothing was opened


def test_a_file_that_is_not_a_store(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(bytes(range(256)) * 64)
    before = digest(path)
    code, out, err = run(capsys, "--db", str(path), "personas")
    assert code == 1 and out == ""
    assert one_french_line(err) == t("cli.failure", problem=t("store.damaged", path=path))
    assert digest(path) == before


def test_a_store_from_a_newer_version(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    code, out, err = run(capsys, "--db", str(db), "outbox")
    assert code == 1 and out == ""
    assert one_french_line(err) == t("cli.failure", problem=t(
        "store.newer", path=db, found=99, known=SCHEMA_VERSION
    ))


def test_a_store_in_an_impossible_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("je suis un fichier")
    path = blocker / "base.db"
    code, out, err = run(capsys, "--db", str(path), "seed")
    assert code == 1 and out == ""
    assert one_french_line(err) == t("cli.failure", problem=t("store.unwritable", path=path))


def test_an_interruption_exits_130_quietly(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(services: Services, context: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(commands, "cmd_personas", interrupted)
    code, out, err = run(capsys, "--db", str(db), "personas")
    assert (code, out, err) == (130, "", "")


# --- as a separate process ---------------------------------------------------------------


def _python(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != ENV_DB}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=REPO,
        timeout=60, check=False,
    )


def test_python_dash_m_runs_the_command_line(db: Path) -> None:
    done = _python("-m", "mes_sante_tui", "--db", str(db), "personas", "--json")
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == len(members())


def test_a_broken_store_gives_no_traceback_in_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"\xde\xad\xbe\xef" * 2048)
    done = _python("-m", "mes_sante_tui", "--db", str(path), "outbox")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1


def test_the_command_line_does_not_import_textual() -> None:
    code = (
        "import sys, mes_sante_tui.cli\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(loaded)\n"
    )
    done = _python("-c", code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --- options before or after the command -------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--json", "--db", "{db}", "personas"],
        ["personas", "--json", "--db", "{db}"],
        ["--db", "{db}", "personas", "--json"],
        ["--json", "personas", "--db", "{db}", "--regles", "2022"],
    ],
)
def test_json_and_db_go_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], db: Path, argv: list[str]
) -> None:
    code, out, err = run(capsys, *(a.replace("{db}", str(db)) for a in argv))
    assert (code, err) == (0, "")
    assert len(json.loads(out)) == len(members())


def test_every_command_takes_json_before_it(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    nir = member("lea")["nir"]
    for argv in (["outbox", "--limit", "1"], ["status", nir], ["clock"], ["seed"]):
        code, out, err = run(capsys, "--json", *argv, "--db", str(db))
        assert (code, err) == (0, ""), argv
        json.loads(out)
    code, out, err = run(capsys, "--json", "--db", str(db), "reset", "--oui")
    assert (code, err) == (0, "")
    assert json.loads(out)["reset"] is True


# --- personas --limit and --filtre -------------------------------------------------------


def test_personas_limit_keeps_the_order(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    everyone = run_json(capsys, "--db", str(db), "personas")
    first = run_json(capsys, "--db", str(db), "personas", "--limit", "3")
    assert [r["key"] for r in first] == [r["key"] for r in everyone[:3]]
    code, out, err = run(capsys, "--db", str(db), "personas", "--limit", "2")
    assert (code, err) == (0, "")
    assert out.rstrip().endswith(t(
        "cli.personas.shown", shown=2, total=len(members()), path=db
    ))


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("leguellec", {"martine", "sebastien", "lea", "hugo", "emma", "jules", "lina"}),
        ("LEA", {"lea"}),  # « Léa »: no accent, any case
        ("sébastien", {"sebastien"}),
        ("kevin", {"kevin"}),  # the persona key
    ],
)
def test_personas_filter_by_name_or_key(
    capsys: pytest.CaptureFixture[str], db: Path, text: str, keys: set[str]
) -> None:
    found = run_json(capsys, "--db", str(db), "personas", "--filtre", text)
    assert {r["key"] for r in found} == keys


def test_personas_filter_by_nir_with_spaces(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    nir = member("amina")["nir"]
    (found,) = run_json(capsys, "--db", str(db), "personas", "--filter", format_nir(nir))
    assert found["nir"] == nir
    both = run_json(capsys, "--db", str(db), "personas", "--filtre", "leguellec", "--limit", "2")
    assert len(both) == 2


def test_personas_filter_that_matches_nobody(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db), "personas", "--filtre", "Personne Inconnue")
    assert (code, err) == (0, "")
    assert out.strip() == t("cli.personas.no_match", filter="Personne Inconnue", path=db)
    code, out, err = run(capsys, "--db", str(db), "personas", "--filtre", "  ")
    assert (code, out) == (2, "")
    one_french_line(err)


# --- one vocabulary of statuses ----------------------------------------------------------


def test_statuses_are_the_same_in_personas_and_status(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    run(capsys, "--db", str(db), "seed")
    conn = sqlite3.connect(db)
    sebastien = member("sebastien")["nir"]
    (person_id,) = conn.execute("SELECT id FROM people WHERE nir = ?", (sebastien,)).fetchone()
    with conn:  # Sébastien closed his space and asked for his data to be deleted
        conn.execute(
            "UPDATE people SET status = 'cloture', status_date = '2026-11-20' WHERE id = ?",
            (person_id,),
        )
        conn.execute(
            "INSERT INTO closures(person_id, closed_at, by_person_id, previous_status,"
            " deletion_due_at) VALUES (?, '2026-11-20T10:00:00', ?, 'active',"
            " '2099-02-20T10:00:00')",
            (person_id, person_id),
        )
    conn.close()
    personas = {r["nir"]: r for r in run_json(capsys, "--db", str(db), "personas")}
    fields = ("status", "status_label", "status_date")
    status = run_json(capsys, "--db", str(db), "status", sebastien)
    for profile in status["profiles"]:
        assert {f: personas[profile["nir"]][f] for f in fields} == {
            f: profile[f] for f in fields
        }
    assert {r["status"] for r in personas.values()} <= {s.value for s in ProfileStatus}
    assert "suppression des données demandée" in personas[sebastien]["status_label"]


# --- without a terminal ------------------------------------------------------------------


def test_without_a_terminal_and_a_command_it_says_so(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, out, err = run(capsys, "--db", str(db))
    assert (code, out) == (2, "")
    assert one_french_line(err) == t("cli.error", problem=t("cli.no_terminal"))
    assert not db.exists()  # nothing was opened


def test_without_a_terminal_a_real_process_ends_at_once(db: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != ENV_DB}
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "mes_sante_tui", "--db", str(db)], stdin=subprocess.DEVNULL,
        capture_output=True, text=True, env=env, cwd=REPO, timeout=20, check=False,
    )
    elapsed = time.monotonic() - started
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [t("cli.error", problem=t("cli.no_terminal"))]
    assert elapsed < 5  # Python's own start-up included, on a busy machine
    assert not db.exists()


# --- store errors on the command line: one French line, non-zero -------------------------


def test_another_programs_database_is_refused_and_left_as_it_was(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "agenda.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE rendez_vous (id INTEGER PRIMARY KEY, quand TEXT)")
    conn.execute("INSERT INTO rendez_vous(quand) VALUES ('demain')")
    conn.commit()
    conn.close()
    before = digest(path)
    for argv in (["personas"], ["seed"], ["reset", "--oui"], ["clock", "+1d"]):
        code, out, err = run(capsys, "--db", str(path), *argv)
        assert code == 1 and out == ""
        assert one_french_line(err) == t("cli.failure", problem=t("store.foreign", path=path))
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agenda.sqlite"]


def test_a_locked_store(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--db", str(db), "seed")
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process is writing, and does not let go
    try:
        code, out, err = run(capsys, "--db", str(db), "clock", "+1d")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1 and out == ""
    assert one_french_line(err) == t("cli.failure", problem=t("store.locked", path=db))


def test_a_read_only_store(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--db", str(db), "seed")

    def read_only(path: str) -> sqlite3.Connection:
        # Root writes through a 0444 file: the store is opened read-only instead.
        return sqlite3.connect(
            f"{Path(path).as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=1,
            check_same_thread=False,
        )

    monkeypatch.setattr(store_module, "_open_connection", read_only)
    code, out, err = run(capsys, "--db", str(db), "clock", "+1d")
    assert code == 1 and out == ""
    assert one_french_line(err) == t("cli.failure", problem=t("store.unwritable", path=db))


# --- reset on a damaged store ------------------------------------------------------------


def damaged_files(folder: Path) -> Path:
    path = folder / "base.db"
    path.write_bytes(b"\xde\xad\xbe\xef" * 2048)
    Path(f"{path}-wal").write_bytes(b"wal")
    Path(f"{path}-shm").write_bytes(b"shm")
    return path


def moved_aside(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".endommage-" in p.name)


def test_reset_moves_a_damaged_store_aside_and_makes_a_new_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = damaged_files(tmp_path)
    before = digest(path)
    code, out, err = run(capsys, "--db", str(path), "reset", "--oui")
    assert (code, err) == (0, "")
    kept, kept_shm, kept_wal = moved_aside(tmp_path)
    assert kept.name.startswith("base.db.endommage-")
    assert (kept_shm.name, kept_wal.name) == (f"{kept.name}-shm", f"{kept.name}-wal")
    assert digest(kept) == before and kept_wal.read_bytes() == b"wal"
    assert out.splitlines()[0] == t("cli.reset.moved", path=path, moved=kept)
    records = run_json(capsys, "--db", str(path), "personas")  # the new store works
    assert len(records) == len(members())


def test_reset_of_a_damaged_store_as_json_names_the_kept_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = damaged_files(tmp_path)
    data = run_json(capsys, "--db", str(path), "reset", "--oui")
    (kept, *_) = moved_aside(tmp_path)
    assert data["damaged_moved_to"] == str(kept)
    assert data["people"] == len(members())


def test_reset_of_a_damaged_store_needs_oui_in_a_script(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = damaged_files(tmp_path)
    before = digest(path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal
    code, out, err = run(capsys, "--db", str(path), "reset")
    assert code == 1 and out == ""
    line = one_french_line(err)
    assert line == t("cli.failure", problem=t("cli.reset.damaged_needs_yes", path=path))
    assert "--oui" in line
    assert digest(path) == before and moved_aside(tmp_path) == []


@pytest.mark.parametrize(("answer", "expected"), [("n\n", 1), ("\n", 1), ("o\n", 0)])
def test_reset_of_a_damaged_store_asks_on_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    answer: str, expected: int,
) -> None:
    path = damaged_files(tmp_path)
    monkeypatch.setattr(sys, "stdin", _Terminal(answer))
    code, _, err = run(capsys, "--db", str(path), "reset")
    assert code == expected
    assert t("cli.reset.damaged_confirm", path=path) in err
    assert len(moved_aside(tmp_path)) == (3 if expected == 0 else 0)


def test_reset_moves_aside_a_store_that_fails_its_check(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    run(capsys, "--db", str(db), "seed")
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    size = db.stat().st_size
    with db.open("r+b") as file:  # the last two pages: noise; the store still opens
        file.seek(size - 4096 * 2)
        file.write(b"\xa5" * 4096 * 2)
    opened = Store(db)
    assert not opened.integrity_ok()
    opened.close()
    code, out, err = run(capsys, "--db", str(db), "reset", "--oui")
    assert (code, err) == (0, "")
    (kept,) = moved_aside(db.parent)
    assert out.splitlines()[0] == t("cli.reset.moved", path=db, moved=kept)
    assert len(run_json(capsys, "--db", str(db), "personas")) == len(members())


@pytest.mark.parametrize("command", ["personas", "outbox", "reset"])
def test_a_command_help_lists_its_options_in_one_section(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert out.count("\noptions :\n") == 1
    assert out.index("--help") < out.index("\noptions générales :\n")


# --- rich rendering for people -----------------------------------------------------------

# An SGR sequence's colour parameters: foreground, background, 256 colours and true colour.
_SGR = re.compile(r"\x1b\[([0-9;]*)m")
_COLOURS = {*range(30, 39), *range(40, 49), *range(90, 98), *range(100, 108)}


def colours(text: str) -> set[int]:
    return {
        int(p) for params in _SGR.findall(text) for p in params.split(";") if p
    } & _COLOURS


@pytest.fixture
def plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No forced colours from the environment the tests run in."""
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


def test_the_status_table_shows_each_profiles_facts_on_its_row(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db), "status", member("hugo")["nir"])
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == t("cli.status.household", label="Famille Leguellec", count=7)
    header = next(line for line in lines if line.startswith(t("cli.status.name")))
    assert re.split(r"\s{2,}", header.strip()) == [
        t("cli.status.name"), t("cli.status.nir"), t("cli.status.birth"),
        t("cli.status.status"), t("cli.status.account"),
    ]
    hugo = next(line for line in lines if format_nir(member("hugo")["nir"]) in line)
    assert re.split(r"\s{2,}", hugo.strip()) == [
        t("cli.status.child", name="Hugo Leguellec"), format_nir(member("hugo")["nir"]),
        "18/09/2016", "Profil opposé le 07/12/2021", t("cli.status.no"),
    ]
    sebastien = next(line for line in lines if line.startswith("Sébastien"))
    assert sebastien.split()[-1] == t("cli.status.yes")


def test_the_reset_summary_is_a_table_of_before_and_after(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    run(capsys, "--db", str(db), "seed")
    add_stray_message(db)
    code, out, err = run(capsys, "--db", str(db), "reset", "--oui")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == t("cli.reset.done", path=db)
    people = str(len(members()))
    assert field(out, t("cli.summary.people")).split() == [people, people]
    assert field(out, t("cli.summary.messages")).split() == [
        str(SEEDED_MESSAGES + 1), str(SEEDED_MESSAGES)
    ]


@pytest.mark.usefixtures("plain_environment")
def test_without_a_terminal_no_escape_sequence_is_written(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    nir = member("martine")["nir"]
    for argv in (["seed"], ["personas"], ["outbox"], ["status", nir], ["clock", "+1d"],
                 ["seed"], ["reset", "--oui", "--taille", "500"]):
        code, out, err = run(capsys, "--db", str(db), *argv)
        assert code == 0, argv
        assert out.strip() and err == "", argv
        assert "\x1b" not in out, argv


def render_on_a_terminal(monkeypatch: pytest.MonkeyPatch, *argv: str) -> tuple[str, str]:
    """Run with standard output and error taken for a terminal; what each received."""
    out, err = _Terminal(), _Terminal()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert cli.main(list(argv)) == 0
    return out.getvalue(), err.getvalue()


@pytest.mark.usefixtures("plain_environment")
def test_on_a_terminal_the_tables_have_colours_unless_no_color(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nir = member("martine")["nir"]
    out, _ = render_on_a_terminal(monkeypatch, "--db", str(db), "status", nir)
    hugo = format_nir(member("hugo")["nir"])  # a NIR never wraps, even on 80 columns
    assert colours(out)  # the test can see colours when there are some
    assert hugo in out
    monkeypatch.setenv("NO_COLOR", "1")
    out, _ = render_on_a_terminal(monkeypatch, "--db", str(db), "status", nir)
    assert colours(out) == set()
    assert hugo in out


@pytest.mark.usefixtures("plain_environment")
def test_a_large_reset_shows_its_progress_on_a_terminal_only(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ("--db", str(db), "reset", "--oui", "--taille", "3000")
    code, out, err = run(capsys, *argv)  # no terminal: no bar
    assert (code, err) == (0, "")
    code, out, err = run(capsys, *argv, "--json")  # for scripts: no bar
    assert (code, err) == (0, "")
    assert json.loads(out)["generated"] == 3000
    out, err = render_on_a_terminal(monkeypatch, *argv)
    assert t("cli.progress.population") in err
    assert "3000/3000" in err  # the bar reached the total
    assert t("cli.progress.population") not in out
    out, err = render_on_a_terminal(monkeypatch, *argv, "--json")
    assert err == ""
    assert json.loads(out)["generated"] == 3000


@pytest.mark.usefixtures("plain_environment")
def test_moving_the_clock_over_a_large_population_shows_its_progress(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "--db", str(db), "reset", "--oui", "--taille", str(commands.PROGRESS_FROM))
    store = Store(db)
    with store.transaction() as conn:  # the generated people were informed today
        conn.execute(
            "UPDATE people SET information_sent_at = ? WHERE persona_key IS NULL",
            (datetime.now().isoformat(),),
        )
    store.close()
    out, err = render_on_a_terminal(monkeypatch, "--db", str(db), "clock", "+7w")
    assert t("cli.progress.catch_up") in err
    created = int(field(_SGR.sub("", out), t("cli.clock.created")).replace(" ", ""))
    assert created >= commands.PROGRESS_FROM
    assert f"{created}/{created}" in err
    out, err = render_on_a_terminal(monkeypatch, "--db", str(db), "clock", "+1d")
    assert err == ""  # nothing due: no bar flashes


@pytest.mark.usefixtures("plain_environment")
def test_short_work_shows_no_bar(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    size = str(commands.PROGRESS_FROM - 1)
    _, err = render_on_a_terminal(monkeypatch, "--db", str(db), "reset", "--oui", "--taille", size)
    assert err == ""
