"""The certificate built in a child process (so that fpdf2 never loads in the application) is
the one built in process, byte for byte; a child that fails leaves the person a certificate."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

from mes_sante_tui.core.certificate import opposition_certificate
from mes_sante_tui.core.certificate_worker import CertificateBuilder
from mes_sante_tui.core.models import Person, ProfileStatus

DECIDED_ON = datetime.date(2026, 11, 22)
PERSON = Person(
    id=3, household_id=1, nir="273034410903823", first_name="Élodie", last_name="Œuvray",
    birth_date=datetime.date(1973, 3, 10), email=None, mobile=None, status=ProfileStatus.OPPOSED,
    status_date=DECIDED_ON, parent_id=None,
)


@pytest.mark.certificate_process
def test_the_child_builds_the_same_certificate_and_ends_with_the_builder() -> None:
    builder = CertificateBuilder()
    builder.prepare()
    assert builder.prepared
    built = builder.build(PERSON, DECIDED_ON)
    assert built == opposition_certificate(PERSON, DECIDED_ON)
    child = builder._child
    assert child is not None and child.poll() is None  # still there for another one
    builder.close()
    assert child.poll() is not None and not builder.prepared


def test_a_child_that_fails_still_gives_the_certificate(monkeypatch: pytest.MonkeyPatch) -> None:
    builder = CertificateBuilder()
    # A child that ends at once, answering nothing.
    builder._child = subprocess.Popen(
        [sys.executable, "-c", "pass"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    builder._child.wait()
    monkeypatch.setattr(CertificateBuilder, "prepare", lambda self: None)
    assert builder.build(PERSON, DECIDED_ON) == opposition_certificate(PERSON, DECIDED_ON)
    assert builder._child is None


def test_the_application_does_not_load_the_pdf_library() -> None:
    """The builder's module, imported by the app, does not import fpdf2 (nor does the
    certificate's module: its import is in the function that draws the page)."""
    probe = (
        "import sys\n"
        "import mes_sante_tui.core.certificate_worker\n"
        "print('fpdf' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"
