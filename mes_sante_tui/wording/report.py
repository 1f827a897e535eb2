"""Wording of the trainer's session and class reports (PDF and CSV). The journal's codes in
words (steps, reasons, fields, channels, faults, times) are in journal.py, shared with the
`journal` command and the app's timeline.
"""

TEXTS: dict[str, str] = {
    # The PDF.
    "report.pdf.creator": "mes_sante_tui — rapport de formation",
    "report.title.session": "Rapport de séance",
    "report.title.trainee": "Rapport du stagiaire",
    "report.title.class": "Rapport de la classe",
    "report.subtitle": "Simulateur « Mon espace santé » — données fictives",
    "report.trainee": "Stagiaire : {name}",
    "report.scenario": "Scénario : {name}",
    "report.no_scenario": "sans scénario",
    "report.goal": "But : {goal}",
    "report.goal.reached": "but atteint",
    "report.goal.missed": "but non atteint",
    "report.goal.result": "Résultat : {result}",
    "report.col.goal": "But",
    "report.col.goal.reached": "atteint",
    "report.col.goal.missed": "non atteint",
    "report.no_trainee": "stagiaire sans nom",
    "report.session": "Séance {id}",
    "report.session.when": "Du {start} au {end} ({duration})",
    "report.outcome": "Issue : {outcome}",
    "report.outcome.none": "démarche inachevée",
    "report.counts": "{steps}, {refusals}, {faults}",
    "report.count.steps.one": "{n} étape",
    "report.count.steps.other": "{n} étapes",
    "report.count.refusals.one": "{n} refus",
    "report.count.refusals.other": "{n} refus",
    "report.count.faults.one": "{n} panne injectée",
    "report.count.faults.other": "{n} pannes injectées",
    "report.chart.session": "Temps passé par étape",
    "report.chart.class": "Temps moyen passé par étape (toute la classe)",
    "report.chart.empty": "Aucune étape enregistrée.",
    "report.time_note": (
        "Temps passé sur une étape : le temps écoulé depuis la ligne précédente du journal de "
        "la même séance (la première ligne d'une séance n'en a pas)."
    ),
    "report.fault_note": (
        "Les refus dus à une panne injectée par le formateur sont marqués « panne injectée » "
        "et ne sont pas comptés comme des difficultés du stagiaire."
    ),
    "report.col.number": "N°",
    "report.col.time": "Heure",
    "report.col.step": "Étape",
    "report.col.result": "Résultat",
    "report.col.spent": "Temps passé",
    "report.col.scenario": "Scénario",
    "report.col.trainee": "Stagiaire",
    "report.col.sessions": "Séances",
    "report.col.steps": "Étapes",
    "report.col.refusals": "Refus",
    "report.col.faults": "Pannes",
    "report.col.outcome": "Issue",
    "report.col.duration": "Durée",
    "report.col.refused_by": "Stagiaires refusés",
    "report.col.slow_by": "Stagiaires lents",
    "report.col.mean": "Temps moyen",
    "report.class.table": "Les stagiaires, par scénario",
    "report.class.hard": "Les étapes où la classe a bloqué",
    "report.class.hard_note": (
        "Une étape bloque quand des stagiaires y sont refusés (hors pannes injectées) ou lents "
        "(plus du double du temps médian de la classe sur cette étape, et plus d'une minute)."
    ),
    "report.class.hard_none": "Aucune étape n'a bloqué la classe.",
    "report.class.empty": "Aucune séance enregistrée dans ce dossier.",
    "report.class.counts": "{trainees}, {sessions}",
    "report.count.trainees.one": "{n} stagiaire",
    "report.count.trainees.other": "{n} stagiaires",
    "report.count.sessions.one": "{n} séance",
    "report.count.sessions.other": "{n} séances",
    "report.class.of": "{n} sur {total}",
    "report.page": "Page {page}/{pages}",
    "report.footer": "Document de formation produit par un simulateur — données fictives",
    # The CSV's header (one row per journal entry).
    "report.csv.trainee": "stagiaire",
    "report.csv.scenario": "scenario",
    "report.csv.goal": "but",
    "report.csv.goal_reached": "but_atteint",
    "report.csv.session": "seance",
    "report.csv.number": "numero",
    "report.csv.at": "horodatage",
    "report.csv.step_code": "etape_code",
    "report.csv.step": "etape",
    "report.csv.accepted": "accepte",
    "report.csv.reason_code": "motif_code",
    "report.csv.reason": "motif",
    "report.csv.spent": "temps_passe_s",
    "report.csv.fault": "panne_injectee",
    "report.csv.yes": "oui",
    "report.csv.no": "non",
    # The command line.
    "cli.help.rapport": (
        "le rapport d'une séance, d'un stagiaire (la base --db) ou d'une classe (--dossier), "
        "en PDF ou en CSV"
    ),
    "cli.help.rapport_session": "l'identifiant de la séance (voir la colonne « seance » du CSV)",
    "cli.help.rapport_dossier": "le dossier d'une classe (une base par stagiaire)",
    "cli.help.rapport_format": "pdf ou csv",
    "cli.help.sortie": "le fichier à écrire",
    "cli.rapport.no_session": "aucune séance « {id} » dans le journal de {path}.",
    "cli.rapport.no_folder": "le dossier {path} n'existe pas.",
    "cli.rapport.no_store": "aucune base {path} : indiquez celle du stagiaire avec --db.",
    "cli.rapport.written": "Rapport écrit : {path}",
    "cli.output.failed": "impossible d'écrire {path} ({why}).",
}
