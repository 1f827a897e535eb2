"""A trainer's command line: `scenarios`, `reglages`, `--scenario NAME [--stagiaire NOM]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_cli import db, one_french_line, quiet_environment, run, run_json

from mes_sante_tui import cli
from mes_sante_tui.core.run_marks import SCENARIO_KEY, TRAINEE_KEY
from mes_sante_tui.core.scenarios import load_scenarios
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.settings import JourneyVariant, RuleVersion, Settings
from mes_sante_tui.core.store import Store
from mes_sante_tui.wording import t

__all__ = ["db", "quiet_environment"]  # the fixtures of test_cli, used here too


def test_scenarios_lists_them_without_opening_a_store(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db), "scenarios")
    assert (code, err) == (0, "")
    assert "Scénarios de formation" in out and "code-expire" in out and "Confirmé" in out
    assert "mes-sante-tui --scenario NOM" in out
    assert not db.exists()
    records = run_json(capsys, "--db", str(db), "scenarios")
    assert [r["name"] for r in records] == list(load_scenarios())
    expired = next(r for r in records if r["name"] == "code-expire")
    assert expired["persona"] == "nathalie" and expired["level"] == "débutant"
    locked = next(r for r in records if r["name"] == "code-verrouille")
    assert locked["settings"] == {"essais": "3"}


def test_reglages_shows_changes_and_restores_the_figures(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    shown = {r["name"]: r for r in run_json(capsys, "--db", str(db), "reglages")}
    assert shown["essais"]["value"] == 5 and not shown["essais"]["changed"]
    code, out, err = run(capsys, "--db", str(db), "reglages", "essais", "3")
    assert (code, err) == (0, "")
    assert "Réglage « essais » : 3 essais." in out
    assert "modifié" in out
    run(capsys, "--db", str(db), "reglages", "session", "20m")
    shown = {r["name"]: r for r in run_json(capsys, "--db", str(db), "reglages")}
    assert (shown["essais"]["value"], shown["session"]["value"]) == (3, 1200)
    assert shown["session"]["changed"] and shown["session"]["words"] == "20 minutes"
    code, out, err = run(capsys, "--db", str(db), "reglages", "--defaut")
    assert code == 0 and "valeur par défaut" in out
    shown = {r["name"]: r for r in run_json(capsys, "--db", str(db), "reglages")}
    assert shown["essais"]["value"] == 5 and shown["session"]["value"] == 900


def test_reglages_reads_the_stored_figures_once_and_shows_them_with_the_change(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mes_sante_tui.cli.trainer import figures
    from mes_sante_tui.core.settings import stored_figures as read

    reads: list[object] = []

    def counted(store: Any) -> Any:
        reads.append(store)
        return read(store)

    monkeypatch.setattr(figures, "stored_figures", counted)
    run(capsys, "--db", str(db), "reglages", "essais", "3")
    assert len(reads) == 1
    reads.clear()
    shown = {r["name"]: r for r in run_json(capsys, "--db", str(db), "reglages", "session", "20m")}
    assert len(reads) == 1
    assert (shown["essais"]["value"], shown["session"]["value"]) == (3, 1200)
    assert shown["essais"]["changed"] and shown["session"]["changed"]
    assert not shown["avertissement"]["changed"]
    reads.clear()
    shown = {r["name"]: r for r in run_json(capsys, "--db", str(db), "reglages", "--defaut")}
    assert len(reads) == 1
    assert not any(record["changed"] for record in shown.values())
    assert shown["session"]["value"] == 900


@pytest.mark.parametrize(
    ("argv", "status", "words"),
    [
        (["reglages", "essais", "0"], 1, "hors des limites"),
        (["reglages", "essais", "-2"], 1, "« -2 » n'est pas un nombre"),
        (["reglages", "session", "20"], 1, "n'est pas une durée"),
        (["reglages", "patience", "3"], 1, "Réglage « patience » inconnu"),
        (["reglages", "avertissement", "20m"], 1, "avant la fin de la session"),
        (["reglages", "essais"], 2, "il manque la valeur"),
        (["reglages", "essais", "3", "--defaut"], 2, "--defaut remet tous les réglages"),
        (["--scenario", "code-perime"], 1, "Scénario « code-perime » inconnu"),
        (["--scenario", "code-expire", "personas"], 2, "ne pas donner de commande"),
    ],
)
def test_a_bad_use_is_one_french_line(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch,
    argv: list[str], status: int, words: str,
) -> None:
    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    code, out, err = run(capsys, "--db", str(db), *argv)
    assert code == status
    assert words in one_french_line(err)
    shown = {r["name"]: r for r in run_json(capsys, "--db", str(db), "reglages")}
    assert shown["essais"]["value"] == 5  # nothing changed


_EXCLUSIVE = "cli.arg.exclusive"


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["panne", "code-expire", "--aucune"],
         t(_EXCLUSIVE, option="--aucune/--none", other="NOM")),
        (["panne", "--none", "code-expire"], t(_EXCLUSIVE, option="NOM", other="--aucune/--none")),
        (["fiches", "--persona", "paul", "--scenario", "code-expire"],
         t(_EXCLUSIVE, option="--scenario", other="--persona")),
        (["fiches", "--scenario", "code-expire", "--persona", "paul"],
         t(_EXCLUSIVE, option="--persona", other="--scenario")),
        # The application's --scenario, before the command, is not the sheet's.
        (["--scenario", "code-expire", "fiches", "--persona", "paul"],
         t("cli.scenario.no_command")),
        (["--scenario", "code-expire", "classe"], t("cli.scenario.no_command")),
    ],
)
def test_choices_that_exclude_each_other_are_one_french_line_naming_both(
    capsys: pytest.CaptureFixture[str], db: Path, argv: list[str], problem: str
) -> None:
    sheet = db.parent / "fiche.pdf"
    extra = ["--sortie", str(sheet)] if "fiches" in argv else []
    code, out, err = run(capsys, "--db", str(db), *argv, *extra)
    assert (code, out) == (2, "")
    assert one_french_line(err) == t("cli.error", problem=problem)
    assert not db.exists() and not sheet.exists()  # nothing opened, injected or written


def test_scenario_opens_the_app_on_a_fresh_run_beside_the_store(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[str, Settings, Any]] = []

    def fake_app(services: Services, settings: Settings) -> int:
        sessions = services.engine.sessions
        opened.append((services.store.path, settings, (sessions.scenario, sessions.trainee)))
        return 0

    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    monkeypatch.setattr(cli, "_run_app", fake_app)
    said: list[str] = []
    for _ in range(2):
        argv = ["--db", str(db), "--scenario", "parcours-identite", "--stagiaire", "Zoé  Dupont"]
        code, out, err = run(capsys, *argv)
        assert (code, err) == (0, "")
        said.append(out.strip())
    (first, settings, training), (second, _, _) = opened
    assert said == [f"Base de cette séance de formation : {path}" for path in (first, second)]
    assert first != second
    assert Path(first).parent == db.parent / "formation"
    assert Path(first).name.startswith("parcours-identite-zoe-dupont-")
    assert settings.journey is JourneyVariant.IDENTITY_FIRST
    assert training == ("parcours-identite", "Zoé Dupont")
    assert not db.exists()  # the trainer's store is not touched
    # The run store opened again by its path (a trainer's `--db PATH`): the same scenario;
    # --regles still chooses.
    assert run(capsys, "--db", first, "--regles", "2022")[0] == 0
    _, settings, training = opened[-1]
    assert settings.journey is JourneyVariant.IDENTITY_FIRST
    assert settings.rule_version is RuleVersion.V2022
    assert training == ("parcours-identite", "Zoé Dupont")
    store = Store(first)
    try:
        assert (store.meta(SCENARIO_KEY), store.meta(TRAINEE_KEY)) == (
            "parcours-identite", "Zoé Dupont",
        )
    finally:
        store.close()


def test_the_figures_of_the_store_reach_the_app(
    capsys: pytest.CaptureFixture[str], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Settings] = []

    def fake_app(services: Services, settings: Settings) -> int:
        seen.append(settings)
        return 0

    monkeypatch.setattr(cli, "_has_terminal", lambda: True)
    monkeypatch.setattr(cli, "_run_app", fake_app)
    run(capsys, "--db", str(db), "reglages", "essais", "2")
    assert run(capsys, "--db", str(db))[0] == 0
    assert seen[0].max_code_failures == 2 and seen[0].max_login_failures == 2
