"""Training scenarios: the shipped file is valid, each one prepares the state its goal needs,
a replay starts from the same state, and no other store is touched."""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from mes_sante_tui.core import scenarios
from mes_sante_tui.core.clock import OFFSET_KEY, ManualClock
from mes_sante_tui.core.faults import Fault, FaultPlan
from mes_sante_tui.core.lockout import Scope
from mes_sante_tui.core.models import Channel, ProfileStatus
from mes_sante_tui.core.paths import data_dir
from mes_sante_tui.core.scenarios import (
    InjectedFault,
    ScenarioError,
    fill_run,
    load_scenarios,
    prepare_run,
    read_scenarios,
    run_of,
)
from mes_sante_tui.core.settings import (
    Figure,
    JourneyVariant,
    RuleVersion,
    load_figures,
    stored_figures,
)
from mes_sante_tui.core.store import Store

AT = datetime(2026, 11, 22, 10, 0, 0)
SHIPPED = list(load_scenarios())


def _raw() -> dict[str, Any]:
    with (data_dir() / "scenarios.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _prepared(name: str, trainee: str | None = None) -> Store:
    store = Store(":memory:")
    fill_run(store, scenarios.scenario_named(name), at=AT, trainee=trainee)
    return store


def _person(store: Store, key: str) -> Any:
    row = store.query_one("SELECT * FROM people WHERE persona_key = ?", (key,))
    assert row is not None, key
    return row


def _now(store: Store) -> datetime:
    return AT + timedelta(seconds=int(store.meta(OFFSET_KEY) or 0))


# --- the file ------------------------------------------------------------------------------


def test_every_outcome_and_hard_case_has_a_scenario() -> None:
    shipped = load_scenarios()
    assert len(shipped) >= 12
    personas = {s.persona for s in shipped.values()}
    # A child, twins, no contacts, expired and used codes, an active space, a deceased person.
    assert {"lea", "jules", "gerard", "nathalie", "thomas", "sebastien", "jeanne"} <= personas
    assert {s.variant for s in shipped.values()} == set(JourneyVariant)
    assert {s.rules for s in shipped.values()} == set(RuleVersion)
    assert {f.fault for s in shipped.values() for f in s.faults} == set(Fault)
    assert {s.level.value for s in shipped.values()} == {"débutant", "confirmé"}
    assert any(s.lost_code for s in shipped.values())
    assert any(s.advance for s in shipped.values())
    for scenario in shipped.values():
        assert scenario.goal and scenario.title and scenario.traps, scenario.name


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"persona": "personne"}, ["code-expire", "persona « personne » inconnue"]),
        ({"variant": "a-l-envers"}, ["code-expire", "« a-l-envers »", "code-first"]),
        ({"rules": "2030"}, ["code-expire", "« 2030 »", "2025"]),
        ({"level": "expert"}, ["code-expire", "« expert »", "débutant"]),
        ({"faults": [{"name": "panne-totale", "once": True}]}, ["panne « panne-totale »"]),
        ({"faults": [{"name": "code-expire", "once": "oui"}]}, ["« once »"]),
        ({"settings": {"essais": "0"}}, ["hors des limites", "essais"]),
        ({"settings": {"patience": "3"}}, ["Réglage « patience » inconnu"]),
        ({"settings": {"session": "3m", "avertissement": "5m"}}, ["avant la fin de la session"]),
        ({"clock": {"advance": "-6w"}}, ["« -6w »"]),
        ({"clock": {"date": "hier"}}, ["« hier »"]),
        ({"clock": {"when": "+6w"}}, ["« clock »"]),
        ({"goal": ""}, ["« goal »"]),
        ({"wrong_entries": -1}, ["wrong_entries"]),
        ({"name": "Code Expiré"}, ["n° 1", "nom"]),
    ],
)
def test_a_bad_scenario_is_refused_in_french_naming_it(
    change: dict[str, Any], words: list[str]
) -> None:
    data = _raw()
    entry = next(s for s in data["scenarios"] if s["name"] == "code-expire")
    data["scenarios"] = [{**copy.deepcopy(entry), **change}]
    with pytest.raises(ScenarioError) as refused:
        read_scenarios(data)
    for word in words:
        assert word in refused.value.message


def test_a_scenario_defined_twice_is_refused() -> None:
    data = _raw()
    data["scenarios"] = data["scenarios"][:1] * 2
    with pytest.raises(ScenarioError, match="deux fois"):
        read_scenarios(data)


def test_an_unknown_scenario_names_the_known_ones() -> None:
    with pytest.raises(ScenarioError) as refused:
        scenarios.scenario_named("code-perime")
    assert "« code-perime » inconnu" in refused.value.message
    assert "code-expire" in refused.value.message


