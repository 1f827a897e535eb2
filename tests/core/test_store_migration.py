"""A store written by version 1 of the schema is upgraded in place: the people table is
rebuilt to allow the « supprime » status (2), closures get their table (2), the counters of
wrong entries gather in one table (3), the outbox keeps the code a message carries in a
column of its own and the journal the time a step took (4); the data, the foreign keys and
the secret survive. A newer store is still refused.

Stores made before `PRAGMA application_id` marked them (0, with our tables) are adopted:
marked as ours when opened, nothing else changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mes_sante_tui.core.codes import CodeHasher
from mes_sante_tui.core.models import ProfileStatus
from mes_sante_tui.core.results import StoreError
from mes_sante_tui.core.store import _MIGRATIONS, APPLICATION_ID, SCHEMA_VERSION, Store
from mes_sante_tui.wording import t

SECRET = "ab" * 32
CODE = "Ab3dEf7hJk9M"
PARENT_NIR, CHILD_NIR = "273034410903823", "214054410921553"


def statements(script: object) -> list[str]:
    """The statements of a migration written in SQL (versions 1 to 3; later ones may be
    Python steps)."""
    assert isinstance(script, str), script
    return [s for s in script.split(";") if s.strip()]


def version_1_store(path: Path) -> None:
    """A store as version 1 left it: a household, a parent with an account and a card, a
    child attached to the parent, a provisional code, a decision and a message."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    script = _MIGRATIONS[1]
    assert isinstance(script, str)
    for statement in statements(script):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO meta(key, value) VALUES ('secret', ?)", (SECRET,))
    conn.execute("INSERT INTO households(id, label) VALUES (1, 'Famille Leguellec')")
    conn.execute(
        "INSERT INTO people(id, household_id, nir, first_name, last_name, birth_date, email,"
        " status, status_date, information_sent_at, persona_key)"
        " VALUES (1, 1, ?, 'Martine', 'Leguellec', '1973-03-10', 'martine@exemple.fr',"
        " 'active', '2026-11-01', '2026-10-20T10:00:00', 'martine')",
        (PARENT_NIR,),
    )
    conn.execute(
        "INSERT INTO people(id, household_id, nir, first_name, last_name, birth_date, status,"
        " parent_id, information_sent_at) VALUES (2, 1, ?, 'Léa', 'Leguellec', '2014-05-03',"
        " 'en_attente', 1, '2026-10-20T10:00:00')",
        (CHILD_NIR,),
    )
    conn.execute(
        "INSERT INTO cards(holder_id, model, serial) VALUES (1, 'sans_photo', '953701166')"
    )
    conn.execute(
        "INSERT INTO accounts(person_id, identifier, password_hash, rule_version, created_at)"
        " VALUES (1, 'martine.l44', '$argon2id$fictif', '2025', '2026-11-01')"
    )
    conn.execute(
        "INSERT INTO provisional_codes(person_id, code_hash, issued_at, expires_at, channel,"
        " origin) VALUES (2, ?, '2026-10-20T10:00:00', '2026-12-01T10:00:00', 'email',"
        " 'information')",
        (CodeHasher(bytes.fromhex(SECRET)).digest(CODE),),
    )
    conn.execute(
        "INSERT INTO decisions(person_id, kind, at, by_person_id)"
        " VALUES (1, 'activer', '2026-11-01T10:00:00', 1)"
    )
    conn.execute(
        "INSERT INTO outbox(at, channel, address, masked_address, subject, body, person_id)"
        " VALUES ('2026-10-20T10:00:00', 'email', 'martine@exemple.fr', 'm*****@exemple.fr',"
        " 'Objet', 'Corps', 2)"
    )
    conn.execute("COMMIT")
    conn.close()


def snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        # Version 1's columns: later versions add some (the outbox's code, version 4).
        columns = {"outbox": "id, at, channel, address, masked_address, subject, body, person_id"}
        return {
            table: [
                tuple(r)
                for r in conn.execute(
                    f"SELECT {columns.get(table, '*')} FROM {table} ORDER BY rowid"
                )
            ]
            for table in (
                "meta", "households", "people", "cards", "accounts", "provisional_codes",
                "decisions", "outbox",
            )
        }
    finally:
        conn.close()


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "v1.db"
    version_1_store(path)
    return path


def test_version_1_refuses_the_deleted_status(old: Path) -> None:
    """The reason for the migration: version 1's CHECK does not know « supprime »."""
    conn = sqlite3.connect(old)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE people SET status = 'supprime' WHERE id = 2")
    conn.close()


def test_a_version_1_store_is_migrated_with_its_data_intact(old: Path) -> None:
    before = snapshot(old)
    store = Store(old)
    assert store.schema_version() == SCHEMA_VERSION == 5
    store.close()
    assert snapshot(old) == before


