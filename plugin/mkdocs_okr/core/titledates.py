"""Dates written in a title ("11月30日前", "by Nov 30", "2026-11-30", "by 11/30").

`okr carry` copies titles into a new cycle; a deadline that belonged to the old cycle then
reads as a promise the new one cannot keep ("11月30日前" carried into December). A date
written without a year is read in each year the cycle touches, and falls outside the cycle
only when it is outside in every one of them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .cycles import Cycle

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))

# Each pattern names its groups year (optional), month and day. A number glued to other digits,
# a decimal point or a percent sign is not a date ("1/3" of "11/30%" is a share, not a day).
_PATTERNS = (
    re.compile(
        r"(?<![\d./-])(?P<year>\d{4})(?P<mark>[-/])(?P<month>\d{1,2})(?P=mark)(?P<day>\d{1,2})"
        r"(?![\d.%/])"
    ),
    re.compile(
        r"(?:(?P<year>\d{4})\s*年\s*)?(?<![\d.])(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]"
    ),
    re.compile(
        rf"\b(?P<month>{_MONTH_NAME})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
        r"(?:,?\s+(?P<year>\d{4})\b)?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_NAME})\b\.?"
        r"(?:,?\s+(?P<year>\d{4})\b)?",
        re.IGNORECASE,
    ),
    re.compile(r"(?<![\d./-])(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})(?![\d.%/])"),
)

# A month/day pair without a year ("11/30", "1/10") is as often a share: "完成 1/10 的达人签约",
# "转化率提升 1/3". It is read as a date only where a reader takes it for one:
# - right after a deadline word: "by 11/30", "截止 1/10" (not 到: "提升到 1/3" is a share);
# - right before one: "11/30前", "1/10 之前";
# - opening the title as its deadline: "11/30 完成直播 3 场" (three digits at least, so
#   "1/3 预算投抖音" stays a share).
# Followed by 的 or "of" it is always a share ("1/10 的达人", "1/3 of the budget").
_MONTH_DAY = re.compile(r"(?<![\d./-])(?P<month>\d{1,2})/(?P<day>\d{1,2})(?![\d.%/])")
_DEADLINE_BEFORE = re.compile(
    r"(?:\b(?:by|before|until|till|due|on)|截至|截止|于)\s*$", re.IGNORECASE
)
_DEADLINE_AFTER = re.compile(r"^\s*(?:前|之前|以前|为止|止|截止)")
_SHARE_AFTER = re.compile(r"^\s*(?:的|of\b)", re.IGNORECASE)
_OPENING = re.compile(r"^\s*(?:\d\d/\d{1,2}|\d/\d\d)\s")


def _month_day_is_a_date(title: str, match: re.Match[str]) -> bool:
    before, after = title[: match.start()], title[match.end() :]
    if _SHARE_AFTER.match(after):
        return False
    if _DEADLINE_BEFORE.search(before) or _DEADLINE_AFTER.match(after):
        return True
    return not before.strip() and bool(_OPENING.match(title))


def _matches(title: str) -> list[re.Match[str]]:
    """Every candidate date in `title`, the forms that always mean a date first."""
    found = [match for pattern in _PATTERNS for match in pattern.finditer(title)]
    return found + [m for m in _MONTH_DAY.finditer(title) if _month_day_is_a_date(title, m)]


@dataclass(frozen=True)
class TitleDate:
    """A date found in a title: the text as written, and the days it may mean."""

    written: str
    days: tuple[dt.date, ...]  # one when the year is written, else one per year of the cycle


def dates_in(title: str, cycle: Cycle) -> list[TitleDate]:
    """The dates written in `title`, each read in the years that `cycle` touches."""
    found: list[TitleDate] = []
    taken: list[range] = []
    for match in _matches(title):
        span = range(*match.span())
        if any(span.start < other.stop and other.start < span.stop for other in taken):
            continue  # "2026年11月30日" is one date, not also "11月30日"
        month_text = match["month"]
        month = _MONTHS.get(month_text.lower()) or int(month_text)
        year_text = match.groupdict().get("year")
        years = [int(year_text)] if year_text else sorted({cycle.start.year, cycle.end.year})
        days = tuple(day for year in years if (day := _day(year, month, int(match["day"]))))
        if days:
            taken.append(span)
            found.append(TitleDate(match.group(0).strip(), days))
    return sorted(found, key=lambda d: title.find(d.written))


def dates_outside(title: str, cycle: Cycle) -> list[TitleDate]:
    """The dates in `title` that fall outside `cycle` whatever year they are read in."""
    return [d for d in dates_in(title, cycle) if not any(cycle.contains_date(x) for x in d.days)]


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
