"""Which day is "today" for expected progress and staleness.

A fixed date wins (a flag or the plugin's `today` option), then SOURCE_DATE_EPOCH (the
reproducible-builds convention, so a rebuild of the same commit gives the same site), then the
clock. Kept outside the core, which takes today as an argument.
"""

from __future__ import annotations

import datetime as dt
import os


def today(fixed: str | dt.date | None = None) -> dt.date:
    if isinstance(fixed, dt.date):
        return fixed
    if fixed:
        return dt.date.fromisoformat(fixed)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()
