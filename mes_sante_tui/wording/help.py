"""Wording of the help screens, the reusable widgets and the quit confirmation.

Help texts follow the guides in ../shared/seeds/ word for word where they give them
(« Où trouver mon numéro de sécurité sociale ? », the 3422 line, the visio-interpretation);
the rest says plainly where to look and what to do, in the same register.
"""

from __future__ import annotations

from .rules import PHONE_3422, PRICE_3422

_HOURS = "Service disponible du lundi au vendredi de 8h30 à 17h30."

_CGU = (
    "Ceci est un résumé fictif, rédigé pour ce simulateur de formation. Ce n'est pas le "
    "texte officiel : le texte en vigueur est publié sur monespacesante.fr.",
    "Mon espace santé est un service public gratuit de l'Assurance Maladie et du ministère "
    "chargé de la santé. Il permet de stocker et de partager ses documents et données de "
    "santé en toute confidentialité.",
    "Le service comprend un dossier médical (documents, profil médical : maladies, "
    "traitements, allergies, vaccinations, mesures de santé), une messagerie sécurisée avec "
    "les professionnels de santé, un agenda et un catalogue de services référencés.",
    "L'activation est faite par la personne elle-même ou, pour un enfant, par son "
    "représentant légal. Elle demande un code provisoire, le numéro de sécurité sociale et le "
    "numéro de série de la carte Vitale.",
    "Chaque connexion est protégée par un identifiant et un mot de passe personnels, puis "
    "par un code à usage unique envoyé par e-mail ou par SMS. Ne communiquez jamais votre "
    "mot de passe ni vos codes, même à un conseiller.",
    "Vous décidez de ce que vous ajoutez, masquez ou supprimez. Les professionnels de santé "
    "qui vous prennent en charge peuvent y déposer des documents ; vous pouvez masquer un "
    "document ou bloquer l'accès d'un professionnel.",
    "Sans décision de votre part, Mon espace santé est créé automatiquement 6 semaines après "
    "l'envoi de l'information. Créé ne veut pas dire activé : un code est toujours "
    "nécessaire pour l'utiliser.",
    "Vous pouvez vous opposer à la création de Mon espace santé à tout moment. Si vous "
    "changez d'avis, vous pouvez l'activer plus tard.",
    "Vous pouvez fermer Mon espace santé à tout moment, avec votre mot de passe. Les données "
    "sont alors archivées 10 ans, sauf si vous demandez leur suppression, réalisée dans un "
    "délai de 3 mois.",
    "En cas de difficulté, un conseiller répond au 3422. " + _HOURS,
    "Dans ce simulateur, toutes les données sont fictives et aucun message n'est réellement "
    "envoyé.",
)

_PRIVACY = (
    "Ceci est un résumé fictif, rédigé pour ce simulateur de formation. Ce n'est pas le "
    "texte officiel : le texte en vigueur est publié sur monespacesante.fr.",
    "Responsables du traitement : le ministère chargé de la santé et la Caisse nationale de "
    "l'Assurance Maladie.",
    "Ce que Mon espace santé conserve : votre identité (nom, prénom, date de naissance, "
    "numéro de sécurité sociale), vos coordonnées (adresse e-mail, numéro de mobile), vos "
    "documents et données de santé, et l'historique des accès et des actions.",
    "Les données de santé sont hébergées en France par un hébergeur certifié pour les "
    "données de santé.",
    "Qui peut y accéder : vous-même, le représentant légal d'un enfant, et les "
    "professionnels de santé qui vous prennent en charge, selon les autorisations que vous "
    "donnez. Ni votre employeur, ni votre mutuelle, ni une assurance ne peuvent y accéder.",
    "Chaque accès d'un professionnel de santé est enregistré : vous le retrouvez dans "
    "l'historique de votre profil.",
    "Vos droits : accès, rectification, limitation et effacement de vos données. Pour les "
    "exercer, adressez-vous à votre caisse d'assurance maladie ; vous pouvez aussi saisir la "
    "CNIL.",
    "Opposition : vous pouvez vous opposer à la création de Mon espace santé à tout moment. "
    "Votre décision est enregistrée avec sa date ; vous pouvez revenir dessus en activant "
    "Mon espace santé.",
    "Fermeture : vous pouvez fermer Mon espace santé à tout moment. Les données sont "
    "archivées 10 ans, sauf si vous demandez leur suppression, réalisée dans un délai de "
    "3 mois. Une réouverture restaure les données archivées.",
    "Le profil d'un enfant de moins de 16 ans est géré par le représentant légal auquel il "
    "est rattaché.",
    "Dans ce simulateur, les données sont fictives, conservées uniquement sur cet ordinateur "
    "et jamais transmises.",
)

