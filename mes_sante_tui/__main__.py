"""`python -m mes_sante_tui`: the same entry point as the `mes-sante-tui` command."""

from mes_sante_tui.entry import main

raise SystemExit(main())
