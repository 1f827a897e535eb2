"""Wording of the logged-in space, closure, reopening and « Gérer le profil » screens."""

from .rules import HOURS_3422, PHONE_3422

TEXTS: dict[str, str] = {
    # --- « Mon espace santé », once logged in ---
    "space.title": "Mon espace santé",
    "space.hello": "Bonjour {first_name} !",
    "space.account": "Mon compte",
    "space.identifier": "Identifiant : {identifier}",
    "space.email": "Adresse e-mail : {masked}",
    "space.email.none": "Adresse e-mail : aucune adresse enregistrée",
    "space.mobile": "Téléphone mobile : {masked}",
    "space.mobile.none": "Téléphone mobile : aucun numéro enregistré",
    "space.own": "Mon profil",
    "space.profile": "{name} : {status}",
    "space.no_action": (
        "Aucune action n'est possible en ligne pour ce profil. Pour en savoir plus, appelez le "
        f"{PHONE_3422}, {HOURS_3422}."
    ),
    "space.household": "Les profils de mon foyer",
    "space.household.intro": (
        "Je peux sélectionner un profil et cliquer sur le bouton « Gérer le profil » pour "
        "l'activer, m'y opposer, le clôturer ou le rouvrir."
    ),
    "space.household.none": "Aucun profil d'enfant n'est rattaché à votre compte.",
    "space.manage": "Gérer le profil",
    "space.logout": "Se déconnecter",
    "space.help": (
        "Votre espace : votre compte, le statut de votre profil et celui des enfants rattachés "
        "à votre compte. Tab passe d'un bouton à l'autre, Entrée choisit. « Gérer le profil » "
        "demande d'abord de certifier être le représentant légal de l'enfant. « Se "
        "déconnecter » ferme votre session et revient à l'accueil."
    ),
    # What can be done for a profile, by its status (own profile or a child's).
    "space.action.activer": "Activer Mon espace santé",
    "space.action.opposer": "Je m'oppose à la création de Mon espace santé",
    "space.action.cloturer": "Clôturer Mon espace santé",
    "space.action.rouvrir": "Rouvrir Mon espace santé",
    "space.action.activer.text": (
        "Activer : Mon espace santé est ouvert, après acceptation des Conditions Générales "
        "d'Utilisation."
    ),
    "space.action.opposer.text": (
        "M'opposer : Mon espace santé ne sera pas créé ; il reste possible de l'activer plus "
        "tard."
    ),
    "space.action.cloturer.text": (
        "Clôturer : l'accès est fermé ; les données sont archivées 10 ans, ou supprimées si "
        "vous le demandez."
    ),
    "space.action.rouvrir.text": "Rouvrir : l'accès et les données archivées sont rétablis.",
    # What was done, said at the top of the space or of « Gérer le profil ».
    "space.who.own": "Mon espace santé",
    "space.who.child": "Le profil de {name}",
    "space.closed": (
        "✓ {who} a été clôturé le {date}. Les données sont archivées pendant 10 ans : il peut "
        "être rouvert à tout moment."
    ),
    "space.closed.deletion": (
        "✓ {who} a été clôturé le {date}. La suppression des données a été demandée : elle "
        "sera effectuée au plus tard le {due}. Il ne pourra pas être rouvert ; une fois les "
        "données supprimées, un nouvel espace, vide, pourra être activé."
    ),
    "space.reopened": (
        "✓ {who} a été rouvert le {date} : les données archivées sont de nouveau disponibles."
    ),
    # --- « Gérer le profil », in the logged-in space ---
    "manage_profile.title": "Gérer le profil",
    "manage_profile.who": "Profil : {name}",
    "manage_profile.status": "Statut : {status}",
    "manage_profile.actions": "Ce que je peux faire pour ce profil",
    "manage_profile.back": "Retour à Mon espace santé",
    "manage_profile.help": (
        "Les boutons proposés dépendent du statut du profil. « Activer » et « Je m'oppose » "
        "mènent à la décision ; « Clôturer » demande le mot de passe de votre compte ; "
        "« Rouvrir » rétablit le profil aussitôt. « Retour à Mon espace santé » (ou Échap) "
        "revient à votre espace sans rien changer."
    ),
    # --- closing a profile ---
    "close_profile.title": "Clôturer Mon espace santé",
    "close_profile.child": "Profil concerné : {name}",
    "close_profile.archive": (
        "En clôturant Mon espace santé, l'accès au profil est fermé. Ses données sont "
        "archivées pendant 10 ans : Mon espace santé peut être rouvert à tout moment, et les "
        "données retrouvées."
    ),
    "close_profile.deletion": (
        "Je peux aussi demander la suppression des données : elle est effectuée dans un délai "
        "de 3 mois au plus tard. Mon espace santé ne peut alors plus être rouvert et les "
        "données ne peuvent pas être récupérées ; une fois la suppression faite, un nouvel "
        "espace, vide, peut être activé."
    ),
    "close_profile.password": "Mot de passe",
    "close_profile.password.hint": (
        "Le mot de passe de votre compte Mon espace santé (identifiant {identifier}), pour "
        "confirmer la clôture."
    ),
    "close_profile.show": "Afficher le mot de passe",
    "close_profile.delete": "Je demande la suppression de mes données",
    "close_profile.delete.child": "Je demande la suppression des données de {name}",
    "close_profile.submit": "Clôturer",
    "close_profile.help": (
        "Saisissez le mot de passe de votre compte ; cochez « Je demande la suppression » "
        "(Espace) si les données doivent être supprimées plutôt qu'archivées ; puis "
        "« Clôturer ». F3 affiche ou masque le mot de passe. « Annuler » (ou Échap) revient "
        "sans rien clôturer."
    ),
    # --- the household's profiles after an opposition (guide 002, Opposition 3/4) ---
    "opposition.done.manage.intro": (
        "Je peux sélectionner un profil et cliquer sur le bouton « Gérer le profil » pour "
        "l'activer ou m'y opposer."
    ),
    "opposition.done.manage": "Gérer le profil",
    "opposition.done.login_to_manage": (
        "Pour gérer ce profil, connectez-vous à Mon espace santé (« Se connecter »)."
    ),
    "opposition.done.space": "Retour à Mon espace santé",
    # --- success ---
    "success.login": "Se connecter à Mon espace santé",
}