# --- preparing a run --------------------------------------------------------------------------


@pytest.mark.parametrize("name", SHIPPED)
def test_every_scenario_prepares_its_settings_faults_and_clock(name: str) -> None:
    scenario = scenarios.scenario_named(name)
    store = _prepared(name, trainee="Zoé")
    run = run_of(store)
    assert run is not None and run.scenario == scenario and run.trainee == "Zoé"
    assert stored_figures(store) == dict(scenario.figures)
    assert load_figures(store, scenario.settings()) == scenario.settings()
    in_force = {InjectedFault(f.fault, f.once) for f in FaultPlan(store).in_force()}
    assert in_force == set(scenario.faults)
    assert _now(store) == AT + scenario.advance
    persona = _person(store, scenario.persona)
    assert persona["persona_key"] == scenario.persona


def _codes(store: Store, key: str) -> list[Any]:
    person = _person(store, key)
    return store.codes_of([person["id"]])


def test_expired_code_the_persona_code_is_expired_at_the_scenario_clock() -> None:
    store = _prepared("code-expire")
    (code,) = _codes(store, "nathalie")
    assert datetime.fromisoformat(code["expires_at"]) < _now(store)
    assert code["used_at"] is None


def test_used_code_the_persona_code_was_used() -> None:
    store = _prepared("code-utilise")
    (code,) = _codes(store, "thomas")
    assert code["used_at"] is not None


def test_twins_the_persona_has_a_twin() -> None:
    store = _prepared("jumeaux")
    jules = _person(store, "jules")
    twins = store.query(
        "SELECT persona_key FROM people WHERE parent_id = ? AND birth_date = ? AND id != ?",
        (jules["parent_id"], jules["birth_date"], jules["id"]),
    )
    assert [row["persona_key"] for row in twins] == ["lina"]


def test_child_the_persona_is_on_a_parent_card() -> None:
    store = _prepared("enfant")
    lea = _person(store, "lea")
    assert lea["parent_id"] is not None and store.card_of(lea["id"]) is None


def test_no_contacts_the_code_came_by_letter() -> None:
    store = _prepared("sans-coordonnees")
    gerard = _person(store, "gerard")
    assert gerard["email"] is None and gerard["mobile"] is None
    messages = [m for m in store.outbox() if m.person_id == gerard["id"]]
    assert [m.channel for m in messages] == [Channel.LETTER]


def test_lost_code_the_message_is_gone_but_the_code_is_valid() -> None:
    store = _prepared("code-perdu")
    amina = _person(store, "amina")
    assert not [m for m in store.outbox() if m.person_id == amina["id"]]
    (code,) = _codes(store, "amina")
    assert datetime.fromisoformat(code["expires_at"]) > _now(store)


def test_locked_code_wrong_entries_already_counted_with_three_allowed() -> None:
    store = _prepared("code-verrouille")
    lina = _person(store, "lina")
    assert store.lockout_of(Scope.PROVISIONAL_CODE, str(lina["parent_id"])) == (2, None)
    assert scenarios.scenario_named("code-verrouille").settings().max_code_failures == 3


def test_opposition_then_change_of_mind_a_new_code_waits() -> None:
    store = _prepared("opposition-puis-activation")
    assert _person(store, "hugo")["status"] == ProfileStatus.OPPOSED.value
    codes = _codes(store, "hugo")
    fresh = [c for c in codes if c["used_at"] is None]
    assert len(fresh) == 1 and fresh[0]["origin"] == "regenerated"


def test_already_active_the_persona_has_an_account() -> None:
    store = _prepared("deja-active")
    sebastien = _person(store, "sebastien")
    assert sebastien["status"] == ProfileStatus.ACTIVATED.value
    assert store.account_identifier(sebastien["id"]) == "sebastien.leguellec"


def test_automatic_creation_six_weeks_later_the_space_is_created_and_the_code_expired() -> None:
    store = _prepared("creation-automatique")
    assert _now(store) == AT + timedelta(weeks=6)
    assert _person(store, "amina")["status"] == ProfileStatus.CREATED.value
    (code,) = _codes(store, "amina")
    assert datetime.fromisoformat(code["expires_at"]) < _now(store)


def test_the_2022_rules_and_identity_first_are_the_run_settings() -> None:
    assert scenarios.scenario_named("regles-2022").settings().rule_version is RuleVersion.V2022
    variant = scenarios.scenario_named("parcours-identite").settings().journey
    assert variant is JourneyVariant.IDENTITY_FIRST


