"""Wording of the guided mode: the guides' callouts, word for word.

Code first and the opposition: guide 002's yellow callouts, with their numbers. Identity
first: guide 000's « Étape 1 » to « Étape 6 », whose capitals and lost accents come from the
extraction of a poster (« JE RECOIS LE CODE PROVISOIRE ») and are written here as French is.
Where each one goes is in `core/guide.py`.
"""

TEXTS: dict[str, str] = {
    # --- guide 002: the home page and « Commencer » ---
    "guide.home.activate": (
        "Cliquez ici afin d'accéder à la page d'activation de Mon espace santé"
    ),
    "guide.home.share": "Partagez l'essentiel de vos informations de santé",
    "guide.start.begin": (
        "Cliquez ici afin de démarrer le parcours d'activation de Mon espace santé"
    ),
    # --- guide 002: « Je m'identifie » and « Je génère un nouveau code provisoire » ---
    "guide.identify.fields": "1. Renseignez ces champs",
    "guide.identify.regenerate": (
        "Cliquez sur ce lien afin d'accéder à la page de génération d'un nouveau code "
        "provisoire"
    ),
    "guide.identify.card": "2. Choisissez votre type de carte Vitale",
    "guide.field.1": "1. Renseignez ce champ",
    "guide.field.2": "2. Renseignez ce champ",
    "guide.field.3": "3. Renseignez ce champ",
    "guide.field.4": "4. Renseignez ce champ",
    "guide.regenerate.card": "3. Choisissez votre type de carte Vitale",
    "guide.regenerate.continue": "5. Cliquez sur continuer",
    "guide.send_code.channel": "1. Mode de réception = Mail uniquement",
    "guide.continue.2": "2. Cliquez ici afin de continuer",
    "guide.continue.4": "4. Cliquez ici afin de continuer",
    # --- guide 002: the decision (Finalisation 1/2, 2/2; Opposition 1/4) ---
    "guide.decision.activate": "1. Cliquez ici pour activer Mon espace santé",
    "guide.decision.oppose": "1. Cliquez ici pour s'opposer Mon espace santé",
    "guide.decision.consent": "1. Cochez la case pour accepter les CGU",
    # --- guide 002: « Vérification de coordonnées de contact » 1/5 to 5/5 ---
    "guide.contacts.email": "Cliquez ici pour modifier l'adresse email",
    "guide.contacts.sms": "Cliquez ici pour modifier le numéro SMS",
    "guide.contacts.phone": "Cliquez ici pour modifier le numéro de téléphone",
    "guide.contact_edit.email": "1. Renseignez votre adresse email à jour",
    "guide.contact_edit.mobile": "1. Renseignez votre numéro de téléphone mobile à jour",
    "guide.contact_edit.continue": "2. Cliquez ici pour continuer",
    "guide.otp.email": "3. Saisissez le code reçu sur l'adresse email à jour",
    "guide.otp.mobile": "3. Saisissez le code reçu sur votre numéro de téléphone à jour",
    "guide.otp.continue": "4. Cliquez ici pour continuer",
    # --- guide 002: « Création de l'identifiant et du mot de passe » ---
    "guide.account.identifier": "1. Saisissez votre identifiant",
    "guide.account.password": "2. Saisissez votre mot de passe",
    "guide.account.confirmation": "3. Ressaisissez votre mot de passe",
    # --- guide 002: « Opposition à Mon espace santé » 2/4 and 3/4 ---
    "guide.opposition.validate": "Cliquez ici pour valider votre opposition",
    "guide.opposition.download": "Cliquez ici pour télécharger votre attestation d'opposition",
    # --- guide 000: the steps of the identity-first journey ---
    "guide.step.1": "Étape 1 : je clique sur « Commencer »",
    "guide.step.2": "Étape 2 : je renseigne ma date de naissance",
    "guide.step.3": "Étape 3 : je renseigne les données de ma carte Vitale",
    "guide.step.4": "Étape 4 : je reçois le code provisoire par mail ou SMS et je le saisis",
    "guide.step.5": "Étape 5 : j'active mon profil et je vérifie mes coordonnées",
    "guide.step.6": "Étape 6 : je choisis mon identifiant et mon mot de passe",
    # --- the switch (settings screen, command line) ---
    "settings.guided": "Mode guidé",
    "settings.guided.box": "Afficher les repères numérotés des guides à côté des champs",
    "settings.guided.hint": (
        "Pour les débutants : les indications des guides (« 1. Renseignez ces champs », "
        "« Étape 1 »…) à côté des champs et boutons qu'elles désignent."
    ),
    "cli.help.guide": (
        "mode guidé : les repères numérotés des guides à côté des champs et des boutons"
    ),
}
