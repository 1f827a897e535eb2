"""The footer of the keys, drawn again only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """Textual's `Footer`, which rebuilds its keys (removes and mounts them, restyles and
    lays them out) each time the bindings may have changed: at every focus change, so at
    every field a person moves to, though the keys shown are mostly the same. This one
    rebuilds them only when what it would show differs from what it shows."""

    _shown: Hashable | None = None

    def _keys(self, screen: Screen[object]) -> Hashable:
        """What `compose` shows from `screen`'s bindings."""
        app = self.app
        active = screen.active_bindings  # computed anew at each use: once here
        keys: list[Hashable] = [
            (
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                tooltip,
                binding.group,
            )
            for _, binding, enabled, tooltip in active.values()
            if binding.show
        ]
        palette = active.get(app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            _, binding, enabled, tooltip = palette
            keys.append((binding.key, binding.description, enabled, tooltip))
        return tuple(keys)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                # Each key is bound to the footer's `compact`, but starts compact: given its
                # class and value at once, it is not restyled twice as it is mounted.
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._shown is not None and screen is self.screen and self._keys(screen) == self._shown:
            return
        super().bindings_changed(screen)
