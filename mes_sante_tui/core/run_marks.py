"""What marks a store as a training run's (`core/scenarios.py` writes it): two meta keys.
The second, the trainee's name, is also the one a classroom writes in a trainee's copy of
its model (`core/classroom.py`), and the one the reports and the classroom read.

Kept apart so that opening an ordinary store can tell it is not a run without loading the
scenarios' code and file (start-up time).
"""

from __future__ import annotations

from .store import Store

SCENARIO_KEY = "training.scenario"
TRAINEE_KEY = "training.trainee"  # written once, by whoever makes the store


def is_run_store(store: Store) -> bool:
    """The store was prepared for a scenario's run."""
    return store.meta(SCENARIO_KEY) is not None
