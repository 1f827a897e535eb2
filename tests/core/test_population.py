"""The generated population (`seed` / `reset --taille N`): valid and unique NIRs, valid cards
and contacts, households with their children, the same people for the same seed."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mes_sante_tui import cli
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.codes import CodeHasher, SeededCodeGenerator
from mes_sante_tui.core.contacts import check_email, check_mobile
from mes_sante_tui.core.engine import Identified
from mes_sante_tui.core.models import CardModel, ProfileStatus
from mes_sante_tui.core.nir import check_nir
from mes_sante_tui.core.population import generate_population, population_code
from mes_sante_tui.core.services import ENV_DB, Services, open_services
from mes_sante_tui.core.store import Store
from mes_sante_tui.core.vitale import PHOTO_PREFIX, check_serial

PERSONAS = 17


@pytest.fixture(autouse=True)
def no_store_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_DB, raising=False)


def generated(store: Store) -> list[Any]:
    return store.query("SELECT * FROM people WHERE persona_key IS NULL ORDER BY id")


def fingerprint(store: Store) -> list[tuple[Any, ...]]:
    rows = store.query(
        "SELECT p.nir, p.first_name, p.last_name, p.birth_date, p.email, p.mobile, p.parent_id,"
        " c.model, c.serial FROM people p LEFT JOIN cards c ON c.holder_id = p.id"
        " WHERE p.persona_key IS NULL ORDER BY p.id"
    )
    return [tuple(r) for r in rows]


def fresh(clock: ManualClock) -> Services:
    return open_services(":memory:", clock=clock, codes=SeededCodeGenerator(7))


# --- the command line --------------------------------------------------------------------


def test_reset_with_a_size_adds_generated_people(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "big.db"
    code = cli.main(["--db", str(db), "reset", "--yes", "--taille", "2000", "--json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    report = json.loads(out)
    assert report["people"] == PERSONAS
    assert report["generated"] == 2000
    assert report["generated_seconds"] >= 0
    store = Store(db)
    try:
        assert store.people_count() == PERSONAS + 2000
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        store.close()


def test_seed_with_a_size_says_how_many_and_how_long(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = cli.main(["--db", str(tmp_path / "s.db"), "seed", "--size", "300"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "300 personne(s) générée(s) en " in out
    assert out.rstrip().endswith(" s.")


def test_reset_without_a_size_generates_nobody(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = cli.main(["--db", str(tmp_path / "r.db"), "reset", "--yes", "--json"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert json.loads(out)["generated"] == 0


@pytest.mark.parametrize("value", ["-1", "abc", "10000001"])
def test_a_bad_size_is_one_french_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str
) -> None:
    code = cli.main(["--db", str(tmp_path / "x.db"), "reset", "--yes", f"--taille={value}"])
    _, err = capsys.readouterr()
    assert code == cli.EXIT_USAGE
    assert err.count("\n") == 1
    assert "la taille doit être un nombre entier de 0 à 10 000 000" in err
    assert not (tmp_path / "x.db").exists() or Store(tmp_path / "x.db").is_empty()


# --- the population ----------------------------------------------------------------------


def test_every_generated_nir_is_valid_and_unique(services: Services, clock: ManualClock) -> None:
    assert generate_population(services.store, 3000, seed=1, clock=clock) == 3000
    rows = generated(services.store)
    assert len(rows) == 3000
    for row in rows:
        checked = check_nir(row["nir"])
        assert checked.error is None, row["nir"]
        assert row["nir"][0] in "12"
        assert 1 <= int(row["nir"][3:5]) <= 12
        born = date.fromisoformat(row["birth_date"])
        assert row["nir"][1:5] == f"{born.year % 100:02d}{born.month:02d}"
        assert born <= clock.now().date()
    all_nirs = [r["nir"] for r in services.store.query("SELECT nir FROM people")]
    assert len(set(all_nirs)) == len(all_nirs) == PERSONAS + 3000
    places = Counter(r["nir"][5:7] for r in rows)
    assert places["2A"] and places["2B"] and places["99"] and places["97"]


def test_cards_contacts_and_households(services: Services, clock: ManualClock) -> None:
    generate_population(services.store, 3000, seed=2, clock=clock)
    store = services.store
    rows = generated(store)
    by_id = {r["id"]: r for r in rows}
    models: Counter[str] = Counter()
    letter_only = 0
    for row in rows:
        assert row["status"] == ProfileStatus.PENDING.value
        card = store.card_of(row["id"])
        if row["parent_id"] is None:  # an adult, with a card
            assert card is not None
            models[card.model.value] += 1
            typed = card.serial
            if card.model is CardModel.WITH_PHOTO:
                assert typed.startswith(PHOTO_PREFIX)
                typed = typed[len(PHOTO_PREFIX):]
            checked = check_serial(typed, card.model, nir=row["nir"], today=clock.now().date())
            assert checked.error is None, (card, checked.error)
            if row["email"]:
                assert check_email(row["email"]).value == row["email"]
                assert row["email"].endswith("@exemple.fr")
            if row["mobile"]:
                assert check_mobile(row["mobile"]).value == row["mobile"]
            letter_only += not row["email"] and not row["mobile"]
        else:  # a child: on the parent's card, in the parent's household, under 16
            assert card is None
            parent = by_id[row["parent_id"]]
            assert parent["parent_id"] is None
            assert parent["household_id"] == row["household_id"]
            born = date.fromisoformat(row["birth_date"])
            assert clock.now().date().year - born.year <= 16
            assert born.year - date.fromisoformat(parent["birth_date"]).year >= 17
            assert row["email"] is None and row["mobile"] is None
    assert models["sans_photo"] and models["avec_photo"]
    assert 0 < letter_only < len(rows) // 5
    sizes = Counter(r["household_id"] for r in rows)
    assert set(sizes.values()) <= {1, 2, 3, 4, 5}
    assert {1, 5} <= set(sizes.values())


def test_the_same_seed_gives_the_same_people(clock: ManualClock) -> None:
    first, second, other = fresh(clock), fresh(clock), fresh(clock)
    try:
        generate_population(first.store, 1500, seed=42, clock=clock)
        generate_population(second.store, 1500, seed=42, clock=clock)
        generate_population(other.store, 1500, seed=43, clock=clock)
        assert fingerprint(first.store) == fingerprint(second.store)
        assert fingerprint(first.store) != fingerprint(other.store)
    finally:
        for built in (first, second, other):
            built.close()


def test_a_generated_person_is_found_by_nir(services: Services, clock: ManualClock) -> None:
    generate_population(services.store, 500, clock=clock)
    row = generated(services.store)[123]
    person = services.store.person_by_nir(row["nir"])
    assert person is not None
    assert (person.id, person.first_name, person.status) == (
        row["id"], row["first_name"], ProfileStatus.PENDING
    )


def test_adding_twice_keeps_numbers_unique_and_indexes_in_place(
    services: Services, clock: ManualClock
) -> None:
    store = services.store
    indexes = "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
    before = [r["name"] for r in store.query(indexes)]
    generate_population(store, 12_000, seed=5, clock=clock)  # large: indexes rebuilt
    generate_population(store, 200, seed=5, clock=clock)  # small: indexes kept
    assert [r["name"] for r in store.query(indexes)] == before
    nirs = [r["nir"] for r in store.query("SELECT nir FROM people")]
    assert len(set(nirs)) == len(nirs) == PERSONAS + 12_200
    plan = store.query("EXPLAIN QUERY PLAN SELECT * FROM people WHERE nir = ?", ("x",))
    assert "people_nir" in " ".join(str(r["detail"]) for r in plan)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_nothing_is_written_for_a_size_of_zero(services: Services, clock: ManualClock) -> None:
    assert generate_population(services.store, 0, clock=clock) == 0
    assert generated(services.store) == []


def test_without_a_hasher_nobody_has_a_code(services: Services, clock: ManualClock) -> None:
    generate_population(services.store, 300, clock=clock)
    row = services.store.query_one(
        "SELECT COUNT(*) AS n FROM provisional_codes c JOIN people p ON p.id = c.person_id"
        " WHERE p.persona_key IS NULL"
    )
    assert row is not None and row["n"] == 0


def test_with_a_hasher_each_person_can_identify_with_their_code(
    services: Services, clock: ManualClock
) -> None:
    store, engine = services.store, services.engine
    hasher = CodeHasher(store.secret())
    generate_population(store, 400, seed=9, clock=clock, codes_hasher=hasher)
    adults = [r for r in generated(store) if r["parent_id"] is None][:20]
    for row in adults:
        card = store.card_of(row["id"])
        assert card is not None
        typed = card.serial.removeprefix(PHOTO_PREFIX) if card.model is CardModel.WITH_PHOTO \
            else card.serial
        outcome = engine.identify_with_code(
            engine.start_session(), code=population_code(9, row["nir"]), nir=row["nir"],
            model=card.model, serial=typed,
        )
        assert isinstance(outcome, Identified), outcome
        assert outcome.person.id == row["id"]
    child = next(r for r in generated(store) if r["parent_id"] is not None)
    parent = store.person(child["parent_id"])
    card = store.card_of(parent.id)
    assert card is not None
    typed = card.serial.removeprefix(PHOTO_PREFIX) if card.model is CardModel.WITH_PHOTO \
        else card.serial
    outcome = engine.identify_with_code(
        engine.start_session(), code=population_code(9, child["nir"]), nir=parent.nir,
        model=card.model, serial=typed,
    )
    assert isinstance(outcome, Identified) and outcome.person.id == child["id"]
    row = store.query_one(
        "SELECT expires_at, channel FROM provisional_codes WHERE person_id = ?", (child["id"],)
    )
    assert row is not None and row["expires_at"] > clock.now().isoformat()
    assert row["channel"] == ("email" if parent.email else "courrier")


def test_progress_is_told_with_increasing_counts_up_to_the_size(
    services: Services, clock: ManualClock
) -> None:
    calls: list[tuple[int, int]] = []
    made = generate_population(
        services.store, 2500, seed=3, clock=clock, batch=700,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert made == 2500
    assert len(calls) > 10  # often enough for a bar to move
    assert {total for _, total in calls} == {2500}
    counts = [done for done, _ in calls]
    assert counts == sorted(set(counts))  # strictly increasing
    assert counts[-1] == 2500
    assert len(generated(services.store)) == 2500


def test_no_progress_for_a_size_of_zero(services: Services, clock: ManualClock) -> None:
    calls: list[tuple[int, int]] = []
    generate_population(services.store, 0, clock=clock, progress=lambda *c: calls.append(c))
    assert calls == []
