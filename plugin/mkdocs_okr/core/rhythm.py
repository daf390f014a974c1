"""The weekly rhythm: expected progress, on track / behind / at risk, and stale sets.

docs/method.md, rule 15: a weekly review drags the progress bar; a set with no check-in for two
weeks in a running cycle is stale. "Today" is given by the caller (the plugin and the command
take it from SOURCE_DATE_EPOCH, a flag or the clock), so the core stays pure and testable.
"""

from __future__ import annotations

import datetime as dt

from . import figures
from .cycles import Cycle
from .model import OkrSet
from .settings import Settings

ON_TRACK = "on-track"
BEHIND = "behind"
AT_RISK = "at-risk"


def is_running(cycle: Cycle, today: dt.date) -> bool:
    return cycle.start <= today <= cycle.end


def has_ended(cycle: Cycle, today: dt.date) -> bool:
    return today > cycle.end


def expected_progress(cycle: Cycle, today: dt.date) -> float:
    """The share of the cycle elapsed at the end of `today`: 0 before it, 1 after it."""
    if today < cycle.start:
        return 0.0
    if today >= cycle.end:
        return 1.0
    return ((today - cycle.start).days + 1) / cycle.days


def pace(progress: float | None, expected: float, settings: Settings) -> str | None:
    """on-track, behind or at-risk by how far `progress` trails `expected` (read as shown)."""
    if progress is None:
        return None
    if figures.gap_within(expected, progress, settings.tolerance.behind):
        return ON_TRACK
    if figures.gap_within(expected, progress, settings.tolerance.at_risk):
        return BEHIND
    return AT_RISK


def is_stale(okr_set: OkrSet, today: dt.date, settings: Settings) -> bool:
    """No check-in for more than `stale_days` in a running cycle (counted from its start)."""
    if not is_running(okr_set.cycle, today):
        return False
    last = okr_set.last_checkin or okr_set.cycle.start
    return (today - last).days > settings.stale_days
