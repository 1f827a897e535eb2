"""Messages about the store file itself (command line and application start-up)."""

TEXTS: dict[str, str] = {
    "store.locked": (
        "La base {path} est occupée par un autre programme : réessayez dans quelques "
        "secondes, ou fermez l'autre session."
    ),
    "store.unwritable": (
        "Impossible d'ouvrir ou d'écrire la base {path} : vérifiez le dossier et ses droits, "
        "ou choisissez un autre fichier avec --db."
    ),
    "store.damaged": (
        "La base {path} est endommagée, ou ce fichier n'est pas une base de données : rien n'y "
        "a été écrit. « mes-sante-tui reset » la met de côté (sans l'effacer) et crée une base "
        "neuve ; ou choisissez un autre fichier avec --db."
    ),
    "store.foreign": (
        "Le fichier {path} est la base de données d'un autre programme : mes-sante-tui n'y "
        "écrit rien. Choisissez un autre fichier avec --db (un chemin nouveau, ou un fichier "
        "vide)."
    ),
    "store.full": (
        "Le disque où se trouve la base {path} est plein : libérez de la place, puis "
        "réessayez, ou choisissez un autre fichier avec --db."
    ),
    "store.newer": (
        "La base {path} vient d'une version plus récente de l'application (schéma {found}, "
        "cette version connaît le schéma {known}) : mettez l'application à jour, ou choisissez "
        "un autre fichier avec --db."
    ),
    "store.failed": "La base {path} n'a pas pu être utilisée ({reason}).",
    "store.moved": (
        "La base {path} a été supprimée, déplacée ou remplacée pendant que l'application "
        "l'utilisait : relancez l'application."
    ),
    "store.vanished": (
        "Les données de la base {path} ont été réinitialisées par un autre programme pendant "
        "le parcours."
    ),
    # During a session, on screen: what happened, that the typed input is kept, what to do.
    "store.session.title": "L'opération n'a pas pu aboutir",
    "store.session.busy": (
        "Le fichier de données est utilisé par un autre programme. Rien n'a été enregistré et "
        "votre saisie est conservée : réessayez dans un instant."
    ),
    "store.session.read_only": (
        "Le fichier de données ne peut pas être modifié (il est en lecture seule, ou son "
        "dossier est protégé). Rien n'a été enregistré et votre saisie est conservée : faites "
        "rétablir le droit d'écriture sur ce fichier, puis réessayez."
    ),
    "store.session.full": (
        "Le disque est plein. Rien n'a été enregistré et votre saisie est conservée : libérez "
        "de la place sur le disque, puis réessayez."
    ),
    "store.session.unavailable": (
        "Le fichier de données n'a pas pu être lu ou écrit. Rien n'a été enregistré et votre "
        "saisie est conservée : réessayez ; si le problème continue, quittez l'application "
        "(Ctrl+Q) et relancez-la."
    ),
    "store.session.vanished": (
        "Les données du simulateur ont été réinitialisées depuis un autre terminal : ce "
        "parcours ne peut pas continuer. Revenez à l'accueil pour le recommencer."
    ),
    "store.session.understood": "J'ai compris",
    "store.session.home": "Retour à l'accueil",
    "store.session.key.close": "Fermer",
    "store.session.key.close.tip": "Fermer ce message et revenir à l'écran, saisie conservée",
}
