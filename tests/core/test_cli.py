"""The command line, run in-process (`main([...])`) and once as `python -m mes_sante_tui`."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import types
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from mes_sante_tui import __version__, cli
from mes_sante_tui.core import password
from mes_sante_tui.core.nir import format_nir, make_nir
from mes_sante_tui.core.outbox import Mailer
from mes_sante_tui.core.personas import load_personas
from mes_sante_tui.core.services import ENV_DB, Services
from mes_sante_tui.core.settings import JourneyVariant, RuleVersion, Settings
from mes_sante_tui.core.store import SCHEMA_VERSION, Store
from mes_sante_tui.core.vitale import PHOTO_PREFIX
from mes_sante_tui.wording import t

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def quiet_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No store from the environment, and light argon2id for the seeded account."""
    monkeypatch.delenv(ENV_DB, raising=False)
    monkeypatch.setattr(password, "_hasher", password._hasher)
    password.set_hasher_params(time_cost=1, memory_cost=8)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cli.db"


def members() -> list[dict[str, Any]]:
    return [m for h in load_personas()["households"] for m in h["members"]]


def member(key: str) -> dict[str, Any]:
    return next(m for m in members() if m["key"] == key)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


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
    assert len(messages) == sum(1 for m in members() if "code" in m)
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
    assert sum(1 for m in messages if m["provisional_codes"]) == sum(
        1 for m in members() if "code" in m
    )


def test_codes_are_told_from_words() -> None:
    body = "Des informations utiles.\nVotre code provisoire : abcdefghijkm\nRéf. Ab3dEf7hJk2M"
    assert cli.provisional_codes(body) == ["abcdefghijkm", "Ab3dEf7hJk2M"]
    assert cli.one_time_codes("Votre code à usage unique : 034567. Le 22/11/2026.") == ["034567"]


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
    assert f"{len(members())} personne(s)" in out


def add_stray_message(db: Path) -> None:
    store = Store(db)
    martine = store.people()[0]
    Mailer(store).otp_email(datetime(2099, 1, 1), martine, "x@exemple.fr", "123456")
    store.close()


# One information message per persona with a code, and Nathalie's automatic creation: her
# information is seven weeks old.
SEEDED_MESSAGES = sum(1 for m in members() if "code" in m) + 1


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
                 "2025", "personas", "outbox", "status", "seed", "reset", "MES_SANTE_DB"):
        assert word in out
    assert "show this help" not in out and "usage:" not in out


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

    def make_app(*, services: Services, settings: Settings) -> FakeApp:
        seen["settings"] = settings
        seen["path"] = services.store.path
        seen["seeded"] = not services.store.is_empty()
        return FakeApp()

    fake = types.ModuleType("mes_sante_tui.app")
    fake.make_app = make_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mes_sante_tui.app", fake)
    assert cli.main(["--db", str(db), "--parcours", "identity-first", "--regles", "2022"]) == 0
    assert seen["ran"] is True
    assert seen["path"] == str(db)
    assert seen["seeded"] is True
    assert seen["settings"].journey is JourneyVariant.IDENTITY_FIRST
    assert seen["settings"].rule_version is RuleVersion.V2022


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

    def make_app(*, services: Services, settings: Settings) -> FakeApp:
        seen.append(settings)
        return FakeApp()

    fake.make_app = make_app  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mes_sante_tui.app", fake)
    assert cli.main(["--db", str(db), "--journey", "identity-first", "--rules", "2022"]) == 0
    assert seen[0].journey is JourneyVariant.IDENTITY_FIRST
    assert seen[0].rule_version is RuleVersion.V2022


# --- failures ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["--regles", "2023", "personas"],
        ["--parcours", "sideways", "personas"],
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
    code, out, err = run(capsys, "--db", str(path), "personas")
    assert code == 1 and out == ""
    assert one_french_line(err) == t("cli.failure", problem=t("store.not_a_store", path=path))


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

    monkeypatch.setitem(cli._COMMANDS, "personas", interrupted)
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
