"""mes_sante_tui: a keyboard-first simulator of the « Mon espace santé » journey.

Everything here is fictitious and local. The package root stays free of heavy imports so
that `mes_sante_tui.core` can be loaded without Textual.
"""

__version__ = "0.1.0"
