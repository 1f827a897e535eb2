"""The store: pragmas, schema version and migrations, refusals, transactions, concurrency."""

from __future__ import annotations

import sqlite3
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest

from mes_sante_tui.core.models import Channel
from mes_sante_tui.core.results import StoreError
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.store import BUSY_TIMEOUT_MS, SCHEMA_VERSION, Store
from mes_sante_tui.wording import t

AT = datetime(2026, 11, 22, 10, 0, 0)


def pragma(store: Store, name: str) -> object:
    return store.conn.execute(f"PRAGMA {name}").fetchone()[0]


def count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def add_message(store: Store, subject: str = "Objet") -> int:
    return store.add_outbox(
        at=AT, channel=Channel.EMAIL, address="a@exemple.fr", masked_address="a*****@exemple.fr",
        subject=subject, body="Corps", person_id=None,
    )


def test_a_new_store_has_the_schema_version_and_the_safe_pragmas(tmp_path: Path) -> None:
    store = Store(tmp_path / "base.db")
    assert store.schema_version() == SCHEMA_VERSION
    assert pragma(store, "user_version") == SCHEMA_VERSION
    assert pragma(store, "journal_mode") == "wal"
    assert pragma(store, "synchronous") == 2  # FULL
    assert pragma(store, "foreign_keys") == 1
    assert pragma(store, "busy_timeout") == BUSY_TIMEOUT_MS
    store.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    store = Store(tmp_path / "base.db")
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
        conn.execute(
            "INSERT INTO people(household_id, nir, first_name, last_name, birth_date)"
            " VALUES (4242, '1', 'A', 'B', '2000-01-01')"
        )
    assert count(store, "people") == 0


def test_the_folder_of_a_new_store_is_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "base.db"
    Store(path).close()
    assert path.is_file()


def test_reopening_migrates_nothing_and_keeps_data_and_secret(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    first = Store(path)
    secret = first.secret()
    add_message(first)
    first.close()
    second = Store(path)
    assert second.schema_version() == SCHEMA_VERSION
    assert second.secret() == secret
    assert count(second, "outbox") == 1
    assert count(second, "meta") == 1  # the secret was not inserted twice
    second.close()


def test_a_store_from_a_newer_version_is_refused_with_the_catalogue_message(
    tmp_path: Path,
) -> None:
    path = tmp_path / "newer.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert str(caught.value) == t(
        "store.newer", path=str(path), found=99, known=SCHEMA_VERSION
    )


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"\x00\xffnot a database at all" * 300)
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert str(caught.value) == t("store.not_a_store", path=str(path))


def test_a_store_under_a_regular_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    path = blocker / "base.db"
    with pytest.raises(StoreError) as caught:
        Store(path)
    assert str(caught.value) == t("store.unwritable", path=str(path))


def test_an_exception_mid_transaction_leaves_nothing_written(tmp_path: Path) -> None:
    store = Store(tmp_path / "base.db")
    with pytest.raises(RuntimeError), store.transaction() as conn:
        conn.execute("INSERT INTO households(label) VALUES ('Foyer')")
        add_message(store)  # a nested write joins the same transaction
        raise RuntimeError("coupure au milieu du pas")
    assert count(store, "households") == 0
    assert count(store, "outbox") == 0
    assert not store.conn.in_transaction
    add_message(store)  # the store is still usable afterwards
    assert count(store, "outbox") == 1


def test_a_nested_transaction_joins_the_outer_one(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    store = Store(path)
    other = sqlite3.connect(path)
    with store.transaction() as outer:
        outer.execute("INSERT INTO households(label) VALUES ('Foyer')")
        with store.transaction() as inner:
            assert inner is outer
            inner.execute("INSERT INTO households(label) VALUES ('Autre')")
        # The inner block did not commit on its own: another connection sees nothing yet.
        assert other.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 0
        assert store.conn.in_transaction
    assert other.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 2
    other.close()


def test_an_error_in_a_nested_block_rolls_back_the_whole_unit(tmp_path: Path) -> None:
    store = Store(tmp_path / "base.db")
    with pytest.raises(ValueError), store.transaction() as outer:
        outer.execute("INSERT INTO households(label) VALUES ('Foyer')")
        with store.transaction() as inner:
            inner.execute("INSERT INTO households(label) VALUES ('Autre')")
            raise ValueError
    assert count(store, "households") == 0


def test_two_connections_write_in_turn_without_database_is_locked(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    first, second = Store(path), Store(path)
    holding = threading.Event()
    errors: list[BaseException] = []

    def hold_a_transaction() -> None:
        try:
            with first.transaction():
                add_message(first, "premier")
                holding.set()
                time.sleep(0.4)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
            holding.set()

    worker = threading.Thread(target=hold_a_transaction)
    worker.start()
    assert holding.wait(5)
    started = time.monotonic()
    add_message(second, "second")  # waits for the lock thanks to the busy timeout
    waited = time.monotonic() - started
    worker.join(5)
    assert errors == []
    assert waited >= 0.2  # it really had to wait for the other writer
    subjects = sorted(m.subject for m in second.outbox())
    assert subjects == ["premier", "second"]
    first.close()
    second.close()


def test_readers_are_not_blocked_by_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "base.db"
    writer, reader = Store(path), Store(path)
    add_message(writer, "avant")
    with writer.transaction():
        add_message(writer, "pendant")
        # WAL: the reader sees the last committed state at once, without waiting.
        assert [m.subject for m in reader.outbox()] == ["avant"]
    assert len(reader.outbox()) == 2


def test_the_original_error_survives_when_sqlite_already_rolled_back(tmp_path: Path) -> None:
    store = Store(tmp_path / "base.db")
    # SQLite rolls back by itself on some errors (disk full...): simulated with a ROLLBACK.
    with pytest.raises(ValueError, match="erreur d'origine"), store.transaction() as conn:
        conn.execute("INSERT INTO households(label) VALUES ('Foyer')")
        conn.execute("ROLLBACK")
        raise ValueError("erreur d'origine")
    assert count(store, "households") == 0
    add_message(store)  # and the store is usable again
    assert count(store, "outbox") == 1


def test_every_seeded_decision_has_its_row(services: Services) -> None:
    """Seeded active and opposed profiles carry the decision that gave them their status,
    dated like it and made by the parent for a child."""
    store = services.store
    for person in store.people():
        rows = store.query("SELECT * FROM decisions WHERE person_id = ?", (person.id,))
        if person.status.value in ("active", "oppose"):
            assert len(rows) == 1, person.full_name
            assert rows[0]["kind"] == ("activer" if person.status.value == "active" else "opposer")
            assert rows[0]["at"][:10] == str(person.status_date)
            assert rows[0]["by_person_id"] == (person.parent_id or person.id)
        else:
            assert rows == [], person.full_name
