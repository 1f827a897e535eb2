"""A trainer's faults on demand and the journal read back: the words of the panel and of the
`panne` and `journal` commands (the journal's steps and reasons in words are in journal.py)."""

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

# The faults a trainer can inject, by their name on the command line.
TEXTS.update({
    "fault.code-expire": "Code provisoire expiré : un code juste est refusé comme expiré",
    "fault.code-utilise": "Code provisoire déjà utilisé : un code juste est refusé comme utilisé",
    "fault.delai-30s": "Délai de 30 secondes : un nouveau code demandé est refusé",
    "fault.session-expiree": "Session expirée : l'étape suivante dit que la session a expiré",
    "fault.contacts-introuvables": (
        "Coordonnées introuvables : le nouveau code ne peut partir que par courrier"
    ),
    "fault.service-indisponible": "Service momentanément indisponible, à chaque étape",
    "fault.code-non-recu": (
        "Code non reçu : le code est annoncé envoyé mais n'arrive pas ; il faut « Envoyer à "
        "nouveau »"
    ),
    "fault.once": "pour le prochain appel",
    "fault.until_removed": "jusqu'à retrait",
    "fault.off": "inactive",
    "fault.injected": "panne injectée",
    # --- `mes-sante-tui panne` ---
    "cli.help.panne": "affiche, injecte ou retire une panne (formation)",
    "cli.help.panne_name": "la panne à injecter : {names}",
    "cli.help.aucune": "retire toutes les pannes",
    "cli.help.une_fois": "pour le prochain appel seulement (sinon jusqu'à retrait)",
    "cli.panne.unknown": "panne inconnue « {name} » ; pannes possibles : {names}",
    "cli.panne.in_force": "Pannes en cours",
    "cli.panne.none_in_force": "Aucune panne en cours.",
    "cli.panne.available": "Pannes disponibles",
    "cli.panne.name": "Panne",
    "cli.panne.what": "Ce qu'elle fait",
    "cli.panne.state": "État",
    "cli.panne.since": "Depuis",
    "cli.panne.injected": "Panne « {name} » injectée, {how}.",
    "cli.panne.removed": "{n} panne(s) retirée(s).",
    # --- `mes-sante-tui journal` ---
    "cli.help.journal": "le journal d'une session (par défaut la dernière)",
    "cli.help.session": "l'identifiant de la session (voir la colonne Session)",
    "cli.journal.empty": "Le journal est vide : aucune session n'a encore eu lieu.",
    "cli.journal.unknown": "aucune session « {session} » dans le journal",
    "cli.journal.title": "Journal de la session {session}",
    "cli.journal.who": "Stagiaire : {trainee} · Scénario : {scenario}",
    "cli.journal.nobody": "non renseigné",
    "cli.journal.time": "Heure",
    "cli.journal.step": "Étape",
    "cli.journal.result": "Résultat",
    "cli.journal.reason": "Pourquoi",
    "cli.journal.spent": "Temps passé",
    "cli.journal.fault": "Panne",
})

# The trainer's panel in the application (F6) and the session's journal.
TEXTS.update({
    "key.trainer": "Formateur",
    "key.trainer.tip": "Les pannes à injecter et le journal de la session (F6)",
    "help.keys.binding.trainer": (
        "F6 : formateur — pannes à la demande et journal de la session (F7)"
    ),
    "key.journal": "Journal",
    "key.journal.tip": "Le journal de la session en cours (F7)",
    "trainer.title": "Formateur : pannes à la demande",
    "trainer.intro": (
        "Choisissez une panne pour l'injecter (pour le prochain appel ou jusqu'à retrait) ou "
        "la retirer. Chaque panne qui se produit est notée « panne injectée » au journal."
    ),
    "trainer.fault": "[{state}] {name} — {what}",
    "trainer.journal": "Journal de la session",
    "trainer.remove_all": "Retirer toutes les pannes",
    "trainer.close": "Fermer",
    "trainer.cancel": "Annuler",
    "trainer.remove": "Retirer la panne",
    "trainer.inject_once": "Pour le prochain appel",
    "trainer.inject_until_removed": "Jusqu'à retrait",
    "trainer.confirm.inject": "Injecter la panne « {name} » ?",
    "trainer.confirm.remove": "Retirer la panne « {name} » ?",
    "trainer.journal.title": "Journal de la session {session}",
    "trainer.journal.title_none": "Journal de la session",
    "trainer.journal.entry": "{at} · {step} · {result} · temps passé : {spent}",
    "trainer.journal.fault": "  ⚠ Panne injectée par le formateur : {name}",
})
