"""Reusable widgets, each with its own DEFAULT_CSS, re-exported here.

Each widget's module is imported on first use (PEP 562), as the screens' are: the home page
needs four of them, and importing every form's widget up front cost the start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mes_sante_tui.widgets.action_row import ActionRow as ActionRow
    from mes_sante_tui.widgets.card_fields import CardFields as CardFields
    from mes_sante_tui.widgets.channel_choice import ChannelChoice as ChannelChoice
    from mes_sante_tui.widgets.choices import ChoiceButton as ChoiceButton
    from mes_sante_tui.widgets.choices import ChoiceSet as ChoiceSet
    from mes_sante_tui.widgets.choices import TickBox as TickBox
    from mes_sante_tui.widgets.footer import KeysFooter as KeysFooter
    from mes_sante_tui.widgets.form_field import ErrorSummary as ErrorSummary
    from mes_sante_tui.widgets.form_field import FormField as FormField
    from mes_sante_tui.widgets.hint import GuideHint as GuideHint
    from mes_sante_tui.widgets.link_button import LinkButton as LinkButton
    from mes_sante_tui.widgets.notice import SimulationNotice as SimulationNotice
    from mes_sante_tui.widgets.outbox_panel import OutboxPanel as OutboxPanel
    from mes_sante_tui.widgets.password_checklist import PasswordChecklist as PasswordChecklist
    from mes_sante_tui.widgets.password_pair import PasswordPair as PasswordPair
    from mes_sante_tui.widgets.stepper import Stepper as Stepper
    from mes_sante_tui.widgets.text_input import TextInput as TextInput
    from mes_sante_tui.widgets.vitale_card import VitaleCardDrawing as VitaleCardDrawing

_MODULE_OF = {
    "ActionRow": "action_row",
    "CardFields": "card_fields",
    "ChannelChoice": "channel_choice",
    "ChoiceButton": "choices",
    "ChoiceSet": "choices",
    "ErrorSummary": "form_field",
    "FormField": "form_field",
    "GuideHint": "hint",
    "KeysFooter": "footer",
    "LinkButton": "link_button",
    "OutboxPanel": "outbox_panel",
    "PasswordChecklist": "password_checklist",
    "PasswordPair": "password_pair",
    "SimulationNotice": "notice",
    "Stepper": "stepper",
    "TextInput": "text_input",
    "TickBox": "choices",
    "VitaleCardDrawing": "vitale_card",
}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
