"""Telling a widget's or a screen's kind without importing the kind's module.

No instance of a class can exist before its module is loaded: where a check runs on every
refresh (the cursor, the router's « where does Escape lead »), the class is looked up among
the modules already loaded, so that asking never loads a screen or a widget the person has
not met (start-up time).
"""

from __future__ import annotations

import sys


def is_loaded_instance(thing: object, module: str, name: str) -> bool:
    """`thing` is an instance of `module.name`, that module being loaded already."""
    loaded = sys.modules.get(module)
    return loaded is not None and isinstance(thing, getattr(loaded, name))
