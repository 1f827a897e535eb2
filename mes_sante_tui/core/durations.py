"""A wait said in words, with French plurals: « 1 minute », « 2 minutes », « 56 secondes »,
« 1 heure 4 minutes ». The one place that turns a duration into words."""

from __future__ import annotations

import math
from datetime import timedelta

from mes_sante_tui.wording import count, t

_MINUTES_PER_HOUR = 60
_MINUTES_PER_DAY = 24 * _MINUTES_PER_HOUR


def wait_words(delta: timedelta) -> str:
    """`delta` rounded up, so the person never comes back too early: to the second under a
    minute (at least « 1 seconde »), to the minute above, in days, hours and minutes."""
    seconds = max(1, math.ceil(delta.total_seconds()))
    if seconds < 60:
        return count("wait.second", seconds)
    total_minutes = math.ceil(seconds / 60)
    days, rest = divmod(total_minutes, _MINUTES_PER_DAY)
    hours, minutes = divmod(rest, _MINUTES_PER_HOUR)
    parts = (("wait.day", days), ("wait.hour", hours), ("wait.minute", minutes))
    return " ".join(count(key, n) for key, n in parts if n)


def countdown_words(left: timedelta) -> str:
    """A countdown to the second: « 1 minute et 59 secondes », « 2 minutes », « 5 secondes »
    (rounded up, never below « 0 seconde »)."""
    total = max(0, math.ceil(left.total_seconds()))
    minutes, seconds = divmod(total, 60)
    if minutes and seconds:
        return t(
            "session.left.both",
            minutes=count("wait.minute", minutes),
            seconds=count("wait.second", seconds),
        )
    return count("wait.minute", minutes) if minutes else count("wait.second", seconds)
