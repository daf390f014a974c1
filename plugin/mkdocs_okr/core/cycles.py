"""Cycles: the periods OKRs are set for (docs/method.md, rule 20: month, two months, quarter,
year).

Built-in ids: `2024` (year), `2024-H1` (half), `2024-Q3` (quarter), `2024-B2` (two months:
Mar-Apr), `2024-07` (month). Any other name is a custom cycle defined with its dates in the
plugin configuration (`cycles:`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

_PATTERNS = [
    (re.compile(r"([0-9]{4})"), "year"),
    (re.compile(r"([0-9]{4})-H([12])"), "half"),
    (re.compile(r"([0-9]{4})-Q([1-4])"), "quarter"),
    (re.compile(r"([0-9]{4})-B([1-6])"), "bimonth"),
    (re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])"), "month"),
]
_MONTHS = {"year": 12, "half": 6, "quarter": 3, "bimonth": 2, "month": 1}
T = TypeVar("T")
CUSTOM_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")


@dataclass(frozen=True, order=True)
class Cycle:
    """A named period, inclusive of both dates."""

    start: dt.date
    end: dt.date
    id: str
    kind: str  # year | half | quarter | bimonth | month | custom

    def contains(self, other: Cycle) -> bool:
        return self.start <= other.start and other.end <= self.end

    def contains_date(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def builtin(cycle_id: str) -> Cycle | None:
    """The built-in cycle named `cycle_id`, or None when the id is not of a built-in form."""
    for pattern, kind in _PATTERNS:
        match = pattern.fullmatch(cycle_id)
        if not match:
            continue
        year = int(match.group(1))
        if year < 1900 or year > 2999:
            return None
        index = int(match.group(2)) if kind != "year" else 1
        months = _MONTHS[kind]
        first_month = (index - 1) * months + 1
        last_month = first_month + months - 1
        last_day = calendar.monthrange(year, last_month)[1]
        return Cycle(
            dt.date(year, first_month, 1), dt.date(year, last_month, last_day), cycle_id, kind
        )
    return None


def smallest_enclosing(
    cycle: Cycle, candidates: Iterable[T], cycle_of: Callable[[T], Cycle]
) -> T | None:
    """The candidate whose cycle is `cycle` itself, else the one with the smallest cycle around it.

    An `aligns` reference or a `parent` written without a cycle means the owner's set in the
    same cycle, or in the smallest cycle that contains it (a quarter's team aligns to the
    company's year). Ties between cycles of equal length go to the smaller id, so the choice
    never depends on the order of the files.
    """
    around = [c for c in candidates if cycle_of(c).contains(cycle)]
    if not around:
        return None
    return min(around, key=lambda c: (cycle_of(c) != cycle, cycle_of(c).days, cycle_of(c).id))


class Calendar:
    """Resolves cycle ids: the built-in forms plus the custom cycles of the configuration."""

    def __init__(self, custom: dict[str, tuple[dt.date, dt.date]] | None = None) -> None:
        self.custom = {
            name: Cycle(start, end, name, "custom") for name, (start, end) in (custom or {}).items()
        }

    def get(self, cycle_id: str) -> Cycle | None:
        return self.custom.get(cycle_id) or builtin(cycle_id)

    def is_cycle_id(self, text: str) -> bool:
        return self.get(text) is not None
