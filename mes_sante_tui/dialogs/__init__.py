"""Dialogs, kept apart from the screens of the journey, all on one frame (`base.Dialog`):
« Quitter la page ? » (`quit_confirm`), the session warning (`session_warning`), the store's
problem (`store_problem`), the help dialogs (`help_contact`, `help_nir`, `help_serial`), the
documents (`document`: CGU, privacy) and the F1 help of a screen (`screen_help`).

Each is imported from its own module when first needed: start-up needs none of them.
"""
