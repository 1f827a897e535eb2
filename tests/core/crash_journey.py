"""The child process of test_crash.py: journeys through the engine on a file store, one
after the other, until it is killed.

    python crash_journey.py STORE SEED

Each generated person still pending (their provisional code is known: `population_code`)
is identified with it, then activates (contacts kept, account created) or opposes. After
each decision the engine has committed, one line is printed and flushed:

    decided PERSON_ID KIND

so that whatever the parent reads was in the store before the kill.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from mes_sante_tui.core import password
from mes_sante_tui.core.engine import Activated, Choice, Opposed
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.population import population_code
from mes_sante_tui.core.services import open_services
from mes_sante_tui.core.vitale import PHOTO_PREFIX

POPULATION_SEED = 2026
PASSWORD = "Kayak#Loire2026"


def main(store_path: Path, seed: int) -> None:
    password.set_hasher_params(1, 8)  # as in the tests: the journey's writes are the point
    services = open_services(store_path)
    store, engine = services.store, services.engine
    rng = random.Random(seed)
    pending = [
        int(row["id"])
        for row in store.query(
            "SELECT id FROM people WHERE persona_key IS NULL AND parent_id IS NULL "
            "AND status = 'en_attente' ORDER BY id"
        )
    ]
    rng.shuffle(pending)
    print("ready", flush=True)
    for person_id in pending:
        person = store.person(person_id)
        card = store.card_of(person_id)
        assert card is not None
        serial = (
            card.serial.removeprefix(PHOTO_PREFIX)
            if card.model is CardModel.WITH_PHOTO
            else card.serial
        )
        session = engine.start_session()
        found = engine.identify_with_code(
            session,
            code=population_code(POPULATION_SEED, person.nir),
            nir=person.nir,
            model=card.model,
            serial=serial,
        )
        if not found.ok:
            continue
        if rng.random() < 0.5:
            if not engine.decide(session, Choice.OPPOSE, False).ok:
                continue
            if isinstance(engine.confirm_opposition(session), Opposed):
                print(f"decided {person_id} {Choice.OPPOSE.value}", flush=True)
        else:
            if not engine.decide(session, Choice.ACTIVATE, True).ok:
                continue
            if not engine.confirm_contacts(session).ok:
                continue
            made = engine.create_account(
                session,
                identifier_raw=f"personne.{person_id}",
                password_raw=PASSWORD,
                confirmation=PASSWORD,
            )
            if isinstance(made, Activated):
                print(f"decided {person_id} {Choice.ACTIVATE.value}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
