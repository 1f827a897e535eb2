"""The journal read back (core/journal.py) and the trainer's commands `panne` and `journal`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from test_cli import db, one_french_line, quiet_environment, run, run_json
from test_seam import identified

from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.faults import Fault, FaultPlan
from mes_sante_tui.core.journal import (
    latest_session,
    reason_words,
    session_journal,
    step_words,
    time_words,
)
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.settings import Settings
from mes_sante_tui.wording import t

# The command line's fixtures: a store of its own, and a quiet environment.
__all__ = ["db", "quiet_environment"]

# --- the read model ------------------------------------------------------------------------


def test_a_session_read_back_in_words_with_the_time_spent(
    services: Services, clock: ManualClock
) -> None:
    engine = services.engine
    session = engine.start_session()
    session.trainee, session.scenario = "Camille", "code-expire"
    clock.advance(timedelta(seconds=42))
    engine.identify_with_code(session, code="", nir="", model=None, serial="")
    FaultPlan(services.store).inject(Fault.SERVICE_UNAVAILABLE, once=True, now=clock.now())
    clock.advance(timedelta(minutes=3, seconds=5))
    engine.identify_with_code(session, code="", nir="", model=None, serial="")
    clock.advance(timedelta(seconds=20))
    engine.session_warned(session)
    engine.extend_session(session)
    engine.certificate_saved(session, True)
    engine.session_ended(session)

    assert latest_session(services.store) == session.id
    entries = session_journal(services.store, session.id)
    assert [e.step_words for e in entries] == [
        "Début de la session", "Je m'identifie", "Je m'identifie",
        "Avertissement avant expiration", "Session prolongée",
        "Attestation d'opposition", "Session expirée",
    ]
    start, typed, down = entries[:3]
    assert start.time_spent is None and time_words(start.time_spent) == "—"
    assert time_words(typed.time_spent) == "42 s"
    assert typed.result_words.startswith("Refusé : champs à corriger : ")
    assert "numéro de sécurité sociale" in typed.result_words and "code provisoire" in (
        typed.result_words
    )
    assert time_words(down.time_spent) == "3 min 05 s"
    assert (down.fault, down.reason_words) == (
        "service-indisponible", "service momentanément indisponible"
    )
    assert entries[-1].result_words == "Refusé : session expirée"
    # Named after the session started here (by hand): every row since says who and what.
    assert {(e.trainee, e.scenario) for e in entries[1:]} == {("Camille", "code-expire")}
    assert down.record()["fault_injected"] is True
    assert down.record()["fault_words"] == "service momentanément indisponible"
    assert typed.record()["time_spent_seconds"] == 42.0


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ("sent:email", "code envoyé par e-mail"),
        ("otp_sent:sms", "code à usage unique envoyé par SMS"),
        ("not_found:wrong_code:2", "identification impossible : code provisoire erroné (2e "
         "erreur)"),
        ("not_found:card_mismatch", "identification impossible : la carte Vitale ne "
         "correspond pas"),
        ("code_expired", "code provisoire expiré"),
        ("found:2", "2 profil(s) trouvé(s)"),
    ],
)
def test_reasons_in_words(reason: str, words: str) -> None:
    assert reason_words(reason) == words


def test_every_step_of_the_journey_has_words(services: Services) -> None:
    session = identified(services)
    for row in services.store.journal_rows(session.id):
        assert step_words(row["step"]) != row["step"]
        assert reason_words(row["reason"]) != row["reason"]


# --- the commands --------------------------------------------------------------------------


def test_panne_injects_lists_and_removes(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "--db", str(db), "panne", "service-indisponible")
    assert (code, err) == (0, "")
    assert "service-indisponible" in out and t("fault.until_removed") in out
    listed = run_json(capsys, "--db", str(db), "panne")
    assert [f["name"] for f in listed["in_force"]] == ["service-indisponible"]
    assert listed["in_force"][0]["once"] is False
    assert len(listed["available"]) == len(Fault)
    assert run_json(capsys, "--db", str(db), "panne", "code-non-recu", "--une-fois") == {
        "injected": "code-non-recu", "once": True
    }
    code, out, _ = run(capsys, "--db", str(db), "panne")
    assert code == 0 and all(f.value in out for f in Fault)
    assert "prochain" in out and "retrait" in out  # one for the next call, one until removed
    assert run_json(capsys, "--db", str(db), "panne", "--aucune") == {"removed": 2}
    assert run_json(capsys, "--db", str(db), "panne")["in_force"] == []


def test_panne_with_an_unknown_name_says_the_names(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, out, err = run(capsys, "--db", str(db), "panne", "code-perdu")
    assert (code, out) == (2, "")
    line = one_french_line(err)
    assert "« code-perdu »" in line and all(f.value in line for f in Fault)
    assert not db.exists()  # refused before any store is opened


def test_journal_prints_the_latest_session_with_the_fault_marked(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    services = open_services(db, settings=Settings())
    try:
        session = services.engine.start_session()
        FaultPlan(services.store).inject(
            Fault.SERVICE_UNAVAILABLE, once=True, now=services.engine.clock.now()
        )
        services.engine.confirm_contacts(session)
    finally:
        services.close()
    code, out, err = run(capsys, "--db", str(db), "journal")
    assert (code, err) == (0, "")
    assert session.id in out and "Coordonnées" in out
    assert "Refusé" in out and f"{t('fault.injected')} : service-indisponible" in out
    records = run_json(capsys, "--db", str(db), "journal", "--session", session.id)
    assert [r["step"] for r in records] == ["session", "coordonnees"]
    assert records[1]["fault"] == "service-indisponible" and records[1]["accepted"] is False
    code, _, err = run(capsys, "--db", str(db), "journal", "--session", "inconnue")
    assert code == 1 and "« inconnue »" in one_french_line(err)


def test_journal_of_an_empty_store(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert run_json(capsys, "--db", str(db), "journal") == []
