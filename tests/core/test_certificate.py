"""The opposition certificate: one A4 page, the guide's lines, readable text, same bytes."""

from __future__ import annotations

import datetime
import io
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from mes_sante_tui.core.certificate import (
    Certificate,
    default_certificate_folder,
    opposition_certificate,
    save_certificate,
)
from mes_sante_tui.core.models import Person, ProfileStatus
from mes_sante_tui.core.paths import data_dir

REPO = Path(__file__).resolve().parents[2]
DECIDED_ON = datetime.date(2021, 9, 28)
CORSICA_2A = "290052A00412352"

EXPECTED_LINES = [
    "Page 1/1",
    "Numéro de l'assuré : 1 16 30 44 038 016 18",
    "Nom de l'assuré : LEGUELLEC Martine Julie",
    "Le 28/09/2021",
    "Votre justificatif d'opposition",
    "Bonjour Martine Julie Leguellec,",
    "Votre demande d'opposition à la création de Mon espace santé a bien été prise en compte "
    "le 28/09/2021.",
    "Vous pouvez revenir à tout moment sur votre décision en vous connectant sur "
    "monespacesante.fr.",
    "Avec toute mon attention,",
    "Votre conseiller Mon espace santé",
    "Document fictif produit par un simulateur de formation — sans valeur",
]


def person(
    first_name: str = "Martine Julie",
    last_name: str = "Leguellec",
    nir: str = "116304403801618",
) -> Person:
    return Person(
        id=1,
        household_id=1,
        nir=nir,
        first_name=first_name,
        last_name=last_name,
        birth_date=datetime.date(1963, 4, 12),
        email=None,
        mobile=None,
        status=ProfileStatus.OPPOSED,
        status_date=DECIDED_ON,
    )


@pytest.fixture(scope="module")
def cert() -> Certificate:
    return opposition_certificate(person(), DECIDED_ON)


def pdf_text(pdf: bytes) -> str:
    """The page's text as pypdf extracts it, whitespace (and wrapped lines) made single spaces."""
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join("".join(page.extract_text() for page in reader.pages).split())


def flat(line: str) -> str:
    return " ".join(line.split())


