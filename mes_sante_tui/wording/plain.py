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
    # The screens' help and hints in this mode's words, where theirs name keys that do
    # nothing here (F2, F3, Échap, Tab, the arrows): read instead of them (`key.plain`).
    "home.help.plain": (
        "Page d'accueil du site Mon espace santé (simulé). « Activer Mon espace santé » ouvre "
        "la page d'activation. « boîte » lit la boîte d'envoi : e-mails, SMS et courriers "
        "simulés, avec les codes qu'ils contiennent."
    ),
    "identify.help.plain": (
        "Saisissez le code provisoire (12 caractères, reçu par e-mail ou courrier : « boîte » "
        "lit la boîte d'envoi), le numéro de sécurité sociale du destinataire du message (pour "
        "un enfant : celui du parent), le modèle de carte Vitale puis son numéro de série."
    ),
    "choose.help.plain": "Choisissez par son numéro le profil concerné.",
    "code.help.plain": (
        "Choisissez par son numéro le mode de réception. Le code arrive dans la boîte d'envoi "
        "(« boîte » la lit). Saisissez ses 12 caractères, majuscules et minuscules comprises."
    ),
    "contacts.help.plain": (
        "Vérifiez l'adresse e-mail (obligatoire) et le mobile (facultatif). Une modification "
        "envoie un code à usage unique à la NOUVELLE adresse ou au NOUVEAU numéro : « boîte » "
        "le lit. La nouvelle coordonnée n'est enregistrée qu'une fois le code confirmé."
    ),
    "otp.help.plain": (
        "Saisissez les 6 chiffres du code reçu (« boîte » lit les derniers messages)."
    ),
    "account.help.plain": (
        "Choisissez un identifiant (8 à 100 caractères) et un mot de passe qui respecte chaque "
        "règle de la liste. Le mot de passe ne doit contenir ni l'identifiant, ni votre nom, ni "
        "votre date de naissance. Sa saisie ne s'affiche pas."
    ),
    "outcome.help.plain": (
        "Cette page explique pourquoi la démarche ne peut pas continuer et propose une suite : "
        "répondez par le numéro de votre choix."
    ),
    "opposition.confirm.help.plain": (
        "« Continuer » enregistre l'opposition à la création de Mon espace santé ; « Annuler » "
        "(ou « retour ») revient à la décision sans rien enregistrer."
    ),
    "opposition.done.help.plain": (
        "Indiquez le dossier où enregistrer le justificatif : il n'est proposé qu'à ce moment. "
        "« Retour à l'accueil » termine le parcours ; la décision est déjà enregistrée."
    ),
    "login.help.plain": (
        "« Se connecter » demande l'identifiant et le mot de passe choisis lors de "
        "l'activation. Un code à usage unique est alors envoyé à votre adresse e-mail : "
        "« boîte » le lit. « Identifiant oublié ? » et « Mot de passe oublié ? » permettent de "
        "les récupérer."
    ),
    "login.password.hint.plain": "Celui choisi lors de l'activation ; sa saisie ne s'affiche pas",
    "login_code.help.plain": (
        "Saisissez les 6 chiffres du code reçu (« boîte » lit les derniers messages). Le code "
        "est valable 10 minutes. « retour » revient au formulaire de connexion."
    ),
    "recovery_channel.help.plain": (
        "Choisissez par son numéro où recevoir le message. Seules les coordonnées connues de "
        "votre caisse sont proposées, masquées."
    ),
    "recovery_code.help.plain": (
        "Saisissez les 6 chiffres du code reçu (« boîte » lit les derniers messages) : vous "
        "pourrez alors choisir un nouveau mot de passe."
    ),
    "new_password.help.plain": (
        "Choisissez un mot de passe qui respecte chaque règle de la liste, puis ressaisissez-le. "
        "Il ne doit contenir ni votre identifiant, ni votre nom, ni votre date de naissance. "
        "Sa saisie ne s'affiche pas."
    ),
    "space.help.plain": (
        "Votre espace : votre compte, le statut de votre profil et celui des enfants rattachés à "
        "votre compte. Répondez par le numéro de votre choix. « Gérer le profil » demande "
        "d'abord de certifier être le représentant légal de l'enfant. « Se déconnecter » ferme "
        "votre session et revient à l'accueil."
    ),
    "manage_profile.help.plain": (
        "Les choix proposés dépendent du statut du profil. « Activer » et « Je m'oppose » mènent "
        "à la décision ; « Clôturer » demande le mot de passe de votre compte ; « Rouvrir » "
        "rétablit le profil aussitôt. « Retour à Mon espace santé » (ou « retour ») revient à "
        "votre espace sans rien changer."
    ),
    "close_profile.help.plain": (
        "Saisissez le mot de passe de votre compte (sa saisie ne s'affiche pas), puis répondez "
        "« oui » à la demande de suppression si les données doivent être supprimées plutôt "
        "qu'archivées. « retour » revient sans rien clôturer."
    ),
}
