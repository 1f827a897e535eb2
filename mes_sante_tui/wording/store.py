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
        "Le disque de la base {path} est plein : libérez de la place, ou choisissez un autre "
        "fichier avec --db."
    ),
    "store.newer": (
        "La base {path} vient d'une version plus récente de l'application (schéma {found}, "
        "cette version connaît le schéma {known}) : mettez l'application à jour, ou choisissez "
        "un autre fichier avec --db."
    ),
    "store.failed": "La base {path} n'a pas pu être utilisée ({reason}).",
}
