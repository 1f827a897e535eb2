"""Persona sheets: one page per persona, every name, NIR, serial and code read back from the
PDF with pypdf, the same bytes twice, the plain text beside it, and the `fiches` command."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import persona_code

from mes_sante_tui.cli import main
from mes_sante_tui.core import sheets
from mes_sante_tui.core.codeformat import PROVISIONAL_CODE_LENGTH
from mes_sante_tui.core.models import Channel, OutboxMessage, Person
from mes_sante_tui.core.nir import format_nir
from mes_sante_tui.core.population import generate_population
from mes_sante_tui.core.scenarios import load_scenarios
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.store import Store
from mes_sante_tui.wording import t

KEYS = ["martine", "paul", "gerard", "lea"]


def test_each_persona_has_a_page_with_its_card_code_and_contacts(services: Services) -> None:
    chosen = sheets.persona_sheets(services.store, KEYS)
    pdf = sheets.sheets_pdf(chosen)
    assert pdf == sheets.sheets_pdf(sheets.persona_sheets(services.store, KEYS))
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) == len(KEYS)
    for key, sheet, text in zip(KEYS, chosen, pages, strict=True):
        flat = " ".join(text.split())
        assert sheet.person.full_name in flat, key
        assert format_nir(sheet.person.nir) in flat, key
        assert persona_code(services, key) in flat, key  # as the outbox holds it
        assert "SPÉCIMEN — données fictives" in flat, key
        assert " ".join(sheet.person.persona_note.split()) in flat, key
    paul, gerard, lea = chosen[1], chosen[2], chosen[3]
    assert "8025000002 31877402958" in pages[1]  # the photo card's serial, prefix apart
    assert paul.card is not None and t("sheet.card_front") in pages[1]
    assert t("sheet.card_back") in pages[0]
    assert "Courrier du" in pages[2] and t("sheet.no_contact") in " ".join(pages[2].split())
    assert lea.card is None and "Martine Julie Leguellec" in pages[3]
    assert gerard.message is not None


def test_the_text_version_says_the_same(services: Services) -> None:
    text = sheets.sheets_text(sheets.persona_sheets(services.store, ["gerard"]))
    assert "Gérard Lambert" in text and persona_code(services, "gerard") in text
    assert t("sheet.specimen") in text and "Courrier du" in text


def test_fiches_writes_the_pdf_and_the_text_and_refuses_an_unknown_persona(
    services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "copie.db")
    services.store.copy_into(path)  # the same store on disk, with the same codes
    out = tmp_path / "fiches.pdf"
    chosen = ["--persona", "martine", "kevin"]
    assert main(["--db", path, "fiches", *chosen, "--sortie", str(out)]) == 0
    assert len(PdfReader(out).pages) == 2
    text = out.with_suffix(".txt").read_text(encoding="utf-8")
    assert "Kévin Morel" in text and persona_code(services, "kevin") in text
    capsys.readouterr()
    assert main(["--db", path, "fiches", "--persona", "personne", "--sortie", str(out)]) == 1
    assert "aucun persona « personne »" in capsys.readouterr().err


def test_a_scenarios_sheet_has_its_goal_and_the_runs_code_but_not_its_traps(
    tmp_path: Path,
) -> None:
    from mes_sante_tui.core.classroom import new_trainee_store
    from mes_sante_tui.core.scenarios import scenario_named
    from mes_sante_tui.core.store import Store

    scenario = scenario_named("code-expire")
    # A trainee's run of the scenario, as the classroom makes it: its code is on the sheet.
    run = Store(new_trainee_store(tmp_path, "code-expire"))
    try:
        [held] = sheets.persona_sheets(run, [scenario.persona])
    finally:
        run.close()
    assert held.message is not None and held.message.code
    out = tmp_path / "fiche.pdf"
    assert main(["--db", str(tmp_path / "x.db"), "fiches", "--scenario", "code-expire",
                 "--sortie", str(out)]) == 0
    assert not (tmp_path / "x.db").exists()  # no store of the trainer's was made
    [page] = PdfReader(out).pages
    for flat in (" ".join(page.extract_text().split()),
                 " ".join(out.with_suffix(".txt").read_text(encoding="utf-8").split())):
        assert scenario.goal in flat and scenario.title in flat
        assert held.message.code in flat
        assert all(trap not in flat for trap in scenario.traps)
    both = ["fiches", "--scenario", "code-expire", "--persona", "paul", "--sortie", str(out)]
    assert main(both) == 2


def _as_read_before(store: Store, keys: list[str] | None) -> list[tuple[object, ...]]:
    """What a sheet held when it was found by reading everyone and the whole outbox."""
    personas = {k: p for p, k in store.people_by_household() if k is not None}
    messages = store.outbox()

    def carries_code(message: OutboxMessage, person: Person) -> bool:
        return (
            message.person_id == person.id and message.channel is not Channel.SMS
            and len(message.code or "") == PROVISIONAL_CODE_LENGTH
        )

    return [
        (key, personas[key], next((m for m in messages if carries_code(m, personas[key])), None))
        for key in (keys or list(personas))
    ]


def test_personas_are_found_by_their_key_and_the_population_beside_them_is_not_read(
    services: Services,
) -> None:
    """The sheets and a scenario's persona look personas up by `persona_key`'s unique index:
    with thousands of generated people in the store, the same sheets as when everyone was
    read, and not one statement of theirs scans the people table."""
    store = services.store
    generate_population(store, 3000, seed=5, clock=services.engine.clock)
    expected = {None: _as_read_before(store, None), "some": _as_read_before(store, KEYS)}
    ids = {k: p.id for p, k in store.people_by_household() if k is not None}
    scenarios = list(load_scenarios().values())
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        every, some = sheets.persona_sheets(store), sheets.persona_sheets(store, KEYS)
        found = [store.personas([s.persona])[s.persona].id for s in scenarios]
    finally:
        store.conn.set_trace_callback(None)
    assert [(s.key, s.person, s.message) for s in every] == expected[None]
    assert [(s.key, s.person, s.message) for s in some] == expected["some"]
    assert found == [ids[scenario.persona] for scenario in scenarios]
    assert store.people_count() > 3000 and len(every) == len(ids) < 30
    plans = {
        sql: " ".join(row[3] for row in store.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        for sql in statements if " people " in sql
    }
    assert plans and not [sql for sql, plan in plans.items() if "SCAN people" in plan]
