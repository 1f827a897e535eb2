"""The trainer's reports: the journal read per session, per trainee and per class, its codes
in words, the PDF (read back with pypdf, the same bytes twice) and the CSV (read back with
`csv`), and the `rapport` command."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from support import person_id, persona_code

from mes_sante_tui.cli import main
from mes_sante_tui.core import journal, report, report_csv, report_pdf
from mes_sante_tui.core.classroom import (
    model_path,
    new_trainee_store,
    prepare_class,
    trainee_stores,
)
from mes_sante_tui.core.models import CardModel
from mes_sante_tui.core.run_marks import TRAINEE_KEY
from mes_sante_tui.core.services import Services
from mes_sante_tui.core.store import Store
from mes_sante_tui.wording import t

START = datetime(2026, 12, 1, 9, 30)
# (step, accepted, reason, injected fault, seconds since the previous row)
Plan = list[tuple[str, bool, str, str | None, int]]
NOMINAL: Plan = [
    ("je_m_identifie", False, "fields:nir,serial", None, 95),
    ("je_m_identifie", True, "identified", None, 60),
    ("decision", True, "activer", None, 40),
    ("coordonnees", True, "accepted", None, 30),
    ("identifiant_mot_de_passe", False, "fields:password", None, 200),
    ("identifiant_mot_de_passe", True, "activated", None, 45),
]
EXPIRED: Plan = [
    ("je_m_identifie", False, "code_expired", "code-expire", 70),
    ("code_provisoire", True, "sent:email", None, 35),
    ("je_m_identifie", True, "identified", None, 80),
    ("decision", True, "opposer", None, 25),
    ("decision:opposition", True, "opposed", None, 15),
]


def write_session(
    store: Store, session_id: str, plan: Plan, *, scenario: str | None, start: datetime = START
) -> None:
    at = start
    store.journal(at=at, session_id=session_id, person_id=None, step="session", accepted=True,
                  reason="started", scenario=scenario)
    for step, accepted, reason, fault, seconds in plan:
        at += timedelta(seconds=seconds)
        store.journal(at=at, session_id=session_id, person_id=1, step=step, accepted=accepted,
                      reason=reason, fault=fault, scenario=scenario)


@pytest.fixture(scope="module")
def class_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A class of three: two on the nominal activation (one slow on the password), one on
    the expired code (with the fault injected)."""
    folder = tmp_path_factory.mktemp("classe")
    prepare_class(folder)
    plans = [("activation", NOMINAL, 1), ("code-expire", EXPIRED, 1), ("activation", NOMINAL, 4)]
    for number, (scenario, plan, slowness) in enumerate(plans, start=1):
        store = Store(new_trainee_store(folder))
        slowed = [(s, a, r, f, sec * slowness) for s, a, r, f, sec in plan]
        write_session(store, f"seance{number}", slowed, scenario=scenario)
        store.close()
    yield folder


def test_each_connection_gets_a_store_of_its_own_copied_from_the_model(
    class_folder: Path,
) -> None:
    stores = trainee_stores(class_folder)
    assert [p.name for p in stores] == ["stagiaire-01.db", "stagiaire-02.db", "stagiaire-03.db"]
    model = Store(model_path(class_folder))
    try:
        codes = [m.code for m in model.outbox()]
        assert model.journal_rows() == []
    finally:
        model.close()
    for path in stores:
        assert path.stat().st_mode & 0o777 == 0o600
        store = Store(path)
        try:  # the same initial data, so the sheets printed from the model fit everyone
            assert [m.code for m in store.outbox()] == codes
            assert _keys_naming(store, t("classroom.trainee", n=stores.index(path) + 1)) == [
                TRAINEE_KEY
            ]
        finally:
            store.close()


def _keys_naming(store: Store, trainee: str) -> list[str]:
    """The store's meta keys that hold the trainee's name: one, written once."""
    return [row["key"] for row in store.query("SELECT key FROM meta WHERE value = ?", (trainee,))]


