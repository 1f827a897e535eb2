"""The guided mode's one mechanism: the hints of a page (`core.guide`) mounted in the layout
flow, each just before the field, link or button it points to.

« Just before » is before the block that holds the target in the form's column: its
`FormField` (label, input, error), else the row of buttons it sits in, else the target itself.
Never inside a radio set (its arrow keys count its children) nor inside a field. Mounted in
the order of the table, which is the order of the page, the hints read from top to bottom in
the order Tab goes through their targets.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.containers import Horizontal, HorizontalGroup
from textual.css.query import NoMatches
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import RadioSet

from mes_sante_tui.core.guide import Hint, Page
from mes_sante_tui.widgets import FormField, GuideHint
from mes_sante_tui.wording import t

# The page each screen shows, by the screen's class name (a screen whose page depends on
# what it shows says so itself: see `JourneyScreen.guide_page`).
PAGE_OF_SCREEN: dict[str, Page] = {
    "HomeScreen": Page.HOME,
    "StartScreen": Page.START,
    "IdentifyScreen": Page.IDENTIFY,
    "RegenerateScreen": Page.REGENERATE,
    "SendCodeScreen": Page.SEND_CODE,
    "BirthDateScreen": Page.BIRTH_DATE,
    "VitaleScreen": Page.VITALE,
    "CodeScreen": Page.CODE,
    "DecisionScreen": Page.DECISION,
    "ContactsScreen": Page.CONTACTS,
    "AccountScreen": Page.ACCOUNT,
    "OppositionConfirmScreen": Page.OPPOSITION_CONFIRM,
    "OppositionDoneScreen": Page.OPPOSITION_DONE,
}


def anchor_of(target: Widget) -> Widget:
    """The block of the form's column that a hint for `target` goes just before."""
    for node in target.ancestors_with_self:
        if isinstance(node, FormField):
            return node
    anchor = target
    if isinstance(anchor.parent, RadioSet):
        anchor = anchor.parent
    if isinstance(anchor.parent, (Horizontal, HorizontalGroup)):
        anchor = anchor.parent
    return anchor


def place_hints(root: DOMNode, hints: Sequence[Hint]) -> list[GuideHint]:
    """Remove the hints shown under `root`, then mount `hints` before their targets. A target
    the page does not show at the moment (an option it leaves out) has no hint."""
    for shown in root.query(GuideHint):
        shown.remove()
    placed: list[GuideHint] = []
    for hint in hints:
        try:
            target = root.query_one(f"#{hint.target}", Widget)
        except NoMatches:
            continue
        anchor = anchor_of(target)
        parent = anchor.parent
        if not isinstance(parent, Widget):
            continue
        widget = GuideHint(t(hint.key), target=hint.target)
        parent.mount(widget, before=anchor)
        placed.append(widget)
    return placed
