"""The opposition certificate built in a process of its own.

fpdf2 and fontTools weigh about 40 MB once loaded, more than the application's budget has
left (PRODUCT.md, "Targets": 80 MB at every moment). So the application never imports them:
`CertificateBuilder.prepare` starts this module as a child process (`python -m
mes_sante_tui.core.certificate_worker`) while the person reads the confirmation of their
opposition; the child loads the PDF library and its fonts, then waits. `build` sends it the
person, one JSON line, and reads the certificate back, in warm-call time. The child ends when
the builder is closed, or when the application ends (its standard input closes).

Should the child fail in any way, the certificate is built in the application's process as
before: slower and heavier, but the person gets it.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import datetime
import json
import subprocess
import sys
import threading
from typing import IO, Any

from .certificate import Certificate, opposition_certificate
from .models import Person, ProfileStatus

# How long `build` waits for the child (it includes loading the library when the person did
# not leave it time to): past it, the certificate is built here.
REPLY_TIMEOUT_S = 20.0


def _person_to_json(person: Person) -> dict[str, Any]:
    data = dataclasses.asdict(person)
    data["birth_date"] = person.birth_date.isoformat()
    data["status_date"] = person.status_date.isoformat() if person.status_date else None
    data["status"] = person.status.value
    return data


def _person_from_json(data: dict[str, Any]) -> Person:
    fields = dict(data)
    fields["birth_date"] = datetime.date.fromisoformat(data["birth_date"])
    if data["status_date"] is not None:
        fields["status_date"] = datetime.date.fromisoformat(data["status_date"])
    fields["status"] = ProfileStatus(data["status"])
    return Person(**fields)


class CertificateBuilder:
    """One child process that builds certificates; see the module's doc."""

    def __init__(self) -> None:
        self._child: subprocess.Popen[bytes] | None = None
        # `prepare` runs in a worker thread while `build` may be called from the screen.
        self._lock = threading.RLock()

    @property
    def prepared(self) -> bool:
        return self._child is not None and self._child.poll() is None

    def prepare(self) -> None:
        """Start the child, which loads the PDF library and waits (meant for a worker thread:
        starting a process takes a few milliseconds)."""
        with self._lock:
            if self.prepared:
                return
            self.close()
            try:
                self._child = subprocess.Popen(
                    [sys.executable, "-m", "mes_sante_tui.core.certificate_worker"],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                )
            except OSError:
                self._child = None

    def build(self, person: Person, decided_on: datetime.date) -> Certificate:
        """The certificate, from the child (started now if it was not), or built here."""
        with self._lock:
            return self._build(person, decided_on)

    def _build(self, person: Person, decided_on: datetime.date) -> Certificate:
        self.prepare()
        child = self._child
        if child is not None and child.stdin is not None and child.stdout is not None:
            request = {"person": _person_to_json(person), "decided_on": decided_on.isoformat()}
            try:
                child.stdin.write(json.dumps(request).encode() + b"\n")
                child.stdin.flush()
                reply = _read_line(child.stdout, REPLY_TIMEOUT_S)
                if reply:
                    data = json.loads(reply)
                    return Certificate(
                        pdf=base64.b64decode(data["pdf"]), text=data["text"],
                        filename_stem=data["filename_stem"],
                    )
            except (OSError, ValueError, KeyError):
                pass
            self.close()  # a child that failed once is not asked again
        return opposition_certificate(person, decided_on)

    def close(self) -> None:
        """End the child, if any."""
        with self._lock:
            child, self._child = self._child, None
        if child is None:
            return
        with contextlib.suppress(OSError):
            if child.stdin is not None:
                child.stdin.close()
        try:
            child.wait(timeout=2)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()


def _read_line(stream: IO[bytes], timeout: float) -> bytes:
    """One line from the child, or b"" when none comes within `timeout` seconds."""
    import select

    ready, _, _ = select.select([stream], [], [], timeout)
    return stream.readline() if ready else b""


def serve() -> None:
    """The child: load the library and the fonts, then answer each request line."""
    from .certificate import preload_pdf_engine

    preload_pdf_engine()
    for line in sys.stdin.buffer:
        request = json.loads(line)
        cert = opposition_certificate(
            _person_from_json(request["person"]),
            datetime.date.fromisoformat(request["decided_on"]),
        )
        reply = {
            "pdf": base64.b64encode(cert.pdf).decode("ascii"), "text": cert.text,
            "filename_stem": cert.filename_stem,
        }
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    serve()