def test_a_scenario_with_a_date_starts_the_simulated_clock_there() -> None:
    data = _raw()
    entry = next(s for s in data["scenarios"] if s["name"] == "regles-2022")
    data["scenarios"] = [{**entry, "clock": {"date": "2022-03-15T09:30", "advance": "+2d"}}]
    scenario = read_scenarios(data)["regles-2022"]
    store = Store(":memory:")
    fill_run(store, scenario, at=AT, trainee=None)
    assert _now(store) == datetime(2022, 3, 17, 9, 30)
    paul = _person(store, "paul")
    assert paul["information_sent_at"].startswith("2022-03-10")


# --- replay and separate runs -----------------------------------------------------------------

# Random by design, per store: the key of the code hashes, so the hashes; argon2's salt.
_RANDOM = {"meta": {"value"}, "provisional_codes": {"code_hash"}, "otp_codes": {"code_hash"},
           "accounts": {"password_hash"}}


def _content(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    store = Store(path)
    try:
        tables = [
            r["name"] for r in store.query(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        content: dict[str, list[tuple[Any, ...]]] = {}
        for table in tables:
            rows = store.query(f"SELECT * FROM {table} ORDER BY rowid")
            hidden = _RANDOM.get(table, set())
            columns = list(rows[0].keys()) if rows else []
            content[table] = [
                tuple(
                    "…" if column in hidden and not (table == "meta" and row["key"] != "secret")
                    else row[column]
                    for column in columns
                )
                for row in rows
            ]
        return content
    finally:
        store.close()


def test_two_runs_start_from_the_same_state(tmp_path: Path) -> None:
    clock = ManualClock(AT)
    first = prepare_run("code-expire", tmp_path, trainee="Zoé Dupont", clock=clock)
    second = prepare_run("code-expire", tmp_path, trainee="Zoé Dupont", clock=clock)
    assert first != second
    assert first.name == "code-expire-zoe-dupont-20261122-100000.db"
    assert second.name == "code-expire-zoe-dupont-20261122-100000-2.db"
    one, two = _content(first), _content(second)
    assert one == two
    # The messages carry the same codes: a persona sheet printed once serves every run.
    assert sum(1 for row in one["outbox"] if row[-1]) >= 10


def test_a_new_run_never_touches_an_earlier_one(tmp_path: Path) -> None:
    clock = ManualClock(AT)
    earlier = prepare_run("jumeaux", tmp_path, clock=clock)
    before = earlier.read_bytes()
    clock.advance(timedelta(seconds=5))
    later = prepare_run("jumeaux", tmp_path, clock=clock)
    assert earlier.read_bytes() == before
    assert later.parent == earlier.parent and later != earlier
    assert (earlier.stat().st_mode & 0o777, later.stat().st_mode & 0o777) == (0o600, 0o600)


def test_an_unknown_scenario_makes_no_file(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError):
        prepare_run("inconnu", tmp_path / "formation")
    assert not (tmp_path / "formation").exists()


def test_runs_live_in_a_formation_folder_beside_the_store() -> None:
    assert scenarios.runs_folder(Path("/data/x/mes_sante.db")) == Path("/data/x/formation")


def test_an_ordinary_store_is_no_run() -> None:
    store = Store(":memory:")
    assert run_of(store) is None
    assert Figure.ATTEMPTS not in stored_figures(store)


def _identify_persona(path: Path, key: str, holder: str | None = None) -> object:
    """The persona's newest code from the run's outbox, typed with the holder's NIR and card,
    as the trainee would: the engine's answer."""
    from mes_sante_tui.core.services import open_services

    services = open_services(path, clock=ManualClock(AT), seed_if_empty=False)
    try:
        store = services.store
        person = _person(store, key)
        card_holder = _person(store, holder or key)
        message = next(m for m in store.outbox() if m.person_id == person["id"] and m.code)
        card = store.card_of(card_holder["id"])
        assert card is not None and message.code is not None
        session = services.engine.start_session()
        return services.engine.identify_with_code(
            session, code=message.code, nir=card_holder["nir"], model=card.model,
            serial=card.serial,
        )
    finally:
        services.close()


def test_the_expired_code_run_answers_code_expired_to_the_trainee(tmp_path: Path) -> None:
    path = prepare_run("code-expire", tmp_path, clock=ManualClock(AT))
    answer = _identify_persona(path, "nathalie")
    assert getattr(answer, "outcome", None) == "code_expired"


def test_the_nominal_run_identifies_the_persona(tmp_path: Path) -> None:
    path = prepare_run("activation-nominale", tmp_path, clock=ManualClock(AT))
    answer = _identify_persona(path, "martine")
    assert getattr(answer, "ok", False) is True


def test_a_run_that_fails_half_way_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disque plein")

    monkeypatch.setattr(scenarios, "fill_run", broken)
    with pytest.raises(OSError):
        prepare_run("code-expire", tmp_path, clock=ManualClock(AT))
    assert list(tmp_path.iterdir()) == []
