"""The `services` fixture copies a store seeded once per session: it must be the store, the
secret-dependent codes and the code generator that seeding anew would give."""

from __future__ import annotations

from conftest import CODES_SEED, NOW
from support import person_id, persona_code

from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.codes import SeededCodeGenerator
from mes_sante_tui.core.engine import Identified
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.settings import Settings

# The columns that depend on the store's random secret (code hashes, password hashes); every
# other table is compared whole, whatever tables the schema has now.
SECRET_BOUND = {
    "meta": None,  # the secret itself
    "provisional_codes": "id, person_id, issued_at, expires_at, used_at, channel, origin",
    "accounts": "person_id, identifier, rule_version, created_at",
}


def contents(services: Services) -> dict[str, list[tuple[object, ...]]]:
    tables = [
        str(row["name"])
        for row in services.store.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    compared = {table: SECRET_BOUND.get(table, "*") for table in tables}
    return {
        table: [tuple(r) for r in services.store.query(f"SELECT {cols} FROM {table} ORDER BY 1")]
        for table, cols in compared.items()
        if cols is not None
    }


def test_the_copied_store_is_the_store_seeding_gives(services: Services) -> None:
    codes = SeededCodeGenerator(CODES_SEED)
    fresh = open_services(":memory:", settings=Settings(), clock=ManualClock(NOW), codes=codes)
    try:
        assert contents(services) == contents(fresh)
        assert services.store.schema_version() == fresh.store.schema_version()
        # The code generator is where seeding left it: the next codes are the same.
        assert services.engine.codes.provisional() == fresh.engine.codes.provisional()
        assert services.engine.codes.otp() == fresh.engine.codes.otp()
    finally:
        fresh.close()


def test_the_copy_has_its_own_secret_and_identifies_with_the_codes_it_holds(
    services: Services,
) -> None:
    """The engine hashes codes with the copy's secret: a persona's code identifies her."""
    martine = services.store.person(person_id(services, "martine"))
    found = services.engine.identify_with_code(
        services.engine.start_session(),
        code=persona_code(services, "martine"),
        nir=martine.nir,
        model=CardModel.WITHOUT_PHOTO,
        serial="953701166",
    )
    assert isinstance(found, Identified), found


def test_each_test_writes_to_its_own_copy(
    services: Services, seeded_template: tuple[Services, SeededCodeGenerator]
) -> None:
    template, _ = seeded_template
    services.store.set_meta("written-by-a-test", "yes")
    assert template.store.meta("written-by-a-test") is None
