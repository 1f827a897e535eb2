"""Wording of the login and recovery screens (« Se connecter », « Identifiant oublié », « Mot de passe oublié »)."""

TEXTS: dict[str, str] = {
}
