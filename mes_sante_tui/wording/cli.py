"""Wording of the command line (`mes-sante-tui`), and the profile statuses in words.

The status labels ("status.*") are shared: the screens show the same words as the command
line. Their placeholders are dates already formatted JJ/MM/AAAA.
"""

TEXTS: dict[str, str] = {
    # --- Profile statuses (core.status.status_label) ---
    "status.en_attente": "En attente de décision",
    "status.oppose": "Profil opposé le {date}",
    "status.oppose.sans_date": "Profil opposé",
    "status.cree": "Profil créé automatiquement le {date} (non activé)",
    "status.cree.sans_date": "Profil créé automatiquement (non activé)",
    "status.active": "Profil activé le {date}",
    "status.active.sans_date": "Profil activé",
    "status.cloture": "Profil clôturé le {date}",
    "status.cloture.sans_date": "Profil clôturé",
    "status.supprime": "Données supprimées le {date}",
    "status.supprime.sans_date": "Données supprimées",
    "status.deletion_pending": "{status} · suppression des données demandée, au plus tard le {due}",
    # --- Help (--help) ---
    "cli.description": (
        "Simulateur en terminal du parcours « Mon espace santé » : activer son espace santé, "
        "ou s'opposer à sa création, pour soi et pour les enfants du foyer. Toutes les "
        "données sont fictives ; rien n'est envoyé : les messages arrivent dans une boîte "
        "d'envoi simulée. Sans commande, l'application s'ouvre (la base est créée et "
        "remplie de la population fictive au premier lancement)."
    ),
    "cli.epilog": (
        "Parcours (--parcours) :\n"
        "  code-first      le code provisoire d'abord (service web de 2022, guide 002) :\n"
        "                  « Je m'identifie » avec le code reçu par e-mail ou courrier, le\n"
        "                  numéro de sécurité sociale et la carte Vitale, puis la décision.\n"
        "  identity-first  l'identité d'abord (guide 000) : date de naissance, carte Vitale,\n"
        "                  puis envoi et saisie du code provisoire, activation et compte.\n"
        "\n"
        "Règles (--regles) :\n"
        "  2022            les règles des guides : mot de passe d'au moins 8 caractères\n"
        "                  avec 1 majuscule, 1 minuscule, 1 chiffre et 1 caractère spécial.\n"
        "  2025            les règles du service actuel (par défaut) : les mêmes, avec au\n"
        "                  moins 9 caractères.\n"
        "\n"
        "Couleurs de l'application (--theme) :\n"
        "  standard          les couleurs par défaut.\n"
        "  contraste-sombre  contraste élevé : blanc sur fond noir.\n"
        "  contraste-clair   contraste élevé : noir sur fond blanc.\n"
        "La variable d'environnement NO_COLOR (quelle que soit sa valeur) affiche\n"
        "l'application en niveaux de gris, sans aucune couleur.\n"
        "\n"
        "Base de données : --db CHEMIN, sinon la variable d'environnement MES_SANTE_DB,\n"
        "sinon un fichier dans le dossier de données de l'utilisateur.\n"
        "\n"
        "Les options générales (--db, --json, --parcours, --regles) se placent avant ou\n"
        "après la commande.\n"
        "\n"
        "Exemples :\n"
        "  mes-sante-tui --parcours identity-first\n"
        "  mes-sante-tui personas --filtre leguellec --limit 3\n"
        "  mes-sante-tui outbox --limit 5\n"
        '  mes-sante-tui status "2 73 03 44 109 038 23" --json\n'
        "  mes-sante-tui reset --oui\n"
        "  mes-sante-tui reset --oui --taille 1000000"
    ),
    "cli.usage_prefix": "Utilisation : ",
    "cli.group.commands": "commandes",
    "cli.group.global": "options générales",
    "cli.group.options": "options",
    "cli.group.arguments": "arguments",
    "cli.metavar.command": "COMMANDE",
    "cli.help.help": "afficher cette aide et quitter",
    "cli.help.version": "afficher la version et quitter",
    "cli.help.db": (
        "fichier de la base (sinon MES_SANTE_DB, sinon le dossier de données de l'utilisateur)"
    ),
    "cli.help.parcours": "ordre du parcours : code-first ou identity-first",
    "cli.help.regles": "version des règles du mot de passe : 2022 ou 2025",
    "cli.help.accessible": (
        "mode accessible, ligne à ligne, pour lecteur d'écran et plage braille (aussi : "
        "MES_SANTE_ACCESSIBLE=1) ; les réponses peuvent venir d'un fichier"
    ),
    "cli.help.theme": (
        "couleurs de l'application : standard, contraste-sombre ou contraste-clair "
        "(voir plus bas)"
    ),
    "cli.help.see_below": "{text} (voir plus bas)",
    "cli.help.see_main": "{text} (détails : mes-sante-tui --help)",
    "cli.help.json": "sortie JSON (pour les scripts) au lieu du texte",
    "cli.help.personas": "la population fictive : NIR, naissance, carte Vitale, coordonnées",
    "cli.help.outbox": "les messages envoyés (du plus récent au plus ancien) et leurs codes",
    "cli.help.limit": "afficher au plus N messages",
    "cli.help.personas_limit": "afficher au plus N personnes",
    "cli.help.filtre": (
        "n'afficher que les personnes dont le nom, la clé de persona ou le numéro de sécurité "
        "sociale contient TEXTE (sans tenir compte des majuscules, des accents ni des espaces)"
    ),
    "cli.help.status": "les profils du foyer d'une personne et leurs statuts",
    "cli.help.nir": "numéro de sécurité sociale (espaces permis, entre guillemets)",
    "cli.help.clock": (
        "l'horloge simulée : l'afficher, ou l'avancer (+6w, +3d, +2h, +90m) pour voir la "
        "création automatique à 6 semaines et les suppressions de données"
    ),
    "cli.help.shift": (
        "avance de l'horloge : + suivi d'un nombre et d'une unité (w ou sem : semaines, "
        "d ou j : jours, h : heures, m ou min : minutes), par exemple +6w"
    ),
    "cli.metavar.shift": "DÉCALAGE",
    "cli.shift.backwards": (
        "l'horloge simulée ne recule jamais ({value}) : elle ne fait qu'avancer, par exemple "
        "+6w ; « mes-sante-tui reset » la remet à l'heure du système"
    ),
    "cli.shift.too_far": (
        "décalage trop grand : {value}. L'horloge avance au plus de {days} jours en une fois "
        "({max_days}, ou {max_weeks} en semaines) ; pour aller plus loin, avancez-la en "
        "plusieurs fois"
    ),
    "cli.shift.invalid": (
        "décalage invalide : {value}. Écrire + suivi d'un nombre et d'une unité, par exemple "
        "+6w (6 semaines), +3d (3 jours), +2h ou +90m ; l'horloge ne recule pas "
        "(« reset » la remet à l'heure du système)"
    ),
    "cli.clock.now": "Horloge simulée",
    "cli.clock.ahead": "Avance sur l'horloge du système",
    "cli.clock.offset": "{days} j {hours} h {minutes} min",
    "cli.clock.created": "Profils créés automatiquement",
    "cli.clock.deleted": "Suppressions de données effectuées",
    "cli.progress.catch_up": "Mise à jour des profils",
    "cli.progress.population": "Création de la population",
    "cli.help.seed": "remplir la base avec la population fictive si elle est vide",
    "cli.help.reset": "effacer la base et restaurer les données initiales",
    "cli.help.yes": (
        "ne pas demander de confirmation (pour les scripts ; nécessaire sans terminal pour "
        "mettre de côté une base endommagée)"
    ),
    "cli.help.taille": (
        "ajouter N personnes générées après la population fictive (NIR valides, foyers de 1 "
        "à 5 personnes, sans code provisoire), pour tester les performances"
    ),
    # --- Errors (one line each, on stderr) ---
    "cli.error": "mes-sante-tui : {problem}. Voir mes-sante-tui --help.",
    "cli.failure": "mes-sante-tui : {problem}",
    "cli.arg.required": "argument obligatoire manquant : {names}",
    "cli.arg.unknown": "argument non reconnu : {names}",
    "cli.arg.choice": "valeur {value} non permise pour {option} (choix possibles : {choices})",
    "cli.arg.expected_one": "l'option {option} attend une valeur",
    "cli.arg.invalid": "valeur {value} non valide pour {option}",
    "cli.arg.ambiguous": "option {option} ambiguë (possibilités : {matches})",
    "cli.arg.generic": "{option} : {message}",
    "cli.arg.limit": "la limite doit être un nombre entier supérieur ou égal à 1",
    "cli.arg.filter": "le filtre est vide : écrire une partie du nom, de la clé ou du NIR",
    "cli.no_terminal": (
        "l'application a besoin d'un terminal (l'entrée ou la sortie standard n'en est pas "
        "un) ; dans un script, donnez une commande, par exemple « mes-sante-tui personas », "
        "ou lancez le mode accessible, ligne à ligne : « mes-sante-tui --accessible »"
    ),
    "cli.arg.size": "la taille doit être un nombre entier de 0 à {max}",
    "cli.arg.nir": (
        "numéro de sécurité sociale « {value} » mal formé : 15 caractères attendus (chiffres, "
        "2A ou 2B pour la Corse)"
    ),
    "cli.nir.unknown": (
        "aucune personne avec le numéro de sécurité sociale {nir} dans la base {path}."
    ),
    # --- personas ---
    "cli.personas.nir": "NIR",
    "cli.personas.birth": "Né(e) le",
    "cli.personas.card": "Carte Vitale",
    "cli.personas.email": "E-mail",
    "cli.personas.mobile": "Mobile",
    "cli.personas.status": "Statut",
    "cli.personas.parent": "Rattaché(e) à",
    "cli.personas.account": "Compte",
    "cli.personas.note": "À quoi sert",
    "cli.personas.empty": "La base {path} ne contient aucune personne.",
    "cli.personas.count": "{people} personne(s) dans {households} foyer(s) — base {path}",
    "cli.personas.shown": "{shown} personne(s) affichée(s) sur {total} — base {path}",
    "cli.personas.no_match": "Aucune personne ne correspond à « {filter} » dans la base {path}.",
    "cli.card.sans_photo": "sans photo, n° de série {serial}",
    "cli.card.avec_photo": "avec photo, n° de série {serial}",
    "cli.card.none": "aucune (figure sur la carte de {parent})",
    "cli.card.missing": "aucune",
    "cli.email.none": "Aucune adresse e-mail enregistrée",
    "cli.mobile.none": "Aucun numéro enregistré",
    "cli.deceased": "décédé(e)",
    "cli.not_activable": "non activable : {reason}",
    "cli.account.none": "aucun",
    # --- outbox ---
    "cli.outbox.empty": "La boîte d'envoi est vide.",
    "cli.outbox.count": "{shown} message(s) affiché(s) sur {total} — base {path}",
    "cli.outbox.number": "Message n° {id}",
    "cli.outbox.date": "Date",
    "cli.outbox.channel": "Canal",
    "cli.outbox.sender": "De",
    "cli.outbox.to": "Destinataire (masqué)",
    "cli.outbox.address": "Adresse complète",
    "cli.outbox.person": "Profil concerné",
    "cli.outbox.subject": "Objet",
    "cli.outbox.provisional": "Code provisoire",
    "cli.outbox.otp": "Code à usage unique",
    "cli.outbox.no_code": "aucun",
    "cli.channel.email": "E-mail",
    "cli.channel.sms": "SMS",
    "cli.channel.courrier": "Courrier",
    # --- status ---
    "cli.status.household": "Foyer : {label} ({count} profil(s))",
    "cli.status.name": "Nom",
    "cli.status.nir": "NIR",
    "cli.status.birth": "Né(e) le",
    "cli.status.status": "Statut",
    "cli.status.account": "Compte",
    "cli.status.child": "{name} (enfant)",
    "cli.status.yes": "oui",
    "cli.status.no": "non",
    # --- seed and reset ---
    "cli.seed.done": "Base {path} remplie :",
    "cli.summary.what": "Données",
    "cli.summary.households": "Foyers",
    "cli.summary.people": "Personnes",
    "cli.summary.messages": "Messages d'information",
    "cli.summary.removed": "Avant",
    "cli.summary.restored": "Après",
    "cli.seed.already": (
        "La base {path} contient déjà {people} personne(s) : rien n'a été modifié "
        "(« mes-sante-tui reset » restaure les données initiales)."
    ),
    "cli.reset.confirm": (
        "Effacer toutes les données de la base {path} et restaurer les données initiales ? [o/N] "
    ),
    "cli.population.done": "{people} personne(s) générée(s) en {seconds} s.",
    "cli.reset.damaged_confirm": (
        "La base {path} est endommagée, ou ce n'est pas une base de données. La mettre de côté "
        "(elle est gardée, renommée {path}.endommage-AAAAMMJJ-HHMMSS) et créer une base "
        "neuve ? [o/N] "
    ),
    "cli.reset.damaged_needs_yes": (
        "la base {path} est endommagée, ou ce n'est pas une base de données : pour la mettre "
        "de côté (elle est gardée sous un autre nom) et en créer une neuve, relancez avec "
        "« mes-sante-tui reset --oui »"
    ),
    "cli.reset.moved": "La base endommagée {path} a été mise de côté, sous le nom {moved}.",
    "cli.reset.cancelled": "Réinitialisation annulée : rien n'a été modifié.",
    "cli.reset.done": "Données initiales restaurées dans {path} :",
}
