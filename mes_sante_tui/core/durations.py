"""A wait said in words, with French plurals: « 1 minute », « 2 minutes », « 56 secondes »,
« 1 heure 4 minutes ». The one place that turns a duration into words."""

from __future__ import annotations

import math
from datetime import timedelta

from mes_sante_tui.wording import count, t


def duration_words(delta: timedelta) -> str:
    """`delta` exactly, to the second (a fraction dropped): days, hours, minutes and seconds,
    each when there are some (« 1 heure 30 minutes », « 1 minute 5 secondes »), « 0 seconde »
    for none. How a setting is said (core/settings.py `figure_words`)."""
    seconds = int(delta.total_seconds())
    parts: list[str] = []
    for key, size in (("wait.day", 86_400), ("wait.hour", 3_600), ("wait.minute", 60)):
        amount, seconds = divmod(seconds, size)
        if amount:
            parts.append(count(key, amount))
    if seconds or not parts:
        parts.append(count("wait.second", seconds))
    return " ".join(parts)


def wait_words(delta: timedelta) -> str:
    """`delta` rounded up, so the person never comes back too early: to the second under a
    minute (at least « 1 seconde »), to the minute above; then said as `duration_words`
    says a duration (« 1 heure 4 minutes »)."""
    seconds = max(1, math.ceil(delta.total_seconds()))
    if seconds >= 60:
        seconds = math.ceil(seconds / 60) * 60
    return duration_words(timedelta(seconds=seconds))


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
