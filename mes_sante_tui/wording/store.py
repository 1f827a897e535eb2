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
    "store.not_a_store": (
        "Le fichier {path} n'est pas une base mes_sante_tui (ou il est endommagé) : choisissez "
        "un autre fichier avec --db, ou recréez-la avec « mes-sante-tui reset »."
    ),
    "store.newer": (
        "La base {path} vient d'une version plus récente de l'application (schéma {found}, "
        "cette version connaît le schéma {known}) : mettez l'application à jour, ou choisissez "
        "un autre fichier avec --db."
    ),
    "store.failed": "La base {path} n'a pas pu être utilisée ({reason}).",
}
