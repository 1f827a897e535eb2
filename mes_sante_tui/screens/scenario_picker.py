"""« Scénarios de formation »: the training scenarios, each with its level, variant and goal;
Enter starts the one highlighted (the app prepares a fresh store for it and switches)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from mes_sante_tui.core.scenarios import Scenario, load_scenarios
from mes_sante_tui.wording import t


def scenario_prompt(scenario: Scenario, *, highlighted: bool = False) -> Content:
    """Two lines or more: its title, level and variant in bold, then its goal. The one
    highlighted is marked « ▶ », not by its colour alone."""
    head = t(
        "picker.item", title=scenario.title, level=t(f"scenario.level.{scenario.level.value}"),
        variant=t(f"variant.{scenario.variant.value}"),
    )
    mark = "▶ " if highlighted else "  "
    return Content.assemble(
        (mark + head, "bold"), "\n", t("picker.goal", goal=scenario.goal)
    )


class ScenarioPickerScreen(ModalScreen[str | None]):
    """Returns the name of the scenario chosen, or None when the person goes back."""

    AUTO_FOCUS = "#scenarios"
    BINDINGS = [
        Binding("escape", "cancel", t("key.back"), tooltip=t("picker.cancel.tip"), id="cancel"),
    ]
    DEFAULT_CSS = """
    ScenarioPickerScreen {
        align: center middle;
    }
    ScenarioPickerScreen > Vertical {
        width: 100;
        max-width: 100%;
        height: 90%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    ScenarioPickerScreen .title {
        text-style: bold;
    }
    ScenarioPickerScreen #picker-problem {
        color: $text-error;
        text-style: bold;
    }
    ScenarioPickerScreen OptionList {
        height: 1fr;
        border: tall $surface;
        & > .option-list--option {
            padding: 0 1;
        }
    }
    ScenarioPickerScreen OptionList:focus {
        border: thick $accent;
    }
    """

    def __init__(self, folder: str, problem: str | None = None) -> None:
        """`folder`: where the run's store will be made; `problem`: why the scenario chosen
        before could not be prepared, said first."""
        self.folder = folder
        self.problem = problem
        self._marked: str | None = None  # the scenario marked « ▶ »
        super().__init__()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("picker.title"), classes="title", markup=False)
            yield Static(t("picker.lead", folder=self.folder), markup=False)
            problem = Static(
                t("picker.failed", message=self.problem) if self.problem else "",
                id="picker-problem", markup=False,
            )
            problem.display = self.problem is not None
            yield problem
            options: list[Option | None] = []
            for scenario in load_scenarios().values():
                if options:
                    options.append(None)  # a separator line between two scenarios
                options.append(Option(scenario_prompt(scenario), id=scenario.name))
            yield OptionList(*options, id="scenarios")
        yield Footer()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        scenarios = load_scenarios()
        options = event.option_list
        for name in (self._marked, event.option.id):
            if name is not None and name in scenarios:
                prompt = scenario_prompt(scenarios[name], highlighted=name == event.option.id)
                options.replace_option_prompt(name, prompt)
        self._marked = event.option.id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
