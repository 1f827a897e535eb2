"""Wording of the login and recovery screens (« Se connecter », « Identifiant oublié »,
« Mot de passe oublié »)."""

TEXTS: dict[str, str] = {
    # --- ways in ---
    "home.login": "J'ai déjà activé Mon espace santé ? Me connecter",
    "outcome.action.login": "Me connecter",
    # --- « Se connecter » ---
    "login.title": "Se connecter à Mon espace santé",
    "login.intro": (
        "Je saisis l'identifiant et le mot de passe choisis lors de l'activation. Un code à "
        "usage unique me sera ensuite envoyé pour confirmer ma connexion."
    ),
    "login.identifier": "Identifiant",
    "login.identifier.hint": "Ex. : prenom.nom22 — l'identifiant n'est pas votre adresse e-mail",
    "login.password": "Mot de passe",
    "login.password.hint": "Celui choisi lors de l'activation ; F3 l'affiche ou le masque",
    "login.show": "Afficher le mot de passe",
    "login.submit": "Se connecter",
    "login.forgot_identifier": "Identifiant oublié ?",
    "login.forgot_password": "Mot de passe oublié ?",
    "login.identifier_sent": "✓ Votre identifiant vous a été envoyé {where}.",
    "login.password_changed": (
        "✓ Votre mot de passe a été modifié. Connectez-vous avec votre nouveau mot de passe."
    ),
    "login.help": (
        "Saisissez l'identifiant et le mot de passe choisis lors de l'activation, puis « Se "
        "connecter » (ou Entrée dans un champ). Un code à usage unique est alors envoyé à "
        "votre adresse e-mail : lisez-le dans la boîte d'envoi (F2). F3 affiche ou masque le "
        "mot de passe. « Identifiant oublié ? » et « Mot de passe oublié ? », sous le bouton, "
        "permettent de les récupérer."
    ),
    # --- the one-time code of a login ---
    "login_code.title": "Saisissez le code reçu",
    "login_code.sent.email": (
        "Pour sécuriser votre connexion, un code à usage unique vous a été envoyé par e-mail "
        "à l'adresse {masked}."
    ),
    "login_code.sent.sms": (
        "Pour sécuriser votre connexion, un code à usage unique vous a été envoyé par SMS au "
        "{masked}."
    ),
    "login_code.resent": "✓ Un nouveau code vous a été envoyé {where} ; il remplace le précédent.",
    "login_code.help": (
        "Saisissez les 6 chiffres du code reçu (boîte d'envoi, F2), puis « Valider ». Le code "
        "est valable 10 minutes. « Envoyer à nouveau le code » en envoie un nouveau, qui "
        "remplace l'ancien. Échap revient au formulaire de connexion."
    ),
    # --- where something was sent ---
    "recovery.where.email": "par e-mail ({masked})",
    "recovery.where.sms": "par SMS ({masked})",
    "recovery.where.courrier": "par courrier ({masked})",
    # --- « Identifiant oublié » ---
    "forgot_identifier.title": "Identifiant oublié",
    "forgot_identifier.intro": (
        "Pour recevoir mon identifiant, je saisis mon numéro de sécurité sociale et ma date "
        "de naissance."
    ),
    "forgot_identifier.help": (
        "Saisissez votre numéro de sécurité sociale (15 caractères, espaces permis) et votre "
        "date de naissance au format JJ/MM/AAAA, puis « Continuer ». Vous choisirez ensuite "
        "où recevoir votre identifiant, parmi les coordonnées connues de votre caisse."
    ),
    # --- « Mot de passe oublié » ---
    "forgot_password.title": "Mot de passe oublié",
    "forgot_password.intro": (
        "Pour choisir un nouveau mot de passe, je m'identifie avec mon numéro de sécurité "
        "sociale, ma date de naissance et ma carte Vitale. Un code à usage unique me sera "
        "ensuite envoyé."
    ),
    "forgot_password.help": (
        "Saisissez votre numéro de sécurité sociale, votre date de naissance (JJ/MM/AAAA), "
        "le modèle de votre carte Vitale puis son numéro de série. « Où trouver… » montre où "
        "ils sont sur la carte. Vous recevrez ensuite un code à usage unique par e-mail ou SMS."
    ),
    # --- choosing where to receive the identifier or the code ---
    "recovery_channel.identifier.title": "Envoi de mon identifiant",
    "recovery_channel.password.title": "Envoi du code à usage unique",
    "recovery_channel.identifier.intro": (
        "Je choisis où recevoir mon identifiant. Seules les coordonnées connues de ma caisse "
        "sont proposées, masquées."
    ),
    "recovery_channel.password.intro": (
        "Je choisis où recevoir le code à usage unique qui me permettra de choisir un nouveau "
        "mot de passe. Seules les coordonnées connues de ma caisse sont proposées, masquées."
    ),
    "recovery_channel.letter_only": (
        "Aucune adresse e-mail ni aucun numéro de mobile n'est enregistré : votre identifiant "
        "vous sera envoyé par courrier postal. Pour mettre à jour vos coordonnées, contactez "
        "votre caisse d'assurance maladie (compte ameli, accueil ou 3422)."
    ),
    "recovery_channel.identifier.required": "Choisir où recevoir votre identifiant",
    "recovery_channel.password.required": "Choisir où recevoir le code à usage unique",
    "recovery_channel.send": "Envoyer",
    "recovery_channel.help": (
        "Choisissez avec les flèches où recevoir le message, puis « Envoyer ». Seules les "
        "coordonnées connues de votre caisse sont proposées, masquées. Si elles sont fausses, "
        "« Mes coordonnées sont incorrectes ? » explique comment les mettre à jour."
    ),
    # --- the one-time code of « Mot de passe oublié » ---
    "recovery_code.title": "Je saisis le code reçu",
    "recovery_code.sent.email": (
        "Un code à usage unique vous a été envoyé par e-mail à l'adresse {masked}."
    ),
    "recovery_code.sent.sms": "Un code à usage unique vous a été envoyé par SMS au {masked}.",
    "recovery_code.help": (
        "Saisissez les 6 chiffres du code reçu (boîte d'envoi, F2), puis « Valider » : vous "
        "pourrez alors choisir un nouveau mot de passe. « Envoyer à nouveau le code » en envoie "
        "un nouveau, qui remplace l'ancien."
    ),
    # --- the new password ---
    "new_password.title": "Je choisis mon nouveau mot de passe",
    "new_password.intro": (
        "Mon nouveau mot de passe remplace l'ancien dès que je le valide. Il doit respecter "
        "chacune des règles ci-dessous."
    ),
    "new_password.password": "Nouveau mot de passe",
    "new_password.confirm": "Confirmer le nouveau mot de passe",
    "new_password.help": (
        "Choisissez un mot de passe qui respecte chaque règle de la liste (✓ respectée, "
        "✗ manquante), puis ressaisissez-le. Il ne doit contenir ni votre identifiant, ni votre "
        "nom, ni votre date de naissance. F3 affiche ou masque la saisie."
    ),
    # --- the wait after too many failed recovery look-ups (core/lockout.py) ---
    "recover.locked": (
        "Trop de tentatives. Par sécurité, la recherche est bloquée : réessayez dans {wait}."
    ),
}