def test_time_spent_is_the_time_since_the_previous_row_of_the_session(
    services: Services,
) -> None:
    write_session(services.store, "a", NOMINAL, scenario="activation")
    write_session(services.store, "b", EXPIRED, scenario=None, start=START + timedelta(hours=1))
    first = report.session_report(services.store, "a")
    assert first is not None
    assert [e.time_spent for e in first.entries] == [None] + [
        timedelta(seconds=s) for *_, s in NOMINAL
    ]
    assert first.scenario == "activation" and first.outcome == "activated"
    assert len(first.refusals) == 2 and not first.faults
    assert dict(first.time_per_step())["je_m_identifie"] == timedelta(seconds=155)
    second = report.session_report(services.store, "b")
    assert second is not None and second.outcome == "opposed"
    assert [e.fault for e in second.faults] == ["code-expire"]
    assert not second.entries[1].is_trainee_refusal  # refused by the trainer's fault
    assert report.session_report(services.store, "nope") is None
    # The reports read the same rows as the `journal` command and F7, in the same words.
    assert first.entries == tuple(journal.session_journal(services.store, "a"))


def test_the_reports_read_the_codes_in_the_journals_words() -> None:
    """One vocabulary (core/journal.py) for the reports, the `journal` command and F7."""
    words = journal.reason_words
    assert words("fields:nir,serial") == (
        "champs à corriger : numéro de sécurité sociale, numéro de série"
    )
    assert words("not_found:card_mismatch") == (
        "identification impossible : la carte Vitale ne correspond pas"
    )
    assert words("not_found:wrong_code:3") == (
        "identification impossible : code provisoire erroné (3e erreur)"
    )
    assert words("sent:email") == "code envoyé par e-mail"
    assert words("code_expired") == "code provisoire expiré"
    assert words("otp_wrong") == "code à usage unique erroné"
    assert words("something_new") == "« something_new »"  # never dropped
    assert journal.step_words("coordonnees:resend") == "Nouvel envoi du code des coordonnées"
    assert journal.step_words("etape_inconnue") == "« etape_inconnue »"
    assert journal.fault_words("service-indisponible") == "service momentanément indisponible"
    # Two faults fired on one call (held mail, contacts not found): each in words.
    assert journal.fault_words("code-non-recu,contacts-introuvables") == ", ".join(
        (t("journal.fault.code-non-recu"), t("journal.fault.contacts-introuvables"))
    )
    assert journal.duration_words(timedelta(seconds=185)) == "3 min 05 s"
    assert report.outcome_words("activated") == words("activated") == "Mon espace santé activé"


def test_a_real_journey_reads_back(services: Services) -> None:
    engine = services.engine
    session = engine.start_session()
    martine = services.store.person(person_id(services, "martine"))
    wrong = engine.identify_with_code(
        session, code=persona_code(services, "martine"), nir=martine.nir,
        model=CardModel.WITHOUT_PHOTO, serial="000000000",
    )
    assert not wrong.ok
    found = engine.identify_with_code(
        session, code=persona_code(services, "martine"), nir=martine.nir,
        model=CardModel.WITHOUT_PHOTO, serial="953701166",
    )
    assert found.ok
    read = report.session_report(services.store, session.id)
    assert read is not None
    assert [(e.step, e.accepted) for e in read.entries] == [
        ("session", True), ("je_m_identifie", False), ("je_m_identifie", True),
    ]
    assert read.entries[1].account_words.startswith("Refusé : identification impossible : ")


