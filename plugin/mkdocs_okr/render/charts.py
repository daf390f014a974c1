"""Inline SVG charts: no JavaScript, no external assets, readable in both palettes.

Each chart is an `<svg role="img">` with a `<title>` that says in words what it shows, so a
screen reader gets the facts and not the shapes. Colours come from CSS (classes), so the dark
palette can recolour them. Material's search leaves a chart's words out of its index
(`data-search-exclude`, which it removes from the page once read).
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from ..core.cycles import Cycle
from ..core.model import KeyResult


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def trend(
    key_result: KeyResult,
    cycle: Cycle,
    today: dt.date | None,
    label: str,
    *,
    small: bool = False,
) -> Markup:
    """A KR's check-ins over the cycle with start, target and the straight line of expected
    progress (from start on the first day to target on the last)."""
    if key_result.kind != "numeric" or key_result.target is None:
        return Markup("")
    width, height = (120, 28) if small else (560, 180)
    pad_left, pad_right, pad_top, pad_bottom = (2, 2, 3, 3) if small else (56, 12, 12, 24)
    values = [float(c.value) for c in key_result.checkins if not isinstance(c.value, bool)]
    low = min([key_result.start, key_result.target, *values])
    high = max([key_result.start, key_result.target, *values])
    if high == low:
        high = low + 1
    span_days = max(cycle.days - 1, 1)

    def x(day: dt.date) -> float:
        offset = min(max((day - cycle.start).days, 0), span_days)
        return pad_left + (width - pad_left - pad_right) * offset / span_days

    def y(value: float) -> float:
        return pad_top + (height - pad_top - pad_bottom) * (1 - (value - low) / (high - low))

    parts = [
        f'<svg class="okr-chart{" okr-chart--small" if small else ""}" role="img" '
        f'data-search-exclude="true" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" '
        f'preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
    ]
    x0, x1 = x(cycle.start), x(cycle.end)
    parts.append(
        f'<line class="okr-chart__start" x1="{_fmt(x0)}" y1="{_fmt(y(key_result.start))}" '
        f'x2="{_fmt(x1)}" y2="{_fmt(y(key_result.start))}"/>'
    )
    parts.append(
        f'<line class="okr-chart__target" x1="{_fmt(x0)}" y1="{_fmt(y(key_result.target))}" '
        f'x2="{_fmt(x1)}" y2="{_fmt(y(key_result.target))}"/>'
    )
    parts.append(
        f'<line class="okr-chart__expected" x1="{_fmt(x0)}" y1="{_fmt(y(key_result.start))}" '
        f'x2="{_fmt(x1)}" y2="{_fmt(y(key_result.target))}"/>'
    )
    if today is not None and cycle.start <= today <= cycle.end:
        parts.append(
            f'<line class="okr-chart__today" x1="{_fmt(x(today))}" y1="{pad_top}" '
            f'x2="{_fmt(x(today))}" y2="{height - pad_bottom}"/>'
        )
    points = [(cycle.start, key_result.start)] + [
        (c.date, float(c.value)) for c in key_result.checkins if not isinstance(c.value, bool)
    ]
    if len(points) > 1:
        path = " ".join(f"{_fmt(x(day))},{_fmt(y(value))}" for day, value in points)
        parts.append(f'<polyline class="okr-chart__actual" points="{path}"/>')
    if not small:
        for day, value in points[1:]:
            parts.append(
                f'<circle class="okr-chart__point" cx="{_fmt(x(day))}" cy="{_fmt(y(value))}" r="3"/>'
            )
        for value in sorted({key_result.start, key_result.target}):
            parts.append(
                f'<text class="okr-chart__label" x="{pad_left - 6}" y="{_fmt(y(value) + 4)}" '
                f'text-anchor="end">{escape(_fmt(value))}</text>'
            )
        parts.append(
            f'<text class="okr-chart__label" x="{_fmt(x0)}" y="{height - 6}">{cycle.start.isoformat()}</text>'
        )
        parts.append(
            f'<text class="okr-chart__label" x="{_fmt(x1)}" y="{height - 6}" text-anchor="end">'
            f"{cycle.end.isoformat()}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def histogram(counts: list[int], label: str, bin_labels: list[str], colours: list[str]) -> Markup:
    """Bars of counts per score bin, each count printed above its bar, in its grading colour."""
    width, height, pad_bottom, pad_top = 360, 140, 22, 16
    bins = len(counts)
    top = max(counts) if any(counts) else 1
    slot = width / bins
    parts = [
        f'<svg class="okr-chart okr-chart--histogram" role="img" data-search-exclude="true" '
        f'viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
    ]
    for index, count in enumerate(counts):
        bar_height = (height - pad_bottom - pad_top) * count / top
        left = index * slot + 2
        colour = colours[index]
        parts.append(
            f'<rect class="okr-chart__bin okr-chart__bin--{colour}" data-count="{count}" '
            f'x="{_fmt(left)}" y="{_fmt(height - pad_bottom - bar_height)}" '
            f'width="{_fmt(slot - 4)}" height="{_fmt(bar_height)}"/>'
        )
        if count:
            parts.append(
                f'<text class="okr-chart__label" x="{_fmt(left + (slot - 4) / 2)}" '
                f'y="{_fmt(height - pad_bottom - bar_height - 3)}" text-anchor="middle">{count}</text>'
            )
        parts.append(
            f'<text class="okr-chart__label" x="{_fmt(left + (slot - 4) / 2)}" y="{height - 6}" '
            f'text-anchor="middle">{escape(bin_labels[index])}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def score_columns(scores: list[tuple[str, float | None]], label: str, colours: list[str]) -> Markup:
    """A small chart of one owner's score per cycle (calibration across cycles), each column
    in its score's grading colour (`facts.colour`: judged as shown)."""
    width, height, pad_bottom = max(40 * len(scores), 80), 70, 16
    slot = width / max(len(scores), 1)
    parts = [
        f'<svg class="okr-chart okr-chart--scores" role="img" data-search-exclude="true" '
        f'viewBox="0 0 {_fmt(width)} {height}" '
        f'width="{_fmt(width)}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
    ]
    for index, ((cycle_id, score), colour) in enumerate(zip(scores, colours, strict=True)):
        value = score or 0.0
        bar_height = (height - pad_bottom - 4) * value
        left = index * slot + 4
        parts.append(
            f'<rect class="okr-chart__bin okr-chart__bin--{colour}" x="{_fmt(left)}" '
            f'y="{_fmt(height - pad_bottom - bar_height)}" width="{_fmt(slot - 8)}" height="{_fmt(bar_height)}"/>'
        )
        parts.append(
            f'<text class="okr-chart__label" x="{_fmt(left + (slot - 8) / 2)}" y="{height - 4}" '
            f'text-anchor="middle">{escape(cycle_id[-2:] if len(cycle_id) > 4 else cycle_id)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
