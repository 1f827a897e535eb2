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
    "outbox.letter.masked": "Courrier à M./Mme {name}",
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
}