def test_the_class_report_groups_trainees_and_finds_where_they_got_stuck(
    class_folder: Path,
) -> None:
    whole = report.class_report(class_folder)
    assert [tr.name for tr in whole.trainees] == ["Stagiaire 01", "Stagiaire 02", "Stagiaire 03"]
    groups = whole.by_scenario()
    assert [(s, [tr.name for tr in trs]) for s, trs in groups] == [
        ("activation", ["Stagiaire 01", "Stagiaire 03"]), ("code-expire", ["Stagiaire 02"]),
    ]
    hard = whole.hard_steps()
    # « Je m'identifie »: refused for two (the expired code was the trainer's fault, not
    # held against the third), and slow for the third (four times the others' time).
    assert (hard[0].step, hard[0].refused_by, hard[0].slow_by, hard[0].reached_by) == (
        "je_m_identifie", 2, 1, 3
    )
    assert (hard[1].step, hard[1].refused_by, hard[1].slow_by, hard[1].reached_by) == (
        "identifiant_mot_de_passe", 2, 0, 2
    )
    assert [(h.step, h.refused_by, h.slow_by) for h in hard[2:]] == [("decision", 0, 1)]


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_class_pdf_has_every_trainee_and_step_and_the_same_bytes_twice(
    class_folder: Path,
) -> None:
    first = report_pdf.class_pdf(report.class_report(class_folder))
    assert first == report_pdf.class_pdf(report.class_report(class_folder))
    text = _pdf_text(first)
    for words in ("Rapport de la classe", "Stagiaire 01", "Stagiaire 02", "Stagiaire 03",
                  "code-expire", "Identifiant et mot de passe", "Je m'identifie",
                  "Confirmation de l'opposition", "champs à corriger :",
                  "panne injectée : code expiré", "Temps moyen passé par étape"):
        assert words in text, words
    metadata = PdfReader(io.BytesIO(first)).metadata
    assert metadata is not None and metadata.creation_date is not None
    assert metadata.creation_date.year == 2026  # the journal's last row, not today


def test_the_csv_has_one_row_per_journal_entry(class_folder: Path) -> None:
    data = report_csv.trainees_csv(report.class_report(class_folder).trainees)
    assert data.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(data.removeprefix("\ufeff")), delimiter=";"))
    assert len(rows) == 2 * (len(NOMINAL) + 1) + len(EXPIRED) + 1
    assert list(rows[0]) == report_csv.header()
    faulted = [r for r in rows if r["panne_injectee"]]
    assert [(r["stagiaire"], r["etape"], r["accepte"]) for r in faulted] == [
        ("Stagiaire 02", "Je m'identifie", "non")
    ]
    assert rows[1]["temps_passe_s"] == "95" and rows[1]["motif"].startswith("champs à corriger")
    assert rows[0]["temps_passe_s"] == ""  # the opening of a session has no time spent


