"""The core engine: rules, store and journeys, with no user-interface dependency.

Nothing under this package may import `textual` or `rich` (tests/core/test_import_hygiene.py
proves it), so the same engine serves the screens, the command line and the tests.
"""