def test_a_version_3_store_gets_the_code_and_duration_columns(old: Path) -> None:
    conn = sqlite3.connect(old, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("BEGIN")
    for version in (2, 3):
        script = _MIGRATIONS[version]
        assert isinstance(script, str)
        for statement in statements(script):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("COMMIT")
    conn.close()
    store = Store(old)
    assert store.schema_version() == 5
    (message,) = store.outbox()
    assert message.code is None and message.body == "Corps"
    columns = {r["name"] for r in store.query("PRAGMA table_info(journal)")}
    assert {"duration_ms", "trainee", "scenario", "fault"} <= columns
    assert store.faults() == []
    store.close()


def test_the_migrated_store_keeps_its_foreign_keys(old: Path) -> None:
    store = Store(old)
    conn = store.conn
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert store.person(2).parent_id == 1
    assert [c.id for c in store.children_of(1)] == [2]
    # References to the rebuilt table are still enforced, from other tables and from itself.
    for sql in (
        "INSERT INTO cards(holder_id, model, serial) VALUES (99, 'sans_photo', '12345678')",
        "INSERT INTO people(household_id, nir, first_name, last_name, birth_date, parent_id)"
        " VALUES (1, '1', 'A', 'B', '2000-01-01', 99)",
        "INSERT INTO people(household_id, nir, first_name, last_name, birth_date)"
        " VALUES (99, '1', 'A', 'B', '2000-01-01')",
        "INSERT INTO closures(person_id, closed_at) VALUES (99, '2026-11-22T10:00:00')",
    ):
        with pytest.raises(sqlite3.IntegrityError), store.transaction() as tx:
            tx.execute(sql)
    store.close()


def test_the_migrated_store_keeps_the_unique_nir(old: Path) -> None:
    store = Store(old)
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as tx:
        tx.execute(
            "INSERT INTO people(household_id, nir, first_name, last_name, birth_date)"
            " VALUES (1, ?, 'A', 'B', '2000-01-01')",
            (PARENT_NIR,),
        )
    store.close()


def test_the_migrated_store_accepts_the_deleted_status(old: Path) -> None:
    store = Store(old)
    with store.transaction() as tx:
        tx.execute("UPDATE people SET status = 'supprime' WHERE id = 1")
    assert store.person(1).status is ProfileStatus.DELETED
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as tx:
        tx.execute("UPDATE people SET status = 'inconnu' WHERE id = 1")
    store.close()


def test_the_migrated_store_has_the_new_tables(old: Path) -> None:
    store = Store(old)
    with store.transaction() as tx:
        tx.execute(
            "INSERT INTO closures(person_id, closed_at, by_person_id, previous_status,"
            " deletion_due_at) VALUES (1, '2026-11-22T10:00:00', 1, 'active',"
            " '2027-02-22T10:00:00')"
        )
        tx.execute(
            "INSERT INTO lockouts(scope, key, failures) VALUES ('login', 'martine.l44', 1)"
        )
    closure = store.closure_of(1)
    assert closure is not None and closure.deletion_pending
    assert store.account_of(1) is not None
    assert store.account_by_identifier("martine.l44") is not None
    indexes = {r["name"] for r in store.query("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"people_pending", "people_nir", "closures_due", "closures_person"} <= indexes
    store.close()


def test_the_migrated_store_keeps_its_secret_and_its_codes(old: Path) -> None:
    store = Store(old)
    assert store.secret() == bytes.fromhex(SECRET)
    row = store.query_one("SELECT code_hash FROM provisional_codes")
    assert row is not None and CodeHasher(store.secret()).matches(CODE, row["code_hash"])
    store.close()


def test_opening_a_migrated_store_again_changes_nothing(old: Path) -> None:
    Store(old).close()
    migrated = snapshot(old)
    store = Store(old)
    assert store.schema_version() == SCHEMA_VERSION
    store.close()
    assert snapshot(old) == migrated


def test_a_store_from_a_newer_version_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError) as refused:
        Store(path)
    assert str(refused.value) == t(
        "store.newer", path=str(path), found=SCHEMA_VERSION + 1, known=SCHEMA_VERSION
    )
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    conn.close()


def application_id(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])
    finally:
        conn.close()


def test_a_version_1_store_without_the_mark_is_adopted(old: Path) -> None:
    assert application_id(old) == 0
    before = snapshot(old)
    Store(old).close()
    assert application_id(old) == APPLICATION_ID
    assert snapshot(old) == before


def test_a_current_store_made_before_the_mark_is_adopted_as_it_is(tmp_path: Path) -> None:
    """What the previous release left: schema 2, application_id 0."""
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for version in (1, 2):
        for statement in statements(_MIGRATIONS[version]):
            conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute("INSERT INTO meta(key, value) VALUES ('secret', ?)", (SECRET,))
    conn.execute("INSERT INTO households(id, label) VALUES (1, 'Famille Leguellec')")
    conn.execute("COMMIT")
    conn.close()
    before = snapshot(path)
    store = Store(path)
    assert store.secret() == bytes.fromhex(SECRET)
    assert store.schema_version() == SCHEMA_VERSION
    store.close()
    assert application_id(path) == APPLICATION_ID
    assert snapshot(path) == before


def test_a_version_2_store_keeps_its_counts_of_failures_in_one_table(tmp_path: Path) -> None:
    """Version 3 gathers the provisional code's and the login's counters into `lockouts`
    (core/lockout.py): a wait that was running still runs after the upgrade."""
    path = tmp_path / "v2.db"
    version_1_store(path)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    for statement in statements(_MIGRATIONS[2]):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")
    conn.execute(
        "INSERT INTO code_failures(holder_id, failures, locked_until)"
        " VALUES (1, 5, '2026-11-22T10:01:00')"
    )
    conn.execute("INSERT INTO login_failures(identifier, failures) VALUES ('martine.l44', 2)")
    conn.execute("COMMIT")
    conn.close()
    store = Store(path)
    rows = store.query("SELECT scope, key, failures, locked_until FROM lockouts ORDER BY scope")
    assert [tuple(r) for r in rows] == [
        ("code", "1", 5, "2026-11-22T10:01:00"),
        ("login", "martine.l44", 2, None),
    ]
    tables = {r["name"] for r in store.query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert not {"code_failures", "login_failures"} & tables
    store.close()
