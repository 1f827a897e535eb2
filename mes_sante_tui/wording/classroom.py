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
        "le dossier de la classe : les données initiales (modele.db) et une base par "
        "stagiaire (par défaut, « classe » à côté de la base, voir --db)"
    ),
    "cli.arg.exclusive": "{option} et {other} ne vont pas ensemble : choisissez l'un des deux",
    "cli.arg.port": "un port est un nombre de 1 à 65535",
    "cli.help.classe_scenario": (
        "chaque stagiaire joue ce scénario (voir mes-sante-tui scenarios) : une base neuve "
        "du scénario par connexion, son but affiché"
    ),
    "cli.help.fiches_scenario": (
        "la fiche du stagiaire de ce scénario : sa persona, avec les codes de ses bases, et "
        "le but (sans les pièges)"
    ),
    "cli.classe.ready": (
        "La classe est ouverte : ouvrez {url} dans le navigateur de chaque stagiaire.\n"
        "Dossier de la classe : {folder} (une base par stagiaire).\n"
        "{sheets}\n"
        "Ctrl+C arrête la classe."
    ),
    "cli.classe.sheets_model": (
        "Fiches des personas de cette classe : mes-sante-tui fiches --db {model} --sortie "
        "fiches.pdf"
    ),
    "cli.classe.sheets_scenario": (
        "Scénario de la classe : {scenario}. Fiche du stagiaire : mes-sante-tui fiches "
        "--scenario {scenario} --sortie fiche.pdf"
    ),
    "cli.classe.stopped": "Classe arrêtée. Rapport : mes-sante-tui rapport --dossier {folder} "
    "--format pdf --sortie rapport.pdf",
    "cli.classe.busy": (
        "impossible d'écouter sur {host}:{port} ({why}). Choisissez un autre port avec --port."
    ),
    "cli.classe.missing": (
        "textual-serve n'est pas installé : pip install textual-serve (voir le README)."
    ),
    "cli.classe.trainee_failed": "impossible de préparer la base du stagiaire : {why}",
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
    "cli.fiches.unknown": "aucun persona « {persona} » dans {path} (voir mes-sante-tui personas).",
    "cli.fiches.written": "Fiches écrites : {pdf} et {txt} ({count} personas).",
    # The sheets themselves (PDF and text).
    "sheet.pdf_title": "Fiches des personas",
    "sheet.pdf_subject": "Fiches à imprimer pour une formation (données fictives)",
    "sheet.kicker": "Simulateur « Mon espace santé » — fiche à remettre au stagiaire",
    "sheet.title": "{name}",
    "sheet.specimen": "SPÉCIMEN — données fictives",
    "sheet.to_scale": "Carte Vitale fictive, à l'échelle (85,6 × 54 mm)",
    "sheet.card_back": "verso (dos de la carte)",
    "sheet.card_front": "recto (face avant)",
    "sheet.no_card": (
        "Pas de carte Vitale à son nom : son profil s'active avec le numéro de sécurité "
        "sociale et la carte de {parent}."
    ),
    "sheet.identity": "Identité",
    "sheet.nir": "Numéro de sécurité sociale : {nir}",
    "sheet.born": "Né(e) le {date}",
    "sheet.card": "Carte Vitale {model}, n° de série {serial}",
    "sheet.child_card": "Carte : celle de {parent}",
    "sheet.model.sans_photo": "sans photo",
    "sheet.model.avec_photo": "avec photo",
    "sheet.contacts": "Coordonnées au dossier",
    "sheet.email": "E-mail : {email}",
    "sheet.mobile": "Mobile : {mobile}",
    "sheet.child_contact": "Aucune à son nom : les messages vont à {parent}.",
    "sheet.no_contact": "Ni e-mail ni mobile : les codes arrivent par courrier.",
    "sheet.message": "Le message reçu, avec le code provisoire",
    "sheet.letter": "Courrier du {date}, à {to}",
    "sheet.email_message": "E-mail du {date}, à {to}",
    "sheet.sender": "De : {sender}",
    "sheet.subject": "Objet : {subject}",
    "sheet.code": "Code provisoire : {code}",
    "sheet.no_message": "Aucun code provisoire n'a été envoyé pour ce profil.",
    "sheet.purpose": "À quoi sert ce persona",
    "sheet.goal": "Votre mission",
    "sheet.scenario": "Scénario : {title}",
    "sheet.no_purpose": "Personne générée, sans rôle particulier.",
}
