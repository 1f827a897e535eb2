"""Wording of the classroom (`classe`: the app served to browsers) and of the persona sheets
(`fiches`)."""

TEXTS: dict[str, str] = {
    "classroom.trainee": "Stagiaire {n:02d}",
    # The command line.
    "cli.help.classe": (
        "servir l'application aux navigateurs d'une salle de formation (textual-serve) : chaque "
        "connexion est un stagiaire, avec sa propre copie des données"
    ),
    "cli.help.port": "le port où écouter (8000 par défaut)",
    "cli.help.hote": (
        "l'adresse où écouter (127.0.0.1 par défaut : cette machine seulement ; 0.0.0.0 pour "
        "toute la salle)"
    ),
    "cli.help.classe_dossier": (
        "le dossier de la classe : les données initiales (modele.db) et un magasin par "
        "stagiaire (par défaut, « classe » dans le dossier de données de l'utilisateur)"
    ),
    "cli.arg.port": "un port est un nombre de 1 à 65535",
    "cli.classe.ready": (
        "La classe est ouverte : ouvrez {url} dans le navigateur de chaque stagiaire.\n"
        "Dossier de la classe : {folder} (un magasin par stagiaire).\n"
        "Fiches des personas de cette classe : mes-sante-tui fiches --db {model} --sortie "
        "fiches.pdf\n"
        "Ctrl+C arrête la classe."
    ),
    "cli.classe.stopped": "Classe arrêtée. Rapport : mes-sante-tui rapport --dossier {folder} "
    "--format pdf --sortie rapport.pdf",
    "cli.classe.busy": (
        "impossible d'écouter sur {host}:{port} ({why}). Choisissez un autre port avec --port."
    ),
    "cli.classe.missing": (
        "textual-serve n'est pas installé : pip install textual-serve (voir le README)."
    ),
    "cli.classe.trainee_failed": "impossible de préparer le magasin du stagiaire : {why}",
    # The page the browsers load.
    "classroom.page.title": "Mon espace santé — simulateur (salle de formation)",
    "classroom.page.intro": "Simulateur « Mon espace santé » — données fictives",
    "classroom.page.start": "Commencer",
    "classroom.page.ended": "Séance terminée.",
    "classroom.page.restart": "Recommencer",
    "classroom.page.noscript": "Cette page a besoin de JavaScript pour afficher le simulateur.",
    # The certificate, delivered to the browser.
    "opposition.done.delivered": (
        "Justificatif envoyé à votre navigateur : {pdf}. S'il ne s'ouvre pas, autorisez les "
        "fenêtres de ce site et appuyez de nouveau sur « Télécharger »."
    ),
    "opposition.done.web_hint": (
        "Le justificatif est téléchargé par votre navigateur, dans son dossier de "
        "téléchargements."
    ),
    # Persona sheets.
    "cli.help.fiches": (
        "les fiches à imprimer des personas : carte Vitale fictive, courrier ou e-mail avec "
        "le code provisoire, coordonnées (PDF, et sa version texte à côté)"
    ),
    "cli.help.fiches_persona": "la clé d'un persona (voir « personas ») ; tous par défaut",
    "cli.help.fiches_sortie": "le fichier PDF à écrire (la version texte prend le nom en .txt)",
    "cli.fiches.unknown": "aucun persona « {key} » dans {path} (voir mes-sante-tui personas).",
    "cli.fiches.written": "Fiches écrites : {pdf} et {txt} ({count} personas).",
}
