"""Wording of the journey's screens, after guides 000 and 002 (../shared/seeds/)."""

TEXTS: dict[str, str] = {
    "app.title": "Mon espace santé — simulateur",
    "app.subtitle": "Parcours {variant} · règles {rules}",
    "variant.code-first": "code d'abord",
    "variant.identity-first": "identité d'abord",
    # --- keys (footer) ---
    "key.quit": "Quitter",
    "key.quit.tip": "Quitter l'application (Ctrl+Q)",
    "key.outbox": "Boîte d'envoi",
    "key.outbox.tip": "Afficher ou masquer la boîte d'envoi simulée (F2)",
    "key.help": "Aide",
    "key.help.tip": "L'aide de cet écran (F1)",
    "key.back": "Retour",
    "key.back.tip": "Revenir à l'écran précédent (Échap)",
    "key.show_password": "Afficher/masquer",
    "key.show_password.tip": "Afficher ou masquer les mots de passe saisis (F3)",
    # --- stepper stages ---
    "stage.identify": "Je m'identifie",
    "stage.decision": "Ma décision",
    "stage.contacts": "Mes coordonnées",
    "stage.identity": "Mon identité",
    "stage.code": "Mon code",
    "stage.activation": "Activation",
    "stage.account": "Mon compte",
    # --- common buttons ---
    "button.continue": "Continuer",
    "button.cancel": "Annuler",
    "button.validate": "Valider",
    "button.back": "← Retour",
    # --- home ---
    "home.kicker": "LE SERVICE PUBLIC POUR GÉRER SA SANTÉ",
    "home.title": "Vous avez la main sur votre santé",
    "home.lead": (
        "Mon espace santé vous permet de stocker et partager vos documents et données de santé "
        "en toute confidentialité."
    ),
    "home.activate": "Activer Mon espace santé",
    "home.help": (
        "Page d'accueil du site Mon espace santé (simulé). « Activer Mon espace santé » ouvre "
        "la page d'activation. F2 affiche ou masque la boîte d'envoi : e-mails, SMS et "
        "courriers simulés, avec les codes qu'ils contiennent."
    ),
    # --- start (Commencer) ---
    "start.title": "Activation de Mon espace santé",
    "start.need": "Pour l'activer ou m'y opposer j'ai besoin d'avoir :",
    "start.need.code": "• Le code provisoire reçu par e-mail ou courrier",
    "start.need.card": "• Ma carte Vitale",
    "start.need.time": "• 5 minutes de mon temps",
    "start.begin": "Commencer",
    # --- identify (Je m'identifie) ---
    "identify.title": "Je m'identifie",
    "identify.intro": (
        "Pour vous identifier, veuillez saisir le code provisoire reçu par e-mail ou courrier, "
        "votre numéro de sécurité sociale ainsi que le numéro de série de votre carte Vitale."
    ),
    "identify.required_note": "Tous les champs sont obligatoires.",
    "field.code": "Code provisoire composé de 12 caractères",
    "field.code.hint": (
        "Ex. : HuqZF3KXCz8k — lettres et chiffres, majuscules et minuscules comptent"
    ),
    "field.nir": "Numéro de sécurité sociale",
    "field.nir.hint": "Ex. : 1 55 12 55 555 555 55 — 15 caractères, espaces permis",
    "link.where_nir": "Où trouver mon numéro de sécurité sociale ?",
    "field.model": "Ma carte Vitale",
    "field.model.without": "Carte Vitale sans photo",
    "field.model.with": "Carte Vitale avec photo",
    "field.serial": "Numéro de série de carte Vitale",
    "field.serial.hint.without": "Ex : 953701166 — de 8 à 13 chiffres, au dos en haut à gauche",
    "field.serial.hint.with": (
        "Ex : 0102457612 4 — les 11 chiffres qui suivent 8025000002, en haut à droite"
    ),
    "field.serial.hint.none": "Choisissez d'abord le modèle de votre carte Vitale",
    "link.where_serial": "Où trouver mon numéro de série de carte Vitale ?",
    "identify.help": (
        "Saisissez le code provisoire (12 caractères, reçu par e-mail ou courrier : voir la "
        "boîte d'envoi avec F2), le numéro de sécurité sociale du destinataire du message (pour "
        "un enfant : celui du parent), le modèle de carte Vitale puis son numéro de série."
    ),
    # --- decision ---
    "decision.hello": "Bonjour {first_name} !",
    "decision.title": "Je prends ma décision",
    "decision.child": "Profil concerné : {name}",
    "decision.activate": "J'active Mon espace santé",
    "decision.activate.text": (
        "J'active Mon espace santé et j'accède à mon dossier médical, mes documents et mes "
        "mesures de santé."
    ),
    "decision.oppose": "Je m'oppose à la création de Mon espace santé",
    "decision.oppose.text": "Si je change d'avis, je peux à tout moment ouvrir Mon espace santé.",
    "decision.consent_label": (
        "J'accepte les Conditions Générales d'Utilisation et la Politique de protection des "
        "données personnelles."
    ),
    "field.choice": "Ma décision",
    "field.consent": "Pour activer : conditions d'utilisation",
    "decision.consent_box": "J'accepte",
    "decision.read_cgu": "Lire les Conditions Générales d'Utilisation",
    "decision.read_privacy": "Lire la Politique de protection des données personnelles",
    "decision.oppose_unavailable": (
        "Le parcours d'opposition (justificatif PDF, profils du foyer) n'est pas encore "
        "disponible dans ce simulateur : choisissez « J'active Mon espace santé » ou quittez."
    ),
    "decision.help": (
        "Choisissez d'activer ou de vous opposer. Pour activer, cochez la case d'acceptation "
        "des Conditions Générales d'Utilisation et de la Politique de protection des données "
        "(Espace pour cocher)."
    ),
    # --- contacts ---
    "contacts.title": "Je vérifie mes coordonnées de contact",
    "contacts.intro": (
        "Ces informations sont indispensables pour assurer la sécurité de Mon espace santé et "
        "ont été transmises par ma caisse d'assurance maladie."
    ),
    "contacts.email": "Adresse e-mail",
    "contacts.mobile": "Numéro de téléphone mobile",
    "contacts.no_email": "Aucune adresse enregistrée",
    "contacts.no_mobile": "Aucun numéro enregistré",
    "contacts.edit_email": "✎ Modifier l'adresse e-mail",
    "contacts.add_email": "✎ Renseigner mon adresse e-mail",
    "contacts.edit_mobile": "✎ Modifier le numéro de mobile",
    "contacts.add_mobile": "✎ Renseigner mon numéro de mobile",
    "contacts.updated": "✓ Coordonnée mise à jour.",
    "contacts.help": (
        "Vérifiez l'adresse e-mail (obligatoire) et le mobile (facultatif). Une modification "
        "envoie un code à usage unique à la NOUVELLE adresse ou au NOUVEAU numéro : lisez-le dans "
        "la boîte d'envoi (F2). La nouvelle coordonnée n'est enregistrée qu'une fois le code "
        "confirmé."
    ),
    "contact_edit.email.title": "Je modifie mon adresse e-mail",
    "contact_edit.email.intro": (
        "Je saisis mon adresse e-mail pour recevoir un code à usage unique et valider la "
        "modification."
    ),
    "contact_edit.email.field": "Adresse e-mail",
    "contact_edit.email.hint": "Ex. : prenom.nom@exemple.fr",
    "contact_edit.mobile.title": "Je renseigne mon numéro de téléphone mobile",
    "contact_edit.mobile.intro": (
        "Je saisis mon nouveau numéro de téléphone mobile pour recevoir un code à usage unique "
        "et valider la modification."
    ),
    "contact_edit.mobile.field": "Numéro de téléphone mobile",
    "contact_edit.mobile.hint": "Ex. : 06 11 12 13 14 ou +33 6 11 12 13 14 (mobile français)",
    "otp.email.title": "Je valide mon adresse e-mail",
    "otp.mobile.title": "Je valide mon numéro de téléphone mobile",
    "otp.sent.email": "Un code à usage unique vous a été envoyé à l'adresse {target}",
    "otp.sent.mobile": "Un code à usage unique vous a été envoyé au {target}",
    "otp.field": "Code à usage unique",
    "otp.hint": "Ex. : 034567 — 6 chiffres, valable 10 minutes",
    "otp.resend": "Envoyer à nouveau le code",
    "otp.resent": "✓ Un nouveau code a été envoyé ; il remplace le précédent.",
    "otp.help": (
        "Saisissez les 6 chiffres du code reçu (boîte d'envoi, F2). « Envoyer à nouveau le "
        "code » en envoie un nouveau, qui remplace l'ancien."
    ),
    # --- account ---
    "account.title": "Je choisis mon identifiant et mon mot de passe",
    "account.intro": (
        "Ils sont indispensables pour me connecter à Mon espace santé. Pour plus de sécurité, "
        "l'identifiant ne peut pas être une adresse e-mail."
    ),
    "account.identifier": "Identifiant",
    "account.identifier.hint": (
        "Minimum 8 caractères : minuscules sans accents, chiffres et . - _ ; ni adresse "
        "e-mail, ni numéro de sécurité sociale, ni majuscules."
    ),
    "account.password": "Mot de passe",
    "account.password.hint": (
        "Règles {version} : voir la liste ci-dessous, mise à jour à chaque frappe"
    ),
    "account.confirm": "Confirmer le mot de passe",
    "account.confirm.hint": "Ressaisissez le même mot de passe",
    "account.show": "Afficher les mots de passe",
    "account.rules_version": "Règles de mot de passe en vigueur : version {version}",
    "account.help": (
        "Choisissez un identifiant (8 à 100 caractères) et un mot de passe qui respecte chaque "
        "règle de la liste (✓ respectée, ✗ manquante). Le mot de passe ne doit contenir ni "
        "l'identifiant, ni votre nom, ni votre date de naissance. F3 affiche ou masque la saisie."
    ),
    # --- success ---
    "success.title": "Mon espace santé a bien été activé !",
    "success.title.identity": "Mon profil a bien été activé !",
    "success.child": "Le profil de {name} a bien été activé.",
    "success.text": (
        "Je peux dès à présent découvrir toutes les fonctionnalités de Mon espace santé et "
        "commencer à compléter mon profil."
    ),
    "success.identifier": "Identifiant : {identifier}",
    "success.discover": "Découvrir Mon espace santé",
    "success.restart": "Retour au début",
    "success.help": "Le parcours est terminé. « Retour au début » revient à l'accueil.",
    # --- outcomes ---
    "outcome.title": "Identification impossible",
    "outcome.retry": "Corriger ma saisie",
    "form.errors": "{n} erreur(s) à corriger",
}