def test_rapport_writes_a_class_and_a_session_and_says_what_is_missing(
    class_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "rapport.csv"
    assert main(["rapport", "--dossier", str(class_folder), "--sortie", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    one = trainee_stores(class_folder)[1]
    pdf = tmp_path / "seance.pdf"
    assert main(["--db", str(one), "rapport", "--session", "seance2", "--format", "pdf",
                 "--sortie", str(pdf)]) == 0
    assert "Stagiaire 02" in _pdf_text(pdf.read_bytes())
    capsys.readouterr()
    assert main(["--db", str(one), "rapport", "--session", "x", "--sortie", str(pdf)]) == 1
    assert "aucune séance « x »" in capsys.readouterr().err
    assert main(["rapport", "--dossier", str(tmp_path / "nope"), "--sortie", str(out)]) == 1
    missing = tmp_path / "absent.db"
    assert main(["--db", str(missing), "rapport", "--sortie", str(out)]) == 1
    assert not missing.exists()  # a report never creates a store
    capsys.readouterr()
    both = ["rapport", "--dossier", str(class_folder), "--session", "x", "--sortie", str(out)]
    assert main(both) == 2
    assert "--session et --dossier ne vont pas ensemble" in capsys.readouterr().err


def test_every_shipped_scenario_says_which_journal_row_reaches_its_goal() -> None:
    from mes_sante_tui.core.scenarios import ScenarioError, load_scenarios, read_scenarios

    shipped = load_scenarios()
    assert [name for name, s in shipped.items() if s.expected is None] == []
    one = {"name": "x", "title": "X", "level": "débutant", "persona": "martine",
           "variant": "code-first", "rules": "2025", "goal": "Activer."}
    for bad in ({"accepted": True}, {"accepted": "oui", "reason": "activated"},
                {"accepted": True, "reason": "activated", "step": "nulle_part"},
                {"accepted": True, "reason": ["inconnue"]}):
        with pytest.raises(ScenarioError, match="expected"):
            read_scenarios({"scenarios": [{**one, "expected": bad}]})


def test_a_scenarios_session_says_its_goal_and_whether_it_was_reached(
    services: Services, class_folder: Path
) -> None:
    from mes_sante_tui.core.scenarios import scenario_named

    nominal, expired = scenario_named("activation-nominale"), scenario_named("code-expire")
    write_session(services.store, "a", NOMINAL, scenario=nominal.name)
    write_session(services.store, "b", NOMINAL[:-1], scenario=nominal.name)
    reached, missed = (report.session_report(services.store, s) for s in ("a", "b"))
    assert reached is not None and missed is not None
    assert (reached.goal, reached.goal_reached) == (nominal.goal, True)
    assert (missed.goal, missed.goal_reached) == (nominal.goal, False)
    text = " ".join(_pdf_text(report_pdf.session_pdf(reached)).split())
    assert nominal.goal in text and "Résultat : but atteint" in text
    assert "but non atteint" in _pdf_text(report_pdf.session_pdf(missed))
    # A real refusal of the engine reaches the goal of « personne-decedee ».
    engine = services.engine
    engine.sessions.scenario = "personne-decedee"
    session = engine.start_session()
    jeanne = services.store.person(person_id(services, "jeanne"))
    card = services.store.card_of(jeanne.id)
    assert card is not None
    engine.identify_with_code(session, code=persona_code(services, "jeanne"), nir=jeanne.nir,
                              model=card.model, serial=card.serial)
    read = report.session_report(services.store, session.id)
    assert read is not None and read.goal_reached is True
    # In a class: the expired code's trainee opposed instead of activating; an unknown
    # scenario (« activation ») has no goal.
    whole = report.class_report(class_folder)
    assert [(tr.name, tr.goal, tr.goal_reached) for tr in whole.trainees] == [
        ("Stagiaire 01", None, None), ("Stagiaire 02", expired.goal, False),
        ("Stagiaire 03", None, None),
    ]
    assert "but non atteint" in _pdf_text(report_pdf.class_pdf(whole))
    rows = list(csv.DictReader(io.StringIO(
        report_csv.trainees_csv(whole.trainees).removeprefix("\ufeff")), delimiter=";"))
    assert {(r["stagiaire"], r["but"], r["but_atteint"]) for r in rows} == {
        ("Stagiaire 01", "", ""), ("Stagiaire 02", expired.goal, "non"),
        ("Stagiaire 03", "", ""),
    }


def test_a_class_on_a_scenario_reports_each_trainee_on_it(tmp_path: Path) -> None:
    from mes_sante_tui.core.scenarios import enter_run, scenario_named
    from mes_sante_tui.core.services import open_services

    path = new_trainee_store(tmp_path, "code-expire")  # as a browser's connection makes it
    assert path.name == "stagiaire-01.db"
    services = open_services(path)
    try:
        assert _keys_naming(services.store, "Stagiaire 01") == [TRAINEE_KEY]
        enter_run(services.engine)  # as the application does on a run store
        services.engine.start_session()
        [row] = services.store.journal_rows()
        assert (row["trainee"], row["scenario"]) == ("Stagiaire 01", "code-expire")
        trainee = report.trainee_of(services.store, path)
    finally:
        services.close()
    assert (trainee.name, trainee.scenario, trainee.goal, trainee.goal_reached) == (
        "Stagiaire 01", "code-expire", scenario_named("code-expire").goal, False
    )


def test_the_fault_of_no_contacts_reaches_its_scenarios_goal(services: Services) -> None:
    from mes_sante_tui.core.faults import Fault, FaultPlan

    FaultPlan(services.store).inject(Fault.CONTACTS_NOT_FOUND, once=True,
                                     now=services.engine.clock.now())
    services.engine.sessions.scenario = "coordonnees-introuvables"
    session = services.engine.start_session()
    martine = services.store.person(person_id(services, "martine"))
    services.engine.identify_with_code(
        session, code=persona_code(services, "martine"), nir=martine.nir,
        model=CardModel.WITHOUT_PHOTO, serial="953701166",
    )
    services.engine.channels(session)  # the contacts looked up when a new code is asked
    read = report.session_report(services.store, session.id)
    assert read is not None and read.goal_reached is True
