"""The plain, line-by-line mode (`--accessible`): every journey answered line by line, in
process, on a copy of the seeded store. Each test checks the lines out, the store
afterwards, the exit status, and that no escape sequence was written."""

from __future__ import annotations

import io
import os
import re
import string
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any, cast

import pytest
from support import (
    latest_otp,
    newest_code,
    person_id,
    persona_code,
    store_mark,
    store_problems,
)

from mes_sante_tui import plain
from mes_sante_tui.cli import main
from mes_sante_tui.core import flows
from mes_sante_tui.core.clock import ManualClock
from mes_sante_tui.core.models import ProfileStatus
from mes_sante_tui.core.services import Services, open_services
from mes_sante_tui.core.settings import JourneyVariant, Settings
from mes_sante_tui.plain.console import Console, is_terminal
from mes_sante_tui.plain.console import plain as plain_text
from mes_sante_tui.plain.walker import plain_words
from mes_sante_tui.wording import FR, t

Answer = str | Callable[[], str]

MARTINE = {"nir": "2 73 03 44 109 038 23", "birth": "10/03/1973", "serial": "953701166"}
SEBASTIEN = {
    "nir": "171063523811210",
    "birth": "22/06/1971",
    "serial": "01024576124",
    "identifier": "sebastien.leguellec",
    "password": "Phare#Ouest2022",
}
NEW_PASSWORD = "Soleil#Breton2026"
IDENTITY_FIRST = Settings(journey=JourneyVariant.IDENTITY_FIRST)


