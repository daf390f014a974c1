"""How a progress or a score is rounded for people, and how it is judged against an edge.

One rule everywhere: a fraction (0-1) is shown in hundredths, rounded half up as people round
(0.725 -> 73 %, 0.73), after dropping float noise (0.7 - 0.6 is 0.09999999999999998). Every
judgement against an edge (bar colours, on track / behind, verdicts, the histogram) compares
hundredths too, so a reader never sees a figure on one side of an edge judged on the other, and
the same gap is judged the same at 0.4 / 0.5 as at 0.7 / 0.8.
"""

from __future__ import annotations

import math


def hundredths(value: float) -> int:
    """0.725 -> 73: the figure as the site, `okr diff` and the reply of every command show it."""
    return math.floor(round(value * 100, 6) + 0.5)


def shown(value: float) -> float:
    """A fraction rounded as it is shown (0.725 -> 0.73); the value that is judged."""
    return hundredths(value) / 100


def at_least(value: float, edge: float) -> bool:
    """`value` has reached `edge`, both read as shown."""
    return hundredths(value) >= hundredths(edge)


def gap_within(expected: float, progress: float, tolerance: float) -> bool:
    """`progress` trails `expected` by at most `tolerance` (all read as shown)."""
    return hundredths(expected) - hundredths(progress) <= hundredths(tolerance)


# Numbers written out for machines (`okr export`, `okr diff --format json`): `True` and `None`
# pass through, a whole number loses its `.0` (10000.0 -> 10000, as people wrote it).


def written_number(value: float | bool | None) -> float | bool | None:
    """A value as written in a file, exactly: the output loses nothing."""
    if value is None or isinstance(value, bool):
        return value
    return int(value) if value == int(value) and abs(value) < 1e15 else value


def computed_number(value: float | bool | None) -> float | bool | None:
    """A computed progress, score or sum, to four decimals (more would only show float noise)."""
    if value is None or isinstance(value, bool):
        return value
    return written_number(round(value, 4))
