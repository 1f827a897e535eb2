"""screens wording."""

TEXTS: dict[str, str] = {
}
