"""The faults a trainer can inject, by their names on the command line.

Apart from `core/faults.py` (how each one acts) so that the command line's parser knows the
names without loading the engine's answers (start-up time).
"""

from __future__ import annotations

from enum import StrEnum


class Fault(StrEnum):
    """Each fault, by its name on the command line."""

    CODE_EXPIRED = "code-expire"
    CODE_USED = "code-utilise"
    DELAY_30S = "delai-30s"
    SESSION_EXPIRED = "session-expiree"
    CONTACTS_NOT_FOUND = "contacts-introuvables"
    SERVICE_UNAVAILABLE = "service-indisponible"
    CODE_NOT_RECEIVED = "code-non-recu"
