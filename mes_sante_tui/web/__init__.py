"""The classroom in a browser (`mes-sante-tui classe`): textual-serve, our page, and the
command each browser connection runs. Imported only by `classe`, never at start-up."""
