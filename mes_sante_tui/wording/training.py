"""Wording of a trainer's tools: the training scenarios and the service's unpublished figures
(`mes-sante-tui scenarios`, `--scenario`, `reglages`, the picker and the settings screen)."""

TEXTS: dict[str, str] = {
    # --- The service's unpublished figures (core/settings.py) ---
    "figure.validite-code": "Validité d'un code régénéré",
    "figure.essais": "Essais erronés avant une attente",
    "figure.session": "Durée de la session sans activité",
    "figure.avertissement": "Avertissement avant la fin de la session",
    "figure.validite-code.hint": "Ex. : 7j, 48h, 30m (de 1 minute à 6 semaines)",
    "figure.essais.hint": "Un nombre, de 1 à 20 (codes, recherches et connexion)",
    "figure.session.hint": "Ex. : 15m, 1h (de 2 minutes à 4 heures)",
    "figure.avertissement.hint": "Ex. : 2m, 30s (avant la fin de la session)",
    "figure.attempt.one": "{n} essai",
    "figure.attempt.other": "{n} essais",
    "figure.unknown": (
        "Réglage « {name} » inconnu. Réglages possibles : {names}."
    ),
    "figure.bad_duration": (
        "« {value} » n'est pas une durée pour le réglage {name} : saisir un nombre suivi "
        "d'une unité (s, m, h, j, sem), par exemple 20m ou 7j."
    ),
    "figure.bad_number": (
        "« {value} » n'est pas un nombre pour le réglage {name} : saisir un nombre entier, "
        "par exemple 5."
    ),
    "figure.out_of_bounds": (
        "« {value} » est hors des limites du réglage {name} : saisir une valeur entre "
        "{least} et {most}."
    ),
    "figure.warning_too_long": (
        "L'avertissement ({warning}) doit venir avant la fin de la session ({session}) : "
        "raccourcir l'avertissement ou allonger la session."
    ),
    "figure.default": "par défaut",
    "figure.changed": "modifié",
    # --- Scenarios (core/scenarios.py) ---
    "scenario.level.débutant": "Débutant",
    "scenario.level.confirmé": "Confirmé",
    "scenario.unknown": (
        "Scénario « {name} » inconnu. Scénarios : {names} (voir mes-sante-tui scenarios)."
    ),
    "scenario.trainee_too_long": "Le nom du stagiaire doit tenir en {most} caractères.",
    "scenario.error": "Scénario « {name} » : {problem}",
    "scenario.error.file": (
        "le fichier des scénarios doit contenir une liste « scenarios »."
    ),
    "scenario.error.entry": "l'entrée n° {index} du fichier des scénarios n'est pas un scénario.",
    "scenario.error.name": (
        "l'entrée n° {index} du fichier des scénarios n'a pas de nom valable "
        "(lettres minuscules, chiffres et tirets)."
    ),
    "scenario.error.twice": "Le scénario « {name} » est défini deux fois.",
    "scenario.error.missing": "le champ « {field} » manque ou est vide.",
    "scenario.error.choice": (
        "« {value} » n'est pas une valeur possible du champ « {field} » ({choices})."
    ),
    "scenario.error.persona": "persona « {value} » inconnue (personas : {known}).",
    "scenario.error.traps": "« traps » doit être une liste de phrases.",
    "scenario.error.clock": (
        "« clock » ne peut contenir que « date » (AAAA-MM-JJTHH:MM) et « advance » (ex. +6w)."
    ),
    "scenario.error.date": "la date « {value} » de l'horloge n'est pas au format AAAA-MM-JJTHH:MM.",
    "scenario.error.advance": (
        "« {value} » n'est pas une avance de l'horloge (un + , un nombre et une unité : +6w, "
        "+3d, +2h)."
    ),
    "scenario.error.settings": "« settings » doit associer un réglage à sa valeur.",
    "scenario.error.figure": "{message}",
    "scenario.error.faults": (
        "« faults » doit être une liste de pannes, chacune avec « name » et « once » "
        "(vrai ou faux)."
    ),
    "scenario.error.fault": "panne « {value} » inconnue (pannes : {known}).",
    "scenario.error.wrong_entries": "« wrong_entries » doit être un nombre entre 0 et 20.",
    "scenario.error.lost_code": "« lost_code » doit valoir true ou false.",
    "scenario.error.seeded": "sa persona n'est pas dans la population.",
    "scenario.error.expected": (
        "« expected » doit donner « accepted » (true ou false), « reason » (une raison du "
        "journal ou une liste de raisons) et, s'il y a lieu, « step » (une étape du journal)."
    ),
    # --- The command line ---
    "cli.help.scenarios": "les scénarios de formation",
    "cli.help.scenario": (
        "ouvrir l'application sur un scénario de formation, dans une base neuve créée dans "
        "le dossier « formation » à côté de la base (voir mes-sante-tui scenarios)"
    ),
    "cli.help.stagiaire": "le nom du stagiaire, noté dans le journal (avec --scenario)",
    "cli.help.reglages": (
        "les réglages non publiés du service ; « reglages NOM VALEUR » en change un "
        "(ex. reglages essais 3, reglages session 20m)"
    ),
    "cli.help.reglage_name": "le réglage à changer : validite-code, essais, session, avertissement",
    "cli.help.reglage_value": "sa nouvelle valeur (ex. 3, 20m, 7j)",
    "cli.help.defaut": "remettre tous les réglages à leur valeur par défaut",
    "cli.scenarios.name": "Nom",
    "cli.scenarios.level": "Niveau",
    "cli.scenarios.goal": "But",
    "cli.scenarios.variant": "Parcours",
    "cli.scenarios.title": "Scénarios de formation",
    "cli.scenarios.hint": "Lancer un scénario : mes-sante-tui --scenario NOM [--stagiaire NOM]",
    "cli.reglages.title": "Réglages du service (valeurs non publiées)",
    "cli.reglages.name": "Nom",
    "cli.reglages.what": "Réglage",
    "cli.reglages.value": "Valeur",
    "cli.reglages.state": "État",
    "cli.reglages.hint": (
        "Changer : mes-sante-tui reglages NOM VALEUR · tout remettre : "
        "mes-sante-tui reglages --defaut"
    ),
    "cli.reglages.value_missing": (
        "il manque la valeur du réglage « {name} » : mes-sante-tui reglages {name} VALEUR"
    ),
    "cli.reglages.defaut_alone": (
        "--defaut remet tous les réglages : ne pas donner de réglage avec."
    ),
    "cli.reglages.done": "Réglage « {name} » : {value}.",
    "cli.reglages.restored": "Tous les réglages sont revenus à leur valeur par défaut.",
    "cli.scenario.no_command": (
        "--scenario ouvre l'application sur le scénario : ne pas donner de commande avec"
    ),
    "cli.scenario.store": "Base de cette séance de formation : {path}",
    # --- In the application ---
    "home.scenarios": "Scénarios de formation",
    "training.banner.title": "Scénario de formation : {title} ({level})",
    "training.banner.goal": "But : {goal}",
    "training.banner.trainee": "Stagiaire : {trainee}",
    "training.banner.store": "Base de cette séance : {path}",
    "training.help.title": "Scénario « {title} » ({level})",
    "training.help.goal": "But : {goal}",
    "training.persona": (
        "Persona : {name}, née ou né le {birth} ; NIR {nir} ; carte Vitale {card}."
    ),
    "training.persona.child": (
        "Persona : {name}, née ou né le {birth}, sur la carte de {holder} : NIR {nir} ; "
        "carte Vitale {card}."
    ),
    "training.help.trap": "Piège : {trap}",
    "picker.title": "Scénarios de formation",
    "picker.lead": (
        "Choisissez un cas avec les flèches, puis Entrée : une base neuve est préparée pour "
        "cette séance dans {folder} (les autres séances ne sont pas touchées)."
    ),
    "picker.item": "{title} · {level} · {variant}",
    "picker.goal": "{goal}",
    "picker.cancel.tip": "Revenir à l'accueil sans lancer de scénario (Échap)",
    "picker.failed": "Le scénario n'a pas pu être préparé : {message}",
    "settings.figures": "Valeurs non publiées du service",
    "settings.figures.hint": (
        "Gardées dans la base : elles valent aussi pour « mes-sante-tui reglages »."
    ),
}