class Answers:
    """Standard input as a person gives it: one answer a line, some read off the outbox at
    the moment they are asked (a code sent during the journey)."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)

    def isatty(self) -> bool:
        return False

    def readline(self) -> str:
        if not self.answers:
            return ""
        answer = self.answers.pop(0)
        return (answer() if callable(answer) else answer) + "\n"


def run(services: Services, settings: Settings, *answers: Answer) -> tuple[int, str]:
    out = io.StringIO()
    stdin = Answers(*answers)
    status = plain.run(services, settings, stdin=stdin, stdout=out, terminal=False)
    text = out.getvalue()
    assert "\x1b" not in text
    assert all(c == "\n" or c >= " " for c in text), "a control character was written"
    assert stdin.answers == [], f"answers left unread: {stdin.answers}"
    return status, text


def status_of(services: Services, key: str) -> ProfileStatus:
    return services.store.person(person_id(services, key)).status


def martine_identifies(services: Services, code: Answer | None = None) -> list[Answer]:
    """Home, « Commencer », then « Je m'identifie » with Martine's code and card."""
    return [
        "1", "1", code or persona_code(services, "martine"), MARTINE["nir"], "1",
        MARTINE["serial"],
    ]


ACCOUNT = ["martine.leguellec", NEW_PASSWORD, NEW_PASSWORD]


# --- the activation, both variants ---------------------------------------------------------


def test_code_first_activation_from_a_pipe(services: Services, settings: Settings) -> None:
    mark = store_mark(services.store.conn)
    status, out = run(
        services, settings, *martine_identifies(services), "1", "oui", "1", *ACCOUNT, "2"
    )
    assert status == 0
    lines = out.splitlines()
    assert "Étape 1 sur 4 : Je m'identifie" in lines
    assert "Étape 2 sur 4 : Ma décision" in lines
    # The title first, then where it stands.
    assert lines[lines.index("Étape 2 sur 4 : Ma décision") - 1] == "Bonjour Martine !"
    assert any(
        line.startswith(f"{t('field.nir')} ({t('field.nir.hint')}) : ") for line in lines
    )
    assert "1. Carte Vitale sans photo" in lines
    assert t("success.title") in lines
    assert NEW_PASSWORD not in out  # read as a line from the pipe, never written back
    assert status_of(services, "martine") is ProfileStatus.ACTIVATED
    assert services.store.account_identifier(person_id(services, "martine")) == (
        "martine.leguellec"
    )
    assert store_problems(services.store.conn, mark) == []


@pytest.mark.parametrize("settings", [IDENTITY_FIRST])
def test_identity_first_activation_with_the_code_sent_on_the_way(
    services: Services, settings: Settings
) -> None:
    mark = store_mark(services.store.conn)
    status, out = run(
        services, settings,
        "1", "1", MARTINE["birth"], MARTINE["nir"], "1", MARTINE["serial"],
        "1",  # by e-mail
        lambda: newest_code(services),
        "1", "oui", "1", *ACCOUNT, "2",
    )
    assert status == 0
    lines = out.splitlines()
    assert "Étape 1 sur 4 : Mon identité" in lines
    assert "Étape 2 sur 4 : Mon code" in lines
    assert t("code.entry.email") in lines
    assert t("success.title.identity") in lines
    assert status_of(services, "martine") is ProfileStatus.ACTIVATED
    assert store_problems(services.store.conn, mark) == []


# --- a new provisional code ----------------------------------------------------------------


def test_a_new_code_is_generated_then_typed_with_the_card_carried_over(
    services: Services, settings: Settings
) -> None:
    old = persona_code(services, "martine")
    status, out = run(
        services, settings,
        "1", "2", MARTINE["nir"], MARTINE["birth"], "1", MARTINE["serial"],
        "1",  # « Par e-mail »
        lambda: newest_code(services), "", "", "",  # the card as typed, kept
        "2", "2",  # « Je m'oppose », then « Annuler »: back on the decision
    )
    assert status == 1  # the answers ended before the journey's end
    new = persona_code(services, "martine")
    assert new != old
    lines = out.splitlines()
    assert t("regenerate.title") in lines
    where = next(line for line in lines if line.startswith("✓ Un nouveau code provisoire"))
    assert "par e-mail" in where
    assert t("plain.typed", typed=MARTINE["nir"]) in lines
    assert lines.count("Bonjour Martine !") == 2
    assert status_of(services, "martine") is ProfileStatus.PENDING


# --- the opposition, its certificate, the household ----------------------------------------


def test_opposition_writes_the_certificate_and_reads_its_text(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    mark = store_mark(services.store.conn)
    folder = tmp_path / "justificatifs"
    status, out = run(
        services, settings, *martine_identifies(services),
        "2",  # « Je m'oppose »
        "1",  # « Continuer »: confirmed
        str(folder),
        "1",  # « Lire la version texte du justificatif »
        "5",  # « Retour à l'accueil » (after Léa, Hugo, Jules, Lina)
    )
    assert status == 0
    pdfs, txts = list(folder.glob("*.pdf")), list(folder.glob("*.txt"))
    assert len(pdfs) == 1 and len(txts) == 1
    assert pdfs[0].read_bytes().startswith(b"%PDF")
    assert f"{pdfs[0]}" in out and f"{txts[0]}" in out
    lines = out.splitlines()
    assert t("plain.certificate.text") in lines
    assert txts[0].read_text("utf-8").splitlines()[0] in lines
    assert t("plain.household.manage", name="Léa Leguellec") in " ".join(lines)
    assert status_of(services, "martine") is ProfileStatus.OPPOSED
    assert store_problems(services.store.conn, mark) == []


def test_leaving_before_saving_the_certificate_says_it_would_be_lost(
    services: Services, settings: Settings
) -> None:
    status, out = run(
        services, settings, *martine_identifies(services), "2", "1",
        "quitter", "non", "retour", "oui",  # leave for the home page, without the certificate
    )
    assert status == 0  # the opposition is recorded: the journey went to its end
    assert out.count(t("quit.body.certificate")) == 2
    assert status_of(services, "martine") is ProfileStatus.OPPOSED


def test_a_childs_profile_is_managed_from_the_household_list(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    status, out = run(
        services, settings, *martine_identifies(services), "2", "1", str(tmp_path),
        "2",  # « Gérer le profil de Léa Leguellec »
        "1",  # « Je certifie être le représentant légal de Léa Leguellec »
        "2", "1",  # Léa: « Je m'oppose », confirmed
        str(tmp_path / "lea"),
        "5",  # « Retour à l'accueil »
    )
    assert status == 0
    assert "Profil concerné : Léa Leguellec" in out.splitlines()
    assert status_of(services, "lea") is ProfileStatus.OPPOSED
    assert status_of(services, "martine") is ProfileStatus.OPPOSED
    assert len(list((tmp_path / "lea").glob("*.pdf"))) == 1
    # Léa's decision was made under her mother's code (used by Martine's own): the store's
    # invariants, not the one-code-per-decision check of a journey.
    assert store_problems(services.store.conn) == []


# --- logging in, recovery, closure and reopening -------------------------------------------


def login_answers(services: Services, password: str = SEBASTIEN["password"]) -> list[Answer]:
    return [
        "2", "1", SEBASTIEN["identifier"], password, lambda: latest_otp(services),
    ]


def test_login_with_the_one_time_code_then_logout(services: Services, settings: Settings) -> None:
    status, out = run(services, settings, *login_answers(services), "2")  # « Se déconnecter »
    assert status == 0
    lines = out.splitlines()
    assert t("space.hello", first_name="Sébastien") in lines
    assert t("space.identifier", identifier=SEBASTIEN["identifier"]) in lines
    assert SEBASTIEN["password"] not in out


def test_a_wrong_password_is_refused_in_words_and_the_input_ends(
    services: Services, settings: Settings
) -> None:
    status, out = run(services, settings, "2", "1", SEBASTIEN["identifier"], "Faux#Passe2022")
    assert status == 1
    assert any(line.startswith("Erreur") for line in out.splitlines())
    assert "Faux#Passe2022" not in out
    assert out.splitlines()[-1] == t("plain.input_ended")


def test_a_forgotten_identifier_is_sent(services: Services, settings: Settings) -> None:
    before = services.store.last_outbox_id()
    status, out = run(
        services, settings, "2", "2", SEBASTIEN["nir"], SEBASTIEN["birth"], "1",
    )
    assert status == 0
    sent = [m for m in services.store.outbox() if m.id > before]
    assert len(sent) == 1 and SEBASTIEN["identifier"] in sent[0].body
    sent_line = t("login.identifier_sent", where="par e-mail")[:-1]
    assert any(line.startswith(sent_line) for line in out.splitlines())


def test_a_forgotten_password_is_replaced_then_used(services: Services, settings: Settings) -> None:
    status, out = run(
        services, settings,
        "2", "3", SEBASTIEN["nir"], SEBASTIEN["birth"], "2", SEBASTIEN["serial"],
        "1",  # by e-mail
        lambda: latest_otp(services),
        NEW_PASSWORD, NEW_PASSWORD,
        "1", SEBASTIEN["identifier"], NEW_PASSWORD, lambda: latest_otp(services),
        "2",  # « Se déconnecter »
    )
    assert status == 0
    assert t("login.password_changed") in out.splitlines()
    assert t("space.hello", first_name="Sébastien") in out.splitlines()
    assert NEW_PASSWORD not in out


def test_closure_then_reopening_from_the_space(services: Services, settings: Settings) -> None:
    mark = store_mark(services.store.conn)
    status, out = run(
        services, settings, *login_answers(services),
        "1",  # « Clôturer Mon espace santé »
        SEBASTIEN["password"], "non",
        "1",  # « Rouvrir Mon espace santé »
        "2",  # « Se déconnecter »
    )
    assert status == 0
    lines = out.splitlines()
    assert any(line.startswith("✓ Mon espace santé a été clôturé le") for line in lines)
    assert any(line.startswith("✓ Mon espace santé a été rouvert le") for line in lines)
    assert status_of(services, "sebastien") is ProfileStatus.ACTIVATED
    assert store_problems(services.store.conn, mark) == []


def test_a_childs_profile_is_closed_from_the_space_with_its_data_deleted(
    services: Services, settings: Settings
) -> None:
    mark = store_mark(services.store.conn)
    status, out = run(
        services, settings, *login_answers(services),
        "2",  # « Gérer le profil : Emma Leguellec »
        "1",  # « Je certifie être le représentant légal d'Emma »
        "1", SEBASTIEN["password"], "oui",  # « Clôturer », asking for the data's deletion
        "2",  # « Retour à Mon espace santé »
        "3",  # « Se déconnecter »
    )
    assert status == 0
    lines = out.splitlines()
    assert t("manage_profile.who", name="Emma Leguellec") in lines
    assert t("close_profile.delete.child", name="Emma Leguellec") + " (oui ou non) : oui" in lines
    assert any(line.startswith("✓ Le profil de Emma Leguellec a été clôturé le") for line in lines)
    assert status_of(services, "emma") is ProfileStatus.CLOSED
    assert status_of(services, "sebastien") is ProfileStatus.ACTIVATED
    assert store_problems(services.store.conn, mark) == []


# --- identification outcomes ---------------------------------------------------------------


def test_not_found_says_why_then_correcting_gets_through(
    services: Services, settings: Settings
) -> None:
    status, out = run(
        services, settings,
        "1", "1", persona_code(services, "martine"), "1 71 06 35 238 112 10", "1",
        MARTINE["serial"],
        "1",  # « Corriger ma saisie »
        "", MARTINE["nir"], "", "",
    )
    assert status == 1  # the input ended on the decision
    lines = out.splitlines()
    assert t("outcome.not_found.title") in lines
    assert "1. " + t("outcome.action.retry") in lines
    assert "Bonjour Martine !" in lines
    assert status_of(services, "martine") is ProfileStatus.PENDING


def code_of(services: Services, key: str) -> Callable[[], str]:
    return lambda: persona_code(services, key)


@pytest.mark.parametrize(
    ("key", "nir", "model", "serial", "outcome"),
    [
        ("nathalie", "277097511429042", "1", "845201937", "code_expired"),
        ("thomas", "185055935007788", "1", "109283746", "code_used"),
        ("sebastien", SEBASTIEN["nir"], "2", SEBASTIEN["serial"], "already_exists"),
        ("jeanne", "235076912304571", "1", "2185530964", "not_activable"),
    ],
)
def test_each_identification_outcome_is_said_and_stops_the_pipe(
    services: Services, settings: Settings, key: str, nir: str, model: str, serial: str,
    outcome: str,
) -> None:
    mark = store_mark(services.store.conn)
    before = status_of(services, key)
    status, out = run(services, settings, "1", "1", code_of(services, key), nir, model, serial)
    assert status == 1
    lines = out.splitlines()
    assert t(f"outcome.{outcome}.title") in lines
    assert t(f"outcome.{outcome}.next") in lines
    assert status_of(services, key) is before
    assert store_problems(services.store.conn, mark) == []


def test_wrong_codes_lock_the_identification(services: Services, settings: Settings) -> None:
    wrong = "AAAAAAAAAAAA"
    first = ["1", "1", wrong, MARTINE["nir"], "1", MARTINE["serial"]]
    again = ["1", wrong, "", "", ""]  # « Corriger ma saisie », the card kept
    status, out = run(services, settings, *first, *(again * 4))
    assert status == 1
    assert t("outcome.locked.title") in out.splitlines()
    assert status_of(services, "martine") is ProfileStatus.PENDING


# --- errors, and the words of every question ------------------------------------------------


def test_an_error_names_its_field_and_offers_back_what_was_typed(
    services: Services, settings: Settings
) -> None:
    status, out = run(
        services, settings, "1", "1", persona_code(services, "martine"), "2 73 03", "1",
        MARTINE["serial"], MARTINE["nir"],
    )
    assert status == 1
    lines = out.splitlines()
    error = next(line for line in lines if line.startswith("Erreur"))
    assert error.startswith(t("plain.error", field=t("field.nir"), message=""))
    assert t("plain.typed", typed="2 73 03") in lines
    assert lines.count(t("identify.title")) == 1  # asked again without saying it all again
    assert "Bonjour Martine !" in lines  # only the field in error was asked again


def test_a_refused_password_asks_both_passwords_again_and_keeps_the_identifier(
    services: Services, settings: Settings
) -> None:
    status, out = run(
        services, settings, *martine_identifies(services), "1", "oui", "1",
        "martine.leguellec", NEW_PASSWORD, "Autre#Passe2026",  # the confirmation differs
        NEW_PASSWORD, NEW_PASSWORD,  # both asked again, the identifier not
        "2",
    )
    assert status == 0
    lines = out.splitlines()
    confirm = t("plain.error", field=t("account.confirm"), message="")
    assert sum(line.startswith(confirm) for line in lines) == 1

    def asked(label: str, hint: str) -> int:
        prompt = t("plain.question", label=t(label), hint=t(hint)) if hint else t(
            "plain.question.bare", label=t(label)
        )
        return sum(line.startswith(prompt) for line in lines)

    assert asked("account.identifier", "account.identifier.hint") == 1
    assert asked("account.password", "") == 2
    assert asked("account.confirm", "account.confirm.hint") == 2
    assert lines.count(t("account.title")) == 1  # asked again without saying it all again
    assert "Autre#Passe2026" not in out
    assert status_of(services, "martine") is ProfileStatus.ACTIVATED


def test_help_back_outbox_and_quit_work_at_any_question(
    services: Services, settings: Settings
) -> None:
    code = persona_code(services, "martine")
    status, out = run(
        services, settings,
        "1", "1",
        "aide", "boîte", "Boite 20", "retour",  # on « Je m'identifie »: back to « Commencer »
        "1", "?", "quitter", "non", "QUITTER", "oui",
    )
    assert status == 0  # nothing was under way: nobody identified yet
    lines = out.splitlines()
    assert t("identify.help.plain") in lines  # this mode's words: « boîte », not F2
    assert t("plain.words") in lines
    assert t("plain.outbox.shown.other", n=3) in lines
    assert any(code in line for line in lines)  # « boîte 20 » read Martine's code
    assert lines.count(t("identify.title")) == 2
    assert out.count(t("plain.quit.confirm")) == 2


def test_back_within_a_form_is_the_field_before_with_its_answer_offered(
    services: Services, settings: Settings
) -> None:
    status, out = run(
        services, settings, "1", "1", "wrong", "retour", persona_code(services, "martine"),
        MARTINE["nir"], "1", MARTINE["serial"],
    )
    assert status == 1
    lines = out.splitlines()
    assert t("plain.typed", typed="wrong") in lines
    assert "Bonjour Martine !" in lines


def test_back_from_the_consent_is_the_choice_again(services: Services, settings: Settings) -> None:
    status, out = run(services, settings, *martine_identifies(services), "1", "retour", "2", "2")
    assert status == 1
    lines = out.splitlines()
    assert t("plain.typed", typed="1. " + t("decision.activate") + " — "
             + t("decision.activate.text")) in lines
    assert t("opposition.confirm.title") in lines
    assert status_of(services, "martine") is ProfileStatus.PENDING


def test_leaving_an_identified_journey_asks_first_and_exits_1(
    services: Services, settings: Settings
) -> None:
    status, out = run(services, settings, *martine_identifies(services), "quitter", "oui")
    assert status == 1
    assert t("quit.body") in out
    assert status_of(services, "martine") is ProfileStatus.PENDING


def test_nothing_a_person_types_can_write_an_escape_sequence(
    services: Services, settings: Settings
) -> None:
    status, out = run(services, settings, "1", "1", "\x1b[2J\x1b]0;x\x07abc", "", "1", "")
    assert status == 1
    assert "[2J" in out and "\x1b" not in out


def test_the_console_drops_control_characters() -> None:
    assert plain_text("a\x1b[31mb\rc\x07d\u200be") == "a[31mbcde"
    out = io.StringIO()
    Console(io.StringIO(""), out).say("x\x1by")
    assert out.getvalue() == "xy\n"


def test_the_environment_variable_asks_for_the_plain_mode() -> None:
    assert plain.asked_for({"MES_SANTE_ACCESSIBLE": "1"})
    assert not plain.asked_for({"MES_SANTE_ACCESSIBLE": "0"})
    assert not plain.asked_for({})


# --- end to end ----------------------------------------------------------------------------


def test_accessible_with_a_pipe_end_to_end(tmp_path: Path) -> None:
    """`mes-sante-tui --accessible < answers`: a whole activation, unattended."""
    db = tmp_path / "x.db"
    seeded = open_services(db)
    code = persona_code(seeded, "martine")
    seeded.close()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.pop("MES_SANTE_ACCESSIBLE", None)
    answers = ["1", "1", code, MARTINE["nir"], "1", MARTINE["serial"], "1", "oui", "1",
               *ACCOUNT, "2"]
    # First a line that is not UTF-8: refused in words like any other wrong answer.
    stdin = b"\xff\xfe\n" + ("\n".join(answers) + "\n").encode()
    done = subprocess.run(
        [sys.executable, "-m", "mes_sante_tui", "--db", str(db), "--accessible"],
        input=stdin, capture_output=True, env=env, cwd=root, timeout=120, check=False,
    )
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode == 0, out[-2000:] + err
    assert "\x1b" not in out + err
    assert err == ""
    assert t("plain.choice.invalid", n=3) in out.splitlines()
    assert t("success.title") in out.splitlines()
    assert NEW_PASSWORD not in out
    opened = open_services(db, seed_if_empty=False)
    try:
        assert status_of(opened, "martine") is ProfileStatus.ACTIVATED
    finally:
        opened.close()


def test_the_command_line_offers_and_starts_the_plain_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "x.db")
    monkeypatch.delenv("MES_SANTE_ACCESSIBLE", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    # Bad use is said in one line, with 2.
    assert main(["--db", db, "--accessible", "--nope"]) == 2
    # Without a terminal and without the plain mode: one line that offers it, 2.
    assert main(["--db", db]) == 2
    assert "mes-sante-tui --accessible" in capsys.readouterr().err
    # MES_SANTE_ACCESSIBLE=1: the plain mode; no answer at all, nothing went to its end.
    monkeypatch.setenv("MES_SANTE_ACCESSIBLE", "1")
    assert main(["--db", db]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == t("plain.welcome")
    assert out.splitlines()[-1] == t("plain.input_ended")


# --- more of the journeys: twins, a contact to add, a parent who is not the representative --


@pytest.mark.parametrize("settings", [IDENTITY_FIRST])
def test_identity_first_twins_choose_a_profile_then_oppose(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    status, out = run(
        services, settings,
        "1", "1", "05/11/2019", MARTINE["nir"], "1", MARTINE["serial"],
        "2",  # « Lina Leguellec — En attente de décision »
        "1",  # « Je certifie être le représentant légal de Lina Leguellec »
        "1", lambda: newest_code(services),  # by e-mail, then the code received
        "2", "1", str(tmp_path), "5",  # « Je m'oppose », confirmed; the certificate; home
    )
    assert status == 0
    lines = out.splitlines()
    assert t("choose.title") in lines
    assert "Profil concerné : Lina Leguellec" in lines
    assert status_of(services, "lina") is ProfileStatus.OPPOSED
    assert status_of(services, "jules") is ProfileStatus.PENDING


def test_a_missing_email_is_added_with_its_one_time_code(
    services: Services, settings: Settings
) -> None:
    mark = store_mark(services.store.conn)
    status, out = run(
        services, settings,
        "1", "1", persona_code(services, "gerard"), "148128708524122", "1", "3309175512",
        "1", "oui",
        "1",  # « Continuer » without an e-mail: refused, said in words
        "2", "gerard.lambert@exemple.fr", lambda: latest_otp(services),
        "1", "gerard.lambert", NEW_PASSWORD, NEW_PASSWORD, "2",
    )
    assert status == 0
    lines = out.splitlines()
    assert any(line.startswith("Erreur") for line in lines)
    assert t("contacts.updated") in lines
    gerard = services.store.person(person_id(services, "gerard"))
    assert gerard.email == "gerard.lambert@exemple.fr"
    assert gerard.status is ProfileStatus.ACTIVATED
    assert store_problems(services.store.conn, mark) == []


def test_a_parent_who_is_not_the_representative_is_told_so(
    services: Services, settings: Settings, tmp_path: Path
) -> None:
    status, out = run(
        services, settings, *martine_identifies(services), "2", "1", str(tmp_path),
        "2",  # « Gérer le profil : Léa Leguellec »
        "2",  # « Je ne suis pas le représentant légal de Léa Leguellec »
        "1",  # « Retour à l'accueil »
    )
    assert status == 0  # Martine's opposition was recorded
    assert t("outcome.not_representative.title") in out.splitlines()
    assert status_of(services, "lea") is ProfileStatus.PENDING


@pytest.mark.parametrize("extend", ["", "non"])
def test_the_session_about_to_expire_is_said_and_can_be_extended(
    services: Services, settings: Settings, clock: ManualClock, extend: str
) -> None:
    def slowly(answer: str) -> Callable[[], str]:
        def later() -> str:
            clock.advance(settings.session_timeout - timedelta(minutes=1))
            return answer

        return later

    code = persona_code(services, "martine")
    status, out = run(
        services, settings, "1", "1", code, slowly(MARTINE["nir"]),
        extend,  # Entrée: « Prolonger ma session »; or « non »
        "1", slowly(MARTINE["serial"]),
    )
    assert status == 1
    lines = out.splitlines()
    assert lines.count(t("session.warning.title")) == 1
    if extend == "":  # the session was extended: still going
        assert "Bonjour Martine !" in lines
    else:
        assert t("outcome.session_expired.title") in lines


_PROBE = """
import sys
from mes_sante_tui.cli import main
status = main(["--db", sys.argv[1], "--accessible"])
print(status, ",".join(sorted({m.split(".")[0] for m in sys.modules} & {"textual", "rich"})))
"""


def test_the_plain_mode_loads_neither_textual_nor_rich(tmp_path: Path) -> None:
    """Run through the command line, with no answer: not one module of textual or rich."""
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path / "x.db")], input="", capture_output=True,
        text=True, env=env, cwd=root, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "1 "


def test_a_terminal_is_told_one_way_by_the_command_line_and_the_plain_mode() -> None:
    """`is_terminal` (plain/console.py) is the command line's test too (`_has_terminal`, a
    reset's question, the tables' width): a real terminal, and never an error for the rest."""
    controller, device = os.openpty()
    terminal = os.fdopen(device, "r")
    closed = io.StringIO()
    closed.close()
    try:
        assert is_terminal(terminal)
        no_isatty = cast(Any, object())
        assert [is_terminal(s) for s in (None, io.StringIO(), closed, no_isatty)] == [False] * 4
    finally:
        terminal.close()
        os.close(controller)


def test_the_plain_mode_loads_nothing_of_the_command_lines_package(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    probe = (
        "import sys, mes_sante_tui.plain\n"
        "print(sorted(m for m in sys.modules if m.split('.')[:2] == ['mes_sante_tui', 'cli']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(root)}, cwd=tmp_path, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --- what « aide » and the hints say in this mode ------------------------------------------

# Keys of the full-screen application, which do nothing in this mode.
_KEYS_NAMED = re.compile(r"\bF\d+\b|Échap|\bTab\b|flèches|Entrée dans|\(Espace\)")


def _read_here() -> set[str]:
    """Every help and hint this mode reads: the pages it says itself, and each form's."""
    forms = [*flows.STEP_FORMS.values(), flows.CODE_ENTRY]
    forms += [form for flow in flows.FLOWS.values() for form in flow.forms]
    keys = {"home.help", "start.help", "outcome.help", "success.help", "space.help",
            "manage_profile.help"}
    keys |= {form.help_key for form in forms}
    keys |= {f.hint_key for form in forms for f in form.fields if f.hint_key is not None}
    return keys | set(flows.SERIAL_HINT.values())


