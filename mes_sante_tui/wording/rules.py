"""Messages of the service's rules: field refusals and identification outcomes.

The wording follows PRODUCT.md and the guides in ../shared/seeds/ word for word where they
give it; where they are silent, it says what is wrong and what to do, in the same register.
"""

PHONE_3422 = "3422"
HOURS_3422 = "du lundi au vendredi de 8h30 à 17h30"
# What a call to the 3422 costs, said the same way wherever it is said.
PRICE_3422 = "service gratuit + prix d'un appel local"

TEXTS: dict[str, str] = {
    # --- NIR (numéro de sécurité sociale) ---
    "nir.required": "Saisir le numéro de sécurité sociale",
    "nir.length": "Le numéro de sécurité sociale doit contenir 15 caractères",
    "nir.format": "Format invalide, vérifier le format du numéro de sécurité sociale",
    "nir.temporary": (
        "Format invalide, vérifier le format du numéro de sécurité sociale. Un numéro "
        "provisoire (commençant par 7 ou 8) ne permet pas l'activation en ligne : appelez le "
        f"{PHONE_3422}, {HOURS_3422}."
    ),
    "nir.fictitious_month": (
        "Format invalide, vérifier le format du numéro de sécurité sociale. Un numéro avec un "
        "mois de naissance fictif ne permet pas l'activation en ligne : appelez le "
        f"{PHONE_3422}, {HOURS_3422}."
    ),
    # --- Date of birth ---
    "birth.required": "Saisir la date de naissance (JJ/MM/AAAA)",
    "birth.format": "Saisir la date au format JJ/MM/AAAA",
    "birth.year": "Saisir une année entre 1900 et {year}",
    "birth.month": "Saisir un mois entre 01 et 12",
    "birth.day": "Saisir un jour calendaire",
    "birth.future": "Saisir une date antérieure à la date du jour",
    # --- Vitale card ---
    "card.model.required": "Choisir le modèle de votre carte Vitale (avec ou sans photo)",
    "serial.required": "Saisir le numéro de série de carte Vitale",
    "serial.digits_only": "Saisir uniquement des chiffres",
    "serial.length_without_photo": (
        "Format invalide, le numéro de série doit contenir entre 8 et 13 chiffres"
    ),
    "serial.length_with_photo": "Format invalide, le numéro de série doit contenir 11 chiffres",
    "serial.is_date": (
        "Ce numéro ressemble à une date, pas à un numéro de série : recopier le numéro de série "
        "inscrit sur la carte Vitale"
    ),
    "serial.is_nir": (
        "Ce numéro fait partie du numéro de sécurité sociale, pas du numéro de série : "
        "recopier le numéro de série inscrit sur la carte Vitale"
    ),
    "serial.is_technical": (
        "Ce numéro est le numéro technique du régime, pas votre numéro de série : recopier "
        "les chiffres qui le suivent sur la carte Vitale"
    ),
    # --- Provisional code ---
    "code.required": "Saisir le code provisoire",
    "code.length": "Le code doit contenir 12 caractères",
    "code.charset": "Cette saisie contient un caractère non autorisé",
    "code.expired": (
        "Votre code provisoire a expiré. Pour en obtenir un nouveau, saisissez de nouveau les "
        "informations de votre carte Vitale (« Générer un nouveau code provisoire »)."
    ),
    "code.used": (
        "Votre code provisoire a déjà été utilisé. Pour en obtenir un nouveau, choisissez "
        "« Générer un nouveau code provisoire »."
    ),
    "code.wait_30s": "Veuillez attendre 30 secondes puis réessayez",
    "code.locked": (
        "Trop de codes erronés. Par sécurité, la saisie est bloquée : réessayez dans {wait}."
    ),
    # --- One-time code ---
    "otp.required": "Saisir un code à usage unique",
    "otp.format": "Saisir un code valide",
    "otp.wrong": "Vérifier le code à usage unique et réessayer",
    "otp.expired": (
        "Ce code à usage unique a expiré (10 minutes). Choisissez « Envoyer à nouveau le code »."
    ),
    "otp.none": "Aucun code en attente : choisissez « Envoyer à nouveau le code ».",
    # --- Contacts ---
    "email.required": "Adresse e-mail obligatoire",
    "email.invalid": "Saisir une adresse e-mail valide",
    "email.same": "Cette adresse e-mail est déjà celle enregistrée : saisir une nouvelle adresse",
    "mobile.required": "Saisir un numéro de téléphone mobile",
    "mobile.invalid": "Saisir un numéro de téléphone valide.",
    "mobile.same": "Ce numéro est déjà celui enregistré : saisir un nouveau numéro",
    # --- Identifier ---
    "identifier.required": "Saisir un identifiant",
    "identifier.length": "L'identifiant doit contenir entre 8 et 100 caractères",
    "identifier.uppercase": "Les majuscules ne peuvent pas être utilisées dans l'identifiant",
    "identifier.charset": (
        "L'identifiant peut contenir uniquement des minuscules sans accents, des chiffres et "
        "les caractères spéciaux . - _"
    ),
    "identifier.email": "L'identifiant ne peut pas être une adresse e-mail",
    "identifier.nir": "L'identifiant ne peut pas être le numéro de sécurité sociale",
    "identifier.iban": "L'identifiant ne peut pas être un IBAN",
    "identifier.taken": (
        "Cet identifiant est déjà utilisé. Identifiants disponibles : {suggestions}"
    ),
    # --- Password ---
    "password.required": "Saisir un mot de passe",
    "password.rules": "Le mot de passe ne respecte pas toutes les règles : {missing}",
    "password.too_long": "Le mot de passe doit contenir au plus 128 caractères",
    "password.confirm_required": "Confirmer le mot de passe",
    "password.mismatch": "Les deux mots de passe ne sont pas identiques",
    "password.contains_identifier": "Le mot de passe ne doit pas contenir l'identifiant",
    "password.contains_name": "Le mot de passe ne doit pas contenir votre nom ou votre prénom",
    "password.contains_birth": "Le mot de passe ne doit pas contenir votre date de naissance",
    "password.common": "Ce mot de passe est trop courant : choisissez-en un autre",
    "password.rule.length": "{n} caractères minimum",
    "password.rule.upper": "1 majuscule",
    "password.rule.lower": "1 minuscule",
    "password.rule.digit": "1 chiffre",
    "password.rule.special": "1 caractère spécial (!#@;%...)",
    # --- Decision ---
    "decision.required": "Choisir une option : activer ou s'opposer",
    "decision.consent": "Veuillez cocher l'autorisation",
    "decision.created_no_opposition": (
        "Ce profil a été créé automatiquement à la fin des 6 semaines : il n'est plus possible "
        "de s'opposer à sa création. Vous pouvez l'activer, puis le clôturer à tout moment."
    ),
    "decision.deleted_no_opposition": (
        "Les données de ce profil ont été supprimées : il n'y a plus d'espace à refuser. "
        "Vous pouvez activer un nouvel espace, vide."
    ),
    # Never shown to a person: the clock's events (six weeks, deletion due) on a profile
    # they no longer apply to.
    "lifecycle.not_applicable": "Ce changement ne s'applique pas à ce profil dans son état actuel.",
    # --- Logging in and recovering access ---
    "login.identifier.required": "Saisir votre identifiant",
    "login.password.required": "Saisir votre mot de passe",
    "login.failed": (
        "Identifiant ou mot de passe incorrect. Vérifiez votre saisie et réessayez."
    ),
    "login.locked": (
        "Trop de tentatives de connexion. Par sécurité, réessayez dans {wait}, ou choisissez "
        "« Mot de passe oublié ? »."
    ),
    "recover.not_found": (
        "Nous n'avons pas trouvé de compte Mon espace santé correspondant à ces informations. "
        "Vérifiez votre saisie ; si vous n'avez pas encore activé Mon espace santé, "
        "choisissez « Activer Mon espace santé »."
    ),
    "recover.no_contact": (
        "Aucune adresse e-mail ni aucun numéro de mobile ne figure dans votre dossier : le code "
        f"ne peut pas vous être envoyé. Appelez le {PHONE_3422}, {HOURS_3422}."
    ),
    "recover.start_again": "Votre demande a expiré : recommencez depuis le début.",
    # --- The logged-in space ---
    "space.not_logged_in": "Connectez-vous pour accéder à Mon espace santé.",
    "close.password.required": "Saisir votre mot de passe pour confirmer la clôture",
    "close.password.wrong": (
        "Mot de passe incorrect : saisissez le mot de passe de votre compte Mon espace santé"
    ),
    "close.not_open": "Ce profil n'est pas ouvert : il ne peut pas être clôturé.",
    "reopen.not_closed": "Ce profil n'est pas clôturé : il n'y a rien à rouvrir.",
    "reopen.deletion_pending": (
        "La suppression des données de ce profil a été demandée : elle sera effectuée au plus "
        "tard le {due}. Ce profil ne peut donc pas être rouvert ; une fois les données "
        "supprimées, un nouvel espace, vide, pourra être activé."
    ),
    "clock.out_of_range": (
        "L'horloge simulée ne peut pas aller au-delà de l'an 9999 : choisissez un décalage "
        "plus petit, ou remettez-la à l'heure avec « reset »."
    ),
    "manage.not_yours": (
        "Ce profil n'est pas rattaché au vôtre : seul son représentant légal peut le gérer."
    ),
    # --- Identification outcomes ---
    "identify.not_found": (
        "Nous n'avons pas réussi à vous identifier. Veuillez vérifier votre saisie."
    ),
    "identify.already_exists": (
        "Un profil a déjà été créé pour cette personne. Pour y accéder, connectez-vous avec "
        "votre identifiant et votre mot de passe (« J'ai déjà activé Mon espace santé ? "
        "Me connecter »)."
    ),
    # The outcome's title says « Ce profil ne peut pas être activé »: the message under it
    # says why and who can tell more, without saying it again.
    "identify.not_activable": (
        "L'activation en ligne n'est pas possible pour cette personne. Pour en connaître la "
        f"raison, appelez le {PHONE_3422}, {HOURS_3422}."
    ),
    "identify.session_expired": (
        "Votre session a expiré. Par sécurité, recommencez depuis le début."
    ),
    # A wait in words (core.durations): `wording.count` picks `.one` or `.other`.
    "wait.second.one": "{n} seconde",
    "wait.second.other": "{n} secondes",
    "wait.minute.one": "{n} minute",
    "wait.minute.other": "{n} minutes",
    "wait.hour.one": "{n} heure",
    "wait.hour.other": "{n} heures",
    "wait.day.one": "{n} jour",
    "wait.day.other": "{n} jours",
    # --- Profiles of a household ---
    "profile.required": "Choisir le profil pour lequel vous faites la démarche",
    "representative.required": "Indiquer si vous êtes le représentant légal",
    "representative.refused": (
        "Seul le représentant légal de {name} rattaché à son profil peut activer Mon espace "
        "santé ou s'y opposer pour cet enfant. Pour toute question, appelez le "
        f"{PHONE_3422}, {HOURS_3422}."
    ),
    "channel.required": "Choisir un mode de réception du code provisoire",
}
