"""The live checklist of the password rules: each rule met or missing, in words and symbol."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from mes_sante_tui.core.password import PasswordRule
from mes_sante_tui.wording import t


class PasswordChecklist(Static):
    """A title line, then one line per rule: « ✓ … — respecté » or « ✗ … — manquant »."""

    DEFAULT_CSS = """
    PasswordChecklist {
        width: 1fr;
        height: auto;
        padding: 0 1;
        margin-bottom: 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(Content.styled(t("widget.password.title"), "bold"), id=id, classes=classes)
        self.rules: tuple[PasswordRule, ...] = ()

    def show_rules(self, rules: Sequence[PasswordRule]) -> None:
        """Show the state of every rule; colour is only an extra to the symbol and words."""
        self.rules = tuple(rules)
        lines = [Content.styled(t("widget.password.title"), "bold")]
        for rule in self.rules:
            if rule.met:
                lines.append(
                    Content.styled(t("widget.password.met", label=rule.label), "$text-success")
                )
            else:
                lines.append(
                    Content.styled(t("widget.password.unmet", label=rule.label), "$text-error")
                )
        self.update(Content("\n").join(lines))
