"""Wording of the logged-in space, closure, reopening and « Gérer le profil » screens."""

TEXTS: dict[str, str] = {
}