def test_one_a4_portrait_page(cert: Certificate) -> None:
    reader = PdfReader(io.BytesIO(cert.pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == (595.28, 841.89)


def test_every_line_of_the_guide_is_in_the_pdf_with_its_accents(cert: Certificate) -> None:
    text = pdf_text(cert.pdf)
    for line in EXPECTED_LINES:
        assert flat(line) in text, line
    for fragment in ("Numéro", "assuré", "à la création", "santé", "décision", "—"):
        assert fragment in text
    assert "1 16 30 44 038 016 18" in text


def test_the_page_uses_the_shipped_unicode_font(cert: Certificate) -> None:
    fonts = data_dir() / "fonts"
    assert (fonts / "DejaVuSans-Latin.ttf").is_file()
    assert (fonts / "DejaVuSans-Bold-Latin.ttf").is_file()
    assert "Bitstream" in (fonts / "LICENSE-DejaVu.txt").read_text("utf-8")
    assert b"DejaVuSans" in cert.pdf
    assert b"/Helvetica" not in cert.pdf


def test_the_pdf_says_it_is_fictitious(cert: Certificate) -> None:
    reader = PdfReader(io.BytesIO(cert.pdf))
    assert reader.metadata is not None
    assert reader.metadata.title == "Votre justificatif d'opposition"
    assert "fictif" in (reader.metadata.subject or "")
    assert "Document fictif" in pdf_text(cert.pdf)


def test_the_text_version_has_the_same_lines(cert: Certificate) -> None:
    assert [line for line in cert.text.splitlines() if line] == EXPECTED_LINES
    assert cert.text.endswith("\n")
    assert cert.text.startswith("Page 1/1\n\nNuméro de l'assuré : ")
    assert "\n\nAvec toute mon attention,\nVotre conseiller Mon espace santé\n\n" in cert.text


def test_same_input_same_bytes_and_a_new_date_changes_them(cert: Certificate) -> None:
    again = opposition_certificate(person(), DECIDED_ON)
    assert again == cert
    later = opposition_certificate(person(), DECIDED_ON + datetime.timedelta(days=1))
    assert later.pdf != cert.pdf
    assert "29/09/2021" in pdf_text(later.pdf)
    other = opposition_certificate(person(first_name="Martine"), DECIDED_ON)
    assert other.pdf != cert.pdf


_BUILD = """
import datetime, hashlib
from mes_sante_tui.core.certificate import opposition_certificate
from mes_sante_tui.core.models import Person, ProfileStatus
p = Person(id=1, household_id=1, nir="116304403801618", first_name="Martine Julie",
           last_name="Leguellec", birth_date=datetime.date(1963, 4, 12), email=None,
           mobile=None, status=ProfileStatus.OPPOSED, status_date=datetime.date(2021, 9, 28))
print(hashlib.sha256(opposition_certificate(p, datetime.date(2021, 9, 28)).pdf).hexdigest())
"""


def test_same_bytes_in_another_process_and_hash_seed(cert: Certificate) -> None:
    import hashlib

    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONHASHSEED"] = "12345"
    env["TZ"] = "Pacific/Auckland"
    done = subprocess.run(
        [sys.executable, "-c", _BUILD], capture_output=True, text=True, env=env, cwd=REPO,
        timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == hashlib.sha256(cert.pdf).hexdigest()


def test_corsican_number_is_grouped_as_on_the_card() -> None:
    built = opposition_certificate(person(nir=CORSICA_2A), DECIDED_ON)
    assert "Numéro de l'assuré : 2 90 05 2A 004 123 52" in built.text
    assert "Numéro de l'assuré : 2 90 05 2A 004 123 52" in pdf_text(built.pdf)


@pytest.mark.parametrize(
    ("first", "last", "name_line", "greeting", "stem"),
    [
        (
            "Jean-Jacques", "Capanelli", "Nom de l'assuré : CAPANELLI Jean-Jacques",
            "Bonjour Jean-Jacques Capanelli,",
            "justificatif-opposition-capanelli-jean-jacques-2021-09-28",
        ),
        (
            "Élodie", "Œuvray", "Nom de l'assuré : ŒUVRAY Élodie", "Bonjour Élodie Œuvray,",
            "justificatif-opposition-oeuvray-elodie-2021-09-28",
        ),
        (
            "Anaïs Noëlle", "D'Ortoli-Ferré", "Nom de l'assuré : D'ORTOLI-FERRÉ Anaïs Noëlle",
            "Bonjour Anaïs Noëlle D'Ortoli-Ferré,",
            "justificatif-opposition-d-ortoli-ferre-anais-noelle-2021-09-28",
        ),
    ],
)
def test_names_with_accents_and_hyphens_render(
    first: str, last: str, name_line: str, greeting: str, stem: str
) -> None:
    built = opposition_certificate(person(first_name=first, last_name=last), DECIDED_ON)
    text = pdf_text(built.pdf)
    assert name_line in text
    assert greeting in text
    assert name_line in built.text.splitlines()
    assert greeting in built.text.splitlines()
    assert built.filename_stem == stem


def test_a_very_long_name_still_makes_one_page() -> None:
    long_first = " ".join(["Marie-Christine-Élisabeth"] * 8)
    built = opposition_certificate(person(first_name=long_first), DECIDED_ON)
    assert len(PdfReader(io.BytesIO(built.pdf)).pages) == 1
    assert "Document fictif" in pdf_text(built.pdf)


def test_a_decomposed_name_prints_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Élodie")
    assert decomposed != "Élodie"
    built = opposition_certificate(person(first_name=decomposed, last_name="Œuvray"), DECIDED_ON)
    assert "Bonjour Élodie Œuvray," in built.text.splitlines()
    assert "Bonjour Élodie Œuvray," in pdf_text(built.pdf)


@pytest.mark.parametrize(
    ("first", "last"),
    [("Martine Julie", "Leguellec"), ("Élodie", "Œuvray"), ("Zoë", "Straße"), ("", "")],
)
def test_the_filename_stem_is_lowercase_ascii(first: str, last: str) -> None:
    stem = opposition_certificate(person(first_name=first, last_name=last), DECIDED_ON)
    name = stem.filename_stem
    assert name.isascii()
    assert name == name.lower()
    assert name.startswith("justificatif-opposition-")
    assert name.endswith("-2021-09-28")
    assert all(c.isalnum() or c == "-" for c in name)
    assert "--" not in name


def test_save_writes_both_files_atomically(cert: Certificate, tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "folder"
    pdf_path, txt_path = save_certificate(cert, folder)
    assert pdf_path == folder / f"{cert.filename_stem}.pdf"
    assert txt_path == folder / f"{cert.filename_stem}.txt"
    assert pdf_path.read_bytes() == cert.pdf
    assert txt_path.read_text("utf-8") == cert.text
    assert sorted(p.name for p in folder.iterdir()) == sorted([pdf_path.name, txt_path.name])
    # Saving again replaces the files, still without leftovers.
    save_certificate(cert, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted([pdf_path.name, txt_path.name])


def test_save_failure_raises_oserror_and_leaves_no_temp_file(
    cert: Certificate, tmp_path: Path
) -> None:
    # The PDF's name is taken by a folder: the rename fails after the temp files exist.
    (tmp_path / f"{cert.filename_stem}.pdf").mkdir()
    with pytest.raises(OSError):
        save_certificate(cert, tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [f"{cert.filename_stem}.pdf"]
    # The folder cannot be created: a file stands in its way.
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    with pytest.raises(OSError):
        save_certificate(cert, blocker / "sub")


def test_default_folder_is_documents_else_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(documents))
    assert default_certificate_folder() == documents / "mes_sante_tui"

    home = tmp_path / "home"
    monkeypatch.setattr(platformdirs, "user_documents_dir", lambda: str(tmp_path / "none"))
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    assert default_certificate_folder() == home / "mes_sante_tui"


_LAZY = """
import sys
import mes_sante_tui.core.certificate
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("fpdf", "fontTools", "PIL"))
print(",".join(heavy))
"""


def test_fpdf_is_loaded_only_when_a_certificate_is_built() -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, "-c", _LAZY], capture_output=True, text=True, env=env, cwd=REPO,
        timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