@pytest.mark.parametrize("variant", [variant.value for variant in JourneyVariant])
def test_no_help_nor_hint_of_this_mode_names_a_key_that_does_nothing_here(variant: str) -> None:
    """The screens' help says F2, F3, Échap, Tab or the arrows; here the words are
    « boîte » and « retour », and choices are numbered."""
    said: dict[str, str] = {}
    for key in _read_here():
        text = FR.get(f"{key}.plain", FR.get(f"{key}.{variant}", FR[key]))
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        said[key] = plain_words(key, variant, **dict.fromkeys(names, "…"))
    assert len(said) > 30
    assert {key: text for key, text in said.items() if _KEYS_NAMED.search(text)} == {}


def test_help_at_the_login_code_says_boite_and_retour(
    services: Services, settings: Settings
) -> None:
    answers = login_answers(services)
    status, out = run(services, settings, *answers[:4], "?", *answers[4:], "2")
    assert status == 0
    assert t("login_code.help.plain") in out.splitlines()
    assert t("login.password.hint.plain") in out
    assert not _KEYS_NAMED.search(out)


@pytest.mark.parametrize("settings", [IDENTITY_FIRST])
def test_back_from_an_outcome_page_the_code_entry_says_its_title_again(
    services: Services, settings: Settings
) -> None:
    """« Corriger ma saisie » on the page of a code that was refused: the question comes
    back under its own title, so that one hears where one is."""
    wrong = "ZZZZZZZZZZZZ"
    status, out = run(
        services, settings,
        "1", "1", MARTINE["birth"], MARTINE["nir"], "1", MARTINE["serial"],
        "1",  # by e-mail
        wrong, "1", "YYYYYYYYYYYY",  # refused, « Corriger ma saisie », refused again
    )
    assert status == 1
    lines = out.splitlines()
    assert lines.count(t("outcome.not_found.title")) == 2
    assert lines.count(t("code.entry.email")) == 2
    # Said again after the page, before the question asked again.
    again = lines.index(t("code.entry.email"), lines.index(t("outcome.not_found.title")))
    assert lines[again + 2] == t("code.sent.email", masked="mar*****@exemple.fr")
