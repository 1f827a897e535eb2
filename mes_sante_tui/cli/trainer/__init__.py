"""A trainer's subcommands, a module each:

- `session`: `panne` (faults on demand, acting on a trainee's running application) and
  `journal` (a session's journal read back);
- `scenarios`: `scenarios`, and starting or entering a scenario's run;
- `figures`: `reglages` (the service's unpublished figures of a store);
- `documents`: `rapport` and `fiches` (the files a trainer prints);
- `classroom`: `classe` (the application served to a room's browsers).

Each is loaded only when its subcommand runs (see `cli/__init__.py`'s table).
"""
