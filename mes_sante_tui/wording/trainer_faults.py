"""A trainer's faults on demand and the journal read back: the words of the panel, of the
`panne` and `journal` commands, and of each step and reason of the journal."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- the service down (a trainer's fault) ---
    "service.unavailable": (
        "Service momentanément indisponible. Ce que vous avez saisi est conservé : "
        "réessayez dans quelques minutes."
    ),
    "outcome.service_unavailable.title": "Service momentanément indisponible",
    "outcome.service_unavailable.next": (
        "Rien n'a été enregistré. Revenez à votre saisie, qui est conservée, et réessayez dans "
        "quelques minutes. Si le problème persiste, réessayez plus tard."
    ),
    "outcome.service_unavailable.action.retry": "Revenir à ma saisie",
}