TEXTS: dict[str, str] = {
    # --- Permanent notice ---
    "widget.notice": "Simulation — données fictives · aucun envoi réel",
    "widget.notice.clock": " · horloge simulée : {when}",
    # --- Stepper ---
    "widget.stepper.heading": "Étape {n} sur {total} : {name}",
    "widget.stepper.legend": "(✓ fait · ● en cours · ○ à faire)",
    # --- Vitale card drawing (all numbers are fictitious) ---
    "widget.card.title.without_photo": "Carte Vitale sans photo — verso (dos de la carte)",
    "widget.card.title.with_photo": "Carte Vitale avec photo — recto (face avant)",
    "widget.card.brand": "carte Vitale",
    "widget.card.photo": "photo",
    "widget.card.chip": "puce",
    "widget.card.holder": "Camille EXEMPLE",
    "widget.card.nir_label": "N° d'immatriculation :",
    "widget.card.signature": "signature",
    "widget.card.back_text": "Assurance Maladie",
    "widget.card.arrow.nir": "◀━ n° de sécu",
    "widget.card.arrow.serial": "◀━ n° de série",
    "widget.card.caption.nir.without_photo": (
        "Où : le numéro de sécurité sociale (15 caractères) est au verso de la carte, sous "
        "« N° d'immatriculation ». Exemple fictif : {nir}."
    ),
    "widget.card.caption.nir.with_photo": (
        "Où : le numéro de sécurité sociale (15 caractères) est sur la face avant, sous le "
        "nom, à droite de la photo. Exemple fictif : {nir}."
    ),
    "widget.card.caption.serial.without_photo": (
        "Où : le numéro de série est au dos, en haut à gauche (8 à 13 chiffres). "
        "Exemple fictif : {serial}."
    ),
    "widget.card.caption.serial.with_photo": (
        "Où : le numéro de série est sur la face avant, en haut à droite. Il commence "
        "toujours par {prefix} : saisissez les 11 chiffres qui suivent, ici {typed}."
    ),
    # --- Password checklist ---
    "widget.password.title": "Votre mot de passe doit contenir :",
    "widget.password.met": "✓ {label} — respecté",
    "widget.password.unmet": "✗ {label} — manquant",
    # --- Simulated outbox ---
    "widget.outbox.heading": "Boîte d'envoi simulée ({count})",
    "widget.outbox.count.one": "1 message",
    "widget.outbox.count.many": "{n} messages",
    "widget.outbox.order": "Le plus récent en premier · aucun envoi réel.",
    "widget.outbox.empty": "Aucun message pour l'instant.",
    "widget.outbox.new": "● Nouveau",
    "widget.outbox.channel.email": "E-mail",
    "widget.outbox.channel.sms": "SMS",
    "widget.outbox.channel.courrier": "Courrier",
    "widget.outbox.when": "{channel} · {date}",
    "widget.outbox.sender": "De : {sender}",
    "widget.outbox.masked": "Destinataire (masqué) : {address}",
    "widget.outbox.full": "Adresse complète : {address}",
    "widget.outbox.subject": "Objet : {subject}",
    # --- Form fields and error summary ---
    "widget.field.required": "(obligatoire)",
    "widget.field.optional": "(facultatif)",
    "widget.field.error": "⚠ Erreur : {message}",
    "widget.errors.one": "⚠ 1 erreur à corriger :",
    "widget.errors.many": "⚠ {n} erreurs à corriger :",
    "widget.errors.item": "• {label} : {message}",
    "widget.errors.message": "⚠ {message}",
    # --- Keys shared by the dialogs ---
    "widget.button.close": "Fermer",
    "widget.key.close": "Fermer",
    "widget.key.close.tooltip": "Fermer cette fenêtre et revenir à l'écran précédent",
    "widget.key.scroll_down": "Descendre",
    "widget.key.scroll_up": "Monter",
    "widget.key.page_down": "Page suivante",
    "widget.key.page_up": "Page précédente",
    "widget.key.scroll.tooltip": "Faire défiler le texte de cette fenêtre",
    # --- Quit confirmation ---
    "quit.title": "Quitter la page ?",
    "quit.body": "Si vous quittez cette page, l'activation de votre profil sera perdue.",
    "quit.body.typed": "Si vous quittez cette page, ce que vous avez saisi sera perdu.",
    "quit.body.certificate": (
        "Si vous quittez cette page sans avoir téléchargé votre justificatif d'opposition, "
        "celui-ci ne sera plus disponible par la suite."
    ),
    "quit.stay": "Rester sur la page",
    "quit.leave": "Quitter",
    "quit.key.stay": "Rester sur la page",
    "quit.key.stay.tooltip": "Fermer cette question et continuer l'activation",
    # --- Where to find the NIR ---
    "help.nir.title": "Où trouver mon numéro de sécurité sociale ?",
    "help.nir.without_photo": (
        "Mon numéro de sécurité sociale est indiqué au verso de ma carte Vitale ou sur mon "
        "attestation de droits (15 caractères)."
    ),
    "help.nir.with_photo": (
        "Mon numéro de sécurité sociale est indiqué sur la face avant de ma carte Vitale ou "
        "sur mon attestation de droits (15 caractères)."
    ),
    "help.nir.format": (
        "Format : 15 caractères, des chiffres (2A ou 2B pour une naissance en Corse). Les "
        "espaces sont facultatifs. Ex. : 1 55 12 55 555 555 55"
    ),
    "help.minor.title": "Moins de 18 ans : quel numéro de sécurité sociale saisir ?",
    "help.minor.body": (
        "Pour les personnes mineures : renseigner le numéro de sécurité sociale du "
        "destinataire de l'e-mail ou du courrier."
    ),
    # --- Where to find the serial number ---
    "help.serial.title": "Où trouver mon numéro de série de carte Vitale ?",
    "help.serial.without_photo": (
        "Le numéro de série se situe au dos en haut à gauche de votre carte Vitale. Il est "
        "composé de 8 à 13 chiffres."
    ),
    "help.serial.with_photo": (
        "Le numéro de série se situe en haut à droite de votre carte Vitale. Renseignez les "
        "11 derniers chiffres de votre numéro de série."
    ),
    "help.serial.with_photo.prefix": (
        "Les 10 premiers chiffres, {prefix}, sont les mêmes sur toutes les cartes avec photo : "
        "ils sont déjà affichés devant le champ, ne les saisissez pas."
    ),
    "help.serial.unreadable.title": (
        "Et si je n'arrive pas à lire le numéro de série de ma carte Vitale ?"
    ),
    "help.serial.unreadable.body": (
        "Afin d'obtenir le numéro de série de votre carte Vitale, contactez le : 3422"
    ),
    # --- The 3422 line and the visio-interpretation ---
    "help.3422.line": (
        f"Pour joindre un conseiller Mon espace santé, appelez le : {PHONE_3422} ({PRICE_3422})"
    ),
    "help.3422.hours": _HOURS,
    "help.visio.title": (
        "Vous êtes sourd ou malentendant ? Contactez un conseiller par visio-interprétation"
    ),
    "help.visio.body": (
        "La visio-interprétation est un appel en vidéo : un interprète en langue des signes "
        "française (LSF), ou un transcripteur qui écrit la conversation en direct, fait le "
        "lien entre vous et le conseiller. Dans ce simulateur, ce service est fictif : aucun "
        "appel n'est passé."
    ),
    # --- Contact help ---
    "help.contact.title": "Besoin d'aide ?",
    "help.contact.incorrect.title": "Mes coordonnées sont incorrectes ?",
    "help.contact.incorrect.body": (
        "L'adresse e-mail et le numéro de mobile affichés ont été transmis par votre caisse "
        "d'assurance maladie. Pour les mettre à jour, contactez votre caisse d'assurance "
        "maladie :"
    ),
    "help.contact.incorrect.ameli": "• depuis votre compte ameli ;",
    "help.contact.incorrect.counter": "• à l'accueil de votre caisse d'assurance maladie ;",
    "help.contact.incorrect.phone": (
        f"• par téléphone au {PHONE_3422} ({PRICE_3422}), du lundi au vendredi de 8h30 à 17h30."
    ),
    "help.contact.incorrect.after": (
        "Une fois vos coordonnées mises à jour, demandez un nouveau code provisoire "
        "(« Générer un nouveau code provisoire »)."
    ),
    "help.contact.masked": (
        "Par sécurité, les coordonnées sont affichées masquées, par exemple "
        "dlf*****@atos.net ou ** ** ** *3 77."
    ),
    "help.contact.no_contact": (
        "Si aucune adresse e-mail ni aucun numéro de mobile n'est enregistré, le code "
        "provisoire est envoyé par courrier postal."
    ),
    # --- Help of the current screen (F1) ---
    "help.screen.title": "Aide : {title}",
    "help.keys.title": "Touches du clavier",
    "help.keys.tab": "Tab / Maj+Tab : aller à l'élément suivant / précédent",
    "help.keys.enter": "Entrée : valider, ou activer l'élément sélectionné",
    "help.keys.space": "Espace : cocher ou décocher la case, choisir l'option sélectionnée",
    "help.keys.choices": "Flèches haut / bas : passer d'une option à l'autre d'un choix",
    "help.keys.scroll": "Flèches haut / bas, Page précédente / suivante : faire défiler",
    # One line per key bound on the screen (by the binding's id), else « touche : action ».
    "help.keys.binding.back": "Échap : revenir à l'écran précédent",
    "help.keys.binding.help": "F1 : aide de l'écran en cours",
    "help.keys.binding.outbox": "F2 : afficher ou masquer la boîte d'envoi simulée",
    "help.keys.binding.quit": "Ctrl+Q : quitter le simulateur",
    "help.keys.binding.show-password": "F3 : afficher ou masquer les mots de passe saisis",
    "help.keys.line": "{name} : {what}",
    # --- Documents linked from the decision screen ---
    "help.cgu.title": "Conditions Générales d'Utilisation",
    "help.cgu.body": "\n\n".join(_CGU),
    "help.privacy.title": "Politique de protection des données personnelles",
    "help.privacy.body": "\n\n".join(_PRIVACY),
}
