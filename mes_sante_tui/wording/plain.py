"""Wording that only the plain, line-by-line mode says (`--accessible`): its prompts and the
words that work at every question. Everything else it says is the screens' own wording."""

TEXTS: dict[str, str] = {
    "plain.welcome": (
        "Mon espace santé — simulateur, mode accessible : une question par ligne, sans mise "
        "en forme."
    ),
    "plain.words": (
        "À chaque question : « aide » ou « ? » lit l'aide de l'étape, « retour » revient en "
        "arrière, « boîte » lit les trois derniers messages reçus avec leurs codes (« boîte "
        "10 » : les dix derniers), « quitter » arrête (après confirmation)."
    ),
    "plain.question": "{label} ({hint}) : ",
    "plain.question.bare": "{label} : ",
    "plain.typed": "Vous aviez saisi : {typed}. Entrée pour le garder, ou une autre réponse.",
    "plain.proposed": "Proposé : {typed}. Entrée pour le garder, ou une autre réponse.",
    "plain.secret": "La saisie ne s'affiche pas.",
    "plain.choice.prompt": "Votre choix (1 à {n}) : ",
    "plain.choice.invalid": "Répondez par un numéro de 1 à {n}.",
    "plain.yes_no.prompt": "{question} (oui ou non) : ",
    "plain.yes_no.invalid": "Répondez « oui » ou « non ».",
    "plain.error": "Erreur, {field} : {message}",
    "plain.error.general": "Erreur : {message}",
    "plain.back.none": "Il n'y a rien avant cette étape.",
    "plain.quit.confirm": "Quitter le simulateur ?",
    "plain.input_ended": "Fin des réponses : le mode accessible s'arrête ici.",
    "plain.outbox.shown.one": "Le dernier message :",
    "plain.outbox.shown.other": "Les {n} derniers messages, le plus récent en premier :",
    "plain.certificate.read": "Lire la version texte du justificatif",
    "plain.certificate.text": "Version texte du justificatif :",
    "plain.household.manage": "Gérer le profil : {name}",
}
