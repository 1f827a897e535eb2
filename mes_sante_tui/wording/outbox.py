"""Wording of the simulated messages (e-mail, SMS, letter)."""

TEXTS: dict[str, str] = {
    "outbox.sms.subject": "SMS",
    "outbox.information.subject": "Mon espace santé : votre code provisoire",
    "outbox.for_child": " pour le profil de {name}",
    "outbox.information.body": (
        "Bonjour {greeting},\n\n"
        "Votre service Mon espace santé va être créé{concerned}. Vous pouvez l'activer dès "
        "maintenant, ou vous opposer à sa création, sur monespacesante.fr.\n\n"
        "Votre code provisoire : {code}\n"
        "Il est valable jusqu'au {until} et ne peut servir qu'une fois.\n\n"
        "Sans décision de votre part, Mon espace santé sera créé 6 semaines après ce message.\n\n"
        "Votre conseiller Mon espace santé"
    ),
    "outbox.letter.address": "{name} (adresse postale sur fichier)",
    "outbox.letter.masked": "Courrier à {civility} {name}",
    "civility.man": "M.",
    "civility.woman": "Mme",
    "civility.unknown": "M./Mme",
    "outbox.letter.update_contacts": (
        "Aucune adresse e-mail ni aucun numéro de mobile ne figure dans votre dossier. Pour les "
        "mettre à jour, contactez votre caisse d'assurance maladie (compte ameli, accueil ou "
        "3422)."
    ),
    "outbox.otp.subject": "Mon espace santé : votre code à usage unique",
    "outbox.otp.body": (
        "Bonjour,\n\nVotre code à usage unique : {code}\n"
        "Il est valable 10 minutes. Si vous n'êtes pas à l'origine de cette demande, ignorez ce "
        "message.\n\nVotre conseiller Mon espace santé"
    ),
    "outbox.otp.sms": "Mon espace santé : votre code à usage unique est {code}. Valable 10 min.",
    "outbox.activated.subject": "Votre service Mon espace santé a été activé",
    "outbox.activated.body": (
        "Bonjour {greeting},\n\nLe profil Mon espace santé de {name} a bien été activé. Vous "
        "pouvez vous connecter sur monespacesante.fr avec votre identifiant et votre mot de "
        "passe.\n\nVotre conseiller Mon espace santé"
    ),
    "outbox.new_code.subject": "Mon espace santé : votre nouveau code provisoire",
    "outbox.new_code.body": (
        "Bonjour {greeting},\n\n"
        "Vous avez demandé un nouveau code provisoire{concerned}.\n\n"
        "Votre code provisoire : {code}\n"
        "Il est valable jusqu'au {until} et ne peut servir qu'une fois.\n\n"
        "Si vous n'êtes pas à l'origine de cette demande, appelez le 3422.\n\n"
        "Votre conseiller Mon espace santé"
    ),
    "outbox.new_code.sms": (
        "Mon espace santé : votre code provisoire est {code}. Valable jusqu'au {until}."
    ),
    # --- The life of a space over time ---
    "outbox.created.subject": "Votre service Mon espace santé a été créé",
    "outbox.created.body": (
        "Bonjour {greeting},\n\n"
        "Sans décision de votre part dans les 6 semaines suivant notre premier message, "
        "Mon espace santé a été créé{concerned} le {on}.\n\n"
        "Il n'est pas encore activé : pour l'utiliser, activez-le sur monespacesante.fr avec "
        "un code provisoire (« Je n'ai pas de code provisoire ? Générer un nouveau code »). "
        "Vous pouvez le clôturer à tout moment.\n\n"
        "Votre conseiller Mon espace santé"
    ),
    "outbox.closed.subject": "Votre profil Mon espace santé a été clôturé",
    "outbox.closed.body": (
        "Bonjour {greeting},\n\n"
        "Le profil Mon espace santé de {name} a été clôturé le {on}.\n\n"
        "{data}\n\n"
        "Votre conseiller Mon espace santé"
    ),
    "outbox.closed.archived": (
        "Ses données sont archivées pendant 10 ans. Vous pouvez rouvrir ce profil à tout "
        "moment en vous connectant sur monespacesante.fr : elles seront restaurées."
    ),
    "outbox.closed.deletion": (
        "Vous avez demandé la suppression de ses données : elle sera effectuée au plus tard "
        "le {due}. Le profil ne pourra pas être rouvert ; une fois les données supprimées, un "
        "nouvel espace, vide, pourra être activé sur monespacesante.fr."
    ),
    "outbox.deleted.subject": "Les données de Mon espace santé ont été supprimées",
    "outbox.deleted.body": (
        "Bonjour {greeting},\n\n"
        "Comme vous l'avez demandé, les données du profil Mon espace santé de {name} ont été "
        "supprimées le {on}. Vous pouvez à tout moment activer un nouvel espace, vide, sur "
        "monespacesante.fr.\n\n"
        "Votre conseiller Mon espace santé"
    ),
    "outbox.reopened.subject": "Votre profil Mon espace santé a été rouvert",
    "outbox.reopened.body": (
        "Bonjour {greeting},\n\n"
        "Le profil Mon espace santé de {name} a été rouvert le {on} et ses données archivées "
        "ont été restaurées.\n\n"
        "Votre conseiller Mon espace santé"
    ),
    # --- Logging in and recovering access ---
    "outbox.login.subject": "Mon espace santé : votre code de connexion",
    "outbox.login.body": (
        "Bonjour,\n\nPour vous connecter à Mon espace santé, saisissez ce code à usage "
        "unique : {code}\nIl est valable 10 minutes. Si vous n'êtes pas à l'origine de cette "
        "connexion, changez votre mot de passe et appelez le 3422.\n\n"
        "Votre conseiller Mon espace santé"
    ),
    "outbox.login.sms": ("Mon espace santé : votre code de connexion est {code}. Valable 10 min."),
    "outbox.identifier.subject": "Mon espace santé : votre identifiant",
    "outbox.identifier.body": (
        "Bonjour {greeting},\n\nVous avez indiqué avoir oublié votre identifiant.\n\n"
        "Votre identifiant Mon espace santé : {identifier}\n\n"
        "Si vous n'êtes pas à l'origine de cette demande, appelez le 3422.\n\n"
        "Votre conseiller Mon espace santé"
    ),
    "outbox.identifier.sms": "Mon espace santé : votre identifiant est {identifier}.",
    "outbox.password_code.subject": "Mon espace santé : réinitialisation du mot de passe",
    "outbox.password_code.body": (
        "Bonjour,\n\nPour choisir un nouveau mot de passe, saisissez ce code à usage "
        "unique : {code}\nIl est valable 10 minutes. Si vous n'êtes pas à l'origine de cette "
        "demande, appelez le 3422.\n\nVotre conseiller Mon espace santé"
    ),
    "outbox.password_code.sms": (
        "Mon espace santé : code de réinitialisation du mot de passe {code}. Valable 10 min."
    ),
    "outbox.password_changed.subject": "Mon espace santé : votre mot de passe a été modifié",
    "outbox.password_changed.body": (
        "Bonjour {greeting},\n\nLe mot de passe de votre compte Mon espace santé a été "
        "modifié le {on}. Si vous n'êtes pas à l'origine de ce changement, appelez le 3422."
        "\n\nVotre conseiller Mon espace santé"
    ),
}
