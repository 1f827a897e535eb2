"""Reusable widgets, each with its own DEFAULT_CSS."""

from mes_sante_tui.widgets.card_fields import CardFields
from mes_sante_tui.widgets.channel_choice import ChannelChoice
from mes_sante_tui.widgets.choices import ChoiceButton, ChoiceSet, TickBox
from mes_sante_tui.widgets.footer import KeysFooter
from mes_sante_tui.widgets.form_field import ErrorSummary, FormField
from mes_sante_tui.widgets.hint import GuideHint
from mes_sante_tui.widgets.link_button import LinkButton
from mes_sante_tui.widgets.notice import SimulationNotice
from mes_sante_tui.widgets.outbox_panel import OutboxPanel
from mes_sante_tui.widgets.password_checklist import PasswordChecklist
from mes_sante_tui.widgets.password_pair import PasswordPair
from mes_sante_tui.widgets.stepper import Stepper
from mes_sante_tui.widgets.text_input import TextInput
from mes_sante_tui.widgets.vitale_card import VitaleCardDrawing

__all__ = [
    "CardFields",
    "ChannelChoice",
    "ChoiceButton",
    "ChoiceSet",
    "ErrorSummary",
    "FormField",
    "GuideHint",
    "KeysFooter",
    "LinkButton",
    "OutboxPanel",
    "PasswordChecklist",
    "PasswordPair",
    "SimulationNotice",
    "Stepper",
    "TextInput",
    "TickBox",
    "VitaleCardDrawing",
]
