"""The live checklist of the password rules: each rule met or missing, in words and symbol."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from mes_sante_tui.core.password import PasswordRule
from mes_sante_tui.wording import t


def _line(rule: PasswordRule) -> Content:
    if rule.met:
        return Content.styled(t("widget.password.met", label=rule.label), "$text-success")
    return Content.styled(t("widget.password.unmet", label=rule.label), "$text-error")


class PasswordChecklist(Vertical):
    """A title line, then one line per rule: « ✓ … — respecté » or « ✗ … — manquant ».

    Each rule is a line of its own, so that a key typed in the password redraws only the
    rules whose state it changed, and nothing when none did; a line keeps its width when its
    state changes (« respecté » and « manquant » are as long), so the form is not laid out
    again either.
    """

    DEFAULT_CSS = """
    PasswordChecklist {
        width: 1fr;
        height: auto;
        padding: 0 1;
        margin-bottom: 1;
        & > Static {
            width: 1fr;
            height: auto;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.rules: tuple[PasswordRule, ...] = ()
        self._title = Static(Content.styled(t("widget.password.title"), "bold"))
        self._lines: list[Static] = []

    def compose(self) -> ComposeResult:
        yield self._title

    @property
    def content(self) -> str:
        """The checklist as it reads, one line each (the title first)."""
        lines = [self._title.visual] + [line.visual for line in self._lines]
        return "\n".join(str(getattr(line, "plain", line)) for line in lines)

    def show_rules(self, rules: Sequence[PasswordRule]) -> None:
        """Show the state of every rule; colour is only an extra to the symbol and words."""
        rules = tuple(rules)
        before, self.rules = self.rules, rules
        if [r.key for r in before] != [r.key for r in rules] or len(self._lines) != len(rules):
            for line in self._lines:
                line.remove()
            self._lines = [Static(_line(rule), markup=False) for rule in rules]
            if self.is_attached:
                self.mount_all(self._lines)
            return
        for line, old, new in zip(self._lines, before, rules, strict=True):
            if old != new:
                text = _line(new)
                # Same length, same wrapping: no layout (see the class's doc).
                line.update(text, layout=text.cell_length != _line(old).cell_length)

    def on_mount(self) -> None:
        if self._lines and not any(line.is_attached for line in self._lines):
            self.mount_all(self._lines)
